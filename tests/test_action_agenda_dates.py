"""Requests written in a meeting's agenda are due on the meeting's day (round act-w29;
minimal pairs of our own wording, each first assertion failed before):

- a calendar invitation's "When" field gives the day; a request in a numbered agenda
  line (or indented under it) is due then, one outside the agenda is not;
- an agenda sent by hand gives the day with its time on the agenda's line; a request
  naming an agenda item ("under item 4") is due then;
- a schedule row that starts with its own day dates the request in it;
- a meeting already held, or an agenda line's day without a time, dates nothing;
- a third party's question passed on ("The chair asks BDT whether ...") is a question
  put to the party named.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_agenda_dates import date_from_agenda, meeting_day
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionCandidate, ActionInput, Address
from iscg_mailbot.settings.action_rules import ACTION

SENT = datetime(2031, 5, 5, 9, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Omar Khalil", "omar.khalil@example.org")


def items(text: str, sent: datetime = SENT) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(text, sent, sender=SENDER)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [(c.kind, c.owner, c.due) for c in sorted(found, key=lambda c: c.span)]


INVITATION = """You have been invited to the following event.

Spectrum planning workshop
When       Wed 21 May 2031 10:00 - 12:00 (CEST)
Where      Room K

Agenda
1. Opening
2. Regional planning tools - TSB is asked to show the new calculator
3. Close
"""


def test_a_request_in_the_invitation_agenda_is_due_on_the_meeting_day() -> None:
    assert items(INVITATION) == [("action", "TSB", date(2031, 5, 21))]


def test_the_same_request_without_the_when_field_stays_undated() -> None:
    assert items(INVITATION.replace("When       Wed 21 May 2031 10:00 - 12:00 (CEST)\n",
                                    "")) == [("action", "TSB", None)]


def test_an_indented_line_under_the_agenda_item_is_in_it() -> None:
    text = INVITATION.replace(
        "2. Regional planning tools - TSB is asked to show the new calculator",
        "2. Regional planning tools\n   TSB is asked to show the new calculator")
    assert items(text) == [("action", "TSB", date(2031, 5, 21))]


def test_a_request_outside_the_agenda_and_naming_no_session_stays_undated() -> None:
    text = INVITATION.replace("3. Close\n", "3. Close\n\nBDT is asked to update the "
                              "web page of the group.\n")
    assert items(text)[-1] == ("action", "BDT", None)


def test_a_request_with_its_own_day_keeps_it() -> None:
    text = INVITATION.replace("show the new calculator",
                              "send the new calculator by 14 May 2031")
    assert items(text) == [("action", "TSB", date(2031, 5, 14))]


def test_a_meeting_already_held_dates_nothing() -> None:
    later = datetime(2031, 6, 2, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    assert meeting_day(INVITATION, later) is None
    assert meeting_day(INVITATION, SENT) == date(2031, 5, 21)


HAND_AGENDA = """Dear all,

Draft agenda for our next call (Tuesday 20 May, 15:00-16:00 CEST):

  1. Agenda
  2. Budget
  3. Workshop planning
  4. AOB

BR, could you give a short update under item 3?

