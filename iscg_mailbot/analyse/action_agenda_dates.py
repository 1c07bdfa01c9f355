"""Requests inside a meeting's agenda, due at the meeting.

A calendar invitation gives its meeting's day in a field ("When  Tue 13 Jul 2032 14:00 -
15:30 (CEST)", "When: Thursday, 4 November 2027 14:00-15:30"); an agenda sent by hand
gives it with the time on the agenda's line ("Draft agenda for our second call
(Thursday 22 March, 14:00-16:00 CET):"). The requests written into that agenda are
work done at the meeting: "2. Results of the survey - BDT is asked to present them",
"Sofia, could you take 10 minutes on the RAG preparations under item 3?". Undated, such
a request is due on the meeting's day (the latest moment it is still useful), read by
:func:`date_from_agenda`::

    >>> from datetime import datetime, timezone
    >>> text = ("When   Tue 13 Jul 2032 14:00 - 15:30 (CEST)\\n\\nAgenda\\n"
    ...         "1. Results of the survey - BDT is asked to present them\\n")
    >>> meeting_day(text, datetime(2032, 6, 24, tzinfo=timezone.utc))
    datetime.date(2032, 7, 13)

Which requests: one written in a numbered agenda line (or the lines indented under
it), or one that names an agenda item or the session ("under item 3", "to this
session", "at the call"). A request elsewhere ("Please send proposals for further items
by 15 March") keeps its own day or none. A schedule row that starts with its own day
("10 Nov   Sector chapters - the leads are asked to bring their chapter to this
session") is due on that row's day. A meeting already held (its day before the
message's) dates nothing.

A meeting whose day and time only the subject gives (:func:`subject_meeting_day`: a
convening letter's or a calendar's subject, kept by the replies) dates only a request
for work that names its session, and none that names another day or session ("on the
day" where the body names a different day, "at the next meeting", "in June"). A moved
meeting's subject gives its new day; a yearless day is not rolled more than a season
into the next year, since a reply months later keeps the subject of a meeting held.

Pure: text in, items out; the cheap tests (a "When" field, the word "agenda", an
undated item) come before any pattern.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from iscg_mailbot.analyse.action_dates import MARKER_BEFORE, MONTH_NAMES, MONTHS, year_for
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

# A month's name, not any word its letters open ("1 Marketing", "2 Decisions" are not
# days), read as every date of the extractor is (:mod:`.action_dates`).
_MONTH = r"(?:" + MONTH_NAMES + r")\.?"
# "12 Feb 2032", "22 March", "Nov 10, 2032"
_DAY = re.compile(
    r"\b(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>" + _MONTH + r")(?:,?\s+(?P<y>20\d\d))?"
    r"|(?P<m2>" + _MONTH + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>20\d\d))?)\b",
    re.IGNORECASE)
_CLOCK = re.compile(r"[\s,)(]{0,4}(?:at\s+|from\s+)?\d{1,2}[:.h]\d{2}\b", re.IGNORECASE)
# The calendar's field: "When  Thu 12 Feb 2032 ...", "When: Thursday, 12 February 2032"
# (a colon, or the field's column of spaces), not a sentence that opens with the word
# ("When I am back on 12 June ...", "When replying, ...").
_WHEN = re.compile(r"^[ \t>]*When(?::[ \t]*|[ \t]{2,}|\t)(?P<rest>[^\n]+)", re.MULTILINE)
_AGENDA_LINE = re.compile(r"^[^\n]*\bagenda\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
_NUMBERED = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+\S")
_ROW_DAY = re.compile(r"[ \t]*(?P<d>\d{1,2})[ \t]+(?P<m>" + _MONTH + r")[ \t]{2,}\S",
                      re.IGNORECASE)
# The request's own words, where the sentence's row is read (a sentence may hold the
# rows before it: "Plan 3 Nov ... 10 Nov ... leads are asked to bring ...").
_ASKING = re.compile(r"\b(?:asked|invited|requested|please|could|would|can|will)\b",
                     re.IGNORECASE)
# The session named by the request: "under item 3", "to this session", "at the call".
_AT_SESSION = re.compile(
    r"\b(?:under|on|for|at|introduce|present)\s+(?:agenda\s+)?item\s+\d{1,2}\b(?![.,]\d)"
    r"|\b(?:to|at|in|during|for)\s+(?:this|the|that|my|your|our)\s+"
    r"(?:session|call|meeting|talk|presentation|webinar)\b|\bon\s+the\s+day\b",
    re.IGNORECASE)
# A subject that names its meeting's day and time, as a calendar's or a convening
# letter's does ("Invitation: Webinar ... @ Wed 7 Jul 2032 13:00-14:30 (CEST)", "ISCG
# meeting alongside TSAG - Wednesday 8 March, 13:00-14:30 - draft agenda"); a cancelled
# or moved meeting's subject dates nothing.
_CALLED_OFF = re.compile(r"\b(?:cancel|postpone|declined)", re.IGNORECASE)
# A subject's day the meeting moved from ("12 May 14:00 (moved from 5 May 10:00)",
# "rescheduled from ..."): the old day, not the meeting's.
_MOVED_FROM = re.compile(r"\b(?:moved|rescheduled|changed|shifted|brought\s+forward)?\s*"
                         r"from\s*$", re.IGNORECASE)
# A subject that moves its meeting ("call on 5 May 10:00 moved to 12 May 14:00"): the
# last day it gives is the new one.
_MOVED = re.compile(r"\b(?:moved|rescheduled|changed|shifted|new\s+(?:date|time))\b",
                    re.IGNORECASE)
# "On the day" of another day the body names ("The workshop is on 20 May ... on the
# day"), or of an event it says ("on the day of the closing"): not the subject's day.
_DAY_OF = re.compile(r"\bon\s+the\s+day\s+of\b", re.IGNORECASE)
# A session that is not the subject's ("at the next meeting", "the meeting of SG 3",
# "during your presentation at TSAG next week", "in June").
_OTHER_SESSION = re.compile(
    r"\b(?:next|following|another|later|future|upcoming)\s+(?:session|call|meeting|talk|"
    r"presentation|webinar)\b|\b(?:session|call|meeting|talk|presentation|webinar)\s+"
    r"(?:of|at|in)\s+\S|\bnext\s+(?:week|month)\b|\bin\s+(?:"
    + MONTH_NAMES + r")\b", re.IGNORECASE)
# How far back a deadline's marker can stand from its day (:data:`MARKER_BEFORE`: the
# marker's longest word and 45 characters), so that a text with many days is read in
# linear time, not from its start once per day.
_MARKER_REACH = 64
# How far ahead a subject without a year announces a meeting of the next year (days).
_SEASON = 92


def _date(match: re.Match[str], base: date) -> date | None:
    """The day a :data:`_DAY` match names, its year the message's (or the next one when
    the day would be more than a month gone, as :func:`.action_dates.year_for` says)."""
    groups = match.groupdict()
    day = int(groups["d"] or groups.get("d2") or 0)
    month = MONTHS[(groups["m"] or groups.get("m2") or "")[:3].lower()]
    year = groups.get("y") or groups.get("y2")
    try:
        return date(int(year) if year else year_for(month, day, base) or base.year, month, day)
    except ValueError:
        return None


def _after_marker(text: str, at: int) -> bool:
    """Whether the day at ``at`` is a deadline's ("agenda items by 3 May 12:00"): a
    :data:`MARKER_BEFORE` word in the stretch just before it."""
    return MARKER_BEFORE.search(text, max(0, at - _MARKER_REACH), at) is not None


def meeting_day(text: str, sent: datetime | date | None) -> date | None:
    """The day of the meeting the message convenes: its calendar "When" field's, else
    the day given with a time on a line naming the agenda; None when neither, or when
    that day is already past."""
    if sent is None:
        return None
    base = sent.date() if isinstance(sent, datetime) else sent
    lines: list[str] = []
    if "When" in text:
        lines = [m.group("rest") for m in _WHEN.finditer(text)][:1]
    when = bool(lines)
    if not lines and "agenda" in text.lower():
        lines = [m.group(0) for m in _AGENDA_LINE.finditer(text)]
    for line in lines:
        for match in _DAY.finditer(line):
            if not when and (not _CLOCK.match(line, match.end())
                             or _after_marker(line, match.start())):
                continue  # a day without a time, or a deadline ("agenda items by ..."):
                # a date the line mentions, not the meeting's
            value = _date(match, base)
            if value is not None and value >= base:
                return value
            break
    return None


def subject_meeting_day(subject: str, sent: datetime | date | None) -> date | None:
    """The day the subject gives its meeting with a time ("@ Wed 7 Jul 2032 13:00",
    "Wednesday 8 March, 13:00-14:30"), or None: no such day, a meeting called off, or a
    day already past. Of a moved meeting's days the new one ("5 May 10:00 moved to 12 May
    14:00", "12 May 14:00 (moved from 5 May 10:00)"). A day without its year is read in
    the message's year and, when past, in the next only if that is at most a season
    ahead: a reply months after the meeting keeps its subject ("Re: Call 12 May 14:00"
    in November), and that meeting is held, not next year's."""
    if sent is None or not subject or _CALLED_OFF.search(subject):
        return None
    base = sent.date() if isinstance(sent, datetime) else sent
    days = [match for match in _DAY.finditer(subject)
            if _CLOCK.match(subject, match.end()) and not _after_marker(subject, match.start())
            and not _MOVED_FROM.search(subject, max(0, match.start() - 24), match.start())]
    if not days:
        return None
    match = days[-1] if _MOVED.search(subject) else days[0]
    value = _date(match, base)
    if value is None or value < base:
        return None
    if not (match.group("y") or match.group("y2")) and value.year > base.year \
            and (value - base).days > _SEASON:
        return None
    return value


