"""Forwarded statements, round 7 (minimal pairs; the first of each pair failed before).

- A reply may forward, below its answer, a message the list never saw ("SG13 sent the
  LS below to WP 5D. Forwarding it in full", "Text below for convenience."): the quote's
  header names another message's subject and the answer points at it, so the statement
  is read as forwarded content and its requests are items. A quote of the parent (its
  subject is the reply's, or a reply's), or one the answer does not point at, stays a
  quote.
- A statement's addressee line marking what each body gets ("To: ITU-D SG1 (for
  action); ITU-T SG9 (for information)", "Copy: ISCG (for information)") is a header
  line like "For action to:": no item beside the body's own requests.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.parse.forwarded_replies import quoted_subject
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ActionInput, Provenance, RawMessage
from iscg_mailbot.services.forwards import text_to_read

REPLY = """\
From: Pierre Lefebvre <pierre.lefebvre@itu.int>
To: int-sect-team@lists.itu.int
Subject: {subject}
Date: Wed, 5 May 2027 17:20:00 +0200
Message-ID: <re-7@itu.int>
In-Reply-To: <q-7@example.gob.mx>
References: <q-7@example.gob.mx>
Content-Type: text/plain; charset=utf-8

Hi Luis,

Yes, received on 3 May, it was waiting for the translations. {pointer}

Pierre

-----Original Message-----
From: {sender}
Sent: Thursday, April 29, 2027 10:05 AM
Subject: {quoted}

Source: ITU-T Study Group 3
For action to: ITU-D SG1

Action required:
ITU-D SG1 is invited to provide data on termination rates in small island
developing States.

Deadline: 15 October 2027
"""
OWN = "Re: [int-sect-team] SG3 liaison on termination rates - has it reached BDT?"
LS = "LS on international termination rates for small island developing States"
ASKED = [("action", "ITU-D SG1", date(2027, 10, 15))]


def read(subject: str = OWN, pointer: str = "Text below for convenience.",
         quoted: str = LS, sender: str = "TSB SG3 <tsbsg3@itu.int>"
         ) -> list[tuple[str, str | None, date | None]]:
    """The items of the reply, its text chosen as the pipeline's extraction chooses it."""
    raw = REPLY.format(subject=subject, pointer=pointer, quoted=quoted, sender=sender)
    parsed = parse_message(RawMessage(raw.encode(), Provenance(archive_path="test")))
    text, forwarded = text_to_read(parsed.new_text, parsed.quoted_text, parsed.body_text,
                                   parsed.in_reply_to, parsed.references, parsed.subject)
    message = ActionInput(new_text=text, forwarded=forwarded, date=parsed.date,
                          subject=parsed.subject or "")
    return [(c.kind, c.owner, c.due) for c in extract_actions(message)]


@pytest.mark.parametrize("pointer", [
    "Text below for convenience.",
    "Forwarding it in full so that the addressees have it.",
    "SG3 sent the liaison below to ITU-D SG1.",
])
def test_a_statement_a_reply_forwards_below_its_answer_is_read(pointer: str) -> None:
    assert read(pointer=pointer) == ASKED


def test_a_header_naming_no_address_is_read_too() -> None:
    assert read(sender="TSB SG3 secretariat") == ASKED


def test_without_a_pointer_the_quote_stays_a_quote() -> None:
    assert read(pointer="It will be posted next week.") == []


def test_a_quote_of_the_parent_stays_a_quote() -> None:
    assert read(quoted=OWN.removeprefix("Re: ")) == []


def test_a_quoted_reply_stays_a_quote() -> None:
    assert read(quoted="RE: " + LS) == []


def test_a_subject_cut_short_in_the_quote_is_the_reply_s_own() -> None:
    assert read(quoted="[int-sect-team] SG3 liaison on termination rates - has it") == []
    assert read(quoted="[int-sect-team] SG3 liaison on termination [...]") == []


def test_without_the_reply_s_subject_the_quote_stays_a_quote() -> None:
    raw = REPLY.format(subject=OWN, pointer="Text below for convenience.", quoted=LS,
                       sender="TSB SG3 <tsbsg3@itu.int>")
    parsed = parse_message(RawMessage(raw.encode(), Provenance(archive_path="test")))
    assert text_to_read(parsed.new_text, parsed.quoted_text, parsed.body_text,
                        parsed.in_reply_to, parsed.references) == (parsed.new_text, False)


def test_the_quoted_subject_is_read_in_other_languages() -> None:
    assert quoted_subject("发件人: Sofia <sofia@itu.int>\n发送时间: 2027年4月12日 16:25\n"
                          "收件人: list@itu.int\n主题: LS on sensing\n\nText") == "LS on sensing"


SENT = datetime(2027, 4, 12, 10, 25, tzinfo=timezone(timedelta(hours=2)))
FORWARD = (
    "Dear colleagues,\n\nForwarding an LS from WP 6A.\n\nSofia\n\n"
    "---------- Forwarded message ---------\n"
    "From: BR WP 6A <brsgd-wp6a@itu.int>\n"
    "Date: Fri, 9 Apr 2027 at 17:02\n"
    "Subject: LS on the digital dividend\n\n"
    "Source: ITU-R Working Party 6A\n"
    "{addressees}\n\n"
    "WP 6A is revising Report ITU-R BT.2140.\n\n"
    "{asked}"
    "Deadline: 30 June 2027\n"
)
REQUESTS = ("Action requested: ITU-D SG1 is invited to provide case studies on the "
            "transition. ITU-T SG9 is invited to note the LS.\n\n")


def statement(addressees: str, asked: str = REQUESTS
              ) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(FORWARD.format(addressees=addressees, asked=asked), SENT,
                          subject="FW: LS on the digital dividend")
    return [(c.kind, c.owner, c.due) for c in extract_actions(message)]


@pytest.mark.parametrize("addressees", [
    "To: ITU-D Study Group 1 (for action); ITU-T Study Group 9 (for information)",
    "To: ITU-D SG1 (for action), ITU-T SG9 (for information)",
    "To: ITU-D Study Group 1; copy for information to ITU-T Study Group 9",
    "To: ITU-D Study Group 1\nCopy: ITU-T Study Group 9 (for information)",
])
def test_the_addressee_line_is_no_item_beside_the_statement_s_requests(addressees: str) -> None:
    assert statement(addressees) == [("action", "ITU-D SG1", date(2027, 6, 30)),
                                     ("note", "ITU-T SG9", None)]


def test_an_addressee_line_is_the_item_when_the_statement_asks_nothing_itself() -> None:
    assert statement("To: ITU-D Study Group 1 (for action)", asked="") == [
        ("action", "ITU-D SG1", date(2027, 6, 30))]


def test_an_addressee_line_without_marks_is_no_item_either_way() -> None:
    assert statement("To: ITU-D Study Group 1") == [("action", "ITU-D SG1", date(2027, 6, 30)),
                                                    ("note", "ITU-T SG9", None)]
