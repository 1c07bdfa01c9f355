"""``notes: addressed``: a note is kept only when it says whom it is for.

Minimal pairs of our own wording. "The working group is invited to note ..." and a
document sent "for your information" to the list name who is to take note; "Please
note that the lunch break is moved to 13:30" or "For information: the portal has a new
address" tell whoever reads a fact and leave nobody anything to track. The built-in
default (``notes: note``) keeps both, as the older labelled sentences count them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules, ActionsConfig
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 2, 8, 10, 0, tzinfo=timezone(timedelta(hours=1)))
LIST = "int-sect-team@lists.itu.int"
ADDRESSED = ActionRules(notes="addressed")


def found(text: str, members: MembersConfig, rules: ActionRules = ADDRESSED
          ) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=Address("Klaus Brenner", "klaus.brenner@example.de"),
                          to=(Address("", LIST),), list_address=LIST)
    return [(c.kind, c.owner) for c in extract_actions(message, rules, members)]


@pytest.mark.parametrize("text", [
    "Please note that the lunch break is moved to 13:30.",
    "For information: the document portal has moved to a new address.",
    "Kindly note that the badge office opens at 8:00 on Monday.",
])
def test_a_fact_told_to_nobody_in_particular_is_no_item(text: str,
                                                        members: MembersConfig) -> None:
    assert found(text, members) == []
    assert [kind for kind, _ in found(text, members, ActionRules())] == ["note"]


@pytest.mark.parametrize(("text", "owner"), [
    ("TDAG is invited to note the revised timeline of the survey.", "TDAG"),
    ("I attach the revised timeline for your information.", "ISCG"),
])
def test_a_note_naming_whom_it_is_for_stays(text: str, owner: str,
                                           members: MembersConfig) -> None:
    assert found(text, members) == [("note", owner)]


def test_requests_are_not_touched(members: MembersConfig) -> None:
    text = "Please note the new template and send your tables by 5 March."
    assert found(text, members) == found(text, members, ActionRules())


def test_the_setting_is_read_from_actions_yaml() -> None:
    assert ActionsConfig.model_validate({"notes": "addressed"}).rules.notes == "addressed"
