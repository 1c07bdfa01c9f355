"""A second party asked for the same thing in a shortened clause: "We would welcome a
speaker from TSB on quality measurements, and one from BR on coverage data." The
clause after "and one from" / "and another from" repeats the request for another
party, so it is an item of its own, owed by the party it names.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> text = "We would welcome a speaker from TSB on X, and one from BR on Y."
    >>> asked = ActionCandidate(kind="action", sentence=text, span=(0, len(text)),
    ...     owner="TSB", owner_kind="group", due=None, due_text=None, confidence=0.7,
    ...     rule="wanted_from")
    >>> [(c.owner, c.sentence) for c in split_elliptic([asked], None)]
    [('TSB', 'We would welcome a speaker from TSB on X'), ('BR', 'and one from BR on Y.')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.members import MembersConfig

# ", and one from BR", "; another from the General Secretariat", "and one each from".
_ELLIPTIC = re.compile(
    r"\s*[,;]?\s+(?:and\s+)?(?:also\s+)?(?:one|another|a\s+second|two|one\s+each)\s+(?:more\s+)?"
    r"from\s+(?:the\s+)?", re.IGNORECASE)
_GATE = (" one from", "another from", "second from", "two from", "each from")


def split_elliptic(candidates: list[ActionCandidate],
                   members: MembersConfig | None) -> list[ActionCandidate]:
    """Items asking parties for something, then "and one from <party>": one item each."""
    result: list[ActionCandidate] = []
    for candidate in candidates:
        lowered = candidate.sentence.lower()
        if candidate.kind == "note" or not any(word in lowered for word in _GATE):
            result.append(candidate)
            continue
        result.extend(_split(candidate, members))
    return result


def _split(candidate: ActionCandidate, members: MembersConfig | None) -> list[ActionCandidate]:
    text = candidate.sentence
    for match in _ELLIPTIC.finditer(text):
        before = find_mentions(text[:match.start()], members)
        named = find_mentions(text[match.end():], members)
        if not before or not named or named[0].start != 0:
            continue  # the first clause names nobody, or "one from" is no party's
        chain = [named[0]]
        owner = join_owners(chain)
        first_owner = candidate.owner or ""
        if owner in {p.strip() for p in first_owner.split(",")}:
            continue
        cut = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" ,;"))
        first = text[:match.start()].rstrip(" ,;")
        second = text[cut:]
        start, end = candidate.span
        middle = min(end, start + cut)
        return [replace(candidate, sentence=first, span=(start, max(start + 1, middle - 1))),
                replace(candidate, sentence=second, span=(middle, end), owner=owner,
                        owner_kind="member" if chain[0].kind == "member" else "group")]
    return [candidate]
