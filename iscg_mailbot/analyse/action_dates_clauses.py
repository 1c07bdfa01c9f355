"""Which of a sentence's dates is the due date of the clause an item reads.

A sentence may hold two clauses, each with its own party and its own day: "TSB asks BDT
to confirm the speakers by 30 June, and RAG is invited to nominate an engineer" (the
fourth writer), "I will circulate the calendar by 7 December, and Lucia will send a poll"
(the tenth). The day said in the first clause is not the second's (:func:`clause_due`).
A commitment is due when it is to be done: its due date, else the day or week said after
it (:func:`commitment_due`).

    >>> from datetime import datetime, timezone
    >>> sent = datetime(2026, 6, 10, tzinfo=timezone.utc)
    >>> text = "TSB asks BDT to confirm by 30 June, and RAG is invited to nominate someone."
    >>> clause_due(find_dates(text, sent), text, sent, text.index("is invited")) is None
    True
    >>> clause_due(find_dates(text, sent), text, sent, text.index("to confirm")).value
    datetime.date(2026, 6, 30)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import datetime
from functools import lru_cache

from iscg_mailbot.analyse.action_dates import DueMention, find_dates, pick_due
from iscg_mailbot.analyse.event_deadlines import is_held

# A new clause of another party: ", and RAG is invited to", "; BR will", ", while TSB
# ...", ", but BDT ...". Only the clause's first words may stand before the item's own
# match (no comma among them: "By Friday, and if possible earlier, could you ..." keeps
# its day).
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|whereas|whilst)|;(?:\s*and)?)\s+[^,;]*$",
                         re.IGNORECASE)


# A clause set before the item's that frames it, a condition or a thing borne in mind
# ("if the ISCG agrees the ground rules on 1 June, TSB will add ...", "bearing in mind
# the workshop which we will host on 18 November, it would be appreciated if TSB could
# ..."): its unmarked day is when that happens, not the item's deadline (the fifteenth
# and seventeenth writers). ("For the meeting on 9 June, could TSB ...?" is for the
# meeting: its day stays.)
_FRAME_OPENS = re.compile(
    r"(?:^|[,;:]\s*(?:and\s+)?)\W*(?:if|once|when|whenever|provided\s+that|"
    r"bearing\s+in\s+mind|in\s+view\s+of|given|considering)\b[^,;:]*$", re.IGNORECASE)
# The item's clause naming the framed event as its deadline: "..., and if BDT could
# advise, before the said workshop, whether ..." is due on the workshop's day.
_BEFORE_IT = re.compile(r"\b(?:before|by|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:the\s+)?"
                        r"(?:said\s+|same\s+|that\s+|this\s+)?(?P<noun>[^\W\d_]{4,})\b",
                        re.IGNORECASE)


# Where a clause opener may start (:data:`_FRAME_OPENS`, :data:`_NEW_CLAUSE`), and where
# a deadline noun may (:data:`_BEFORE_IT` begins with one of these words).
_OPENER_MARKS = re.compile(r"[,;:]")
_BEFORE_WORDS = re.compile(r"\b(?:before|by|ahead|prior|in)\b", re.IGNORECASE)
_WORD = re.compile(r"\w")


class _Clauses:
    """A text's clause marks, found once a text (each day and each item searched the whole
    text again: 50,000 characters of "if we meet on 1 June, " took 11-13 s to extract)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks = [m.start() for m in _OPENER_MARKS.finditer(text)]
        self.breaks = [i for i in self.marks if text[i] != ":"]
        # Every start of a deadline noun's match, and the nouns matched from it on, as
        # ``_BEFORE_IT.finditer`` from there reads them (each match, then the next from its end).
        found = [m for w in _BEFORE_WORDS.finditer(text)
                 if (m := _BEFORE_IT.match(text, w.start())) is not None]
        self.noun_starts = [m.start() for m in found]
        self.nouns: list[frozenset[str]] = [frozenset()] * (len(found) + 1)
        for i in range(len(found) - 1, -1, -1):
            after = self.nouns[bisect_left(self.noun_starts, found[i].end())]
            self.nouns[i] = after | {found[i].group("noun").lower()}

    def nouns_from(self, pos: int) -> frozenset[str]:
        """The deadline nouns ``_BEFORE_IT.finditer(text, pos)`` finds."""
        return self.nouns[bisect_left(self.noun_starts, pos)]

    def frame(self, end: int) -> re.Match[str] | None:
        """``_FRAME_OPENS.search(text, 0, end)`` tried only where it may match: at the
        start, or at a mark of the clause before ``end`` or of the non-word run (with one
        "and") before that mark; the opener's first word is in the clause, so two words
        before the mark rule out any earlier start."""
        text = self.text
        last = bisect_left(self.marks, end) - 1
        if last < 0:
            return _FRAME_OPENS.match(text, 0, end)
        pos = self.marks[last]
        for word in (False, True, False):
            while pos > 0 and bool(_WORD.match(text, pos - 1)) is word:
                pos -= 1
        tries = [0] if pos == 0 else []
        tries += self.marks[bisect_left(self.marks, pos):last + 1]
        return next((m for p in tries if (m := _FRAME_OPENS.match(text, p, end))), None)

    def new_clause_after(self, start: int) -> int:
        """Where the new clause before ``start`` opens (``_NEW_CLAUSE.search`` up to it
        can only match at the last comma or semicolon before it), or -1."""
        last = bisect_left(self.breaks, start) - 1
        if last < 0 or _NEW_CLAUSE.match(self.text, self.breaks[last], start) is None:
            return -1
        return self.breaks[last]


