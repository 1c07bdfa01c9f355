"""A message that forwards mail, read as its parts: the sender's note, then each message
forwarded (a liaison statement, usually).

- :func:`forward_parts`: where each forwarded message starts in the text analysis reads
  (its "Forwarded message" or "Original Message" line, else its mail header block). A
  liaison statement's "For action to:" and "Deadline:" lines speak for the statement
  they head, not for the note above it ("Amara, could you make sure the rapporteur
  gets it?" is not due on the statement's deadline).
- :func:`drop_retold`: the note's own account of a request the statement makes is the
  statement's item; :func:`pass_relays`: "the ISCG is asked to invite BR and BDT to
  identify ..." is owned by BR and BDT.
- :func:`drop_addressing`: the note's "It is addressed to ITU-D SG2 for action and to
  WP 7C for information" is the statement's items told again;
  :func:`hand_out_requests`: a forwarded request naming nobody on the list ("ITU is
  invited to nominate a focal point") is the forwarder's to hand out (and so is a
  forwarded question: :func:`handed_out`).
- :func:`apply_list_tail`: "- WP 5D is invited to ...;\\n- ITU-D SG2 is invited to
  ...;\\nby 30 November 2026." dates every request of the list, not only the last.

    >>> text = "Ann, please check it.\\n\\n---------- Forwarded message ---------\\nDeadline: 1 May"
    >>> part_index(forward_parts(text, forwarded=True), text.index("Deadline"))
    1
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from iscg_mailbot.analyse.action_classify import unknowable
from iscg_mailbot.analyse.action_dates import DueMention, find_due
from iscg_mailbot.analyse.action_owners import OwnerMention, find_mentions, join_owners
from iscg_mailbot.analyse.action_text import Sentence, is_bullet
from iscg_mailbot.parse.quote_headers import forward_starts
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION, NOTE
from iscg_mailbot.settings.members import MembersConfig


def forward_parts(text: str, *, forwarded: bool) -> list[int]:
    """Offsets in ``text`` where forwarded messages start (none: the text is one part)."""
    if not any(mark in text for mark in (":", "--")):
        return []
    lines = text.split("\n")
    starts = forward_starts(text, forwarded=forwarded)  # read with the sentences already
    offsets: list[int] = []
    position = 0
    wanted = iter(sorted(set(starts)))
    target = next(wanted, None)
    for index, line in enumerate(lines):
        while target is not None and target == index:
            if index:
                offsets.append(position)
            target = next(wanted, None)
        position += len(line) + 1
    return offsets


def part_index(parts: Sequence[int], offset: int) -> int:
    """The part (0: the note, 1: the first message forwarded, ...) holding ``offset``."""
    return bisect_right(parts, offset)


# The line after a list whose items end with ";": "both by 15 February 2027, so that ...".
_TAIL = re.compile(r"[;,][ \t]*\n[ \t]*(?P<tail>(?:(?:both|all|each|all\s+of\s+them)\s+)?"
                   r"(?:by|before|no\s+later\s+than)\b[^\n]*)", re.IGNORECASE)



def apply_list_tail(sentences: Sequence[Sentence], candidates: list[ActionCandidate],
                    text: str, sent: datetime | None) -> list[ActionCandidate]:
    """The requests of a bulleted list take the date its closing line gives them all.

    The closing line ("by 30 November 2026.") is read into the last bullet's sentence;
    the bullets above it are the run of bullet sentences before that one.
    """
    result = list(candidates)
    # In text order, so each closing line dates the items from where its run of bullets
    # starts on: the runs and the items are each walked once (walking back over the run
    # and over every item per closing line was quadratic in a long list).
    order = sorted(range(len(result)), key=lambda i: result[i].span[0])
    next_item = 0
    run_start = 0  # the first sentence of the run of bullets the sentence ends
    for index, sentence in enumerate(sentences):
        bullet = is_bullet(text, sentence.start)
        if not bullet:
            run_start = index + 1
        tail = _TAIL.search(text, sentence.start, sentence.end) if bullet else None
        if tail is None:
            continue
        due = find_due(tail.group("tail"), sent)
        if due is None or due.value is None:
            continue
        # (ranges of one run nest, from its first sentence; those of later runs start
        # later: an item before this range was read by an earlier one or by none)
        while next_item < len(order) and \
                result[order[next_item]].span[0] < sentences[run_start].start:
            next_item += 1
        while next_item < len(order) and result[order[next_item]].span[0] <= sentence.end:
            c = result[order[next_item]]
            if c.kind == ACTION and c.due is None:
                result[order[next_item]] = replace(c, due=due.value, due_text=due.text)
            next_item += 1
    return result


# "at their next meetings": the addressees' own meetings, not the statement's source's.
_OWN_MEETING = re.compile(r"\b(?:their|its|your)\s+(?:own\s+)?next\b", re.IGNORECASE)


def dated_by_deadline(mention: DueMention | None) -> bool:
    """Whether a statement's "Deadline:" line dates an item whose sentence says when as
    ``mention`` (None: says nothing). A "next meeting" of the statement's source ("for
    consideration at the next meeting of WP 4C", "before the next WP 5A meeting") is
    what the Deadline gives the day of; the addressees' own ("RAG and TSAG are invited
    to consider it at their next meetings") is not, and the item stays undated.

    >>> dated_by_deadline(find_due("comment before the next WP 5A meeting", None))
    True
    >>> dated_by_deadline(find_due("consider it at their next meetings", None))
    False
    """
    return mention is None or not unknowable(mention) or not _OWN_MEETING.search(mention.text)


_WORD = re.compile(r"[\w.-]*\w")
# Words any request holds: they say nothing of what is asked.
_ASKING = frozenset({"asks", "asked", "invited", "invites", "requested", "requests", "kindly",
                     "please", "could", "would", "with", "that", "this", "their", "they",
                     "from", "about", "action", "required"})
_RETOLD_SHARED = 3
_RETOLD_SHARE = 0.4


def _content_words(candidate: ActionCandidate) -> set[str]:
    owners = {w.casefold() for w in _WORD.findall(candidate.owner or "")}
    return {w for w in (m.casefold() for m in _WORD.findall(candidate.sentence))
            if len(w) >= 4 and w not in _ASKING and w not in owners}


def _retells(note: ActionCandidate, item: ActionCandidate) -> bool:
    """Whether a request of the note retells a forwarded one: same owners, and most of
    what it asks in the statement's words ("SG13 asks WP 5D to confirm the alignment
    with M.2160" above "WP 5D is invited to comment on the alignment ... M.2160")."""
    if note.kind != item.kind or not note.owner or note.owner != item.owner:
        return False
    return _shares_request(note, item)


