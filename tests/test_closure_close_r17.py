"""Closure round close-r17 (issue 13; minimal pairs: each test of a fix fails on `main`
0f1eb87, its pair - the thing still to come, the acceptance, the single answer - passes
on both), from the dev misses of the writers w18-w20 and the same classes in w1-w17.
Threads run through the whole pipeline (``run_pipeline``).

- A group's reply reported in a headline ("Q7/2 reply LS went to WP 1B yesterday"), a
  Question acting for its study group; not the reply still to be sent.
- The state the deed left, now ("The recording is now available to members"); not
  "will be available".
- "attached" last after a dash ("Sofia asked me to send the BR text - attached").
- The rest dated with an apology and no verb is still to come ("TSB on Thursday, sorry").
- A call to the whole list closes when its asker declares the round over ("Thanks
  everyone who replied ... no need to write to me any more", "suggestions are in"),
  not by one member's answer.
- A question asking whether is answered by "Yes, ..." with words of its own, whatever
  the rest promises; a request to deliver is not ("Yes, we will send it next week").
- An answer put off in a contracted form ("Perhaps. I'll raise it with ...") is none.
- The General Secretariat's staff speak for "the secretariat".
- A question naming no owner is not answered by a reply that talks about another open
  item of the thread and not about it ("Yes, our expert can review the glossary").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.closure_later import REST_TO_COME
from iscg_mailbot.analyse.closure_rounds import declares_round_over, is_call
from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

LUCIA = "Lucia Bianchi <lucia.bianchi@itu.int>"
NADIA = "Nadia Haddad <nadia.haddad@itu.int>"
INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
RAJESH = "Rajesh Iyer <rajesh.iyer@itu.int>"
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"
AMARA = "Amara Diallo <amara.diallo@itu.int>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"
KLAUS = "Klaus Brenner <klaus.brenner@example.de>"
YUKI = "Yuki Sato <yuki.sato@example.go.jp>"
ANDRES = "Andr\u00e9s Guti\u00e9rrez <andres.gutierrez@example.gov.co>"

LIAISON = ("Dear colleagues,\n\nFor ITU-D, the LS below.\n\nSofia\n\nLIAISON STATEMENT\n"
           "Source: ITU-R Working Party 1B\nTo: ITU-D Study Group 2 (for action)\n\n"
           "Action required: ITU-D SG2 is invited to provide national examples of spectrum "
           "fees for community networks.\nDeadline: 30 September 2027\n")
REPLY_WENT = "Q7/2 reply LS went to WP 1B yesterday (attached), with five examples.\nAmara\n"
REPLY_TO_COME = "Q7/2 reply LS will be sent to WP 1B next week, with five examples.\nAmara\n"
SLIDES = ("Dear all,\n\nThe recording of Tuesday's session will be posted on the SharePoint "
          "within two working days.\n\nNadia\n")
SLIDES_UP = "Dear all,\n\nThe recording is now available to members, under Meetings.\n\nNadia\n"
SLIDES_LATER = ("Dear all,\n\nThe recording will be available to members on Monday, under "
                "Meetings.\n\nNadia\n")
TEXTS = ("Dear all,\n\nBR and TSB: your half page on joint events for the annual report, "
         "by 20 March please.\n\nIngrid\n")
BR_DASH = "Sofia asked me to send the BR text - attached.\nRajesh\n"
BR_LATER = "Sofia asked me to send the BR text - it follows tomorrow.\nRajesh\n"
TSB_SORRY = "TSB on Thursday, sorry - still with the Director.\nHiroshi\n"
TSB_DONE = "TSB half page attached.\nHiroshi\n"
ROOM = ("Dear colleagues,\n\nCould you all tell me by Monday whether you will join the "
        "12 May meeting in person or online?\n\nLucia\n")
ONLINE = "Online for me.\nYuki\n"
ROUND_OVER = ("Thanks everyone who replied - the room is booked for nine, so no need to "
              "write to me any more.\nLucia\n")
ROWS = ("Dear all,\n\nWhich rows of the 2027 plan should we keep? Please send suggestions "
        "by 3 December.\n\nIngrid\n")
KEEP = "TSAG would keep the row on accessibility.\nKlaus\n"
ROWS_IN = "Thanks all - suggestions are in. I'll fold them into the draft.\nIngrid\n"
PLANNED = ("Hola,\n\nBDT: is a regional workshop on crowdsourced measurements planned for "
           "the Andean countries next year?\n\nAndr\u00e9s\n")
YES_PLAN = ("Yes, the Regional Office for the Americas will prepare one for Lima in March "
            "2028, with the regional regulators' forum.\nAmara\n")
PUT_OFF = ("Perhaps. I'll raise it with the Regional Office for the Americas when we plan "
           "2028.\nPierre\n")
AGENDA = "Hola,\n\nCould BDT send the agenda of the Lima workshop?\n\nAndr\u00e9s\n"
YES_SEND = "Yes, we will send it next week.\nAmara\n"
DRAFT = ("Dear all,\n\nThe secretariat is requested to prepare a first draft of the annual "
         "report by 3 November.\n\nIngrid\n")
DRAFT_SENT = ("Dear Ingrid,\n\nPlease find attached the first draft of the annual report "
              "(ISCG-27/23).\n\nLucia\n")
OMAR = "Omar Khalil <omar.khalil@example.edu.eg>"
ZHANG = "Zhang Wei <zhang.wei@example.cn>"
TWO_QUESTIONS = ("Dear all,\n\nDoes anyone know whether the 2026 drone survey is still open? "
                 "And Zhang Wei, is your offer to review the Chinese glossary still valid?\n\n"
                 "Omar\n")
REVIEW_OK = "Yes, our expert can review the glossary within two weeks.\nZhang Wei\n"

THREADS = [
    thread("s-001", "FW: LS from WP 1B", (SOFIA, LIAISON), (AMARA, REPLY_WENT)),
    thread("s-002", "FW: LS from WP 1B, again", (SOFIA, LIAISON), (AMARA, REPLY_TO_COME)),
    thread("s-003", "Slides", (NADIA, SLIDES), (NADIA, SLIDES_UP)),
    thread("s-004", "Slides, again", (NADIA, SLIDES), (NADIA, SLIDES_LATER)),
    thread("s-005", "Half a page each", (INGRID, TEXTS), (RAJESH, BR_DASH),
           (HIROSHI, TSB_SORRY)),
    thread("s-006", "Half a page each, again", (INGRID, TEXTS), (RAJESH, BR_LATER),
           (HIROSHI, TSB_DONE)),
    thread("s-007", "12 May: room or online?", (LUCIA, ROOM), (YUKI, ONLINE),
           (LUCIA, ROUND_OVER)),
    thread("s-008", "Rows to keep", (INGRID, ROWS), (KLAUS, KEEP), (INGRID, ROWS_IN)),
    thread("s-009", "Workshop for the Andean countries", (ANDRES, PLANNED), (AMARA, YES_PLAN)),
    thread("s-010", "Workshop for the Andean countries, again", (ANDRES, PLANNED),
           (PIERRE, PUT_OFF)),
    thread("s-011", "Lima agenda", (ANDRES, AGENDA), (AMARA, YES_SEND)),
    thread("s-012", "Annual report", (INGRID, DRAFT), (LUCIA, DRAFT_SENT)),
    thread("s-013", "Two questions", (OMAR, TWO_QUESTIONS), (ZHANG, REVIEW_OK)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r17"), THREADS)


def _closers(output: PipelineOutput, thread: str, message: str = "m1"
             ) -> dict[tuple[str, ...], tuple[str | None, dict[str, str]]]:
    return {item.owners: (item.closed_by, dict(item.share_closers))
            for item in output.items.get((thread, message), [])}


def test_a_groups_reply_reported_in_a_headline_meets_its_liaison(
        output: PipelineOutput) -> None:
    assert _closers(output, "s-001")[("ITU-D SG2",)][0] == "m2"
    assert _closers(output, "s-002")[("ITU-D SG2",)][0] is None


def test_the_state_a_deed_left_now_closes_it(output: PipelineOutput) -> None:
    assert [c for c, _ in _closers(output, "s-003").values()] == ["m2"]
    assert [c for c, _ in _closers(output, "s-004").values()] == [None]


def test_attached_after_a_dash_delivers_and_a_dated_apology_does_not(
        output: PipelineOutput) -> None:
    assert _closers(output, "s-005")[("BR", "TSB")] == (None, {"BR": "m2"})
    assert _closers(output, "s-006")[("BR", "TSB")] == (None, {"TSB": "m3"})


def test_a_call_to_everyone_closes_when_its_asker_ends_the_round(
        output: PipelineOutput) -> None:
    assert [c for c, _ in _closers(output, "s-007").values()] == ["m3"]
    assert [c for c, _ in _closers(output, "s-008").values()] == ["m3"]


def test_yes_with_a_promise_answers_whether_but_accepts_a_request(
        output: PipelineOutput) -> None:
    assert _closers(output, "s-009")[("BDT",)][0] == "m2"
    assert _closers(output, "s-011")[("BDT",)][0] is None


def test_an_answer_put_off_in_a_contracted_form_is_none(output: PipelineOutput) -> None:
    assert _closers(output, "s-010")[("BDT",)][0] is None


def test_the_general_secretariats_staff_deliver_for_the_secretariat(
        output: PipelineOutput) -> None:
    assert [c for c, _ in _closers(output, "s-012").values()] == ["m2"]


def test_a_question_to_nobody_is_not_answered_by_the_reply_to_another(
        output: PipelineOutput) -> None:
    assert _closers(output, "s-013") == {(): (None, {}), ("Zhang Wei",): ("m2", {})}


@pytest.mark.parametrize(("clause", "name"), [
    ("Reply LS from ITU-D SG2 sent to SG17 this morning (SG2-LS 34).", "attached"),
    ("SG17's reply LS was approved today.", "attached"),
    ("The reply LS will be sent to SG17 next week.", None),
    ("The reply LS is not yet approved.", None),
    ("The recording is now available on the SharePoint.", "delivered"),
    ("The toolkit is available in English only.", None),
    ("Hiroshi asked me to send the TSB text - attached.", "attached"),
])
def test_statements(clause: str, name: str | None) -> None:
    assert delivery_statement(clause) == name


def test_readings() -> None:
    assert REST_TO_COME.search("TSB on Monday sorry, waiting Director clearance")
    assert not REST_TO_COME.search("TSB lines attached, sorry for the delay")
    assert declares_round_over("Poll closed, 17 replies - thank you.")
    assert not declares_round_over("Online for me, as usual.")
    assert is_call("Could we move it to 15:00? Please shout by Friday if that does not work")
    assert not is_call("Does anyone's regulator publish the figures?")


@pytest.mark.parametrize("text", [
    "reply LS " + "a " * 25_000,
    "reply LS" + " x" * 25_000 + " sent",
    ", " * 25_000 + "attached!" * 10,
    "Thanks " + "everyone " * 6_000,
    "no objection " * 4_000,
    "on Monday " * 5_000 + "sorry",
])
def test_hostile_input_stays_linear(text: str) -> None:
    import time

    started = time.process_time()
    delivery_statement(text)
    REST_TO_COME.search(text)
    declares_round_over(text)
    is_call(text)
    assert time.process_time() - started < 1.0
