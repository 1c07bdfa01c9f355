"""Fix-late (closure): "X is now on the agenda" puts an answer off to a meeting, except
of an item that asks for X to be put on an agenda, which it reports done (minimal pairs:
each closing case fails on main b4eac38a, its pair passes on both)."""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_reading import asks_onto_agenda, on_agenda
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT

LUCIA = Address("Lucia Bianchi", "lucia.bianchi@itu.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def _closes(item: str, reply: str, members: MembersConfig) -> bool:
    return bool(detect_closure(reply, [OpenItem(1, "General Secretariat", None, item)],
                               sender=LUCIA, members=members))


_ADD = "Could you add the tariff survey to the agenda of the next coordination call?"
_ASK = "Could you tell us whether the tariff survey can be funded next year?"


@pytest.mark.parametrize(("item", "reply", "closes"), [
    (_ADD, "Dear Omar,\n\nThe tariff survey is now on the agenda.\n\nLucia\n", True),
    (_ASK, "Dear Omar,\n\nThe tariff survey is now on the agenda.\n\nLucia\n", False),
    ("Can the roaming note be placed on the draft agenda of the March meeting?",
     "Dear Omar,\n\nThe roaming note is already on the draft agenda.\n\nLucia\n", True),
    ("Can you tell us what you think of the roaming note?",
     "Dear Omar,\n\nThe roaming note is already on the draft agenda.\n\nLucia\n", False),
])
def test_on_the_agenda_closes_only_an_item_asking_for_it(item: str, reply: str, closes: bool,
                                                          members: MembersConfig) -> None:
    assert _closes(item, reply, members) is closes


def test_the_readings() -> None:
    assert asks_onto_agenda(_ADD)
    assert asks_onto_agenda("Could the item be included in the draft agenda?")
    assert not asks_onto_agenda("Could you send me the agenda of the next call?")
    assert on_agenda("It is now on the agenda")
    assert not on_agenda("I will make sure it goes on the agenda")


def test_a_deferral_that_only_mentions_the_agenda_is_no_deed() -> None:
    # on_agenda reads the deferral's own agenda clause (closure_reading._ON_AGENDA_END),
    # so a clause put off for another reason that mentions the agenda is not the deed.
    assert not on_agenda("I will come back to you once it is on the agenda of the call")
    assert not on_agenda("It is on the agenda of the call, I think")
    assert on_agenda("The roaming note is already on its draft agenda.")
