"""The writer's own undertaking joined with ", and I will" to a request or to another
party's undertaking is an item of its own (action round 15; `w7`-019 "Could TSB and BDT
send their comments ..., and I will table the revised procedure at the ISCG meeting of
19 October", `w9`-010 "Rajesh will draft the note on AI 1.4 from Bangkok, and I will do
AI 1.5"; minimal pairs of our own wording, the first assertion of each test failed
before: the sentence was one item, the first rule's). Without "and I will" the sentence
stays one item.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 9, 6, 9, 0, tzinfo=timezone(timedelta(hours=2)))
KLAUS = Address("Klaus Brenner", "klaus.brenner@example.de")


def owners(text: str, members: MembersConfig) -> list[str | None]:
    message = ActionInput("Dear colleagues,\n\n" + text + "\n\nKlaus", SENT, sender=KLAUS)
    return [c.owner for c in extract_actions(message, members=members)]


def test_a_request_then_the_writers_own_undertaking(members: MembersConfig) -> None:
    assert owners("Could TSB send its comments on the draft by 6 October, and I will "
                  "present the revised text at the meeting of 19 October.", members) == [
        "TSB", "Klaus Brenner"]
    assert owners("Could TSB send its comments on the draft by 6 October, so that the "
                  "revised text can be presented at the meeting of 19 October.",
                  members) == ["TSB"]


def test_another_partys_undertaking_then_the_writers(members: MembersConfig) -> None:
    assert owners("Rajesh will draft the note on the first item, and I will draft the "
                  "note on the second.", members) == ["Rajesh Iyer", "Klaus Brenner"]
