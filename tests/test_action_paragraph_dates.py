"""One deadline said once in a paragraph dates the requests and questions around it
(issue 13, act-due3; minimal pairs of our own wording, each first assertion failed
before the change):

- said before them, in a sentence that asks nothing: "The host needs the programme by
  12 May. Could BDT draft the outline? And BR - a speaker?";
- said after them: "TSB: which pilots do you know of? The regulator publishes its plan
  by 20 May."

Never guessed: not across paragraphs, not when the paragraph says two deadlines or its
items say dates of their own, not a deadline that has passed, not a window's end
("until"), not a list's line dating its neighbours.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)
MAY_12 = date(2027, 5, 12)
MAY_20 = date(2027, 5, 20)


def _dues(text: str, members: MembersConfig | None = None) -> list[tuple[str | None, date | None]]:
    message = ActionInput(new_text=text, date=SENT)
    items = extract_actions(message, members=members)
    found = items + find_questions(message, items, members)
    return sorted(((c.owner, c.due) for c in found), key=lambda pair: pair[0] or "")


def test_a_need_said_before_the_requests_dates_them(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nThe host needs the programme and the speakers by 12 May. "
            "Could BDT draft the outline? And BR, could you propose a speaker?\n\nThanks")
    assert _dues(text, members) == [("BDT", MAY_12), ("BR", MAY_12)]
    # The day the host meets is no deadline.
    held = text.replace("needs the programme and the speakers by 12 May",
                        "meets on 12 May")
    assert all(due is None for _, due in _dues(held, members))


def test_a_deadline_said_after_a_question_dates_it(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nTSB: which pilots of smart meters do you know of? "
            "The regulator publishes its plan by 20 May.\n\nBest")
    assert _dues(text, members) == [("TSB", MAY_20)]
    # In another paragraph it dates nothing.
    apart = text.replace("? The regulator", "?\n\nThe regulator")
    assert _dues(apart, members) == [("TSB", None)]


def test_two_deadlines_or_a_dated_item_leave_the_others_undated(
        members: MembersConfig) -> None:
    two = ("Dear colleagues,\n\nThe host needs the programme by 12 May. The venue closes "
           "its bookings by 20 May. Could BDT draft the outline?\n\nThanks")
    assert _dues(two, members) == [("BDT", None)]
    dated = ("Dear colleagues,\n\nCould BR send the slides by 20 May? The host needs the "
             "programme by 12 May. Could BDT draft the outline?\n\nThanks")
    assert ("BDT", None) in _dues(dated, members)


def test_no_passed_deadline_no_window_no_neighbouring_line(members: MembersConfig) -> None:
    past = ("Dear colleagues,\n\nThe call for papers closed before 2 April. Could BDT "
            "draft the outline?\n\nThanks")
    assert _dues(past, members) == [("BDT", None)]
    window = past.replace("The call for papers closed before 2 April.",
                          "Corrections can be sent until 12 May.")
    assert _dues(window, members) == [("BDT", None)]
    listed = ("Dear colleagues,\n\nTwo things:\n1. Slides from the chair by 12 May.\n"
              "2. Could BDT draft the outline?\n\nThanks")
    assert ("BDT", None) in _dues(listed, members)


def test_many_requests_and_deadlines_are_read_in_linear_time() -> None:
    unit = "Could BDT draft it? The host needs it by 12 May. "
    text = unit * (50_000 // len(unit))
    started = time.process_time()
    _dues(text)
    assert time.process_time() - started < 10.0


def test_a_by_that_is_no_deadline_dates_nothing(members: MembersConfig) -> None:
    # "By the way" or "by email" near the day of an event is no deadline word (review2).
    text = ("Dear colleagues,\n\nBy the way, the Council meets on 12 May. Could BDT draft "
            "the outline?\n\nThanks")
    assert _dues(text, members) == [("BDT", None)]
    emailed = text.replace("By the way, the Council meets on 12 May.",
                           "BR confirmed it by email: the host opens on 12 May.")
    assert _dues(emailed, members) == [("BDT", None)]
    # Its pair: the same day said as a deadline still dates the request.
    needed = text.replace("By the way, the Council meets on 12 May.",
                          "The Council needs the outline by 12 May.")
    assert _dues(needed, members) == [("BDT", MAY_12)]
