"""Requests about a meeting whose day and time only the subject gives are due on that
day (round act-due2; minimal pairs of our own wording, each first assertion failed
before):

- a convening letter or a calendar invitation names its meeting's day and time in the
  subject; a request in the body that names the session ("present item 2", "on the
  day", "during my talk") is due then, one that names no session is not;
- a question about the meeting ("is it 14:00 Geneva time on the day?") asks to know,
  not for work at it: the subject does not date it;
- a subject whose meeting is called off, a day already past, or a day given as a
  deadline ("comments by 3 June 12:00") dates nothing;
- an agenda line number of a decimal ("agenda item 1.7", a conference's) names no
  session of ours.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_agenda_dates import subject_meeting_day
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2031, 9, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Omar Khalil", "omar.khalil@example.org")
SUBJECT = "Coordination call - Thursday 18 September, 10:00-11:00 CEST - draft agenda"


def dues(text: str, subject: str = SUBJECT, sent: datetime = SENT) -> list[date | None]:
    message = ActionInput(text, sent, sender=SENDER, subject=subject)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [c.due for c in sorted(found, key=lambda c: c.span)]


BODY = """Dear colleagues,

Our next call will be held with remote participation. Draft agenda:

1. Opening
2. Joint workshop calendar
3. Any other business

Mariam, could you present item 2 and share the calendar on screen?

Omar
"""


def test_a_request_naming_an_agenda_item_is_due_on_the_subject_day() -> None:
    assert dues(BODY) == [date(2031, 9, 18)]


def test_without_the_day_in_the_subject_it_stays_undated() -> None:
    assert dues(BODY, subject="Coordination call - draft agenda") == [None]


def test_a_request_naming_no_session_stays_undated() -> None:
    text = BODY.replace("could you present item 2 and share the calendar on screen?",
                        "could you update the workshop calendar on the website?")
    assert dues(text) == [None]


def test_on_the_day_names_the_session() -> None:
    text = BODY.replace("present item 2 and share the calendar on screen?",
                        "bring the printed calendar to the room on the day?")
    assert dues(text) == [date(2031, 9, 18)]
    assert dues(text, subject="Coordination call - draft agenda") == [None]


def test_a_reply_asking_for_help_during_a_talk_in_the_invitation() -> None:
    subject = "Re: Invitation: Webinar on numbering fraud @ Tue 16 Sep 2031 14:00-15:00 (CEST)"
    text = ("Dear Lucia,\n\nMy slides are attached. Could you share the poll link in the "
            "chat during my talk?\n\nBest,\nMariam\n")
    assert dues(text, subject) == [date(2031, 9, 16)]
    assert dues(text, "Re: Invitation: Webinar on numbering fraud") == [None]


def test_a_called_off_meeting_dates_nothing() -> None:
    assert subject_meeting_day("Canceled event: call @ Tue 16 Sep 2031 14:00", SENT) is None
    assert subject_meeting_day("Invitation: call @ Tue 16 Sep 2031 14:00", SENT) == date(
        2031, 9, 16)


def test_a_past_day_or_a_deadline_in_the_subject_dates_nothing() -> None:
    later = datetime(2031, 9, 20, 9, 0, tzinfo=timezone(timedelta(0)))
    assert subject_meeting_day(SUBJECT, later) is None
    assert subject_meeting_day("Comments by 18 September 12:00 please", SENT) is None


def test_a_decimal_agenda_item_is_not_our_session() -> None:
    text = BODY.replace("present item 2 and share the calendar on screen?",
                        "present item 1.7 of the conference agenda to your group?")
    assert dues(text) == [None]


def test_a_long_run_of_spaces_in_the_subject_stays_fast() -> None:
    import time
    start = time.perf_counter()
    subject_meeting_day("call 18 September" + " " * 50_000 + "x", SENT)
    assert time.perf_counter() - start < 1.0


def test_a_question_about_the_meeting_in_a_reply_is_not_dated_by_the_subject() -> None:
    subject = "Re: Invitation: Webinar on numbering fraud @ Tue 16 Sep 2031 14:00-15:00 (CEST)"
    asking = ("Dear Lucia,\n\nOne question: the invitation says UTC - is the start at 14:00 "
              "Geneva time on the day?\n\nBest,\nMariam\n")
    assert dues(asking, subject) == [None]
    doing = ("Dear Lucia,\n\nPlease open the room ten minutes early on the day.\n\n"
             "Best,\nMariam\n")
    assert dues(doing, subject) == [date(2031, 9, 16)]
