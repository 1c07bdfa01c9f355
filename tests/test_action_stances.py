"""Stances that hand out no work (issue 13, act-false): advice given, and a reader told
of their own affairs "for information".

Minimal pairs of our own wording: each stance against the same sentence as a promise,
an obligation, with a deadline, as a condition, or giving a document.
"""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from iscg_mailbot.analyse.action_stances import gives_advice, tells_a_fact
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 3, 1, 9, 0)
SENDER = Address("Klaus Brenner", "klaus.brenner@example.de")


def sentences(line: str) -> list[str]:
    text = f"Dear all,\n\n{line}\n\nKlaus\n"
    return [c.sentence for c in extract_actions(ActionInput(text, SENT, sender=SENDER))]


@pytest.mark.parametrize(("stance", "work"), [
    ("Then BDT should tell the regional offices about the pilot.",
     "Then BDT will tell the regional offices about the pilot."),
    ("Then BDT should tell the regional offices about the pilot.",
     "Then BDT must tell the regional offices about the pilot."),
    ("We think the regulators of the region should give their views.",
     "Do the regulators of the region think we should give our views?"),
    ("The annual report should say a word on the helpdesk.",
     "I should say a word on the helpdesk in the annual report."),
    ("The slot is free; the secretariat should book it a week before.",
     "Should the secretariat book it a week before, the slot is free."),
])
def test_advice_given_against_work_owed(stance: str, work: str) -> None:
    assert gives_advice(stance)
    assert not gives_advice(work)


@pytest.mark.parametrize(("stance", "work"), [
    ("Then BDT should tell the regional offices about the pilot.",
     "Then BDT will tell the regional offices about the pilot."),
    ("Then BDT should tell the regional offices about the pilot.",
     "Then BDT should tell the regional offices about the pilot by 20 March."),
])
def test_advice_given_is_no_item(stance: str, work: str) -> None:
    assert sentences(stance) == []
    assert sentences(work) == [work]


@pytest.mark.parametrize(("fact", "given"), [
    ("For information, your badge is ready at the front desk.",
     "For information, I forward the note of the Q4/2 rapporteur."),
    ("FYI Omar, your address is bouncing list mail.",
     "FYI Omar, the address list is attached."),
    ("Ines FYI, you have the Dakar mission from 3 to 7 May.", "For information to: ITU-T SG12"),
    ("FYI, you are on the panel on Tuesday.",
     "For your information: TSAG-TD777 (draft work plan)."),
])
def test_the_readers_own_affairs_against_a_document_given(fact: str, given: str) -> None:
    assert tells_a_fact(fact)
    assert not tells_a_fact(given)


@pytest.mark.parametrize("news", [
    "FYI, the consultation will close on 3 May.",  # news for the list: a note
    "For information, there is a draft supplement on this in SG15.",
])
def test_news_for_the_list_stays_a_note(news: str) -> None:
    assert not tells_a_fact(news)
    assert sentences(news) == [news]


@pytest.mark.parametrize(("fact", "given"), [
    ("For information, your badge is ready at the front desk.",
     "For information, I forward the note of the Q4/2 rapporteur."),
    ("FYI Omar, your address is bouncing list mail.",
     "FYI Omar, the address list is attached."),
])
def test_the_readers_own_affairs_are_no_note(fact: str, given: str) -> None:
    assert sentences(fact) == []
    assert sentences(given) == [given]


def test_a_question_for_information_is_left_to_the_question_reader() -> None:
    assert not tells_a_fact("Is there a plan for awareness activities in the region?")


def test_many_shoulds_in_one_long_sentence_are_read_in_linear_time() -> None:
    """Review of act-false: each "should" read the whole text before it (26 s here)."""
    sentence = "BDT should tell the office and " * 1600 + "that is all."
    started = time.perf_counter()
    assert gives_advice(sentence)
    assert time.perf_counter() - started < 3.0


@pytest.mark.parametrize(("fact", "note"), [
    # "For your information" with no comma is news for the list, as with one.
    ("FYI, your slot is on Tuesday.",
     "For your information the annual forum will take place from 10 to 14 May."),
    # The reader's own affairs told with a request: the sentence is the request's.
    ("FYI Omar, you are on the panel on Tuesday.",
     "FYI Omar, you are on the panel on Tuesday, please confirm your attendance."),
])
def test_a_note_or_a_request_is_no_fact_told(fact: str, note: str) -> None:
    """Review of act-false: each second case was dropped on ``main`` 0e705ce."""
    assert tells_a_fact(fact)
    assert not tells_a_fact(note)
    assert sentences(note) == [note]
