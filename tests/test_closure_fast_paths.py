"""Closure detection's shortcuts give what the general code gives.

Each shortcut (``bench/analysis.py`` measures why it is there: docs/performance.md,
"Closure detection, third round") skips work the general code would do for nothing;
these tests hold the two to the same answers on texts made of the pieces the shortcut
decides on.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import action_closure, closure_items, closure_points
from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.closure_reading import is_signoff, signoff_lines
from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.settings.actions import DEFAULT_CLOSURE_PHRASES

# Words and openings of the statements (anchored ones: "Done", "Here is", "Confirmed"),
# negations, letters a case-insensitive pattern reads as "i" and "s", and filler.
STATEMENT_PIECES = ["Done", "done", "Here is", "here are", "Confirmed", "Yes, we confirm",
                    "sent", "was sent", "has been uploaded", "attached", "please find",
                    "enclosed", "is attached", "not", "will be", "we", "I", "the report",
                    "BR slides", "-", ";", ",", ".", "?", " ", "\n", "There", "wh", "ere",
                    "\u0131", "\u017f", "\u0130", "Voici", "anbei", "approved its reply",
                    "it went to", "SG17", "passed it on"]


def _plain_statement(sentence: str) -> str | None:
    """The statements searched whole, in order, with no gate and no shortcut."""
    if sentence.rstrip().endswith("?"):
        return None
    for name, pattern in action_closure._STATEMENT_PATTERNS:
        match = pattern.search(sentence)
        if match and not action_closure._NOT_YET.search(sentence[:match.start()]):
            return name
    return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(STATEMENT_PIECES), max_size=10).map(" ".join))
def test_delivery_statement_is_the_plain_search(text: str) -> None:
    # The one search of every gate word first; the anchored statements alone when the
    # clause holds none of them.
    assert delivery_statement(text) == _plain_statement(text)
    assert delivery_statement(text.replace(" ", "")) == _plain_statement(text.replace(" ", ""))


# Sign-off lines: contact numbers, the Union's name, disclaimers, names and titles.
SIGNOFF_PIECES = ["Tel", "T\u00e9l.", ":", "+41", "22", "730", "5433", "Phone", "Fax", "mob",
                  "International Telecommunication Union", "Place des Nations",
                  "CONFIDENTIAL", "disclaimer", "Union", "uni\u00f3n", "nations", "Pierre",
                  "Lefebvre", "Counsellor", "the report", "is attached", "\u0131", "\u017f",
                  "\u0130", "0", "-", " ", "\u0663"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SIGNOFF_PIECES), max_size=6).map(" ".join),
                max_size=5))
def test_signoff_lines_are_each_sentence_read(sentences: list[str]) -> None:
    # One search of the whole reply for a digit or a word of the Union or a disclaimer
    # first; each sentence read only when the reply holds one.
    assert signoff_lines(sentences) == tuple(is_signoff(s) for s in sentences)


POINT_PIECES = ["first", "FIRST", "second", "third", "two", "three", "2", "b", "(b)", "(2)",
                "point", "points", "question", "Questions", "item", "items", "request",
                "part", "bullet", "and", "&", "-", "to", ",", "on the agenda", "of our agenda",
                "On the", ":", ".", "\n", " ", "\u0131", "\u017f", "\u0130", "I'll let Grace reply",
                "1)", "\u0663", "fir", "st"]


def _plain_points_named(text: str) -> set[int]:
    """The points named, every pattern searched, no gate."""
    found: set[int] = set()
    for match in closure_points._FIRST_N.finditer(text):
        word = folded(match.group(1))
        found |= set(range(1, (int(word) if word.isdigit() else closure_points._NUMBERS[word]) + 1))
    found |= {closure_points._ORDINALS[folded(m.group(1))]
              for m in closure_points._ORDINAL.finditer(text)}
    for match in closure_points._NUMBERED.finditer(text):
        found |= closure_points._numbered(match)
    leading = closure_points._LEADING.match(text)
    if leading:
        found.add(closure_points._number(leading.group(1)))
    return found


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(POINT_PIECES), max_size=12).map(" ".join))
def test_points_named_behind_their_gates(text: str) -> None:
    # Each pattern searched only when the folded text holds its words in their order.
    assert closure_points._points_named(text) == _plain_points_named(text)
    assert closure_points._points_named(text.replace(" ", "")) == \
        _plain_points_named(text.replace(" ", ""))


PHRASE_PIECES = ["has", "been", "sent", "have", "the", "liaison", "reply", "we", "done",
                 "not", "yet", "please", "find", "attached", "our", "is", "HAS", "Been",
                 "\u017fent", "ha\u017f", "\u0130s", "thi\u017f", "can be closed", "-", ".",
                 "\n", "been-sent"]


def _longest_word_only(text: str, phrases: tuple[str, ...]) -> str | None:
    """The phrases' search behind their longest word alone (before the other words)."""
    patterns = closure_items._phrase_patterns(phrases)
    if not patterns.may_match(text):
        return None
    lowered = folded(text)
    for listed, pattern in patterns.each:
        if pattern.words[0] not in lowered:
            continue
        match = pattern.pattern.search(text)
        if match and not closure_items._NEGATION.search(text[:match.start()]):
            return listed
    return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=10).map(" ".join))
def test_phrases_behind_all_their_words(text: str) -> None:
    # A phrase searched only when the text holds all its words, not only the longest.
    for phrases in (DEFAULT_CLOSURE_PHRASES, ("has been sent", "d\u00e9j\u00e0 envoy\u00e9")):
        assert closure_items._phrase_patterns(phrases).find(text) == \
            _longest_word_only(text, phrases)
