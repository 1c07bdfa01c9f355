"""Action items in the database, on SQLite and PostgreSQL: extraction after a batch,
closure by reply, decisions by hand, overdue, every chair's query and search."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select, update

from iscg_mailbot.errors import NotFound
from iscg_mailbot.services import actions as service
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store import search as search_store
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import LS, OLD, QUESTION, REPLY, action_app, mail, store

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def items(app: App) -> dict[str, ActionItem]:
    with app.session() as session:
        return {row.sentence[:30]: row for row in session.scalars(select(ActionItem))}


def test_extraction_is_stored_once_with_owner_due_and_thread(app: App) -> None:
    ids = store(app, LS)
    first = extraction.extract_for_messages(app, ids)
    assert (first.messages, first.added, first.indexed) == (1, 4, 1)
    again = extraction.extract_for_messages(app, ids)
    assert (again.added, again.updated, again.removed, again.closed) == (0, 0, 0, 0)
    found = {(i.kind, i.owner, i.due) for i in items(app).values()}
    assert found == {
        ("note", "ISCG", None),  # "For information and action, please find below ...": the list's
        ("action", "TSAG", date(2026, 9, 15)),
        ("note", "TDAG", None),
        ("action", "BDT", date(2026, 12, 1)),
    }
    with app.session() as session:
        thread_id = session.scalar(select(Message.thread_id).where(Message.id == ids[0]))
        assert {i.thread_id for i in session.scalars(select(ActionItem))} == {thread_id}


def test_reply_closes_the_item_of_the_senders_group(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS))
    reply_ids = store(app, REPLY)
    report = extraction.extract_for_messages(app, reply_ids)
    assert report.closed == 1
    rows = service.list_actions(app, now=NOW)
    tsag = next(r for r in rows if r.owner == "TSAG")
    assert (tsag.status, tsag.closing_sentence) == (
        "done", "Done: please find attached our reply, agreed by the TSAG management team.")
    assert tsag.closed_at == datetime(2026, 9, 14, 14, 0, tzinfo=UTC)
    assert [r.owner for r in service.list_actions(app, open_only=True, now=NOW)] == ["BDT"]
    # Analysing the reply again closes nothing more.
    assert extraction.extract_for_messages(app, reply_ids).closed == 0


def test_a_reply_in_the_same_batch_closes_earlier_items(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS, REPLY))
    assert [r.owner for r in service.list_actions(app, open_only=True, now=NOW)] == ["BDT"]


def test_manual_decisions_are_never_overwritten(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS))
    tsag = next(r for r in service.list_actions(app, now=NOW) if r.owner == "TSAG")
    reopened = service.reopen_item(app, tsag.id, note="waiting for the formal LS")
    assert (reopened.status, reopened.manual, reopened.note) == ("open", True, "waiting for the formal LS")
    extraction.extract_for_messages(app, store(app, REPLY))  # "Done: ..." from TSAG
    row = next(r for r in service.list_actions(app, now=NOW) if r.id == tsag.id)
    assert row.status == "open"  # the person's decision stands
    bdt = next(r for r in service.list_actions(app, now=NOW) if r.owner == "BDT")
    closed = service.close_item(app, bdt.id, note="summary received by e-mail")
    assert (closed.status, closed.manual, closed.note) == ("done", True, "summary received by e-mail")
    assert closed.closed_at is not None
    dropped = service.drop_item(app, tsag.id)
    assert (dropped.status, dropped.note) == ("dropped", "waiting for the formal LS")
    # Re-extraction (e.g. after changing actions.yaml) keeps both decisions.
    report = extraction.reanalyse_all(app)
    assert report.added == 0
    statuses = {r.owner: r.status for r in service.list_actions(app, now=NOW)}
    assert statuses == {"TSAG": "dropped", "BDT": "done"}
    with pytest.raises(NotFound, match="no action item with id 99999"):
        service.close_item(app, 99999)


def test_overdue_owner_and_due_before_filters(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS))
    overdue = service.list_actions(app, overdue=True, now=NOW)
    assert [(r.owner, r.overdue) for r in overdue] == [("TSAG", True)]
    assert service.list_actions(app, overdue=True, now=datetime(2026, 9, 10, tzinfo=UTC)) == []
    everything = service.list_actions(app, open_only=True, now=NOW)
    assert [r.owner for r in everything] == ["TSAG", "BDT"]  # overdue first
    assert [r.owner for r in service.list_actions(app, owner="tsag", now=NOW)] == ["TSAG"]
    assert service.list_actions(app, owner="SG1", now=NOW) == []
    before = service.list_actions(app, due_before=date(2026, 11, 1), now=NOW)
    assert [r.owner for r in before] == ["TSAG"]
    notes = service.list_actions(app, kinds=("note",), now=NOW)
    assert {r.owner for r in notes} == {"ISCG", "TDAG"}


def test_overdue_uses_the_lists_time_zone(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS))
    # 23:30 UTC on 15 September is already the 16th in Geneva: TSAG's item is late there.
    late_evening = datetime(2026, 9, 15, 23, 30, tzinfo=UTC)
    assert [r.owner for r in service.list_actions(app, overdue=True, now=late_evening)] == ["TSAG"]
    earlier = datetime(2026, 9, 15, 21, 30, tzinfo=UTC)
    assert service.list_actions(app, overdue=True, now=earlier) == []


def test_open_threads_questions_participants_and_stalled(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS, QUESTION, OLD))
    rows = service.open_threads(app, now=NOW)
    by_subject = {r.subject: r for r in rows}
    assert set(by_subject) == {"LS on security", "Joint session room",
                               "Call for experts on spectrum sharing studies"}
    ls = by_subject["LS on security"]
    assert (ls.open_actions, ls.overdue_actions, ls.open_questions, ls.next_due) == (
        2, 1, 0, date(2026, 9, 15))
    assert rows[0].subject == "LS on security"  # the most overdue first
    room = by_subject["Joint session room"]
    assert (room.open_actions, room.open_questions) == (0, 1)
    # Somebody else answers the question: the thread no longer waits.
    answer = mail("q2", "Chen Lihua <chen@example.int>", "2026-09-02T11:00:00+02:00",
                  "Yes, TSB booked room K.\n", subject="Joint session room", parent="q1")
    extraction.extract_for_messages(app, store(app, answer))
    assert "Joint session room" not in {r.subject for r in service.open_threads(app, now=NOW)}
    by_address = service.open_threads(app, participant="ingrid@example.no", now=NOW)
    assert [r.subject for r in by_address] == ["Call for experts on spectrum sharing studies"]
    by_name = service.open_threads(app, participant="Ingrid Solheim", now=NOW)
    assert [r.subject for r in by_name] == ["Call for experts on spectrum sharing studies"]
    assert [r.subject for r in service.open_threads(app, participant="lihua", now=NOW)] == [
        "LS on security"]
    since = service.open_threads(app, since=datetime(2026, 8, 15, tzinfo=UTC), now=NOW)
    assert {r.subject for r in since} == {"LS on security"}
    stalled = service.stalled_threads(app, timedelta(days=14), now=NOW)
    assert {r.subject for r in stalled} == {"LS on security",
                                            "Call for experts on spectrum sharing studies"}
    assert [r.subject for r in service.stalled_threads(app, timedelta(days=45), now=NOW)] == [
        "Call for experts on spectrum sharing studies"]


def test_items_follow_their_message_to_another_thread(app: App) -> None:
    ids = store(app, LS, OLD)
    extraction.extract_for_messages(app, ids)
    with app.session() as session:
        old_pk = session.scalar(select(Message.id).where(Message.message_id == "old1@example.org"))
        ls_thread = session.scalar(select(Message.thread_id)
                                   .where(Message.message_id == "ls1@example.org"))
        session.execute(update(Message).where(Message.id == old_pk).values(thread_id=ls_thread))
    extraction.extract_for_messages(app, [old_pk])
    with app.session() as session:
        assert set(session.scalars(select(ActionItem.thread_id))) == {ls_thread}


def test_search_ranks_and_marks_the_words(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS, QUESTION, OLD, REPLY))
    hits = service.search_messages(app, "liaison statement")
    assert hits and hits[0].subject == "LS on security"
    assert "[liaison]" in hits[0].snippet.lower()
    assert [h.subject for h in service.search_messages(app, "spectrum")] == [
        "Call for experts on spectrum sharing studies"]  # subject words count
    # The snippet is the body's (the subject is shown beside it), on both databases.
    [experts] = service.search_messages(app, "experts")
    assert "call for [experts] on the ISCG website" in experts.snippet
    assert service.search_messages(app, '"joint session" room')[0].subject == "Joint session room"
    assert service.search_messages(app, "room -joint") == []
    # AND between words asks for what a space does, on both databases.
    assert [h.subject for h in service.search_messages(app, "room AND joint")] == [
        "Joint session room"]
    assert service.search_messages(app, "room AND spectrum") == []
    either = {h.subject for h in service.search_messages(app, "room OR experts")}
    assert either == {"Joint session room", "Call for experts on spectrum sharing studies"}
    # Quoted text is not indexed: the reply does not match for the LS it quotes.
    assert all(h.message_id != "r1@example.org"
               for h in service.search_messages(app, "regional workshops"))


def test_search_pages_and_finds_the_best_of_the_newest_matches_of_a_common_word(
        app: App) -> None:
    # Five messages hold "budget"; the oldest says it most often, so it ranks first when
    # every match is found. With a window of three, a search finds the three newest (the
    # best of them first) and says that more match.
    bodies = ["budget budget budget budget, the budget again.",
              "A long note on many things: travel, rooms, interpretation, and the budget.",
              "The budget, the budget and the budget.",
              "One line about the budget and a good deal about the agenda and the rooms.",
              "The budget."]
    store(app, *(mail(f"b{n}", "Chen Lihua <chen@example.int>",
                      f"2026-09-0{n + 1}T10:00:00+02:00", body, subject=f"Note {n}")
                 for n, body in enumerate(bodies)))
    everything = service.search_page(app, "budget", 1, 10)
    assert (everything.total, everything.found, everything.beyond_window) == (5, 5, False)
    assert everything.hits[0].subject == "Note 0" and not everything.more
    assert sorted(h.subject for h in everything.hits) == [f"Note {n}" for n in range(5)]
    pages = [service.search_page(app, "budget", page, 2) for page in (1, 2, 3)]
    assert [h.subject for p in pages for h in p.hits] == [h.subject for h in everything.hits]
    assert [(p.more, p.first) for p in pages] == [(True, 1), (True, 3), (False, 5)]

    windowed = [service.search_page(app, "budget", page, 2, window=3) for page in (1, 2, 3)]
    assert [(p.total, p.found, p.beyond_window, p.more) for p in windowed] == [
        (4, 3, True, True), (4, 3, True, False), (4, 3, True, False)]
    order = [h.subject for p in windowed for h in p.hits]
    # The newest three, best first (the engines order the two single mentions differently).
    assert order[0] == "Note 2" and sorted(order) == ["Note 2", "Note 3", "Note 4"]
    # The snippets are those of the hits shown, whatever the page.
    assert all("[budget]" in h.snippet.lower() for p in windowed for h in p.hits)
    assert service.search_page(app, "budget", 9, 2).hits == []
    assert service.search_page(app, "nothing-like-it", 1, 2).total == 0
    with app.session() as session:
        assert search_store.count_matches(session, "budget") == 5
        assert search_store.count_matches(session, "budget", at_most=2) == 2


HOSTILE = ['"', "'", "AND", "OR OR", "NOT", "*", "-", "-room", "NEAR(", "col:val", "^x", "(((",
           "'; DROP TABLE messages; --", "\\", "%_", "\u00e9t\u00e9 \U0001F600", "", "   ",
           "a" * 500, "liaison & statement | !x <-> y:*"]


def test_search_accepts_any_string(app: App) -> None:
    extraction.extract_for_messages(app, store(app, LS))
    for hostile in HOSTILE:
        assert isinstance(service.search_messages(app, hostile, limit=5), list), hostile
    with app.session() as session:
        assert session.scalar(select(Message.id)) is not None  # nothing was dropped
    assert service.search_messages(app, "liaison & statement")[0].subject == "LS on security"


def test_index_catches_up_with_messages_stored_before_it(app: App) -> None:
    store(app, LS, OLD)  # stored, never analysed nor indexed
    assert [h.subject for h in service.search_messages(app, "experts")] == [
        "Call for experts on spectrum sharing studies"]
    assert service.reindex(app) == 0
    with app.session() as session:
        assert search_store.index_missing(session) == 0


def test_a_thread_merged_away_never_fails_on_its_items(app: App) -> None:
    ids = store(app, LS, OLD)
    extraction.extract_for_messages(app, ids)
    with app.session() as session:
        old_pk = session.scalar(select(Message.id).where(Message.message_id == "old1@example.org"))
        ls_thread = session.scalar(select(Message.thread_id)
                                   .where(Message.message_id == "ls1@example.org"))
        old_thread = session.scalar(select(Message.thread_id).where(Message.id == old_pk))
        # What store/threads.py merge_threads does: move the messages, delete the thread.
        session.execute(update(Message).where(Message.thread_id == old_thread)
                        .values(thread_id=ls_thread))
        session.execute(delete(Thread).where(Thread.id == old_thread))
    with app.session() as session:
        assert None in set(session.scalars(select(ActionItem.thread_id)))
    extraction.extract_for_messages(app, [old_pk])  # the next analysis of the batch
    with app.session() as session:
        assert set(session.scalars(select(ActionItem.thread_id))) == {ls_thread}


def test_relative_dates_are_read_in_the_senders_own_time_zone(app: App) -> None:
    # 23:30 in Washington on Friday 10 July is already Saturday 06:30 in Geneva: "by
    # tomorrow" means the sender's tomorrow, Saturday 11 July.
    late = mail("late", "Ana Ruiz <ana@example.gov>", "2026-07-10T23:30:00-05:00",
                "Dear colleagues,\n\nTSB is kindly requested to send the figures by tomorrow.\n")
    ids = store(app, late)
    extraction.extract_for_messages(app, ids)
    with app.session() as session:
        assert session.scalar(select(Message.utc_offset_minutes)) == -300
    [item] = [i for i in items(app).values() if i.kind == "action"]
    assert (item.owner, item.due) == ("TSB", date(2026, 7, 11))
