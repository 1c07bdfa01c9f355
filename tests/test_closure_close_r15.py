"""Closure round close-r15 (issue 13; minimal pairs: the first case of each fails on
`main` de70039, its pair passes on both), from the dev misses of the fourteenth to
seventeenth writers checked against the earlier ones. Threads run through the whole
pipeline (``run_pipeline``).

- A reply heading its answer with the share it gives ("BDT: 15 (9 workshops, 6
  webinars)", "For BR: we already admit observers ...") answers that owner's share of a request put to
  several, though it shares no word with the request or promises beside what it reports;
  an answer put off under the label ("For BDT: I will check ... and come back") does not.
- A group's reply reported in more of the words writers use ("SG3 agreed today its
  reply", "ITU-D SG2 sent its feedback to SG17", "The reply liaison of ITU-D SG1 ... was
  approved by the management team", "The ITU-D SG1 reply went out this morning") closes
  the liaison's request to that group; a reply still to be agreed or sent does not.
- A promise kept by a colleague: "I will ask the co-rapporteurs to prepare a reply",
  given in answer to a liaison's request, is kept when another officer of the same
  Bureau reports the reply sent; the same report by an officer of another Bureau
  closes the request, not the promise.
- Joint work: a part sent to a co-owner ("I have sent my part of the draft to Klaus",
  "BR's part of the one-pager has gone to Hiroshi", TSB's) is a step between them, not
  the delivery; a delivery said to be theirs
  together ("Our joint input ... was submitted", "attached the two paragraphs, with
  Priya's edits") closes every owner's share; a delivery not said so, the sender's.
- An item the owner hands on to a person ("As for the presentation, I need to check with
  Sofia") is closed by that person's own reply on it ("I can present it remotely"); not
  by her answer put off, nor by somebody else's reply.
- Comments sent "as preliminary" ("Some first reactions from TDAG; Priya will add
  hers, so please treat these as preliminary") leave the share open; the same comments
  not so qualified close it.
- A wish says nothing ("Will do, Ingrid. All the best Klaus!" accepts, and stays
  open); the same wish after the deed ("Done - added. All the best Klaus!") closes.
- A greeting with a Japanese honorific ("Dear Yuki-san") greets Yuki, so the reply
  answers Yuki's question; one greeting somebody else ("Dear Lucia-san") does not.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

LUCIA = "Lucia Bianchi <lucia.bianchi@itu.int>"
GRACE = "Grace Mwangi <grace.mwangi@itu.int>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
PRIYA = "Priya Raman <priya.raman@example.gov.in>"
MARIA = "Mar\u00eda Fern\u00e1ndez <maria.fernandez@example.gob.ar>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"
TOMAS = "Tom\u00e1s Herrera <tomas.herrera@itu.int>"


FIGURES = ("Dear colleagues,\n\nTSB, BR and BDT: please send me your figures by Friday "
           "12 March - a short e-mail is enough.\n\nLucia\n")
BDT_FIGURES = "Dear Lucia,\n\nBDT: 15 (9 workshops, 6 webinars).\n\nGrace\n"
BDT_PUT_OFF = ("Dear Lucia,\n\nFor BDT: I will check with the regional offices and come "
               "back to you.\n\nGrace\n")
OBSERVERS = ("Dear colleagues,\n\nWould the three Bureaux consider opening their "
             "courses to observers from academia?\n\nPriya\n")
BR_VIEW = ("Dear Priya,\n\nFor BR: we already admit two observers to each spectrum "
           "management course, and we will continue next year.\n\nSofia\n")
LIAISON = ("Dear colleagues,\n\nFYI, the liaison below from ITU-D SG1 went out on Friday."
           "\n\nLIAISON STATEMENT\nSource: ITU-D Study Group 1\nFor: Action (ITU-T SG3)\n\n"
           "ITU-T SG3 is invited to comment on chapter 4 of the draft report on mobile "
           "payments, in particular on fees for small transactions.\n\nPierre\n")
SG3_AGREED = ("Dear all,\n\nSG3 agreed today its reply to ITU-D SG1 (SG3-LS12, attached). "
              "It supports a cap on fees.\n\nHiroshi\n")
SG3_TO_AGREE = ("Dear all,\n\nSG3 will agree its reply to ITU-D SG1 at its October "
                "meeting.\n\nHiroshi\n")
TO_SG1 = ("Dear colleagues,\n\nForwarded for action by ITU-D.\n\nLIAISON STATEMENT\n"
          "Source: ITU-R Study Group 1\nFor action to: ITU-D Study Group 1\n\nITU-D Study "
          "Group 1 is invited to provide information on how administrations publish their "
          "frequency tables.\n\nSofia\n")
SG1_APPROVED = ("Dear all,\n\nThe reply liaison of ITU-D SG1 on frequency tables was "
                "approved by the SG1 management team by correspondence and sent to ITU-R "
                "SG1 today.\n\nTom\u00e1s\n")
SG1_TO_APPROVE = ("Dear all,\n\nThe reply liaison of ITU-D SG1 on frequency tables will "
                  "be approved by the SG1 management team by correspondence next month."
                  "\n\nTom\u00e1s\n")
YUKI = "Yuki Sato <yuki.sato@example.go.jp>"
BALLOONS = ("Dear colleagues,\n\nCould BR kindly tell us whether the 403 MHz band is still "
            "the one to recommend for weather balloon radios?\n\nYuki\n")
BAND = ("Dear {name}-san,\n\nThe 403 MHz band remains allocated to the meteorological aids "
        "service and is still the usual choice for new equipment.\n\nSofia\n")
ASK_RAPPORTEURS = ("Thanks Sofia. I will ask the co-rapporteurs of the ITU-D SG1 "
                   "Question on regulation to prepare a short reply on frequency tables."
                   "\n\nPierre\n")
INGRID = "Ingrid Solheim <ingrid.solheim@example.no>"
SUCCESSOR = ("Dear Klaus,\n\nThank you for everything.\n\nLucia, could you please "
             "subscribe Klaus's successor to the list as soon as TSAG confirms the name?"
             "\n\nIngrid\n")
WILL_DO = "Will do, Ingrid. All the best Klaus!\nLucia\n"
DONE_WISH = "Done, Ingrid - subscribed today. All the best Klaus!\nLucia\n"
KLAUS = "Klaus Brenner <klaus.brenner@example.de>"
ZHANG = "Zhang Wei <zhang.wei@example.cn>"
ANDRES = "Andr\u00e9s Guti\u00e9rrez <andres.gutierrez@example.gov.co>"
TSAG_INPUT = ("Dear colleagues,\n\nThe actions of our meeting:\n\n- TSAG input: Klaus and "
              "Zhang Wei to prepare a short input to TSAG on overlaps between the study "
              "groups, by 1 September.\n\nIngrid\n")
MY_PART = ("Dear Ingrid,\n\nFor the TSAG input, I have sent my part of the draft to Klaus "
           "yesterday. Klaus will merge it with his part.\n\nZhang Wei\n")
JOINT_SUBMITTED = ("Dear all,\n\nOur joint input for TSAG was submitted today and will "
                   "appear as TSAG-C 61.\n\nKlaus\n")
MENTORING = ("Dear colleagues,\n\nNotes of the side meeting.\n\nACTION: Priya Raman and "
             "Andr\u00e9s Guti\u00e9rrez to draft two paragraphs on remote mentoring for "
             "the TDAG report by 30 June.\n\nMar\u00eda\n")
WITH_EDITS = ("Dear Mar\u00eda,\n\nA day late, sorry: attached the two paragraphs on "
              "remote mentoring, with Priya's edits.\n\nAndr\u00e9s\n")
MINE_ONLY = ("Dear Mar\u00eda,\n\nA day late, sorry: attached my paragraph on remote "
             "mentoring.\n\nAndr\u00e9s\n")
DRAFT_RULES = ("Dear colleagues,\n\nPlease find attached the draft ground rules. I would "
               "appreciate comments from the RAG and TDAG vice-chairs by Friday 14 May."
               "\n\nKlaus\n")
PRELIMINARY = ("Dear Klaus,\n\nSome first reactions from TDAG; Priya has said she will add "
               "hers, so please treat these as preliminary.\n\nRule (4): 12 days is fine on "
               "paper, but the captioners receive the documents much later.\n\nMar\u00eda\n")
FINAL = ("Dear Klaus,\n\nThese are the TDAG comments.\n\nRule (4): 12 days is fine on "
         "paper, but the captioners receive the documents much later.\n\nMar\u00eda\n")
WENT_OUT = ("Dear all,\n\nThe ITU-D SG1 reply went out this morning as SG1-LS38, with "
            "the two case studies in annex.\n\nPierre\n")
GOES_OUT = ("Dear all,\n\nThe ITU-D SG1 reply will go out next week as SG1-LS38, with "
            "the two case studies in annex.\n\nPierre\n")
RAJESH = "Rajesh Iyer <rajesh.iyer@itu.int>"
ONE_PAGER = ("Dear all,\n\nConclusions of our meeting:\n\n1. BR and TSB to prepare a joint "
             "one-page note on the energy efficiency of IMT-2030 networks by 30 June.\n\n"
             "Ingrid\n")
BR_PART = "BR's part of the one-pager has gone to Hiroshi for consolidation.\nRajesh\n"
JOINT_NOTE = ("Dear Ingrid,\n\nThe joint BR/TSB note on IMT-2030 energy efficiency is "
              "attached.\n\nHiroshi\n")
PRESENT = ("Dear colleagues,\n\nCould someone from BR present the WRC-27 note at TDAG-27 "
           "on 24 May?\n\nMar\u00eda\n")
CHECK_WITH = ("Dear Mar\u00eda,\n\nAs for the presentation, I need to check with Sofia, who "
              "is travelling for the regional meetings in May.\n\nRajesh\n")
CAN_PRESENT = ("Rajesh, Mar\u00eda - I can present it remotely on the morning of the first "
               "day.\n\nSofia\n")
LATER = ("Rajesh, Mar\u00eda - I will check my travel plans and come back to you.\n\n"
         "Sofia\n")

THREADS = [
    thread("q-001", "Figures for the annual report", (LUCIA, FIGURES), (GRACE, BDT_FIGURES)),
    thread("q-002", "Figures for the annual report, again", (LUCIA, FIGURES),
           (GRACE, BDT_PUT_OFF)),
    thread("q-003", "Observers in the courses", (PRIYA, OBSERVERS), (SOFIA, BR_VIEW)),
    thread("q-004", "FW: LS on mobile payments", (PIERRE, LIAISON), (HIROSHI, SG3_AGREED)),
    thread("q-005", "FW: LS on mobile payments, again", (PIERRE, LIAISON),
           (HIROSHI, SG3_TO_AGREE)),
    thread("q-006", "FW: LS on frequency tables", (SOFIA, TO_SG1), (TOMAS, SG1_APPROVED)),
    thread("q-007", "FW: LS on frequency tables, again", (SOFIA, TO_SG1),
           (TOMAS, SG1_TO_APPROVE)),
    thread("q-010", "FW: LS on frequency tables, a reply", (SOFIA, TO_SG1),
           (PIERRE, ASK_RAPPORTEURS), (TOMAS, SG1_APPROVED)),
    thread("q-011", "FW: LS on frequency tables, a reply again", (SOFIA, TO_SG1),
           (PIERRE, ASK_RAPPORTEURS), (HIROSHI, SG1_APPROVED.replace("Tom\u00e1s", "Hiroshi"))),
    thread("q-012", "My last message", (INGRID, SUCCESSOR), (LUCIA, WILL_DO)),
    thread("q-013", "My last message, again", (INGRID, SUCCESSOR), (LUCIA, DONE_WISH)),
    thread("q-014", "After our meeting", (INGRID, TSAG_INPUT), (ZHANG, MY_PART),
           (KLAUS, JOINT_SUBMITTED)),
    thread("q-021", "Conclusions", (INGRID, ONE_PAGER), (RAJESH, BR_PART),
           (HIROSHI, JOINT_NOTE)),
    thread("q-015", "Kigali notes", (MARIA, MENTORING), (ANDRES, WITH_EDITS)),
    thread("q-016", "Kigali notes, again", (MARIA, MENTORING), (ANDRES, MINE_ONLY)),
    thread("q-017", "Draft ground rules", (KLAUS, DRAFT_RULES), (MARIA, PRELIMINARY)),
    thread("q-018", "Draft ground rules, again", (KLAUS, DRAFT_RULES), (MARIA, FINAL)),
    thread("q-019", "FW: LS on frequency tables, out", (SOFIA, TO_SG1), (PIERRE, WENT_OUT)),
    thread("q-020", "FW: LS on frequency tables, not yet", (SOFIA, TO_SG1),
           (PIERRE, GOES_OUT)),
    thread("q-022", "TDAG note", (MARIA, PRESENT), (RAJESH, CHECK_WITH), (SOFIA, CAN_PRESENT)),
    thread("q-023", "TDAG note, again", (MARIA, PRESENT), (RAJESH, CHECK_WITH), (SOFIA, LATER)),
    thread("q-024", "TDAG note, once more", (MARIA, PRESENT), (RAJESH, CHECK_WITH),
           (HIROSHI, CAN_PRESENT.replace("Sofia", "Hiroshi"))),
    thread("q-008", "Balloon radios", (YUKI, BALLOONS), (SOFIA, BAND.format(name="Yuki"))),
    thread("q-009", "Balloon radios, again", (YUKI, BALLOONS),
           (SOFIA, BAND.format(name="Lucia"))),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r15"), THREADS)


def _shares(output: PipelineOutput, thread: str, message: str) -> list[dict[str, str]]:
    return [dict(item.share_closers) for item in output.items.get((thread, message), [])]


def test_a_labelled_share_answers_the_request(output: PipelineOutput) -> None:
    assert _shares(output, "q-001", "m1") == [{"BDT": "m2"}]


def test_an_answer_put_off_under_the_label_answers_nothing(output: PipelineOutput) -> None:
    assert _shares(output, "q-002", "m1") == [{}]


def test_a_labelled_share_answers_a_question_beside_a_promise(output: PipelineOutput) -> None:
    assert _shares(output, "q-003", "m1") == [{"BR": "m2"}]


def _closers(output: PipelineOutput, thread: str, message: str) -> list[tuple[tuple[str, ...],
                                                                              str | None]]:
    return [(item.owners, item.closed_by) for item in output.items.get((thread, message), [])]


def test_a_groups_reply_agreed_today_closes_its_request(output: PipelineOutput) -> None:
    assert _closers(output, "q-004", "m1") == [(("ITU-T SG3",), "m2")]
    assert _closers(output, "q-005", "m1") == [(("ITU-T SG3",), None)]


def test_a_reply_liaison_approved_closes_the_groups_request(output: PipelineOutput) -> None:
    assert _closers(output, "q-006", "m1") == [(("ITU-D SG1",), "m2")]
    assert _closers(output, "q-007", "m1") == [(("ITU-D SG1",), None)]


def test_a_reply_that_went_out_closes_the_groups_request(output: PipelineOutput) -> None:
    assert _closers(output, "q-019", "m1") == [(("ITU-D SG1",), "m2")]
    assert _closers(output, "q-020", "m1") == [(("ITU-D SG1",), None)]


def test_a_greeting_with_an_honorific_greets_the_asker(output: PipelineOutput) -> None:
    assert _closers(output, "q-008", "m1") == [(("BR",), "m2")]
    assert _closers(output, "q-009", "m1") == [(("BR",), None)]


def test_a_colleague_of_the_same_bureau_keeps_the_promise(output: PipelineOutput) -> None:
    assert _closers(output, "q-010", "m1") == [(("ITU-D SG1",), "m3")]
    assert _closers(output, "q-010", "m2") == [(("Pierre Lefebvre",), "m3")]


def test_an_officer_of_another_bureau_does_not(output: PipelineOutput) -> None:
    assert _closers(output, "q-011", "m1") == [(("ITU-D SG1",), "m3")]
    assert _closers(output, "q-011", "m2") == [(("Pierre Lefebvre",), None)]


def test_a_wish_beside_an_acceptance_says_nothing(output: PipelineOutput) -> None:
    assert _closers(output, "q-012", "m1") == [(("Lucia Bianchi",), None)]
    assert _closers(output, "q-013", "m1") == [(("Lucia Bianchi",), "m2")]


def _closer_for(output: PipelineOutput, thread: str, owner: str) -> list[str | None]:
    return [item.closer_for(owner) for item in output.items.get((thread, "m1"), [])]


def test_a_part_sent_to_a_co_owner_is_a_step(output: PipelineOutput) -> None:
    assert _closer_for(output, "q-014", "Zhang Wei") == ["m3"]
    assert _closer_for(output, "q-014", "Klaus Brenner") == ["m3"]
    assert _closer_for(output, "q-021", "BR") == ["m3"]


def test_a_delivery_with_the_co_owners_part_closes_both(output: PipelineOutput) -> None:
    assert _closer_for(output, "q-015", "Priya Raman") == ["m2"]
    assert _closer_for(output, "q-016", "Priya Raman") == [None]
    assert _closer_for(output, "q-016", "Andr\u00e9s Guti\u00e9rrez") == ["m2"]


def test_comments_sent_as_preliminary_leave_the_share_open(output: PipelineOutput) -> None:
    assert _closer_for(output, "q-017", "TDAG") == [None]
    assert _closer_for(output, "q-018", "TDAG") == ["m2"]


def test_the_person_handed_the_item_answers_it(output: PipelineOutput) -> None:
    assert _closers(output, "q-022", "m2") == [(("Rajesh Iyer",), "m3")]
    assert _closers(output, "q-023", "m2") == [(("Rajesh Iyer",), None)]
    assert _closers(output, "q-024", "m2") == [(("Rajesh Iyer",), None)]
