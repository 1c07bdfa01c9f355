"""Closure round close-r24 (issue 13; minimal pairs in our own wording: each test of a
fix fails on `main` f26fd92, its pair passes on both), from the dev misses of w13, w29
and w32.

A request to do something ("Please book a room for the editors") is done when a
reply tells the state the deed left, in the present passive: "The small room is booked
for Tuesday", "The minutes are published on the group page". A state is weaker evidence
than a deed told, so it closes only an item asking that very deed (its verb), not
another item of the sender's ("the room is booked" does not send the agenda), and not
what is usual ("the bulletin is published every Monday"), still to come ("once the room
is booked") or asked ("Is the room booked?") (``closure_state.state_told``,
``other_state``).
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_state import state_deeds, state_told
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT

NADIA = Address("Nadia Haddad", "nadia.haddad@itu.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def _closes(item: str, reply: str, members: MembersConfig, owner: str | None = "Nadia Haddad"
            ) -> bool:
    return bool(detect_closure(reply, [OpenItem(1, owner, None, item)], sender=NADIA,
                               members=members))


_BOOK = "Nadia, please book a small room for the editors' drafting session on Tuesday."
_MINUTES = "Please publish the minutes of the March call on the group page."
_AGENDA = "Please send me the draft agenda for the drafting session."


@pytest.mark.parametrize(("item", "reply", "closes"), [
    # The state the deed left, told of the thing: the deed is done.
    (_BOOK, ("Dear Klaus,\n\nThe small room on the third floor is booked for Tuesday, "
            "14:00-17:00.\n\nNadia\n"), True),
    (_BOOK, ("Dear Klaus,\n\nOnce the small room on the third floor is booked I will let you "
            "know.\n\nNadia\n"), False),
    (_MINUTES, ("Dear all,\n\nThe minutes of the March call are published on the group "
               "page.\n\nNadia\n"), True),
    (_MINUTES, ("Dear all,\n\nThe minutes of our calls are published every quarter on the "
               "group page.\n\nNadia\n"), False),
    # The state of another deed does not do this one.
    (_AGENDA, ("Dear Klaus,\n\nThe small room on the third floor is booked for Tuesday, "
              "14:00-17:00.\n\nNadia\n"), False),
])
def test_state_told_closes_the_deed_it_tells(item: str, reply: str, closes: bool,
                                              members: MembersConfig) -> None:
    assert _closes(item, reply, members) is closes


def test_state_told_reading() -> None:
    assert state_told("The small room is booked for Tuesday.") == "state"
    assert state_deeds("The slides are uploaded and the report is published.") \
        == frozenset({"upload", "publish"})
    assert state_told("Is the small room booked for Tuesday?") is None
    assert state_told("If the room is booked we can meet there.") is None
    assert state_told("The newsletter is published by the Bureau.") is None
    # No delivery statement: the other readings (answers, promises kept) are unchanged.
    assert delivery_statement("The small room is booked for Tuesday.") is None


# The headline of a deed with the one it went to ("Form sent to Pierre.", the seventh,
# ninth, thirteenth, twenty-third and thirty-second writers): read as a delivery, while
# a thing described by where it went, with a verb of its own after, is not.
_LINKS = "Hiroshi, please send the dial-in links to the delegation of Malawi."


@pytest.mark.parametrize(("item", "reply", "closes"), [
    (_LINKS, ("Dial-in links and a short how-to sent to Mr Banda, with a sound check offered "
             "for Monday.\n\nHiroshi\n"), True),
    (_LINKS, ("Dial-in links sent to delegations after Friday will not work, so I wait for "
             "the final set-up.\n\nHiroshi\n"), False),
])
def test_headline_sent_to_someone(item: str, reply: str, closes: bool,
                                  members: MembersConfig) -> None:
    hiroshi = Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")
    assert bool(detect_closure(reply, [OpenItem(1, "Hiroshi Takemura", None, item)],
                               sender=hiroshi, members=members)) is closes


@pytest.mark.parametrize(("clause", "name"), [
    ("Questionnaire sent to the regulator this morning.", "sent"),
    ("Our table sent too (three events).", "sent"),
    ("The letter sent to members in May asked for volunteers.", None),
    ("Comments sent to me by Friday will be included.", None),
])
def test_headline_sent_to_reading(clause: str, name: str | None) -> None:
    assert delivery_statement(clause) == name
