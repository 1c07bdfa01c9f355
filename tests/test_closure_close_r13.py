"""Closure round close-r13 (issue 13; minimal pairs, each first case failing on `main`
98c1831): one thing asked of several people (a joint note, their unit's slides) is
delivered for all of them by whichever of them sends it; each person's own part
("your own observations") stays each one's share."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_greetings import addressees
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members

_MEMBERS = """\
members:
  - {name: Lucia Bianchi, address: lucia@example.int, role: secretariat}
  - {name: Sofia Lindqvist, address: sofia@example.int, role: secretariat,
     advisory_group: RAG, organisation: BR}
  - {name: Rajesh Iyer, address: rajesh@example.int, role: secretariat, organisation: BR}
  - {name: Grace Mwangi, address: grace@example.int, role: secretariat, organisation: BDT}
  - {name: Priya Raman, address: priya@example.in, role: representative,
     advisory_group: TDAG, organisation: Indian Administration}
  - {name: Yuki Sato, address: yuki@example.jp, role: representative,
     advisory_group: RAG, organisation: Japanese Administration}
"""

RAJESH = Address("Rajesh Iyer", "rajesh@example.int")
PRIYA = Address("Priya Raman", "priya@example.in")


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(_MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


# The fifth writer: the BR slides, asked of BR's two colleagues.
SLIDES = OpenItem(1, "Sofia Lindqvist, Rajesh Iyer", "member",
                  "Still missing the BR slides - Sofia, Rajesh, could you send them by "
                  "Monday noon at the latest?")
# The thirteenth: a joint note asked of two representatives.
NOTE = OpenItem(2, "Priya Raman, Yuki Sato", "member",
                "Priya and Yuki to prepare a short joint note on how the new CWG dates "
                "affect the TDAG and RAG calendars, by 7 October.")
# Each one's own part, of people of two units.
OBSERVATIONS = OpenItem(3, "Rajesh Iyer, Grace Mwangi", "member",
                        "Rajesh and Grace, please send me your own observations until "
                        "5 October, so they can be included.")
# Two people of two bodies, no joint work: each sends their group's calendar.
CALENDARS = OpenItem(4, "Priya Raman, Yuki Sato", "member",
                     "Priya, Yuki, could you send the TDAG and RAG meeting calendars?")


@pytest.mark.parametrize(("reply", "item", "sender", "shares"), [
    # One of them sends the one thing: the whole item.
    ("Lucia, sorry for the delay - BR slides attached.\n\nRajesh\n", SLIDES, RAJESH, [()]),
    (("Dear Nadia,\n\nA5: the joint note from Yuki and me is attached (1 page). In short, "
      "no clash with RAG.\n\nRegards,\nPriya\n"), NOTE, PRIYA, [()]),
    # Their pairs: each one's own part, or no joint thing: the sender's share only.
    ("Lucia, my observations attached.\n\nRajesh\n", OBSERVATIONS, RAJESH,
     [("Rajesh Iyer",)]),
    ("Dear Lucia,\n\nThe TDAG calendar is attached.\n\nPriya\n", CALENDARS, PRIYA,
     [("Priya Raman",)]),
    # Still to come: nothing.
    ("Lucia, the BR slides will follow on Monday.\n\nRajesh\n", SLIDES, RAJESH, []),
])
def test_one_thing_asked_of_several_people_is_sent_for_all(
        members: MembersConfig, reply: str, item: OpenItem, sender: Address,
        shares: list[tuple[str, ...]]) -> None:
    found = detect_closure(reply, [item], sender=sender, members=members)
    assert [c.owners for c in found] == shares


# The eleventh and twelfth writers: what a liaison asks of a group, and the group's
# reply still a draft or still to come.
SURVEY = OpenItem(5, "ITU-D SG2", "group",
                  "Action required: ITU-D SG2 is invited to share the results of its survey "
                  "of national emergency telecommunication plans as regards short codes.")
DEVICES = OpenItem(6, "ITU-T SG11", "group",
                   "Action required: ITU-T SG11 is invited to inform WP 4A of any work on "
                   "device identification that could help administrations.")
ALLOCATE = OpenItem(7, "TSB", "group",
                    "TSB will make sure the LS is allocated to the right Question at the "
                    "opening plenary.")
PIERRE = Address("Pierre Lefebvre", "pierre@example.int")
CHEN = Address("Chen Lihua", "chen@example.int")
_LIAISON_MEMBERS = """\
members:
  - {name: Chen Lihua, address: chen@example.int, role: secretariat, organisation: TSB}
  - {name: Pierre Lefebvre, address: pierre@example.int, role: secretariat,
     advisory_group: TDAG, organisation: BDT}
