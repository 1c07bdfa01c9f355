"""Items of a forwarded liaison statement (minimal pairs; each failed before).

The statement's "For action to:" and "Deadline:" lines speak for the statement, not
for the note forwarding it; a date closing a bulleted list dates all its requests; "X
is invited to A; Y is invited to B" is two requests; "Replies are requested by ..."
only dates them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 11, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))

NOTE = "Dear all,\n\nKofi, could you make sure the rapporteur receives it?\n\n"
STATEMENT = (
    "Source: WP 3K\n"
    "For action to: ITU-D SG2\n\n"
    "Action required: ITU-D SG2 is invited to comment on the draft.\n\n"
    "Deadline: 20 January 2027\n"
)


def found(text: str, subject: str = "LS on the test plan") -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT, subject=subject)
    return [(c.owner, c.due) for c in extract_actions(message)]


@pytest.mark.parametrize("separator", [
    "---------- Forwarded message ---------\n",
    "-----Original Message-----\n",
    ("From: WP 3K <wp3k@example.org>\nSent: 30 October 2026 17:00\nTo: sg2@example.org\n"
    "Subject: LS on the test plan\n\n"),
])
def test_the_statements_deadline_does_not_date_the_forwarding_note(separator: str) -> None:
    items = found(NOTE + separator + STATEMENT, subject="FW: LS on the test plan")
    assert items == [(None, None), ("ITU-D SG2", date(2027, 1, 20))]


def test_without_a_forward_the_deadline_dates_every_request() -> None:
    # One text: its "For action to:" and "Deadline:" lines speak for all of it.
    assert found(NOTE + STATEMENT) == [("ITU-D SG2", date(2027, 1, 20))] * 2


@pytest.mark.parametrize(("tail", "due"), [
    ("by 30 November 2026.", date(2026, 11, 30)),
    ("both by 30 November 2026, so that the report can include them.", date(2026, 11, 30)),
    ("before the next WP 3K meeting.", None),
])
def test_a_date_closing_a_bulleted_list_dates_each_request(tail: str, due: date | None) -> None:
    text = ("Action required:\n"
            "- ITU-R WP 5D is invited to indicate its related deliverables;\n"
            "- ITU-D SG2 is invited to share experience from operators;\n" + tail + "\n")
    assert found(text) == [("ITU-R WP5D", due), ("ITU-D SG2", due)]


def test_a_second_body_invited_after_a_semicolon_is_a_request_of_its_own() -> None:
    text = ("Action required: ITU-D SG1 is invited to share regulatory practices; "
            "ITU-T SG17 is invited to inform Q12/3 of its Recommendations.")
    assert found(text) == [("ITU-D SG1", None), ("ITU-T SG17", None)]


def test_replies_requested_by_a_date_dates_the_requests_and_is_no_item() -> None:
    text = ("For action to: ITU-T SG17\n\n"
            "Action required: ITU-T SG17 is invited to inform Q12/3 of its Recommendations. "
            "Replies are requested by 30 January 2027.")
    assert found(text) == [("ITU-T SG17", date(2027, 1, 30))]


RETOLD = ("Dear all,\n\nIn short, WP 3K asks ITU-D SG2 to {request}.\n\n"
          "-----Original Message-----\n"
          "Action required: ITU-D SG2 is invited to comment on the scope of the survey "
          "questionnaire on rural backhaul.\n\nDeadline: 20 January 2027\n")


def test_the_notes_account_of_a_forwarded_request_is_the_same_item() -> None:
    items = found(RETOLD.format(request="confirm the scope of the survey questionnaire on rural "
                                          "backhaul"), subject="FW: LS on the survey")
    assert items == [("ITU-D SG2", date(2027, 1, 20))]


def test_a_different_request_of_the_same_body_in_the_note_is_kept() -> None:
    items = found(RETOLD.format(request="nominate a focal point for its data collection"),
                  subject="FW: LS on the survey")
    assert items == [("ITU-D SG2", None), ("ITU-D SG2", date(2027, 1, 20))]


@pytest.mark.parametrize(("invited", "owner"), [
    ("BR and BDT", "BR, BDT"),
    ("their national statistics offices", "ISCG"),
])
def test_a_body_asked_to_invite_named_bodies_passes_the_request_on(invited: str,
                                                                  owner: str) -> None:
    text = (f"Action required: the ISCG is asked to invite {invited} to list their work "
            "items on data sets by 20 January 2027.")
    assert found(text) == [(owner, date(2027, 1, 20))]
