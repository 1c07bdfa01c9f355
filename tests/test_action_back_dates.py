"""Due dates that point back to a day said before them in the message (issue 13: dates
relative to a named event come from that event's date, else stay empty). Our own
wording; each assertion failed before the change."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 10, 30, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def items(text: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT, sender=Address("", "someone@example.org"))
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


def test_counted_from_the_meeting_dated_before(members: MembersConfig) -> None:
    text = ("The ITU-D SG1 rapporteur group meets in Nairobi on 16-18 November. We agreed "
            "that TSB would share the revised table two weeks after that meeting.")
    # From the meeting's last day.
    assert items(text, members) == [("TSB", date(2026, 12, 2))]


def test_at_that_meeting_is_the_meeting_day(members: MembersConfig) -> None:
    text = ("BR is invited to send a short note by 20 November, before our meeting on 27 "
            "November. The TDAG is invited to review it at that meeting.")
    assert items(text, members) == [("BR", date(2026, 11, 20)), ("TDAG", date(2026, 11, 27))]


def test_no_meeting_dated_before_gives_no_date(members: MembersConfig) -> None:
    text = "We agreed that TSB would share the revised table two weeks after that meeting."
    assert items(text, members) == [("TSB", None)]


def test_after_that_counts_from_the_earlier_items_date(members: MembersConfig) -> None:
    text = ("BR and TSB are invited to update the table by 13 November, and BDT to check "
            "it within a week after that.")
    assert items(text, members) == [("BR, TSB", date(2026, 11, 13)),
                                    ("BDT", date(2026, 11, 20))]
