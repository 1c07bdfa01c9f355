"""A list under a request that says what one text holds is one item, not one per bullet.

Minimal pair of our own wording: "send a one-page summary, covering:" above three
topics asks for one summary (one item, the request's owners and date); "send the
following:" above three things asks for each of them (one item each).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
BODY = """Dear colleagues,

Could TSB and BDT send me a one-page summary each by 19 March, {intro}

- pilot projects on rural connectivity;
- training for regulators;
- lessons learnt from the 2026 workshops.

Thank you,
Ingrid
"""


def items(intro: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    message = ActionInput(BODY.format(intro=intro), SENT,
                          sender=Address("Ingrid Solheim", "ingrid.solheim@example.no"))
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


@pytest.mark.parametrize("intro", ["covering:", "including:", "on the following points:"])
def test_the_contents_of_one_text_are_one_item(intro: str, members: MembersConfig) -> None:
    assert items(intro, members) == [("TSB, BDT", date(2027, 3, 19))]


def test_things_listed_as_owed_are_one_item_each(members: MembersConfig) -> None:
    assert items("with the following:", members) == [("TSB, BDT", date(2027, 3, 19))] * 3
