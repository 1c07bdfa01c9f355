"""Whom a request to "you" asks when the paragraph named them first.

"Omar, you mentioned that your lab has the test rigs. Could you run the three files
through both?" and "Lucia, one thing for you: UPU asked whether ITU can pay for the
interpretation. Could you let me know by 15 February whether the budget can cover it?"
(`w24`-005, `w31`-001): the member the paragraph opens by addressing ("Omar, ...") is
the "you" its later request speaks to, not the list or the people greeted. Only a
paragraph that opens with the name and a comma, a colon or a dash counts: a name inside
a sentence ("as Omar said, ...") addresses nobody, and a new paragraph starts afresh.
A paragraph opening on several members up to a colon or a dash ("Omar, Lucia: ...")
speaks to all of them, as the sentence that opens so does (``opening_names``).

    >>> text = "Omar, you have the rigs.\\n\\nCould you test the files?"
    >>> _paragraph_start(_paragraph_starts(text), text.index("Could"))  # starts afresh
    26
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_shapes import dash_at, opening_names
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.members import MembersConfig

# The request speaks to "you": "Could you ...", "would you please ...", "can you ...?".
_TO_YOU = re.compile(r"\b(?:could|can|would|will)\s+you\b(?!\s+all\b)", re.IGNORECASE)
# Where a paragraph starts: after a blank line.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# What may come before the name that opens a paragraph: spaces, a bullet, "@".
_BEFORE_NAME = re.compile(r"^[\s@>*\u2022-]*$")


# How far into a paragraph its addressing is looked for: the names and their mark ("James,
# Omar and Luis:") are its first words. (The whole paragraph up to each request was read
# for names: a 45 KB paragraph of 1,200 requests took 2.4 s, quadratic.)
_OPENING = 200


def _paragraph_starts(text: str) -> list[int]:
    """Where the paragraphs of ``text`` start, in order (the first at 0)."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _paragraph_start(starts: list[int], position: int) -> int:
    """Where the paragraph holding ``position`` starts (``starts``: :func:`_paragraph_starts`)."""
    return starts[bisect_right(starts, position) - 1]


def named_opening(text: str, start: int, end: int,
                  members: MembersConfig | None) -> str | None:
    """The member (or members, "Omar, Lucia: ...") whom the paragraph of ``text`` from
    ``start`` opens by addressing ("Omar, ...", "Lucia: ...", "Sofia - ..."), read in its
    first words before ``end``; None when the paragraph opens otherwise."""
    opening = text[start:min(end, start + _OPENING)]
    mentions = find_mentions(opening, members)
    if not mentions:
        return None
    first = mentions[0]
    if first.kind != "member" or not _BEFORE_NAME.match(opening[:first.start]):
        return None
    after = opening[first.end:first.end + 2].lstrip()[:1]
    if after not in {",", ":"} and not dash_at(opening, first.end):
        return None
    return join_owners(opening_names(opening, mentions, 0))


def you_named_before(candidates: Sequence[ActionCandidate], text: str,
                     members: MembersConfig | None) -> list[ActionCandidate]:
    """The owner-less requests to "you" owned by the member their paragraph opened by
    addressing (:func:`named_opening`), when that opening precedes the request."""
    result = []
    starts: list[int] | None = None
    for candidate in candidates:
        start = candidate.span[0]
        if (candidate.owner is None and candidate.kind != "note"
                and _TO_YOU.search(candidate.sentence)):
            if starts is None:
                starts = _paragraph_starts(text)
            paragraph = _paragraph_start(starts, start)
            owner = named_opening(text, paragraph, start, members) if paragraph < start else None
            if owner is not None:
                candidate = replace(candidate, owner=owner, owner_kind="member")
        result.append(candidate)
    return result
