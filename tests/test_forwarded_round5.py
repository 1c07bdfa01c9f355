"""Forwarded content, round 5 (docs/evaluation.md): where a forwarded mail starts.

A forwarding note's last paragraph may open with a short label and a colon ("One
question for BDT: will ...?", "Pierre: could BDT ...?"). Once the note's sign-off is cut
as its signature, that line stands one blank line above the forwarded mail's header
block, and a double-spaced block (Outlook's HTML-to-text: a blank line between every two
fields) was read from it: the note's question, and the statement's own "For action to:"
line below the block, were taken as header fields. A double-spaced block is double-spaced
throughout; a field right under another says the block starts there. Minimal pairs: the
same lines with a blank between every two fields (one block, as before), and the note's
line in prose without a colon.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from iscg_mailbot.analyse.action_questions import find_question_candidates
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.parse.quote_headers import forward_starts, header_block_end
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.records import ActionInput

HEADER = [
    "De: ITU-D SG2 Secretariat <devsg2@itu.int>",
    "Enviado el: martes, 2 de febrero de 2027 16:05",
    "Para: ITU-D SG2 participants",
    "Asunto: LS from ITU-T SG5 on e-waste data collection",
]
STATEMENT = [
    "Source: ITU-T Study Group 5 (Geneva, 18-27 January 2027)",
    "Title: LS on methodologies for measuring e-waste collection",
    "For action to: ITU-D SG2",
    "For information to: BDT",
    "",
    "Action required: Please share experiences of national e-waste data collection.",
    "",
    "Deadline: 30 April 2027",
]
QUESTION = ["One question for BDT: will the next Global E-waste Monitor include Latin",
            "American country profiles?"]


def test_a_note_line_with_a_colon_is_not_the_first_field_of_the_block_below() -> None:
    lines = [*QUESTION, "", *HEADER, "", *STATEMENT]
    assert header_block_end(lines, 0) == 0
    assert header_block_end(lines, 3) == 7  # the block is the mail's own header
    assert forward_starts("\n".join(lines), forwarded=True) == [3]


def test_a_double_spaced_block_is_still_one_block() -> None:
    spaced = ["From: ITU-D SG2 Secretariat <devsg2@itu.int>", "",
              "Sent: Tuesday, 2 February 2027 16:05", "", "To: ITU-D SG2 participants", "",
              "Subject: LS from ITU-T SG5", "", "The statement, not a field."]
    assert header_block_end(spaced, 0) == 7


NOTE = "Queridos colegas,\n\nI forward this LS that arrived to our delegation.\n\n{last}\n\n" \
       "Saludos cordiales,\nMaría\n\n" + "\n".join([*HEADER, "", *STATEMENT]) + "\n"


def _read(last: str) -> tuple[str, list[tuple[str, str | None]]]:
    new, _, _ = split_new_text(NOTE.format(last=last), forwarded=True)
    message = ActionInput(new_text=new, forwarded=True, date=datetime(2027, 2, 3, 15, 40),
                          subject="RV: LS from ITU-T SG5 on e-waste data collection")
    items = extract_actions(message)
    found = items + find_question_candidates(message, items)
    return new, [(c.kind, c.owner) for c in found]


@pytest.mark.parametrize("last", [
    "\n".join(QUESTION),
    # The same question with no colon up front (read before too).
    ("One question for BDT - will the next Global E-waste Monitor include Latin\n"
     "American country profiles?"),
])
def test_the_notes_question_and_the_statements_addressees_are_read(last: str) -> None:
    new, found = _read(last)
    assert "country profiles?" in new
    assert ("question", "BDT") in found
    # "For action to: ITU-D SG2" owns the statement's request that names nobody.
    assert ("action", "ITU-D SG2") in found


# A separator whose title no list of markers names: in a message that forwards, the
# note ends there, and the statement's "For action to:" and "Deadline:" lines are the
# statement's, not the note's ("for action by the addressees, the LS below" is a pointer).
SEPARATED = """Dear colleagues,

FYI and for action by the addressees, the LS below from SG20 (Geneva, October 2026).

Best regards,
Ahmed

{rule}
Source: ITU-T Study Group 20 (Geneva, 19-29 October 2026)
Title: LS on interoperable controllers for smart street lighting
For action to: ITU-D SG1, ITU-R WP 5A
For information to: ITU-T SG5

SG20 has started work on draft Recommendation ITU-T Y.SSL-ctrl. SG20 would appreciate:
- from ITU-D SG1: experience of municipalities with vendor lock-in;
- from ITU-R WP 5A: information on the radio technologies used by such controllers.

Deadline: 20 February 2027 (next SG20 meeting)
"""
RULES = ["---------- Forwarded LS ----------", "-------- Liaison statement --------",
         "---------- Forwarded message ---------"]  # (the last, a marker read before too)


@pytest.mark.parametrize("rule", RULES)
def test_a_titled_separator_starts_the_forwarded_part(rule: str) -> None:
    text = SEPARATED.format(rule=rule)
    index = text.split("\n").index(rule)
    assert forward_starts(text, forwarded=True) == [index]
    found = extract_actions(ActionInput(new_text=text, forwarded=True,
                                        date=datetime(2026, 11, 2, 9, 0),
                                        subject="FW: LS from ITU-T SG20"))
    assert [(c.kind, c.owner, str(c.due)) for c in found] == [
        ("action", "ITU-D SG1, ITU-R WP5A", "2027-02-20"), ("note", "ITU-T SG5", "None")]


def test_a_titled_separator_in_a_message_that_forwards_nothing_is_text() -> None:
    text = SEPARATED.format(rule=RULES[0])
    assert forward_starts(text, forwarded=False) == []


@pytest.mark.parametrize("below", [
    ["From: Ann Lee <ann@example.org>", "Sent: Monday, 5 October 2026 10:15",
     "To: int-sect-team@lists.itu.int", "Subject: RE: LS", "", "TSAG is invited to note."],
    ["> TSAG is invited to note the LS.", "> Regards, Ann"],
])
def test_above_a_header_block_or_a_quote_the_block_or_the_quote_decides(
        below: list[str]) -> None:
    # A reply under a separator of its own words is still a reply's quote.
    text = "\n".join(["Noted, thanks.", "", "---------- Ursprungligt LS ----------", *below])
    new, quoted, _ = split_new_text(text)
    assert new == "Noted, thanks.\n\n---------- Ursprungligt LS ----------"
    assert quoted.endswith(below[-1])


def test_a_reply_quoting_the_forward_creates_nothing_of_the_statement() -> None:
    # The forward read again in a reply's quote is the parent's, not the reply's.
    forward = SEPARATED.format(rule=RULES[0])
    reply = ("Thanks, BDT will coordinate the reply.\n\nGrace\n\n"
             "From: Ahmed El-Sayed <ahmed.elsayed@itu.int>\n"
             "Sent: Tuesday, 3 November 2026 09:12\n"
             "To: int-sect-team@lists.itu.int\n"
             "Subject: [int-sect-team] FW: LS from ITU-T SG20\n\n" + forward)
    subject = "RE: [int-sect-team] FW: LS from ITU-T SG20"
    new, quoted, _ = split_new_text(reply, forwarded=False)
    assert "Forwarded LS" in quoted and "For action to" not in new
    found = extract_actions(ActionInput(new_text=new, date=datetime(2026, 11, 3, 10, 0),
                                        subject=subject))
    assert [c.owner for c in found if c.owner != "BDT"] == []
