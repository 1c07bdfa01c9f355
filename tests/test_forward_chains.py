"""A forward of a forward ("FW: FW:") holds two header blocks of forwarded mail: the
statement below the second is new to the list. A forward of a reply ("FW: RE:") holds
one: the header block below it starts the reply's quote."""

from __future__ import annotations

from iscg_mailbot.parse.quoting import split_new_text

CHAIN = """Colleagues, this reached me through BR.

From: Sofia Lindqvist <sofia.lindqvist@itu.int>
Sent: Friday, October 2, 2026 4:10 PM
To: Fatou Diop <fatou.diop@itu.int>
Subject: {subject}

Fatou, for the ISCG list.

From: TSB SG15 <tsbsg15@itu.int>
Sent: Thursday, October 1, 2026 11:02 AM
To: rag@lists.itu.int
Subject: LS from ITU-T SG15 on optical access

Action required: RAG is invited to comment on fronthaul spectrum needs.
Deadline: 18 December 2026
"""


def test_a_forwarded_forward_keeps_the_statement_as_new_text() -> None:
    new, quoted, _ = split_new_text(CHAIN.format(subject="FW: LS from ITU-T SG15"),
                                    forwarded=True)
    assert "RAG is invited to comment on fronthaul spectrum needs." in new
    assert "Deadline: 18 December 2026" in new
    assert quoted == ""


def test_a_forwarded_reply_still_quotes_its_parent() -> None:
    new, quoted, _ = split_new_text(CHAIN.format(subject="RE: LS from ITU-T SG15"),
                                    forwarded=True)
    assert "Fatou, for the ISCG list." in new
    assert "RAG is invited" in quoted and "RAG is invited" not in new
