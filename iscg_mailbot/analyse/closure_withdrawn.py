"""Closure: a request its asker withdraws as moot is closed by the withdrawing message.

When the reason for a request goes away, its asker says so: "The BR and BDT proposals
are no longer needed" (the review was postponed), "the concept note is no longer needed:
no side events will be held", "I withdraw item 9 altogether. Pierre, no need to send the
BDT practice." Nothing is owed any more, and the writers who meet the form label the
item closed by that message, for the shares still open (the thirtieth and thirty-fifth
writers). Only the asker withdraws a request (a member's view that a row is not needed
withdraws nothing), and only the items the clause names the owners of or talks about.
A request deferred ("the item is deferred to 2035") is not withdrawn: it stays open.

    >>> bool(withdrawal("The BR and BDT proposals are no longer needed."))
    True
    >>> bool(withdrawal("If the note is no longer needed, please tell me."))
    False
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from iscg_mailbot.analyse.closure_reading import talks_about
from iscg_mailbot.analyse.closure_speaker import doers, owner_parts
from iscg_mailbot.settings.members import MembersConfig

_WITHDRAWN = re.compile(
    r"\bno\s+longer\s+(?:needed|required|necessary)\b|"
    r"\bnot\s+(?:be\s+)?needed\s+any\s*more\b|"
    r"\bno\s+need\s+(?:for\s+\w+\s+)?to\s+(?:send|provide|prepare|propose|draft|do|submit|"
    r"share|check|confirm)\b|"
    r"\b(?:I|we)\s+(?:hereby\s+)?withdraw\b|"
    r"\bplease\s+(?:disregard|ignore)\s+(?:my|our|the|this)\s+(?:request|question)\b",
    re.IGNORECASE)
# A cheap test of a whole message before its clauses are read: every withdrawal above
# holds one of these (keep the two in step).
_MAY_WITHDRAW = re.compile(r"\bno\s+(?:longer|need)\b|\bneeded\s+any|\bwithdraw\b|"
                           r"\b(?:disregard|ignore)\b", re.IGNORECASE)
# A withdrawal only supposed: "If the note is no longer needed, ...", "in case".
_SUPPOSED = re.compile(r"\b(?:if|unless|whether|in\s+case|once|when)\b", re.IGNORECASE)
# ... or supposed after it ("The BR note is no longer needed if the Council postpones
# the item"), or only likely ("might not be needed any more, I will confirm"), or
# somebody else's view the asker reports ("BDT thinks its note is no longer needed",
# "Some members feel ..."; the asker's own "I think" withdraws).
_SUPPOSED_AFTER = re.compile(r"\b(?:if|unless|in\s+case|once|provided)\b", re.IGNORECASE)
_NOT_SURE = re.compile(
    r"\b(?:may|might|could|probably|perhaps|possibly|maybe|likely)\b|"
    r"(?<!\bI)(?<!\bwe)\s+(?:feels?|thinks?|believes?|says?|said|argues?|argued|suggests?|"
    r"suggested|considers?|considered)\b|\baccording\s+to\b|\bin\s+(?!my\b|our\b)[\w'\u2019]+\s+view\b",
    re.IGNORECASE)


# A detail of the request let go, the rest standing: "no need to send the original by
# post, a scan is fine", "no need to prepare speaker notes; the slides alone are fine".
_SUFFICES = re.compile(
    r"\b(?:is|are|would\s+be|will\s+be)\s+(?:\w+\s+)?(?:fine|enough|sufficient|ok(?:ay)?|"
    r"acceptable)\b|\bwill\s+do\b|\bsuffices?\b|\binstead\b", re.IGNORECASE)


def may_withdraw(text: str) -> bool:
    """Whether ``text`` may hold a withdrawal (:func:`withdrawal`): a test to skip the
    clause reading of the many messages that cannot."""
    return _MAY_WITHDRAW.search(text) is not None


def withdrawal(clause: str, following: str = "") -> bool:
    """Whether a clause withdraws a request as moot (not a question, not supposed,
    not hedged, not another's view reported, not a detail let go while something else
    "is fine" in it or in the ``following`` clause)."""
    found = _WITHDRAWN.search(clause)
    return found is not None and not clause.rstrip().endswith("?") \
        and not _SUPPOSED.search(clause, 0, found.start()) \
        and not _SUPPOSED_AFTER.search(clause, found.end()) \
        and not _NOT_SURE.search(clause, 0, found.start()) \
        and not _SUFFICES.search(clause, found.end()) and not _SUFFICES.search(following)


def withdrawn_shares(clauses: Iterable[str], owner: str | None, item_sentence: str,
                     members: MembersConfig | None) -> tuple[str, ...] | None:
    """The shares of an item the asker's withdrawing clauses close: those of the item's
    owners a clause names ("The BR and BDT proposals are no longer needed"; "Pierre, no
    need to send ..."), ``()`` for the whole item when a clause talks about it without
    naming an owner of it, None when none withdraws it."""
    parts = [p.strip() for p in (owner or "").split(",") if p.strip()]
    whole = False
    clauses = list(clauses)
    for index, clause in enumerate(clauses):
        following = clauses[index + 1] if index + 1 < len(clauses) else ""
        if not withdrawal(clause, following):
            continue
        named = {p for m in doers(clause, members) for p in owner_parts(m.owner)}
        shares = tuple(p for p in parts if owner_parts(p) & named)
        if shares:
            return () if len(shares) == len(parts) else shares
        whole = whole or talks_about(clause, item_sentence)
    return () if whole else None
