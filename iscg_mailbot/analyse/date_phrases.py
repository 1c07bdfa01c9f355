"""Date phrases the due-date reader (:mod:`action_dates`) knows besides its own.

Written for mail that words a deadline otherwise than "by 15 March" or "within two
weeks", each form resolved against the message's day:

- a fortnight: "within a fortnight", "in the coming fortnight", "in two fortnights";
- counted from the message: "two weeks from today", "10 days from now", "the day
  after tomorrow";
- a day of the month named by its ordinal alone, after a deadline word: "by the
  15th" (the next 15th), "no later than the 3rd of next month";
- other layouts of a full date: "2026/11/15", "2026.11.15", "15-Nov-2026", "15/Nov/26";
- a day and month in figures after a deadline word: "by 18/11", "before Wed 18.11."
  (day first, as ITU writes it, month first only when no day-first reading exists: "by
  5/28"; never "Q4/17", never "by 2.5 %");
- ends: "year-end", "month-end", "end-of-year", "the last day of November", "the
  end of Q1 2027", "end of the second quarter", "EOW", "EOM", "EOQ", "EOY", "the end of
  the quarter", "end of H1";
- parts of the next month: "mid-next month", "the beginning of next month";
- a weekday with a time: "by Thursday 12:00 CET", "before Friday 5 pm".

Vague parts ("early December", "late 2027", "in Q1") are left undated: readers do
not agree on a day for them.

Each pattern is searched only in text holding one of its words (a cheap substring
test), so sentences without them cost one ``in`` per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from iscg_mailbot.analyse.text_gates import folded, trie_pattern

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
           "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY_NAMES = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14,
          "twenty": 20, "thirty": 30}
_COUNT_WORDS = "|".join(sorted(_COUNT, key=len, reverse=True))
_NEXT = r"(?P<which>next|this|the\s+(?:next|coming|following|current)|coming|following)"
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
# A deadline word right before a day written in figures alone: "by 18/11", "before
# Wed 18.11.", "deadline: 18/11".
_LEAD = re.compile(
    r"\b(?:by|before|until|till|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|"
    r"deadline(?:\s+is)?:?|due(?:\s+on|\s+by)?|cob|eod|close\s+of\s+business)\s+(?:the\s+)?"
    # "by COB 12/3", "by EOD Fri 11/7": the hour's words between.
    r"(?:(?:cob|eod|close\s+of\s+business)\s+(?:on\s+)?)?"
    r"(?:(?:" + _WEEKDAY_NAMES + r")\.?,?\s+)?$",
    re.IGNORECASE,
)

# (kind, words one of which each match holds, needs a lead, pattern)
# Not after a determiner: "the EOM report" names a report, not a day.
_NOT_NAMING = "".join(rf"(?<!\b{word}\s)" for word in (
    "the", "an", "our", "your", "this", "that", "their", "its", "my", "his", "her"))
PATTERNS: list[tuple[str, tuple[str, ...], bool, re.Pattern[str]]] = [
    ("fortnight", ("fortnight",), False, re.compile(
        r"\b(?:within|in|during|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
        r"(?:(?P<num>\d{1,2}|" + _COUNT_WORDS + r")\s+)?fortnights?(?:['\u2019]s?\s*time)?\b",
        re.IGNORECASE)),
    ("from_now", ("from today", "from now", "from the", "from this"), False, re.compile(
        r"\b(?P<num>\d{1,3}|" + _COUNT_WORDS + r")\s+(?P<workdays>working\s+|business\s+)?"
        r"(?P<unit>day|week|month)s?\s+from\s+(?:today|now|the\s+date\s+of\s+this\s+"
        r"(?:message|mail|e-?mail|letter)|(?:this|the)\s+(?:message|mail|e-?mail))\b",
        re.IGNORECASE)),
    ("after_tomorrow", ("after tomorrow",), False, re.compile(
        r"\b(?:the\s+)?day\s+after\s+tomorrow\b", re.IGNORECASE)),
    ("ordinal_day", ("st", "nd", "rd", "th"), True, re.compile(
        r"(?<![\w/.-])(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
        r"(?:\s+of\s+(?:the\s+)?" + _NEXT.replace("which", "month_of")
        + r"\s+month\b|\s+of\s+the\s+month\b)?"
        r"(?!\s*(?:of\s+)?(?:" + _MONTH_NAMES + r")\b|[\w-]|\s+(?!(?:at|please|so|and|if|or|to"
        r"|for|as|latest|with|in\s+order|cet|cest|utc|gmt|geneva)\b)[a-z])",
        re.IGNORECASE)),
    ("ymd", ("/", "."), False, re.compile(
        r"(?<![\d./])(?P<y>(?:19|20)\d{2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        r"(?![\d/]|\.\d)")),
    ("d_mon_y", ("-", "/"), False, re.compile(
        r"(?<![\w/-])(?P<d>\d{1,2})(?P<sep>[-/])(?P<month>" + _MONTH_NAMES + r")\.?"
        r"(?P=sep)(?P<y>(?:19|20)?\d{2})(?![\w/-])", re.IGNORECASE)),
    ("day_month_figures", ("/", "."), True, re.compile(
        r"(?<![\w/.-])(?!24/7\b)(?P<d>[0-3]?\d)(?P<sep>[./])(?P<m>[0-3]?\d)"
        r"(?![\d/]|\.\d|\s*(?:%|per\s*cent|percent|million|billion|GHz|MHz|kHz|dB|times)\b"
        r"|\s*%)")),
    ("year_month_end", ("year-end", "month-end", "end-of", "calendar year"), False, re.compile(
        r"\b(?:(?P<unit>year|month)-end|end-of-(?:the-)?(?P<unit2>year|month)"
        r"|end\s+of\s+(?:the\s+)?calendar\s+year)\b", re.IGNORECASE)),
    ("last_day", ("last day",), False, re.compile(
        r"\b(?:the\s+)?last\s+day\s+of\s+(?:(?:the|this)\s+(?P<unit>month|year)\b"
        r"|(?P<month>" + _MONTH_NAMES + r")\.?(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?![\w-]))",
        re.IGNORECASE)),
    ("quarter_end", ("quarter", "q1", "q2", "q3", "q4"), False, re.compile(
        r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?|end-)(?:(?P<q>Q[1-4])|(?P<qw>first|second|third"
        r"|fourth|last)\s+quarter)(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d{2}))?(?![\w-])",
        re.IGNORECASE)),
    # Office shorthand for the end of a period: "by EOW", "EOM", "EOQ", "EOY" (the end of
    # this week, month, quarter, year); "by the end of the quarter", "end of H1". The
    # shorthand in capitals only, and not the name of a thing ("the EOM figures", "our
    # EOW list") nor the end-of-message mark of a subject line ("(EOM)", "<EOM>").
    ("period_end", ("eow", "eom", "eoq", "eoy", "quarter", "h1", "h2"), False, re.compile(
        r"\b(?:" + _NOT_NAMING + r"(?!(?<=[(<\[])EO[WMQY][)>\]])(?P<abbr>(?-i:EOW|EOM|EOQ|EOY))\b"
        r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|the\s+current\s+)?"
        r"(?:(?P<unit>quarter)|(?P<half>H[12])(?:\s+(?P<year>(?:19|20)\d{2}))?)(?![\w-]))",
        re.IGNORECASE)),
    ("part_of_next_month", ("next month", "following month", "coming month"), False,
     re.compile(
         r"\b(?P<part>mid|middle|beginning|start)(?:\s+of\s+|-|\s+)(?:the\s+)?"
         r"(?:next|following|coming)\s+month\b", re.IGNORECASE)),
    ("weekday_time", ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), False, re.compile(
        r"\b(?P<lead>by|before|until|till|no later than|cob|eod|close of business)\s+"
        r"(?:(?P<mod>this|next|the coming|coming)\s+)?(?P<weekday>" + _WEEKDAY_NAMES + r")"
        r",?\s+(?:at\s+)?\d{1,2}(?:[:h]\d{2}|\s*(?:am|pm|a\.m\.|p\.m\.|h\b))",
        re.IGNORECASE)),
]
# Month names in French, Spanish, Portuguese, Italian and German (those not spelt as
# in English): "Date limite : 15 novembre 2026", "antes del 20 de noviembre".
_FOREIGN_MONTHS = {
    1: ("janvier", "enero", "janeiro", "gennaio", "januar", "j\u00e4nner"),
    2: ("f\u00e9vrier", "fevrier", "febrero", "fevereiro", "febbraio", "februar"),
    3: ("mars", "marzo", "mar\u00e7o", "marco", "m\u00e4rz", "maerz"),
    4: ("avril", "abril", "aprile"),
    5: ("mai", "mayo", "maio", "maggio"),
    6: ("juin", "junio", "junho", "giugno", "juni"),
    7: ("juillet", "julio", "julho", "luglio", "juli"),
    8: ("ao\u00fbt", "aout", "agosto"),
    9: ("septembre", "septiembre", "setiembre", "setembro", "settembre"),
    10: ("octobre", "octubre", "outubro", "ottobre", "oktober"),
    11: ("novembre", "noviembre", "novembro"),
    12: ("d\u00e9cembre", "decembre", "diciembre", "dezembro", "dicembre", "dezember"),
}
_FOREIGN = {name: number for number, names in _FOREIGN_MONTHS.items() for name in names}
# The months other languages spell as English does ("Mitte August", "mi-avril" is French):
# after a foreign word for "mid", read as theirs.
_ENGLISH_ALSO = {"april": 4, "august": 8, "september": 9, "november": 11}
PATTERNS.append(("foreign_day_month", tuple(sorted({n[:3] for n in _FOREIGN})), False, re.compile(
    r"(?<![\w/.-])(?P<day>[0-3]?\d)(?:er|\u00ba|\u00b0|\.)?\s+(?:de\s+)?"
    r"(?P<fmonth>" + "|".join(sorted(_FOREIGN, key=len, reverse=True)) + r")"
    r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>(?:19|20)\d{2}))?(?![\w-])", re.IGNORECASE)))
# "até o fim de julho", "avant la fin du mois", "a finales de julio": the month's last day.
PATTERNS.append(("foreign_month_end", ("fim ", "fin ", "finales ", "final de"), False, re.compile(
    r"\b(?:(?:o|el|la|le)\s+)?(?:fim|fin|finales|final)\s+(?:de\s+la\s+|del\s+|du\s+|de\s+|do\s+)?"
    r"(?:(?P<fmonth>" + "|".join(sorted(_FOREIGN, key=len, reverse=True)) + r")"
    r"|(?P<this>mois|m[e\u00ea]s))(?![\w-])", re.IGNORECASE)))
# "até meados de setembro", "a mediados de octubre", "d'ici la mi-novembre", "bis Mitte
# Mai", "entro metà ottobre": the month's 15th, as "mid-September" is read.
PATTERNS.append(("foreign_mid_month", ("meados", "mediados", "mi-", "mitte", "met\u00e0"), False,
                 re.compile(
    r"\b(?:(?:meados|mediados)\s+de\s+|(?:la\s+)?mi-|mitte\s+|met\u00e0\s+(?:di\s+)?)"
    r"(?P<fmonth>" + "|".join(sorted(_FOREIGN | {m: 0 for m in _ENGLISH_ALSO}, key=len,
                                    reverse=True)) + r")(?![\w-])", re.IGNORECASE)))
# "within two weeks of the closing date", "in 10 days after the deadline": counted from a
# deadline the sentence does not give (an earlier one of the message: action_followups).
PATTERNS.append(("from_deadline", ("deadline", "closing", "cut-off", "cutoff", "that date"),
                 False, re.compile(
    r"\b(?:within|in)\s+(?:the\s+)?(?P<num>\d{1,3}|" + _COUNT_WORDS + r")\s+"
    r"(?P<workdays>working\s+|business\s+)?(?P<unit>day|week|month)s?\s+(?:of|after|from|following)"
    r"\s+(?:the|that|this|our|their|your)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:closing\s+date|deadline"
    r"|cut-?off(?:\s+date)?|date)\b", re.IGNORECASE)))
# Kinds counted from the message day, deadlines by their wording (as "within").
RELATIVE = frozenset({"fortnight", "from_now", "after_tomorrow", "weekday_time",
                      "part_of_next_month", "from_deadline", "period_end"})


# Kinds every match of which holds a digit ("by the 15th", "2026/11/15", "Friday 5 pm").
_DIGIT_KINDS = frozenset({"ordinal_day", "ymd", "d_mon_y", "day_month_figures", "weekday_time",
                          "foreign_day_month"})
_DIGIT = re.compile(r"\d")
# A shape each match holds, searched once per text for the kinds that share it: most
# sentences hold a full stop and a digit, few a digit, a stop or slash, and a digit.
_FIGURES = re.compile(r"\d[./]\d")
_SHAPES: dict[str, re.Pattern[str]] = {
    "ymd": _FIGURES, "day_month_figures": _FIGURES, "d_mon_y": re.compile(r"\d[-/][^\W\d_]"),
    "ordinal_day": re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE),
    "weekday_time": re.compile(r"\d(?:[:h]\d\d|\s*(?:am|pm|a\.m|p\.m|h)\b)", re.IGNORECASE),
}


# Each pattern with its words as one search (cheaper than a test per word).
# (As a trie, "f(?:rom (?:no|t(?:he|his|oday))|ortnight)": fewer branches tried at each
# position than a flat alternation; only whether one is there is asked.)
_GATED = [(kind, re.compile(trie_pattern(words)), needs_lead, pattern)
          for kind, words, needs_lead, pattern in PATTERNS]


# The words of the kinds that need no digit, in one search: a text without a digit and
# without any of them (most) has no match.
_WORDS_GATE = re.compile(trie_pattern(w for kind, words, _lead, _pattern in PATTERNS
                                     if kind not in _DIGIT_KINDS for w in words))


def extra_matches(text: str, lowered: str | None = None, digit: bool | None = None
                  ) -> list[tuple[int, int, str, re.Match[str]]]:
    """The matches of :data:`PATTERNS` in ``text``: (start, end, kind, match).
    ``lowered`` (:func:`folded` text) and ``digit`` (whether it holds one): when the
    caller has them."""
    lowered = folded(text) if lowered is None else lowered
    digit = _DIGIT.search(text) is not None if digit is None else digit
    if not digit and _WORDS_GATE.search(lowered) is None:
        return []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    shapes: dict[re.Pattern[str], bool] = {}
    for kind, gate, needs_lead, pattern in _GATED:
        if (not digit and kind in _DIGIT_KINDS) or gate.search(lowered) is None:
            continue
        shape = _SHAPES.get(kind)
        if shape is not None:
            if shape not in shapes:
                shapes[shape] = shape.search(text) is not None
            if not shapes[shape]:
                continue
        for match in pattern.finditer(text):
            if needs_lead and not _LEAD.search(text, max(0, match.start() - 40), match.start()):
                continue
            found.append((match.start(), match.end(), kind, match))
    return found


def _count(raw: str | None) -> int:
    word = folded(raw or "")
    return int(word) if word.isdigit() else _COUNT.get(word, 1)


def _next_day_of_month(day: int, base: date, months_ahead: int | None) -> date | None:
    """The ``day`` of ``base``'s month plus ``months_ahead``; with None, the next such
    day on or after ``base`` (a month without that day is skipped)."""
    first = base.replace(day=1)
    steps = [months_ahead] if months_ahead is not None else [0, 1, 2]
    for step in steps:
        month: date = first + relativedelta(months=step)
        try:
            candidate = month.replace(day=day)
        except ValueError:
            continue
        if months_ahead is not None or candidate >= base:
            return candidate
    return None


def _year_for(month: int, day: int, base: date) -> int:
    """This year's unless that is more than a month past (as action_dates reads it)."""
    for year in (base.year, base.year + 1):
        try:
            if date(year, month, day) >= base - timedelta(days=31):
                return year
        except ValueError:
            return base.year
    return base.year + 1


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    end: date = date(year, month, 1) + relativedelta(day=31)
    return end


