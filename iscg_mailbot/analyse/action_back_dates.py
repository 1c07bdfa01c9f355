"""Due dates that point back to a day said earlier in the message.

- "a week after that meeting", "at that meeting", "before the same meeting": counted
  from the meeting whose date the message gave before ("The regional group meets in
  Abidjan on 9-11 March. ... a week after that meeting" is 18 March, from the last day
  of the meeting; "our meeting on 9 March, and if the ISCG could at that meeting
  consider ..." is 9 March). No meeting dated before it: no date, never a guess.
- "by the same date", "within a week after that", "two days after that date": counted
  from the latest due date of an earlier item of the message ("TSB is invited to update
  it by 20 April, and BDT to review it within a week after that" is 27 April), else from
  the last deadline said before it in the message when no item before it holds one
  ("- Each Bureau: fill in its events by Friday 9 December. - Advisory group reps:
  please add your dates by the same time", `w32`-036; a question "could you also check,
  by the same date, ...?" after "Please send comments by 16 May", `w24`-014). "By the
  same time" is that day too; "at the same time" is no date ("I will send it to WHO at
  the same time", `w1`-094).

    >>> sent = datetime(2027, 2, 16, tzinfo=timezone.utc)
    >>> text = "The group meets on 9-11 March. We will report a week after that meeting."
    >>> meeting_day(text, len(text), after=True, sent=sent)
    datetime.date(2027, 3, 11)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone  # noqa: F401 (the doctest)

from dateutil.relativedelta import relativedelta

from iscg_mailbot.analyse.action_dates import NUMBER_WORDS, find_dates, find_due
from iscg_mailbot.records import ActionCandidate

_COUNT = r"(?P<num>\d{1,2}|" + "|".join(
    re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_OFFSET = (_COUNT + r"\s+(?:working\s+|business\s+)?(?P<unit>day|week|month)s?\s+"
           r"(?P<dir>after|following|before|prior\s+to|ahead\s+of)")
# "a week after that meeting", "at that meeting", "by the same date".
_THAT_EVENT = re.compile(
    r"\b(?:(?:within\s+)?" + _OFFSET + r"|(?P<at>at|during|before|by|until|in\s+time\s+for))\s+"
    r"(?:that|the\s+same|this\s+same)\s+(?P<what>meeting|session|call|date|deadline|day|time)\b",
    re.IGNORECASE)
# "within a week after that." (nothing named after "that").
_AFTER_THAT = re.compile(r"\b(?:within\s+)?" + _OFFSET + r"\s+(?:that|then)\b(?=\s*(?:[.;,)!?]|$))",
                         re.IGNORECASE)
# "a week before the meeting", "at our next meeting", "before the TSAG meeting": the
# meeting the message dated before (one named so when a name is given), not a past one.
_THE_EVENT = re.compile(
    r"\b(?:(?:within\s+)?" + _OFFSET + r"|(?P<at>at|during|before|by|until|in\s+time\s+for))\s+"
    r"(?:the|our)\s+(?P<next>next\s+)?(?:(?P<name>(?-i:[A-Z][\w-]*))\s+)?"
    r"(?P<what>meeting|session|call)\b"
    r"(?!\s+(?:on|of|in)\b)", re.IGNORECASE)
# "two weeks before TDAG": a body's meeting (or a conference) named by the body alone.
_BEFORE_BODY = re.compile(
    _OFFSET + r"\s+(?-i:(?P<name>RAG|TSAG|TDAG|Council|WTDC|WTSA|WRC|CPM))(?:-\d{2})?\b",
    re.IGNORECASE)
_WORDS = ("that", "same", "meeting", "session", "call", "before", "after")
# "BR: are any of your labs interested? Same date.": the words that point back said
# alone right after the item, in a sentence of their own (the twentieth writer's, after
# a request dated so on the line before).
_SAME_AFTER = re.compile(r"[?.!]?[ \t]*(?:[-\u2013,;:][ \t]*)?(?:(?:by|before|until)\s+)?"
                         r"(?:the\s+)?same\s+(?:date|deadline|day)(?:,?\s+please)?\s*(?:[.!]|$)",
                         re.IGNORECASE)
# What "that" or "the" points back to that has a day of its own.
EVENTS = frozenset({"meeting", "session", "call"})
# A meeting and, within a few words after it, its date: "meets in Abidjan on 9-11 March",
# "our meeting on 9 March".
_MEETING = re.compile(r"\b(?:meets?|meeting|session|call|convenes?)\b[^.;:!?]{0,40}",
                      re.IGNORECASE)
_RANGE = re.compile(r"^\s*(?P<first>\d{1,2})\s*(?:-|\u2013|to|and)\s*(?P<last>\d{1,2})\b")


def meeting_day(text: str, end: int, *, after: bool, sent: datetime | None = None
                ) -> date | None:
    """The date of the last meeting dated in ``text`` before ``end`` (its last day when
    counting ``after`` it), or None."""
    found: date | None = None
    for match in _MEETING.finditer(text, 0, end):
        dates = [m for m in find_dates(match.group(0), sent) if m.value is not None
                 and m.kind in ("day_month", "month_day", "iso", "numeric")]
        if not dates:
            continue
        day = dates[0].value
        span = _RANGE.match(dates[0].text)
        if after and span and day is not None:
            last = int(span.group("last"))
            if not 1 <= last <= monthrange(day.year, day.month)[1]:
                continue  # "on 27-30 February": no last day, as "31 February" is no date
            day = day.replace(day=last)
        found = day
    return found


def named_day(text: str, end: int, name: str, sent: datetime | None = None) -> date | None:
    """The date said right after the last mention of ``name`` before ``end`` ("TDAG-27
    (opening 24 May)", "the SG16 meeting on 14 December"), or None."""
    found: date | None = None
    for match in re.finditer(r"\b" + re.escape(name) + r"\b[^.;:!?]{0,40}", text[:end]):
        dates = [m for m in find_dates(match.group(0), sent) if m.value is not None
                 and m.kind in ("day_month", "month_day", "iso", "numeric")]
        if dates:
            found = dates[0].value
    return found


def _shift(day: date, match: re.Match[str]) -> date:
    if match.group("num") is None:
        lead = (match.groupdict().get("at") or "").lower()
        if lead == "before" and match.groupdict().get("what") in EVENTS:
            # "before the call", "before the next call", the call dated before: what is
            # asked must be there before it starts, the day before (as
            # :func:`.event_deadlines.before_event` reads "before our call on 19
            # November"; w18 and w21 label "before the next call" so).
            return day - timedelta(days=1)
        return day  # "at that meeting", "by the same date"
    raw = match.group("num").lower()
    number = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
    sign = 1 if match.group("dir").lower() in ("after", "following") else -1
    unit = match.group("unit").lower()
    if unit == "month":
        shifted: date = day + relativedelta(months=sign * number)
        return shifted
    return day + sign * (timedelta(weeks=number) if unit == "week" else timedelta(days=number))


def _pointed_day(candidate: ActionCandidate, match: re.Match[str], text: str,
                 earlier: date | None, deadlines: _Deadlines,
                 sent: datetime | None) -> date | None:
    what = (match.groupdict().get("what") or "").lower()
    name = match.groupdict().get("name")
    end = min(candidate.span[0] + match.start(), candidate.span[1])
    if name is not None:
        anchor = named_day(text, end, name, sent)
    elif what in EVENTS:
        after = (match.group("dir") or "").lower() in ("after", "following")
        anchor = meeting_day(text, end, after=after, sent=sent)
    else:
        if what == "time" and (match.groupdict().get("at") or "").lower() not in ("by", "until"):
            return None  # "at the same time": together, no day
        anchor = earlier or deadlines.before(candidate.span[0])
    if anchor is not None and match.re in (_THE_EVENT, _BEFORE_BODY) and sent is not None \
            and anchor < sent.date():
        return None  # "the meeting" is the coming one, not one the message recalls
    return None if anchor is None else _shift(anchor, match)


# Where a sentence ends, to read the deadlines said before an item one sentence at a time.
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n\s*\n|\n\s*[-*\u2022]\s")


class _Deadlines:
    """The deadlines ("by Friday 9 December", "until 3 March") said in a message, read
    once, one sentence at a time (a sentence also ends where an item starts), the first
    time an item asks for the last one before it: read again for each item, a message of
    many "by the same time" bullets with no dated one cost its length squared."""

    def __init__(self, text: str, starts: list[int], sent: datetime | None) -> None:
        self._text, self._starts, self._sent = text, starts, sent
        self._stops: list[int] = []
        self._days: list[date] = []
        self._read = False

    def before(self, end: int) -> date | None:
        """The day of the last deadline said in the message before ``end``, or None."""
        if not self._read:
            self._read_all()
        index = bisect_right(self._stops, end)
        return self._days[index - 1] if index else None

    def _read_all(self) -> None:
        self._read = True
        last = max(self._starts, default=0)
        stops = {m.end() for m in _SENTENCE_END.finditer(self._text, 0, last)}
        start = 0
        for stop in sorted(stops.union(self._starts)):
            due = find_due(self._text[start:stop], self._sent) if stop > start else None
            if due is not None and due.value is not None and due.marked:
                self._stops.append(stop)
                self._days.append(due.value)
            start = stop


def date_from_earlier_days(candidates: list[ActionCandidate], text: str,
                           sent: datetime | None) -> list[ActionCandidate]:
    """Items whose date points back ("a week after that meeting", "by the same date"),
    dated from the day pointed at (see the module's description)."""
    result: list[ActionCandidate] = []
    earlier: date | None = None
    deadlines = _Deadlines(text, [c.span[0] for c in candidates], sent)
    for candidate in candidates:
        lowered = candidate.sentence.lower()
        if any(word in lowered for word in _WORDS):
            match = (_THAT_EVENT.search(candidate.sentence)
                     or _AFTER_THAT.search(candidate.sentence)
                     or _THE_EVENT.search(candidate.sentence)
                     or _BEFORE_BODY.search(candidate.sentence))
            if match is not None and (candidate.due is None or (
                    candidate.due_text and candidate.due_text in match.group(0))):
                day = _pointed_day(candidate, match, text, earlier, deadlines, sent)
                if day is not None:
                    candidate = replace(candidate, due=day, due_text=match.group(0))
        if candidate.due is None and "same" in text[candidate.span[1]:candidate.span[1] + 12].lower() \
                and _SAME_AFTER.match(text, candidate.span[1]):
            day = earlier or deadlines.before(candidate.span[0])
            if day is not None:
                candidate = replace(candidate, due=day, due_text="same date")
        if candidate.due is not None:
            earlier = candidate.due
        result.append(candidate)
    return result


__all__ = ["date_from_earlier_days", "meeting_day"]
