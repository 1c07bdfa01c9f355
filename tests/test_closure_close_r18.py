"""Closure round close-r18 (issue 13; minimal pairs: each test of a fix fails on `main`
1b0a3e2, its pair - the answer itself, the acceptance - passes on both), from the dev
misses of the writers w21-w23 and the same classes in w1-w20. Threads run through the
whole pipeline (``run_pipeline``).

- A chaser's status line ("TSB answer due tomorrow", "BR answer pending", "(a) BR -
  open", "(c) only Japan so far") and the owner's "I have asked the SG3 chairman; no
  answer yet" answer no question; the answer that follows does.
- A group's officer ("ITU-D SG2 vice-chair") speaks for the group: "Approved at the Q1/2
  meeting on Monday and sent to SG20 yesterday (SG2-LS12)", "Sent to SG5 on Friday
  (SG2-LS31)" meet the liaison's request to the group, as does "... y enviada hoy"; what
  the officer says meanwhile ("two cities so far; the meeting should approve the reply")
  does not, nor the incoming LS registered ("registered as SG3-LS12").
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.closure_liaison import meets_liaison
from iscg_mailbot.analyse.closure_reading import defers_answer
from iscg_mailbot.records import OpenItem
from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"
LIHUA = "Chen Lihua <chen.lihua@itu.int>"
ZHANG = "Zhang Wei <zhang.wei@example.cn>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"
LUIS = "Luis Ram\u00edrez <luis.ramirez@example.gob.mx>"

REVIEW = ("Dear colleagues,\n\nTSB: could you tell us by Friday 5 March whether SG17 experts "
          "could review the draft note on ransomware?\n\nPierre\n")
DUE = "TSB answer due tomorrow (Fri 5 March).\n\nI.\n"
CAN_REVIEW = "Yes: two Q4/17 experts can review the note.\n\nLihua\n"
DATA_BANKS = ("Dear colleagues,\n\nBR: can the Study Group 3 data banks be shared for machine "
              "learning benchmarks, and under which licence?\n\nZhang Wei\n")
PENDING = "BR answer pending.\n\nI.\n"
ASKED = "On the data banks: I have asked the SG3 chairman and counsellor.\n\n/Sofia\n"
HEATING = ("Colleagues,\n\nForwarding below for visibility.\n\nHiroshi\n\nLIAISON STATEMENT\n"
           "Source: ITU-T Study Group 20\nFor action to: ITU-D Study Group 2\n\n"
           "Action required: ITU-D SG2 is invited to provide case studies from cities in "
           "developing countries by 15 March 2027.\n")
SO_FAR = ("Ingrid, two cities so far (Ulaanbaatar and Almaty). The Q1/2 meeting on 4 March "
          "should approve the reply LS.\n\nLuis\n")
APPROVED = ("Approved at the Q1/2 meeting on Monday and sent to SG20 yesterday (SG2-LS12, "
            "copy attached). Three cities in the end.\n\nLuis\n")

THREADS = [
    thread("r-001", "Ransomware note", (PIERRE, REVIEW), (INGRID, DUE), (LIHUA, CAN_REVIEW)),
    thread("r-002", "Data banks", (ZHANG, DATA_BANKS), (INGRID, PENDING), (SOFIA, ASKED)),
    thread("r-003", "FW: LS from SG20", (HIROSHI, HEATING), (LUIS, SO_FAR), (LUIS, APPROVED)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r18"), THREADS)


def _closers(output: PipelineOutput, thread: str, message: str = "m1"
             ) -> dict[tuple[str, ...], tuple[str | None, dict[str, str]]]:
    return {item.owners: (item.closed_by, dict(item.share_closers))
            for item in output.items.get((thread, message), [])}


def test_a_chasers_status_line_answers_no_question(output: PipelineOutput) -> None:
    assert _closers(output, "r-001")[("TSB",)][0] == "m3"
    assert _closers(output, "r-002")[("BR",)][0] is None


def test_a_groups_officer_reports_the_groups_reply(output: PipelineOutput) -> None:
    assert _closers(output, "r-003")[("ITU-D SG2",)][0] == "m3"


_LIAISON = OpenItem(1, "ITU-D SG2", "group", "Action required: ITU-D SG2 is invited to "
                    "provide incident data from operators in developing countries.")


@pytest.mark.parametrize(("clause", "meets"), [
    ("Sent to SG5 on Fri 13 September (SG2-LS31), with 14 sites.", True),
    ("Approved by the Q5/2 rapporteur group on Tuesday and sent today.", True),
    ("Confirmed: it is registered as SG3-LS12 and allocated to WP 2/3.", False),
    ("Sent to the rapporteur this morning.", False),
])
def test_the_groups_reply_by_its_number_or_approved_and_sent(clause: str, meets: bool) -> None:
    assert meets_liaison(clause, "", _LIAISON) is meets


@pytest.mark.parametrize(("clause", "name"), [
    ("La respuesta, aprobada por el Grupo de Relator y enviada hoy por la BDT.", "delivered"),
    ("La respuesta ser\u00e1 aprobada en marzo.", None),
])
def test_sent_today_in_other_languages(clause: str, name: str | None) -> None:
    assert delivery_statement(clause) == name


@pytest.mark.parametrize(("clause", "put_off"), [
    ("TSB answer due tomorrow (Fri 5 April).", True),
    ("BR answer pending.", True),
    ("(a) BR - open", True),
    ("(c) only Japan so far", True),
    ("I have asked the TDAG vice-chairs from the Arab region", True),
    ("no answer yet", True),
    # The answers themselves, and the deed asked of others.
    ("Not yet - it will be published in April, after the council meets.", False),
    ("The session is open to all members.", False),
    ("I have asked the rapporteurs to include it in the draft.", False),
    ("Only two countries have replied so far, both attached.", False),
])
def test_an_answer_said_to_be_still_awaited_is_put_off(clause: str, put_off: bool) -> None:
    assert defers_answer(clause) is put_off


@pytest.mark.parametrize("text", [
    "I have asked the " + "a-b " * 20_000,
    "only " + "x " * 20_000 + "so far!",
    "answer " * 10_000 + "pending",
])
def test_hostile_input_stays_linear(text: str) -> None:
    started = time.process_time()
    defers_answer(text)
    assert time.process_time() - started < 1.0
