"""A report-back promised or asked only if something goes wrong is no item.

"I will let you know if any problem occurs" (`w14`-023), "If it does not, please tell
me" (after "the digest should now show the accents", `w16`-013), "I'll brief our team
and come back if we have something useful" (`w6`-012): nobody owes anything unless the
contingency comes about, and no writer labels one. A report-back with a day of its own
("If you have noticed other difficulties, please tell me before 19 November", `w17`-008)
collects answers and stays an item, as does one that tells "if" for "whether" ("Could TSB
tell us if the dates are confirmed?", "I will let you know if it is possible").

    >>> from iscg_mailbot.records import ActionCandidate
    >>> said = "I will let you know if any problem occurs."
    >>> item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
    ...     owner="Yuki Sato", owner_kind="sender", due=None, due_text=None,
    ...     confidence=0.7, rule="commitment")
    >>> drop_contingencies([item])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

# Telling, reporting back.
_REPORT = re.compile(
    r"\b(?:let\s+(?:me|us|you|them)\s+know|tell\s+(?:me|us)|come\s+back|get\s+back|revert|"
    r"inform\s+(?:me|us|you))\b", re.IGNORECASE)
# What might go wrong or turn up: "if any problem occurs", "if there are issues", "if it
# does not", "if we have something useful", "if anything comes up".
_CONTINGENCY = re.compile(
    r"\bif\s+(?:(?:there\s+(?:is|are)\s+)?any(?:thing)?\s+(?:problems?|issues?|difficult\w*|"
    r"goes\s+wrong|comes\s+up|happens)|(?:there\s+(?:is|are)\s+)?(?:a\s+)?(?:problems?|issues?)"
    r"\b|(?:it|this|that)\s+(?:does|did|still\s+does)\s*(?:n['\u2019]t|\s+not)\b|"
    r"(?:we|I)\s+(?:have|find|hear\s+of|get)\s+(?:something|anything)\b)", re.IGNORECASE)


def drop_contingencies(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Undated report-backs promised or asked only if something goes wrong or turns up."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.due is None and _REPORT.search(c.sentence)
        and _CONTINGENCY.search(c.sentence))]


__all__ = ["drop_contingencies"]
