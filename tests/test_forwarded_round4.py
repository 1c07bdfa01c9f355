"""Forwarded content, round 4 (docs/evaluation.md): the forwarding note's own requests.

A note forwarding a liaison statement often adds a request of a Bureau named with a
connective or an aside: "And BDT, could you share ...?" (w11), "BDT, in addition, could
you let us know ...?" (w6). The Bureau is addressed as a person is, so it owns the item;
the same words without a request after the comma name nobody addressed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

NOTE = """Dear colleagues,

Please see below the LS from WP 6A. {sentence}

Sofia

---------- Forwarded message ---------
From: ITU-R WP 6A <rwp6a@itu.int>
Date: Mon, 12 Apr 2027 10:00
To: ITU-D SG1 <devsg1@itu.int>
Subject: LS on the transition to digital terrestrial television

Source: ITU-R Working Party 6A
For action to: ITU-D SG1

Action required: ITU-D SG1 is invited to provide case studies on the transition.

Deadline: 30 June 2027
"""


def _owners(sentence: str) -> dict[str, str | None]:
    text = NOTE.format(sentence=sentence)
    found = extract_actions(ActionInput(new_text=text, forwarded=True,
                                        date=datetime(2027, 4, 14), subject="FW: LS"))
    return {c.sentence.split()[0]: c.owner for c in found}


@pytest.mark.parametrize("sentence", [
    "And BDT, could you share the chapter of the report on agent networks?",
    "Also, BDT, could you share the chapter of the report on agent networks?",
    "BDT, in addition, could you let us know which countries are still in transition?",
    "BDT, also, could you share the chapter of the report on agent networks?",
])
def test_a_bureau_addressed_with_a_connective_owns_the_request(sentence: str) -> None:
    owners = _owners(sentence)
    assert owners[sentence.split()[0]] == "BDT"
    assert owners["Action"] == "ITU-D SG1"  # the statement's item is untouched


@pytest.mark.parametrize("sentence", [
    "BDT, could you share the chapter of the report on agent networks?",  # as before
])
def test_a_bureau_addressed_plainly_still_owns_it(sentence: str) -> None:
    assert _owners(sentence)["BDT,"] == "BDT"



def test_an_aside_that_is_no_request_leaves_the_bureau_acting() -> None:
    # "BDT, as agreed, will ..." is BDT acting, not BDT addressed: not an aside of the
    # vocative ("also", "in addition"), so nothing changes.
    owners = _owners("BDT, as agreed, will share the chapter of the report on agent networks.")
    assert owners.get("BDT,") == "BDT"
