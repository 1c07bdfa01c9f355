"""Closure: the one a thing was for says it reached them (issue 13, round 11).

"BDT's mapping reached me directly on 18 February" (the chair, of "... and BDT the
mapping of the WTDC Action Plan by 19 February?"), "It includes Priya's summary on
India" (Pierre, of Priya's "I will send a short summary to Pierre"): the owner, named
in the possessive before the thing the item asks for, and a word saying it came in.
The sixth and second writers' dev parts close the owner's item on it; a reply that
only names the owner's thing ("BDT's mapping is still missing") closes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from iscg_mailbot.analyse.closure_reading import content_words
from iscg_mailbot.analyse.text_gates import GatedPattern
from iscg_mailbot.records import Closure, OpenItem

# The thing came in: "reached me", "received", "is included", "it includes".
_CAME_IN = re.compile(r"\b(?:reached\s+(?:me|us)|(?:was|were|has\s+been|have\s+been)\s+"
                      r"received|I\s+(?:have\s+)?received|we\s+(?:have\s+)?received|"
                      r"includes|included)\b", re.IGNORECASE)
# Searched only in a clause holding one of these words (every match holds one): it was
# searched in every clause a reply says, ~1.5% of the analysis.
_GATED_CAME_IN = GatedPattern(_CAME_IN, ("reached", "received", "includ"))
_NOT = re.compile(r"\b(?:not|n't|no|never|still\s+missing)\b", re.IGNORECASE)


def received_items(said: Iterable[str], open_items: Sequence[OpenItem]) -> list[tuple[OpenItem, str]]:
    """The open items whose owner's thing a clause said reports come in: the owner's
    name (or a person owner's first name) in the possessive, before a word of the
    item's own ("BDT's mapping", "Priya's summary"), in a clause saying it came in and
    not negated."""
    clauses = [c for c in said if _GATED_CAME_IN.search(c) and not _NOT.search(c)]
    found: list[tuple[OpenItem, str]] = []
    if not clauses:
        return found
    for item in open_items:
        names = [p.strip() for p in (item.owner or "").split(",") if p.strip()]
        if len(names) != 1:
            continue  # (a share of several is not told by one name)
        forms = {names[0], names[0].split()[0]}
        asked = content_words(item.sentence)
        for clause in clauses:
            if any(_owned(clause, form, asked) for form in forms):
                found.append((item, clause))
                break
    return found


def close_received(text: str, said: Sequence[str], open_items: Sequence[OpenItem],
                   closures: dict[int, Closure]) -> None:
    """Add to ``closures`` the items not yet in it that :func:`received_items` finds
    among the clauses ``said`` of the reply's ``text``."""
    for item, clause in received_items(said, [i for i in open_items if i.id not in closures]):
        start = max(text.find(clause), 0)
        closures[item.id] = Closure(item.id, clause, "received", (start, start + len(clause)), ())


def _owned(clause: str, name: str, asked: frozenset[str]) -> bool:
    """Whether ``clause`` names ``name``'s thing, a word of ``asked``, within three words."""
    pattern = re.compile(rf"\b{re.escape(name)}['\u2019]s\s+((?:[\w-]+\s+){{0,3}}?[\w-]+)")
    return any(asked & content_words(m.group(1)) for m in pattern.finditer(clause))
