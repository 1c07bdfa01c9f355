"""Action points of minutes whose party is counted or whose verb no rule lists (action
round 19; minimal pairs of our own wording, the first assertion of each test failed
before): "AI-2: Each advisory group to nominate one member ..." (`w10`-039) and "AI 5 -
Lucia to find a room for the September meeting" (`w14`-012) were no item. A counted
party is a party; under a dash or a numbered label, "<party> to <verb>" is work whatever
the verb; elsewhere the verb must be one of work.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 6, 22, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def found(text: str, members: MembersConfig) -> list[str | None]:
    message = ActionInput(text, SENT, sender=Address("Ingrid Solheim",
                                                     "ingrid.solheim@example.no"))
    return [c.owner for c in extract_actions(message, members=members)]


def test_a_counted_party(members: MembersConfig) -> None:
    assert found("Action points of the call:\n\nAI-1: Each advisory group to nominate a "
                 "member of the editing group - by 13 July.\n", members) == [
        "RAG, TSAG, TDAG"]
    assert found("Action points of the call:\n\nAI-1: Each advisory group to be thanked "
                 "in the report.\n", members) == []


def test_any_verb_under_a_numbered_label(members: MembersConfig) -> None:
    text = ("Action items as I noted them:\nAI 4 - BDT to book a room for the September "
            "meeting.\nAI 5 - The group noted the Council outcome.\n")
    assert found(text, members) == ["BDT"]
    assert found("We agreed that BDT to book a room for the September meeting.",
                 members) == []
