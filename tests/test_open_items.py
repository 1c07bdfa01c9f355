"""Each thread's kept open-item counts (``thread_open_items``, revision 0024) against a
full count after every kind of change to items, on SQLite and PostgreSQL; and the
chair's thread lists read from them against the same lists computed from the items,
on days before, between and after the items' due dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from iscg_mailbot.action_codes import ACTION, DONE, DROPPED, NOTE, OPEN, QUESTION
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.report import queries
from iscg_mailbot.store import open_items
from iscg_mailbot.store.actions import (
    ClosingReply,
    FoundItems,
    close_items,
    refresh_thread_ids,
    save_items,
    set_status,
)
from iscg_mailbot.store.models import MailingList, Message, Thread
from iscg_mailbot.store.models_actions import ActionItem, ThreadOpenItems
from iscg_mailbot.store.thread_merge import merge_threads

COUNTED_ON = date(2026, 10, 1)
T0 = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
# Days to ask about: before every due date, on them, between them, after them all.
DAYS = [date(2026, 8, 1), date(2026, 9, 15), date(2026, 9, 16), COUNTED_ON,
        date(2026, 10, 10), date(2026, 11, 2), date(2027, 1, 1)]


@pytest.fixture
def session(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setattr(open_items, "today_utc", lambda: COUNTED_ON)
    with Session(engine, expire_on_commit=False) as session:
        yield session


def stored(session: Session) -> dict[int, tuple[Any, ...]]:
    session.expire_all()
    return {row.thread_id: (row.open_actions, row.dated_actions, row.open_questions,
                            row.first_due, row.last_due, row.counted_on, row.overdue_then,
                            row.last_due_before, row.first_due_after)
            for row in session.scalars(select(ThreadOpenItems))}


def recounted(session: Session, then: date = COUNTED_ON) -> dict[int, tuple[Any, ...]]:
    return {row.thread_id: (row.open_actions, row.dated_actions, row.open_questions,
                            row.first_due, row.last_due, then, row.overdue_then,
                            row.last_due_before, row.first_due_after)
            for row in session.execute(open_items.open_item_counts(then))}


def check(session: Session, then: date = COUNTED_ON) -> None:
    session.flush()
    assert stored(session) == recounted(session, then)
    for day in DAYS:
        assert listed(session, day) == expected(session, day), day


def listed(session: Session, day: date, **options: Any) -> list[tuple[Any, ...]]:
    return [(r.thread_id, r.open_actions, r.overdue_actions, r.open_questions, r.next_due)
            for r in queries.open_threads(session, today=day, limit=None, **options)]


def expected(session: Session, day: date, questions: bool = True) -> list[tuple[Any, ...]]:
    """The list computed from the items in Python (most overdue, then latest activity)."""
    rows: dict[int, list[Any]] = {}
    items = session.scalars(select(ActionItem).where(ActionItem.status == OPEN)).all()
    for item in items:
        if item.thread_id is None or item.kind == NOTE or (item.kind == QUESTION and not questions):
            continue
        row = rows.setdefault(item.thread_id, [item.thread_id, 0, 0, 0, None])
        if item.kind == QUESTION:
            row[3] += 1
            continue
        row[1] += 1
        row[2] += item.due is not None and item.due < day
        if item.due is not None and (row[4] is None or item.due < row[4]):
            row[4] = item.due
    active = {row.id: row.last_activity for row in session.execute(select(Thread.id, Thread.last_activity))}
    ordered = sorted(rows.values(), key=lambda r: (-r[2], -active[r[0]].timestamp(), -r[0]))
    return [tuple(r) for r in ordered]


def candidate(kind: str, start: int, due: date | None = None) -> ActionCandidate:
    return ActionCandidate(kind=kind, sentence=f"{kind} {start}", span=(start, start + 5),
                           owner="TSAG", owner_kind="group", due=due, due_text=None,
                           confidence=0.9, rule="test")


def threads_and_messages(session: Session, count: int) -> tuple[int, list[int], list[int]]:
    lst = MailingList(key="iscg", address="int-sect-team@lists.itu.int", name="ISCG")
    session.add(lst)
    session.flush()
    threads = [Thread(list_id=lst.id, root_message_id=f"t{n}", subject=f"Thread {n}",
                      last_activity=T0 + timedelta(days=n)) for n in range(count)]
    session.add_all(threads)
    session.flush()
    messages = [Message(list_id=lst.id, thread_id=t.id, message_id=f"m{t.id}", date=T0)
                for t in threads]
    session.add_all(messages)
    session.flush()
    return lst.id, [t.id for t in threads], [m.id for m in messages]


def found(list_id: int, thread_id: int, *candidates: ActionCandidate) -> FoundItems:
    return FoundItems(list_id, thread_id, list(candidates))


def item_id(session: Session, message_pk: int, sentence: str) -> int:
    return session.scalars(select(ActionItem.id).where(
        ActionItem.message_pk == message_pk, ActionItem.sentence == sentence)).one()


def test_counts_follow_every_change_to_items(session: Session) -> None:
    list_id, (a, b, c, d), (ma, mb, mc, md) = threads_and_messages(session, 4)
    check(session)  # nothing yet
    # Extraction: dated actions either side of the day counted, undated, a question, a note.
    save_items(session, {
        ma: found(list_id, a, candidate(ACTION, 0, date(2026, 9, 15)),
                  candidate(ACTION, 10, date(2026, 10, 20)), candidate(ACTION, 20),
                  candidate(QUESTION, 30), candidate(NOTE, 40)),
        mb: found(list_id, b, candidate(ACTION, 0, date(2026, 9, 1)),
                  candidate(ACTION, 10, date(2026, 9, 2))),
        mc: found(list_id, c, candidate(QUESTION, 0)),
        md: found(list_id, d, candidate(NOTE, 0)),
    })
    check(session)
    assert set(stored(session)) == {a, b, c}
    # Extraction again: a due date moved, an action became a note, one no longer found.
    save_items(session, {
        ma: found(list_id, a, candidate(ACTION, 0, date(2026, 11, 1)),
                  candidate(NOTE, 10), candidate(QUESTION, 30), candidate(NOTE, 40)),
        mb: found(list_id, b, candidate(ACTION, 0, date(2026, 9, 1)),
                  candidate(ACTION, 10, date(2026, 9, 2))),
    })
    check(session)
    # Closed by a reply.
    close_items(session, [ClosingReply(item_id(session, mb, "action 0"), mb, T0, "Done.")])
    check(session)
    # People's decisions: done, dropped, reopened.
    second_b = session.scalars(select(ActionItem.id).where(
        ActionItem.thread_id == b, ActionItem.status == OPEN)).one()
    set_status(session, second_b, DONE)
    check(session)
    assert b not in stored(session)  # no open work left: no row
    set_status(session, second_b, OPEN)
    check(session)
    question_c = item_id(session, mc, "question 0")
    set_status(session, question_c, DROPPED)
    check(session)
    # A message moved to another thread (threading): its items follow it.
    session.execute(update(Message).where(Message.id == ma).values(thread_id=d))
    refresh_thread_ids(session, [d])
    check(session)
    assert a not in stored(session)
    # Threads merged (threading, or by hand).
    merge_threads(session, keep_id=b, drop_ids=[d])
    check(session)
    assert set(stored(session)) == {b}


def test_a_new_day_is_counted_again_by_count_passed(session: Session,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    list_id, (a, b), (ma, mb) = threads_and_messages(session, 2)
    save_items(session, {
        ma: found(list_id, a, candidate(ACTION, 0, date(2026, 10, 3)),
                  candidate(ACTION, 10, date(2026, 10, 5))),
        mb: found(list_id, b, candidate(ACTION, 0, date(2026, 12, 1))),
    })
    check(session)
    # Nothing fell due by 2 October; by the 6th both of a's items had.
    assert open_items.passed_threads(session, date(2026, 10, 2)) == []
    assert open_items.passed_threads(session, date(2026, 10, 6)) == [a]
    later = date(2026, 10, 6)
    monkeypatch.setattr(open_items, "today_utc", lambda: later)
    assert open_items.count_passed(session) == 1
    assert stored(session)[a] == recounted(session, later)[a]
    assert stored(session)[b] == recounted(session, COUNTED_ON)[b]  # left as it was
    check_lists(session)
    # Asked about a day before the one counted (another time zone, or the bench's day).
    assert open_items.passed_threads(session, date(2026, 10, 4)) == [a]


def check_lists(session: Session) -> None:
    for day in DAYS:
        assert listed(session, day) == expected(session, day), day


def test_lists_from_the_counts_match_the_items_on_every_day(session: Session) -> None:
    list_id, threads, messages = threads_and_messages(session, 6)
    dues = [date(2026, 9, 15), date(2026, 9, 16), date(2026, 10, 1), date(2026, 10, 10),
            date(2026, 11, 2), None]
    save_items(session, {
        pk: found(list_id, thread, *[candidate(ACTION, 10 * k, dues[(n + k) % len(dues)])
                                     for k in range(n + 1)], candidate(QUESTION, 100))
        for n, (thread, pk) in enumerate(zip(threads, messages, strict=True))
    })
    check(session)
    quiet = T0 + timedelta(days=3)
    for day in DAYS:
        without = expected(session, day, questions=False)
        assert listed(session, day, include_questions=False) == without
        stalled = [(r.thread_id, r.open_actions, r.overdue_actions, r.open_questions,
                    r.next_due) for r in queries.stalled_threads(
                        session, today=day, quiet_since=quiet, limit=None)]
        assert stalled == [r for r in without if r[0] in threads[:3]]
        page = queries.open_threads_page(session, today=day, limit=2, offset=1)
        assert page.total == 6
        assert [r.thread_id for r in page.rows] == [r[0] for r in expected(session, day)[1:3]]
