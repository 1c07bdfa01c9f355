"""Whom a bare "let me know" answers for: the parties the sentence before asks.

"RCC also asks whether TSB and BDT could each provide a speaker. Please let me know by
15 December." and "I would like one volunteer from each advisory group (RAG, TSAG,
TDAG) ... Please let me know by 19 February who from your group can take part." ask
the parties of the sentence before, not everybody on the list: the request that asks
for the answer is theirs (`w11`-037, `w9`-024). The sentence before must ask of them
("asks whether", "could each", "one ... from each"); a sentence that only names a body
("The SG17 meeting is in April. Please let me know by 5 March.") gives no owner.

    >>> from iscg_mailbot.analyse.action_text import Sentence
    >>> text = "RCC asks whether TSB and BDT could each send a speaker. Please let me know."
    >>> asked_before(text, [Sentence(text[:55], 0, 55)], 56, None)
    'TSB, BDT'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.analyse.sectors import ADVISORY_GROUPS, SECRETARIAT_UNITS
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.members import MembersConfig

# A request that only asks to be told: "Please let me know by 15 December.", "Could you
# tell me by Friday who ...".
_TELL_ME = re.compile(
    r"^\W*(?:(?:could|can|would)\s+you\s+)?(?:kindly\s+)?(?:please\s+)?(?:kindly\s+)?"
    r"(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|inform\s+(?:me|us))\b", re.IGNORECASE)
# What the sentence before asks of the parties named after it.
_ASKS_OF = re.compile(
    r"\b(?:asks?|asked|asking|wonders?)\s+(?:whether|if)\b|\bcould\s+each\b|"
    r"\b(?:one|a|two)\s+(?:\w+\s+)?(?:volunteer|speaker|expert|representative|person|"
    r"nominee|name)s?\s+from\s+(?:each|every)\b", re.IGNORECASE)
# The parties such a request can be put to.
_PARTIES = SECRETARIAT_UNITS | ADVISORY_GROUPS


def asked_before(text: str, sentences: Sequence[Sentence], start: int,
                 members: MembersConfig | None) -> str | None:
    """The Bureaux or advisory groups the sentence ending before ``start`` asks
    something of ("TSB, BDT"); None when it asks nobody or names anyone else."""
    before = [s for s in sentences if s.end <= start]
    if not before:
        return None
    sentence = before[-1].text
    cue = _ASKS_OF.search(sentence)
    if cue is None:
        return None
    parts: list[str] = []
    for mention in find_mentions(sentence[cue.start():], members):
        if mention.kind != "group":
            return None
        parts.extend(p for p in mention.owner.split(", ") if p not in parts)
    if not parts or not set(parts) <= _PARTIES:
        return None
    return ", ".join(parts)


def own_told_answers(candidates: list[ActionCandidate], text: str,
                     sentences: Sequence[Sentence], members: MembersConfig | None
                     ) -> list[ActionCandidate]:
    """The owner-less "let me know" requests owned by the parties the sentence before
    them asks (:func:`asked_before`)."""
    result = []
    for candidate in candidates:
        if candidate.owner is None and candidate.kind != "note" and _TELL_ME.match(
                candidate.sentence) and not find_mentions(candidate.sentence, members):
            owner = asked_before(text, sentences, candidate.span[0], members)
            if owner is not None:
                candidate = replace(candidate, owner=owner, owner_kind="group")
        result.append(candidate)
    return result
