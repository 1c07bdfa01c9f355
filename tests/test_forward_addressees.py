"""A forwarded liaison statement without a "For action to:" line names its addressees
in other layouts ("To: TSAG" above "For: Action", "LIAISON STATEMENT TO TSAG",
"Addressed to:"): a request in it that names nobody is theirs. The forwarded mail's
own "To:" header, and a statement sent for information only, give no owner."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
FORWARD = """Colleagues, see below.

-----Original Message-----
From: TSB SG2 <tsbsg2@itu.int>
Sent: Monday, September 28, 2026 11:02 AM
To: {mail_to}
Subject: LS on numbering misuse

{layout}
Source: ITU-T SG2

Please send your views on the draft guideline on numbering misuse.

Deadline: 2 December 2026
"""


def _owners(layout: str, mail_to: str = "tsag@lists.itu.int") -> list[tuple[str | None, date | None]]:
    body = FORWARD.format(layout=layout, mail_to=mail_to)
    new_text = split_new_text(body, forwarded=True)[0]
    found = extract_actions(ActionInput(new_text=new_text, date=SENT, forwarded=True,
                                        subject="FW: LS on numbering misuse"))
    return [(item.owner, item.due) for item in found if item.kind == "action"]


@pytest.mark.parametrize("layout", [
    "To: TSAG\nFor: Action",
    "LIAISON STATEMENT TO TSAG",
    "LS/o to TSAG",
    "Addressed to: TSAG",
    "For: action to TSAG",
])
def test_the_statement_addressees_own_its_unaddressed_request(layout: str) -> None:
    assert _owners(layout) == [("TSAG", date(2026, 12, 2))]


def test_the_forwarded_mails_own_to_header_names_no_owner() -> None:
    # The mail went to the TDAG list by its display name; the statement names nobody.
    assert _owners("LIAISON STATEMENT", mail_to="TDAG") == [(None, date(2026, 12, 2))]


def test_a_statement_for_information_only_gives_no_owner() -> None:
    assert _owners("To: TSAG\nFor: Information") == [(None, date(2026, 12, 2))]
