"""Acceptances that restate the request they accept: no new item.

"Sure, will do - I will circulate the template", "Bien reçu, BDT will contribute",
"Thanks - TSB will provide the paragraph by 8 January": the sender takes on what an
earlier message of the thread asked of them (or of their unit). The work is that
earlier item, still open (eval/README.md: acceptance does not close); the reply's
promise is no second item.

A promise of a party that an earlier *request* of the thread asked (not a question
whether, not a promise of theirs told before), about the thing asked (a content word
shared, or "it", "theirs", "our part"), is that request taking its course, opened as
an acceptance or not, said by the party or told of it ("BDT will add theirs to the
file", "Andrés and I will report back"; `w2`, `w16`, `w21`-`w26`, `w28` dev): no second
item either, unless it is a step towards the thing (below).

Otherwise a reply's promise stays an item when it is not opened as an acceptance ("I will raise
it with the SG13 chair and come back by the end of February"), when it promises a step
towards what was asked rather than the thing itself ("Sure - I will check the dates
with the team"), when nothing earlier in
the thread asked the sender or their unit, or when it sets a day of its own ("Yes - I
will send it this week" to a request due by the end of the month): then it says more
than "yes".

"Let me check with the publications team and come back to you", in a reply to what was
asked of the sender or their unit, is the same acceptance in another form: it holds the
request open while the sender finds the answer, and undertakes nothing new (writers
`w4` and `w8` both leave it unlabelled). "I will check ..." stays a step, as above.
So is the talk of a speaker who was asked for: to "Could TSB nominate a speaker?", "I
will be the TSB speaker. I will cover the SG17 work" (`w8`) and to "Could BR confirm its
speaker?", "BR confirmed - I will present myself" (`w7`) name the speaker; what they
will present is the nomination, not a new item.

    >>> from datetime import date
    >>> from iscg_mailbot.records import ActionCandidate, Address
    >>> said = "Sure, will do - we will circulate the template."
    >>> item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
    ...     owner="BDT", owner_kind="group", due=None, due_text=None, confidence=0.75,
    ...     rule="commitment")
    >>> asked = [Earlier(owner="BR, BDT", due=date(2027, 3, 5), kind="action")]
    >>> drop_restated([item], Address("BDT", "bdt@example.int"), asked, None)
    []
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from iscg_mailbot.analyse.action_silence import SILENCE, is_silence
from iscg_mailbot.analyse.action_statements import TO_READERS
from iscg_mailbot.analyse.closure_reading import shared_words
from iscg_mailbot.analyse.closure_speaker import owner_parts, speaker_of
from iscg_mailbot.records import ActionCandidate, Address
from iscg_mailbot.settings.action_rules import PROMISES
from iscg_mailbot.settings.members import MembersConfig


@dataclass(frozen=True)
class Earlier:
    """An item an earlier message of the thread created: whose, due when, what kind,
    and the sentence that asked it."""

    owner: str | None
    due: date | None
    kind: str
    sentence: str = ""


# The words a reply opens with when it says yes to what it was asked.
_ACCEPTS = re.compile(
    r"^\W*(?:sure|will\s+do|noted|ok(?:ay)?|of\s+course|certainly|gladly|with\s+pleasure|"
    r"bien\s+re[\u00e7c]u|thanks?|thank\s+you|agreed|understood|received|yes)\b",
    re.IGNORECASE)
# "I will check ...", "we will look into ...": a step towards what was asked, new work.
_STEP = re.compile(
    r"\bwill\s+(?:\w+ly\s+)?(?:check|look\s+into|verify|find\s+out|explore|investigate|"
    r"enquire|inquire|consult|ask|see\s+(?:whether|if))\b", re.IGNORECASE)
# "Could TSB nominate a speaker ...?" answered "I will be the TSB speaker. I will cover
# the SG17 work" or "BR confirmed - I will present myself": the talk is the nomination
# asked for, said (w7, w8), not a new undertaking.
_SPEAKER_ASKED = re.compile(r"\b(?:speakers?|presenters?|panell?ists?|moderators?)\b",
                            re.IGNORECASE)
# "I will do the WRC-27 outcomes session myself" (`w20`-038) is the same talk taken.
_PRESENTS = re.compile(
    r"\bwill\s+(?:\w+ly\s+)?(?:present|speak|cover|talk|moderate|give\s+the\s+"
    r"(?:talk|presentation))\b|['\u2019]ll\s+(?:present|speak|cover|talk)\b"
    r"|(?:\bwill|['\u2019]ll)\s+(?:do|take|give|run)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:session|talk|presentation|slot|panel)\b", re.IGNORECASE)
# "Let me check with BDT and come back to you": the sender goes to find the answer that
# was asked of them (the ``let_me`` rule's other verbs, "let me circulate ...", deliver).
_LET_ME_CHECK = re.compile(
    r"\blet\s+(?:me|us)\s+(?:(?:first|quickly)\s+)?(?:check|verify|look\s+into|find\s+out|"
    r"ask|consult|investigate|come\s+back|get\s+back|revert)\b", re.IGNORECASE)


# "TSB will provide the SG5 data as requested", "BR will send the table end April as
# planned", "BDT will send ours on Monday", "BDT will add theirs in section 2": the thing
# promised is named as the one asked for, a share of it ("ours") or the request itself
# (`w18`-010, `w19`-030, `w20`-019, `w4`-030), as a "yes" opening says it.
_AS_ASKED = re.compile(r"\bas\s+(?:requested|asked|planned|foreseen)\b|\b(?:ours|theirs|mine)\b",
                       re.IGNORECASE)


def _accepts(candidate: ActionCandidate, asked: Sequence[Earlier]) -> bool:
    """Whether the promise is said as a yes: opened by one, "let me check ...", the
    thing asked named as such ("as requested", "ours"), or the speaker asked for saying
    what they will present."""
    if candidate.rule in PROMISES and _PRESENTS.search(candidate.sentence) and any(
            _SPEAKER_ASKED.search(e.sentence) for e in asked):
        return True
    if candidate.rule == "let_me":
        return bool(_LET_ME_CHECK.search(candidate.sentence))
    return (candidate.rule in PROMISES and bool(_ACCEPTS.match(candidate.sentence)
                                                 or _AS_ASKED.search(candidate.sentence))
            and not _STEP.search(candidate.sentence))


# An earlier item told as a promise ("BR will prepare the overview"), not asked: a later
# promise of the same party is not a repeat of a request.
_PROMISED = re.compile(r"\b(?:will|shall)\b|['\u2019]ll\b", re.IGNORECASE)
_ASKED = re.compile(r"\?|\b(?:please|kindly|could|would|invited|requested|asked|to\s+\w+\s)",
                    re.IGNORECASE)


# "Could BR say whether the lab tested it?": a question put as a request; the promise
# that answers it ("I'll send you the form") is new work.
_WHETHER = re.compile(
    r"\bwhether\b|\b(?:check|see|ask|know|say|tell|confirm|indicate|verify|find\s+out)\s+if\b",
    re.IGNORECASE)


def _requested(item: Earlier) -> bool:
    """Whether the earlier item is work asked of its owners (an action not told as a
    promise of theirs, nor a question whether)."""
    return item.kind == "action" and not _WHETHER.search(item.sentence) and (
        not _PROMISED.search(item.sentence) or bool(_ASKED.search(item.sentence)))


# What the promise is about, said by referring back to what was asked: "I will send
# it", "BDT will add theirs", "we will prepare our part", "TSB will nominate someone".
_BACK = re.compile(r"\b(?:it|them|this|these|that|those|ours|theirs|mine|(?:our|their|my|"
                   r"[A-Z]\w+'s)\s+(?:part|share|input|section)|someone|somebody)\b")


def _takes_its_course(candidate: ActionCandidate, earlier: Sequence[Earlier]) -> bool:
    """Whether a promise is of a party an earlier action of the thread asked, about what
    was asked (a word shared, or referring back to it: "Could TSB and BDT add their rows
    to the table?" - "BDT will add theirs next week", "I'll prepare our part"): the
    request taking its course, said by the party or told of it, not a second item. A day of its own ("I will send it by 3 May") or a delivery
    to the readers ("... and circulate it to this list") says more, and stays."""
    own = owner_parts(candidate.owner)
    if (not (candidate.rule in PROMISES and own) or TO_READERS.search(candidate.sentence)
            or _STEP.search(candidate.sentence)):
        return False  # "... and copied to this list": a delivery of its own to the readers
    back = _BACK.search(candidate.sentence) is not None
    asked = [e for e in earlier if owner_parts(e.owner) & own and _requested(e)
             and (back or shared_words(candidate.sentence, e.sentence))]
    return bool(asked) and (candidate.due is None or candidate.due in {e.due for e in asked})


# The promise says the thing comes late: "apologies", "sorry", "a bit late", "delayed",
# "later than planned" ("at the latest", "in late May" are no lateness, nor "without
# delay", "with no further delay", "to avoid delays": promptness).
_LATE = re.compile(
    r"\b(?:apologi[sz]e|apologies|sorry|regret)\b|\b(?:bit|little|slightly|somewhat|days?|"
    r"running|be|come)\s+late\b|\b(?<!without\s)(?<!no\s)(?<!any\s)(?<!further\s)"
    r"(?<!avoid\s)delay(?:ed|s)?\b|\blater\s+than\s+(?:planned|promised|"
    r"expected|foreseen|announced|hoped)\b", re.IGNORECASE)


def _comes_late(candidate: ActionCandidate, earlier: Sequence[Earlier]) -> bool:
    """Whether the promise puts off what an earlier request of the thread asked of its
    party, with an apology for it ("Apologies - TSB's page will come on Monday", "the BDT
    chapter will follow tomorrow, sorry": `w22`, `w29`, `w30` dev): the request stays
    open as asked, no new item for the new day. A party nobody asked ("sorry, the note
    will come on 8 January", `w18`), or the answer to a question when something will be
    ready (`w4`), promises something new."""
    own = owner_parts(candidate.owner)
    return bool(own) and _LATE.search(candidate.sentence) is not None and any(
        owner_parts(e.owner) & own and _requested(e) for e in earlier)


def _restates(candidate: ActionCandidate, speaks_for: frozenset[str],
              earlier: Sequence[Earlier]) -> bool:
    if candidate.kind != "action":
        return False
    if _comes_late(candidate, earlier):
        return True
    if candidate.rule == SILENCE:
        # "The silence period continues until 29 April as announced": the silence the
        # thread put to the readers for that day, not a second one.
        return any(e.due == candidate.due and is_silence(e.sentence) for e in earlier)
    if _takes_its_course(candidate, earlier):
        return True
    if not owner_parts(candidate.owner) & speaks_for:
        return False
    asked = [e for e in earlier if e.kind != "note" and owner_parts(e.owner) & speaks_for]
    return bool(asked) and _accepts(candidate, asked) and (
        candidate.due is None or candidate.due in {e.due for e in asked})


def drop_restated(candidates: list[ActionCandidate], sender: Address | None,
                  earlier: Sequence[Earlier], members: MembersConfig | None
                  ) -> list[ActionCandidate]:
    """The reply's promises that only accept what was asked of the sender (or their
    unit) earlier in the thread, without a day of their own, are dropped."""
    if not earlier or not candidates:
        return candidates
    speaker = speaker_of(sender, members)
    speaks_for = speaker.own | speaker.bodies
    return [c for c in candidates if not _restates(c, speaks_for, earlier)]


__all__ = ["Earlier", "drop_restated"]
