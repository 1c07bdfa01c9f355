"""Analysis reads messages and items as plain rows (SQLAlchemy Core, store/analysis_rows.py)
instead of ORM objects: the same values, the caller's pending ORM rows seen, and items
updated, closed and shared with Core statements as the ORM wrote them. SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.actions import closable_items_in_threads, save_items
from iscg_mailbot.store.analysis_rows import ITEM_COLUMNS, MessageRow, message_rows
from iscg_mailbot.store.models import MailingList, Message
from iscg_mailbot.store.models_action_shares import ActionShare
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import LS, QUESTION, REPLY, action_app, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


# Every attribute MessageRow declares (what analysis reads of a message).
_FIELDS = [name for name in dir(MessageRow) if not name.startswith("_")]


def test_message_rows_hold_what_the_orm_objects_hold(app: App) -> None:
    ids = store(app, LS, REPLY, QUESTION)
    with app.session() as session:
        rows = {row.id: (row, address) for row, address in message_rows(session, ids)}
        orm = {m.id: (m, a) for m, a in session.execute(
            select(Message, MailingList.address)
            .join(MailingList, MailingList.id == Message.list_id).where(Message.id.in_(ids)))}
    assert len(_FIELDS) >= 19 and sorted(rows) == sorted(orm) == sorted(ids)
    for pk, (row, address) in rows.items():
        message, list_address = orm[pk]
        assert address == list_address
        assert {f: getattr(row, f) for f in _FIELDS} == {f: getattr(message, f) for f in _FIELDS}


def test_pending_orm_rows_are_written_before_a_core_read(app: App) -> None:
    ids = store(app, LS)
    with app.session() as session:
        message = session.get(Message, ids[0])
        assert message is not None
        message.new_text = "changed, not flushed yet"
        # A Core select does not autoflush: message_rows flushes first.
        [(row, _)] = message_rows(session, ids)
        assert row.new_text == "changed, not flushed yet"


def test_items_saved_again_updated_and_closed_as_before(app: App) -> None:
    ids = store(app, LS)
    extraction.extract_for_messages(app, ids)
    with app.session() as session:
        first = {i.id: (i.span_start, i.sentence, i.owner)
                 for i in session.scalars(select(ActionItem))}
        # An automatic item's stored fields changed by hand: extraction puts them back
        # (an UPDATE by id), keeping its id and status; the manual one is left alone.
        rows = list(session.scalars(select(ActionItem).order_by(ActionItem.id)))
        rows[0].owner, rows[0].sentence = "somebody else", "another sentence"
        rows[-1].owner, rows[-1].manual = "kept by hand", True
        session.flush()
        found = extraction.extract_items(session, ids, extraction.load_context(app)).found
        counts = save_items(session, found)
        assert (counts.added, counts.updated, counts.removed) == (0, 1, 0)
        after = {i.id: (i.span_start, i.sentence, i.owner)
                 for i in session.scalars(select(ActionItem).execution_options(
                     populate_existing=True))}
    assert after == {**first, rows[-1].id: (*first[rows[-1].id][:2], "kept by hand")}
    report = extraction.extract_for_messages(app, store(app, REPLY))
    assert report.closed == 1
    with app.session() as session:
        done = session.scalars(select(ActionItem).where(ActionItem.status == "done")).one()
        assert (done.owner, done.closed_by_message_pk is not None) == ("TSAG", True)
        assert done.closed_at is not None and done.closing_sentence
        assert session.scalars(select(ActionShare)).all() == []
        thread_ids = {done.thread_id}
        items = closable_items_in_threads(session, {t for t in thread_ids if t is not None})
        orm = session.scalars(select(ActionItem).where(ActionItem.id.in_([i.id for i in items]))
                              .order_by(ActionItem.id)).all()
        assert [tuple(i) for i in items] == [
            tuple(getattr(o, c.name) for c in ITEM_COLUMNS) for o in orm]