def drop_retold(candidates: list[ActionCandidate], parts: Sequence[int]) -> list[ActionCandidate]:
    """The forwarding note's own account of a request the forwarded statement makes is
    the same item: the statement's (with its deadline) is kept."""
    if not parts:
        return candidates
    forwarded = [c for c in candidates if part_index(parts, c.span[0]) > 0]
    return [c for c in candidates if part_index(parts, c.span[0]) > 0
            or not any(_retells(c, item) for item in forwarded)]


# "The ISCG is asked to invite BR and BDT to identify ...": the invited do the work.
_RELAY = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:asked|requested|invited|tasked)\s+to\s+"
    r"(?:invite|ask|request|encourage|urge)\s+(?P<obj>[^.;:]{1,80}?)\s+to\s+\w", re.IGNORECASE)
_JOINERS = re.compile(r"(?:\s|,|&|\band\b|\bthe\b)*", re.IGNORECASE)


def _relayed_to(sentence: str, members: MembersConfig | None) -> list[OwnerMention]:
    match = _RELAY.search(sentence)
    if match is None:
        return []
    obj = match.group("obj")
    mentions = find_mentions(obj, members)
    rest = obj
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    # Only bodies named in full ("BR and BDT"), not "their national statistics offices".
    return mentions if mentions and _JOINERS.fullmatch(rest) else []


def pass_relays(candidates: list[ActionCandidate],
                members: MembersConfig | None) -> list[ActionCandidate]:
    """A body asked to invite others to do something passes the request on: the bodies
    invited own the item."""
    result = []
    for candidate in candidates:
        invited = _relayed_to(candidate.sentence, members) if candidate.kind == ACTION else []
        result.append(replace(candidate, owner=join_owners(invited), owner_kind="group")
                      if invited else candidate)
    return result


def _split_owners(owner: str | None) -> set[str]:
    return {o.strip() for o in (owner or "").split(",") if o.strip()}


