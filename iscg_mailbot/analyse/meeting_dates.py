"""Deadlines tied to meetings, dated from the meetings calendar.

"Before the next TSAG meeting", "in time for RAG", "at its next meeting" (the owner's),
"at our next meeting" (ISCG's), "two weeks before the TDAG meeting", "prior to WRC-27":
:func:`find_meeting_due` finds the phrase, picks the body's first meeting after the
message day in the calendar and returns a concrete date with the meeting's id::

    >>> from datetime import date
    >>> calendar = MeetingsConfig(meetings=(Meeting(
    ...     id="tsag-27", body="TSAG", start=date(2027, 1, 25), end=date(2027, 1, 29)),))
    >>> due = find_meeting_due("Comments before the next TSAG meeting, please.",
    ...                        date(2026, 9, 1), calendar)
    >>> due.value, due.meeting_id
    (datetime.date(2027, 1, 24), 'tsag-27')

How the day is chosen: "by", "at", "during" the meeting give its first day; "before",
"prior to", "ahead of", "in time for", "until" give the day before it; "N days/weeks
before" counts back from its first day. A body with no meeting after the message day
gives None: the deadline stays undated rather than guessed.

Pure: the calendar is passed in (loaded once from ``meetings.yaml`` by the service).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.meetings import Meeting, MeetingsConfig, canonical_body

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "ten": 10, "twelve": 12, "fourteen": 14, "a": 1}
# Case matters for bodies ("RA" is not "ra"), not for the words around them.
_BODY_WORDS = r"RAG|TSAG|TDAG|[Cc]ouncil|ISCG|WRC|WTSA|WTDC|PP|RA"
_BODY = (
    r"(?P<body>ITU-[RTD]\s*SG\s*\d{1,2}|SG\s*\d{1,2}|(?:" + _BODY_WORDS + r")(?:-(?P<yy>\d{2}))?)"
)
# "the January TSAG meeting", "the 2027 TDAG meeting": which of the body's meetings.
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_WHEN = r"(?:(?P<when>(?i:" + "|".join(_MONTHS) + r")|(?:19|20)\d{2})\s+)?"
_NEXT = r"(?i:next|upcoming|forthcoming|coming|following)"
_MEETING = r"(?i:meeting|session|plenary|assembly|conference)s?"
_LEAD = (r"(?P<lead>(?i:(?:by|at)\s+the\s+(?:start|opening|beginning)\s+of|in\s+time\s+for"
         r"|prior\s+to|ahead\s+of|before|until|by|at|during))")
_OFFSET = (r"(?:(?P<num>\d{1,2}|(?i:" + "|".join(_NUMBERS) + r"))\s+(?P<unit>(?i:day|week|month))s?"
           r"\s+)?")

# "before the next TSAG meeting", "in time for the TDAG session", "at the next meeting
# of RAG", "before TSAG", "two weeks before the TDAG meeting", "prior to WRC-27".
_NAMED = re.compile(
    r"\b" + _OFFSET + _LEAD + r"\s+(?:(?i:the)\s+)?(?:" + _NEXT + r"\s+)?" + _WHEN
    + r"(?:" + _BODY + r"(?:['\u2019]s)?(?:\s+" + _MEETING + r")?"
    r"|" + _MEETING + r"\s+(?i:of)\s+(?:(?i:the)\s+)?" + _BODY.replace("body", "body2").replace("yy", "yy2")
    + r")(?![\w-])",
)
# "at its next meeting", "before their next session", "at our next meeting".
_POSSESSIVE = re.compile(
    r"\b" + _OFFSET + _LEAD + r"\s+(?P<whose>its|their|our)\s+" + _NEXT + r"\s+"
    + _MEETING + r"\b",
    re.IGNORECASE,
)
_LEAD_DAY_BEFORE = {"before", "prior to", "ahead of", "in time for", "until"}
# What every match of the patterns holds, tested before them (both open with a word
# boundary and an optional part: ``re`` tries them at every character of every undated
# item's sentence). A match of _NAMED holds a body (case matters): one of these
# strings. A match of _POSSESSIVE holds a meeting word, as a substring of the folded
# sentence (:func:`folded`: what a case-insensitive pattern can match, with a long s too).
# Derived from _BODY_WORDS, so that a body added there is never silently left out here
# ("[Cc]ouncil" -> "ouncil"); "SG" covers the study groups of _NAMED's other branches.
_BODY_PARTS = ("SG", *(word.replace("[Cc]", "") for word in _BODY_WORDS.split("|")))
_MEETING_WORDS = ("meeting", "session", "plenary", "assembly", "conference")


@dataclass(frozen=True)
class MeetingDue:
    """A deadline read from a meeting phrase: the day, the meeting it came from, the words."""

    value: date
    meeting_id: str
    text: str


def _day(lead: str, num: str | None, unit: str | None, meeting: Meeting) -> date:
    lead = " ".join(lead.lower().split())
    if num is not None and unit is not None:
        count = int(num) if num.isdigit() else _NUMBERS.get(num.lower(), 0)
        if unit.lower() == "month":
            earlier: date = meeting.start - relativedelta(months=count)
            return earlier
        return meeting.start - timedelta(days=count * (7 if unit.lower() == "week" else 1))
    if lead in _LEAD_DAY_BEFORE:
        return meeting.start - timedelta(days=1)
    return meeting.start


def _owner_body(owner: str | None) -> str | None:
    if not owner:
        return None
    return canonical_body(owner)


def _body_and_year(match: re.Match[str]) -> tuple[str | None, int | None]:
    raw = match.group("body") or match.group("body2")
    short = match.group("yy") or match.group("yy2")
    if raw is None:
        return None, None
    raw = re.sub(r"-\d{2}$", "", raw)
    if re.fullmatch(r"SG\s*\d{1,2}", raw):
        return " ".join(raw.split()), (2000 + int(short)) if short else None  # its Sector: below
    return canonical_body(raw), (2000 + int(short)) if short else None


def _next_meeting(calendar: MeetingsConfig, body: str, day: date, year: int | None,
                  when: str | None) -> Meeting | None:
    """The body's first meeting after ``day`` (of the year or in the month ``when``
    names); "SG17" without its Sector: the one Sector's SG17 the calendar has."""
    if when is not None and when.isdigit():
        year = int(when)
    month = _MONTHS.index(folded(when)) + 1 if when is not None and not when.isdigit() else None
    bodies = ([f"ITU-{s} SG{int(body[2:].strip())}" for s in "TRD"]
              if body.startswith("SG") else [body])
    found = []
    for name in bodies:
        meeting = calendar.next_of(name, day, year=year)
        while meeting is not None and month is not None and meeting.start.month != month:
            meeting = calendar.next_of(name, meeting.start, year=year)
        if meeting is not None:
            found.append(meeting)
    return found[0] if len(found) == 1 else None


