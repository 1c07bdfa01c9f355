"""The sender's news about themselves is no note to take.

"Please note my name." (giving one's name for a list), "Please note that on 11 March I
am travelling, so I may miss that session.": the sender tells the reader something of
their own, and nobody labels it (`w6`-002, `w9`-024). A "please note" about anything
else ("Please note that the meeting has moved to 20 April") is read as before, and so
is "invited to note", the liaison statements' form, whatever it names.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> said = "Please note that on 11 March I am travelling."
    >>> note = ActionCandidate(kind="note", sentence=said, span=(0, len(said)),
    ...     owner="Ingrid", owner_kind="person", due=None, due_text=None, confidence=0.7,
    ...     rule="please_note")
    >>> drop_own_news([note])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate

_NOTE = "note"
# What is to be noted, after "please note" / "kindly take note".
_NOTED = re.compile(r"\b(?:please|kindly)\s+(?:take\s+(?:due\s+)?)?note\b(?:\s+of)?(?P<what>.*)",
                    re.IGNORECASE | re.DOTALL)
# The sender speaking of themselves: "I", "me", "my" (not "we": a unit's news is news).
_SELF = re.compile(r"\b(?:I|me|my|myself)\b")


def drop_own_news(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Notes asked with "please note" of something the sender says of themselves: none."""
    return [c for c in candidates if not _own_news(c)]


def _own_news(candidate: ActionCandidate) -> bool:
    if candidate.kind != _NOTE or candidate.rule != "please_note":
        return False
    noted = _NOTED.search(candidate.sentence)
    return noted is not None and _SELF.search(noted.group("what")) is not None


__all__ = ["drop_own_news"]
