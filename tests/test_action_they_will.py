""""they will ..." tells what others will do, no item (action round 17; minimal pairs of
our own wording, the first assertion of each test failed before): "I asked the web team;
they will add a public CSV button in July" (`w16`-018), "BR colleagues told me they will
reply separately" (`w8`-005), "Lihua, I've passed this to our data colleagues; they will
come back to you" (`w7`-017) were items; no writer labels them; nor "TSAG management
will nominate my successor at its January meeting" (`w14`-038, `w17`-021). The sender's
"we will", and the body's own "TSAG will review", stay items.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 6, 2, 11, 0, tzinfo=timezone(timedelta(hours=2)))


def found(text: str, members: MembersConfig) -> list[str]:
    message = ActionInput(text, SENT, sender=Address("Pierre Lefebvre",
                                                     "pierre.lefebvre@itu.int"))
    return [c.kind for c in extract_actions(message, members=members)]


def test_their_answer_told_is_no_item(members: MembersConfig) -> None:
    assert found("Ingrid, I've passed this to our data colleagues; they will send you "
                 "the figures.", members) == []
    assert found("Ingrid, I've passed this to our data colleagues; we will send you "
                 "the figures.", members) == ["action"]


def test_their_plans_told_are_no_item(members: MembersConfig) -> None:
    assert found("Ingrid, I asked the web team; they will add a download button in "
                 "July.", members) == []


def test_a_body_management_at_its_meetings_is_no_item(members: MembersConfig) -> None:
    # `w14`-038, `w17`-021: the body's leadership's own agenda, told to the list.
    assert found("TSAG management will review the list at its January meeting.",
                 members) == []
    assert found("TSAG will review the list at its January meeting.", members) == [
        "action"]
