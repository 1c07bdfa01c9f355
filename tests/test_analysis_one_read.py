"""An analysis chunk reads its threads' messages once (store/analysis_rows.thread_messages)
and hands them to action extraction, the tagger's texts and the duplication watch's
terms, which each read them before: each part gets what its own read gave, in the same
order, on SQLite and PostgreSQL (which put a message of no date at opposite ends of
ORDER BY date). Closures and the parents of replies take the messages in hand and read
only the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.actions.closures import closures
from iscg_mailbot.services.actions.context import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.services.overlap_terms import read_thread_terms
from iscg_mailbot.services.topics.texts import chunk_texts, thread_texts
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.analysis_rows import thread_messages
from iscg_mailbot.store.models import Message
from tests.action_samples import LS, REPLY, action_app, store


@pytest.fixture
def app(engine: Engine) -> App:
    """The sample archive stored, not analysed; in a thread of several messages, one
    without a date and one written by a program (which the tagger does not read)."""
    app = App(settings=Settings(), engine=engine)
    import_archive(app, sample_archive())
    with app.session() as session:
        counts: dict[int, list[int]] = {}
        for thread_id, pk in session.execute(
                select(Message.thread_id, Message.id).order_by(Message.id)):
            counts.setdefault(thread_id, []).append(pk)
        busy = [pks for pks in counts.values() if len(pks) >= 3]
        assert len(busy) >= 2
        session.execute(update(Message).where(Message.id == busy[0][1]).values(date=None))
        session.execute(update(Message).where(Message.id == busy[1][2])
                        .values(auto_submitted=True))
    return app


def _threads(app: App) -> list[int]:
    with app.session() as session:
        return sorted({t for t in session.scalars(select(Message.thread_id)) if t is not None})


def test_the_tagger_reads_the_same_texts_in_the_same_order(app: App) -> None:
    ids = _threads(app)
    with app.session() as session:
        messages = thread_messages(session, ids)
        for max_chars in (100_000, 120):
            assert chunk_texts(messages, ids, max_chars) == thread_texts(session, ids, max_chars)
        # A chunk's threads in any order, some gone (merged meanwhile), as thread_texts.
        some = [ids[3], ids[0], -1, ids[7]]
        assert chunk_texts(thread_messages(session, some), some) == thread_texts(session, some)
        assert any(None is m.date for m, _ in messages.rows)


def test_the_overlap_terms_are_those_read_from_the_texts(app: App) -> None:
    ids = _threads(app)
    with app.session() as session:
        read = read_thread_terms(session, ids)
        assert len(read) == len(ids)
        assert read_thread_terms(session, ids, thread_messages(session, ids)) == read
        some = ids[::5]
        assert (read_thread_terms(session, some, thread_messages(session, some))
                == read_thread_terms(session, some))


def test_extraction_finds_the_same_items_in_the_same_order(app: App) -> None:
    ids = _threads(app)
    context = load_context(app)
    with app.session() as session:
        message_ids = list(session.scalars(select(Message.id).where(Message.thread_id.in_(ids))))
        expected = extraction.extract_items(session, message_ids, context)
        got = extraction.extract_rows(session, thread_messages(session, ids).rows, context)
    assert sum(len(f.candidates) for f in expected.found.values()) > 10
    assert got.ids == expected.ids
    assert [(m.id, a) for m, a in got.messages] == [(m.id, a) for m, a in expected.messages]
    assert got.found == expected.found


def test_a_parent_not_among_the_messages_is_read(app: App) -> None:
    ids = _threads(app)
    with app.session() as session:
        rows = [m for m, _ in thread_messages(session, ids).rows]
        every = extraction.load_parents(session, rows)
        replies = [m for m in rows if m.parent_message_id]
        alone = {}
        for reply in replies:  # each reply without its thread: its parent read
            alone.update(extraction.load_parents(session, [reply]))
    asked = {(m.list_id, m.parent_message_id) for m in replies}
    assert len(asked & alone.keys()) > 20
    assert {k: v for k, v in every.items() if k in asked} == \
        {k: v for k, v in alone.items() if k in asked}


def test_closures_read_the_items_messages_not_scanned(engine: Engine, tmp_path: Path) -> None:
    app = action_app(engine, tmp_path)
    [ls] = store(app, LS)
    extraction.extract_for_messages(app, [ls])
    [reply] = store(app, REPLY)
    context = load_context(app)
    with app.session() as session:
        rows = {m.id: m for m, _ in thread_messages(
            session, session.scalars(select(Message.thread_id)).all()).rows}
        threads = {m.thread_id for m in rows.values() if m.thread_id is not None}
        # The item's message scanned (its facts taken from it) or not (read).
        scanned = closures(session, [rows[ls], rows[reply]], threads, context)
        read = closures(session, [rows[reply]], threads, context)
    assert len(scanned[0]) == 1 and scanned == read
