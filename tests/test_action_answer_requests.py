"""A request put as a question that asks for an answer, not a deliverable, is a
question: to reply, to consider something (a yes or a no), or to explain a thing named
by a noun when nothing dates it (minimal pairs; the questions were actions before).
Round 11 of issue 13, a class of dev misses of two writers (w1, w3)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 2, 10, 14, 5, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Ana Kovac", "ana.kovac@example.org")


def kinds(text: str) -> list[tuple[str, str | None]]:
    found = extract_actions(ActionInput(new_text=text, date=SENT, sender=SENDER))
    return [(c.kind, c.owner) for c in found]


def test_a_request_to_reply_is_a_question() -> None:
    # To reply owes an answer whatever its date; to send a thing is a deliverable.
    assert kinds("Could BR reply before 5 March?") == [("question", "BR")]
    assert kinds("Could BR send the table before 5 March?") == [("action", "BR")]
    assert kinds("Would TSB respond to the survey team?") == [("question", "TSB")]


def test_a_request_to_consider_something_owes_a_yes_or_a_no() -> None:
    assert kinds("Would BDT consider a second regional training?") == [
        ("question", "BDT")]
    assert kinds("Would BDT organise a second regional training?") == [("action", "BDT")]
    assert kinds("Could TSB and BR consider a shared session at the spring meetings?") == [
        ("question", "TSB, BR")]


def test_explaining_a_named_thing_is_a_question_unless_dated() -> None:
    assert kinds("Could TSB explain the approval steps?") == [("question", "TSB")]
    assert kinds("Could TSB update the approval steps?") == [("action", "TSB")]
    # A deadline makes the clarification work with a date, as the labels count it.
    assert kinds("Could TSB clarify the approval steps by 3 March?")[0][0] == "action"
    assert kinds("Could TSB clarify the approval steps?") == [("question", "TSB")]


def test_advising_on_a_matter_in_a_second_request_is_a_question() -> None:
    found = kinds("Could BDT share the course list, and advise on a version in Arabic?")
    assert found == [("action", "BDT"), ("question", "BDT")]


def test_confirming_a_thing_stays_an_action() -> None:
    # "Confirm the dates" settles them: the older labelled sentences count it so.
    assert kinds("Could BR confirm the dates of the workshop?") == [("action", "BR")]
    assert kinds("Please confirm your attendance by Friday.")[0][0] == "action"
