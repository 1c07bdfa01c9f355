"""Due dates in a sentence: absolute, relative to the message's date, or unknowable.

Absolute forms: "15 March 2027", "15 Mar", "March 15, 2027", "2027-03-15", "15/03/2027",
"15.03.2027" (numeric dates are read day first, as ITU documents write them, unless the
first number cannot be a month), "20-24 January 2027" (the first day), "end of March",
"mid-March". A date without a year is this year's unless that is more than a month
past, then next year's ("by 10 January" written in December or in March).

Relative forms are resolved against the message's own date *in its own time zone*
(pass the aware datetime with the sender's offset): "today", "tomorrow", "by Friday"
(the first Friday after the message day), "by next Friday" (the Friday of next week),
"within two weeks", "within 5 working days", "by the end of the week/month/year",
"end of next week/month".

"Before the next TSAG meeting" (no date given) is a due phrase with no date: it is
returned with ``value=None`` so that callers record no date instead of a wrong one.
"Two weeks before the meeting on 4 November" counts from the event's date; "a week
after the meeting" with no date of it in the sentence has none. "On Friday" (the day
something happens or happened) is no deadline unless a word says so ("due on Friday").

    >>> from datetime import datetime, timezone
    >>> find_due("Please reply by Friday.", datetime(2027, 3, 3, tzinfo=timezone.utc)).value
    datetime.date(2027, 3, 5)
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from iscg_mailbot.analyse.date_asked import asked_day
from iscg_mailbot.analyse.date_orders import month_first
from iscg_mailbot.analyse.date_phrases import RELATIVE, RESOLVERS, extra_matches
from iscg_mailbot.analyse.event_deadlines import before_event, is_event_day, is_held, starts_after
from iscg_mailbot.analyse.text_gates import GatedPattern, WordSet, folded

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2,
    "couple of": 2, "a few": 3,
}

MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = r"(?P<month>" + MONTH_NAMES + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_RANGE_TAIL = r"(?:\s*(?:-|\u2013|to|and)\s*\d{1,2}" + _ORD + r")?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2})(?!\d))?"
_NUM = r"(?P<num>\d{1,3}|" + "|".join(
    re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True)
) + r")"
_WEEKDAY_NAMES = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
_WEEKDAY = r"(?P<weekday>" + _WEEKDAY_NAMES + r")"
# The place or zone an hour is told in: "COB Geneva (time)", "EOD CET".
_HOUR_PLACE = (r"(?:\s*\(?\s*(?:geneva|new\s+york|cet|cest|utc|gmt|[ecmp][sd]?t)"
               r"(?:\s+time)?\s*\)?)?")

# Each pattern has a name; the resolver for that name turns the match into a date.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "2031-03-04", "2031-03-04T17:00Z" (the hour run on after a "T").
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\b|(?=T\d))")),
    ("numeric", re.compile(
        r"(?<![\d.\/])(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)?\d{2})"
        r"(?![\d\/]|\.\d)")),
    ("part_of_month", re.compile(
        r"\b(?P<part>end|mid|middle|beginning|start)(?:\s+of\s+|-|\s+)" + _MONTH + _YEAR + r"\b",
        re.IGNORECASE)),
    # "15 March", "15th of March", "15. March" (the day's full stop, as German writes it).
    ("day_month", re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?" + _RANGE_TAIL + r"\s+(?:of\s+)?" + _MONTH + _YEAR
        + r"(?![\w-])", re.IGNORECASE)),
    ("month_day", re.compile(
        r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r"(?!\d|:\d)" + _RANGE_TAIL + _YEAR
        + r"(?![\w-])", re.IGNORECASE)),
    # "COB Geneva", "EOD CET": the hour's place or zone may follow, and then the day it
    # is of ("by COB Geneva time on Friday 12 March", "COB CET tomorrow") if any.
    ("today", re.compile(
        r"\b(?P<word>today|tonight|tomorrow|end of (?:the )?(?:business )?day|eod|cob"
        r"|close of business)\b(?!" + _HOUR_PLACE + r"\s*,?\s+(?:on\s+)?(?:\d|tomorrow\b|"
        + _WEEKDAY_NAMES + r"))", re.IGNORECASE)),
    ("within", re.compile(
        r"\b(?:within|in|during|over)\s+(?:the\s+)?(?:next\s+)?" + _NUM
        + r"\s+(?P<workdays>working\s+|business\s+|calendar\s+)?(?P<unit>day|week|month)s?"
        r"(?:['\u2019]?\s*time)?\b", re.IGNORECASE)),
    ("end_of", re.compile(
        r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|the\s+current\s+)?(?P<next>next\s+)?"
        r"(?P<unit>week|month|year)\b", re.IGNORECASE)),
    ("next_week", re.compile(r"\b(?:by|before|until|early)\s+next\s+week\b", re.IGNORECASE)),
    # "next week", "this week" alone: when something happens (its Friday), no deadline
    # unless a marker says so or a commitment is to be done then
    # (action_dates_clauses.commitment_due).
    ("week", re.compile(r"\b(?P<which>next|this|the\s+coming|coming)\s+week\b", re.IGNORECASE)),
    ("weekday", re.compile(
        r"\b(?P<lead>by|before|until|till|on|no later than|this|next|coming|cob|eod"
        r"|close of business|end of(?: the)? day)" + _HOUR_PLACE + r",?\s+(?:on\s+)?"
        r"(?:(?P<mod>this|next|the coming|coming)\s+)?" + _WEEKDAY
        + r"\b(?!,?\s+(?:\d|" + MONTH_NAMES + r"))",
        re.IGNORECASE)),
    # "two weeks before the meeting (on 4 November)": relative to a named event.
    ("event_relative", re.compile(
        r"\b" + _NUM + r"\s+(?P<workdays>working\s+|business\s+)?(?P<unit>day|week|month)s?"
        r"\s+(?P<dir>before|after|ahead\s+of|prior\s+to|following)\s+(?:(?:the|our|its|their|this|"
        r"that)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session|plenary|assembly|conference|forum|"
        r"event|webinar|workshop|summit|council|deadline|call)s?\b"
        # A body named, and when it opens: "one week before RAG opens on 16 April".
        r"|(?-i:[A-Z][\w-]*)\s+(?:opens|meets|starts|begins|convenes)\b)", re.IGNORECASE)),
    ("next_meeting", re.compile(
        r"\b(?:before|by|at|during|prior to|ahead of|in time for|until|for)\s+"
        r"(?:the|its|their|our|your)\s+(?:next|upcoming|forthcoming|coming|following)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:meeting|session|plenary|assembly|conference)s?\b",
        re.IGNORECASE)),
]

# The words one of which each match of a pattern holds (in lower case), and whether it
# holds a digit: find_dates searches a sentence only for the patterns it can match.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNITS = ("day", "week", "month")
_GATES: dict[str, tuple[tuple[str, ...] | None, bool]] = {
    "iso": (("-",), True),
    "numeric": (None, True),
    "part_of_month": (("end", "mid", "beginning", "start"), False),
    "day_month": (_MONTH_WORDS, True),
    "month_day": (_MONTH_WORDS, True),
    "today": (("today", "tonight", "tomorrow", "end", "eod", "cob", "close"), False),
    "within": (_UNITS, False),
    "end_of": (("end",), False),
    "next_week": (("week",), False),
    "week": (("week",), False),
    "weekday": (("mon", "tue", "wed", "thu", "fri", "sat", "sun"), False),
    "event_relative": (_UNITS, False),
    "next_meeting": (("meeting", "session", "plenary", "assembly", "conference"), False),
}
_GATED: list[tuple[str, re.Pattern[str] | GatedPattern, bool]] = [
    (kind, GatedPattern(pattern, words) if words else pattern, digit)
    for kind, pattern in _PATTERNS
    for words, digit in (_GATES[kind],)
]
_DIGIT = re.compile(r"\d")
# The gates' words, read in one pass over a sentence (most hold none): each pattern, if
# it needs a digit, and the bits of its words (0: searched in every sentence).
_WORDS = WordSet(w for _, p, _d in _GATED if isinstance(p, GatedPattern) for w in p.words)
_SEARCHED: list[tuple[str, re.Pattern[str], bool, int]] = [
    (kind, p.pattern, digit, _WORDS.mask(p.words)) if isinstance(p, GatedPattern)
    else (kind, p, digit, 0) for kind, p, digit in _GATED]

# Words that make a following date a deadline rather than, say, a meeting date.
MARKER_BEFORE = re.compile(
    r"\b(?:by|before|until|till|no later than|not later than|on or before|prior to|"
    r"ahead of|deadline|due|latest|in time for|cut-?off|close of|closes|expires?|extended to|"
    r"submitted on|avant|antes|hasta|at\u00e9|d['\u2019]ici|limite|l\u00edmite)\b[^.;]{0,45}$",
    re.IGNORECASE,
)
_MARKER_AFTER = re.compile(r"^(?![^.;]{0,25}\bnot\s+(?:a|the|any)\s+deadline)"  # "(not a deadline)"
                           r"[^.;]{0,25}\b(?:at the latest|deadline)\b", re.IGNORECASE)
_RELATIVE = frozenset({"today", "within", "end_of", "next_week", "weekday", "week"}) | RELATIVE


@dataclass(frozen=True)
class DueMention:
    """A date expression in a sentence.

    ``value`` is None when the expression names no knowable day ("before the next
    meeting") or needs the message date and none was given. ``marked`` is true when the
    words around it make it a deadline ("by", "no later than", "deadline"). ``opens``
    is true when an unmarked day is when something starts or happens first ("after our
    call with WMO on 20 April", "from 1 January"): a day after which the work is done,
    not one by which it is due. ``held`` is true when an unmarked day is when something
    is held ("Council 2027 (Geneva, 8-18 June)", "on 1 July at 10:00 UTC").
    """

    value: date | None
    text: str
    start: int
    end: int
    kind: str
    marked: bool
    opens: bool = False
    held: bool = False


def year_for(month: int, day: int, base: date | None) -> int | None:
    """The year a day written without one means on ``base``: base's, or the next."""
    if base is None or not 1 <= day <= 31:
        return None
    for year in (base.year, base.year + 1):
        # A day the month has not that year ("29 February" of 2027) is read as its last
        # day to choose the year, as date_phrases does: in December 2027 "by 29
        # February" is 29 February 2028, in January 2027 no date (_safe_date).
        candidate = date(year, month, min(day, monthrange(year, month)[1]))
        if candidate >= base - timedelta(days=31):
            return year
    return base.year + 1


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[folded(word)[:3]]


def _add_working_days(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _resolve(kind: str, match: re.Match[str], base: date | None) -> date | None:
    groups = match.groupdict()
    if kind == "iso":
        return _safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if kind == "numeric":
        day, month = int(groups["d"]), int(groups["m"])
        if month > 12 >= day:  # "03/15/2027" can only be month first
            day, month = month, day
        year = int(groups["y"])
        return _safe_date(year + 2000 if year < 100 else year, month, day)
    if kind in ("day_month", "month_day"):
        month, day = _month_number(groups["month"]), int(groups["day"])
        given = groups.get("year")
        return _safe_date(int(given) if given else year_for(month, day, base), month, day)
    if kind == "part_of_month":
        month = _month_number(groups["month"])
        given = groups.get("year")
        in_year = int(given) if given else year_for(month, 28, base)
        if in_year is None:
            return None
        part = groups["part"].lower()
        if part == "end":
            return _plus(date(in_year, month, 1), relativedelta(day=31))
        if part in ("mid", "middle"):
            return date(in_year, month, 15)
        return date(in_year, month, 1)
    if base is None:
        return None
    return _resolve_relative(kind, groups, base)


def _plus(day: date, delta: relativedelta) -> date:
    """``day + delta`` typed as a date (dateutil's stubs return Any)."""
    result: date = day + delta
    return result


def _resolve_relative(kind: str, groups: dict[str, str | None], base: date) -> date | None:
    if kind == "today":
        return base + timedelta(days=1) if (groups["word"] or "").lower() == "tomorrow" else base
    if kind == "next_week":
        return base + timedelta(days=7 - base.weekday())
    if kind == "week":
        # The Friday of that week, as "by the end of the (next) week".
        ahead = "" if (groups.get("which") or "").lower() == "this" else "next"
        return _end_of({"unit": "week", "next": ahead}, base)
    resolve = _RESOLVERS.get(kind)
    return resolve(groups, base) if resolve is not None else None


def _within(groups: dict[str, str | None], base: date) -> date:
    """"within two weeks", "in 5 working days"."""
    raw = (groups["num"] or "").lower()
    number = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
    unit = (groups["unit"] or "").lower()
    workdays = (groups.get("workdays") or "").strip().lower()
    if unit == "day" and workdays and workdays != "calendar":
        return _add_working_days(base, number)
    if unit == "day":
        return base + timedelta(days=number)
    if unit == "week":
        return base + timedelta(weeks=number)
    return _plus(base, relativedelta(months=number))


def _end_of(groups: dict[str, str | None], base: date) -> date:
    """"by the end of the (next) week / month / year"."""
    unit, step = (groups["unit"] or "").lower(), 1 if groups.get("next") else 0
    if unit == "week":
        # The Friday of this (or next) week; a weekend message means the coming week.
        monday = base - timedelta(days=base.weekday())
        if base.weekday() >= 5:
            monday += timedelta(weeks=1)
        return monday + timedelta(weeks=step, days=4)
    if unit == "month":
        return _plus(base, relativedelta(months=step, day=31))
    return date(base.year + step, 12, 31)


def _weekday(groups: dict[str, str | None], base: date) -> date:
    """"by Friday", "next Friday"."""
    target = WEEKDAYS[folded(groups["weekday"] or "")[:3]]
    modifier = ((groups.get("mod") or "") + " " + (groups.get("lead") or "")).lower()
    if "next" in modifier.split():
        # "next Friday": the Friday of next week.
        monday_next = base + timedelta(days=7 - base.weekday())
        return monday_next + timedelta(days=target)
    # "by Friday": the first Friday after the message day (never the day itself).
    return _plus(base, relativedelta(days=1, weekday=target))


_RESOLVERS: dict[str, Callable[[dict[str, str | None], date], date | None]] = {
    "within": _within,
    "end_of": _end_of,
    "weekday": _weekday,
}
# The phrases of date_phrases.py ("within a fortnight", "by the 15th", "2026/11/15").
_RESOLVERS.update(RESOLVERS)
_RESOLVERS["weekday_time"] = _weekday


_EVENT_DATE = re.compile(r"\s*(?:,\s*)?(?:\(\s*)?(?:on|of|held\s+on|starting|from)?\s*"
                         r"(?:(?:" + _WEEKDAY_NAMES + r")\.?,?\s+)?", re.IGNORECASE)
_EVENT_DATE_KINDS = ("iso", "numeric", "day_month", "month_day")
# Days in figures alone, either number of which may be the month (date_orders).
_FIGURES = ("numeric", "day_month_figures")


def _from_event(text: str, match: re.Match[str], base: date | None) -> date | None:
    """"two weeks before the meeting on 4 November": counted from the event's own date
    when the sentence gives it right after the event; else None (never guessed)."""
    after = _EVENT_DATE.match(text, match.end())
    start = after.end() if after else match.end()
    for kind, pattern in _PATTERNS:
        if kind not in _EVENT_DATE_KINDS:
            continue
        found = pattern.match(text, start)
        if found is None:
            continue
        event = _resolve(kind, found, base)
        if event is None:
            return None
        raw = (match.group("num") or "").lower()
        number = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
        unit = (match.group("unit") or "").lower()
        step = (timedelta(days=number) if unit == "day" else timedelta(weeks=number)
                if unit == "week" else None)
        sign = 1 if match.group("dir").lower() in ("after", "following") else -1
        if step is None:
            return _plus(event, relativedelta(months=sign * number))
        return event + sign * step
    return None


def find_dates(text: str, sent: datetime | None) -> list[DueMention]:
    """Every date expression in ``text``, left to right, without overlaps.

    ``sent`` is the message date; its own offset decides what "today" is.
    """
    base = sent.date() if sent is not None else None
    found: list[tuple[int, int, str, re.Match[str]]] = []
    lowered = folded(text)
    digit = _DIGIT.search(text) is not None
    words = _WORDS.bits(lowered)
    for kind, pattern, needs_digit, mask in _SEARCHED:
        if (needs_digit and not digit) or (mask and not words & mask):
            continue  # "31/12", "4 December": none without a digit; nor without a word
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.extend(extra_matches(text, lowered, digit))
    # Prefer the earliest, then the longest; drop anything overlapping a kept mention.
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[DueMention] = []
    last_end = -1
    for start, end, kind, match in found:
        if start < last_end:
            continue
        if kind == "event_relative":
            value = _from_event(text, match, base)
        else:
            value = None if kind == "next_meeting" else _resolve(kind, match, base)
        if kind not in ("next_meeting", "event_relative", *_RELATIVE) and value is None:
            continue  # "31 February": not a date
        if kind in _FIGURES and value is not None:
            value = month_first(text, start, end, value, base)  # "by Fri 11/7"
        last_end = end
        before = text[max(0, start - 60):start]
        after = text[end:end + 40]
        marked = (
            (kind in _RELATIVE and not is_event_day(kind, match))
            or kind in ("next_meeting", "event_relative")
            or bool(MARKER_BEFORE.search(before))
            or bool(_MARKER_AFTER.search(after))
        )
        if value is not None and before_event(text, start, kind):
            value, marked = value - timedelta(days=1), True
        marked = not (asked := asked_day(text, start, end)) and marked  # "meets on 5 May?"
        opens = not marked and not asked and starts_after(before, match.group(0))
        held = asked or (not marked and is_held(match.group(0), before, after))
        mentions.append(DueMention(value, match.group(0), start, end, kind, marked, opens,
                                   held))
    return mentions


def pick_due(mentions: list[DueMention], sent: datetime | None) -> DueMention | None:
    """The mention that is the sentence's due date, or None.

    A marked mention wins; "before the next meeting" followed closely by a date takes
    that date. Failing that, the only absolute date not in the past is taken (a task
    sentence naming one future day rarely means anything else), unless it is the day
    something is held (a span of days, a day with its hour).
    """
    for index, mention in enumerate(mentions):
        if not mention.marked:
            continue
        if mention.kind == "next_meeting":
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if following is not None and following.value is not None and (
                following.start - mention.end <= 40
            ):
                return following
        return mention
    base = sent.date() if sent is not None else None
    absolute = [m for m in mentions
                if m.kind not in _RELATIVE and m.value is not None and not m.opens]
    if any(m.held for m in absolute):
        return None  # the one day is when something is held (or one of several days)
    if len(absolute) == 1 and (base is None or absolute[0].value >= base):  # type: ignore[operator]
        return absolute[0]
    return None


def find_due(text: str, sent: datetime | None) -> DueMention | None:
    """The due date of a sentence (see :func:`pick_due`), or None."""
    return pick_due(find_dates(text, sent), sent)


__all__ = ["DueMention", "find_dates", "find_due", "pick_due"]