@lru_cache(maxsize=4)
def _clauses(text: str) -> _Clauses:
    return _Clauses(text)


def _in_frame(mention: DueMention, text: str, start: int) -> bool:
    """Whether an unmarked day is said in a clause that frames the item matched at
    ``start``: the clause opens before the day and closes with a comma before ``start``,
    and the item's own words do not name the framed event as their deadline."""
    if mention.marked or mention.end > start:
        return False
    comma = text.find(",", mention.end, start)
    clauses = _clauses(text)
    frame = clauses.frame(mention.start) if comma >= 0 else None
    if frame is None:
        return False
    framed = text[frame.start():comma].lower()
    return not any(f" {noun}" in framed for noun in clauses.nouns_from(comma))


# An embedded question's verb "to be", then (bounded) the words before "today": "which
# study group is the right entry point today" asks what holds now (`w37`); "today" is
# the present there, not the day the answer is due.
# ("whether it is possible to send it today" asks for work today: no "to" between; nor
# "and", which opens the request's own clause: "which rooms are free and book one today".)
_ASKED_NOW = re.compile(r"\b(?:which|what|who|where|how|whether|if)\b[^,;:.?!]{0,80}?"
                        r"\b(?:is|are)\b(?:(?!\b(?:to|and)\b)[^,;:.?!]){0,60}$",
                        re.IGNORECASE)
# "by today", "until today": a deadline, whatever the clause.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|till|than)\s+$", re.IGNORECASE)


def _the_present(mention: DueMention, text: str) -> bool:
    """Whether "today" says when something holds in an embedded question."""
    start = mention.start
    return (mention.text.lower() == "today"
            and _DEADLINE_BEFORE.search(text, max(0, start - 20), start) is None
            and _ASKED_NOW.search(text, max(0, start - 150), start) is not None)


def clause_due(mentions: list[DueMention], text: str, sent: datetime | None,
               start: int) -> DueMention | None:
    """The due date (:func:`pick_due`) of the clause whose item is matched at ``start``:
    the mentions of an earlier clause (a new clause opening between them and ``start``)
    are left out, and so are the days said in a clause framing it (:func:`_in_frame`)
    and a "today" that is the present of an embedded question (:func:`_the_present`)."""
    opens = _clauses(text).new_clause_after(start) if mentions else -1
    return pick_due([m for m in mentions
                     if (m.end > start or opens < m.end)
                     and not _in_frame(m, text, start) and not _the_present(m, text)], sent)


# "I will send it after the meeting next week": the day is another event's.
_LATER_EVENT = re.compile(r"\b(?:after|following|once|when)\b", re.IGNORECASE)


def commitment_due(text: str, sent: datetime | None, start: int) -> DueMention | None:
    """The day a commitment made at ``start`` is to be done: its due date, else the day
    or week said after it ("I will confirm it next week" -> that week's Friday, "I will
    update you on Monday" -> that Monday). A day named before the commitment ("WP 5D
    meets next week, so we will ...", "I will send it after the meeting next week") is
    another event's, not the commitment's."""
    return commitment_due_in(find_dates(text, sent), text, sent, start)


def commitment_due_in(mentions: list[DueMention], text: str, sent: datetime | None,
                      start: int) -> DueMention | None:
    """:func:`commitment_due` from the sentence's dates (:func:`find_dates` of ``text``)
    when the caller has them already."""
    due = pick_due(mentions, sent)
    if due is not None:
        return due
    # The first later event after the commitment, searched once (for each day passed
    # over, the search from ``start`` to the day was the square of a long sentence): a
    # day after its end has it before (days open at a word boundary after it).
    later = _LATER_EVENT.search(text, start)
    bound = later.end() if later is not None else len(text) + 1
    return next((m for m in mentions if m.start >= start and m.value is not None
                 and m.kind in ("week", "weekday") and m.start < bound
                 # "a test session on Friday at 11:00": when it is held (as a day's).
                 and not is_held(m.text, text[max(0, m.start - 60):m.start],
                                 text[m.end:m.end + 40])), None)


__all__ = ["clause_due", "commitment_due", "commitment_due_in"]
