"""A check asked bare, of the doubt said before it ("The total looks too high. Could
BDT please check?"), owes an answer, a question; a check of a thing named ("Could BDT
please check the totals in the annex?") stays work (issue 13, act-silence). Minimal
pairs of our own wording.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from iscg_mailbot.analyse.action_say_forms import asks_if_so
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2031, 5, 4, 9, 0)


def kinds(text: str) -> list[str]:
    message = ActionInput(f"Dear all,\n\n{text}\n\nKlaus\n", SENT,
                          sender=Address("Klaus Brenner", "klaus.brenner@example.de"))
    return [c.kind for c in extract_actions(message)]


@pytest.mark.parametrize(("bare", "named"), [
    ("Could BDT please check?", "Could BDT please check the totals in the annex?"),
    ("Could you double-check, please?", "Could you double-check it, please?"),
])
def test_a_bare_check_against_a_check_of_a_thing(bare: str, named: str) -> None:
    assert asks_if_so(bare)
    assert not asks_if_so(named)


def test_a_bare_check_after_a_doubt_is_a_question() -> None:
    assert kinds("The total of 57 workshops looks too high to me. Could BDT please "
                 "check?") == ["question"]
    assert kinds("Could BDT please check the totals in the annex?") == ["action"]
