"""A due date counted from a named event ("a week before the meeting", "two weeks before
TDAG") comes from that event's date when the message gave it before; otherwise the item
stays undated, never guessed (issue 13, point 9). "That meeting" was read already
(test_action_back_dates.py); these are "the meeting", "our meeting" and a body's
meeting named by the body. Our own wording; the first two tests failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2026, 10, 30, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def items(text: str) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT, sender=Address("", "someone@example.org"))
    return [(c.owner, c.due) for c in extract_actions(message)]


def test_the_meeting_dated_before() -> None:
    text = ("The ISCG meeting on 14 December will be held in room K. The documents will be "
            "posted by TSB a week before the meeting.")
    assert items(text) == [("TSB", date(2026, 12, 7))]
    text = ("Our next meeting is on 14 December. Could BDT circulate the note two days "
            "before our meeting?")
    assert items(text) == [("BDT", date(2026, 12, 12))]


def test_a_body_meeting_named_by_the_body() -> None:
    text = ("Could BR present the study at TDAG-27 (opening 24 November)? Could TSB "
            "circulate the slides two weeks before TDAG?")
    assert items(text) == [("BR", date(2026, 11, 24)), ("TSB", date(2026, 11, 10))]


def test_no_date_given_no_date_guessed() -> None:
    # The meeting is not dated in the message: the item stays undated.
    assert items("The documents will be posted by TSB a week before the meeting.") == [
        ("TSB", None)]
    # Another body's meeting is dated, not TSAG's.
    text = ("The SG16 meeting on 14 December is in Geneva. Could BDT share the note two "
            "weeks before the TSAG meeting?")
    assert items(text) == [("BDT", None)]
    text = ("The SG16 meeting on 14 December is in Geneva. Could BDT share the note two "
            "weeks before TDAG?")
    assert items(text) == [("BDT", None)]
