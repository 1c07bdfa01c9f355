"""Closure round close-r20 (issue 13; minimal pairs: each test of a fix fails on `main`
6ec5fcb, its pair passes on both), from the dev misses of w24-w26 and the writers before
them. Threads run through the whole pipeline (``run_pipeline``).

- "Attached." alone (or before brackets or a colon) reports the thing quoted or asked as
  sent; a headline ends at a check mark or an emoji ("BR section uploaded \u2705").
- A mailing list's footer and a disclaimer below a long signature are no new text: the
  reply "Yes." under them answers the question it quotes.
- A reply answering quotes inline answers each quoted item by what is written below its
  quote: "Yes, will do" under a request leaves it open while "None that I know of"
  under a question answers it.
- A guess left for the owner to confirm ("..., but TSB should confirm") puts off the
  answer.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.closure_quotes import inline_answers, quoted_at
from iscg_mailbot.analyse.closure_reading import defers_answer
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

KLAUS = "Klaus Brenner <klaus.brenner@example.de>"
ELENA = "Elena Petrova <elena.petrova@itu.int>"
OMAR = "Omar Khalil <omar.khalil@example.edu.eg>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"
MARIA = "Mar\u00eda Fern\u00e1ndez <maria.fernandez@example.gob.ar>"

FOOTER = ("\n_______________________________________________\n"
          "int-sect-team mailing list\nint-sect-team@lists.itu.int\n"
          "https://lists.itu.int/mailman/listinfo/int-sect-team\n")
SIGNATURE = ("\n-- \nPierre Lefebvre\nHead, TDAG Secretariat\n"
             "Telecommunication Development Bureau (BDT)\nInternational Telecommunication Union\n"
             "Place des Nations, CH-1211 Geneva 20, Switzerland\nTel: +41 22 730 5436\n"
             "pierre.lefebvre@itu.int\n\n"
             "This e-mail and any attachments are intended solely for the addressee(s)\n"
             "and may contain confidential or privileged information. If you are not the\n"
             "intended recipient, please notify the sender and delete this message. Views\n"
             "expressed are those of the sender and do not necessarily reflect the official\n"
             "position of the International Telecommunication Union.\n")

PROMISE = ("Good. Then I will prepare a German contribution to SG5 on aligning the two\n"
           "metrics and share it here by 28 November.\n\nKlaus\n")
ATTACHED = ("On Fri, 17 Oct 2031 07:55 +0200, Klaus Brenner wrote:\n"
            "> share it here by 28 November.\n\nAttached.\n\nKlaus\n")
FOR_INFO = ("On Fri, 17 Oct 2031 07:55 +0200, Klaus Brenner wrote:\n"
            "> share it here by 28 November.\n\nAttached next week, with the figures."
            "\n\nKlaus\n")
CONFIRM = ("ITU-D rules differ, as far as I remember: BDT offers full fellowships to\n"
           "academia from LDCs. Pierre, can you confirm that is still the case for 2031?\n\n"
           "Mar\u00eda\n")
YES = ("On Wed, 19 Mar 2031 15:44 -0300, Mar\u00eda Fern\u00e1ndez wrote:\n"
       "> Pierre, can you confirm that is still the case for\n> 2031?\n\nYes.\n\nPierre\n"
       + SIGNATURE + FOOTER)
ASKS = ("Hello,\n\nOmar, could you run the three attached files through both screen readers\n"
        "and report reading-order errors by 21 February?\n\n"
        "Is there any reason to keep producing untagged PDFs at all?\n\nElena\n")
INLINE = ("On Mon, 03 Feb 2031 10:10 +0100, Elena Petrova wrote:\n"
          "> Omar, could you run the three attached files through both screen readers\n"
          "> and report reading-order errors by 21 February?\n\n"
          "Yes, will do; the rig is booked for next week.\n\n"
          "> Is there any reason to keep producing untagged PDFs at all?\n\n"
          "None that I know of.\n\nOmar\n")

THREADS = [
    thread("s-001", "Energy per bit", (KLAUS, PROMISE), (KLAUS, ATTACHED)),
    thread("s-002", "Energy per bit", (KLAUS, PROMISE), (KLAUS, FOR_INFO)),
    thread("s-003", "Fellowships", (MARIA, CONFIRM), (PIERRE, YES)),
    thread("s-004", "Tagged PDF", (ELENA, ASKS), (OMAR, INLINE)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r20"), THREADS)


def _closers(output: PipelineOutput, thread: str) -> list[tuple[str, str | None]]:
    return [(item.sentence, item.closed_by) for item in output.items.get((thread, "m1"), [])]


def test_attached_alone_closes_the_promise_it_quotes(output: PipelineOutput) -> None:
    assert [closer for _, closer in _closers(output, "s-001")] == ["m2"]
    assert [closer for _, closer in _closers(output, "s-002")] == [None]


@pytest.mark.parametrize(("clause", "closes"), [
    ("Attached.", True),
    ("Attached (CSV, 12 venues, with a README on the meters used).", True),
    ("Attached: WP 5D draft vocabulary list, rev. 3.", True),
    ("BR quote attached \U0001f4ce (Director approved).", True),
    ("BR section uploaded \u2705", True),
    ("Recording uploaded \u2705 https://itu.sharepoint.com/sites/ISCG/final.mp4", True),
    ("Attached for your information.", False),
    ("Attached next week, with the figures.", False),
    ("BDT youth events attached, one day late, apologies.", False),
    ("Slides to be attached \U0001f4ce", False),
    ("Nothing uploaded yet \u2705", False),
])
def test_attached_alone_and_headlines_ended_by_a_mark(clause: str, closes: bool) -> None:
    assert (delivery_statement(clause) is not None) is closes


def test_the_lists_footer_and_a_disclaimer_are_no_new_text() -> None:
    new = split_new_text(YES)[0]
    assert "mailing list" not in new and "intended solely" not in new
    assert new.startswith("Yes.")
    french = ("Oui.\n\nLucia\n" + SIGNATURE.split("\n\nThis")[0] + "\n\nAVERTISSEMENT : Ce "
              "message et ses pi\u00e8ces jointes sont confidentiels et destin\u00e9s "
              "exclusivement\n\u00e0 leurs destinataires.\n")
    assert "AVERTISSEMENT" not in split_new_text(french)[0]
    # The list named in a sentence is new text.
    asked = "Lucia - will the mailing list itself be down too?\n\nJames\n"
    assert "mailing list" in split_new_text(asked)[0]


def test_yes_under_the_quote_answers_it_whatever_the_footer(output: PipelineOutput) -> None:
    assert [closer for _, closer in _closers(output, "s-003")] == ["m2"]


def test_each_quoted_item_is_answered_by_what_is_below_its_quote(
        output: PipelineOutput) -> None:
    closers = dict(_closers(output, "s-004"))
    request = next(s for s in closers if s.startswith("Omar"))
    question = next(s for s in closers if s.startswith("Is there"))
    assert closers[request] is None  # "Yes, will do": accepted, not done
    assert closers[question] == "m2"  # "None that I know of"


def test_inline_answers_and_the_quote_of_an_item() -> None:
    pairs = inline_answers(INLINE)
    assert [answer for _, answer in pairs] == [
        "Yes, will do; the rig is booked for next week.", "None that I know of.\n\nOmar"]
    quotes = [quote for quote, _ in pairs]
    assert quoted_at("Is there any reason to keep producing untagged PDFs at all?",
                     quotes) == 1
    assert quoted_at("Could BR send the list by Friday?", quotes) is None
    # One quote and one answer is a reply posted below the quote: no parts.
    assert inline_answers(ATTACHED) == []


@pytest.mark.parametrize(("clause", "defers"), [
    ("My understanding is that SG16 has some work on it, but TSB should confirm.", True),
    ("TSB can confirm that SG16 has work on it.", False),
])
def test_a_guess_left_for_the_owner_to_confirm(clause: str, defers: bool) -> None:
    assert defers_answer(clause) is defers
