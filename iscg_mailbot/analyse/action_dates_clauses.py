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

# A new clause of another party: ", and RAG is invited to", "; BR will", ", while TSB
# ...", ", but BDT ...". Only the clause's first words may stand before the item's own
# match (no comma among them: "By Friday, and if possible earlier, could you ..." keeps
# its day).
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|whereas|whilst)|;(?:\s*and)?)\s+[^,;]*$",
                         re.IGNORECASE)


def clause_due(mentions: list[DueMention], text: str, sent: datetime | None,
               start: int) -> DueMention | None:
    """The due date (:func:`pick_due`) of the clause whose item is matched at ``start``:
    the mentions of an earlier clause (a new clause opening between them and ``start``)
    are left out."""
    return pick_due([m for m in mentions
                     if m.end > start or not _NEW_CLAUSE.search(text, m.end, start)], sent)


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
    return next((m for m in mentions if m.start >= start and m.value is not None
                 and m.kind in ("week", "weekday")
                 and not _LATER_EVENT.search(text, start, m.start)), None)


__all__ = ["clause_due", "commitment_due", "commitment_due_in"]