"""


@pytest.mark.parametrize(("reply", "items", "sender", "closed"), [
    # A draft reply sent round for comment: the liaison's request stays open.
    (("As promised, please find attached the draft reply LS from ITU-D SG2 to ITU-T SG2 "
      "on short codes. Comments are welcome until 8 January; the reply will then go to "
      "the SG2 management team.\n\nPierre\n"), [SURVEY], PIERRE, []),
    # The reply itself: closed.
    (("Please find attached the reply LS from ITU-D SG2 to ITU-T SG2 on short codes, "
      "sent today.\n\nPierre\n"), [SURVEY], PIERRE, [5]),
    # The Bureau's own step done, the group's reply planned: only the Bureau's item.
    (("Done: SG11 allocated the WP 4A LS to Q15/11 yesterday. Reply planned for the "
      "October meeting.\n\nChen\n"), [DEVICES, ALLOCATE], CHEN, [7]),
])
def test_a_liaisons_request_waits_for_the_groups_reply(
        tmp_path: Path, reply: str, items: list[OpenItem], sender: Address,
        closed: list[int]) -> None:
    (tmp_path / "members.yaml").write_text(_LIAISON_MEMBERS, encoding="utf-8")
    members = load_members(tmp_path / "members.yaml")
    found = detect_closure(reply, items, sender=sender, members=members)
    assert [c.item_id for c in found] == closed


@pytest.mark.parametrize(("reply", "greeted"), [
    # The fourth, eleventh and twelfth writers: a reply opening with the deed greets
    # nobody, so it answers whoever asked.
    ("Fixed - the index page was cached. Should show rev.1 now.\n\nL.\n", set()),
    ("Reviewed - two comments from BDT in the table (rows 6 and 12), otherwise fine.", set()),
    ("Received, thanks Priya - and thanks Yuki for the information.", set()),
    # Their pairs: a name opening the reply greets its bearer.
    ("Ahmed, all,\n\nthe table is attached.", {"ahmed"}),
    ("Klaus - fixed, the index page was cached.", {"klaus"}),
])
def test_a_reply_opening_with_the_deed_greets_nobody(reply: str, greeted: set[str]) -> None:
    assert addressees(reply) == greeted


# Whom a reply turns to is not who did the deed (the thirteenth writer's miss; the same
# opening, "Dear Fatou, ... attached", "Klaus, it went to SG16", in most writers' replies).
COMMENTS = OpenItem(8, "ITU-T Q7/5", "group",
                    "The Q7/5 rapporteur agreed to look at the questionnaire; comments will be "
                    "sent to you by 20 November.")
_OMAR_MEMBERS = _LIAISON_MEMBERS + (
    "  - {name: Omar Khalil, address: omar@example.edu.eg, role: observer}\n")


@pytest.mark.parametrize(("reply", "closed"), [
    ("Dear Omar, the rapporteur's comments are attached (tracked changes).\n\nChen\n", [8]),
    ("Omar - the rapporteur's comments are attached (tracked changes).\n\nChen\n", [8]),
    # Omar named as acting: his deed, not the rapporteur's.
    ("Omar's comments are attached (tracked changes).\n\nChen\n", []),
])
def test_whom_a_reply_turns_to_is_not_the_doer(tmp_path: Path, reply: str,
                                               closed: list[int]) -> None:
    (tmp_path / "members.yaml").write_text(_OMAR_MEMBERS, encoding="utf-8")
    members = load_members(tmp_path / "members.yaml")
    found = detect_closure(reply, [COMMENTS], sender=CHEN, members=members)
    assert [c.item_id for c in found] == closed
