"""Closure: the one a thing was for says it reached them (issue 13, round 11).

"BDT's mapping reached me directly on 18 February" (the chair, of "... and BDT the
mapping of the WTDC Action Plan by 19 February?"), "It includes Priya's summary on
India" (Pierre, of Priya's "I will send a short summary to Pierre"): the owner, named
in the possessive before the thing the item asks for, and a word saying it came in.
The sixth and second writers' dev parts close the owner's item on it; a reply that
only names the owner's thing ("BDT's mapping is still missing") closes nothing.

The one it was for, or the asker, may also tell the owner's deed (round 16, the
sixteenth and seventeenth writers): "Omar sent his form to me directly last week",
"João's text for rule (5) reached Klaus on 12 May" (the person it was to go to). Of an
item asked of several, the clause closes the share of the one it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from iscg_mailbot.analyse.closure_reading import content_words
from iscg_mailbot.analyse.text_gates import GatedPattern
from iscg_mailbot.records import Closure, OpenItem

# The thing came in: "reached me", "received", "is included", "it includes".
_CAME_IN = re.compile(r"\b(?:reached\s+(?:me|us|(?-i:[A-Z][\w-]+\b))|(?:was|were|has\s+been|have\s+been)\s+"
                      r"received|I\s+(?:have\s+)?received|we\s+(?:have\s+)?received|"
                      r"includes|included)\b", re.IGNORECASE)
# Searched only in a clause holding one of these words (every match holds one): it was
# searched in every clause a reply says, ~1.5% of the analysis.
_GATED_CAME_IN = GatedPattern(_CAME_IN, ("reached", "received", "includ"))
# The owner's deed, told by another: "Omar sent his form to me", "Luis has returned
# their forms" (the owner's name is put before it, see :func:`_did`).
_DEED = r"\s+(?:has\s+|had\s+)?(?:sent|returned|submitted)\s+(?:(?:me|us)\s+)?(?:his|her|their)\s+"
_DEED_WORDS = ("sent", "returned", "submitted")
_NOT = re.compile(r"\b(?:not|n't|no|never|still\s+missing)\b", re.IGNORECASE)


def received_items(said: Iterable[str], open_items: Sequence[OpenItem]
                   ) -> list[tuple[OpenItem, str, tuple[str, ...]]]:
    """The open items whose owner's thing a clause said reports come in: the owner's
    name (or a person owner's first name) in the possessive, before a word of the
    item's own ("BDT's mapping", "Priya's summary"), in a clause saying it came in and
    not negated; or the owner named sending their thing ("Omar sent his form to me").
    With each, the clause and the share it closes (empty: the whole item)."""
    said = list(said)
    came = [c for c in said if _GATED_CAME_IN.search(c) and not _NOT.search(c)]
    done = [c for c in said if any(w in c for w in _DEED_WORDS) and not _NOT.search(c)]
    found: list[tuple[OpenItem, str, tuple[str, ...]]] = []
    if not came and not done:
        return found
    for item in open_items:
        names = [p.strip() for p in (item.owner or "").split(",") if p.strip()]
        asked = content_words(item.sentence)
        for name in names:
            forms = {name, name.split()[0]}
            clause = next((c for c in came if any(_owned(c, f, asked) for f in forms)), None) \
                or next((c for c in done if any(_did(c, f, asked) for f in forms)), None)
            if clause is not None:  # the share of the one named, of an item of several
                found.append((item, clause, (name,) if len(names) > 1 else ()))
                break
    return found


def close_received(text: str, said: Sequence[str], open_items: Sequence[OpenItem],
                   closures: dict[int, Closure]) -> None:
    """Add to ``closures`` the items not yet in it that :func:`received_items` finds
    among the clauses ``said`` of the reply's ``text``."""
    for item, clause, share in received_items(said, [i for i in open_items
                                                     if i.id not in closures]):
        start = max(text.find(clause), 0)
        closures[item.id] = Closure(item.id, clause, "received", (start, start + len(clause)),
                                    share)


def _owned(clause: str, name: str, asked: frozenset[str]) -> bool:
    """Whether ``clause`` names ``name``'s thing, a word of ``asked``, within three words."""
    if name not in clause:  # (the pattern opens with the name: most clauses name no owner)
        return False
    return any(asked & content_words(m.group(1)) for m in _owned_pattern(name).finditer(clause))


def _did(clause: str, name: str, asked: frozenset[str]) -> bool:
    """Whether ``clause`` tells ``name`` sending their thing, a word of ``asked``, within
    three words ("Omar sent his form to me directly")."""
    if name not in clause:
        return False
    return any(asked & content_words(m.group(1)) for m in _did_pattern(name).finditer(clause))


# Each owner's patterns built once: a thread's owners are compared with every reply of
# it, and building them at each call (more distinct patterns than the re module keeps)
# was ~5% of the closures' time.
@lru_cache(maxsize=1024)
def _owned_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}['\u2019]s\s+((?:[\w-]+\s+){{0,3}}?[\w-]+)")


@lru_cache(maxsize=1024)
def _did_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}{_DEED}((?:[\w-]+\s+){{0,3}}?[\w-]+)")
