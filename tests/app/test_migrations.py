"""Every earlier schema upgrades to the newest with every row intact."""
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from app.storage import Store
from app.storage import db
from app.storage.repository import DB_NAME

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_revisions() -> list[str]:
    return sorted(path.stem.removeprefix("schema_") for path in FIXTURES.glob("schema_*.sqlite3"))


def read_tables(path: Path) -> dict[str, list[dict]]:
    """Every row of every table but Alembic's, as dicts, for comparison across schemas."""
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        return {name: [dict(row) for row in conn.execute(f'SELECT * FROM "{name}"')] for name in names}


def revision_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_revisions_match_alembic_history():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(db.alembic_config())
    history = [script.revision for script in scripts.walk_revisions()]  # newest first
    assert tuple(reversed(history)) == db.REVISIONS
    assert scripts.get_heads() == [db.HEAD]


def test_every_revision_has_a_fixture():
    # The head needs one too: it is the next migration's "earlier revision".
    missing = [rev for rev in db.REVISIONS if rev not in fixture_revisions()]
    assert not missing, f"run tests/fixtures/make_fixtures.py after adding fill functions for {missing}"


def test_fixtures_are_at_their_revision_and_have_rows_everywhere():
    for revision in fixture_revisions():
        path = FIXTURES / f"schema_{revision}.sqlite3"
        assert revision_of(path) == revision
        empty = [name for name, rows in read_tables(path).items() if not rows]
        assert not empty, f"{path.name} has empty tables {empty}: the test would prove nothing for them"


@pytest.mark.parametrize("revision", fixture_revisions())
def test_upgrade_to_head_keeps_every_row(tmp_path, revision):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    copy = data_dir / DB_NAME
    shutil.copyfile(FIXTURES / f"schema_{revision}.sqlite3", copy)
    before = read_tables(copy)

    store = Store(data_dir)
    try:
        assert db.current_revision(store.engine) == db.HEAD
        assert len(store.plans()) == len(before["plans"])
        assert len(store.sessions_between(date(1, 1, 1), date(9999, 12, 31))) == len(before["sessions"])
        assert len(store.rest_days()) == len(before["rest_days"])
        assert len(store.settings()) == len(before["settings"])
    finally:
        store.close()

    after = read_tables(copy)
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared"
        old_columns = rows[0].keys()
        kept = [{column: row.get(column) for column in old_columns} for row in after[table]]
        lost = [row for row in rows if row not in kept]
        assert not lost, f"{len(lost)} rows of {table} changed or vanished, e.g. {lost[0]}"
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
