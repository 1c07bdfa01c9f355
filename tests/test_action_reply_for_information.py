"""What a reply brings "for information" is the thread's work delivered, not a note for
the list (action round 17; minimal pairs of our own wording, the first assertion failed
before): "The draft reply ... is attached for your information" (`w15`-032) and "The
compiled inventory (131 entries) is attached for information" (`w10`-024) were ISCG's
notes; no writer labels them. The same sentence opening a thread puts a document before
the list, and stays the ISCG's note (`w1`-024).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules

SENT = datetime(2027, 6, 21, 16, 5, tzinfo=timezone(timedelta(hours=2)))
LIST = "int-sect-team@lists.itu.int"
TEXT = "Dear all,\n\nThe draft reply is attached for your information.\n\nBest,\nLuis"


def notes(reply: bool) -> list[str | None]:
    parent = Address("Amara Diallo", "amara.diallo@itu.int") if reply else None
    message = ActionInput(TEXT, SENT, sender=Address("Luis Ramírez", "luis@example.gob.mx"),
                          to=(Address("", LIST),), list_address=LIST, parent_sender=parent)
    return [c.owner for c in extract_actions(message, ActionRules(notes="addressed"))
            if c.kind == "note"]


def test_a_reply_delivering_for_information_is_no_note() -> None:
    assert notes(reply=True) == []
    assert notes(reply=False) == ["ISCG"]
