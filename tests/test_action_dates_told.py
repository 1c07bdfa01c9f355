"""A deadline told in a reply ("The next SG20 meeting is in September and the deadline
for contributions is 28 August.", "Contributions are due 12 calendar days before, i.e.
27 January 2027.") is part of the answer, no new item (round 10: `w10`-017, `w11`-010).
Each first assertion failed before; the other half of each pair keeps its item: the
same deadline in a first message (`w2`-049), put as a request, or as an invitation."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2026, 12, 3, 10, 10, tzinfo=timezone(timedelta(hours=3)))
PARENT = Address("Omar Khalil", "omar.khalil@example.edu.eg")
SENDER = Address("Grace Mwangi", "grace.mwangi@itu.int")
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")


def found(text: str, *, reply: bool = True) -> int:
    message = ActionInput(text, SENT, sender=SENDER, parent_sender=PARENT if reply else None)
    return len(extract_actions(message, members=MEMBERS))


def test_a_deadline_told_in_a_reply_is_no_item() -> None:
    told = ("The next Q2/2 rapporteur group meeting starts on 8 February 2027. "
            "Contributions are due 12 calendar days before, i.e. 27 January 2027.")
    assert found(told) == 0
    # The same words opening a thread announce a deadline, as before.
    assert found(told, reply=False) == 1


def test_the_deadline_for_contributions_told_in_a_reply_is_no_item() -> None:
    assert found("Yes - Academia members can submit contributions to SG20 like any other "
                 "member. The next SG20 meeting is in September and the deadline for "
                 "contributions is 28 August.") == 0
    # Put as a request, it asks anew.
    assert found("Yes - Academia members can submit contributions to SG20. Please send "
                 "your contribution by 28 August.") == 1


def test_an_invitation_with_its_date_stays() -> None:
    assert found("Thanks all. Comments are welcome until 18 June.") == 1
