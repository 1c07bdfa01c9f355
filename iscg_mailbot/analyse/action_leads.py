"""The parties a lead puts what follows it to: "Two questions for TSB and BR:" above a
list, or "To Klaus:" opening a list's line.

A request or question in the lead's scope that names nobody ("- are you planning
similar trials?", "Could you tell us how your regulator handles it?") is put to the
parties the lead names, as if it named them itself. The scope is the structure the lead
opens: a lead that ends its line ("Questions to BR and BDT:") heads the block below it,
up to the first blank line after that block's first line that is not followed by
another line of the list; a lead with text after it on its line ("- To Klaus: Germany
allows ... Could you tell us ...?") heads that line of the list, up to the next line
that opens one (a bullet, a number) or a blank line.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> text = "Two questions for TSB and BR:\\n- are you planning trials?\\n\\nThanks."
    >>> asked = ActionCandidate(kind="question", sentence="are you planning trials?",
    ...     span=(32, 56), owner=None, owner_kind=None, due=None, due_text=None,
    ...     confidence=0.5, rule="question")
    >>> [c.owner for c in put_by_leads([asked], text, None)]
    ['TSB, BR']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import OwnerMention, find_mentions
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.members import MembersConfig

# A lead at the start of a line (after a list marker): the words before "for"/"to" (none,
# or a few announcing questions or requests), the parties, then a colon. The blanks after
# the marker are read only after one (two runs of blanks in a row could share a line of
# blanks in any of its places: a line of 20,000 spaces took 17 s).
_LEAD = re.compile(
    r"^[ \t]*(?:(?:[-*\u2022\u00b7]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]*)?"
    r"(?P<pre>(?:[^\W\d_][\w'-]*[ \t]+){0,4}?)(?:for|to|pour|para|à)[ \t]+"
    r"(?P<names>[^\n:?.;]{1,80}?)[ \t]*:(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE)
_ANNOUNCES = re.compile(r"\b(?:questions?|requests?|queries|points|asks|items|"
                        r"questions?\s+(?:also|too))\b", re.IGNORECASE)
# What may join the parties: "TSB and BR", "BR, TSB & BDT", "BR / BDT", "BR colleagues".
_JOINS = re.compile(r"(?i:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*|\s+)(?:the\s+)?)")
_FILLER = re.compile(r"(?i:\s*(?:colleagues|team|secretariat|you)?\s*)")
# A line that opens a list's line, and a blank line.
_LIST_LINE = re.compile(r"[ \t]*(?:[-*\u2022\u00b7]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]")
_BLANK = re.compile(r"\n[ \t]*\n")
_SHOWN = re.compile(r"\S")


def _parties(names: str, members: MembersConfig | None) -> list[OwnerMention] | None:
    """The parties ``names`` consists of, joined by "and", commas or slashes; None when
    anything else is written there ("To update the table", "for the record")."""
    mentions = find_mentions(names + ":", members)
    if not mentions or mentions[0].start != 0:
        return None
    position = 0
    for mention in mentions:
        gap = names[position:mention.start]
        if position and not _JOINS.fullmatch(gap):
            return None
        position = mention.end
    return mentions if _FILLER.fullmatch(names[position:]) else None


def _scope(text: str, lead: re.Match[str], stop: int) -> tuple[int, int]:
    """Where the lead's parties hold: its own line of a list, or the block below it (up
    to ``stop``, where the next lead heading a block starts).

    Each line is read where it stands (a copy of the rest of the text for each line
    below a lead was quadratic: 50,000 lines took 0.8 s)."""
    if lead.group("rest").strip():
        start = lead.start("rest")
        end = text.find("\n", start)
        while end != -1:
            after = text.find("\n", end + 1)
            line = text[end + 1:len(text) if after == -1 else after]
            if not line.strip() or _LIST_LINE.match(line) or _LEAD.match(line):
                break
            end = after
        return start, len(text) if end == -1 else end
    start = lead.end()
    shown = _SHOWN.search(text, start)
    first = len(text) if shown is None else shown.start()
    for blank in _BLANK.finditer(text, first, stop):
        if not _LIST_LINE.match(text, blank.end()):
            return start, blank.start()
    return start, stop


def _asks(item: ActionCandidate) -> bool:
    """A question or a request put as one ("could you share ...?"): what a lead puts to
    its parties (not "Reply by 6 October please", which only dates what was asked)."""
    return item.kind == "question" or (item.kind != "note" and item.sentence.rstrip().endswith("?"))


def put_by_leads(candidates: list[ActionCandidate], text: str,
                 members: MembersConfig | None) -> list[ActionCandidate]:
    """The candidates, those in a lead's scope that name nobody put to its parties.

    The nearest lead above an item puts it: a block's scope ends where the next lead
    heading a block starts ("Questions for BDT:" ... "Questions for BR:"), and a list
    line's lead inside a block ("- To Klaus: ...") is read before the block's."""
    if ":" not in text or all(c.owner is not None or not _asks(c) for c in candidates):
        return candidates
    leads = [lead for lead in _LEAD.finditer(text) if _announces(lead)]
    heads = [lead.start() for lead in leads if not lead.group("rest").strip()]
    result = list(candidates)
    order = sorted(range(len(result)), key=lambda i: result[i].span[0])
    starts = [result[i].span[0] for i in order]
    for lead in reversed(leads):
        parties = _parties(lead.group("names"), members)
        if parties is None:
            continue
        owner = ", ".join(dict.fromkeys(m.owner for m in parties))
        kind = "group" if any(m.kind == "group" for m in parties) else "member"
        following = bisect_right(heads, lead.start())
        start, end = _scope(text, lead, heads[following] if following < len(heads) else len(text))
        for i in order[bisect_left(starts, start):bisect_left(starts, end)]:
            item = result[i]
            if item.owner is None and _asks(item):
                result[i] = replace(item, owner=owner, owner_kind=kind)
    return result


def _announces(lead: re.Match[str]) -> bool:
    """Whether the words before "for"/"to" (none, or "Two questions") make it a lead."""
    pre = lead.group("pre").strip()
    return not pre or _ANNOUNCES.search(pre) is not None
