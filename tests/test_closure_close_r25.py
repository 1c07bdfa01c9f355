"""Closure round close-r25 (issue 13; minimal pairs in our own wording: each test of a
fix fails on `main` d1af6cd, its pair passes on both), from the dev misses of w33-w35,
checked in w23's.

- A point passed on to somebody else ("[for TSB]", "2. for BR", "For BDT.", "Lihua knows
  this better than me") says nothing now: it answers nothing, and names no doer whose
  share the reply would answer (``closure_handoff.passes_on``).
- Part of a request left with somebody or for later ("Line 4 is with my colleague",
  "5 and 6 need the SG12 counsellor", "questions 1 and 3 for now"): the reply answers a
  part, not the whole (``closure_handoff.leaves_points``).
- "Not yet - Monday." to a request for a deed has not done it; to a question asking
  whether, it answers (``closure_reply.Answer.only_when``).
- A request its asker withdraws as moot ("The BR and BDT measures are no longer needed")
  is closed by the withdrawal, for the shares still open; not by a member's view, nor by
  a request still needed (``closure_withdrawn``, the closure scan).
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_handoff import leaves_points, passes_on
from iscg_mailbot.analyse.closure_items import answers_question, question_owners
from iscg_mailbot.analyse.closure_withdrawn import withdrawal
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.evaluation import PipelineOutput
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT, run_threads, thread

PIERRE = Address("Pierre Lefebvre", "pierre.lefebvre@itu.int")  # BDT
AHMED = Address("Ahmed El-Sayed", "ahmed.elsayed@itu.int")  # TSB
RAJESH = Address("Rajesh Iyer", "rajesh.iyer@itu.int")  # BR


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


_QUESTION = "TSB: is there a Recommendation on testing hearing-aid compatibility of handsets?"


@pytest.mark.parametrize(("reply", "answers"), [
    ("Klaus,\n\n[for TSB]\n\nPierre\n", False),
    ("Klaus,\n\n[none at TSB, as far as I know]\n\nPierre\n", True),
    ("Klaus,\n\nMaría knows this better than me.\n\nAhmed\n", False),
    ("Klaus,\n\nMaría checked this: P.1110 covers hearing-aid testing.\n\nAhmed\n", True),
])
def test_a_point_passed_on_answers_nothing(reply: str, answers: bool,
                                           members: MembersConfig) -> None:
    sender = PIERRE if "Pierre" in reply else AHMED
    assert answers_question(reply, _QUESTION, owner="TSB", sender=sender,
                            members=members) is answers


def test_a_point_passed_on_names_no_doer(members: MembersConfig) -> None:
    # BDT answers its own point and passes the other on to BR: BR's question stays open.
    question = "BR: can the monitoring data be released under an open licence?"
    passed = "Hiroshi,\n\n1. BDT reviewer: Grace Mwangi.\n2. for BR\n3. noted\n\nPierre\n"
    assert question_owners(passed, "BR", sender=PIERRE, members=members,
                           question=question) is None
    # (the pair: a reply that tells what BR did answers BR's share)
    told = "Hiroshi,\n\n1. BDT reviewer: Grace Mwangi.\n2. BR cleared it yesterday.\n\nPierre\n"
    assert question_owners(told, "BR", sender=PIERRE, members=members,
                           question=question) == ()


_CHECK = "TSB, could you check lines 3 and 4 of the mapping and add the Question numbers?"


@pytest.mark.parametrize(("reply", "closes"), [
    (("Dear Pierre,\n\nLine 3: Question 2/12 covers it, approved last year.\n"
      "Line 4 is with my colleague; he will answer separately.\n\nAhmed\n"), False),
    (("Dear Pierre,\n\nLine 3: Question 2/12 covers it, approved last year.\n"
      "Line 4: Question 5/12, work started in May.\n\nAhmed\n"), True),
])
def test_a_part_left_with_a_colleague_is_a_part(reply: str, closes: bool,
                                                members: MembersConfig) -> None:
    found = detect_closure(reply, [OpenItem(1, "TSB", "group", _CHECK)], sender=AHMED,
                           members=members)
    assert bool(found) is closes


_SIX = ("TSB: for each of the five indicators, could you tell us whether the ITU-T "
        "definition is binding or only descriptive?")


@pytest.mark.parametrize(("reply", "answers"), [
    (("Dear Tomás,\n\n1. Descriptive.\n2. Binding in one tariff text.\n3. Descriptive.\n"
      "4 and 5 need the SG12 counsellor, who is travelling.\n\nAhmed\n"), False),
    (("Dear Tomás,\n\n1. Descriptive.\n2. Binding in one tariff text.\n3. Descriptive.\n"
      "4 and 5 are descriptive as well.\n\nAhmed\n"), True),
])
def test_numbered_points_left_for_somebody(reply: str, answers: bool,
                                           members: MembersConfig) -> None:
    assert answers_question(reply, _SIX, owner="TSB", sender=AHMED,
                            members=members) is answers


_ALT = "BR: the charts in chapter 5 lack alternative text. Could you add it by Friday?"


@pytest.mark.parametrize(("reply", "closes"), [
    ("Not yet - Monday.\n", False),
    ("2. Not yet - the graphics unit has not answered.\n\nRajesh\n", False),
    ("Done - Monday's version has it.\n", True),
])
def test_not_yet_has_not_done_the_deed(reply: str, closes: bool,
                                       members: MembersConfig) -> None:
    found = detect_closure(reply, [OpenItem(1, "BR", "group", _ALT)], sender=RAJESH,
                           members=members)
    assert bool(found) is closes


def test_not_yet_still_answers_a_question(members: MembersConfig) -> None:
    assert answers_question("Not yet - it comes out in April, after the council.\n",
                            "Is the annual survey report public?", owner="BR",
                            sender=RAJESH, members=members)


@pytest.mark.parametrize(("clause", "passed"), [
    ("[for TSB]", True), ("2. for BR", True), ("For BDT.", True),
    ("[SL: for TSB", True), ("Lihua knows this better than me.", True),
    ("For information.", False), ("For now.", False), ("Done for BDT.", False),
    ("Thank you for this.", False), ("for me", False),
])
def test_passes_on(clause: str, passed: bool) -> None:
    assert passes_on(clause) is passed


@pytest.mark.parametrize(("clause", "left"), [
    ("Q3 and Q5 need the TDAG bureau's view.", True),
    ("Partial reply from BR, Q1 to Q4 only.", True),
    ("BDT, questions 1 and 3 for now:", True),
    ("The SG3 line is with my colleague.", True),
    ("Points 2, 4 and 5 will need a short note in the revision.", False),
    ("We need the SG12 counsellor's view on row 5.", False),
])
def test_leaves_points(clause: str, left: bool) -> None:
    assert leaves_points(clause) is left


def test_long_runs_stay_fast() -> None:
    spaces = " " * 50_000
    start = time.perf_counter()
    for text in (spaces, "for " + spaces, "5 and" + spaces + "need", "q 1" + spaces):
        passes_on(text)
        leaves_points(text)
    assert time.perf_counter() - start < 1.0


# --- a request withdrawn as moot by its asker (the whole pipeline: the closure scan) ---

NADIA = "Nadia Haddad <nadia.haddad@itu.int>"
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"
KLAUS = "Klaus Brenner <klaus.brenner@example.de>"
ASK = ("Dear colleagues,\n\nFor the working-methods review, could BR, TSB and BDT each "
       "propose two measures of liaison follow-up by Friday 12 March?\n\nNadia\n")
TSB_DONE = "Dear Nadia,\n\nTSB measures attached: response time and share answered.\n\nHiroshi\n"
MOOT = ("Dear colleagues,\n\nThe review was taken off the agenda this morning. The BR and BDT "
        "measures are no longer needed; TSB's are kept on file.\n\nNadia\n")
KEPT = ("Dear colleagues,\n\nThe review was taken off the agenda this morning. The BR and BDT "
        "measures will still be needed for the autumn session.\n\nNadia\n")
THEIRS = ("Dear colleagues,\n\nIn my view the BR and BDT measures are no longer needed; the "
          "review can do without them.\n\nKlaus\n")
WITHDRAWN_THREADS = [
    thread("r25-001", "Liaison follow-up measures", (NADIA, ASK), (HIROSHI, TSB_DONE),
           (NADIA, MOOT)),
    thread("r25-002", "Liaison follow-up measures", (NADIA, ASK), (HIROSHI, TSB_DONE),
           (NADIA, KEPT)),
    thread("r25-003", "Liaison follow-up measures", (NADIA, ASK), (HIROSHI, TSB_DONE),
           (KLAUS, THEIRS)),
]


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r25"), WITHDRAWN_THREADS)


@pytest.mark.parametrize(("ident", "closer"), [
    ("r25-001", "m3"),  # the asker withdraws the open shares: closed by the withdrawal
    ("r25-002", None),  # still needed: open
    ("r25-003", None),  # a member's view withdraws nothing
])
def test_a_request_its_asker_withdraws_is_closed(withdrawn: PipelineOutput, ident: str,
                                                 closer: str | None) -> None:
    items = withdrawn.items.get((ident, "m1"), [])
    assert [item.closed_by for item in items] == [closer]
    assert items[0].closer_for("TSB") == "m2"


@pytest.mark.parametrize(("clause", "withdraws"), [
    ("The BR and BDT measures are no longer needed.", True),
    ("Pierre, no need to send the BDT practice.", True),
    ("I withdraw item 9 altogether.", True),
    ("If the note is no longer needed, please tell me.", False),
    ("Is the note no longer needed?", False),
    ("The note will still be needed in May.", False),
])
def test_withdrawal(clause: str, withdraws: bool) -> None:
    assert withdrawal(clause) is withdraws
