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

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.analyse.action_questions import find_questions
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
    found = items + find_questions(message, items)
    return new, [(c.kind, c.owner) for c in found]


@pytest.mark.parametrize("last", [
    "\n".join(QUESTION),
    "A question for BDT, then: will the next Global E-waste Monitor include Latin\n"
    "American country profiles?",  # no colon up front (read before too)
])
def test_the_notes_question_and_the_statements_addressees_are_read(last: str) -> None:
    new, found = _read(last)
    assert "country profiles?" in new
    assert ("question", "BDT") in found
    # "For action to: ITU-D SG2" owns the statement's request that names nobody.
    assert ("action", "ITU-D SG2") in found
