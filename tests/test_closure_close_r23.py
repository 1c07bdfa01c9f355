"""Closure round close-r23 (issue 13; minimal pairs: each test of a fix fails on `main`
92e507f8, its pair passes on both), from the dev misses of w1-w26.

A request to do something ("Could the print shop reprint the badges before Monday?") is
not done by a reply that tells the deed as still to come, however much else it says:
a future ("The print shop will reprint them on Friday"), a plan ("The reprint is
planned for Friday"), an offer ("I can send the old file if it helps"), willingness
("we are happy for it to be posted when it is cleared") or a future in Spanish ("se
publicará en mayo"). The same reply reporting the deed done closes it
(``closure_tense.only_to_come``, read by ``closure_items.answered_items``).
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.closure_tense import only_to_come, to_come
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT

LUCIA = Address("Lucia Bianchi", "lucia.bianchi@itu.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def _closes(item: str, owner: str | None, reply: str, members: MembersConfig) -> bool:
    return bool(detect_closure(reply, [OpenItem(1, owner, None, item)], sender=LUCIA,
                               members=members))


_BADGES = "Could the print shop reprint the name badges before Monday's session?"
_FLYER = "Could you post the workshop flyer on the events page?"


@pytest.mark.parametrize(("item", "reply", "closes"), [
    # A future told of somebody else (no "I"/"we"): the deed is still to come.
    (_BADGES, ("Dear Klaus,\n\nSorry for the misprint - the wrong template was used. The "
               "print shop will reprint the badges on Friday morning.\n\nLucia\n"), False),
    (_BADGES, ("Dear Klaus,\n\nSorry for the misprint - the wrong template was used. The "
               "print shop reprinted the badges this morning.\n\nLucia\n"), True),
    # A plan, and willingness with a condition.
    (_FLYER, ("Dear Omar,\n\nThanks for the reminder. The flyer is scheduled for Thursday, "
              "and we are happy for it to be posted once the venue is confirmed.\n\nLucia\n"),
     False),
    (_FLYER, ("Dear Omar,\n\nThanks for the reminder. The flyer was posted on the events "
              "page on Thursday, with the venue.\n\nLucia\n"), True),
])
def test_a_deed_told_as_to_come_does_not_close(item: str, reply: str, closes: bool,
                                                members: MembersConfig) -> None:
    assert _closes(item, "General Secretariat", reply, members) is closes


def test_a_deed_done_beside_what_is_to_come_closes(members: MembersConfig) -> None:
    """A statement reporting the deed in the same clause as a later step ("Posted \u2705
    the webmaster will add the photos") is a report: the deed is done."""
    reply = ("Flyer posted on the events page \u2705 the webmaster will add the photos "
             "after the workshop.\n\nLucia\n")
    assert _closes(_FLYER, "General Secretariat", reply, members)


def test_a_future_naming_who_fills_a_role_answers_a_request_for_people() -> None:
    """A request for people is answered by a future naming them ("Ms Kamau will speak for
    BDT"); the same future of a deed is not done."""
    said = reply_of("Dear Amara,\n\nMs Wanjiru Kamau will speak for BDT at the panel.\n\n"
                    "Grace\n").answer
    assert not only_to_come(said, "We would welcome one speaker from BDT for the panel.")
    assert only_to_come(said, "Could BDT organise the panel for the ministers?")


@pytest.mark.parametrize(("clause", "expected"), [
    ("The print shop will reprint the badges on Friday.", True),
    ("The print shop reprinted the badges on Friday.", False),
    ("The reprint is planned for Friday.", True),
    ("The reprint was done on Friday.", False),
    ("I can send the 2025 edition now if it helps.", True),
    ("I sent the 2025 edition this morning.", False),
    ("La versi\u00f3n en espa\u00f1ol se publicar\u00e1 en mayo.", True),
    ("La versi\u00f3n en espa\u00f1ol se public\u00f3 en mayo.", False),
    ("Slides: yes, happy to.", True),
    ("Slides: attached.", False),
    ("We will not reprint them.", False),
])
def test_to_come(clause: str, expected: bool) -> None:
    assert to_come(clause) is expected
