"""The migrations build exactly the schema the models declare, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from iscg_mailbot.errors import SchemaOutdated
from iscg_mailbot.store.all_models import Base
from iscg_mailbot.store.database import (
    connect,
    current_revisions,
    head_revisions,
    require_current_schema,
    upgrade,
)
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
    assert head_revisions(engine) == {"0027"}
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


def test_is_reply_is_filled_for_stored_messages_and_at_insert(db_url: str) -> None:
    """Revision 0015 marks the replies among messages stored before it; the store marks
    new ones as it inserts them; both agree with ``is_reply_subject``."""
    from itertools import islice

    import sqlalchemy as sa
    from alembic import command

    from iscg_mailbot.parse.message import parse_message
    from iscg_mailbot.parse.subjects import is_reply_subject
    from iscg_mailbot.services.demo import sample_archive
    from iscg_mailbot.source.archive import read_archive
    from iscg_mailbot.store.database import alembic_config, session_scope
    from iscg_mailbot.store.messages import _row, save_messages
    from iscg_mailbot.store.models import MailingList, Message
    from iscg_mailbot.store.types import utcnow

    parsed = [parse_message(raw) for raw in islice(
        (m for batch in read_archive(sample_archive()) for m in batch.messages), 60)]
    engine = connect(db_url)
    command.upgrade(alembic_config(engine), "0014")
    with engine.begin() as connection:
        list_id = connection.execute(sa.text(
            "INSERT INTO mailing_lists (key, address, name) VALUES ('iscg', 'a@b', 'ISCG') "
            "RETURNING id")).scalar_one()
        rows = [{**_row(list_id, p, {}), "stored_at": utcnow()} for p in parsed[:40]]
        columns = Message.__table__.c  # typed as the model types them (JSON, UTC dates)
        before = sa.table("messages", *(sa.column(name, columns[name].type) for name in rows[0]))
        connection.execute(sa.insert(before), rows)
    upgrade(engine)
    with session_scope(engine) as session:
        lst = session.get(MailingList, list_id)
        assert lst is not None
        save_messages(session, lst.id, parsed[40:])
        session.flush()
        stored = session.execute(
            sa.select(Message.subject, Message.is_reply).order_by(Message.id)).all()
    assert len(stored) == 60
    assert [flag for _, flag in stored] == [is_reply_subject(subject) for subject, _ in stored]
    assert 10 < sum(flag for _, flag in stored[:40]) < 40
    assert 5 < sum(flag for _, flag in stored[40:]) < 20
    engine.dispose()


def test_the_index_shape_of_revision_0005_is_frozen() -> None:
    """Migration 0005 runs ``SHAPE_0005`` from store/search.py: editing it would change
    what an old revision does on a fresh upgrade. A new index shape is a new constant and
    a new revision; this pins the old one's text."""
    import hashlib

    from iscg_mailbot.store.search import CURRENT_SHAPE, SHAPE_0005

    digest = hashlib.sha256()
    for dialect in ("sqlite", "postgresql"):
        for statement in [*SHAPE_0005.create_statements(dialect),
                          SHAPE_0005.fill_statement(dialect)]:
            digest.update(statement.encode() + b"\0")
    digest.update(str(SHAPE_0005.cap).encode())
    assert digest.hexdigest() == (
        "3dab48c608f38fc5183ee0c316cbd9d0ed7685b612b4c6e19de3b06f59375384"
    ), "SHAPE_0005 changed: add a new IndexShape and a revision that re-creates the index"
    assert SHAPE_0005.fill_statement("sqlite", "id = 1").endswith("FROM messages WHERE id = 1")
    assert CURRENT_SHAPE.create_statements("postgresql")[0].startswith(
        "CREATE TABLE IF NOT EXISTS search_messages")


def _compression(engine: Engine, table: str, column: str) -> str:
    with engine.connect() as connection:
        return str(connection.exec_driver_sql(
            "SELECT attcompression FROM pg_attribute "
            f"WHERE attrelid = '{table}'::regclass AND attname = '{column}'").scalar())


def test_large_columns_are_compressed_with_lz4_on_postgresql(engine: Engine) -> None:
    """Revision 0025: lz4 ('l') on the large columns, the server's default ('') again after
    a downgrade."""
    if engine.dialect.name != "postgresql":
        pytest.skip("compression methods are PostgreSQL's")
    from alembic import command

    from iscg_mailbot.store.database import alembic_config

    assert _compression(engine, "messages", "body_text") == "l"
    assert _compression(engine, "search_messages", "document") == "l"
    assert _compression(engine, "thread_overlap_terms", "parts") == "l"
    assert _compression(engine, "messages", "message_id") == ""  # short: left alone
    command.downgrade(alembic_config(engine), "0024")
    try:
        assert _compression(engine, "messages", "body_text") == ""
    finally:
        command.upgrade(alembic_config(engine), "heads")
    assert _compression(engine, "messages", "new_text") == "l"


def test_a_search_index_put_back_keeps_lz4_on_postgresql(engine: Engine) -> None:
    """An index someone dropped is re-created by ``ensure_search_index`` with the
    compression revision 0025 chose, not the server's default."""
    if engine.dialect.name != "postgresql":
        pytest.skip("compression methods are PostgreSQL's")
    from sqlalchemy.orm import Session

    from iscg_mailbot.store.search import ensure_search_index

    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE {SEARCH_TABLE}")
    with Session(engine) as session, session.begin():
        assert ensure_search_index(session)
    assert _compression(engine, "search_messages", "document") == "l"


_UNREAD_INDEXES = {("messages", "ix_messages_normalised_subject"),
                   ("action_items", "ix_action_items_list_id"),
                   ("action_items", "ix_action_items_owner")}


def _indexes(engine: Engine) -> set[tuple[str, str]]:
    from sqlalchemy import inspect

    found = inspect(engine)
    return {(table, index["name"]) for table in ("messages", "action_items")
            for index in found.get_indexes(table) if index["name"]}


def test_revision_0027_drops_the_indexes_no_query_reads_and_its_downgrade_restores_them(
        engine: Engine) -> None:
    """Each stored message and item paid for them; the digest's index (list_id first)
    and the threads' subject index serve what they could (docs/performance-history.md,
    "perf-pg2")."""
    from alembic import command

    from iscg_mailbot.store.database import alembic_config

    assert not _indexes(engine) & _UNREAD_INDEXES
    assert ("action_items", "ix_action_items_digest") in _indexes(engine)
    command.downgrade(alembic_config(engine), "0026")
    try:
        assert _indexes(engine) >= _UNREAD_INDEXES
    finally:
        command.upgrade(alembic_config(engine), "heads")
    assert not _indexes(engine) & _UNREAD_INDEXES