def _ordinal_day(groups: dict[str, str | None], base: date) -> date | None:
    which = folded(groups.get("month_of") or "")
    ahead = 1 if any(w in which for w in ("next", "following", "coming")) else (
        0 if which or groups.get("month_of") is not None else None)
    return _next_day_of_month(int(groups["day"] or 0), base, ahead)


def _quarter_end(groups: dict[str, str | None], base: date) -> date:
    named = groups.get("q")
    quarter = int(named[1]) if named else _QUARTER_WORDS[folded(groups.get("qw") or "last")]
    month = quarter * 3
    given = groups.get("year")
    year = int(given) if given else _year_for(month, 28, base)
    return _month_end(year, month)


def _last_day(groups: dict[str, str | None], base: date) -> date:
    if groups.get("month"):
        month = _MONTHS[folded(groups["month"] or "")[:3]]
        given = groups.get("year")
        year = int(given) if given else _year_for(month, 28, base)
        return _month_end(year, month)
    if (groups.get("unit") or "").lower() == "year":
        return date(base.year, 12, 31)
    return _month_end(base.year, base.month)


def _year_month_end(groups: dict[str, str | None], base: date) -> date:
    unit = (groups.get("unit") or groups.get("unit2") or "year").lower()
    return _month_end(base.year, base.month) if unit == "month" else date(base.year, 12, 31)


