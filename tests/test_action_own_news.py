"""The sender's news about themselves, asked to be noted ("Please note my name.",
"Please note that on 11 March I am travelling, so I may miss that session."), is no
note item (round 10: `w6`-002, `w9`-024). Each first assertion failed before; the other
half of each pair keeps its note: "please note" of something else, and the liaison
form "invited to note"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2027, 2, 16, 9, 0, tzinfo=timezone(timedelta(hours=1)))
PARENT = Address("Ingrid Solheim", "ingrid.solheim@example.no")
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")


def notes(text: str) -> list[str | None]:
    message = ActionInput(text, SENT, sender=Address("Yuki Sato", "yuki.sato@example.go.jp"),
                          parent_sender=PARENT)
    return [c.owner for c in extract_actions(message, members=MEMBERS) if c.kind == "note"]


def test_the_senders_own_news_is_no_note() -> None:
    assert notes("For RAG, I am happy to join. Please note that on 11 March I am "
                 "travelling, so I may miss that session.") == []
    # The same request about the meeting, not the sender, is a note as before.
    assert notes("For RAG, I am happy to join. Please note that on 11 March the session "
                 "moves to room H2.") != []


def test_a_name_given_is_no_note() -> None:
    assert notes("I will attend in person. Please note my name.") == []
    assert notes("I will attend in person. Please note the room change.") != []