def find_meeting_due(text: str, sent: date | datetime | None, calendar: MeetingsConfig,
                     *, owner: str | None = None) -> MeetingDue | None:
    """The first meeting-tied deadline of ``text`` that the calendar can date, or None.

    ``sent`` is the message's date (its own day counts as past: "the next meeting" is
    one starting after it). ``owner`` is the item's owner, the body "its next meeting"
    refers to ("TSAG is invited to note this at its next meeting").
    """
    if sent is None or not calendar.meetings:
        return None
    named, possessive = _may_match(text)
    if not (named or possessive):
        return None  # (most sentences: neither pattern is searched)
    day = sent.date() if isinstance(sent, datetime) else sent
    found: list[tuple[int, re.Match[str], str | None, int | None]] = []
    for match in _NAMED.finditer(text) if named else ():
        body, year = _body_and_year(match)
        found.append((match.start(), match, body, year))
    for match in _POSSESSIVE.finditer(text) if possessive else ():
        whose = match.group("whose").lower()
        body = "ISCG" if whose == "our" else _owner_body(owner)
        found.append((match.start(), match, body, None))
    for _, match, body, year in sorted(found, key=lambda item: item[0]):
        if body is None:
            continue
        when = match.groupdict().get("when")
        meeting = (calendar.next_of(body, day, year=year) if when is None
                   and not body.startswith("SG") else _next_meeting(calendar, body, day, year, when))
        if meeting is None:
            continue
        due = _day(match.group("lead"), match.group("num"), match.group("unit"), meeting)
        return MeetingDue(due, meeting.id, match.group(0))
    return None


def _may_match(text: str) -> tuple[bool, bool]:
    """Whether ``text`` may hold a match of _NAMED, of _POSSESSIVE: False only when it
    cannot (it lacks what every match holds)."""
    named = any(part in text for part in _BODY_PARTS)
    lowered = folded(text)
    return named, any(word in lowered for word in _MEETING_WORDS)


def date_from_meetings(candidates: Sequence[ActionCandidate], sent: datetime | None,
                       calendar: MeetingsConfig) -> list[ActionCandidate]:
    """The candidates, with undated items dated from a meeting phrase of their sentence.

    An explicit date always wins: only items extraction left without a date change.
    Questions are left alone (they wait for a reply, not for a day).
    """
    result: list[ActionCandidate] = []
    for candidate in candidates:
        if candidate.due is None and candidate.kind != "question":
            due = find_meeting_due(candidate.sentence, sent, calendar, owner=candidate.owner)
            if due is not None:
                candidate = replace(candidate, due=due.value, due_text=due.text,
                                    due_meeting=due.meeting_id)
        result.append(candidate)
    return result


__all__ = ["MeetingDue", "date_from_meetings", "find_meeting_due"]