def _line_start(text: str, at: int, known: dict[int, int]) -> int:
    """Where the agenda entry holding offset ``at`` starts: its line, or the numbered or
    dated line above when ``at`` is in an indented continuation. ``known``: the entry's
    start of each line already walked, so that a long indented block is walked once,
    not once per item in it."""
    start = text.rfind("\n", 0, at) + 1
    walked: list[int] = []
    while (start > 0 and text[start:start + 1] in (" ", "\t")
           and not _NUMBERED.match(text, start) and not _ROW_DAY.match(text, start)):
        if start in known:
            start = known[start]
            break
        walked.append(start)
        above = text.rfind("\n", 0, start - 1) + 1
        if not text[above:start - 1].strip():
            break
        start = above
    known.update(dict.fromkeys(walked, start))
    return start


def _names_subject_session(text: str, begin: int, end: int, other_day: bool) -> bool:
    """Whether the request at ``text[begin:end]`` names the session of the subject's
    meeting: session words, and no other session or time beside them ("at the next
    meeting", "in June"); its "on the day" only where the body names no other day
    (``other_day``) and no event of its own ("on the day of the closing")."""
    found = _AT_SESSION.search(text, begin, end)
    if found is None or _OTHER_SESSION.search(text, begin, end):
        return False
    if "day" in found.group(0).lower():
        return not other_day and not _DAY_OF.search(text, begin, end)
    return True


