"""A parallel analyser finds a chunk's closures before its write (in the read
transaction: services/actions/extraction.closures_ahead) and the write keeps them only
when the threads' items read the same, on SQLite and PostgreSQL: new items given their
real ids at the write, a stored item a person decided meanwhile, a reply analysed
meanwhile (found again inside the write, as before)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.actions.context import Context, load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.store.actions import set_status
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import LS, REPLY, action_app, mail, store

EARLIER = mail("r0", "Klaus Brenner <klaus@example.de>", "2026-09-10T09:00:00+02:00", """\
Dear Chen,

Done: our comments were sent to SG17 today.

Klaus
""", parent="ls1")


class _Undo(Exception):
    """Raised to roll a transaction back."""


def _items(app: App) -> list[tuple[Any, ...]]:
    """The stored items as the write leaves them, in id order, without their ids (a
    PostgreSQL sequence is not given back by a rollback)."""
    with app.session() as session:
        return [(i.message_pk, i.sentence, i.status, i.manual, i.closed_by_message_pk,
                 i.closed_at, i.closing_sentence)
                for i in session.scalars(select(ActionItem).order_by(ActionItem.id))]


def _save(app: App, pks: list[int], *, ahead: bool, undo: bool = False
          ) -> tuple[extraction.ActionsReport, list[tuple[Any, ...]]]:
    """Extract these messages (and their closures ahead), then write in a second
    transaction; ``undo``: roll that write back after reading what it stored."""
    context = load_context(app)
    with app.session() as session:
        found = extraction.extract_items(session, pks, context)
        early = extraction.closures_ahead(session, found, context) if ahead else None
    stored: list[tuple[Any, ...]] = []
    report = extraction.ActionsReport()
    try:
        with app.session() as session:
            report = extraction.save_extraction(session, found, context, ahead=early)
            if undo:
                session.flush()
                stored = [(i.message_pk, i.sentence, i.status, i.manual,
                           i.closed_by_message_pk, i.closed_at, i.closing_sentence)
                          for i in session.scalars(select(ActionItem).order_by(ActionItem.id))]
                raise _Undo
    except _Undo:
        return report, stored
    return report, _items(app)


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> App:
    return action_app(engine, tmp_path)


def test_closures_found_ahead_are_kept_with_the_new_items_real_ids(app: App) -> None:
    pks = store(app, LS, REPLY)
    plain, expected = _save(app, pks, ahead=False, undo=True)
    report, stored = _save(app, pks, ahead=True)
    assert report.ahead_kept and not plain.ahead_kept
    assert stored == expected and report.closed == plain.closed == 1
    with app.session() as session:  # the closure names the item's real id
        closed = session.scalars(select(ActionItem).where(ActionItem.status == "done")).one()
    assert [c.item_id for c in report.closures] == [closed.id]


def _read_ahead(app: App) -> tuple[int, Context, extraction.Extraction, extraction.Ahead]:
    """The liaison stored and analysed, the reply stored; the reply's extraction and
    its closures found ahead, in a read transaction of their own."""
    [ls] = store(app, LS)
    extraction.extract_for_messages(app, [ls])
    [reply] = store(app, REPLY)
    context = load_context(app)
    with app.session() as session:
        found = extraction.extract_items(session, [reply], context)
        early = extraction.closures_ahead(session, found, context)
    return reply, context, found, early


def test_an_item_a_person_decided_meanwhile_is_read_again(app: App) -> None:
    reply, context, found, early = _read_ahead(app)
    [closure] = early.closures  # it would close an item of the stored message
    item = closure.item_id
    assert closure.message_pk == reply
    with app.session() as session:  # the chair keeps it open, between read and write
        set_status(session, item, "open")
    with app.session() as session:
        report = extraction.save_extraction(session, found, context, ahead=early)
    assert not report.ahead_kept and report.closed == 0
    with app.session() as session:
        row = session.get(ActionItem, item)
        assert row is not None and row.status == "open" and row.manual
        assert row.closed_by_message_pk is None


def test_a_reply_analysed_meanwhile_is_read_again(app: App) -> None:
    _reply, context, found, early = _read_ahead(app)
    [closure] = early.closures
    [earlier] = store(app, EARLIER)  # new mail, analysed before the write
    extraction.extract_for_messages(app, [earlier])
    with app.session() as session:
        report = extraction.save_extraction(session, found, context, ahead=early)
    assert not report.ahead_kept
    with app.session() as session:
        row = session.get(ActionItem, closure.item_id)
        assert row is not None and row.status == "done"
        assert row.closed_by_message_pk == earlier  # the earlier reply's, as stored


def test_unchanged_threads_keep_what_was_found_ahead(app: App) -> None:
    [ls] = store(app, LS)
    extraction.extract_for_messages(app, [ls])
    [reply] = store(app, REPLY)
    _plain, expected = _save(app, [reply], ahead=False, undo=True)
    report, stored = _save(app, [reply], ahead=True)
    assert report.ahead_kept and report.closed == 1 and stored == expected
