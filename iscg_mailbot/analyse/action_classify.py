"""One clause read against the rules: the first rule that matches and passes its checks.

:func:`classify` asks only the rules whose words the clause holds
(:class:`~iscg_mailbot.analyse.action_gate.RuleGate`), and reads the clause's other
facts (its dates, owners, tense) only once a rule matches, each once: most clauses
match no rule. :mod:`~iscg_mailbot.analyse.actions` applies the message's header lines
and the later passes to what this finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from iscg_mailbot.analyse.action_dates import DueMention, find_dates, pick_due
from iscg_mailbot.analyse.action_dates_clauses import clause_due, commitment_due_in
from iscg_mailbot.analyse.action_owners import is_unit
from iscg_mailbot.analyse.action_text import DEADLINE_HEADER, Sentence
from iscg_mailbot.analyse.action_who import Owners, Who
from iscg_mailbot.analyse.event_deadlines import SHORT_WEEKDAY
from iscg_mailbot.analyse.text_gates import GatedPattern, folded
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import (
    ACT_VERB_RE,
    ACTION,
    BOILERPLATE,
    NOT_REQUESTED,
    NOT_WORK,
    NOTE,
    PAST,
    SOFTENERS,
    Rule,
)
from iscg_mailbot.settings.members import MembersConfig

# How a rule's match is found in a sentence (given in lower case when it is ASCII).
Search = Callable[[Rule, str, "str | None"], "re.Match[str] | None"]

# Header lines of a liaison statement that set context for the whole message.
_HEADER_FOR_ACTION = re.compile(r"^\s*for\s+(?:action|comments?)(?:\s+to)?\s*:", re.IGNORECASE)
_HEADER_FOR_INFO = re.compile(r"^\s*for\s+information(?:\s+to)?\s*:", re.IGNORECASE)
_HEADER_DEADLINE = DEADLINE_HEADER
_HEADER_ACTION_REQUIRED = re.compile(r"^\s*actions?\s+required\s*:", re.IGNORECASE)
# A statement's addressee line marking what each body gets: "To: ITU-D SG1 (for action);
# ITU-T SG9 (for information)", "Copy: ISCG (for information)", "To: ITU-D Study Groups
# 1 and 2; copy for information to TSAG". Marked for action, it speaks as "For action
# to:" does (its owner finder reads the marks); marked only for information, it is
# context for the body's requests ("addressees": its owners may be for action too, so
# they are not taken as only informed), an item only when the body has none.
_HEADER_ADDRESSEES = re.compile(r"^\s*(?:to|copy|cc|addressees?)\s*:", re.IGNORECASE)
_MARKED_FOR_ACTION = re.compile(r"\bfor\s+(?:action|comments?)\b", re.IGNORECASE)
_MARKED_FOR_INFO = re.compile(r"\bfor\s+info(?:rmation)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A sentence's classification before the message's header lines are applied."""

    candidate: ActionCandidate
    header: str | None  # "for_action", "for_information", "addressees", "deadline": LS header lines
    owner_explicit: bool
    due_mention: DueMention | None


def unknowable(due: DueMention) -> bool:
    """A due phrase naming no knowable day: "before the next meeting", "a week after
    the meeting" (no date of it given): the item gets no date, not a guessed one."""
    return due.value is None and due.kind in ("next_meeting", "event_relative")

def header_kind(text: str) -> str | None:
    if _HEADER_FOR_ACTION.match(text):
        return "for_action"
    if _HEADER_FOR_INFO.match(text):
        return "for_information"
    if _HEADER_DEADLINE.match(text):
        return "deadline"
    if _HEADER_ADDRESSEES.match(text):
        if _MARKED_FOR_ACTION.search(text):
            return "for_action"
        if _MARKED_FOR_INFO.search(text):
            return "addressees"
    return None


def _and_act(rest: str) -> bool:
    """Whether a note clause goes on to ask for work: "... and provide guidance"."""
    match = re.search(
        r"\b(?:and|then|as\s+well\s+as)\s+(?:to\s+)?(?:kindly\s+|also\s+)?(?P<verb>\w+(?:\s+\w+)?)",
        rest, re.IGNORECASE,
    )
    return bool(match and ACT_VERB_RE.match(match.group("verb")))


# The words one of which each match of the furniture patterns holds: a rule matched
# most clauses that reach them, and few of those hold any of these words.
_BOILERPLATE = GatedPattern(BOILERPLATE, (
    "intended", "unsubscribe", "mailing", "confidential", "hesitate", "feel", "know",
    "questions", "reply"))
_NOT_WORK = GatedPattern(NOT_WORK, (
    "office", "access", "auto", "away", "leav", "mission", "holiday", "vacation", "back",
    "over", "contact", "focal", "last", "retiring", "farewell"))


