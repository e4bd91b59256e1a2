"""The SQLite engine: durable settings on every connection, and schema migration.

Every connection runs in WAL mode with synchronous=FULL, so a commit that returned is
on disk even if the process is killed the next instant; foreign keys are enforced.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, text

from .errors import SchemaTooNewError, StoreError  # noqa: F401  (re-exported)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Every schema revision this app knows, oldest first; a test checks it matches Alembic.
REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]


def make_engine(db_path: Path) -> Engine:
    # URL.create, not an f-string: a '?' in a folder name would otherwise start a query string.
    engine = create_engine(URL.create("sqlite", database=str(db_path)))
    event.listen(engine, "connect", _on_connect)
    # pysqlite opens transactions lazily and never for reads; SQLAlchemy documents this
    # fix so that every transaction really starts with BEGIN.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _on_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def prepare_data_dir(data_dir: Path) -> None:
    """Create the data folder private to this user (0700)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(data_dir, 0o700)


def restrict_file(path: Path) -> None:
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def create_private_database(db_path: Path) -> None:
    """Create the database file as 0600 before SQLite does: SQLite gives the -wal and -shm
    files it makes the same mode as the main file, so they are private from birth."""
    if os.name == "posix" and not db_path.exists():
        os.close(os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600))


def restrict_database_files(db_path: Path) -> None:
    """0600 on the database and its -wal/-shm (also mends files made by older versions)."""
    for suffix in ("", "-wal", "-shm"):
        restrict_file(db_path.with_name(db_path.name + suffix))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to HEAD. Alembic is imported only when there is work to do."""
    revision = current_revision(engine)
    if revision == HEAD:
        return
    if revision is not None and revision not in REVISIONS:
        raise SchemaTooNewError(
            f"This health record was written by a newer version of SmileBack (schema {revision}). "
            "It has been left untouched: please update the app to open it."
        )
    upgrade_to(engine, "head")


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade_to(engine: Engine, revision: str) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
