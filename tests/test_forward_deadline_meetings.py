"""A forwarded statement's "Deadline:" dates a request it says is for the source's next
meeting ("for consideration at the next meeting of WP 4C", "before the next WP 5A
meeting"), not one for the addressees' own ("at their next meetings")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 8, 23, 10, 0, tzinfo=timezone(timedelta(hours=2)))
FORWARD = """Dear colleagues,

Forwarding the liaison below for your attention.

Sofia

________________________________
From: ITU-R WP 4C Secretariat <brsgd-wp4c@itu.int>
Sent: Friday, 20 August 2027 16:02
To: tsbsg2@itu.int; bdt-sg2@itu.int
Subject: LS from ITU-R WP 4C on routing of emergency messages

Source:    Working Party 4C
For:       Action
To:        ITU-T Study Group 2
Deadline:  15 October 2027

Action required:
ITU-T SG2 is invited to provide information on national arrangements for
delivering such messages, {when}.
"""


def due_of(when: str) -> date | None:
    items = extract_actions(ActionInput(new_text=FORWARD.format(when=when), date=SENT,
                                        subject="FW: LS from ITU-R WP 4C"))
    return next(item.due for item in items if item.kind == "action")


@pytest.mark.parametrize("when", [
    "for consideration at the next meeting of WP 4C",
    "before the next WP 4C meeting",
    "in time for WP 4C's next meeting",
])
def test_the_sources_next_meeting_is_the_deadlines(when: str) -> None:
    assert due_of(when) == date(2027, 10, 15)


@pytest.mark.parametrize("when", ["for consideration at their next meeting",
                                  "at its next meeting"])
def test_the_addressees_own_meeting_stays_undated(when: str) -> None:
    assert due_of(when) is None
