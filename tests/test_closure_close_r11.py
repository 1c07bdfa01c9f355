"""Closure round close-r11 (issue 13; minimal pairs, each first case failing on `main`
6369803): the one a thing was for says the owner's thing reached them ("BDT's mapping
reached me", "It includes Priya's summary"), and the owner's item is closed."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.action_samples import MEMBERS

CHAIR = Address("Lucia Bianchi", "lucia@example.int")
BDT = Address("Pierre Lefebvre", "pierre@example.int")


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


MAPPING = OpenItem(1, "BDT", "group", "and BDT the mapping of the WTDC Action Plan by "
                                      "19 February?")
CONSOLIDATE = OpenItem(3, "Lucia Bianchi", "person", "Lucia will consolidate everything into "
                                                     "one ISCG document.")
SUMMARY = OpenItem(2, "Priya Raman", "person", "I will send a short summary to Pierre so "
                                               "that BDT can include it.")


@pytest.mark.parametrize(("reply", "items", "sender", "closed"), [
    # The chair (w6-039) and the recipient (w2-008) say the owner's thing came in.
    ("Dear all,\n\nBDT's mapping reached me directly on 18 February.\n\nLucia\n",
     [MAPPING, CONSOLIDATE], CHAIR, [1]),
    (("Dear Ahmed,\n\nBDT's contribution to Q15/11 was sent to the SG11 secretariat today. "
     "It includes Priya's summary on India (thank you, Priya) and data from six other "
     "countries.\n\nPierre\n"), [SUMMARY], BDT, [2]),
    # Their pairs: the thing still missing, another owner's thing, a thing the item
    # does not ask for, and no word that it came in.
    ("Dear all,\n\nBDT's mapping has not reached me yet.\n\nLucia\n",
     [MAPPING, CONSOLIDATE], CHAIR, []),
    ("Dear all,\n\nTSB's mapping reached me directly on 18 February.\n\nLucia\n",
     [MAPPING, CONSOLIDATE], CHAIR, []),
    ("Dear Ahmed,\n\nIt includes Priya's slides from the workshop.\n\nPierre\n",
     [SUMMARY], BDT, []),
    ("Dear all,\n\nBDT's mapping will be discussed on 18 February.\n\nLucia\n",
     [MAPPING, CONSOLIDATE], CHAIR, []),
])
def test_the_owners_thing_received_closes_it(members: MembersConfig, reply: str,
                                             items: list[OpenItem], sender: Address,
                                             closed: list[int]) -> None:
    found = detect_closure(reply, items, sender=sender, members=members)
    assert [c.item_id for c in found] == closed
