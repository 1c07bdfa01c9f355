"""What the members as a whole are invited to do, in mail to the list, is the group's
(ISCG) (action round 13; minimal pairs of our own wording, the first assertion of each
test failed before): "All members are invited to send comments to me by 14 May."
(`w12`-030), "Members who wish to add an item under AI 7 are invited to tell me by 2
June." (`w12`-037) and "Members wishing to propose agenda items are invited to send them
to me by Friday 30 January." (`w5`-002) named nobody; both writers label the ISCG, as
round 12 made "Members are invited to note ..." the ISCG's. A body's members ("TDAG
members are invited to ...") stay the body's; a plain "please send" names nobody.
That is the list's convention ``requests_to_all: members_invited``, pinned here; the
default (``ISCG``) gives the plain request to the group as well
(tests/test_list_conventions.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 5, 3, 8, 10, tzinfo=timezone(timedelta(hours=2)))
LIST = "iscg@lists.itu.int"
MEMBERS_INVITED = Conventions(requests_to_all="members_invited")


def owners(text: str, to: str = LIST) -> list[str | None]:
    message = ActionInput("Dear all,\n\n" + text, SENT, to=(Address("", to),),
                          list_address=LIST, conventions=MEMBERS_INVITED)
    return [c.owner for c in extract_actions(message)]


def test_all_members_invited_to_send() -> None:
    assert owners("All members are invited to send comments to me by 14 May.") == ["ISCG"]
    assert owners("TDAG members are invited to send comments to me by 14 May.") == ["TDAG"]
    assert owners("Please send comments to me by 14 May.") == [None]


def test_members_who_wish_to() -> None:
    assert owners("Members who wish to add an item under AI 7 are invited to tell me by "
                  "2 June.") == ["ISCG"]
    assert owners("Members wishing to propose agenda items are invited to send them to me "
                  "by Friday 28 May.") == ["ISCG"]
    # Mail to one person: not the list's.
    assert owners("Members wishing to propose agenda items are invited to send them to me "
                  "by Friday 28 May.", to="ingrid.solheim@example.no") != ["ISCG"]