def _due_in_agenda(candidate: ActionCandidate, text: str, day: date, base: date,
                   known: dict[int, int], agenda: bool = True,
                   other_day: bool = False) -> date | None:
    """The day an undated item in the meeting's message is due, or None (``known``:
    :func:`_line_start`'s). Without an ``agenda`` in the message (the day read from the
    subject), only a request for work that names the session is dated: a numbered line
    of a reply is no agenda's, and a question about the meeting ("is it 14:00 Geneva
    time on the day?", "one question on item 2: ...") asks something to know, not work
    done at it. ``other_day``: the body names a day besides the subject's."""
    begin, end = candidate.span
    if not agenda:
        return day if candidate.kind == ACTION and _names_subject_session(
            text, begin, end, other_day) else None
    asking = _ASKING.search(text, begin, end)
    start = _line_start(text, asking.start() if asking else begin, known)
    row = _ROW_DAY.match(text, start)
    if row:
        return _date(row, base)
    if _NUMBERED.match(text, start) or _AT_SESSION.search(text, begin, end):
        return day
    return None


def date_from_agenda(candidates: list[ActionCandidate], text: str,
                     sent: datetime | None, subject: str = "") -> list[ActionCandidate]:
    """The items with the meeting's day (or their schedule row's) where the agenda of a
    meeting the message convenes holds them undated, or where they name the session of
    the meeting whose day and time the ``subject`` gives; the others as they were."""
    if sent is None or not any(c.due is None for c in candidates):
        return candidates
    agenda = "When" in text or "agenda" in text.lower()
    day = meeting_day(text, sent) if agenda else None
    if day is None:
        day = subject_meeting_day(subject, sent)
        agenda = agenda and day is not None and "agenda" in subject.lower()
    if day is None:
        return candidates
    base = sent.date()
    # read once, not per item: a long body with many items stays linear
    other_day = not agenda and any(_date(m, base) != day for m in _DAY.finditer(text))
    dated: list[ActionCandidate] = []
    known: dict[int, int] = {}
    for candidate in candidates:
        due = (_due_in_agenda(candidate, text, day, base, known, agenda, other_day)
               if candidate.due is None else None)
        dated.append(candidate if due is None or due < base else replace(
            candidate, due=due, due_text=candidate.due_text or "the meeting's day"))
    return dated
