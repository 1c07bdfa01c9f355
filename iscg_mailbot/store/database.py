"""Engines, sessions and the schema check every command runs first."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from iscg_mailbot.errors import SchemaOutdated

UPGRADE_HINT = "run: iscg-mailbot db upgrade"


def migrations_dir() -> Path:
    """The Alembic script directory: ISCG_MIGRATIONS_DIR, else the copy installed with the
    package (``iscg_mailbot/migrations`` of a wheel), else ``migrations/`` of the checkout."""
    env = os.environ.get("ISCG_MIGRATIONS_DIR")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parents[1]
    installed = package / "migrations"
    return installed if installed.is_dir() else package.parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, begin transactions: the module's own
    # implicit BEGIN skips SAVEPOINTs, so a nested transaction would silently commit
    # and a batch would no longer be stored atomically with its mailbox position.
    dbapi_connection.isolation_level = None
    # WAL lets readers (the chair's queries) run while the worker writes; the busy
    # timeout turns a briefly locked file into a wait instead of an error.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def connect(url: str) -> Engine:
    """Create an engine for ``url``; for SQLite, create the file's folder and enable WAL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(engine: Engine) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> list[str]:
    """Apply all migrations; return the revisions now current."""
    command.upgrade(alembic_config(engine), "heads")
    return sorted(current_revisions(engine))


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def head_revisions(engine: Engine) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())


def require_current_schema(engine: Engine) -> None:
    """Raise SchemaOutdated unless the database is at the newest migration."""
    current = current_revisions(engine)
    heads = head_revisions(engine)
    if not current:
        raise SchemaOutdated(f"the database has no schema yet; {UPGRADE_HINT}")
    if current != heads:
        unknown = current - {rev.revision for rev in _all_revisions(engine)}
        if unknown:
            raise SchemaOutdated(
                f"the database is at revision {', '.join(sorted(unknown))}, which this "
                "version does not know (newer code wrote it); upgrade iscg-mailbot"
            )
        raise SchemaOutdated(f"the database schema is out of date; {UPGRADE_HINT}")


def _all_revisions(engine: Engine) -> list[Any]:
    return list(ScriptDirectory.from_config(alembic_config(engine)).walk_revisions())
