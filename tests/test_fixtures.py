"""The ``engine`` fixture's shortcut: a database as the migrations leave it, without
running them for each test (tests/conftest.py). Whatever the previous test did with the
rows, the sequences or the schema, the next one gets what a fresh migration gives."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text

from iscg_mailbot.store.all_models import Base
from iscg_mailbot.store.database import connect, current_revisions, head_revisions, upgrade
from iscg_mailbot.store.models import MailingList
from iscg_mailbot.store.search import TABLE as SEARCH_TABLE
from iscg_mailbot.store.versions import data_version
from tests.conftest import _MigratedPostgres, _reset_postgres, require_service


def _state(url: str) -> dict[str, Any]:
    """What a test can see of a database: its revision, tables, rows and next ids."""
    engine = connect(url)
    try:
        with engine.begin() as connection:
            tables = sorted(connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
            counts = {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
                      for table in tables if table != "alembic_version"}
            version = data_version(connection)
            sequences = dict(connection.execute(text(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE schemaname = 'public'")).all())
        return {"revisions": current_revisions(engine), "tables": tables, "rows": counts,
                "data_version": version, "sequences": sequences}
    finally:
        engine.dispose()


def _damage(url: str) -> None:
    """Rows everywhere a test writes, a raised data version and a used sequence."""
    engine = connect(url)
    with engine.begin() as connection:
        connection.execute(MailingList.__table__.insert().values(
            key="l", name="l", address="l@example.org"))
    engine.dispose()


def test_a_fresh_postgresql_database_is_what_the_migrations_leave(
    postgres_server: str | None, _postgres_migrated: _MigratedPostgres | None
) -> None:
    require_service(postgres_server is not None, "PostgreSQL not reachable")
    assert postgres_server is not None and _postgres_migrated is not None
    _reset_postgres(postgres_server)
    migrated = connect(postgres_server)
    upgrade(migrated)
    migrated.dispose()
    expected = _state(postgres_server)
    assert expected["rows"]["data_versions"] == 2  # the pages' and the threads' counters
    assert expected["sequences"]["mailing_lists_id_seq"] is None  # never used

    url = _postgres_migrated.fresh()
    assert _state(url) == expected
    _damage(url)
    assert _state(url) != expected  # the damage shows
    assert _state(_postgres_migrated.fresh()) == expected
    # A changed schema (a column, or alembic_version) is built again from nothing.
    plain = create_engine(url)
    with plain.begin() as connection:
        connection.execute(text("ALTER TABLE mailing_lists ADD COLUMN extra integer"))
    assert _state(_postgres_migrated.fresh()) == expected
    with plain.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    assert _state(_postgres_migrated.fresh()) == expected
    with plain.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    plain.dispose()
    assert _state(_postgres_migrated.fresh()) == expected


def test_the_engine_fixture_is_migrated_and_empty(engine: Engine) -> None:
    # Run on both databases, after whatever test ran before on this worker.
    assert current_revisions(engine) == head_revisions(engine)
    tables = set(Base.metadata.tables) - {"data_versions"}
    assert tables <= set(inspect(engine).get_table_names()) and len(tables) > 20
    with engine.connect() as connection:
        for table in [*tables, SEARCH_TABLE]:
            assert connection.scalar(text(f'SELECT count(*) FROM "{table}"')) == 0, table