class _Reading:
    """What the rules ask about one sentence, each worked out once and only if asked."""

    def __init__(self, sentence: Sentence, message: ActionInput,
                 members: MembersConfig | None) -> None:
        self.text = sentence.text
        self.message = message
        self.members = members

    @cached_property
    def furniture(self) -> bool:
        """Mail furniture ("do not hesitate to ...") or mail owing nothing ("out of office")."""
        lowered = folded(self.text)
        return bool(_BOILERPLATE.search(self.text, lowered)
                    or _NOT_WORK.search(self.text, lowered))

    @cached_property
    def past(self) -> bool:
        return bool(PAST.search(self.text))

    @cached_property
    def not_requested(self) -> bool:
        return "no" in self.text.lower() and bool(NOT_REQUESTED.search(self.text))

    @cached_property
    def dates(self) -> list[DueMention]:
        """The clause's date mentions: its due date and a commitment's day read them."""
        return find_dates(self.text, self.message.date)

    @cached_property
    def due(self) -> DueMention | None:
        return pick_due(self.dates, self.message.date)

    def clause_due(self, start: int) -> DueMention | None:
        """The due date of the clause of an item matched at ``start``
        (:func:`~iscg_mailbot.analyse.action_dates_clauses.clause_due`)."""
        return clause_due(self.dates, self.text, self.message.date, start)

    def commitment_due(self, start: int) -> DueMention | None:
        """:func:`~iscg_mailbot.analyse.action_dates_clauses.commitment_due` of a commitment
        made at ``start``."""
        return commitment_due_in(self.dates, self.text, self.message.date, start)

    @cached_property
    def owners(self) -> Owners:
        return Owners(self.text, self.message, self.members)

    def past_due(self) -> bool:
        """The date has passed when the message was written: a report, not a request."""
        due, when = self.due, self.message.date
        return due is not None and due.value is not None and (
            when is not None and due.value < when.date())


def classify(sentence: Sentence, message: ActionInput, rules: Sequence[Rule],
             members: MembersConfig | None, search: Search | None = None,
             lowered: str | None = None) -> Found | None:
    """The first of ``rules`` that matches the sentence and passes its checks, as an item.

    ``rules`` are those whose words the sentence holds (:class:`~iscg_mailbot.analyse.action_gate.RuleGate`); the
    sentence's other facts are read only once a rule matches: most sentences match none.
    ``search`` finds a rule's match (:meth:`~iscg_mailbot.analyse.action_gate.RuleGate.search`:
    tried only where a match can start; ``lowered``, the sentence in lower case when it
    is ASCII, tells it where); without it, the rule's plain search.
    """
    text = sentence.text
    if len(text) < 8:
        return None
    reading = _Reading(sentence, message, members)
    for rule in rules:
        match = rule.pattern.search(text) if search is None else search(rule, text, lowered)
        if match is None:
            continue
        if reading.furniture:
            return None  # no rule applies to furniture, so none is asked further
        if not _checks_pass(rule, match, reading):
            continue
        who = reading.owners.find(rule, match)
        if rule.needs_owner and not (who.explicit and who.kind in ("group", "member")):
            continue
        due = reading.clause_due(match.start())
        if due is None and (rule.owner.startswith("sender") or (
                who.kind in ("member", "sender") and who == reading.owners.sender())):
            # "I will confirm it next week": a commitment is due when it is to be done.
            due = reading.commitment_due(match.start())
        return _build(sentence, rule, match, who, due)
    return None


def _checks_pass(rule: Rule, match: re.Match[str], reading: _Reading) -> bool:
    """The rule's checks (see :class:`Rule`) on a sentence it matched."""
    text = reading.text
    if rule.skip_past and reading.past:
        return False
    if rule.name in ("invited_to", "we_request") and PAST.search(
        text[max(0, match.start() - 12):match.end()]
    ):
        return False  # "TSAG was invited to": a report of the past
    if rule.name == "entity_will" and _unit_told(match, reading):
        return False  # "The regional office will send the letters": news, not an item
    if rule.name == "entity_will" and _OTHERS.search(text, max(0, match.start() - 20),
                                                     match.start()):
        return False  # "I asked the web team; they will add a button": others' plans
    if rule.name == "for_information" and _TOLD_DONE.search(text):
        return False  # "For your information, WP 5D has approved its reply today": news
    if rule.needs_date and (reading.due is None or unknowable(reading.due)):
        return False
    if rule.skip_past_due and reading.past_due():
        return False
    if rule.needs_deadline and not (_deadline(reading, match)
                                    or _SAME_DAY.search(reading.text, match.end())):
        return False
    if rule.kind == ACTION and reading.not_requested:
        return False
    # "Action items:" introduces a list; its lines are the items.
    return not (rule.name == "action_header" and len(text[match.end():].split()) < 3)


