"""Alembic environment: the engine comes from iscg_mailbot (``db upgrade``) or the
``ISCG_DATABASE_URL`` / config file when run through the ``alembic`` command."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from iscg_mailbot.store import all_models
from iscg_mailbot.store.search import TABLE as SEARCH_TABLE
from iscg_mailbot.store.types import UTCDateTime

target_metadata = all_models.Base.metadata


def _engine() -> Engine:
    engine = context.config.attributes.get("engine")
    if engine is not None:
        return engine
    from iscg_mailbot.settings.main import load_settings
    from iscg_mailbot.store.database import connect

    return connect(load_settings().database_url)


def _render_item(kind: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations must not import application types: UTCDateTime is a plain
    # timezone-aware DateTime in the database.
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the full-text index (created by revision 0005, not a model) out of comparisons."""
    return not (type_ == "table" and (name or "").startswith(SEARCH_TABLE))


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            render_item=_render_item,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
