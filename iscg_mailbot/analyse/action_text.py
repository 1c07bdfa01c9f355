"""Sentences of an e-mail's new text, with their offsets, for action extraction.

Mail is hard-wrapped at ~72 columns, so a single line break is not a sentence break;
blank lines, bullets and liaison-statement header lines ("Deadline: ...") are. Inside a
paragraph, a sentence ends at ``.``, ``!`` or ``?`` followed by a capital, a digit or an
opening quote, unless the word before the stop is a known abbreviation ("e.g.", "Dr.",
"Doc.") or an initial. Rule-based on purpose: spaCy's sentencizer knows nothing of line
structure and costs more than the whole extraction.

Quoted lines (``>``) and everything after a reply header ("On ... wrote:",
"-----Original Message-----", a "From:/Sent:" block in any language) are skipped, so
quoted text is never read even when the quoting split upstream missed it; a forwarded
message's body is read (its mail header is not). What a quote looks like is defined
once, by :mod:`iscg_mailbot.parse.quoting` (:func:`~iscg_mailbot.parse.quoting.unquoted_text`).

    >>> [s.text for s in split_sentences("Dear all,\\nTSAG is invited to\\nnote it. Thanks.")]
    ['Dear all,', 'TSAG is invited to note it.', 'Thanks.']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from iscg_mailbot.parse.quoting import unquoted_text

# Words that end with a full stop without ending the sentence (lower case, no dot).
ABBREVIATIONS = frozenset({
    "e.g", "i.e", "cf", "etc", "vs", "viz", "al", "approx", "incl", "ca", "resp", "no", "nos",
    "doc", "docs", "rev", "fig", "figs", "vol", "para", "paras", "sec", "art", "res", "rec",
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "ltd", "inc", "co", "dept", "tel", "fax",
    "ref", "refs", "corr", "add", "annex", "att", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "a.m", "p.m", "op", "max",
})

# Liaison-statement and memo header keys that start a segment of their own.
HEADER_KEYS = (
    "action required", "action requested", "actions required", "action", "action item",
    "action items", "deadline", "due date", "for action", "for action to", "for information",
    "for information to", "for comment", "for comments", "for comment to", "for approval",
    "for approval to", "for info", "fyi", "purpose", "title", "source", "origin", "contact",
    "approval", "question", "questions", "attachment", "attachments", "subject", "to", "cc", "copy",
    "from", "date", "tel", "fax", "e-mail", "email", "meeting", "venue", "status",
    "decision", "decisions", "note", "notes", "reply", "response", "abstract", "summary",
)
_HEADER_RE = re.compile(
    r"^[ \t]*(?:" + "|".join(re.escape(k) for k in sorted(HEADER_KEYS, key=len, reverse=True))
    + r")[ \t]*:", re.IGNORECASE,
)
# "Deadline:", "Deadline for replies:", "Reply deadline (TSB):", "Deadline<tab>15 May",
# "Deadline - 15 May", "Requested reply date:", "Date limite :", "Fecha l\u00edmite:".
DEADLINE_HEADER = re.compile(
    r"^\s*(?:(?:requested\s+)?(?:reply|response)\s+|requested\s+)?(?:deadline|due\s+date"
    r"|(?:reply|response)\s+date|date\s+limite|fecha\s+l[i\u00ed]mite|prazo|frist)"
    r"(?:\s+(?:for|of)\s+(?:the\s+)?(?:repl(?:y|ies)|responses?|comments?|inputs?|contributions?"
    r"|action))?\s*(?:\([^()\n]{0,40}\)\s*)?(?::|\t|(?<=\s)[-=\u2013]\s|(?<=\s\s)|(?<=\s)(?=\d)|$)",
    re.IGNORECASE)
# A bullet, a number, or the label of an action list's line ("AI-2", "AP3:", "Action 4.",
# and numbered by year or meeting: "AP 9/2029", "AP 30/1-1").
_BULLET_RE = re.compile(r"^[ \t]*(?:[-*\u2022\u2013\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)]"
                        r"|(?:A[IP]?[- ]?|Action(?:\s+item)?\s+)\d{1,2}"
                        r"(?:/\d{4}|/\d{1,2}-\d{1,2})?[.:)]?)[ \t]+")
# A salutation or sign-off line ("Dear colleagues,", "Best regards,") is a segment of its own.
_GREETING_RE = re.compile(
    r"^[ \t]*(?:(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening)|colleagues|all)"
    r"\b[^.!?\n]{0,40}[,:!]"
    r"|(?:(?:best|kind|warm)(?:est)? regards|regards|many thanks|thanks|thank you|cheers"
    r"|sincerely|yours sincerely|best)[ \t]*[,.!]?)[ \t]*$",
    re.IGNORECASE,
)
_SALUTATION_START_RE = re.compile(r"^[ \t]*(?:dear|hi|hello|hey)\b", re.IGNORECASE)
# The first letters (lower case) a greeting's and a deadline header's words start with;
# U+017F (long s) is an "s" to a case-insensitive pattern.
_GREETING_FIRST = frozenset("dhgcabkwrmtsy\u017f")
# Their first two letters, for a line that opens with two ASCII characters (whose lower
# case is then what the pattern reads): "th" of "thanks", not "to" or "the".
_GREETING_STARTS = frozenset({"de", "hi", "he", "gr", "go", "co", "al", "be", "ki", "wa", "re",
                              "ma", "th", "ch", "si", "yo"})
_DEADLINE_FIRST = frozenset("rdfp")
# A sentence ends at . ! ? (and closing quotes/brackets) followed by space and a likely start.
# "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a class (not a repeat) is searched
# by skipping to the class's characters, not by trying the whole pattern at each one
# (2x faster over mail).
# A stop is matched from the first stop of its run only (the look-behind after the first
# character keeps the class in front for the skip above), and the run and its closing
# quotes are taken whole ("*+"): a run of 50,000 dots was tried from each of its dots,
# to its end each time (minutes). The same matches: a later start in a run ends where
# the first one does.
_STOP_RE = re.compile(
    r"[.!?](?<![.!?][.!?])[.!?]*+[\"')\]\u201d\u2019]*+(?=\s+[\"'(\[\u201c\u2018]?[A-Z0-9])")


_LABELLED_LETTER_RE = re.compile(
    r"\b(?:annex|appendix|attachment|part|table|figure|fig|option|section|schedule|plan|"
    r"group|phase|category|class|type|model|version|item|point)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text with line breaks folded, and its offsets in the source text."""

    text: str
    start: int
    end: int