Best,
Omar
"""


def test_an_agenda_line_with_day_and_time_dates_a_request_naming_its_item() -> None:
    assert [due for _, _, due in items(HAND_AGENDA)] == [date(2031, 5, 20)]


def test_an_agenda_line_day_without_a_time_is_no_meeting_day() -> None:
    text = HAND_AGENDA.replace("(Tuesday 20 May, 15:00-16:00 CEST)", "(sent on 2 May)")
    assert [due for _, _, due in items(text)] == [None]


def test_a_schedule_row_dates_the_request_in_it() -> None:
    text = ("You have been invited to the following recurring event.\n\n"
            "Editing group\n"
            "When       Weekly on Monday 09:00 - 10:00 (CEST), from 12 May to 2 Jun 2031\n\n"
            "Plan\n"
            "12 May   outline\n"
            "19 May   annexes - BDT is asked to bring the annex tables\n"
            "         to this session\n"
            "26 May   full reading\n")
    assert items(text) == [("action", "BDT", date(2031, 5, 19))]


def test_a_question_passed_on_is_put_to_the_party_named() -> None:
    passed_on = "Dear all,\n\nThe chair asks BDT whether the survey can be extended to 2032.\n"
    assert items(passed_on) == [("question", "BDT", None)]
    unnamed = items("Dear all,\n\nThe chair asks whether the survey can be extended to 2032.\n")
    assert [kind for kind, _, _ in unnamed if kind == "question"] == []


def test_a_row_day_is_a_month_name_not_a_word_its_letters_open() -> None:
    # "20 May   Budget" is a schedule row's day; "1 Marketing   ..." an agenda line
    # whose word starts with "mar", no day of March.
    row = HAND_AGENDA.replace("  3. Workshop planning\n",
                              "20 May   Marketing - BDT is asked to present the plan\n")
    word = HAND_AGENDA.replace("  3. Workshop planning\n",
                               "1 Marketing   - BDT is asked to present the plan\n")
    assert items(row)[0] == ("action", "BDT", date(2031, 5, 20))
    assert items(word)[0] == ("action", "BDT", None)


def test_a_sentence_opening_with_when_is_no_calendar_field() -> None:
    # "When  Wed 21 May ..." is the invitation's field; "When I am back on 21 May ..." a
    # sentence: it dates no agenda, and does not hide the agenda line's day and time.
    back = INVITATION.replace("When       Wed 21 May 2031 10:00 - 12:00 (CEST)",
                              "When I am back on 21 May we will meet again.")
    assert items(back) == [("action", "TSB", None)]
    hidden = "When you have a moment, please look at the draft.\n\n" + HAND_AGENDA
    assert [due for _, _, due in items(hidden)][-1] == date(2031, 5, 20)


def test_a_long_indented_agenda_item_is_walked_once() -> None:
    # Each request indented under "1. Items" finds its entry's numbered line; the block
    # above it is walked once for all of them, not once per request (it was quadratic).
    head = "When  Wed 21 May 2031 10:00 - 12:00 (CEST)\n\nAgenda\n1. Items\n"
    line = "   BDT is asked to send the file.\n"
    text, spans = head + line * 4_000, []
    for index in range(4_000):
        start = len(head) + index * len(line) + 3
        spans.append((start, start + len(line) - 4))
    candidates = [ActionCandidate(ACTION, "BDT is asked to send the file.", span, "BDT",
                                  "group", None, None, 0.8, "request") for span in spans]
    started = time.process_time()
    dated = date_from_agenda(candidates, text, SENT)
    assert time.process_time() - started < 1.0
    assert {c.due for c in dated} == {date(2031, 5, 21)}


def test_a_deadline_for_the_agenda_is_not_the_meetings_day() -> None:
    # "Draft agenda for our next call (Tuesday 20 May, 15:00 ...)" gives the meeting's
    # day; "proposals for the agenda by Friday 16 May, 12:00" a deadline, not a meeting.
    deadline = HAND_AGENDA.replace("Draft agenda for our next call (Tuesday 20 May, "
                                   "15:00-16:00 CEST):",
                                   "Please send proposals for the agenda by Friday 16 May, "
                                   "12:00 CEST.")
    assert meeting_day(HAND_AGENDA, SENT) == date(2031, 5, 20)
    assert meeting_day(deadline, SENT) is None


def test_a_question_passed_on_is_one_whatever_stands_between() -> None:
    # The rule that finds it and the test that calls it a question read one pattern:
    # "asks BDT, as agreed in March, whether ..." is the same question as without the
    # aside (it was an action: the two patterns disagreed on the commas).
    plain = "Dear all,\n\nThe chair asks BDT whether the survey can be extended to 2032.\n"
    aside = plain.replace("asks BDT whether", "asks BDT, as agreed in March, whether")
    assert items(aside) == items(plain) == [("question", "BDT", None)]
