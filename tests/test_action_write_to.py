"""Writing to somebody is work owed (action round 13; minimal pairs of our own wording,
the first assertion of each test failed before): in action points, "A3  Chair to write
to the TDAG Chair on the timing of the joint session." (`w13`-003) and "AI-1: Chair to
write to the RAG, TSAG and TDAG chairs on the review ... - by 6 July." (`w10`-039) gave
no item, as "write" was no verb of work; both writers label the chair's action.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 9, 10, 12, 15, tzinfo=timezone(timedelta(hours=2)))
NADIA = Address("Nadia Haddad", "nadia.haddad@itu.int")


def items(text: str, members: MembersConfig) -> list[tuple[str | None, str | None]]:
    message = ActionInput("Dear colleagues,\n\nAction points from yesterday's call:\n\n"
                          + text + "\n\nNadia\n", SENT, sender=NADIA)
    return [(c.owner, c.due.isoformat() if c.due else None)
            for c in extract_actions(message, members=members)]


def test_chair_to_write(members: MembersConfig) -> None:
    assert items("A3  Chair to write to the TDAG Chair on the timing of the joint\n"
                 "    session.", members) == [("Ingrid Solheim", None)]
    assert items("AI-1: Chair to write to the RAG, TSAG and TDAG chairs on the review\n"
                 "      of the terms of reference - by 6 October.", members) == [
        ("Ingrid Solheim", "2027-10-06")]
    # The same line saying what the chair did asks nothing.
    assert items("A3  The chair wrote to the TDAG Chair on the timing of the joint\n"
                 "    session.", members) == []


def test_a_body_to_write(members: MembersConfig) -> None:
    assert items("A4  TSB to write to the SG17 management by 1 October.", members) == [
        ("TSB", "2027-10-01")]
