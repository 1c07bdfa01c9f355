"""An offer told of somebody, not yet taken up, is no item (action round 14; the second
and twelfth writers' dev parts label none; minimal pairs of our own wording, the first
assertion of each failed before): "Our national institute has offered to host two
trainees", "The Indian government offered to translate the modules". "Has agreed to"
or "volunteered to" promises, and stays an action; so does an offer with a date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules
from iscg_mailbot.settings.members import load_members

# As config/actions.yaml has it: undated offers are dropped.
RULES = ActionRules(offers="drop")
SENT = datetime(2027, 3, 3, 13, 40, tzinfo=timezone(timedelta(hours=1)))
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")
SENDER = Address("Priya Raman", "priya.raman@example.gov.in")


def kinds(text: str) -> list[str]:
    message = ActionInput(new_text="Dear colleagues,\n\n" + text + "\n\nBest regards,\nPriya",
                          date=SENT, sender=SENDER)
    return [c.kind for c in extract_actions(message, RULES, MEMBERS)]


def test_an_offer_told_is_no_item() -> None:
    assert kinds("Our national institute has offered to host two trainees.") == []
    assert kinds("Our national institute has agreed to host two trainees.") == ["action"]
    assert kinds("Our national institute has offered to send the course outline by "
                 "15 April.") == ["action"]


def test_an_offer_of_a_government_is_no_item() -> None:
    assert kinds("The Indian government offered to translate the modules into Hindi.") == []
    assert kinds("The Indian government volunteered to translate the modules into "
                 "Swahili.") == ["action"]


def test_kept_where_offers_count_as_actions() -> None:
    message = ActionInput(new_text="Our national institute has offered to host two trainees.",
                          date=SENT, sender=SENDER)
    assert [c.kind for c in extract_actions(message, ActionRules(offers="action"),
                                            MEMBERS)] == ["action"]
