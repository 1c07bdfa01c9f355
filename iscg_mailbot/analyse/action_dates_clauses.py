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
from datetime import datetime

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


def _in_frame(mention: DueMention, text: str, start: int) -> bool:
    """Whether an unmarked day is said in a clause that frames the item matched at
    ``start``: the clause opens before the day and closes with a comma before ``start``,
    and the item's own words do not name the framed event as their deadline."""
    if mention.marked or mention.end > start:
        return False
    comma = text.find(",", mention.end, start)
    frame = _FRAME_OPENS.search(text, 0, mention.start) if comma >= 0 else None
    if frame is None:
        return False
    framed = text[frame.start():comma].lower()
    return not any(f" {m.group('noun').lower()}" in framed
                   for m in _BEFORE_IT.finditer(text, comma))


def clause_due(mentions: list[DueMention], text: str, sent: datetime | None,
               start: int) -> DueMention | None:
    """The due date (:func:`pick_due`) of the clause whose item is matched at ``start``:
    the mentions of an earlier clause (a new clause opening between them and ``start``)
    are left out, and so are the days said in a clause framing it (:func:`_in_frame`)."""
    return pick_due([m for m in mentions
                     if (m.end > start or not _NEW_CLAUSE.search(text, m.end, start))
                     and not _in_frame(m, text, start)], sent)


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
