"""Closure round close-r10 (issue 13; minimal pairs, each first case failing on `main`
5cf67fe): the owner's refusal of a request put as a question closes its share, whatever
it offers instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_items import question_owners
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.action_samples import MEMBERS

BDT = Address("Pierre Lefebvre", "pierre@example.int")
TSB = Address("Chen Lihua", "chen@example.int")


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


def _closed(reply: str, item: OpenItem, sender: Address, members: MembersConfig) -> list[int]:
    return [c.item_id for c in detect_closure(reply, [item], sender=sender, members=members)]


# --- the owner says no (w6-034, w11-039) ----------------------------------------------------

TRAINING = OpenItem(1, "BDT", "group", "Also, could BDT include this case in the spectrum "
                                       "monitoring training for the Caribbean in March?")
BRIEFING = OpenItem(2, "BDT", "group", "Could BDT give a 20-minute briefing on the outcomes "
                                       "at the TDAG meeting in January?")
INSTEAD = ("A written note on the outcomes will be sent to TDAG in December.")


@pytest.mark.parametrize(("reply", "item", "sender", "closed"), [
    # A refusal read as a promise ("It will not be possible"), and one with an offer.
    (("Dear Andres,\n\nWe would have liked to, but the March curriculum was fixed in "
     "November and the trainers are already contracted. It will not be possible this "
     "time; we can consider it for a later edition.\n\nPierre\n"), TRAINING, BDT, [1]),
    ((f"Dear Ingrid,\n\nI'm afraid BDT cannot commit to a briefing in January. Instead, "
     f"{INSTEAD[0].lower()}{INSTEAD[1:]}\n\nPierre\n"), BRIEFING, BDT, [2]),
    # Their pairs: the offer alone, an answer put off, and the same
    # refusal from somebody who does not own the request.
    (f"Dear Ingrid,\n\n{INSTEAD}\n\nPierre\n", BRIEFING, BDT, []),
    (("Dear Andres,\n\nI will check whether the March curriculum can still change and "
     "come back to you.\n\nPierre\n"), TRAINING, BDT, []),
    (("Dear Andres,\n\nWe would have liked to, but the March curriculum was fixed in "
     "November. It will not be possible this time.\n\nLihua\n"), TRAINING, TSB, []),
])
def test_the_owners_refusal_closes_a_request(members: MembersConfig, reply: str,
                                             item: OpenItem, sender: Address,
                                             closed: list[int]) -> None:
    assert _closed(reply, item, sender, members) == closed


# --- a question naming the member it asks (w8-039, w11-008) --------------------------------

QUESTION_TO_PIERRE = "Pierre - to which ITU-D Question should SG1 allocate it?"
QUESTION_TO_ALL = "Still nobody from TDAG - Pierre, Klaus, Chen?"
COMMENT = ("Thanks Ingrid, TDAG colleagues will find this interesting - we have community "
           "networks in Patagonia that would be a good example.")


@pytest.mark.parametrize(("question", "sender", "shares"), [
    # Somebody else's comment answers none of a question put to Pierre by name.
    (QUESTION_TO_PIERRE, TSB, None),
    # Its pairs: Pierre's own reply; a question naming the sender too; one naming nobody.
    (QUESTION_TO_PIERRE, BDT, ()),
    (QUESTION_TO_ALL, TSB, ()),
    ("To which ITU-D Question should SG1 allocate it?", TSB, ()),
])
def test_a_question_naming_its_member_is_theirs(members: MembersConfig, question: str,
                                               sender: Address,
                                               shares: tuple[str, ...] | None) -> None:
    owner = "Klaus Brenner" if question == QUESTION_TO_ALL else "Pierre Lefebvre"
    assert question_owners(COMMENT, owner, sender=sender, members=members,
                           question=question) == shares


# --- all the reply says is when (w9-010, w10-016) -------------------------------------------

NOTES = OpenItem(3, "BDT", "group", "Could BDT prepare two short notes (one page each, no "
                                    "jargon) by 5 April if possible?")
FIGURES = OpenItem(4, "BDT", "group", "To start from facts: could each Bureau tell us by 29 "
                                      "June how many of the panels at its 2028 events had "
                                      "no woman speaker?")


@pytest.mark.parametrize(("reply", "item", "closed"), [
    # A promise and a date alone; a promise in the passive, dated.
    (("Dear Luis,\n\nHappy to help. Amara will draft the note on AI 1.4 from Dakar, and I "
     "will do AI 1.5. Both by 5 April.\n\nPierre\n"), NOTES, []),
    (("Maria, the BDT figures will be sent by our gender focal point early next week, sorry "
     "for the delay.\nPierre\n"), FIGURES, []),
    # Their pairs: the notes delivered, the figures given.
    (("Dear Luis,\n\nHere are both notes, one page each. Both by 5 April, as promised.\n\n"
     "Pierre\n"), NOTES, [3]),
    ("BDT figure: 9 out of 57 (most of them at national workshops).\nPierre\n", FIGURES, [4]),
])
def test_a_reply_saying_only_when_answers_nothing(members: MembersConfig, reply: str,
                                                  item: OpenItem, closed: list[int]) -> None:
    assert _closed(reply, item, BDT, members) == closed
