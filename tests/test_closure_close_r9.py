"""Closure round close-r9 (issue 13, point 11; minimal pairs, each first case failing on
`main` 4ef0062): a body's reply reported ("SG17 agreed its reply", "SG1 sent its reply")
and a thing named with a bracket before "attached" are deliveries; a date is not what a
reply talks about; the owner's promise to check and come back is kept by the owner's next
reply that says something; a question read with no owner is asked of the Bureaux it
names."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_items import answered_items, question_owners
from iscg_mailbot.analyse.closure_reading import content_words
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.action_samples import MEMBERS

TSB = Address("Chen Lihua", "chen@example.int")
BDT = Address("Pierre Lefebvre", "pierre@example.int")
TSAG = Address("Klaus Brenner", "klaus@example.de")


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


# --- a body's reply reported; a bracketed thing attached ------------------------------------

@pytest.mark.parametrize(("sentence", "said"), [
    ("For completeness: SG17 agreed its reply to ITU-D SG2 on 5 September.", "attached"),
    ("SG1 sent its reply to SG12 today, compiling inputs from six administrations.",
     "attached"),
    ("TSB's input (item 3) attached.", "attached"),
    # Their pairs: what is still to come, or not the reply.
    ("SG17 agreed to prepare a reply at its next meeting.", None),
    ("SG1 will send its reply to SG12 after the meeting.", None),
    ("We have not agreed the reply yet.", None),
    ("TSB's input (item 3) to be attached later.", None),
])
def test_a_bodys_reply_reported_is_a_delivery(sentence: str, said: str | None) -> None:
    assert delivery_statement(sentence) == said


LS_ITEM = OpenItem(1, "ITU-T SG17", "group",
                   "Action required: ITU-T Study Group 17 is kindly invited to provide "
                   "information on relevant Recommendations and ongoing work items.")


@pytest.mark.parametrize(("reply", "closed"), [
    (("Dear all,\n\nFor completeness: SG17 agreed its reply to ITU-D SG2 on 5 September, "
     "listing the X.1250-series texts.\n\nLihua\n"), [1]),
    (("Dear all,\n\nSG17 meets from 27 August; a reply should come out of that meeting.\n\n"
     "Lihua\n"), []),
])
def test_a_study_groups_reply_closes_what_was_asked_of_it(
        members: MembersConfig, reply: str, closed: list[int]) -> None:
    found = detect_closure(reply, [LS_ITEM], sender=TSB, members=members)
    assert [c.item_id for c in found] == closed


# --- a date is when, not what -------------------------------------------------------------

def test_dates_are_no_content_words() -> None:
    assert content_words("confirmed in the collective letter of January, on Friday") \
        == frozenset({"confirm", "collectiv", "letter"})


ASK = OpenItem(1, "Pierre Lefebvre", "member",
               "I will ask the Question 6/2 co-rapporteurs to prepare a draft reply so that "
               "SG2 can approve it at its April meeting.")


@pytest.mark.parametrize(("reply", "closed"), [
    # An answer to somebody else's question on the dates reports nothing on the promise.
    ("Klaus, yes - 19-23 April, confirmed in the collective letter of January.", []),
    ("The co-rapporteurs have circulated the draft reply to the management team.", [1]),
])
def test_a_date_shared_is_no_report(members: MembersConfig, reply: str,
                                    closed: list[int]) -> None:
    found = detect_closure(reply, [ASK], sender=BDT, members=members)
    assert [c.item_id for c in found] == closed


# --- the owner's promise to check and come back -------------------------------------------

REVERT = OpenItem(1, "Klaus Brenner", "sender", "I will revert by 12 February at the latest.")
CHECK = OpenItem(2, "Klaus Brenner", "sender",
                 "For the other venues I'll check with our conference services.")
DEED = OpenItem(3, "Klaus Brenner", "sender",
                "I will ask the co-rapporteurs to draft the reply.")


@pytest.mark.parametrize(("reply", "closed"), [
    (("Row 9: the TSAG management team is fine with ITU-T as lead. So TSAG confirms all "
     "rows."), [1, 2]),
    # What the reply promises besides does not keep the answer open.
    (("Of the four hotels, only Lusaka had a loop. We will add a clause to the host "
     "agreement template."), [1, 2]),
    # The answer put off again, or a reply that says nothing, keeps the promise.
    ("The management team has not met yet; I will come back to you next week.", []),
    ("Thanks, Ingrid!", []),
])
def test_a_promise_to_come_back_is_kept_by_the_next_reply(reply: str,
                                                           closed: list[int]) -> None:
    found = answered_items(reply, [REVERT, CHECK, DEED], {"klaus brenner", "tsag"})
    assert [i.id for i in found] == closed


# --- a question read with no owner is asked of the Bureaux it names ------------------------

NAMED = "BDT, in addition, could you let us know which countries are still in transition?"
UNNAMED = "Could you let us know which countries are still in transition?"
ANSWER = "According to our tracker, 11 countries have not completed the transition."


@pytest.mark.parametrize(("question", "sender", "shares"), [
    (NAMED, TSAG, None),  # another member's comment does not answer BDT's question
    (NAMED, BDT, ()),
    (UNNAMED, TSAG, ()),  # a question to nobody named: whoever answers
    ("Please BR and BDT kindly advise which countries are still in transition?", BDT,
     ("BDT",)),
])
def test_an_ownerless_question_is_asked_of_the_bureaux_it_names(
        members: MembersConfig, question: str, sender: Address,
        shares: tuple[str, ...] | None) -> None:
    assert question_owners(ANSWER, None, sender=sender, members=members,
                           question=question) == shares
