"""Who a forwarded liaison statement is addressed to, when it has no "For action to:".

Statements name their addressees in several layouts: "To: TSAG" with "For: Action"
below it, "Addressed to: TDAG", a heading "LIAISON STATEMENT TO TSAG" or "LS to RAG".
A request in such a statement that names nobody ("Please provide comments on the
draft") is owed by the addressees, as under "For action to:". Only the forwarded parts
are read (:func:`~iscg_mailbot.analyse.action_forwards.forward_parts`), and only below
the forwarded mail's own header block: its "To:" names the mail's recipients (a list,
the forwarder), not the statement's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from iscg_mailbot.analyse.action_forwards import part_index
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.parse.quote_lines import Lines
from iscg_mailbot.parse.quoted_forwards import past_forward_header
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.members import MembersConfig

_ADDRESSEE = re.compile(
    r"^[ \t]*\*{0,2}(?:(?:liaison\s+statement|LS)(?:/o)?\s+to\b|(?:addressed\s+)?to\s*:|"
    r"for\s*:\s*action\s+to\b)\*{0,2}[ \t]*:?(?P<value>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE)
# "(for information)" after a name: the line's for-action reading is the action rule's.
_FOR_INFORMATION = re.compile(r"\bfor\s+information\b", re.IGNORECASE)
# "For: Information": the statement asks nothing of its addressees.
_INFORMATION_ONLY = re.compile(r"^[ \t]*for\s*:\s*information\b", re.IGNORECASE | re.MULTILINE)


def _addressees(part: str, members: MembersConfig | None) -> str | None:
    """The bodies a forwarded statement (``part``, from its first line) is addressed to."""
    lines = Lines(part.split("\n"))
    body_start = past_forward_header(lines, 0, len(lines))
    offset = sum(len(line) + 1 for line in lines.lines[:body_start])
    body = part[offset:]
    for match in _ADDRESSEE.finditer(body):
        value = match.group("value")
        if "@" in value or _FOR_INFORMATION.search(value):
            continue
        mentions = [m for m in find_mentions(value, members) if m.kind == "group"]
        if mentions:
            return None if _INFORMATION_ONLY.search(body) else join_owners(mentions)
    return None


def own_by_addressees(candidates: list[ActionCandidate], text: str, parts: Sequence[int],
                      members: MembersConfig | None) -> list[ActionCandidate]:
    """Items of a forwarded statement that name no owner go to its addressees."""
    if not parts or not any(not c.owner and part_index(parts, c.span[0]) for c in candidates):
        return candidates
    owners = {number: _addressees(text[start:end], members)
              for number, (start, end) in enumerate(pairwise([*parts, len(text)]), start=1)}
    return [replace(c, owner=owner, owner_kind="group")
            if not c.owner and (owner := owners.get(part_index(parts, c.span[0]))) else c
            for c in candidates]
