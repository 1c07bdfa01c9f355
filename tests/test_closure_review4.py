"""Review of close-r24 (minimal pairs in our own wording; each first case fails on
ca7e8da, its pair passes on both): a state asked to be checked or still to come is not
told ("Let me know whether the hall is reserved"), a thing sent on for someone else's
work does not do the work asked ("Draft sent to the chair for comments" of "Please
review the draft"), and both readings take linear time on a long clause."""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_state import state_told
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT

OMAR = Address("Nadia Haddad", "nadia.haddad@itu.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def _closes(item: str, said: str, members: MembersConfig) -> bool:
    reply = f"Hello Tomas,\n\n{said}\n\nNadia\n"
    return bool(detect_closure(reply, [OpenItem(1, "Nadia Haddad", None, item)], sender=OMAR,
                               members=members))


_RESERVE = "Nadia, please reserve the hall for the workshop rehearsal on Thursday."
_CHECK = "Nadia, please check the glossary entries by Wednesday."


@pytest.mark.parametrize(("item", "said", "closes"), [
    (_RESERVE, "The hall is reserved for Thursday morning.", True),
    (_RESERVE, "Let me know whether the hall is reserved for Thursday morning.", False),
    (_RESERVE, "Please confirm that the hall is reserved for Thursday morning.", False),
    (_RESERVE, "I do not believe the big hall is reserved yet.", False),
    (_RESERVE, "The hall is reserved only if the chair signs the form.", False),
    # A thing sent on for others' work is not the checking asked; a sending asked is done.
    (_CHECK, "Glossary entries sent to the editor for review.", False),
    ("Nadia, please send the glossary entries to the editor.",
     "Glossary entries sent to the editor for review.", True),
])
def test_what_the_reply_tells(item: str, said: str, closes: bool,
                              members: MembersConfig) -> None:
    assert _closes(item, said, members) is closes


@pytest.mark.parametrize("clause", [
    "the hall is reserved " * 2500,
    "if the hall is reserved " * 2200,
    "will the hall is reserved " * 2000,
])
def test_a_long_clause_of_states_is_read_in_linear_time(clause: str) -> None:
    started = time.process_time()
    state_told(clause)
    assert time.process_time() - started < 0.5


def test_a_long_chain_of_sent_headlines_is_read_in_linear_time() -> None:
    started = time.process_time()
    # (the verb that makes it a description is looked for in the next 160 characters)
    assert delivery_statement("- a note sent to b " * 3500 + "is") == "sent"
    assert time.process_time() - started < 0.5
    assert delivery_statement("- a note sent to b " * 3 + "is") is None
    assert delivery_statement("- Glossary sent to the editor, who is away.") == "sent"
