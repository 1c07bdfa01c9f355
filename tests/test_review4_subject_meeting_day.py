"""Review4 (session 42) of the subject's meeting day (act-due2): minimal pairs of our
own wording, each first assertion failed before the fix.

- a subject that moves its meeting gives the new day, not the first it names;
- a reply months after the meeting keeps the old subject: that meeting is held, not
  next year's (a yearless day is not rolled more than a season ahead);
- "on the day" where the body names another day, or "on the day of" an event, and a
  request for another session ("at the next meeting", "in June") are not the subject's
  meeting;
- many deadline days in a long subject or agenda line are read in linear time.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_agenda_dates import meeting_day, subject_meeting_day
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2030, 3, 4, 8, 0, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Ines Duarte", "ines.duarte@example.net")
SUBJECT = "Liaison call 19 March 15:00 CET"


def dues(text: str, subject: str = SUBJECT, sent: datetime = SENT) -> list[date | None]:
    return [c.due for c in extract_actions(ActionInput(text, sent, sender=SENDER,
                                                       subject=subject))]


def test_a_moved_meeting_gives_its_new_day() -> None:
    assert subject_meeting_day("Liaison call 12 March 10:00 moved to 19 March 15:00",
                               SENT) == date(2030, 3, 19)
    assert subject_meeting_day("Liaison call 19 March 15:00 (moved from 12 March 10:00)",
                               SENT) == date(2030, 3, 19)


def test_a_reply_months_later_does_not_date_next_years_meeting() -> None:
    autumn = datetime(2030, 10, 8, 8, 0, tzinfo=UTC)
    assert subject_meeting_day("Re: " + SUBJECT, autumn) is None
    december = datetime(2030, 12, 10, 8, 0, tzinfo=UTC)
    assert subject_meeting_day("Liaison call 14 January 15:00 CET", december) == date(
        2031, 1, 14)


def test_on_the_day_of_another_day_in_the_body() -> None:
    other = ("Dear Tomas,\n\nThe exhibition opens on 26 March. Could you bring the banner "
             "to the stand on the day?\n\nInes\n")
    assert dues(other) == [None]
    assert dues(other.replace("The exhibition opens on 26 March. ", "")) == [
        date(2030, 3, 19)]
    event = "Dear Tomas,\n\nCould you post the statement on the day of the launch?\n\nInes\n"
    assert dues(event) == [None]


def test_a_request_for_another_session_is_not_the_subjects() -> None:
    later = "Dear Tomas,\n\nCould you present item 5 at the next meeting?\n\nInes\n"
    assert dues(later) == [None]
    assert dues(later.replace(" at the next meeting", "")) == [date(2030, 3, 19)]
    june = "Dear Tomas,\n\nCould you present item 5 to SG 2 in June?\n\nInes\n"
    assert dues(june) == [None]


def test_many_deadline_days_in_a_long_subject_or_line_stay_fast() -> None:
    start = time.perf_counter()
    subject_meeting_day("by 19 March 15:00 " * 2800, SENT)
    meeting_day("Agenda " + "by 19 March 15:00 " * 1400, SENT)
    assert time.perf_counter() - start < 2.0
