"""Which number of a day written in figures ("4/11", "11/7/2031") is the month.

ITU writes the day first, and so does the date reader (:mod:`.action_dates`,
:mod:`.date_phrases`) unless the first number cannot be a month ("5/28"). Mail written
the American way puts the month first ("Pls vote by 4/11 (Friday)", "by Fri 11/7", "by
3/7" written on 18 February: the twenty-sixth writer's, as the fifth's "by 5/14"). When
both readings are days, two things tell them apart, in this order:

- a weekday said with the day ("Fri 11/7", "4/11 (Friday)", "Wed, 11/26"): the reading
  that falls on it (when exactly one does);
- another date in figures in the same text that can be read one way only: "by 3/7, ahead
  of the meeting on 20/7" is written day first, "by 3/7 and 3/20" month first (an ITU
  writer's "3/7" is not turned into March because it is near);
- how far ahead each reading is: a deadline said in figures without a year is near; when
  the day-first reading is more than four months after the message and the month-first
  one within about ten weeks, the month is first ("by 3/7" on 18 February is 7 March, not
  3 July). Otherwise the day stays first ("by 5/6" on 20 April is 5 June), and always
  for a date with its year ("by 02/06/2027" written on 5 January is 2 June).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY = (r"(?P<weekday>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?"
            r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)")
# "Fri 11/7", "Friday, 11/7", "Fri. (11/7)", "next Fri (12/12)".
_WEEKDAY_BEFORE = re.compile(r"\b" + _WEEKDAY + r"\.?,?\s*\(?\s*$", re.IGNORECASE)
# "4/11 (Friday)", "4/11, Friday", "4/11 Fri".
_WEEKDAY_AFTER = re.compile(r"^\s*(?:,\s*|\(\s*|-\s*)?" + _WEEKDAY + r"\b", re.IGNORECASE)
_FIGURES = re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{2,4}))?$")
# How far ahead a deadline said in figures without a year is taken to be (see above).
_FAR = timedelta(days=120)
# Figures with a slash that can be read one way only: a day over 12 first or second.
_ONE_WAY = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d])")
_NEAR = timedelta(days=75)


def _weekday_said(text: str, start: int, end: int) -> int | None:
    before = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    after = _WEEKDAY_AFTER.match(text[end:end + 16])
    found = before or after
    return None if found is None else _WEEKDAYS[found.group("weekday").lower()[:3]]


def _swapped(value: date, base: date | None, year_given: bool) -> date | None:
    """The month-first reading of ``value`` (read day first), its year chosen as the
    reader chooses one (this year's unless more than a month past) when none is given."""
    try:
        if year_given or base is None:
            return value.replace(month=value.day, day=value.month)
        for year in (base.year, base.year + 1):
            other = date(year, value.day, value.month)
            if other >= base - timedelta(days=31):
                return other
        return date(base.year + 1, value.day, value.month)
    except ValueError:
        return None


def _order_written(text: str) -> str | None:
    """"day" or "month": which number the text's dates in figures put first, when one of
    them can be read one way only and none says the other. (The date being read is never
    one of them: both its numbers are months.) Read once a text: a text of many dates
    in figures takes time linear in its length."""
    last = _LAST[0]
    if last[0] is not text:
        orders = set()
        for match in _ONE_WAY.finditer(text):
            a, b = int(match.group("a")), int(match.group("b"))
            if 12 < a <= 31 and 1 <= b <= 12:
                orders.add("day")
            elif 12 < b <= 31 and 1 <= a <= 12:
                orders.add("month")
        last = (text, orders.pop() if len(orders) == 1 else None)
        _LAST[0] = last  # one assignment: threads see a text with its own order
    return last[1]


# The last text read by :func:`_order_written`, with its order.
_LAST: list[tuple[str | None, str | None]] = [(None, None)]


def month_first(text: str, start: int, end: int, value: date, base: date | None) -> date:
    """``value``, read day first from the figures ``text[start:end]``, or its month-first
    reading when the words around it or the message's day say so (see the module)."""
    figures = _FIGURES.match(text[start:end].strip())
    if figures is None or value.day > 12 or value.day == value.month:
        return value  # not figures with a slash, or no other reading
    other = _swapped(value, base, figures.group("y") is not None)
    if other is None:
        return value
    weekday = _weekday_said(text, start, end)
    if weekday is not None:
        if value.weekday() != weekday and other.weekday() == weekday:
            return other
        return value
    order = _order_written(text)
    if order is not None:
        return other if order == "month" else value
    if figures.group("y") is not None:
        return value  # a date in full, as a day-first writer writes it: "by 02/06/2027"
    if base is not None and value - base > _FAR and timedelta(0) <= other - base <= _NEAR:
        return other
    return value


__all__ = ["month_first"]
