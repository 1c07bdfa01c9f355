"""Closure round close-r12 (issue 13; minimal pairs, each first case failing on `main`
8dadc28): a headline of the deed, the thing and its participle ("TSB lines updated.",
"Lucia, BDT list attached (9 events).", "Documents for AI 3 and AI 4 posted: ..."),
reports it done, for the share of whoever it names or sends it; a reply saying who
will take part ("Andrés and I will join") answers a request to say who will."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.action_samples import MEMBERS

TSB = Address("Chen Lihua", "chen@example.int")
BDT = Address("Pierre Lefebvre", "pierre@example.int")


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


ROWS = OpenItem(1, "BR, TSB, BDT", "group",
                "Bureaux, please update your rows (status, lead, next milestone) by 15 July.")
LINES = OpenItem(3, None, None, "Please update them by Friday 19 March so that I can "
                                "prepare the status page for the meeting.")
LIST = OpenItem(2, "BDT", "group", "Pierre: the same for BDT, please.")


@pytest.mark.parametrize(("reply", "item", "sender", "shares"), [
    # The twelfth and sixth writers: the thing and "updated", after a name or alone.
    # (An item naming no owner: the share of the Bureau the headline names.)
    ("TSB lines updated.\n\nH.\n", LINES, TSB, [("TSB",)]),
    # (Not BR's share, which the next sentence says "will only be done next week".)
    (("Lucia, TSB rows updated. Sofia asked me to tell you that the BR rows will only be "
      "done next week, she is at the WP 4A meeting.\n\nChen\n"), ROWS, TSB, [("TSB",)]),
    # The thirteenth: "attached" before what the thing holds, after a name.
    ("Lucia, BDT list attached (9 events, 4 of them with TSB).\n\nPierre\n", LIST, BDT, [()]),
    # Their pairs: the deed asked about, or still to come.
    ("Lucia, could you check the rows updated yesterday?\n\nChen\n", ROWS, TSB, []),
    ("TSB lines to be updated next week.\n\nH.\n", LINES, TSB, []),
    ("Lucia, BDT list will be attached (9 events) to the report.\n\nPierre\n", LIST, BDT, []),
])
def test_a_headline_of_the_deed_closes_the_senders_share(
        members: MembersConfig, reply: str, item: OpenItem, sender: Address,
        shares: list[tuple[str, ...]]) -> None:
    found = detect_closure(reply, [item], sender=sender, members=members)
    assert [c.owners for c in found] == shares


@pytest.mark.parametrize(("clause", "statement"), [
    ("Documents for AI 3 and AI 4 posted: ISCG-27/25 rev.1 and ISCG-27/27.", "delivered"),
    ("Three circulars attached (Kerala, Maharashtra and Delhi), with my translation.",
     "attached"),
    ("Lucia, TSB rows updated.", "delivered"),
    # Not done: still to come, not yet, a question, a thing's past.
    ("Documents for AI 3 and AI 4 still to be posted: ISCG-27/25 rev.1.", None),
    ("TSB lines to be updated next week.", None),
    ("Lucia, TSB rows not yet updated.", None),
    ("Lucia, were the TSB rows updated?", None),
    ("The figures posted to the portal last year were wrong", None),
])
def test_headline_statements(clause: str, statement: str | None) -> None:
    assert delivery_statement(clause) == statement


KLAUS = Address("Klaus Brenner", "klaus@example.de")  # speaks for TSAG
JOIN = OpenItem(4, "RAG, TSAG", "group",
                "May I ask RAG and TSAG representatives to indicate until 15 September "
                "whether you wish to participate, and who?")
ATTEND = OpenItem(5, "RAG, TSAG, TDAG", "group",
                  "So that we can book the right room, could each advisory group let me know "
                  "by Friday 16 January how many of its vice-chairs will attend in person and "
                  "how many remotely?")
INPUTS = OpenItem(6, "RAG, TSAG", "group",
                  "May I ask RAG and TSAG representatives to send their inputs by 15 September?")


@pytest.mark.parametrize(("reply", "item", "shares"), [
    # The thirteenth and fourth writers: who will take part, said in the future.
    ("Ingrid, for TSAG: Andrés and I will join.\n\nRegards, Klaus\n", JOIN, [("TSAG",)]),
    (("Dear Lucia,\n\nFor TSAG: Ingrid and I will attend in person, Omar will join "
      "remotely.\n\nBest regards,\nKlaus\n"), ATTEND, [("TSAG",)]),
    # Their pairs: the answer put off, another promise, a request that asks no one
    # to say who takes part.
    ("Ingrid, for TSAG: I will check who can join and come back to you.\n\nKlaus\n",
     JOIN, []),
    ("Ingrid, for TSAG: Andrés and I will send our inputs next week.\n\nKlaus\n", JOIN, []),
    ("Ingrid, for TSAG: Andrés and I will join.\n\nRegards, Klaus\n", INPUTS, []),
])
def test_saying_who_will_take_part_answers_who_will(
        members: MembersConfig, reply: str, item: OpenItem,
        shares: list[tuple[str, ...]]) -> None:
    found = detect_closure(reply, [item], sender=KLAUS, members=members)
    assert [c.owners for c in found] == shares


COLLEAGUE = OpenItem(7, "TSB, BDT", "group", "I kindly ask TSB and BDT to nominate until 20 "
                                             "September one colleague each who will take part.")
SPEAKERS = OpenItem(8, "BDT", "group", "To go ahead we need two things: could BDT propose two "
                                       "speakers from Africa by 11 December")
REPORT = OpenItem(9, "BDT", "group", "BDT to send the workshop report by 11 December.")


@pytest.mark.parametrize(("reply", "item", "sender", "shares"), [
    # The thirteenth and eleventh writers: the people asked for, named now.
    ("Ingrid, for TSB: Klaus Brenner.\n\nChen\n", COLLEAGUE, TSB, [("TSB",)]),
    (("Hi Ingrid,\n\nOur two proposals:\n- Ms Wanjiru Kamau, accessibility officer, Nairobi "
     "county transport authority\n- Mr Kofi Asante, Ghana Federation of Disability "
     "Organisations\nBoth confirmed their availability.\n\nPierre\n"), SPEAKERS, BDT, [()]),
    # Their pairs: whom the reply turns to, a promise to ask, the names still to come,
    # a request for no person.
    ("Ingrid, for TSB: to be confirmed.\n\nChen\n", COLLEAGUE, TSB, []),
    ("Ingrid, for TSB: I will ask Klaus Brenner.\n\nChen\n", COLLEAGUE, TSB, []),
    ("Happy to help Ingrid - will send names next week.\n\nPierre\n", SPEAKERS, BDT, []),
    (("Hi Ingrid,\n\nMs Wanjiru Kamau of the county transport authority sends her "
     "regards.\n\nPierre\n"), REPORT, BDT, []),
])
def test_naming_the_people_asked_for_answers_the_request(
        members: MembersConfig, reply: str, item: OpenItem, sender: Address,
        shares: list[tuple[str, ...]]) -> None:
    found = detect_closure(reply, [item], sender=sender, members=members)
    assert [c.owners for c in found] == shares
