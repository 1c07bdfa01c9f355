"""Which point of its message an item came from, and which points a reply talks about.

A request often comes as points: a numbered, lettered or bulleted list ("1. BDT - number
of countries ...", "- the list of outputs ..."), or several questions in a row ("Is ITU
using automatic captions? And is there any ITU-T work ...?"). A reply may answer some of
them only: "On the second point: ...", "BDT's input on the first two points is
attached", "items 1 and 3", "2) The database covers ...". Such a reply closes the items
of those points, and no other.

Minutes number their action points ("AP 23/2029  BR, TSB and BDT to send ...", "AP 9:
...", "AI-2 ..."), and a reply answers them by that number, not by their place in the
list: "AP 26: SG2 approved the report - attached", "on AP 26: ...", "AP 14 - sent to
SG5 on Tue". Such a point is counted apart from the places (``LABELLED`` + its number),
so that "AP 2" names the item labelled so and not the second entry of another list.

    >>> sorted(points_referred("BDT's input on the first two points is attached."))
    [1, 2]
    >>> sorted(points_referred("1) Yes, countries can request it."))
    [1]
    >>> point_of("Two questions:\\n1) Is it free?\\n2) Who runs it?\\n", 33)
    2
    >>> sorted(points_referred("AP 26: approved, attached.")) == [LABELLED + 26]
    True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

from iscg_mailbot.analyse.closure_reading import defers_answer
from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.records import OpenItem

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_POINT_WORD = r"(?:points?|questions?|items?|requests?|parts?|bullets?)"
# "the first two points", "the first three questions"
_FIRST_N = re.compile(r"\bfirst\s+(two|three|four|five|\d)\s+" + _POINT_WORD + r"\b",
                      re.IGNORECASE)
# "the second point", "your third question", "on the first item"
_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth)\s+" + _POINT_WORD + r"\b",
                      re.IGNORECASE)
# "items 1 and 3", "point 2", "questions 1-3", "(item 1)", "point (b)"
_NUMBERED = re.compile(
    r"\b" + _POINT_WORD + r"\s+\(?(\d|[a-f])\)?((?:\s*(?:,|and|&|-|to)\s*\(?(?:\d|[a-f])\)?)*)"
    r"(?!\s+(?:on|of)\s+(?:the|our)\s+agenda)(?![\w/.-])",
    re.IGNORECASE)
# A reply clause opening with the marker of the point it answers: "2) The database ...",
# "(b) Yes", "1. Submissions can be made ...".
_LEADING = re.compile(r"^\W{0,3}\(?(\d|[a-f])[.)]\s", re.IGNORECASE)
# An action point's label opening its line, as the item's message writes it ("AP 23/2029",
# "AP 9:", "AI-2", "Action item 4."), and as a reply names it anywhere ("on AP 26:", "AP
# 14 - sent"). Case-sensitive: "ap" and "ai" are no labels; "AI 1.2" is a WRC agenda
# item, no action point.
# The number of "AP 30/1-2" (the second of meeting 1 of 2030) is its last: "AP 2" names it.
_AP_NUMBER = r"(?:AP|AI|Action(?:[ \t]+item)?)[- \t]?(\d{1,3})(?:/\d{4}|/\d{1,2}-(\d{1,2}))?"
_AP_LINE = re.compile(r"[ \t]*" + _AP_NUMBER + r"[.:)]?[ \t]")
_AP_REFERRED = re.compile(r"\b" + _AP_NUMBER + r"(?![\w/]|\.\d)")
# Where the points named by an action-point label are counted from (apart from a list's
# places 1, 2, ...).
LABELLED = 1000
# An action log's row number, as a log writes it in its first column ("AL-2032-10  Joint
# note ...", "| AL-2032-35 | ...", "R-1  Update own rows ...") and a status reply names it
# ("AL-2032-10: final note attached", "For R-1: BDT rows updated"): a few capitals, a
# year maybe, a number. Counted apart from the action points, by its letters and year
# (``LOGGED`` times the letters' code + year * 1000 + number), so that "AL-2032-10" names
# neither "AL-2031-10" nor "R-10". Such a shape is also a document's number ("TD-045"):
# a reply's number counts only when an item of its letters is open (:func:`logged_for`).
LOGGED = 10 ** 7
_LOG_NUMBER = r"([A-Z]{1,3})-(?:(\d{4})-)?(\d{1,3})"
_LOG_LINE = re.compile(r"[ \t]*(?:\|[ \t]*)?" + _LOG_NUMBER + r"(?=[ \t|:.)])")
_LOG_REFERRED = re.compile(r"(?<![\w/-])" + _LOG_NUMBER + r"(?![\w/-]|\.\d)")
# A row of a pipe table running on under the row above it ("|            | the plan |").
_RUN_ON_ROW = re.compile(r"[ \t]*\|[ \t]*\|")
# A list entry of the item's message: "1. BDT - ...", "(a) ...", "- the list ...".
_ENTRY = re.compile(r"^[ \t]*(?:\(?(?:\d{1,2}|[a-h])[.)]|[-*\u2022\u2013])[ \t]+", re.IGNORECASE)


# Each searched only in a text whose folded form (:func:`folded`) holds the words its
# matches hold, in their order ("point" or "question" alone is in most replies, "item
# 2" or "second question" in few): the letters a case-insensitive pattern reads as "i"
# and "s" are folded to them, and the word boundaries and what follows are not tested.
_FIRST_N_GATE = re.compile(r"first\s+(?:two|three|four|five|\d)\s+" + _POINT_WORD)
_ORDINAL_GATE = re.compile(r"(?:first|second|third|fourth|fifth|sixth)\s+" + _POINT_WORD)
_NUMBERED_GATE = re.compile(_POINT_WORD + r"\s+\(?[\da-f]")


def _number(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else ord(token) - ord("a") + 1


def _numbered(match: re.Match[str]) -> set[int]:
    first = _number(match.group(1))
    tokens = re.findall(r"(,|and|&|-|to|\d|\b[a-f]\b)", match.group(2), re.IGNORECASE)
    found, last, ranged = {first}, first, False
    for token in tokens:
        if token.lower() in ("-", "to"):
            ranged = True
        elif token.lower() not in (",", "and", "&"):
            number = _number(token)
            found |= set(range(last, number + 1)) if ranged else {number}
            last, ranged = number, False
    return found


def points_referred(text: str) -> set[int]:
    """The points (counted from 1) a reply's text says it is about; empty when none."""
    return set(_referred(text))


