"""``notes: addressed``: a "please note" told to one person is news too (action round 17;
minimal pairs of our own wording, the first assertion of each test failed before).

"Kindly note that SG12 has no Recommendation dedicated to Wi-Fi calling yet" (`w12`-025,
to the asker), "Kindly note that the Department in Kerala has done a pilot" (`w14`-003)
and "Please note it is a working document, not for wider publication" (`w15`-038) were
notes of the person greeted or the Bureau replied to; no writer labels a "please note"
(thirteen writers' and `w14`-`w17`'s dev parts). "... is invited to note" stays a note
of whom it names, and the built-in default (``notes: note``) keeps the "please note".
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 9, 8, 10, 0, tzinfo=timezone(timedelta(hours=2)))
ADDRESSED = ActionRules(notes="addressed")


def found(text: str, members: MembersConfig, rules: ActionRules = ADDRESSED
          ) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=Address("Hiroshi Takemura",
                                                     "hiroshi.takemura@itu.int"),
                          to=(Address("Klaus Brenner", "klaus.brenner@example.de"),))
    return [(c.kind, c.owner) for c in extract_actions(message, rules, members)]


@pytest.mark.parametrize("text", [
    "Dear Klaus,\n\nKindly note that SG5 has no Recommendation on smart windows yet.",
    "Klaus, please note it is a draft, not for wider circulation.",
])
def test_a_fact_told_to_one_person_is_no_item(text: str, members: MembersConfig) -> None:
    assert found(text, members) == []
    assert [kind for kind, _ in found(text, members, ActionRules())] == ["note"]


def test_an_invitation_to_note_stays(members: MembersConfig) -> None:
    text = "Dear Klaus,\n\nTSAG is invited to note the revised work plan."
    assert found(text, members) == [("note", "TSAG")]
