"""A questionnaire: a numbered list of questions all put to the same readers is one item.

"Four questions to each Bureau:" above "1. Which ...? 2. Does ...? 3. Who ...? 4. Is ...?"
asks each Bureau to answer the questionnaire; the numbered questions are its parts, not
four items. A reader follows "the questionnaire", and a reply that answers every point
closes it. Where the message asks for the answers in a sentence of its own ("Replies by
Friday please", "Please answer by number"), that request is the item and the questions
go; where it does not, the first question stands for the list.

A list whose points each name whom they ask ("(1) BR: is there ...? (2) BDT: can ...?",
"Does BR hold ...? (BR)", "Could BDT include ...?") hands out one question to each party:
every point stays an item. So does a list of two
questions, which writers label one by one.

    >>> text = ("Three questions:\\n1. Who leads?\\n2. Is the row current?\\n"
    ...         "3. Should it split?\\n")
    >>> [text[a:b] for a, b in questionnaires(text)]
    ['1. Who leads?\\n2. Is the row current?\\n3. Should it split?']
    >>> labelled = "(1) BR: who leads?\\n(2) TSB: is it current?\\n(3) BDT: split it?\\n"
    >>> questionnaires(labelled)
    []
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from iscg_mailbot.records import ActionCandidate

# A numbered point's mark at the start of its line: "Q1.", "1.", "(2)", "3)", "a)", "(b)".
_MARK = re.compile(r"[ \t]*(?:Q\d{1,2}[.:)]?|\(?\d{1,2}[.)]|\(?[a-h]\))[ \t]+")
# A point that opens by naming whom it asks: "BR: ...", "TSB - ...", "standards side: ..."
# (at most three words before the colon or dash; "For the rows where your Sector is listed
# as lead: should ...?" is a clause, not a label).
_LABEL = re.compile(r"[^\s:?]+(?:[ \t]+[^\s:?]+){0,2}[ \t]*(?::|[ \t][-\u2013][ \t])")
# A point goes on in lines indented under its first.
_GOES_ON = re.compile(r"[ \t]+\S")
_SPACE = re.compile(r"\s*")
_LEAST = 3
# A request that asks for the answers to a list: "Replies by Friday please", "Please
# answer by number", "Please send your responses to Ana".
_ANSWERS = re.compile(r"\b(?:answer(?:s|ed|ing)?|repl(?:y|ies|ying)|respon(?:d|ds|ding|ses?))\b",
                      re.IGNORECASE)


def _points(text: str) -> list[list[tuple[int, int]]]:
    """Runs of consecutive numbered points, each point as its (start, end) in ``text``
    (its mark included, its indented continuation lines too)."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        end = offset + len(body)
        if _MARK.match(body):
            run.append((offset, end))
        elif run and body.strip() and _GOES_ON.match(body):
            run[-1] = (run[-1][0], end)
        else:
            if run:
                runs.append(run)
            run = []
        offset += len(line)
    if run:
        runs.append(run)
    return runs


def _asks_all_alike(text: str, points: list[tuple[int, int]]) -> bool:
    """Whether every point asks a question (a sentence of its own may follow: "We would
    like to use it in class.") and none opens by naming whom it asks."""
    for start, end in points:
        point = text[start:end]
        mark = _MARK.match(point)
        rest = point[mark.end():] if mark else point
        if "?" not in rest or _LABEL.match(rest):
            return False
    return True


def questionnaires(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each questionnaire in ``text``: a run of at least three
    numbered points, each asking a question, none labelled with the party it asks."""
    if text.count("?") < _LEAST:  # most messages: no three questions to make a list of
        return []
    return [(run[0][0], run[-1][1]) for run in _points(text)
            if len(run) >= _LEAST and _asks_all_alike(text, run)]


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """From the paragraph that leads into a list to the paragraph after it: where a
    request to answer the list is said."""
    lead = text.rfind("\n\n", 0, start)
    if lead >= 0 and not text[lead:start].strip():  # a blank line between lead and list
        lead = text.rfind("\n\n", 0, lead)
    after = _SPACE.match(text, end).end()  # type: ignore[union-attr]  # (no copy of the rest)
    close = text.find("\n\n", after)
    return (lead + 2 if lead >= 0 else 0, close if close >= 0 else len(text))


def _answers_asked(item: ActionCandidate) -> bool:
    """Whether ``item`` asks for the answers ("Replies by Friday please", "Please answer
    by number"), not for other work said beside the list ("please send your comments on
    the draft report by 20 May. I also have three questions:")."""
    return _ANSWERS.search(item.sentence) is not None


def _between(spans: list[int], cands: Sequence[ActionCandidate], start: int, end: int
             ) -> Sequence[ActionCandidate]:
    """The candidates (sorted by start, ``spans`` their starts) that start in [start, end)."""
    return cands[bisect_left(spans, start):bisect_left(spans, end)]


def one_per_questionnaire(questions: Sequence[ActionCandidate], text: str,
                          items: Sequence[ActionCandidate]) -> list[ActionCandidate]:
    """The questions less the parts of each questionnaire in ``text``: all of them where
    one of the message's ``items`` stands for the list (a point of it is an item already,
    or a request said beside it, in the paragraph that leads into it or the one after,
    asks for the answers), else all but the first."""
    if not questions:
        return []
    # Sorted once and cut by bisection: a message of hundreds of lists stays linear.
    questions = sorted(questions, key=lambda q: q.span)
    items = sorted(items, key=lambda i: i.span)
    starts, item_starts = [q.span[0] for q in questions], [i.span[0] for i in items]
    dropped: set[int] = set()
    for start, end in questionnaires(text):
        inside = _between(starts, questions, start, end)
        inside_items = _between(item_starts, items, start, end)
        points = [*inside, *inside_items]
        if not inside or len({c.owner for c in points if c.owner}) > 1 \
                or len({c.due for c in points if c.due}) > 1:
            # Points read as owed by different parties ("... (BR)", "Could BDT ...?",
            # "A question for TSB.") hand the questions out: one item each; so do points
            # answered by different days ("by 15 May", "by 30 June"): each is owed then.
            continue
        near = _between(item_starts, items, *_paragraph_around(text, start, end))
        stands_for = any(i.kind != "note" and (start <= i.span[0] < end or _answers_asked(i))
                         for i in near)
        first = bisect_left(starts, start)
        dropped.update(range(first + (0 if stands_for else 1), first + len(inside)))
    return [q for n, q in enumerate(questions) if n not in dropped]


def one_item_per_questionnaire(candidates: Sequence[ActionCandidate], text: str
                               ) -> list[ActionCandidate]:
    """:func:`one_per_questionnaire` of a message's items read by the rules: its
    questions against the rest."""
    questions = [c for c in candidates if c.kind == "question"]
    if not questions:
        return list(candidates)
    others = [c for c in candidates if c.kind != "question"]
    return sorted([*others, *one_per_questionnaire(questions, text, others)],
                  key=lambda c: c.span)


__all__ = ["one_item_per_questionnaire", "one_per_questionnaire", "questionnaires"]