def _unit_told(match: re.Match[str], reading: _Reading) -> bool:
    """Whether the promise ``match`` read is of a unit of the secretariat named just
    before it (:func:`~iscg_mailbot.analyse.action_owners.is_unit`): what the regional
    office or the conference service will do, told in passing."""
    before = [m for m in reading.owners.mentions if m.end <= match.start()]
    return bool(before) and is_unit(reading.text, before[-1]) and len(
        reading.text[before[-1].end:match.start()].split()) <= 4


# "they will ...": what the people the sender passed it to will do, told in passing ("I
# asked the web team; they will add a public CSV button in July", "BR colleagues told me
# they will reply separately"); no writer labels it (`w7`, `w8`, `w16` dev). Nor what a
# body's management will do at its own meetings ("TSAG management will nominate my
# successor at its January meeting", "TSAG management will look at it on 2 December":
# `w14`, `w17`).
_OTHERS = re.compile(r"\b(?:they|management(?:\s+team)?)\s+$", re.IGNORECASE)


def _deadline(reading: _Reading, match: re.Match[str]) -> bool:
    """A date by which the matched work is to be done ("by 12 February", "within a week",
    "this week" after the verb), not the day of an event ("on 1 March", "issued by
    central banks on 3 June")."""
    due = reading.commitment_due(match.start())
    if due is None or due.value is None or due.start < match.start():
        return False
    return due.kind in ("week", "weekday") or bool(
        _OPENS_DEADLINE.match(due.text) or _BEFORE_DEADLINE.search(reading.text, 0, due.start))


# "For your information, WP 5D has approved its reply today", "For information: SG5
# approved its reply in September", "FYI I have also passed the LS to the rapporteur",
# "For your information, in Japan there were trials ...": what somebody did or what
# was, told for information, is news, and nobody is to note anything (the first,
# eighth, eleventh and thirteenth writers' dev parts label none of them). "I attach the
# checklist for your information" points to what the message brings, and stays a note.
_TOLD_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:also|now|just|already|today|\w+ly)\s+)*(?!been\b)"
    # ... with its object: what somebody did to a thing ("has moved to a new address"
    # tells a change, and stays a note).
    r"[a-z]+(?:ed|en|ent|ought|t)\s+(?:its|their|the|a|an|this|that|it|them|our|your)\b|"
    r"\b(?:was|were)\b|"
    # The simple past, not a present or future passive ("is sent to SG12 for information").
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
    r"\b(?:approved|adopted|sent|passed|agreed|decided|published|held|met|concluded)\s+"
    r"(?:its|their|the|a|an|this|that|it|them|on|at|in|to|last|yesterday|today)\b",
    re.IGNORECASE)

# "by the same date": the day of an earlier item (action_back_dates gives it).
_SAME_DAY = re.compile(r"\b(?:by|before)\s+the\s+same\s+(?:date|day|deadline)\b", re.IGNORECASE)
_OPENS_DEADLINE = re.compile(r"(?:by|before|within|until|no\s+later\s+than)\b", re.IGNORECASE)
# "by Thursday 8 March", "by Thu 2 March": the weekday said before the date, in full or
# shortened as the date reader knows it (action_dates).
_BEFORE_DEADLINE = re.compile(r"\b(?:by|before|until|till|no\s+later\s+than)\s+(?:the\s+)?"
                              r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|"
                              + SHORT_WEEKDAY + r")?$",
                              re.IGNORECASE)


def _build(sentence: Sentence, rule: Rule, match: re.Match[str], who: Who,
           due: DueMention | None) -> Found:
    text = sentence.text
    kind, name, confidence = rule.kind, rule.name, rule.confidence
    if kind == NOTE and name != "for_information" and _and_act(text[match.end():]):
        # "invited to note this document and provide guidance": the note is also work.
        kind, name = ACTION, f"{name}_and_act"
    if kind == NOTE and name == "for_information" and re.search(
        r"\bfor\s+(?:action|comments?)\b", text, re.IGNORECASE
    ):
        kind, name = ACTION, "for_action"
    if kind == NOTE and due is not None and not due.marked:
        due = None  # an event date in a note ("the Forum takes place on ...") is no deadline
    if due is not None and due.value is not None:
        confidence += 0.05
    if SOFTENERS.search(text):
        confidence -= 0.15
    if text.rstrip().endswith("?") and name not in ("could_you", "please_do"):
        confidence -= 0.1
    if _HEADER_ACTION_REQUIRED.match(text):
        confidence += 0.05
    candidate = ActionCandidate(
        kind=kind,
        sentence=text,
        span=(sentence.start, sentence.end),
        owner=who.owner,
        owner_kind=who.kind,
        due=due.value if due else None,
        due_text=due.text if due else None,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        rule=name,
    )
    return Found(candidate, header_kind(text), who.explicit, due)


__all__ = ["Found", "classify", "header_kind", "unknowable"]
