"""A list of what each party owes, under an introduction that names no verb of request.

:func:`~iscg_mailbot.analyse.action_scope.apply_list_frame` reads bullets labelled by
owner under a request ending with ":". Two more shapes of the same list:

- the label set off by a dash instead of a colon ("1. BDT - number of countries
  supported ...", "- TSB – the list of sessions"): :func:`dash_label`;
- an introduction that says what is wanted without asking anybody ("Requested inputs,
  all by 23 April 2027:", "For item 2 I would like short written status notes:"):
  :data:`WANTING_MORE`, read only when every bullet is labelled by a party;
- the request said once after the list ("- BR: the note; - TSB: the list; - BDT: the
  timeline. Please send them by 2 March."): it dates the bullets and is no item of its
  own (:func:`dated_after`), as it asks for what the bullets list.

    >>> dash_label("BDT - number of countries supported with cell broadcast")
    'BDT'
    >>> bool(WANTING_MORE.search("Requested inputs, all by 23 April 2027:"))
    True
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_text import Sentence, is_bullet
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION
from iscg_mailbot.settings.members import MembersConfig

# "BDT - ...", "ITU-R WP 5D – ...": a short label, then a dash with spaces around it.
_DASH_LABEL = re.compile(r"^\s*(?P<label>[^:\s][^:]{0,38}?)\s+[-\u2013\u2014]\s+\S")

# An introduction naming what is wanted: "Requested inputs, all by ...:", "Expected
# contributions:", "I would like short written status notes:", "We would appreciate:",
# "We would be very glad to have:", "Requests:", "Nous aimerions :".
WANTING_MORE = re.compile(
    r"^\W*(?:requested|expected|required|needed)\s+(?:inputs?|contributions?|texts?|notes?|"
    r"items?|material|information|elements?)\b[^:]{0,60}:\s*$"
    r"|\b(?:we|I)\s+would\s+(?:like|appreciate)\b(?!\s+to\s+(?!receive\b|have\b))[^:]{0,60}:\s*$"
    r"|\b(?:we|I)\s+would\s+be\s+(?:very\s+|most\s+|so\s+)?(?:glad|happy|grateful|delighted)\s+"
    r"to\s+(?:have|receive|get)\b[^:]{0,60}:\s*$|^\W*(?:our\s+)?requests\s*:\s*$"
    r"|\b(?:nous\s+aimerions|nos\s+gustar[ií]a|gostar[ií]amos\s+de)\b[^:]{0,60}:\s*$",
    re.IGNORECASE)

# An introduction that asks, or records what was agreed, and leaves to its lines what and
# of whom: "Two requests:", "Three requests from my side:", "By Tuesday 6 March, kindly:",
# "may I ask you, by Wednesday 28 November:", "Action points; unless marked otherwise,
# all due Thu 28 Feb:", "New action points"; not the requests reported ("Requests received
# so far:"). Its lines are asked whether or not each names a party (one that names none
# is the introduction's: `w14`, `w16`, `w22`, `w23` dev).
REQUEST_LIST = re.compile(
    r"^\W*(?:(?:two|three|four|five|a\s+few|some|my|our)\s+)?requests\b"
    # (Not the requests reported: "Requests received so far:", "Our requests were met:".)
    r"(?![^:.]{0,60}\b(?:received|made|met|answered|so\s+far|were|was|are|have|has|had)\b)"
    r"[^:.]{0,60}:\s*$"
    r"|(?:^|,\s*)(?:kindly|may\s+I\s+ask(?:\s+you)?)\s*(?:,[^:.]{0,60})?:\s*$"
    r"|^\W*(?:new\s+)?action\s+(?:points|items)\b(?:[;,][^:.]{0,60})?:?\s*$",
    re.IGNORECASE)

# Where the thing a bullet asks for turns to its subject: "a TSB speaker on the SG5 work"
# is TSB's to give, whatever the subject names.
_SUBJECT_TURN = re.compile(r"\s(?:on|about|regarding|concerning|for|sur|sobre|para|pour|"
                           r"covering|with)\s", re.IGNORECASE)

# The request after the list points back to what it lists: "Please send them by ...".
_POINTS_BACK = re.compile(r"\b(?:them|these|those|all\s+three|all\s+of\s+them|both)\b",
                          re.IGNORECASE)
# ... or names again, with "the", what the introduction asked for: "Management responses
# are needed as follows: - TSB: ...; - BR: .... Please send the responses to me by 17
# September." (the eighth writer's audit list).
_THE_THING = re.compile(r"\bthe\s+(?P<thing>[a-z]{4,})\b", re.IGNORECASE)


def dash_label(text: str) -> str | None:
    """The label of a bullet set off by a dash ("BDT - ..."), if any."""
    match = _DASH_LABEL.match(text)
    return match.group("label") if match else None


def party_within(text: str, members: MembersConfig | None) -> str | None:
    """The party a bullet under a list of wants names before what it is about: "two TSB
    mentors for the online module" (TSB), "from the advisory group vice-chairs, names of
    ..." (RAG, TSAG, TDAG), "deux intervenants à distance (TSB et BDT)"; None when it names
    no body there ("a room with interpretation") or is a question (asked of whom it says)."""
    if text.rstrip().endswith("?"):
        return None
    turn = _SUBJECT_TURN.search(text)
    # Bodies only: a member's name opening a bullet greets whom its next sentence asks
    # ("- Fatou, last year Senegal waived ... Could you share ...?").
    named = [m for m in find_mentions(text, members)
             if m.kind == "group" and (turn is None or m.start < turn.start())]
    return join_owners(named) if named else None


def _request_after(sentences: Sequence[Sentence], bullets: Sequence[Sentence],
                  by_span: dict[tuple[int, int], ActionCandidate], intro: str
                  ) -> ActionCandidate | None:
    """The dated request right after the list that asks for what it lists, naming
    nobody ("Please send them by 2 March so that they can be posted a week ahead.")."""
    last = bullets[-1]
    # (sentences are in text order: bisected, not scanned from the first, once a list)
    position = bisect_left(sentences, last.end, key=lambda s: s.start)
    if position == len(sentences):
        return None
    following = sentences[position]
    candidate = by_span.get((following.start, following.end))
    if candidate is None or candidate.kind != ACTION or candidate.owner is not None \
            or candidate.due is None or not (_POINTS_BACK.search(candidate.sentence)
                                             or _names_again(candidate.sentence, intro)):
        return None
    return candidate


def _names_again(request: str, intro: str) -> bool:
    """Whether the request names with "the" a thing the list's introduction asked for
    ("the responses" after "Management responses are needed as follows:")."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", intro)}
    return any(m.group("thing").lower() in asked for m in _THE_THING.finditer(request))


