"""Closure round close-r22 (issue 13; minimal pairs: each test of a fix fails on `main`
7c71878, its pair passes on both), from the dev misses of w27 (action logs), w10 and
w16. Threads run through the whole pipeline (``run_pipeline``).

- An action log numbers its rows ("AL-2032-10  Joint note ...", "| AL-2032-35 | ...",
  "R-1  Update own rows ..."); a status reply naming a row ("AL-2032-10: final note
  attached") closes that row's items, not the sender's other rows. A number of another
  shape ("posted as TD-045") names no row.
- A question asking who will do something is answered by the person named as doing it
  ("For BDT I will coordinate", "for TSB it is Ahmed"), not by "I will check"; a request
  to nominate a member by who will serve ("For RAG, Jo\u00e3o will serve on the group").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.closure_items import answers_question
from iscg_mailbot.analyse.closure_people import names_the_person
from iscg_mailbot.analyse.closure_points import (
    LABELLED,
    LOGGED,
    on_rows,
    point_of,
    points_referred,
    rows_named,
)
from iscg_mailbot.analyse.closure_reading import defers_answer
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.evaluation import PipelineOutput
from iscg_mailbot.settings.members import load_members
from tests.eval_threads import ROOT, run_threads, thread

NADIA = "Nadia Haddad <nadia.haddad@itu.int>"
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"

LOG = ("Dear colleagues,\n\nReport of call 3/2032.\n\nACTIONS\n"
       "No.         Action                                      Owner      Due      Status\n"
       "AL-2032-31  Briefing note on quantum-safe numbering     TSB        30 Apr   new\n"
       "            for the advisory groups\n"
       "AL-2032-32  Glossary of satellite terms for newcomers   TSB        15 May   new\n"
       "R-1         Update own rows of the coordination table   TSB        each     recurring\n"
       "\nBest regards,\nNadia\n")
BY_ROW = "Dear all,\n\nAL-2032-32: done.\n\nHiroshi\n"
NO_ROW = "Dear all,\n\nDone.\n\nHiroshi\n"

THREADS = [
    thread("r22-001", "Action log", (NADIA, LOG), (HIROSHI, BY_ROW)),
    thread("r22-002", "Action log", (NADIA, LOG), (HIROSHI, NO_ROW)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r22"), THREADS)


def _closed(output: PipelineOutput, thread_id: str) -> dict[str, str | None]:
    return {item.sentence[:12]: item.closed_by
            for item in output.items.get((thread_id, "m1"), [])}


def test_a_status_reply_naming_a_row_closes_that_row_only(output: PipelineOutput) -> None:
    closed = _closed(output, "r22-001")
    assert [c for s, c in closed.items() if s.startswith("AL-2032-32")] == ["m2"]
    assert sum(c == "m2" for c in closed.values()) == 1  # not AL-2032-31 nor R-1


def test_a_reply_naming_no_row_may_close_the_senders_other_rows(
        output: PipelineOutput) -> None:
    # The pair: without the row's number, "Done." is read against all TSB's rows.
    closed = _closed(output, "r22-002")
    assert sum(c == "m2" for c in closed.values()) > 1


def test_log_row_numbers_in_tables() -> None:
    piped = ("| No.        | Action                    | Owner |\n"
             "| AL-2032-35 | Paragraphs on inter-Sector | BR    |\n"
             "|            | coordination for the plan  |       |\n")
    indented = "  AL-2032-26   Highlights per Bureau   TSB\n  R-1          Own rows   BDT\n"
    assert point_of(piped, piped.index("coordination")) == point_of(piped, piped.index("Para"))
    assert point_of(piped, piped.index("Para")) >= LOGGED
    assert point_of(indented, indented.index("Highlights")) != point_of(
        indented, indented.index("Own rows"))
    # The rows of another year, and the action points, are other points.
    assert rows_named("AL-2031-26 is closed.") != rows_named("AL-2032-26 done.")
    assert rows_named("For R-1: done.") != rows_named("AP 1: done.")
    assert points_referred("AI-2: done.") == {LABELLED + 2}
    assert rows_named("No row named here.") == frozenset()


def test_a_number_of_another_shape_names_no_row() -> None:
    text = "  AL-2032-26   Highlights per Bureau   TSB\n  AL-2032-27   Concept note   TSB\n"
    rows = [OpenItem(i, "TSB", "body", s, point_of(text, text.index(s)))
            for i, s in enumerate(("Highlights per Bureau", "Concept note"), start=1)]
    assert [i.id for i in on_rows(rows, "AL-2032-27: concept note attached.")] == [2]
    assert [i.id for i in on_rows(rows, "Concept note attached, posted as TD-045.")] == [1, 2]


MEMBERS = load_members(ROOT / "config" / "members.yaml")
WHO = ("BDT and BR: could you tell me by 20 May who in your Bureau coordinates the reply, "
       "so I can put the right people in copy?")
WHO_FOLLOWS = "Hiroshi, Pierre - could you tell me who in TSB and BDT will follow this up?"
AMARA = Address("Amara Diallo", "amara.diallo@itu.int")
HIROSHI_ADDRESS = Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")


@pytest.mark.parametrize(("question", "reply", "sender", "answered"), [
    (WHO, "For BDT I will coordinate; the rapporteur has been told.\n\nAmara\n", AMARA, True),
    (WHO, "For BDT I will check and come back to you.\n\nAmara\n", AMARA, False),
    (WHO, "Sure, will do.\n\nAmara\n", AMARA, False),
    (WHO_FOLLOWS, "Sofia, for TSB it is Ahmed.\n\nHiroshi\n", HIROSHI_ADDRESS, True),
    (WHO_FOLLOWS, "Sofia, I will check and revert.\n\nHiroshi\n", HIROSHI_ADDRESS, False),
])
def test_a_question_asking_who_is_answered_by_the_person_named(
        question: str, reply: str, sender: Address, answered: bool) -> None:
    assert answers_question(reply, question, owner="BDT, BR", sender=sender,
                            members=MEMBERS) is answered


@pytest.mark.parametrize(("promise", "named"), [
    ("For RAG, Jo\u00e3o will serve on the drafting group (he agreed).", True),
    ("For RAG, Jo\u00e3o will look at the drafting group's plan.", False),
])
def test_a_nomination_is_answered_by_who_will_serve(promise: str, named: bool) -> None:
    item = "Each advisory group to nominate one member of the drafting group - by 13 July."
    assert names_the_person(item, [promise]) is named


@pytest.mark.parametrize(("clause", "puts_off"), [
    ("WP 3K meets in November and your question is already on its draft agenda.", True),
    ("I will make sure it is on the agenda.", False),
    ("Andr\u00e9s and I will report back.", True),
    ("Andr\u00e9s and I will report to the group.", False),
    ("I've asked the Council secretariat.", True),
    ("I've asked the rapporteurs to include it.", False),
])
def test_an_answer_put_off_to_a_meeting_or_to_whoever_knows(clause: str, puts_off: bool) -> None:
    assert defers_answer(clause) is puts_off
