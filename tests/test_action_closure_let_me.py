"""A reply that says "let me check ..." or "let me write you ..." puts the answer or
the thing asked off: it closes nothing (issue 13, action round 7: the eighth writer's
dev part twice, "sure, let me check with the monitoring team who is available", and the
fifth's "let me write you a two-paragraph status"). Our own wording; each first
assertion failed on `main`, the others are its pairs."""

from __future__ import annotations

from iscg_mailbot.analyse.closure_items import detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig

BR_STAFF = Address("Sofia Lindqvist", "sofia.lindqvist@itu.int")


def closes(item: str, reply: str, members: MembersConfig) -> bool:
    return bool(detect_closure(reply, [OpenItem(1, "BR", "group", item)],
                               sender=BR_STAFF, members=members))


def test_let_me_check_closes_nothing(members: MembersConfig) -> None:
    asked = "Could BR nominate a speaker for the monitoring webinar before 10 April?"
    assert not closes(asked, "Dear Wei, sure, let me check with the monitoring team who "
                             "is available in June.\n\nSofia", members)
    # The pair: the nomination said closes it.
    assert closes(asked, "Dear Wei, Rajesh Iyer will be the BR speaker; he edited the "
                         "monitoring chapter.\n\nSofia", members)


def test_let_me_write_you_closes_nothing(members: MembersConfig) -> None:
    asked = "Could BR provide a short status of the studies on coverage from space?"
    assert not closes(asked, "Dear Yuki,\n\nOf course. The draft text is still moving, so "
                             "let me write you a short status rather than pointing to "
                             "the documents.\n\nSofia", members)
    assert closes(asked, "Dear Yuki,\n\nHere is the status: the studies on coverage from "
                         "space are completed and the draft text holds three methods."
                         "\n\nSofia", members)