def dated_after(frame: ActionCandidate, sentences: Sequence[Sentence],
                bullets: Sequence[Sentence], by_span: dict[tuple[int, int], ActionCandidate]
                ) -> tuple[ActionCandidate, tuple[int, int] | None]:
    """An undated frame dated by the request after its list, and that request's span
    (no item of its own); the frame unchanged and None when there is none."""
    after = (_request_after(sentences, bullets, by_span, frame.sentence)
             if frame.due is None else None)
    if after is None:
        return frame, None
    return replace(frame, due=after.due, due_text=after.due_text), after.span


def bullets_after(sentences: Sequence[Sentence], index: int, text: str) -> list[Sentence]:
    """The bullets right after the sentence at ``index``, up to the first that ends with
    ":": it introduces a list of its own ("- BR: send x; By Friday, kindly:" is read as
    one sentence), whose lines are not this list's (else each list ran over every later
    line: quadratic in a message that repeats one)."""
    bullets = []
    for following in sentences[index + 1:]:
        if not is_bullet(text, following.start):
            break
        bullets.append(following)
        if following.text.rstrip().endswith(":"):
            break
    return bullets


__all__ = ["REQUEST_LIST", "WANTING_MORE", "bullets_after", "dash_label", "dated_after",
           "party_within"]
