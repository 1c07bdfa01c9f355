"""Date headers of the one layout nearly all mail writes, read without the stdlib's
general reader.

``email.utils.parsedate_to_datetime`` splits the value into tokens and tries each of
the obsolete layouts in turn (~8 us a header). A value of the layout RFC 5322 asks for,
"Tue, 3 May 2024 10:12:00 +0200" (the day name optional, anything after the zone, as a
"(CEST)" comment, ignored as the stdlib ignores it), is read here with one pattern, to
the same datetime; any other value, or one the stdlib would refuse, is left to it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS, start=1)}
# Day name (with its comma), day, month, four-digit year, h:m:s, numeric zone, then
# nothing or a blank and anything (the stdlib reads the first five tokens only).
_PLAIN_DATE = re.compile(
    r"(?:[A-Z][a-z]{2}, )?(\d{1,2}) (" + "|".join(_MONTHS) + r") ([1-9]\d{3}) "
    r"(\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)(?= |$)")


def plain_date(text: str) -> datetime | None:
    """``email.utils.parsedate_to_datetime(text)`` for a value of the plain layout (one
    space between tokens, as the caller squeezed it); None for any other value, or one
    the stdlib refuses (31 February, hour 24, a zone of a day or more).

    >>> plain_date("Tue, 3 May 2024 10:12:00 +0200 (CEST)")
    datetime.datetime(2024, 5, 3, 10, 12, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))
    >>> plain_date("Tue, 3 May 2024 10:12:00 -0000"), plain_date("3 May 24 10:12 +0200")
    (datetime.datetime(2024, 5, 3, 10, 12), None)
    """
    match = _PLAIN_DATE.match(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    offset = int(zone_hours) * 3600 + int(zone_minutes) * 60
    try:
        if offset == 0 and sign == "-":  # "-0000": a UTC time from an unknown zone
            return datetime(int(year), _MONTH_NUMBERS[month], int(day), int(hour),
                            int(minute), int(second))
        return datetime(int(year), _MONTH_NUMBERS[month], int(day), int(hour), int(minute),
                        int(second),
                        tzinfo=timezone(timedelta(seconds=-offset if sign == "-" else offset)))
    except ValueError:
        return None
