"""The list's convention ``requests_to_all`` over a request to all the members in mail
that greets one of them first: "members" is not the one greeted, whatever the
convention (review3; the first assertion of the "nobody" case failed before)."""

from __future__ import annotations

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput, Address
from tests.reply_items import MEMBERS, SENT

LIST = Address("ISCG", "iscg@lists.example.org")
TEXT = ("Dear Ingrid, dear colleagues,\n\nMembers are kindly invited to send their views "
        "on the draft by 14 May.\n\nBest regards")


def _owners(requests_to_all: str, text: str = TEXT) -> list[str | None]:
    message = ActionInput(text, SENT, to=(LIST,), list_address=LIST.address,
                          conventions=Conventions(requests_to_all=requests_to_all))
    return [c.owner for c in extract_actions(message, members=MEMBERS)]


def test_under_nobody_the_members_greeted_first_are_nobody() -> None:
    assert _owners("nobody") == [None]
    assert _owners("members_invited") == ["ISCG"]
    assert _owners("ISCG") == ["ISCG"]


def test_a_member_named_in_the_request_keeps_it() -> None:
    named = TEXT.replace("Members are kindly invited", "Ingrid is kindly invited")
    assert _owners("nobody", named) == _owners("members_invited", named)