def _from_now(groups: dict[str, str | None], base: date) -> date:
    number, unit = _count(groups.get("num")), (groups.get("unit") or "").lower()
    if unit == "day" and groups.get("workdays"):
        current, left = base, number
        while left > 0:
            current += timedelta(days=1)
            left -= current.weekday() < 5
        return current
    if unit == "month":
        later: date = base + relativedelta(months=number)
        return later
    return base + timedelta(days=number * (7 if unit == "week" else 1))


def _period_end(groups: dict[str, str | None], base: date) -> date:
    """"EOW" (this week's Friday, the coming one at a weekend), "EOM", "EOQ", "EOY", "the
    end of the quarter", "end of H1 2027"."""
    abbr = folded(groups.get("abbr") or "")
    if abbr == "eow":
        friday = base + timedelta(days=4 - base.weekday())
        return friday + timedelta(weeks=1) if base.weekday() >= 5 else friday
    if abbr == "eom":
        return _month_end(base.year, base.month)
    if abbr == "eoy":
        return date(base.year, 12, 31)
    half = folded(groups.get("half") or "")
    if half:
        given = groups.get("year")
        month = 6 if half == "h1" else 12
        return _month_end(int(given) if given else _year_for(month, 28, base), month)
    return _month_end(base.year, (base.month - 1) // 3 * 3 + 3)  # "EOQ", "end of the quarter"


def _part_of_next_month(groups: dict[str, str | None], base: date) -> date:
    first: date = base.replace(day=1) + relativedelta(months=1)
    return first.replace(day=15) if folded(groups.get("part") or "") in ("mid", "middle") else first


def _figures(groups: dict[str, str | None], base: date) -> date | None:
    day, month = int(groups["d"] or 0), int(groups["m"] or 0)
    if groups.get("sep") == "." and len(groups["m"] or "") < 2:
        return None  # "by 2.5": a number, not 2 May
    if month > 12 >= day and groups.get("sep") == "/":
        # "by 5/14": no day-first reading, so month first, as American mail writes it
        # (the fifth and sixteenth writers); "by 5/12" stays 5 December, ITU's order.
        day, month = month, day
    if not 1 <= month <= 12:
        return None
    return _safe(_year_for(month, min(day, 28), base), month, day)


def _ymd(groups: dict[str, str | None], base: date) -> date | None:
    return _safe(int(groups["y"] or 0), int(groups["m"] or 0), int(groups["d"] or 0))


def _d_mon_y(groups: dict[str, str | None], base: date) -> date | None:
    year = int(groups["y"] or 0)
    return _safe(year + 2000 if year < 100 else year,
                 _MONTHS[folded(groups["month"] or "")[:3]], int(groups["d"] or 0))


def _foreign(groups: dict[str, str | None], base: date) -> date | None:
    month = _FOREIGN[folded(groups["fmonth"] or "")]
    day, given = int(groups["day"] or 0), groups.get("year")
    return _safe(int(given) if given else _year_for(month, min(day, 28), base), month, day)


def _foreign_mid_month(groups: dict[str, str | None], base: date) -> date:
    name = folded(groups["fmonth"] or "")
    month = _FOREIGN.get(name) or _ENGLISH_ALSO[name]
    return date(_year_for(month, 15, base), month, 15)


def _foreign_month_end(groups: dict[str, str | None], base: date) -> date:
    if groups.get("this"):
        return _month_end(base.year, base.month)
    month = _FOREIGN[folded(groups["fmonth"] or "")]
    return _month_end(_year_for(month, 28, base), month)


RESOLVERS: dict[str, Callable[[dict[str, str | None], date], date | None]] = {
    "fortnight": lambda groups, base: base + timedelta(days=14 * _count(groups.get("num"))),
    "from_now": _from_now,
    "after_tomorrow": lambda groups, base: base + timedelta(days=2),
    "ordinal_day": _ordinal_day,
    "ymd": _ymd,
    "d_mon_y": _d_mon_y,
    "day_month_figures": _figures,
    "year_month_end": _year_month_end,
    "last_day": _last_day,
    "quarter_end": _quarter_end,
    "part_of_next_month": _part_of_next_month,
    "period_end": _period_end,
    "foreign_day_month": _foreign,
    "foreign_month_end": _foreign_month_end,
    "foreign_mid_month": _foreign_mid_month,
    "from_deadline": lambda groups, base: None,  # not the message's day: see counted_from
}


def counted_from(text: str, anchor: date) -> date | None:
    """The day "within two weeks of the closing date" in ``text`` means when the
    deadline meant is ``anchor``, or None when the text counts from no deadline."""
    for kind, _words, _lead, pattern in PATTERNS:
        if kind != "from_deadline":
            continue
        match = pattern.search(text)
        if match is None:
            return None
        return _from_now(match.groupdict(), anchor)
    return None


__all__ = ["PATTERNS", "RELATIVE", "RESOLVERS", "counted_from", "extra_matches"]