def _segments(text: str) -> list[tuple[int, int]]:
    """Paragraph-like segments: split at blank lines, bullets and header lines."""
    segments: list[tuple[int, int]] = []
    start: int | None = None
    end = pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        content = line.lstrip()
        if not content:
            if start is not None:
                segments.append((start, end))
                start = None
            continue
        # Each pattern is tried only on a line whose first letter it can start with
        # (and a header key only on a line with a colon): most lines start none.
        opening = line.lstrip(" \t")
        first = opening[:1].lower()
        two = opening[:2]
        greeting = (two.lower() in _GREETING_STARTS if two.isascii() else first in _GREETING_FIRST
                    ) and _GREETING_RE.match(line) is not None
        bullet = _BULLET_RE.match(line) if _may_be_bullet(opening) else None
        if start is not None and (greeting or bullet or (":" in line and _HEADER_RE.match(line))
                                  or (content[:1].lower() in _DEADLINE_FIRST
                                      and DEADLINE_HEADER.match(line))
                                  or (first in "dh" and _SALUTATION_START_RE.match(line))):
            segments.append((start, end))
            start = None
        if start is None:
            start = line_start + (bullet.end() if bullet else len(line) - len(content))
        end = line_start + len(line.rstrip())
        if greeting:
            segments.append((start, end))
            start = None
    if start is not None:
        segments.append((start, end))
    return segments


