"""The closure scan's shortcuts (issue 17, fifth round of closures) give what the plain
reading gives.

Each shortcut skips work the general code would do for nothing (docs/performance-history.md,
"Closure detection, fifth round"); these tests hold the two to the same answers on inputs
made of the pieces the shortcut decides on.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import closure_points
from iscg_mailbot.analyse.closure_reading import lead_stem, shared_words
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.closure_words import words_of
from iscg_mailbot.records import OpenItem
from iscg_mailbot.services.actions.closures import _Open, _Thread

_START = datetime(2026, 3, 1, 9, 0)
_KEYS = ["", "<a@x>", "<b@x>", "<c@x>"]


def _window(n: int, day: int, key: str) -> _Open:
    return _Open(None, n, n, _START + timedelta(days=day), None,  # type: ignore[arg-type]
                 OpenItem(n, None), key)


def _plain(windows: list[_Open], when: datetime, cited: str | None,
           references: list[str]) -> list[_Open]:
    """Every item of the thread tested in turn (the scan before the shortcut)."""
    return [w for w in windows
            if w.asked < when or (w.message_key != "" and (
                w.message_key == cited or w.message_key in references))]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_KEYS)), max_size=12),
       st.integers(-1, 7), st.sampled_from([None, *_KEYS]),
       st.lists(st.sampled_from(_KEYS), max_size=3))
def test_items_asked_before_are_the_plain_scan(items: list[tuple[int, str]], day: int,
                                               cited: str | None, references: list[str]) -> None:
    """The items found by date and by the messages a reply answers are those a test of
    each item finds, in the thread's order (dates tied, keys repeated or empty)."""
    windows = [_window(n, d, key) for n, (d, key) in enumerate(items)]
    when = _START + timedelta(days=day)
    found = _Thread(windows).asked_before(when, cited, references)
    assert found == _plain(windows, when, cited, references)


# The openings and remarks a clause's lead is read from: stop and asking words, content
# words, the remark's adjectives and nouns in any case, glued and plural forms.
LEAD_PIECES = ["Yes", "the", "Feasible", "Fellowships", "Confirmation", "Corrections", "are",
               "a", "good", "Good", "interesting", "question", "Question", "QUESTION",
               "questions", "point", "points", "idea", "suggestion", "topic", "issue",
               "issues", "goodquestion", "question_", "_question", "-", ",", ".", ":", " ",
               "\n", "valid", "tricky", "\u0130ssue", "\u017fuggestion", "week", "SG17"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LEAD_PIECES), max_size=8).map(" ".join))
def test_lead_stem_behind_the_remark_words(text: str) -> None:
    """A clause's lead read with its words (the remark searched only when it holds one
    of the remark's nouns) is the lead read alone."""
    assert lead_stem(text, words_of(text)) == lead_stem(text)


# Replies and items sharing (or not) content words, with clauses said, put off, left
# for later and promised.
REPLY_PIECES = ["The report was sent.", "The figures will follow next week.",
                "I will come back to you.", "We will send the template.", "Thanks!",
                "The moderators are confirmed;", "one moderator is still to be confirmed.",
                "Is that fine?", "Dear Ahmed,", "BDT has provided its input.",
                "The modules will be ready in April.", "No case to withhold.", "\n\n"]
ITEM_PIECES = ["send", "the", "report", "figures", "template", "moderators", "modules",
               "input", "case", "April", "withhold", "nothing", "Could", "BDT", "?"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(REPLY_PIECES), max_size=6).map(" ".join),
       st.lists(st.sampled_from(ITEM_PIECES), max_size=6).map(" ".join))
def test_words_shared_with_the_reply_read_once(reply: str, item: str) -> None:
    """Whether a clause said or left for later shares a word with an item, asked of the
    union of the clauses' words, is what asking each clause gives."""
    read = reply_of(reply)
    assert read.answer.about(item) == any(shared_words(c, item) for c in read.answer.says)
    assert read.answer.leaves(item) == any(shared_words(c, item) for c in read.answer.pending)
    assert read.leaves(item) == any(shared_words(c, item) for c in read.pending)


POINT_PIECES = ["1.", "2)", "(a)", "-", "*", "Is it free?", "Who runs it?", "Yes.", "?", "!",
                ".", "BDT", "the list", "\n", "\n\n", "  ", "\t"]


def _plain_points(text: str, starts: list[int]) -> list[int | None]:
    """:func:`points_of` with every line's offset counted in turn and the questions
    always read."""
    lines = text.splitlines(keepends=True)
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line)
    questions = closure_points.question_spans(text)
    found = []
    for start in starts:
        point = closure_points._list_entry(lines, max(bisect_right(offsets, start) - 1, 0))
        found.append(point if point is not None
                     else closure_points._question_place(questions, start))
    return found


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(POINT_PIECES), max_size=12).map(" ".join), st.data())
def test_points_of_reads_questions_only_of_two(text: str, data: st.DataObject) -> None:
    """The points of a message's items, its questions read only when it holds two
    question marks, are those read in full."""
    starts = data.draw(st.lists(st.integers(0, max(len(text) - 1, 0)), max_size=4))
    assert closure_points.points_of(text, starts) == _plain_points(text, starts)
