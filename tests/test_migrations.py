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
)
from iscg_mailbot.store.models import Base


def test_upgrade_reaches_every_head(engine: Engine) -> None:
    assert current_revisions(engine) == head_revisions(engine)
    require_current_schema(engine)


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_unmigrated_database_is_refused_with_the_command_to_run(db_url: str) -> None:
    engine = connect(db_url)
    with pytest.raises(SchemaOutdated, match="run: iscg-mailbot db upgrade"):
        require_current_schema(engine)
    engine.dispose()
