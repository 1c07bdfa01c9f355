"""One deadline said once in a paragraph, for the requests and questions around it.

A writer often gives the deadline of a paragraph's requests once, in a sentence of its
own that asks nothing itself, before the requests or after them: "The organisers need
speaker names and short bios by Fri 26 April. TSB will put forward the task force chair.
BR and BDT - one speaker each?", "TSB: is that right, and what did it ask? ... We plan
to send ours on 3 April, so anything before the end of March helps.", "Should BDT
concur, TSB would be grateful for a confirmation by Friday 7 February." The undated
requests and questions of that paragraph take its date (:func:`date_from_paragraph`).

Only a paragraph with exactly one such deadline, and no item dated otherwise, is read so
(two days said alone leave each request's date unknown: never guessed; a dated request
before the deadline sentence is what it follows up), and only a deadline marked as one ("by",
"before", "within", "no later than", "deadline"): "until 10 September" is how long a
window stays open, and a day something is held or starts is no deadline
(:func:`.action_dates.find_dates` marks neither).

    >>> from datetime import datetime, timezone
    >>> from iscg_mailbot.analyse.action_text import split_sentences
    >>> from iscg_mailbot.records import ActionCandidate
    >>> text = "We need the figures by 12 March. Could BR send them?"
    >>> asked = ActionCandidate(kind="action", sentence="Could BR send them?",
    ...     span=(33, 52), owner="BR", owner_kind="group", due=None, due_text=None,
    ...     confidence=0.7, rule="could_you")
    >>> item, = date_from_paragraph([asked], split_sentences(text), text,
    ...                             datetime(2027, 2, 20, tzinfo=timezone.utc))
    >>> item.due
    datetime.date(2027, 3, 12)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from iscg_mailbot.analyse.action_dates import find_dates, pick_due
from iscg_mailbot.analyse.action_followups import is_asked
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.analyse.item_spans import ItemSpans
from iscg_mailbot.records import ActionCandidate

# A deadline needs one of these words (a cheap test before reading dates); "until" is
# not one here: "send corrections until 10 September" is a window, not the deadline of
# what the paragraph asks.
_DEADLINE_WORDS = ("by ", "within", "before", "no later", "deadline", "end of")
# A window's end rather than a deadline ("until 10 September", "till Friday"), or the
# earliest day ("not before Friday 19 February").
_UNTIL = re.compile(r"\b(?:until|till|not\s+before)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
# An event named before the deadline word: "A panel by 19 February would help us", "An
# event within two weeks would be ideal", "The meeting opens on 1 March; last year the
# contributions reached us by 15 February": when something is held, or a story, not what
# the paragraph asks by a day. (After the word it is the deadline's event: "before the
# SG2 meeting on 9 May".)
_EVENT_FIRST = re.compile(r"\b(?:meeting|session|panel|event|workshop|webinar|conference|"
                          r"plenary|assembly|forum|summit|call)s?\b[^.;]{0,200}?"
                          r"\b(?:by|before|within|no\s+later\s+than)\b", re.IGNORECASE)
# A story of what happened: "last year the contributions reached the secretariat by 15
# February".
_TOLD_PAST = re.compile(r"\b(?:last\s+(?:year|month|week|time)|ago|was|were|had)\b",
                        re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
# A list's line: "1. RAG: your views by 2 June." dates its own point, not its neighbours'.
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\(?(?:\d{1,2}|[a-z])[.)])[ \t]")
# A sentence of this many words or more is taken to say something of its own.
_MAX_WORDS = 40
# A "by" that marks no deadline ("By the way, the Council meets on 12 May", "agreed by
# email on 12 May"): blanked before the sentence's dates are read, since a sentence that
# asks nothing gives its day to the whole paragraph on any deadline word in the 45
# characters before it (:data:`.action_dates.MARKER_BEFORE`).
_NOT_A_DEADLINE = re.compile(r"\bby\s+(?:the\s+way|e-?mail|mail|post|phone|hand|consensus|"
                             r"acclamation|far|chance|default)\b", re.IGNORECASE)


def _deadline(sentence: Sentence, source: str, sent: datetime | None) -> date | None:
    """The day a sentence that asks nothing gives as a deadline, or None (nor one the
    message says has passed: "the deadline was last week (15 August)")."""
    text = sentence.text
    lowered = text.lower()
    if not any(w in lowered for w in _DEADLINE_WORDS) or text.rstrip().endswith((":", "?")) \
            or len(text.split()) >= _MAX_WORDS or _BULLET.match(
                source, source.rfind("\n", 0, sentence.start) + 1):
        return None
    due = pick_due(find_dates(_NOT_A_DEADLINE.sub(lambda m: " " * len(m[0]), text), sent),
                   sent)
    if due is None or due.value is None or not due.marked or (
            sent is not None and due.value < sent.date()) or _EVENT_FIRST.search(
                text, 0, due.end) or _TOLD_PAST.search(text):
        return None
    if due.text.lower().startswith(("until", "till")) or _UNTIL.search(
            text, max(0, due.start - 30), due.start):
        return None
    return due.value


def date_from_paragraph(candidates: list[ActionCandidate], sentences: Sequence[Sentence] | None,
                        text: str, sent: datetime | None,
                        others: Sequence[ActionCandidate] = ()) -> list[ActionCandidate]:
    """The undated requests and questions of a paragraph dated by the one deadline said
    in it by a sentence that is no item (``candidates`` and ``others``: the message's
    items, whose sentences say their own dates; ``sentences``: the text's, split here
    when None and needed)."""
    if not any(c.due is None and is_asked(c) for c in candidates):
        return candidates
    spans = ItemSpans([*candidates, *others])
    breaks = [m.start() for m in _PARAGRAPH_END.finditer(text)]
    days: dict[int, set[date]] = {}
    for sentence in split_sentences(text) if sentences is None else sentences:
        if spans.overlapping(sentence.start, sentence.end):
            continue
        day = _deadline(sentence, text, sent)
        if day is not None:
            days.setdefault(bisect_right(breaks, sentence.start), set()).add(day)
    # A paragraph whose items say dates of their own has no one deadline for them all:
    # its deadline sentence dates what was asked just before it (a follow-up).
    for item in (*candidates, *others):
        if item.due is not None:
            days.pop(bisect_right(breaks, item.span[0]), None)
    if not days:
        return candidates
    result = list(candidates)
    for i, item in enumerate(result):
        one = days.get(bisect_right(breaks, item.span[0]), set())
        if item.due is None and is_asked(item) and len(one) == 1:
            result[i] = replace(item, due=next(iter(one)), due_text="paragraph deadline")
    return result


__all__ = ["date_from_paragraph"]
