"""Terse, telegraphic requests (issue 13; branch act-terse; minimal pairs of our own
wording: each test of a fix fails on `main` 0f1eb87, the message written out in full, or
the report, passes on both). Shorthand is read by the pipeline (run_threads).

- Shorthand request words ("pls", "u", "til", "b4") are read as the words they stand
  for, as mail from a phone writes them (the fourth and eighteenth writers' dev parts:
  "Lucia: once reviewed, pls circulate ...", "Elena, ... Pls send prioritised list by
  22 Sept."), and only as whole words.
- A request whose verb is dropped ("Comments welcome until 7 January", "Contributions by
  Thu 2 March", the fifth, fourteenth and eighteenth writers) is an item when a day it is
  wanted by follows; "Comments received by 5 March" reports, and is none.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse import terse_words
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.analyse.terse_words import spelt_out
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.services.evaluation import PipelineOutput
from iscg_mailbot.settings.action_rules import RULES
from tests.eval_threads import run_threads, thread

SENT = datetime(2027, 2, 22, 9, 0, tzinfo=timezone(timedelta(hours=1)))
LIST = "int-sect-team@lists.itu.int"
OLGA = "Olga Marin <olga.marin@example.org>"
AGENDA = ("Dear all,\n\nAgenda attached. Contributions by Thu 4 March so Lucia can post them "
          "a week before.\n\nOlga\n")


def _items(text: str) -> list[tuple[str, str | None, str | None]]:
    message = ActionInput(text, SENT, sender=Address("Olga Marin",
                                                                "olga.marin@example.org"),
                          to=(Address("", LIST),), list_address=LIST)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [(c.kind, c.owner, c.due.isoformat() if c.due else None) for c in found]


@pytest.mark.parametrize(("short", "long"), [
    ("Pls send BDT input til 5/3, can u confirm b4 TSAG?",
     "Please send BDT input until 5/3, can you confirm before TSAG?"),
    ("PLS reply", "PLEASE reply"),
    ("Til Friday, plz, b4 noon", "Until Friday, please, before noon"),
])
def test_shorthand_is_spelt_out(short: str, long: str) -> None:
    assert spelt_out(short) == long


@pytest.mark.parametrize("text", [
    "Bureau U and the ur-text", "see pls.doc and u/2", "Mail plsend@example.org",
    "Annex UR", "Tilburg and the till receipt", "the B4 paper size",
])
def test_shorthand_only_as_whole_words(text: str) -> None:
    assert spelt_out(text) == text


def test_the_quick_test_passes_over_no_shorthand() -> None:
    """``spelt_out`` returns a text untouched when its quick test finds nothing
    (perf-ext2): the test must find every short form the substitution writes out, in
    every surrounding (every sequence of up to three of these pieces)."""
    pieces = ["pls", "PlSe", "plz", "pLs", "til", "TIL", "u", "ur", "b4", "U", "B4", "x",
              "e", "4", ".", " ", "/", "-", "'", "@", "&", "\u2019", "\n"]
    texts = [""]
    for _ in range(3):
        texts = [t + p for t in texts for p in pieces]
        for text in texts:
            if terse_words._SHORT.search(text):
                assert terse_words._MAYBE_SHORT.search(text), text


@pytest.mark.parametrize(("text", "due"), [
    ("Dear all,\n\nDraft script attached. Comments welcome until 7 March.\n\nOlga\n",
     "2027-03-07"),
    (AGENDA, "2027-03-04"),
    ("Dear all,\n\nProgramme attached. Names of speakers to me by 8 March.\n\nOlga\n",
     "2027-03-08"),
])
def test_a_request_with_its_verb_dropped_is_an_item(text: str, due: str) -> None:
    assert [(kind, when) for kind, _, when in _items(text)] == [("action", due)]


@pytest.mark.parametrize("text", [
    "Dear all,\n\nComments received by 20 February were all taken in.\n\nOlga\n",
    "Dear all,\n\nComments welcome, as always.\n\nOlga\n",
    "Dear all,\n\nWe discussed the comments by phone on Friday.\n\nOlga\n",
])
def test_a_report_or_an_undated_wish_is_no_item(text: str) -> None:
    assert _items(text) == []


TABLE = ("Dear all,\n\nThe table is nearly final. BR: once reviewed, {} circulate it to the "
         "Council WG by 12 March.\n\nOlga\n")
SLIDES = "Dear all,\n\nTSB, {} send me your slides {} 5/3.\n\nOlga\n"
ROOM = "Dear all,\n\nBDT, can {} confirm the room for 12 March?\n\nOlga\n"
# Each shorthand message, and the same message written out in full.
PAIRS = {
    "t-01": (TABLE.format("pls"), TABLE.format("please")),
    "t-02": (TABLE.format("Plz"), TABLE.format("Please")),
    "t-03": (SLIDES.format("pls", "til"), SLIDES.format("please", "until")),
    "t-04": (SLIDES.format("pls", "b4"), SLIDES.format("please", "before")),
    "t-05": (ROOM.format("u"), ROOM.format("you")),
}
THREADS = [thread(f"{ident}{form}", "Shorthand", (OLGA, body))
           for ident, pair in PAIRS.items() for form, body in zip("sf", pair, strict=True)]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("terse"), THREADS)


def _read(output: PipelineOutput, ident: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(i.kind, i.owners, i.due.isoformat() if i.due else None)
            for i in output.items.get((ident, "m1"), [])]


@pytest.mark.parametrize(("ident", "want"), [
    ("t-01", [("action", ("BR",), "2027-03-12")]),
    ("t-02", [("action", ("BR",), "2027-03-12")]),
    ("t-03", [("action", ("TSB",), "2027-03-05")]),
    ("t-04", [("action", ("TSB",), "2027-03-04")]),  # "before" is the day before
    ("t-05", [("question", ("BDT",), "2027-03-12")]),
])
def test_shorthand_asks_and_dates_as_the_words_in_full_do(
        output: PipelineOutput, ident: str, want: list[tuple[str, tuple[str, ...], str]]
) -> None:
    assert _read(output, f"{ident}f") == want
    assert _read(output, f"{ident}s") == want


def test_new_patterns_stay_linear_on_hostile_text() -> None:
    clipped = next(r for r in RULES if r.name == "clipped_request")
    for hostile in ("Comments " + "pls " * 12_500, "comments" + " x" * 25_000,
                    "pls u til b4 " * 4_000, "A, " * 17_000 + ":"):
        started = time.process_time()
        spelt_out(hostile)
        clipped.pattern.search(hostile)
        assert time.process_time() - started < 0.5
    assert re.fullmatch(r"(?:please you until before )+", spelt_out("pls u til b4 " * 3))


@pytest.mark.parametrize("unit", ["Comments pls ", "BR, TSB: comments welcome to me ",
                                  "Comments by Thu 2 March pls. ", "pls u til b4 "])
def test_hostile_terse_mail_is_read_in_linear_time(unit: str) -> None:
    text = (unit * (50_000 // len(unit) + 1))[:50_000]
    started = time.process_time()
    _items(text)
    assert time.process_time() - started < 5  # ~0.6 s here; quadratic would be minutes


def test_a_text_spelt_out_again_is_spelt_out_the_same() -> None:
    """perf-r18: the last texts spelt out are kept (a message is spelt out again as a
    reply's parent and at each closure scan): the same text, the same answer, and a
    text differing in one character is read anew."""
    from iscg_mailbot.analyse.terse_words import spelt_out

    first = spelt_out("Pls send it til Friday, can u confirm?")
    assert spelt_out("Pls send it til Friday, can u confirm?") == first
    assert first == "Please send it until Friday, can you confirm?"
    assert spelt_out("Pls send it til Friday, can U confirm?") == \
        "Please send it until Friday, can U confirm?"