def is_bullet(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` of ``text`` opens a list line: only a bullet, a
    number or an action-point label ("AP 9/2029") stands before it on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return _BULLET_RE.fullmatch(text[line_start:start]) is not None


# What a bullet (_BULLET_RE) can open with, after its spaces and tabs: a mark, a bracket,
# the "A" of "AI-2" and "Action 4.", a digit; a lower-case letter only before "." or ")".
_BULLET_MARKS = frozenset("-*\u2022\u2013\u25aa\u25cf(A")
_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


def _may_be_bullet(opening: str) -> bool:
    """False where ``_BULLET_RE`` cannot match a line that opens (after its spaces and
    tabs) with ``opening``: most lines open with a capital or a word of prose."""
    mark = opening[:1]
    return (mark in _BULLET_MARKS or mark.isdigit()
            or (mark in _LOWER_ASCII and opening[1:2] in (".", ")")))


# "by 15. December", "bis 15. Dezember": a day written with a full stop before its month.
_MONTH_AFTER_RE = re.compile(
    r"\.\s+(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|m(?:arch|\u00e4rz)|mar\b(?!\s+del\b)|apr(?:il)?"
    r"|ma[iy]|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|o[ck]t(?:ober)?|nov(?:ember)?"
    r"|de[cz](?:ember)?)\b", re.IGNORECASE)


_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation, an initial or the day
    of a date ("15. December")."""
    if text[stop] != ".":
        return False
    if (stop >= 1 and text[stop - 1].isdigit() and (stop < 3 or not text[stop - 3].isdigit())
            and _MONTH_AFTER_RE.match(text, stop)):
        return True
    word_start = _word_start(text, stop)
    word = text[word_start:stop].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and _labelled(text, word_start):
        return False  # "Annex A." ends a sentence; "J. Smith" does not
    # A single letter ("J. Smith") or dotted initials ("U.S.").
    return len(word.replace(".", "")) == 1 or _INITIALS_RE.fullmatch(word) is not None


# The longest label of _LABELLED_LETTER_RE ("attachment"), with room to spare.
_LABEL_REACH = 16


def _labelled(text: str, word_start: int) -> bool:
    """Whether a label ("Annex", "Table" ...) and white space end just before
    ``word_start``. Only the white space and the few characters before it are searched
    (the prefix ``text[:word_start]`` was searched whole for every single letter: quadratic
    on a long text); ``\\b`` still sees the character before the search's start."""
    space = word_start
    while space > 0 and text[space - 1].isspace():
        space -= 1
    if space == word_start:
        return False  # no white space before the letter: no label either
    return _LABELLED_LETTER_RE.search(text, max(0, space - _LABEL_REACH), word_start) is not None


def _word_start(text: str, stop: int) -> int:
    """Where the word before ``stop`` starts: after the white space, "(" or "[" before
    it. Read from the last few characters' last word (most words are short)."""
    if stop == 0 or text[stop - 1].isspace():
        return stop
    window = max(0, stop - 24)
    tail = text[window:stop].rsplit(None, 1)[-1]
    bracket = max(tail.rfind("("), tail.rfind("["))
    if bracket != -1:
        return stop - len(tail) + bracket + 1
    start = stop - len(tail)
    if start == window and window > 0:  # the word may go on before the window
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([":
            start -= 1
    return start


def split_sentences(text: str, *, forwarded: bool = False) -> list[Sentence]:
    """Split new text into sentences with offsets into ``text`` (quoted parts skipped;
    a forwarded message's body kept, its mail header left out).

    Analysis reads one message's text several times (items, questions, then closures
    of the batch's replies): the split is kept for the last texts seen.
    """
    return list(_split(text, forwarded))


# A batch of analysis is 500 messages, read for items first and for closures after.
@lru_cache(maxsize=1024)
def _split(text: str, forwarded: bool) -> tuple[Sentence, ...]:
    return _sentences(unquoted_text(text, forwarded=forwarded))


def _sentences(clean: str) -> tuple[Sentence, ...]:
    """The sentences of a text whose quotes are blanked: each segment cut at its stops
    (not those of abbreviations), with folded white space and offsets into ``clean``."""
    sentences: list[Sentence] = []
    for seg_start, seg_end in _segments(clean):
        segment = clean[seg_start:seg_end]
        cursor = 0
        if "." in segment or "!" in segment or "?" in segment:  # else no stop to find
            for match in _STOP_RE.finditer(segment):
                stop = match.start()
                if segment[stop] == "." and _ends_with_abbreviation(segment, stop):
                    continue
                _append(sentences, segment, cursor, match.end(), seg_start)
                cursor = match.end()
        _append(sentences, segment, cursor, len(segment), seg_start)
    return tuple(sentences)


def _append(sentences: list[Sentence], text: str, start: int, end: int,
            offset: int = 0) -> None:
    """The sentence ``text[start:end]`` with its white space folded, at ``start`` and
    ``end`` moved in over the white space around it and on by ``offset``."""
    piece = text[start:end]
    words = piece.split()
    if words:  # the offsets without the white space around the sentence
        sentences.append(Sentence(" ".join(words), offset + end - len(piece.lstrip()),
                                  offset + start + len(piece.rstrip())))


@lru_cache(maxsize=4)
def _lines(text: str) -> tuple[list[int], list[str], list[int]]:
    """The text's lines (``str.splitlines``), where each starts, and for each the index
    of the last line up to it that ends with ":" (-1 when none)."""
    lines = text.splitlines()
    starts = [0, *accumulate(len(line) for line in text.splitlines(keepends=True))][:-1]
    framing, last = [], -1
    for index, line in enumerate(lines):
        last = index if line.rstrip().endswith(":") else last
        framing.append(last)
    return starts, lines, framing


def frame_line(text: str, end: int) -> str:
    """The last line ending with ":" of the text before ``end`` (its end spaces cut), or
    "": the line above a list, which frames its lines. The lines are indexed once a text
    (each line of a long list split all the text before it again)."""
    end = min(end, len(text))
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return ""
    starts, lines, framing = _lines(text)
    line = bisect_right(starts, end - 1) - 1  # the line the text before ends in, cut there
    if text[end - 1] == ":":
        return text[starts[line]:end]
    return lines[framing[line - 1]] if line > 0 and framing[line - 1] >= 0 else ""