@lru_cache(maxsize=256)  # a reply's text and clauses, read for each of its thread's items
def _referred(text: str) -> frozenset[int]:
    found = _points_named(text)
    # A point whose answer is put off or handed on is not answered here: "On the second
    # point I'll let Grace reply" answers the first. (Read again only when the text names
    # points at all, which few replies do.)
    if found and _HANDS_ON.search(text):
        found = _points_named(" ".join(s for s in _SENTENCE.findall(text)
                                       if not defers_answer(s)))
    return frozenset(found)


def _points_named(text: str) -> set[int]:
    found: set[int] = set()
    lowered = folded(text)
    # (A substring test of the ordinals first: most replies hold none.)
    ordinal = any(word in lowered for word in _ORDINALS)
    if ordinal and "first" in lowered and _FIRST_N_GATE.search(lowered):
        for match in _FIRST_N.finditer(text):
            word = folded(match.group(1))
            found |= set(range(1, (int(word) if word.isdigit() else _NUMBERS[word]) + 1))
    if ordinal and _ORDINAL_GATE.search(lowered):
        found |= {_ORDINALS[folded(m.group(1))] for m in _ORDINAL.finditer(text)}
    if _NUMBERED_GATE.search(lowered):
        for match in _NUMBERED.finditer(text):
            found |= _numbered(match)
    leading = _LEADING.match(text)
    if leading:
        found.add(_number(leading.group(1)))
    if "AP" in text or "AI" in text or "Action" in text:  # (few replies hold one)
        found |= {_labelled(m) for m in _AP_REFERRED.finditer(text)}
    return found


