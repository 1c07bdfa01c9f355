"""Days that are events, not deadlines, around a commitment or a request.

"Before our CITEL meeting on 20 July": the day given is the meeting's, the deadline the
day before (:func:`before_event`, read by :func:`.action_dates.find_dates`). "We will send
the formal request in December": a commitment done in a month is due by its last day
(:func:`date_in_month`), unless the month is an event's ("at the SG15 plenary in June").
"After our call with WMO on 20 April", "from 1 June": the day is when the work may
start, no deadline (:func:`starts_after`). "For Council 2027 (Geneva, 8-18 June)", "on 1
July at 10:00 UTC": the days something is held, no deadline either (:func:`is_held`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.records import ActionCandidate

# "before our CITEL meeting on 20 July", "Before the JCA-AHF meeting on 1 July", "avant la
# réunion de l'Assemblée (12 avril)", "before we brief our regulator on 20 June": the day
# given is the event's, and what is asked must be there before the event starts, so the
# deadline is the day before (the sixth, seventh and eighth writers label it so; a bare
# "before 15 March" is read as "by", which the earlier writers do). The next meeting with
# its date ("before the next meeting (14 June)", "before the next SG9 meeting (3-10
# November 2027)") is the same: the day before its first day (w8, w18, w21 label it so,
# as the calendar's "before the next TSAG meeting" is read: meeting_dates).
_BEFORE_EVENT = re.compile(
    r"\b(?:before|ahead\s+of|prior\s+to|avant|antes\s+de)\s+(?:"
    r"(?:the|our|its|their|this|that|your|la|le|les|l['\u2019]|el|nuestra|notre)\s*"
    r"(?:[^.;:?!]){0,70}?\b(?:meeting|session|plenary|assembly|conference|forum|workshop|"
    r"webinar|summit|symposium|consultation|r\u00e9union|reuni\u00f3n|assembl\u00e9e|"
    r"s\u00e9ance|conf\u00e9rence|atelier|taller)s?\b"
    r"|(?:we|they|I)\s+(?!(?:will|would|can|could|need|must|have)\b)\w+\b"
    # A body or meeting named, and when it opens: "before TSAG opens on Monday 19 February"
    # (the twenty-first writer's; "before the SG12 meeting (it starts on 31 May)" above).
    r"|(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z0-9][\w/-]*))?\s+(?:opens|meets|starts|begins|convenes)\b)"
    r"(?:(?!\b(?:by|until|till|no\s+later)\b)[^.;:?!\d]){0,40}$",
    re.IGNORECASE)
_BEFORE_WORDS = ("before", "ahead of", "prior to", "avant", "antes de")


# The kinds of date that name a day (:mod:`.action_dates`, :mod:`.date_phrases`).
_DAYS = frozenset({"iso", "numeric", "day_month", "month_day", "foreign_day_month"})


def before_event(text: str, start: int, kind: str) -> bool:
    """Whether the day (of ``kind``) at ``start`` is an event's that the deadline is
    "before"."""
    if kind not in _DAYS:
        return False
    # The words are looked for in the window searched, not the whole text: once a day,
    # the whole text made a line of days quadratic ("; on 1 June x" repeated to 52,000
    # characters: 2-3 s). folded() keeps every word the pattern can match there.
    window = folded(text[max(0, start - 150):start])
    return any(w in window for w in _BEFORE_WORDS) and _BEFORE_EVENT.search(
        text, max(0, start - 150), start) is not None


# A weekday shortened before a date, as the date reader knows it (action_dates): "by Thu
# 2 March", "before Fri., 10 March". (action_classify's "by ..." reads it too.)
SHORT_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
# "before 30 June", "before Friday, 10 March", "before Thu 2 March": the deadline word
# right before the day.
_BEFORE_DAY = re.compile(r"\b(?:before|ahead\s+of|prior\s+to|avant|antes\s+de)\s+(?:the\s+)?"
                         r"(?:[A-Za-z]+day,?\s+|" + SHORT_WEEKDAY + r")?$", re.IGNORECASE)
# "before the call", "before that meeting", "before the next call" pointed back to a
# dated one: read as the day before it already (action_back_dates), as an event's day is.
_BEFORE_DATED_EVENT = re.compile(r"(?:before|prior\s+to|ahead\s+of)\s+(?:the|our|that)\s+"
                                 r"(?:next\s+)?(?:\w+\s+)?(?:meeting|session|call)$",
                                 re.IGNORECASE)
_NAMES_DAY = re.compile(r"\d|day\b", re.IGNORECASE)


def before_as_agreed(candidate: ActionCandidate, before: str) -> ActionCandidate:
    """The candidate's due date read by the list's convention for "before <day>"
    (config/actions.yaml ``before``): the rules read an event's day ("before the meeting
    on 4 May", :func:`before_event`) as the day before and a bare day ("before 30 June")
    as that day (``events``); ``day_before`` reads both as the day before, ``that_day``
    both as that day."""
    if before == "events" or candidate.due is None or not candidate.due_text:
        return candidate
    text, day = candidate.sentence, candidate.due_text.strip()
    at = text.find(day)
    dated_event = _BEFORE_DATED_EVENT.match(day) is not None
    if at < 0 or not (dated_event or _NAMES_DAY.search(day)):
        return candidate
    if dated_event or before_event(text, at, "day_month"):
        shift = 1 if before == "that_day" else 0  # read as the day before already
    elif _BEFORE_DAY.search(text, max(0, at - 40), at):
        shift = -1 if before == "day_before" else 0  # read as that day
    else:
        return candidate
    return replace(candidate, due=candidate.due + timedelta(days=shift)) if shift else candidate


# An unmarked day after "after" or "following" (the words between them not closing the
# clause: "after our call with WMO on 20 April"), or right after "from", "as of",
# "starting": the day something starts, not a deadline. ("from Bangkok on 19 May" is
# where, not since when.)
_SPAN = re.compile(r"\d\s*(?:-|\u2013|to|and)\s*\d", re.IGNORECASE)
_OPENS_BEFORE = re.compile(
    r"\b(?:(?:after|following)\b[^.;,:()]{0,40}|(?:from|as\s+of|starting(?:\s+on)?|"
    r"beginning\s+on)\s+(?:the\s+)?)$",
    re.IGNORECASE)


def starts_after(before: str, day: str) -> bool:
    """Whether an unmarked ``day`` is when something starts, by the words ``before`` it
    in the sentence: "after our call with WMO on 20 April", "from 1 June". A span ("at
    its meeting from 8 to 12 November") is the meeting's days: its first is kept."""
    return bool(_OPENS_BEFORE.search(before)) and not _SPAN.search(day)


# A day given with its hour: "tentatively on 1 July at 10:00 UTC", "on 3 June, 14:00-15:30
# CET", "on 9 March from 9 am": when something is held ("am" a word: "15 July, 2
# amendments" gives no hour).
_AT_HOUR = re.compile(
    r"^\s*,?\s*(?:at\s+|from\s+)?\d{1,2}(?:[:.h]\d{2}\b|\s*(?:(?:am|pm)\b|a\.m\.|p\.m\.))",
    re.IGNORECASE)


# A span of days set off as what describes an event: "(Geneva, 8-18 June)", ", 6 to 10
# December 2027,".
_SET_OFF = re.compile(r"[(,]\s*$")


# A part of the day before it: "a side meeting at lunchtime on 7 October", "in the
# morning of 3 June": when something is held, as a day with its hour is.
_DAY_PART = re.compile(r"\b(?:at\s+)?(?:lunch\s*time|lunch|midday|noon|in\s+the\s+(?:morning|"
                       r"afternoon|evening))\s+(?:on|of)\s+$", re.IGNORECASE)
# A day of the calendar's observances: "the International Girls in ICT Day on 22 April",
# "For World Telecommunication and Information Society Day on 17 May", "the day of girls
# in technology on 22 April" (the second and fourth writers): the Day's own date.
_OBSERVANCE = re.compile(r"\bday\b(?:\s+of\s+[^,.;:()\d]{1,50}?)?,?\s+(?:on|of)\s+$",
                         re.IGNORECASE)


# A day the writer says is none: "on 11/18 (that's the event date, not a deadline)", "Next
# call: 3/20 (not a deadline, just a heads-up)", "on 2031-06-18 (that is the exercise
# date, not a deadline for anyone here)" (w24, w26; w14's "This is not a deadline" after
# the call's day is a sentence of its own).
_NO_DEADLINE = re.compile(
    r"^[^.;!?]{0,30}?\bnot\s+(?:a|the|any)\s+deadline\b"
    r"|^\s*\(?\s*(?:that|this|it)(?:['\u2019]s|\s+is)\s+(?:just\s+)?the\s+(?:[\w-]+\s+)?date\b",
    re.IGNORECASE)


def is_held(day: str, before: str, after: str) -> bool:
    """Whether an unmarked ``day`` is when something is held, not a deadline: a span of
    days set off after the event ("Council 2027 (Geneva, 8-18 June)", "a course, 6 to 10
    December 2027, in Bogota") or a day with its hour ("a briefing, tentatively on 1 July
    at 10:00 UTC"); ``before`` and ``after`` are the sentence's text around it. Work to
    be done at the event ("discuss it at its meeting from 8 to 12 November") is due on
    its first day, as before. A Day observed ("Girls in ICT Day on 22 April") is held on
    its date too, and so is a day with the part of it something is at ("a side meeting
    at lunchtime on 7 October")."""
    return bool((_SPAN.search(day) and _SET_OFF.search(before)) or _AT_HOUR.match(after)
                or _NO_DEADLINE.match(after)
                or _OBSERVANCE.search(before) or _DAY_PART.search(before))


def is_event_day(kind: str, match: re.Match[str]) -> bool:
    """"on Friday", "this Friday": the day something happens (or happened: "we
    discussed it on Friday"), not a deadline unless a marker says so ("due on Friday")."""
    if kind == "week":
        return True
    return kind == "weekday" and (match.group("lead") or "").lower() in _EVENT_LEADS


_EVENT_LEADS = frozenset({"on", "this", "next", "coming"})


# "We will send the formal request from our regulator in December", "The draft module
# will be circulated to EGH members in September": a commitment to be done in a month is
# due by its last day (the sixth, seventh and eighth writers' dev parts label it so). Not
# a month an event is held in ("at the SG15 plenary in June", "WP 5D meets in October"),
# nor a part of one ("in early March": the earlier writers leave it undated), nor a
# request's ("remind them in August?"): only a promise's, after its "will".
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_IN_MONTH = re.compile(r"\b(?:in|during)\s+(?P<month>" + "|".join(_MONTHS)
                       + r")\b(?!\s*\d{1,2}\b)(?:\s+(?P<year>20\d\d)\b)?", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|shall|(?:are|is)\s+(?:going\s+)?to)\b", re.IGNORECASE)
_EVENT_BEFORE = re.compile(
    r"\b(?:meetings?|plenary|session|summit|conference|workshop|webinar|assembly|forum|"
    r"symposium|meets|held|takes\s+place|opens|starts)\s+(?:\S+\s+)?$", re.IGNORECASE)
_LATER_EVENT = re.compile(r"\b(?:after|following|once|when)\b", re.IGNORECASE)
# The rules that read a promise, the passive one included ("... will be circulated by TSB
# in July").
_PROMISES = frozenset({"commitment", "i_will", "entity_will", "will_be_done"})


def _month_end(text: str, sent: datetime) -> tuple[date, str] | None:
    will = _WILL.search(text)
    if will is None or text.rstrip().endswith("?"):
        return None
    for match in _IN_MONTH.finditer(text, will.end()):
        if _LATER_EVENT.search(text, will.end(), match.start()) or _EVENT_BEFORE.search(
                text, max(0, match.start() - 40), match.start()):
            continue
        month = _MONTHS.index(match.group("month").lower()) + 1
        given = match.group("year")
        year = int(given) if given else (
            sent.year if (sent.year, month) >= (sent.year, sent.month - 1) else sent.year + 1)
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return following - timedelta(days=1), match.group(0)
    return None


def date_in_month(candidates: list[ActionCandidate], sent: datetime | None
                  ) -> list[ActionCandidate]:
    """The undated promises done "in <month>" take the month's last day. Run after the
    passes that drop undated forecasts ("The study will be published in October"), so
    the date keeps no item that they drop."""
    if sent is None:
        return candidates
    result = []
    for candidate in candidates:
        if candidate.due is None and candidate.rule in _PROMISES and (
                " in " in candidate.sentence or "during" in candidate.sentence):
            found = _month_end(candidate.sentence, sent)
            if found is not None:
                candidate = replace(candidate, due=found[0], due_text=found[1])
        result.append(candidate)
    return result
