"""The migrations build exactly the schema the models declare, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from iscg_mailbot.errors import SchemaOutdated
from iscg_mailbot.store.database import (
    connect,
    current_revisions,
    head_revisions,
    require_current_schema,
    upgrade,
)
from iscg_mailbot.store.models import Base
from iscg_mailbot.store.search import TABLE as SEARCH_TABLE


def test_upgrade_reaches_every_head(engine: Engine) -> None:
    assert current_revisions(engine) == head_revisions(engine)
    require_current_schema(engine)


def _not_the_search_index(obj: object, name: str | None, type_: str, *_: object) -> bool:
    # The full-text index is created by revision 0005 with dialect-specific DDL.
    return not (type_ == "table" and (name or "").startswith(SEARCH_TABLE))


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": _not_the_search_index},
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_unmigrated_database_is_refused_with_the_command_to_run(db_url: str) -> None:
    engine = connect(db_url)
    with pytest.raises(SchemaOutdated, match="run: iscg-mailbot db upgrade"):
        require_current_schema(engine)
    engine.dispose()


def test_one_head_and_an_outdated_database_is_refused(engine: Engine) -> None:
    assert head_revisions(engine) == {"0015_h_parallel"}
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0006'")
    with pytest.raises(SchemaOutdated, match="out of date; run: iscg-mailbot db upgrade"):
        require_current_schema(engine)


def test_search_index_is_created_and_filled_by_the_migration(db_url: str) -> None:
    from iscg_mailbot.services.app import App
    from iscg_mailbot.services.demo import sample_archive
    from iscg_mailbot.services.ingest import import_archive
    from iscg_mailbot.settings.main import Settings
    from iscg_mailbot.store.search import search

    engine = connect(db_url)
    upgrade(engine)
    app = App(settings=Settings(), engine=engine)
    import_archive(app, sample_archive())
    with app.session() as session:
        assert [hit.subject for hit in search(session, "Early Warnings", limit=50)]
    engine.dispose()