@lru_cache(maxsize=256)  # a reply's text, read for each of its thread's items
def rows_named(text: str) -> frozenset[int]:
    """The action log's rows a reply names ("AL-2032-10: done", "For R-1: ..."). Read
    only when an open item is a log's row (:func:`logged_for` keeps those of its
    letters): most threads have none."""
    return frozenset(_logged(m) for m in _LOG_REFERRED.finditer(text) if _is_log(m))


def _is_log(match: re.Match[str]) -> bool:
    """Whether a log number's letters are no action point's ("AI-2" is read as one)."""
    return match.group(1) not in ("AP", "AI")


def _logged(match: re.Match[str]) -> int:
    """The point an action log's row number (``_LOG_NUMBER``) names."""
    code = 0
    for letter in match.group(1):
        code = code * 27 + ord(letter) - 64
    return LOGGED * code + int(match.group(2) or 0) * 1000 + int(match.group(3))


def logged_for(text: str, points: Iterable[int | None]) -> set[int]:
    """The rows a reply's ``text`` names that may be among ``points``: a log's row
    number counts only when an item of a row numbered with its letters is among them
    ("posted as TD-045" names no row of "AL-2032-..." items; "AL-2032-06" does, open or
    not). Empty, the text not read, when no point is a log's row. A number said without
    its year ("AL-10: done" of the log's "AL-2032-10") names the rows of its letters and
    number whatever their year."""
    rows = {p for p in points if p is not None and p >= LOGGED}
    if not rows:
        return set()
    letters = {p // LOGGED for p in rows}
    named: set[int] = set()
    for p in rows_named(text):
        if p // LOGGED not in letters:
            continue
        if p % LOGGED < 1000:  # no year said
            named |= {r for r in rows if r // LOGGED == p // LOGGED and r % 1000 == p % 1000} or {p}
        else:
            named.add(p)
    return named


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# Words a sentence putting off the answer holds (one of them), checked first.
_HANDS_ON = re.compile(r"back|revert|will|'ll|checking|looking|consulting|waiting|asking|"
                       r"leav|let", re.IGNORECASE)


def point_of(text: str, start: int) -> int | None:
    """The point (counted from 1) of the message ``text`` at offset ``start``: its entry
    in a list of two or more, else its place among the message's questions when it is
    one of two or more; None when it is neither."""
    return points_of(text, [start])[0]


def points_of(text: str, starts: Sequence[int]) -> list[int | None]:
    """:func:`point_of` of each offset in ``starts``, the text's lines and questions
    read once (the items of one message)."""
    lines = text.splitlines(keepends=True)
    offsets = list(accumulate(map(len, lines), initial=0))[:-1]  # where each line starts
    questions: list[tuple[int, int]] | None = None
    found: list[int | None] = []
    for start in starts:
        here = max(bisect_right(offsets, start) - 1, 0)
        point = _action_point(lines, here)
        if point is None:
            point = _list_entry(lines, here)
        if point is None:
            if questions is None:
                # A place among the questions needs two of them, each ending with its
                # own "?": a text holding fewer (most) is not read for them.
                questions = question_spans(text) if text.count("?") > 1 else []
            point = _question_place(questions, start)
        found.append(point)
    return found


def _action_point(lines: list[str], here: int) -> int | None:
    """The point named by the action-point label of the entry holding line ``here``
    (its label line, or a line indented under it), else None."""
    while lines:
        line = lines[here]
        match = _AP_LINE.match(line)
        if match:
            return _labelled(match)
        logged = _LOG_LINE.match(line)
        if logged and _is_log(logged):
            return _logged(logged)
        if here == 0 or not line.strip() or not (line[:1].isspace() or _RUN_ON_ROW.match(line)):
            return None
        here -= 1  # a line of the entry's text run on under its label (an indented table's
        # label line is tested before)
    return None


def _labelled(match: re.Match[str]) -> int:
    """The point an action point's label (``_AP_NUMBER``) names."""
    return LABELLED + int(match.group(2) or match.group(1))


def _list_entry(lines: list[str], here: int) -> int | None:
    """The place of the list entry holding line ``here`` in a list of two or more."""
    entry = next((i for i in range(here, -1, -1) if _ENTRY.match(lines[i])
                  or not lines[i].strip()), here) if lines else 0
    if lines and _ENTRY.match(lines[entry]):
        first = entry
        while first > 0 and (_ENTRY.match(lines[first - 1]) or (
                lines[first - 1].strip() and lines[first - 1][:1].isspace())):
            first -= 1
        entries = []
        for i in range(first, len(lines)):
            if _ENTRY.match(lines[i]):
                entries.append(i)
            elif not lines[i].strip() or not lines[i][:1].isspace():
                break  # the list ends at a blank line or at a line of its own
        if len(entries) > 1:
            return sum(1 for i in entries if i <= entry)
    return None


# What ends a question's run of text: a sentence's end, or a line followed by a blank
# one (a question's text may run over lines within a paragraph).
_RUN_END = re.compile(r"[.?!]|\n(?=\s*\n)")


def question_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the questions of a text: each run of text between two ends (see
    ``_RUN_END``) that ends with "?". One pass: the pattern this replaces,
    ``[^.?!\\n]*(?:\\n(?!\\s*\\n)[^.?!\\n]*)*\\?``, found the same spans but
    scanned each run again from every position of it, quadratic in a paragraph
    without a question (8 s for 20,000 characters)."""
    spans, start = [], 0
    for end in _RUN_END.finditer(text):
        at = end.start()
        if text[at] == "?":
            spans.append((start, at + 1))
        start = at + 1
    return spans


def _question_place(questions: list[tuple[int, int]], start: int) -> int | None:
    if len(questions) < 2:
        return None
    return next((k + 1 for k, (a, b) in enumerate(questions) if a <= start < b), None)


def with_label(text: str, start: int, clause: str) -> str:
    """A clause of ``text`` at ``start``, with what stands before it on its line when
    that is short enough to be a list label the sentence splitter left out ("AI-1:
    please find attached ...", "(b) BDT: attached"): the label names the point."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start] + clause if 0 < start - line_start <= _LABEL_ROOM else clause


# How much may stand before a clause on its line and be read as its label: "AP 30/1-2  ",
# "Action item 12: ".
_LABEL_ROOM = 16


def on_points(items: Sequence[OpenItem], reply: str) -> list[OpenItem]:
    """The items a reply (or a clause of it) may close: when it names points, those of
    the items on other points of their message are left out ("On the second point: ..."
    does not answer the first question)."""
    if all(i.point is None for i in items):
        return list(items)  # (the points a reply names are not read: they cannot matter)
    referred = _referred(reply) | logged_for(reply, [i.point for i in items])
    # An action point's number chooses among the items of labelled points, a place among
    # those of a list's entries or questions: "AP 28/3-2 done" in answer to "a one-line
    # status of your open action points" leaves that request's place alone.
    labels = {p for p in referred if p >= LABELLED}
    places = referred - labels
    return [i for i in items if i.point is None
            or i.point in (labels or (i.point,) if i.point >= LABELLED else places or (i.point,))]


def on_rows(items: Sequence[OpenItem], reply: str) -> list[OpenItem]:
    """The items a status reply may close when it names rows of an action log: those of
    the rows it names, and the items of no row ("AL-2032-10: final note attached" closes
    neither AL-2032-11 nor R-1, whichever of their owners sends it)."""
    if all(i.point is None or i.point < LOGGED for i in items):
        return list(items)  # (most threads: no log's rows)
    named = logged_for(reply, [i.point for i in items])
    if not named:
        return list(items)
    return [i for i in items if i.point is None or i.point < LOGGED or i.point in named]
