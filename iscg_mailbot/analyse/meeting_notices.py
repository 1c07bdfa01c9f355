"""ISCG meetings announced on the list: the convening letter's date, time, zone and link.

A convening letter names the group's meeting ("the next meeting of the Inter-Sector
Coordination Group", "The next ISCG meeting") and gives a day and a time span::

    >>> notice = find_convening(
    ...     "ISCG meeting, 4 November 2026 (hybrid)",
    ...     "The next ISCG meeting will take place on Wednesday, 4 November 2026, from "
    ...     "09:30 to 12:30 CET, in hybrid format (ITU headquarters, room H, and Zoom).")
    >>> notice.day, notice.time, notice.timezone, notice.place
    (datetime.date(2026, 11, 4), '09:30-12:30', 'CET', 'hybrid')

A reply that only mentions the meeting ("I will report at the ISCG meeting on 9
September") gives no time span and is no convening letter. Pure: text in, record out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from iscg_mailbot.analyse.text_gates import folded

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1)}

_ANNOUNCES = re.compile(
    r"\b(?:next|forthcoming|upcoming)\s+(?:ISCG\s+meeting|meeting\s+of\s+(?:the\s+)?"
    r"(?:Inter-Sector\s+Coordination\s+Group|ISCG))\b"
    r"|\bISCG\s+meeting\b[^.]{0,80}\b(?:will\s+(?:be\s+held|take\s+place)|is\s+convened)",
    re.IGNORECASE,
)
_DAY = re.compile(
    r"\b(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<year>20\d{2})\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\bfrom\s+(?P<start>\d{1,2}[:.h]\d{2})\s*(?:to|-|\u2013|until)\s*(?P<end>\d{1,2}[:.h]\d{2})"
    r"(?:\s*(?:hours|hrs))?\s*(?P<zone>UTC(?:[+-]\d{1,2})?|GMT|CES?T|EES?T|[A-Z]{3,4}\b)?"
    r"(?:\s*\((?P<zone_words>[A-Za-z ]{3,20}time)\))?",
)
_LINK = re.compile(r"https?://\S*(?:zoom|teams|webex|meet|itu\.int)\S*", re.IGNORECASE)
_FORMAT = re.compile(r"\b(virtual(?:ly)?|online|hybrid|in\s+person|physical)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ConveningNotice:
    """An ISCG meeting as its convening letter gives it."""

    day: date
    time: str
    timezone: str
    place: str
    online: str

    @property
    def meeting_id(self) -> str:
        """The calendar id the meeting gets when accepted: ``iscg-YYYY-MM-DD``."""
        return f"iscg-{self.day.isoformat()}"


def _clock(value: str) -> str:
    hours, minutes = re.split(r"[:.h]", value)
    return f"{int(hours):02d}:{minutes}"


def find_convening(subject: str, text: str) -> ConveningNotice | None:
    """The ISCG meeting a convening letter announces, or None if this is not one.

    The letter must say that the group's (next) meeting will be held, and give the day
    and a time span within the same paragraph.
    """
    body = " ".join(text.split())
    announce = _ANNOUNCES.search(body)
    if announce is None:
        return None
    window = body[announce.start():announce.start() + 400]
    day_match = _DAY.search(window)
    time_match = _TIME.search(window)
    if day_match is None or time_match is None:
        return None
    try:
        day = date(int(day_match.group("year")), _MONTHS[folded(day_match.group("month"))],
                   int(day_match.group("day")))
    except ValueError:
        return None
    zone = time_match.group("zone") or ""
    if time_match.group("zone_words"):
        zone = f"{zone} ({time_match.group('zone_words')})".strip()
    link = _LINK.search(body)
    fmt = _FORMAT.search(window) or _FORMAT.search(subject)
    place = fmt.group(1).lower() if fmt else ""
    if place == "virtually":
        place = "virtual"
    return ConveningNotice(
        day=day,
        time=f"{_clock(time_match.group('start'))}-{_clock(time_match.group('end'))}",
        timezone=zone,
        place=place,
        online=link.group(0).rstrip(".,;)>") if link else "",
    )


__all__ = ["ConveningNotice", "find_convening"]
