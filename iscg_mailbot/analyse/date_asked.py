"""Days a question asks about: what is asked, not when the answer is due.

A date in the clause a question puts ("Does WP 4B meet before 15 June?", "could you
check whether Room K is free on 14 May?", "is the deadline 3 or 10 January?") is the
thing the asker wants to know: the meeting's day, the room's day, one of the days the
asker hesitates between. The answer owes no date from it. The clause is read from its
structure: a polar question that opens with its verb and whose subject is somebody
else ("does SG13 ...", "is the room ..."), or a "whether"/"if" clause that a verb of
asking or knowing opens ("tell us whether ...", "does anyone know if ..."), up to the
date, with no clause break between; or two days offered as a choice ("3 or 10 January").
A day marked by "by", "until" or "no later than" stays a deadline even there ("is it
ready by Friday?", "tell us whether you agree by 5 May").
"""

from __future__ import annotations

import re

# How far back the clause that puts the question is looked for.
_WINDOW = 160

# The question's verb opens its sentence (after a vocative or "a question:" at most)
# and its subject is somebody else: not "you" (a request), not "it" or "there" ("is it
# possible to have it on 5 May?", "is there any chance SG13 could send it before 5
# May?" ask for a thing by a day: the subject is a placeholder, nobody's).
_POLAR = re.compile(
    r"(?:^|[.!?]\s+|\n\s*|[:;]\s*|,\s*)(?:and\s+)?"
    r"(?:does|do|did|is|are|was|were|has|have)\s+(?!you\b|it\b|there\b|we\b|i\b)\w",
    re.IGNORECASE)

# A "whether"/"if" clause put by a verb of asking or knowing, within a few words
# ("tell us whether", "check if", "does anyone know whether"); its subject not "you" or
# "we" (a request or an offer on a condition).
_EMBEDDED = re.compile(
    r"\b(?:ask|check|know|confirm|tell|verify|find\s+out|wonder|clarify|indicate|say|"
    r"see)\w*\s+(?:\w+\s+){0,3}?(?:whether|if)\s+(?!you\b|we\b|i\b)\w",
    re.IGNORECASE)

# What ends the asked clause before the date: another sentence or clause, a dash, a
# comma (a coordinated request "..., and could BDT ... by 9 March", or the request's own
# day set off: "check whether the texts are current, within two weeks?").
_BREAK = re.compile(r"[,;?!]|\.\s|\s[-\u2013\u2014]\s|\n\s*\n")

# Words that make the day a deadline whatever clause it is in.
_DEADLINE = re.compile(
    r"\b(?:by|until|till|no\s+later\s+than|not\s+later\s+than|latest)\s+"
    r"(?:\w+\s+){0,2}$", re.IGNORECASE)

# Two days offered as a choice: "3 or 10 January", "12 or 13 June", "on 3 March or on
# 10 March", "Monday or Tuesday".
_DAY = (r"(?:\d{1,2}(?:st|nd|rd|th)?|mon|tue|wed|thu|fri|sat|sun)\w*")
_CHOICE_BEFORE = re.compile(_DAY + r"(?:\s+\w+)?\s+or\s+(?:on\s+|the\s+)?$", re.IGNORECASE)
_CHOICE_AFTER = re.compile(r"^\s+or\s+(?:on\s+|the\s+)?" + _DAY + r"\b", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def asked_day(text: str, start: int, end: int) -> bool:
    """Whether the date written at text[start:end] is what a question asks about, not
    the day an answer or a task is due (see the module's docstring). Only the window
    around the day is read: each day of a long text costs the same."""
    low = max(0, start - _WINDOW)
    head = text[low:start].lower()
    tail = text[end:end + _WINDOW]
    if "?" not in tail and "whether" not in head and " if " not in head:
        return False  # the cheap test first: most sentences ask nothing
    stop = _SENTENCE_END.search(tail)  # the sentence asks when it ends with "?"
    if not ((stop is not None and tail[stop.start()] == "?")
            or "whether" in head or " if " in head):
        return False
    before = (" " if low else "") + text[low:start]  # no false "^" mid-sentence
    if _DEADLINE.search(before):
        return False  # "by 12 June or 13 June?": the first day of the choice is a deadline
    if _CHOICE_BEFORE.search(before) or _CHOICE_AFTER.search(text[end:end + 30]):
        return True
    # The last clause that puts a question before the day: "whether"/"if" after a verb
    # of asking, else the question's own opening verb.
    ends = [m.end() for m in _EMBEDDED.finditer(before)] or [
        m.end() for m in _POLAR.finditer(before)]
    return bool(ends) and _BREAK.search(before, ends[-1]) is None


__all__ = ["asked_day"]
