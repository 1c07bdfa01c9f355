"""Which date belongs to which clause, and which days are when something is held.

Minimal pairs of our own wording: a day said in one party's clause does not date the
next clause of another party ("TSB asks BDT to confirm by 30 June, and RAG is invited
to nominate ..."); a span of days or a day with its hour is when something is held, no
deadline of the sentence's work, where one plain future day still is.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 6, 10, 15, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Ingrid Solheim", "ingrid.solheim@example.no")


def dues(text: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    found = extract_actions(ActionInput(text, SENT, sender=SENDER), members=members)
    return [(c.owner, c.due) for c in sorted(found, key=lambda c: c.span)]


def test_the_day_of_the_first_partys_clause_is_not_the_seconds(members: MembersConfig) -> None:
    # `w4`: the day is BDT's, said before ", and RAG is invited to ...".
    other = ("For the joint session in September, TSB asks BDT to confirm the two speakers "
             "by 30 June, and RAG is invited to nominate a young engineer for the panel.")
    same = ("For the joint session in September, RAG is invited to nominate a young "
            "engineer for the panel by 30 June.")
    assert ("RAG", None) in dues(other, members)
    assert dues(same, members) == [("RAG", date(2027, 6, 30))]


def test_a_second_partys_promise_keeps_only_its_own_day(members: MembersConfig) -> None:
    # `w10`: "I will ... by 7 December, and Lucia will ..." dates Ingrid's promise only.
    first = ("I will circulate the proposed meeting calendar by 7 July, and Lucia will send a "
             "poll for the date of the September meeting.")
    second = ("I will circulate the proposed meeting calendar, and Lucia will send a poll "
              "for the date of the September meeting by 7 July.")
    assert dues(first, members) == [("Ingrid Solheim", date(2027, 7, 7)), ("Lucia Bianchi", None)]
    assert dues(second, members)[1] == ("Lucia Bianchi", date(2027, 7, 7))


@pytest.mark.parametrize(("held", "plain"), [
    # `w1`, `w13`: the days of a meeting or a course, written as a span.
    ("For Council 2027 (Geneva, 8-18 July) the General Secretariat will provide captioning.",
     "For Council 2027 the General Secretariat will provide captioning on 8 July."),
    ("Colombia will host a course on spectrum monitoring, 6 to 10 December 2027, in Bogota.",
     "Colombia will host a course on spectrum monitoring on 6 December 2027, in Bogota."),
    # `w12`: a day with its hour.
    ("We can offer a 45-minute online briefing, tentatively on 1 July at 10:00 UTC.",
     "We can offer a 45-minute online briefing, tentatively on 1 July."),
])
def test_a_day_when_something_is_held_is_no_due_date(held: str, plain: str) -> None:
    assert find_due(held, SENT) is None
    due = find_due(plain, SENT)
    assert due is not None and due.value is not None


def test_a_marked_day_with_its_hour_stays_a_deadline() -> None:
    due = find_due("Please send the slides by 1 July at 10:00 UTC.", SENT)
    assert due is not None and due.value == date(2027, 7, 1)


@pytest.mark.parametrize("text", [
    "Please send the revised text 15 July, 2 amendments are still open.",
    "Please send the revised text 15 July, 3 pmts are due.",
])
def test_a_number_after_the_day_is_no_hour_unless_am_or_pm_is_a_word(text: str) -> None:
    # "2 amendments" holds "2 am" but gives no hour: the one future day is still due.
    due = find_due(text, SENT)
    assert due is not None and due.value == date(2027, 7, 15)
    assert find_due(text.replace(", 2 amendments are", " at 2 am: these are")
                    .replace(", 3 pmts are", " at 3 pm: these are"), SENT) is None
