"""Dates counted from a deadline the message replied to gave.

"The consolidated draft will be circulated one week after the Bureaux' deadline",
"We will submit our findings before it closes": the reply names no day, but the
message it answers did ("Could each Bureau send its paragraph by 26 March?", "The
consultation closes on 15 January 2027"). An undated item whose sentence counts from
"the deadline" / "the closing date" / "before it closes" takes its day from there:

- the deadline of the parent's dated requests, when they all share one day;
- else the one day the parent's text marks as a deadline or a closing ("closes on",
  "deadline", "due", "cut-off");
- else none: two different days, or none, and the item stays undated (never guessed).

A deadline in a purpose ("I will ask them to put it on their agenda so that a reply can
be agreed before the deadline") dates the purpose, not the item.

Only when the reply does not state a deadline of its own before the item (then "the
deadline" is that one: :func:`action_followups.date_from_earlier_deadline`). The parent
is read only for the rare item that needs it.

    >>> from datetime import datetime, timezone
    >>> from iscg_mailbot.records import ActionCandidate, ActionInput
    >>> sent = datetime(2027, 3, 8, 10, 0, tzinfo=timezone.utc)
    >>> said = "The summary will be sent two days after the deadline."
    >>> item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
    ...     owner="TSB", owner_kind="group", due=None, due_text=None, confidence=0.7,
    ...     rule="will_be_done")
    >>> reply = ActionInput(said, sent, parent_date=sent,
    ...     parent_text="Could TSB send its table by 26 March?")
    >>> from iscg_mailbot.analyse.actions import extract_actions
    >>> date_from_parent([item], reply, extract_actions)[0].due
    datetime.date(2027, 3, 28)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from iscg_mailbot.analyse.action_dates import find_dates
from iscg_mailbot.records import ActionCandidate, ActionInput

_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "ten": 10, "fourteen": 14}
_THE = r"(?:the|that|this|your|their|our|its|his|her)"
# "one week after the Bureaux' deadline", "within 10 days of the closing date", "before
# the deadline", "by your cut-off date", "before it closes", "before the survey closes".
_FROM_DEADLINE = re.compile(
    r"\b(?:(?:within|in)\s+(?:the\s+)?)?(?:(?P<num>\d{1,3}|" + "|".join(_COUNT)
    + r")\s+(?P<workdays>working\s+|business\s+)?(?P<unit>day|week|month)s?\s+)?"
    r"(?P<dir>before|by|ahead\s+of|prior\s+to|until|after|following|of|from)\s+"
    r"(?:" + _THE + r"\s+(?:[\w'\u2019-]+\s+){0,2}?(?:deadline|closing\s+date|cut-?off"
    r"(?:\s+date)?)\b|(?:it|they|" + _THE + r"\s+[\w-]+)\s+closes?\b)",
    re.IGNORECASE)
# "... so that a reply can be agreed before the deadline": the purpose's day, not the item's.
_PURPOSE = re.compile(r"\b(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that))\b", re.IGNORECASE)
_WORDS = ("deadline", "closing", "cut-off", "cutoff", "closes", "close")
_AFTER = frozenset({"after", "following", "of", "from"})
# The words that make a date in the parent's text a deadline or a closing.
_DEADLINE_WORDS = re.compile(
    r"\b(?:deadline|due|closes?|closing|close\s+of|cut-?off|no\s+later\s+than|expires?)\b"
    r"[^.;]{0,40}$", re.IGNORECASE)

Extract = Callable[[ActionInput], list[ActionCandidate]]


def _counted(text: str, anchor: date) -> date | None:
    """The day ``text`` counts from a deadline on ``anchor``, or None."""
    match = _FROM_DEADLINE.search(text)
    if match is None or _PURPOSE.search(text, 0, match.start()):
        return None
    direction = match.group("dir").lower()
    raw = (match.group("num") or "").lower()
    if not raw:
        # "before the deadline", "before it closes": that day; "after the deadline": none.
        return None if direction in _AFTER else anchor
    number = int(raw) if raw.isdigit() else _COUNT.get(raw, 0)
    sign = 1 if direction in _AFTER else -1
    unit = match.group("unit").lower()
    if unit == "month":
        moved: date = anchor + relativedelta(months=sign * number)
        return moved
    if unit == "day" and match.group("workdays"):
        day, left = anchor, number
        while left:
            day += timedelta(days=sign)
            left -= day.weekday() < 5
        return day
    return anchor + timedelta(days=sign * number * (7 if unit == "week" else 1))


def parent_deadline(message: ActionInput, extract: Extract) -> date | None:
    """The one deadline the parent gave: its dated requests' day, else its one marked
    deadline or closing day; None when there are several or none."""
    if not message.parent_text:
        return None
    # (read as the list reads it: its conventions, "before 30 June" among them)
    parent = ActionInput(message.parent_text, message.parent_date,
                         conventions=message.conventions)
    asked = {c.due for c in extract(parent) if c.due is not None and c.kind != "note"}
    if asked:
        return asked.pop() if len(asked) == 1 else None
    marked = {m.value for m in find_dates(message.parent_text, message.parent_date)
              if m.value is not None
              and _DEADLINE_WORDS.search(message.parent_text, max(0, m.start - 60), m.start)}
    return marked.pop() if len(marked) == 1 else None


def _states_own_deadline(message: ActionInput, before: int) -> bool:
    return any(m.marked and m.value is not None
               for m in find_dates(message.new_text[:before], message.date))


def date_from_parent(candidates: list[ActionCandidate], message: ActionInput,
                     extract: Extract) -> list[ActionCandidate]:
    """Undated items counted from "the deadline" take their day from the parent's.

    ``extract`` reads the parent's requests (the action extractor, passed in so that
    this module does not import it).
    """
    wanting = [i for i, c in enumerate(candidates)
               if c.due is None and c.kind != "note"
               and any(word in c.sentence.lower() for word in _WORDS)
               and _FROM_DEADLINE.search(c.sentence)]
    if not wanting or not message.parent_text:
        return candidates
    anchor = parent_deadline(message, extract)
    if anchor is None:
        return candidates
    result = list(candidates)
    for i in wanting:
        candidate = result[i]
        if _states_own_deadline(message, candidate.span[0]):
            continue
        due = _counted(candidate.sentence, anchor)
        if due is not None:
            match = _FROM_DEADLINE.search(candidate.sentence)
            result[i] = replace(candidate, due=due, due_text=match.group(0) if match else None)
    return result


__all__ = ["date_from_parent", "parent_deadline"]
