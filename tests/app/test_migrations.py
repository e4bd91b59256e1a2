"""Every earlier schema upgrades to the newest with every row intact."""
import shutil
import sqlite3
from contextlib import closing
from datetime import date, datetime, timezone
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
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def current_rows(path: Path, table: str) -> int:
    """Rows of a table kept with its history that are its entries now: neither replaced nor deletions."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE NOT deleted AND id NOT IN "
                            f"(SELECT replaces_id FROM {table} WHERE replaces_id IS NOT NULL)").fetchone()[0]


@pytest.mark.parametrize("revision", fixture_revisions())
def test_the_upgraded_record_reads_its_treatment_journal_and_takes_new_entries(tmp_path, revision):
    from app.treatment.entries import AreaDose
    from app.vocabulary import InjectionArea, InjectionSide

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    copy = data_dir / DB_NAME
    shutil.copyfile(FIXTURES / f"schema_{revision}.sqlite3", copy)
    had = {table: current_rows(copy, table) if revision >= "0002" else 0
           for table in ("injections", "effect_marks", "checkins", "care_items", "care_ticks", "mood_entries")}
    store = Store(data_dir)
    try:
        journal = store.treatment
        read = {"injections": journal.injections(), "effect_marks": journal.marks(), "checkins": journal.checkins(),
                "care_items": journal.care_items(), "care_ticks": journal.care_ticks(), "mood_entries": journal.moods()}
        assert {table: len(entries) for table, entries in read.items()} == had
        now = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
        journal.log_injection(date(2026, 11, 20), [AreaDose(InjectionArea.CHIN, InjectionSide.RIGHT, 2.0)], now)
        assert len(journal.injections()) == had["injections"] + 1
    finally:
        store.close()


def test_the_migrated_schema_is_the_one_the_models_describe(tmp_path):
    """A column the models have and no migration made would fail only when first written."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from app.storage.models import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    db.upgrade_to(engine, "head")
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # Float in a migration and Double in a model are both REAL to SQLite: the same column.
    real = [d for d in differences if isinstance(d, list) and d[0][0] == "modify_type"
            and {type(t).__name__ for t in d[0][-2:]} == {"FLOAT", "Double"}]
    assert [d for d in differences if d not in real] == []


@pytest.mark.parametrize("revision", fixture_revisions())
def test_the_upgraded_record_reads_every_outcome_row_and_takes_new_ones(tmp_path, revision):
    from app.outcomes.entries import ItemPick, StoredImage
    from app.outcomes.items import load_items
    from app.vocabulary import ClinicianScale, Expression, PhotoSource, RatingMoment

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    copy = data_dir / DB_NAME
    shutil.copyfile(FIXTURES / f"schema_{revision}.sqlite3", copy)
    before = read_tables(copy)
    rows = {table: before.get(table, []) for table in ("rating_items", "ratings", "clinician_scores",
                                                       "photo_sets", "photos")}
    store = Store(data_dir)
    try:
        outcomes = store.outcomes
        items = outcomes.every_item()
        assert [(i.key, i.own_words, i.position) for i in items] == \
            [(r["item_key"], r["own_words"], r["position"]) for r in rows["rating_items"]]
        assert len(outcomes.chosen_items()) == sum(r["retired_at"] is None for r in rows["rating_items"])
        assert sorted((r.item_id, r.local_date.isoformat(), str(r.moment), r.value) for r in outcomes.ratings()) == \
            sorted((r["item_id"], r["local_date"], r["moment"], r["value"]) for r in rows["ratings"])
        assert [(str(s.scale), s.scale_name, s.value, s.rated_by, s.note) for s in outcomes.scores()] == \
            [(r["scale"], r["scale_name"], r["value"], r["rated_by"], r["note"])
             for r in sorted(rows["clinician_scores"], key=lambda r: r["scored_on"])]
        photos = [p for photo_set in outcomes.photo_sets() for p in photo_set.photos]
        assert sorted((p.set_id, str(p.expression), p.file_name, p.sha256, p.width, p.height, str(p.source))
                      for p in photos) == \
            sorted((r["set_id"], r["expression"], r["file_name"], r["sha256"], r["width"], r["height"], r["source"])
                   for r in rows["photos"])
        assert [s.baseline for s in outcomes.photo_sets()] == [bool(r["baseline"]) for r in
                                                               sorted(rows["photo_sets"], key=lambda r: r["taken_on"])]

        now = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
        keys = {choice.key for choice in load_items()}
        chosen = outcomes.choose_items([ItemPick(key="at_ease")], keys, now)
        outcomes.rate(now.date(), RatingMoment.ROUTINE, {chosen[0].id: 7}, now)
        outcomes.record_score(now.date(), ClinicianScale.HOUSE_BRACKMANN, 3, now)
        photo_set = outcomes.new_photo_set(now.date(), now)
        outcomes.add_photo(photo_set.id, Expression.AT_REST, StoredImage("a" * 64 + ".jpg", "a" * 64, 4, 3), now,
                           PhotoSource.FILE)
        assert len(outcomes.ratings()) == len(rows["ratings"]) + 1
        assert len(outcomes.scores()) == len(rows["clinician_scores"]) + 1
        assert len(outcomes.photo_sets()) == len(rows["photo_sets"]) + 1
    finally:
        store.close()
