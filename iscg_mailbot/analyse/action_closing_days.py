"""The day something closes, said beside a request: its deadline.

"A friendly reminder that the short feedback survey closes on Friday 28 May. ... we
would be grateful if those who have not yet replied could take five minutes to fill it
in." (`w1`-032) / "TSB colleagues: which SG5 Recommendations should we cite? We are
closing chapter 3 on 26 February." (`w9`-004): the sentence next to the request only
says when the survey or the chapter closes, and the writers date the request by it. A
sentence that says so (a form of "close", not "closed", with a day after it) and is no
item itself dates the undated request or question right before it when the sender's
side closes ("We are closing chapter 3 on ...", "Our file closes on ..."), or right
after it when the request points back to what closes ("... fill it in"). Another
party's day ("Could BR give a briefing at TSAG? The agenda closes on 19 February.") and
a promise or a note are not dated so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import pairwise

from iscg_mailbot.analyse.action_dates import find_dates
from iscg_mailbot.analyse.action_scope import is_promise
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.records import ActionCandidate

_CLOSES = re.compile(r"\b(?:closes|closing|will\s+close|close\s+on)\b", re.IGNORECASE)
# The sender's side as what closes: "We are closing ...", "Our procurement file closes".
_OURS = re.compile(r"^\W*(?:(?:I|we)\b|(?:our|my)\s)", re.IGNORECASE)
# A request pointing back to the thing said before it: "could take five minutes to fill
# it in".
_POINTS_BACK = re.compile(r"\b(?:it|them|this|these)\b", re.IGNORECASE)
_DAYS = frozenset({"iso", "numeric", "day_month", "month_day", "weekday"})
_MAX_WORDS = 30


def _closing_day(sentence: Sentence, sent: datetime | None, ours: bool
                 ) -> tuple[date, str] | None:
    """The day a short sentence says something closes on (the sender's side, when
    ``ours``), with its words, or None."""
    closes = _CLOSES.search(sentence.text)
    if closes is None or len(sentence.text.split()) > _MAX_WORDS or (
            ours and not _OURS.match(sentence.text)):
        return None
    day = next((m for m in find_dates(sentence.text, sent)
                if m.start >= closes.end() and m.kind in _DAYS and m.value is not None), None)
    return (day.value, day.text) if day is not None and day.value is not None else None


def _sentence_indexes(positions: Sequence[int], sentences: Sequence[Sentence]
                      ) -> list[int | None]:
    """The index of the first sentence holding each position, or None. Sentences in
    order and apart (as split) are bisected: a scan of all of them for each item was
    quadratic in a long list of requests beside "closes"."""
    starts = [s.start for s in sentences]
    if all(a.end <= b.start for a, b in pairwise(sentences)):
        found = (bisect_right(starts, p) - 1 for p in positions)
        return [i if i >= 0 and positions[n] < sentences[i].end else None
                for n, i in enumerate(found)]
    return [next((i for i, s in enumerate(sentences) if s.start <= p < s.end), None)
            for p in positions]


def date_from_closings(candidates: list[ActionCandidate], sentences: Sequence[Sentence],
                       sent: datetime | None) -> list[ActionCandidate]:
    """The undated requests and questions next to a sentence that says when something
    closes, dated that day (see the module's docstring)."""
    if not any(c.due is None for c in candidates) or not any(
            "clos" in s.text.lower() for s in sentences):
        return candidates
    where = _sentence_indexes([c.span[0] for c in candidates], sentences)
    taken = {i for i in where if i is not None}
    result = []
    for candidate, index in zip(candidates, where, strict=True):
        if (candidate.due is None and index is not None and candidate.kind != "note"
                and not is_promise(candidate)):
            back = _POINTS_BACK.search(candidate.sentence) is not None
            for near in (index + 1, index - 1) if back else (index + 1,):
                if 0 <= near < len(sentences) and near not in taken:
                    found = _closing_day(sentences[near], sent, ours=near > index)
                    if found is not None:
                        candidate = replace(candidate, due=found[0], due_text=found[1])
                        break
        result.append(candidate)
    return result


__all__ = ["date_from_closings"]
