"""Closure round close-r19 (issue 13; minimal pairs: each test of a fix fails on `main`
9aa5e9e, its pair passes on both), from the dev misses of w6, w7, w18, w21-w23. Threads
run through the whole pipeline (``run_pipeline``).

- A reply answering an action point by its number ("AI-1: please find attached ...",
  "AP 28/1-1: table attached") closes the item of that point, not another of the same
  owner's items in the list.
- "Done" in other languages, as the whole clause or before the share done: "Hecho.",
  "Listo - ...", "C'est fait pour le RAG : ...", "Erledigt f\u00fcr BDT."
- "Happy to do the RAG point" accepts a request put as a question ("Sofia, could you
  take 10 minutes ...?"): the deed is still to come. It answers a question about
  willingness ("would you be willing to ...?").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.closure_points import LABELLED, point_of, points_referred
from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
MARIA = "Mar\u00eda Fern\u00e1ndez <maria.fernandez@example.gob.ar>"

ACTIONS = ("Dear all,\n\nThe action list as I noted it:\n\n"
           "AI-1  BR to circulate the note on satellite connectivity for schools - by 15 "
           "January\n"
           "AI-2  General Secretariat to update the ISCG contact list on SharePoint\n"
           "AI-3  All three Bureaux to send their inputs for the ISCG report to Council - "
           "by\n      20 February\n\nBest regards,\nIngrid\n")
AI_1 = ("Dear Ingrid, all,\n\nAI-1: please find attached the note on satellite connectivity "
        "for schools\n(ISCG-27/2), prepared with input from the Giga team.\n\nSofia\n")
TELL = "Noted. Mar\u00eda, could you tell Q5/2 to expect the WP 4C reply in late May?\n\nI.\n"
HECHO = "Hecho.\n\nMar\u00eda\n"
TAKE = ("Dear all,\n\nPlease send proposals for further items by Thursday 15 March. Sofia, "
        "could you\ntake 10 minutes on the RAG preparations under item 3?\n\nBest,\nIngrid\n")
WILLING = ("Dear all,\n\nPlease send proposals for further items by Thursday 15 March. Sofia, "
           "would you be\nwilling to take 10 minutes on the RAG preparations under item 3?\n\n"
           "Best,\nIngrid\n")
HAPPY = "Happy to do the RAG point, Ingrid.\n\nSofia\n"

THREADS = [
    thread("s-001", "Action list", (INGRID, ACTIONS), (SOFIA, AI_1)),
    thread("s-002", "LS from SG2", (INGRID, TELL), (MARIA, HECHO)),
    thread("s-003", "Call 2 agenda", (INGRID, TAKE), (SOFIA, HAPPY)),
    thread("s-004", "Call 2 agenda", (INGRID, WILLING), (SOFIA, HAPPY)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r19"), THREADS)


def _closers(output: PipelineOutput, thread: str, message: str = "m1"
             ) -> dict[tuple[str, ...], tuple[str | None, dict[str, str]]]:
    return {item.owners: (item.closed_by, dict(item.share_closers))
            for item in output.items.get((thread, message), [])}


def test_an_action_points_number_closes_that_point_only(output: PipelineOutput) -> None:
    closers = _closers(output, "s-001")
    assert closers[("BR",)][0] == "m2"  # AI-1, BR's
    report = next(c for owners, c in closers.items() if len(owners) == 3)
    assert "BR" not in report[1] and report[0] is None  # AI-3: BR's share still open


def test_action_point_labels_and_references() -> None:
    minutes = "AP 30/1-1  GS: draft ToR.\nAP 30/1-2  BR and BDT: joint list of\n" \
              "           workshops.\n"
    assert point_of(minutes, minutes.index("workshops")) == LABELLED + 2
    assert points_referred("BDT part of AP 2 added to the file.") == {LABELLED + 2}
    assert points_referred("Lucia, on AP 26: not yet approved.") == {LABELLED + 26}
    # A place in a list is not an action point's number, nor a WRC agenda item.
    assert points_referred("SG5 has nothing specific to AI 1.2.") == set()
    assert points_referred("2) The database covers it.") == {2}


def test_done_in_other_languages(output: PipelineOutput) -> None:
    assert _closers(output, "s-002")[("Mar\u00eda Fern\u00e1ndez",)][0] == "m2"


@pytest.mark.parametrize(("clause", "closes"), [
    ("Hecho.", True),
    ("Listo - Colombia is now in the pilot group.", True),
    ("C'est fait pour le RAG : circulated today.", True),
    ("Erledigt f\u00fcr BDT.", True),
    ("El hecho de que no haya respuesta.", False),
    ("Listo para la reuni\u00f3n del martes.", False),
])
def test_done_in_other_languages_only_as_the_clause(clause: str, closes: bool) -> None:
    assert (delivery_statement(clause) is not None) is closes


def test_an_acceptance_of_a_request_put_as_a_question_leaves_it_open(
        output: PipelineOutput) -> None:
    assert _closers(output, "s-003")[("Sofia Lindqvist",)][0] is None


def test_an_acceptance_answers_a_question_about_willingness(output: PipelineOutput) -> None:
    assert _closers(output, "s-004")[("Sofia Lindqvist",)][0] == "m2"
