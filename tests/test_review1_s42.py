"""Review of close-r25 and tk-r25 (review1, session 42; docs/evaluation.md, "review1
(session 42)"): readings that fired out of context. Minimal pairs in our own wording: the
first case of each pair fails on main daaec40d, its pair passes on both.

- A withdrawal only supposed after it ("... no longer needed if the Council postpones
  the item"), only likely ("might not be needed any more"), or somebody else's view the
  asker reports ("BDT thinks its note is no longer needed") withdraws nothing; the
  asker's own "I think ..." still does (``closure_withdrawn.withdrawal``).
- "knows this better" / "better placed" of the sender ("I know this better than most:
  ...", "We are better placed to answer this than TSB") or of nobody ("Nobody knows this
  better than BR: ...") passes nothing on: the clause says something
  (``closure_handoff.passes_on``).
- "Question 4 only concerns BR" scopes a point and leaves no part for later, where "Q1 to
  Q4 only" does (``closure_handoff.leaves_points``).
- "(the third year) in a row" is no row of the group's list (config/topics.yaml).
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.closure_handoff import leaves_points, passes_on
from iscg_mailbot.analyse.closure_withdrawn import withdrawal
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.topics import load_topics
from tests.eval_threads import run_threads, thread
from tests.topic_tags import tagged


@pytest.mark.parametrize(("clause", "withdraws"), [
    # supposed after the withdrawal / said outright
    ("BDT's paper on the pilots is no longer needed if the Council drops the item.", False),
    ("BDT's paper on the pilots is no longer needed: the Council dropped the item.", True),
    ("The TSB figures will not be needed any more once the dashboard is live.", False),
    ("The TSB figures will not be needed any more: the dashboard is live.", True),
    # only likely / certain
    ("The BR slides might not be needed any more; I will confirm on Monday.", False),
    ("The BR slides are not needed any more; thanks all the same.", True),
    # somebody else's view reported by the asker / the asker's own view
    ("Marta thinks the BR slides are no longer needed, but I disagree.", False),
    ("Some members feel the BR slides are no longer needed.", False),
    ("In TDAG's view the BR slides are no longer needed.", False),
    ("I think the BR slides are no longer needed.", True),
    ("In my view the BR slides are no longer needed.", True),
])
def test_a_withdrawal_said_outright_by_the_asker(clause: str, withdraws: bool) -> None:
    assert withdrawal(clause) is withdraws


@pytest.mark.parametrize(("clause", "passed"), [
    ("I know this better than most: the cut-off is 5 May.", False),
    ("Oleksandr knows this better than I do.", True),
    ("We are better placed to answer this than TSB: yes, the room is free.", False),
    ("BR is better placed to answer this one.", True),
    ("Nobody knows this better than BDT, and the answer is no.", False),
    ("I think Lucía knows this better.", True),
    ("We're better placed to reply, so: two seats.", False),
])
def test_the_sender_s_own_knowing_passes_nothing_on(clause: str, passed: bool) -> None:
    assert passes_on(clause) is passed


@pytest.mark.parametrize(("clause", "left"), [
    ("Question 4 only concerns BR.", False),
    ("Question 4 only, the rest next week.", True),
    ("Points 1 and 2 only apply to the regional offices.", False),
    ("Points 1 and 2 only for the moment.", True),
])
def test_a_point_s_scope_leaves_no_part(clause: str, left: bool) -> None:
    assert leaves_points(clause) is left


def test_own_knowing_stays_fast() -> None:
    start = time.perf_counter()
    for text in ("I" + " " * 50_000 + "know this better", "we " * 17_000 + "knows it better",
                 "I think " + " " * 50_000 + "no longer needed if" + " " * 50_000):
        passes_on(text)
        withdrawal(text)
    assert time.perf_counter() - start < 1.0


# --- the whole closure scan: the asker reports another's view ---

OLGA = "Olga Petrova <olga.petrova@itu.int>"
RAJESH = "Rajesh Iyer <rajesh.iyer@itu.int>"
ASK = ("Dear all,\n\nFor the Council annex, could BR and BDT each draft a paragraph on the "
       "joint spectrum clinics by 20 May?\n\nOlga\n")
REPORTED = ("Dear all,\n\nMarta thinks the BR and BDT paragraphs are no longer needed, but the "
            "annex still has a place for them.\n\nOlga\n")
OUTRIGHT = ("Dear all,\n\nThe annex was dropped, so the BR and BDT paragraphs are no longer "
            "needed.\n\nOlga\n")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return run_threads(tmp_path_factory.mktemp("review1"), [
        thread("rv1-001", "Council annex: spectrum clinics", (OLGA, ASK), (OLGA, REPORTED)),
        thread("rv1-002", "Council annex: spectrum clinics", (OLGA, ASK), (OLGA, OUTRIGHT)),
    ])


@pytest.mark.parametrize(("ident", "closer"), [("rv1-001", None), ("rv1-002", "m2")])
def test_a_view_reported_by_the_asker_withdraws_nothing(scanned, ident: str,  # type: ignore[no-untyped-def]
                                                        closer: str | None) -> None:
    items = scanned.items.get((ident, "m1"), [])
    assert [item.closed_by for item in items] == [closer]


# --- "in a row" ---

@pytest.fixture(scope="module")
def tagger() -> TopicTagger:
    return TopicTagger(load_topics("config/topics.yaml"))


@pytest.mark.parametrize(("subject", "body", "governance"), [
    ("Girls in ICT Day 2032 - fourth year in a row",
     ("Hello all, for the fourth year in a row BR, TSB and BDT will run joint Girls in ICT "
      "Day sessions. TSB hosts this time."), False),
    ("Girls in ICT Day 2032 - row 12 of our list",
     ("Hello all, row 12 of our list still says BR, TSB and BDT run joint Girls in ICT Day "
      "sessions. TSB hosts this time."), True),
])
def test_in_a_row_is_no_row_of_the_list(tagger: TopicTagger, subject: str, body: str,
                                        governance: bool) -> None:
    assert ("governance" in tagged(tagger, subject, body)) is governance