def informed_only(owner: str | None, headers: Iterable[tuple[str | None, str | None]]) -> bool:
    """Whether an item's owners are all among a statement's "For information to"
    addressees and none among its "For action to" ones (``headers``: each header line's
    kind and the owners it names). The "Deadline:" line dates what the statement asks of
    those it is for action to, not what it suggests to the others ("For information to:
    ISCG" ... "ISCG is invited to consider maintaining a joint calendar").

    >>> informed_only("ISCG", [("for_action", "TSAG, RAG"), ("for_information", "ISCG")])
    True
    >>> informed_only("TSAG", [("for_action", "TSAG, RAG"), ("for_information", "ISCG")])
    False
    """
    owners = _split_owners(owner)
    pairs = list(headers)
    informed = set().union(*(_split_owners(o) for h, o in pairs if h == "for_information"))
    acting = set().union(*(_split_owners(o) for h, o in pairs if h == "for_action"))
    return bool(owners) and owners <= informed and not owners & acting


def _covered(owner: str, addressed: set[str]) -> bool:
    """Whether ``owner`` is one of ``addressed`` or a Sector holding one ("ITU-D" of
    "ITU-D SG1")."""
    return owner in addressed or any(a.startswith(owner + " ") for a in addressed)


def drop_addressing(candidates: list[ActionCandidate], parts: Sequence[int]
                    ) -> list[ActionCandidate]:
    """The forwarding note's account of whom the statement is for ("It is addressed to
    ITU-D SG2 for action and to ITU-R WP 7C for information", "It is mainly for ITU-D,
    with TSAG for information") is no item: the statement's own requests to those bodies
    are. Dropped only when the statement holds an item for each body the note names."""
    if not parts:
        return candidates
    addressed = set().union(*(_split_owners(c.owner) for c in candidates
                              if part_index(parts, c.span[0]) > 0))
    return [c for c in candidates
            if part_index(parts, c.span[0]) > 0
            or c.rule not in ("for_action", "for_information")
            or not (owners := _split_owners(c.owner))
            or not all(_covered(o, addressed) for o in owners)]


def handed_out(candidates: Sequence[ActionCandidate], parts: Sequence[int]
               ) -> list[ActionCandidate]:
    """The forwarded requests and questions that name nobody on the list, when the note
    above them has items of its own (asks or promises something): the forwarder hands
    them out ("See WHO's request below. TSB will nominate ..."), and they are no items."""
    if not parts or not any(part_index(parts, c.span[0]) == 0 and c.owner for c in candidates):
        return []
    return [c for c in candidates if part_index(parts, c.span[0]) > 0 and not c.owner
            and c.kind != NOTE]


def hand_out_requests(candidates: list[ActionCandidate], parts: Sequence[int]
                      ) -> list[ActionCandidate]:
    """The candidates less those :func:`handed_out` ("ITU is kindly invited to nominate
    a focal point", "We would be grateful if ITU could contribute"). A note's item that
    retells one ("TSB will nominate the SG16 counsellor as ITU focal point") takes its
    date."""
    unowned = handed_out(candidates, parts)
    if not unowned:
        return candidates
    dropped = {id(c) for c in unowned}
    result = []
    for candidate in candidates:
        if id(candidate) in dropped:
            continue
        if candidate.due is None and candidate.owner and part_index(parts, candidate.span[0]) == 0:
            told = next((u for u in unowned if u.due is not None
                         and _shares_request(candidate, u)), None)
            if told is not None:
                candidate = replace(candidate, due=told.due, due_text=told.due_text)
        result.append(candidate)
    return result


def without_handed_out(questions: list[ActionCandidate], items: Sequence[ActionCandidate],
                       text: str, *, forwarded: bool) -> list[ActionCandidate]:
    """``questions`` (of ``text``, whose action items are ``items``) less those
    :func:`handed_out`."""
    if not questions:
        return questions
    parts = forward_parts(text, forwarded=forwarded)
    handed = {id(c) for c in handed_out([*items, *questions], parts)}
    return [q for q in questions if id(q) not in handed]


def _shares_request(note: ActionCandidate, item: ActionCandidate) -> bool:
    """Whether ``note`` says most of what ``item`` asks, in its words."""
    words = _content_words(note)
    shared = words & _content_words(item)
    return len(shared) >= _RETOLD_SHARED and len(shared) >= _RETOLD_SHARE * len(words)
