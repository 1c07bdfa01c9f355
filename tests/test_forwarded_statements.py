"""Forwarded liaison statements read as mail arrives: the raw message is parsed, the text
analysis reads is chosen as the pipeline chooses it (a message replying to nothing holds
forwarded content, a reply only quotes), and its items are extracted.

- A Question addressed "ITU-D SG2 Q6/2" or "ITU-D SG2 (Question 6/2)" is ITU-D's.
- The statement's "Deadline:" dates what it asks of its "For action to" addressees, not
  what it suggests to a body it is only "For information to".
- A reply quoting a statement's "Action required:" and "Deadline:" lines creates nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ActionCandidate, ActionInput, Provenance, RawMessage
from iscg_mailbot.services.forwards import text_to_read

FORWARD = """\
From: Chen Lihua <chen.lihua@itu.int>
To: int-sect-team@lists.itu.int
Subject: FW: {subject}
Date: Mon, 3 May 2027 09:12:00 +0200
Message-ID: <fw-{tag}@itu.int>
Content-Type: text/plain; charset=utf-8

Dear all,

FYI the LS below.

Regards,
Lihua

-----Original Message-----
From: TSB Secretariat <tsb@itu.int>
Sent: Friday, April 30, 2027 5:30 PM
To: ITU-D SG2 Secretariat <devsg2@itu.int>
Subject: {subject}

{statement}
"""

REPLY = """\
From: Pierre Lefebvre <pierre.lefebvre@itu.int>
To: int-sect-team@lists.itu.int
Subject: RE: LS on age assurance technologies
Date: Tue, 4 May 2027 10:00:00 +0200
Message-ID: <re-1@itu.int>
In-Reply-To: <fw-1@itu.int>
References: <fw-1@itu.int>
Content-Type: text/plain; charset=utf-8

Thanks Lihua, interesting LS.

Pierre

-----Original Message-----
From: Chen Lihua <chen.lihua@itu.int>
Sent: Monday, May 3, 2027 9:12 AM
To: int-sect-team@lists.itu.int
Subject: FW: LS on age assurance technologies

Source: ITU-T SG17
For action to: ITU-D SG2 (Question 3/2)

Action required: ITU-D SG2 Q3/2 is invited to provide information on national
regulations requiring age assurance for online services.

Deadline: 15 July 2027
"""


def items(raw: str) -> list[ActionCandidate]:
    """The items the pipeline's reading of one raw message finds."""
    parsed = parse_message(RawMessage(raw.encode(), Provenance(archive_path="test")))
    text, forwarded = text_to_read(parsed.new_text, parsed.quoted_text, parsed.body_text,
                                   parsed.in_reply_to, parsed.references)
    return extract_actions(ActionInput(new_text=text, forwarded=forwarded, date=parsed.date,
                                       subject=parsed.subject or ""))


def forward(statement: str, subject: str = "LS on age assurance technologies",
            tag: str = "1") -> str:
    return FORWARD.format(subject=subject, statement=statement, tag=tag)


@pytest.mark.parametrize(("addressee", "asked", "owner"), [
    ("ITU-D SG2 (Question 3/2)", "ITU-D SG2 Q3/2 is invited", "ITU-D Q3/2"),
    ("ITU-D Study Group 2, Question 3/2", "Q3/2 is invited", "ITU-D Q3/2"),
    ("ITU-T SG2 (Question 3/2)", "ITU-T SG2 Q3/2 is invited", "ITU-T Q3/2"),
])
def test_a_question_takes_the_sector_of_its_study_group(addressee: str, asked: str,
                                                        owner: str) -> None:
    found = items(forward(
        "Source: ITU-T SG17 (Geneva, 20-29 April 2027)\n"
        f"For action to: {addressee}\n"
        "For information to: BDT\n\n"
        f"Action required: {asked} to provide information on national\n"
        "regulations requiring age assurance for online services, by 15 July 2027.\n"))
    actions = [(c.owner, c.due) for c in found if c.kind == "action"]
    assert actions == [(owner, date(2027, 7, 15))]


def test_a_question_named_with_two_sectors_study_groups_keeps_no_guessed_sector() -> None:
    found = items(forward(
        "Source: ITU-T SG17\n"
        "For action to: ITU-D SG2 and ITU-T SG2\n\n"
        "Action required: Q3/2 is invited to provide information on national\n"
        "regulations, by 15 July 2027.\n"))
    assert [c.owner for c in found if c.kind == "action"] == ["Q3/2"]


def test_the_deadline_dates_the_for_action_addressees_only() -> None:
    found = items(forward(
        "Source: TDAG (Geneva, 22-26 March 2027)\n"
        "For action to: TSAG, RAG\n"
        "For information to: ISCG\n\n"
        "Summary:\nTDAG noted overlapping capacity-building workshops in 2026.\n\n"
        "Action required:\n"
        "TSAG and RAG are invited to share their planned 2027-2028 capacity-building\n"
        "events with TDAG. ISCG is invited to consider maintaining a joint calendar.\n\n"
        "Deadline: 30 June 2027\n", subject="LS on regional capacity-building events"))
    dues = {c.owner: c.due for c in found if c.kind == "action"}
    assert dues.get("ISCG", "missing") is None
    assert date(2027, 6, 30) in dues.values()


def test_a_for_information_body_also_for_action_keeps_the_deadline() -> None:
    found = items(forward(
        "Source: TDAG\n"
        "For action to: ISCG\n"
        "For information to: ISCG, RAG\n\n"
        "Action required: ISCG is invited to consider maintaining a joint calendar.\n\n"
        "Deadline: 30 June 2027\n", subject="LS on regional capacity-building events"))
    assert [(c.owner, c.due) for c in found if c.kind == "action"] == [
        ("ISCG", date(2027, 6, 30))]


def test_a_reply_quoting_a_statements_action_required_creates_no_item() -> None:
    assert items(REPLY) == []
