"""Action items in a message's new text, and replies that close them.

``extract_actions(message)`` reads only :attr:`ActionInput.new_text` (quoted lines and
anything after "On ... wrote:" are skipped even if the quoting split missed them) and
returns one :class:`ActionCandidate` per sentence that asks somebody to do something
("action") or to take note of something ("note")::

    >>> from datetime import datetime, timezone
    >>> item, = extract_actions(ActionInput(
    ...     "Action required: TDAG is invited to note this document and provide guidance "
    ...     "as deemed appropriate.", datetime(2027, 3, 1, tzinfo=timezone.utc)))
    >>> item.kind, item.owner, item.due
    ('action', 'TDAG', None)

The rules (:mod:`iscg_mailbot.settings.action_rules`) follow ITU liaison statements
("Action required:", "For action to:", "is invited to", "is requested to", "kindly
requested", "for information", "Deadline:", "no later than") and list replies ("please
send ... by Friday", "I will circulate ..."). Owners come from
:mod:`~iscg_mailbot.analyse.action_owners`, dates from
:mod:`~iscg_mailbot.analyse.action_dates`.

``detect_closure(reply_text, open_items, phrases)`` says which open items a reply
closes ("done", "please find attached our reply", "we have sent the liaison").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from iscg_mailbot.analyse.action_closure import (
    asks_to_say,
    delivery_statement,
    is_acceptance,
    is_substantive,
)
from iscg_mailbot.analyse.action_dates import DueMention, find_due
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_scope import (
    apply_date_carriers,
    apply_list_frame,
    owes_nothing,
    split_clauses,
    with_sectors,
)
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.parse.subjects import is_forward_subject
from iscg_mailbot.records import (
    ActionCandidate,
    ActionInput,
    Address,
    Closure,
    OpenItem,
)
from iscg_mailbot.settings.action_rules import (
    ACT_VERB_RE,
    ACTION,
    BOILERPLATE,
    DEFAULT_CLOSURE_PHRASES,
    DEFAULT_RULES,
    NOT_REQUESTED,
    NOT_WORK,
    NOTE,
    PAST,
    RULES,
    SOFTENERS,
    ActionRules,
    Rule,
    custom_rules,
)
from iscg_mailbot.settings.members import MembersConfig

# Header lines of a liaison statement that set context for the whole message.
_HEADER_FOR_ACTION = re.compile(r"^\s*for\s+(?:action|comments?)(?:\s+to)?\s*:", re.IGNORECASE)
_HEADER_FOR_INFO = re.compile(r"^\s*for\s+information(?:\s+to)?\s*:", re.IGNORECASE)
_HEADER_DEADLINE = re.compile(r"^\s*(?:deadline|due\s+date)\s*:", re.IGNORECASE)
_HEADER_ACTION_REQUIRED = re.compile(r"^\s*actions?\s+required\s*:", re.IGNORECASE)

_ADDRESSEE_WORDS = re.compile(
    r"\b(?:you|your|members|colleagues|participants|delegates|everyone|everybody|all|"
    r"administrations|recipients|experts|contributors|someone|anyone|each\s+of\s+you)\b",
    re.IGNORECASE)
_SENDER_WORDS = re.compile(r"\b(?:(?i:we|us|my|our)|I)\b")
_CONNECTOR = re.compile(r"^\s*(?:,|and|&|/|as\s+well\s+as|,\s*and)\s*(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_END = re.compile(
    r"\b(?:is|are|was|were|should|will|shall|must|may|can|could|would|has|have|had|to|"
    r"need|needs|agreed|undertook|volunteered|offered)\b", re.IGNORECASE)
_BEFORE_PLEASE = re.compile(
    r"^[\s,:\u2013-]*(?:(?:could|can|would|will)\s+)?$", re.IGNORECASE)
# Between a name and the request addressed to it: "Klaus, could you" / "María: please".
_VOCATIVE_GAP = re.compile(r"^\s*[,:\u2013]\s*(?:(?:could|can|would|will)\s+)?$", re.IGNORECASE)
_RECIPIENT_LEAD = re.compile(r"(?:\bto\s*:?|\bfor)\s*(?:the\s+)?$", re.IGNORECASE)
_FROM_LEAD = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z ]{1,30}:\s*")
# ", as TDAG secretariat," / "(TSB)": words about a body, not the body acting.
_ASIDE = re.compile(
    r"\([^()]*\)|,\s*(?:as|being|in\s+(?:its|their|his|her)\s+capacity\s+as|which|who|"
    r"together\s+with|with\s+the\s+support\s+of|in\s+(?:cooperation|collaboration)\s+with)"
    r"\b[^,]*,", re.IGNORECASE)


_LABEL_LEAD = re.compile(r"\W*(?:(?:question|request|note|reminder|action)s?\s+(?:to|for)\s+"
                         r"(?:the\s+)?)?", re.IGNORECASE)
_THIRD_PERSON = re.compile(r"them|him|her|they", re.IGNORECASE)
_ASKER = re.compile(r"(?P<who>\b(?:I|we|[A-Z][\w-]*(?:\s+[A-Z0-9][\w/-]*){0,2}))\s*(?:will|shall|'ll|"
                    r"\u2019ll)\s+(?:also\s+)?$")
# The secretariat's units: a passive commitment of their staff is the unit's.
_UNITS = frozenset({"TSB", "BR", "BDT", "General Secretariat"})


@dataclass(frozen=True)
class _Who:
    owner: str | None
    kind: str | None
    explicit: bool


_NOBODY = _Who(None, None, False)


@dataclass(frozen=True)
class _Found:
    """A sentence's classification before the message's header lines are applied."""

    candidate: ActionCandidate
    header: str | None  # "for_action", "for_information", "deadline" for LS header lines
    owner_explicit: bool
    due_mention: DueMention | None


# --- owners --------------------------------------------------------------------------


class _Owners:
    """Owner look-up for one sentence of one message."""

    def __init__(self, text: str, message: ActionInput, members: MembersConfig | None) -> None:
        self.text = text
        self.message = message
        self.members = members
        self.mentions = find_mentions(text, members)
        self.position = 0  # where the rule matched; set by find()

    # The people a pronoun stands for.
    def addressees(self) -> _Who:
        message, members = self.message, self.members
        skip = {a.lower() for a in (message.list_address,
                                    message.sender.address if message.sender else None) if a}
        names: list[str] = []
        for address in message.to:
            if address.address.lower() in skip:
                continue
            member = members.by_address(address.address) if members is not None else None
            names.append(member.name if member else address.name or address.address)
        if not names:
            return _NOBODY
        unique = list(dict.fromkeys(names))
        shown = ", ".join(unique[:3]) + (f" +{len(unique) - 3}" if len(unique) > 3 else "")
        return _Who(shown, "addressees", False)

    def sender(self) -> _Who:
        sender: Address | None = self.message.sender
        if sender is None:
            return _NOBODY
        member = self.members.by_address(sender.address) if self.members is not None else None
        if member is not None:
            return _Who(member.name, "member", True)
        return _Who(sender.name or sender.address, "sender", True)

    def unit(self) -> _Who | None:
        """The secretariat unit the sender works in, if any."""
        sender: Address | None = self.message.sender
        member = (self.members.by_address(sender.address)
                  if self.members is not None and sender is not None else None)
        if member is not None and member.organisation in _UNITS:
            return _Who(member.organisation, "group", True)
        return None

    def sender_unit(self) -> _Who:
        """A passive commitment ("will be posted") of secretariat staff is their unit's;
        of anybody else, their own. A body named as the subject still owns it."""
        subject = self.subject()
        if subject.explicit and subject.kind == "group":
            return subject
        return self.unit() or _NOBODY  # a statement of fact ("interpretation will be provided")

    def vocative(self) -> _Who | None:
        """Members addressed by name: "Olga, could you ..." -> Olga Petrova; also just
        before the request: "... from ITU-T: Klaus, Hiroshi, could you ..." -> both."""
        members = [i for i, m in enumerate(self.mentions)
                   if m.kind == "member" and m.end <= self.position]
        if members and _VOCATIVE_GAP.match(self.text[self.mentions[members[-1]].end:self.position]):
            chain = [members[-1]]
            while len(chain) < len(members) and _CONNECTOR.match(
                self.text[self.mentions[members[-len(chain) - 1]].end:
                          self.mentions[chain[0]].start]
            ) and members[-len(chain) - 1] == chain[0] - 1:
                chain.insert(0, members[-len(chain) - 1])
            found = [self.mentions[i] for i in chain]
            return _Who(join_owners(found), "member", True)
        for mention in self.mentions:
            if mention.kind == "member" and mention.start <= 6 and (
                self.text[mention.end:mention.end + 2].lstrip()[:1] in {",", ":", "\u2013"}
            ):
                return _Who(mention.owner, "member", True)
        return self.label()

    def label(self) -> _Who | None:
        """Bodies the sentence is addressed to by a label: "TSB: could you ...", "TSB and
        BR: please ...", "Question to BR: is there ...?"."""
        if not self.mentions:
            return None
        first = self.mentions[0]
        if not _LABEL_LEAD.fullmatch(self.text[:first.start]):
            return None
        who = self.chain(0, forward=True)
        last = max(m.end for m in self.mentions if m.owner in (who.owner or "").split(", "))
        if self.text[last:last + 2].lstrip()[:1] not in {":", "\u2013"}:
            return None
        return who

    def pronoun(self, words: str) -> _Who | None:
        """"you"/"members" -> whoever is addressed, "we"/"I" -> the sender; else None."""
        sender = [m.end() for m in _SENDER_WORDS.finditer(words)]
        addressee = [m.end() for m in _ADDRESSEE_WORDS.finditer(words)]
        if not sender and not addressee:
            return None
        if (sender[-1] if sender else -1) > (addressee[-1] if addressee else -1):
            return self.sender()
        return self.vocative() or self.addressees()

    def chain(self, index: int, forward: bool) -> _Who:
        """The mention at ``index`` with those joined to it by "and" / "," / "/"."""
        mentions, text = self.mentions, self.text
        chain = [mentions[index]]
        step = 1 if forward else -1
        while 0 <= index + step < len(mentions):
            left, right = (index, index + step) if forward else (index + step, index)
            if not _CONNECTOR.match(text[mentions[left].end:mentions[right].start]):
                break
            index += step
            chain.append(mentions[index])
        if not forward:
            chain.reverse()
        kinds = {m.kind for m in chain}
        return _Who(join_owners(chain), "member" if kinds == {"member"} else "group", True)

    def _outside_asides(self, end: int) -> list[int]:
        asides = [m.span() for m in _ASIDE.finditer(self.text[:end])]
        return [i for i, m in enumerate(self.mentions) if m.end <= end
                and not any(a <= m.start and m.end <= b for a, b in asides)]

    # Strategies (see action_rules.Rule).
    def before(self, match: re.Match[str]) -> _Who:
        candidates = self._outside_asides(match.start())
        start = self.mentions[candidates[-1]].end if candidates else 0
        gap = _ASIDE.sub(" ", self.text[start:match.start()])
        if candidates and self.pronoun(gap) is None and len(gap.split()) <= 5:
            return self.chain(candidates[-1], forward=False)
        pronoun = self.pronoun(gap if candidates else self.text[:match.start()])
        if pronoun is not None:
            return pronoun
        return self.from_(match) or self.vocative() or self.addressees()

    def after(self, match: re.Match[str]) -> _Who:
        start, end = match.span("obj")
        obj = match.group("obj")
        inside = [i for i, m in enumerate(self.mentions) if m.start >= start and m.end <= end]
        rest = obj
        for i in reversed(inside):
            m = self.mentions[i]
            rest = rest[:m.start - start] + " " + rest[m.end - start:]
        pronoun = self.pronoun(rest)
        asker = _ASKER.search(self.text[:match.start()])
        if asker is not None:
            # "I will ask the regional office to ...", "BDT will ask them to ...": the
            # one who will ask owes the asking.
            before = [m for m in self.mentions if m.end <= asker.end()]
            if asker.group("who").casefold() in ("i", "we"):
                lead = self.pronoun(asker.group("who"))
                if lead is not None and lead.kind in ("member", "sender", "group"):
                    return lead
            elif before and before[-1].end >= asker.start("who"):
                return self.chain(self.mentions.index(before[-1]), forward=False)
        if not inside and _THIRD_PERSON.fullmatch(rest.strip()):
            lead = self.pronoun(self.text[:match.start()])
            if lead is not None and lead.kind in ("member", "sender"):
                return lead  # "I will ask them to ...": the sender owes the asking
        if inside and (pronoun is None or pronoun.kind != "addressees" and pronoun is not _NOBODY
                       and not _ADDRESSEE_WORDS.search(rest)):
            return self.chain(inside[0], forward=True)
        if pronoun is not None:
            return pronoun
        return self.vocative() or self.addressees()

    def subject(self) -> _Who:
        """The body opening the sentence (before its first verb), else the people addressed."""
        body = _LABEL.sub("", self.text, count=1)  # "Action required: ..."
        offset = len(self.text) - len(body)
        verb = _SUBJECT_END.search(body)
        limit = offset + (verb.start() if verb else len(body))
        subject = [i for i, m in enumerate(self.mentions) if offset <= m.start and m.end <= limit]
        if subject:
            return self.chain(subject[0], forward=True)
        return self.pronoun(self.text[offset:limit]) or self.vocative() or self.addressees()

    def recipient(self) -> _Who:
        for i, mention in enumerate(self.mentions):
            if _RECIPIENT_LEAD.search(self.text[:mention.start]):
                return self.chain(i, forward=True)
        return self.vocative() or self.addressees()

    def from_(self, match: re.Match[str] | None = None) -> _Who | None:
        for i, mention in enumerate(self.mentions):
            if _FROM_LEAD.search(self.text[:mention.start]):
                return self.chain(i, forward=True)
        return None

    def please(self, match: re.Match[str]) -> _Who:
        before = [i for i, m in enumerate(self.mentions) if m.end <= match.start()]
        if before and _BEFORE_PLEASE.match(self.text[self.mentions[before[-1]].end:match.start()]):
            return self.chain(before[-1], forward=False)
        return self.vocative() or self.addressees()

    def find(self, rule: Rule, match: re.Match[str]) -> _Who:
        strategy = rule.owner
        self.position = match.start()
        if strategy == "after" and "obj" in match.re.groupindex and match.group("obj"):
            return self.after(match)
        if strategy == "before":
            return self.before(match)
        if strategy == "subject":
            return self.subject()
        if strategy == "recipient":
            return self.recipient()
        if strategy == "from":
            found = self.from_(match)
            if found is not None:
                return found
            subject = self.subject()
            return subject if subject.explicit and subject.kind != "member" else (
                self.vocative() or self.addressees())
        if strategy == "please":
            return self.please(match)
        if strategy == "sender":
            if match.group(0)[:2].casefold() == "we":
                # "We will circulate" from secretariat staff: their unit's commitment.
                unit = self.unit()
                if unit is not None:
                    return unit
            return self.sender()
        if strategy == "sender_unit":
            return self.sender_unit()
        return self.addressees()


def _unknowable(due: DueMention) -> bool:
    """A due phrase naming no knowable day: "before the next meeting", "a week after
    the meeting" (no date of it given): the item gets no date, not a guessed one."""
    return due.value is None and due.kind in ("next_meeting", "event_relative")


_FORWARD_MARK = re.compile(r"^\W*(?:-{2,}\s*forwarded\s+message|begin\s+forwarded\s+message)",
                           re.IGNORECASE | re.MULTILINE)
_POINTER = re.compile(r"\b(?:below|attached|forwarded|following|enclosed|copied|fyi)\b",
                      re.IGNORECASE)


def _forwarded(message: ActionInput) -> bool:
    return message.forwarded or is_forward_subject(message.subject)


# --- classification ------------------------------------------------------------------


def _header_kind(text: str) -> str | None:
    if _HEADER_FOR_ACTION.match(text):
        return "for_action"
    if _HEADER_FOR_INFO.match(text):
        return "for_information"
    if _HEADER_DEADLINE.match(text):
        return "deadline"
    return None


def _and_act(rest: str) -> bool:
    """Whether a note clause goes on to ask for work: "... and provide guidance"."""
    match = re.search(
        r"\b(?:and|then|as\s+well\s+as)\s+(?:to\s+)?(?:kindly\s+|also\s+)?(?P<verb>\w+(?:\s+\w+)?)",
        rest, re.IGNORECASE,
    )
    return bool(match and ACT_VERB_RE.match(match.group("verb")))


_CUSTOM_CACHE: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[Rule, ...]] = {}


def _rules_for(rules: ActionRules) -> tuple[Rule, ...]:
    key = (rules.action_phrases, rules.note_phrases)
    if key == ((), ()):
        return RULES
    if key not in _CUSTOM_CACHE:
        _CUSTOM_CACHE[key] = custom_rules(*key) + RULES
    return _CUSTOM_CACHE[key]


def _classify(sentence: Sentence, message: ActionInput, rules: ActionRules,
              members: MembersConfig | None) -> _Found | None:
    text = sentence.text
    if len(text) < 8 or BOILERPLATE.search(text) or NOT_WORK.search(text):
        return None
    owners: _Owners | None = None
    due: DueMention | None = None
    due_read = False
    base = message.date.date() if message.date is not None else None
    lowered = text.lower()
    for rule in _rules_for(rules):
        if not rule.may_match(lowered):
            continue
        match = rule.pattern.search(text)
        if match is None:
            continue
        if rule.skip_past and PAST.search(text):
            continue
        if rule.name in ("invited_to", "we_request") and PAST.search(
            text[max(0, match.start() - 12):match.end()]
        ):
            continue  # "TSAG was invited to": a report of the past
        if not due_read:
            due, due_read = find_due(text, message.date), True
        if rule.needs_date and (due is None or _unknowable(due)):
            continue
        if rule.skip_past_due and due is not None and due.value is not None and (
            base is not None and due.value < base
        ):
            continue
        if rule.kind == ACTION and NOT_REQUESTED.search(text):
            continue
        if rule.name == "action_header" and len(text[match.end():].split()) < 3:
            continue  # "Action items:" introduces a list; its lines are the items
        owners = owners or _Owners(text, message, members)
        who = owners.find(rule, match)
        if rule.needs_owner and not (who.explicit and who.kind in ("group", "member")):
            continue
        return _build(sentence, rule, match, who, due)
    return None


def _build(sentence: Sentence, rule: Rule, match: re.Match[str], who: _Who,
           due: DueMention | None) -> _Found:
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
    return _Found(candidate, _header_kind(text), who.explicit, due)


def _apply_context(found: list[_Found]) -> list[ActionCandidate]:
    """Let liaison-statement header lines fill in owners and dates of the body's items.

    "For action to: ITU-T SG17" names the owner of action items that name nobody;
    "Deadline: 15 March 2027" dates action items that carry no date (but not those due
    "before the next meeting"). A header line is an item of its own only when the body
    has no action item for it to inform; "For action to" and "Deadline" together then
    make one item.
    """
    body_actions = [f for f in found if f.header is None and f.candidate.kind == ACTION]
    for_action = next((f for f in found if f.header == "for_action" and f.owner_explicit), None)
    deadline = next((f for f in found if f.header == "deadline" and f.candidate.due), None)
    result: list[ActionCandidate] = []
    for item in found:
        candidate = item.candidate
        if item.header in ("for_action", "deadline", "for_information") and body_actions:
            continue  # context only: the body says what is to be done (and by whom)
        if item.header == "deadline" and for_action is not None:
            continue  # merged into the "For action to" item below
        if (candidate.kind == ACTION and item.header != "for_action"
                and for_action is not None and not item.owner_explicit):
            candidate = replace(candidate, owner=for_action.candidate.owner,
                                owner_kind=for_action.candidate.owner_kind)
        if candidate.kind == ACTION and deadline is not None and candidate.due is None and (
            item.due_mention is None or not _unknowable(item.due_mention)
        ):
            candidate = replace(candidate, due=deadline.candidate.due,
                                due_text=deadline.candidate.due_text)
        result.append(candidate)
    return result


def extract_actions(
    message: ActionInput,
    rules: ActionRules = DEFAULT_RULES,
    members: MembersConfig | None = None,
) -> list[ActionCandidate]:
    """Actions and notes in the message's new text, in text order (one per sentence).

    ``members`` lets a sentence name a member ("Ms Petrova is requested to ...",
    "Olga, could you ...") and names the sender and addressees by their member names.
    """
    if owes_nothing(message):
        return []
    found: list[_Found] = []
    sentences = split_sentences(message.new_text, forwarded=_forwarded(message))
    for sentence in sentences:
        for clause in split_clauses(sentence):
            item = _classify(clause, message, rules, members)
            if item is not None:
                found.append(item)
    candidates = apply_date_carriers(with_sectors(
        apply_list_frame(sentences, _apply_context(found), message, members), message))
    if _forwarded(message) or _FORWARD_MARK.search(message.new_text):
        # "FYI, please see the LS below": a pointer to the forwarded mail, whose own
        # sentences are the items.
        candidates = [c for c in candidates if not (
            (c.kind == NOTE or c.rule in ("for_action", "for_information"))
            and _POINTER.search(c.sentence))]
    if rules.notes == "drop":
        candidates = [c for c in candidates if c.kind != NOTE]
    elif rules.notes == "action":
        candidates = [replace(c, kind=ACTION) if c.kind == NOTE else c for c in candidates]
    return [c for c in candidates if c.confidence >= rules.min_confidence]


QUESTION = "question"
# Questions that ask nothing of anybody: "Why not?", "Right?".
_IDLE_QUESTION = re.compile(r"^(?:\W*\w+){0,2}\W*\?$")


def find_questions(
    message: ActionInput,
    items: Sequence[ActionCandidate] = (),
    members: MembersConfig | None = None,
) -> list[ActionCandidate]:
    """The message's first question that is not already an item, as kind "question".

    A message that asks something waits for a reply: the item stays open until somebody
    else writes in the thread. At most one per message: it marks the message as asking,
    which is all the chair's "awaiting a reply" needs. ``items`` are the message's
    action candidates (a request phrased as a question is already one of them).
    """
    taken = {item.span for item in items}
    if owes_nothing(message):
        return []
    for sentence in split_sentences(message.new_text, forwarded=_forwarded(message)):
        text = sentence.text
        if not text.endswith("?") or (sentence.start, sentence.end) in taken:
            continue
        if _IDLE_QUESTION.match(text) or BOILERPLATE.search(text):
            continue
        owners = _Owners(text, message, members)
        subject = owners.subject()
        # "Does BDT plan to ...?", "Could TSB and BR tell us ...?": the party asked.
        named = subject if subject.explicit and subject.kind == "group" else None
        who = owners.vocative() or named or owners.addressees()
        return [ActionCandidate(kind=QUESTION, sentence=text, span=(sentence.start, sentence.end),
                                owner=who.owner, owner_kind=who.kind, due=None, due_text=None,
                                confidence=0.5, rule="question")]
    return []


# --- closure -------------------------------------------------------------------------

_NEGATION = re.compile(
    r"\b(?:not|n't|never|no|yet\s+to|still\s+to|to\s+be|will\s+be|would\s+be|should\s+be|"
    r"must\s+be|once|when|if|after|until|before|well|almost|nearly|hardly|is\s+it|"
    r"are\s+they|has\s+it|have\s+you|has\s+the|get|gets|getting)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_ALL_ITEMS = re.compile(
    r"\ball\s+(?:the\s+)?(?:items|actions|action\s+items|of\s+them|points)\b|\beverything\b|"
    r"\ball\s+(?:done|completed|closed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ClosingSentence:
    """A sentence of a reply saying something is done, and the phrase that says it."""

    sentence: Sentence
    phrase: str


@dataclass(frozen=True)
class _Phrases:
    # The longest word of each phrase: a text holding none of them (most do not) cannot
    # match, and a substring test is far cheaper than any regex over a long message.
    gate: tuple[str, ...]
    each: tuple[tuple[str, re.Pattern[str]], ...]  # longest first

    def may_match(self, text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in self.gate)


_PHRASE_CACHE: dict[tuple[str, ...], _Phrases] = {}


def _phrase_pattern(phrase: str) -> str:
    return r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![\w-])"


def _phrase_patterns(phrases: tuple[str, ...]) -> _Phrases:
    cached = _PHRASE_CACHE.get(phrases)
    if cached is None:
        # Longest first so that "we have sent the liaison" is reported, not "have sent".
        ordered = [p for p in sorted(phrases, key=len, reverse=True) if p.strip()]
        cached = _Phrases(
            tuple({max(p.lower().split(), key=len) for p in ordered}),
            tuple((p, re.compile(_phrase_pattern(p), re.IGNORECASE)) for p in ordered),
        )
        _PHRASE_CACHE[phrases] = cached
    return cached


def closing_sentences(text: str, phrases: Iterable[str]) -> list[ClosingSentence]:
    """Sentences of new text that say something is done (negations and questions skipped)."""
    patterns = _phrase_patterns(tuple(phrases))
    found = []
    for sentence in split_sentences(text):
        if sentence.text.rstrip().endswith("?"):
            continue
        phrase = None
        if patterns.may_match(sentence.text):
            for listed, pattern in patterns.each:
                match = pattern.search(sentence.text)
                if match and not _NEGATION.search(sentence.text[:match.start()]):
                    phrase = listed
                    break
        # Completion said in other words: "was sent to the SG", "please find attached".
        phrase = phrase or delivery_statement(sentence.text)
        if phrase is not None:
            found.append(ClosingSentence(sentence, phrase))
    return found


def _owner_parts(owner: str | None) -> set[str]:
    """The owners of an item, case-folded, a body also without its Sector ("itu-t sg17"
    and "sg17"), so that a reply naming "SG17" finds ITU-T SG17's item."""
    parts = {part.strip().casefold() for part in (owner or "").split(",") if part.strip()}
    return parts | {_SECTOR_PREFIX.sub("", part) for part in parts}


_SECTOR_PREFIX = re.compile(r"^itu-[rtd]\s+(?=(?:sg|wp|q)\d)")


def _sender_names(sender: Address | None,
                  members: MembersConfig | None) -> tuple[set[str], set[str]]:
    """The sender's own names, and the names of the bodies the sender speaks for."""
    if sender is None:
        return set(), set()
    own = {sender.address.casefold()}
    if sender.name:
        own.add(sender.name.casefold())
    bodies: set[str] = set()
    member = members.by_address(sender.address) if members is not None else None
    if member is not None:
        own.add(member.name.casefold())
        if member.group:
            bodies.add(member.group.casefold())
        if member.organisation:
            bodies.add(member.organisation.casefold())
    return own, bodies


def detect_closure(
    reply_new_text: str,
    open_items: Sequence[OpenItem],
    phrases: Iterable[str] = DEFAULT_CLOSURE_PHRASES,
    *,
    sender: Address | None = None,
    members: MembersConfig | None = None,
) -> list[Closure]:
    """The open items of a thread that a reply's new text closes.

    A sentence closes items when it holds one of ``phrases`` (not negated: "not done
    yet"; not a question). Which items: those whose owner the sentence names ("TSAG
    has sent the liaison"); failing that, those owned by the reply's sender (by address
    or name, or the sender's advisory group or organisation in ``members``); failing
    that, every item when the sentence says "all"; failing that, the only open item.
    Otherwise nothing: an ambiguous "done" closes nothing rather than the wrong item.
    """
    if not open_items:
        return []
    closing = closing_sentences(reply_new_text, phrases)
    closures: dict[int, Closure] = {}
    own_names, body_names = _sender_names(sender, members)
    for found in closing:
        text = found.sentence.text
        named = set()
        for mention in find_mentions(text, members):
            named |= _owner_parts(mention.owner)
        chosen = [i for i in open_items if _owner_parts(i.owner) & named]
        by = named
        if not chosen:  # the sender's own items first, then those of the body they speak for
            chosen = [i for i in open_items if _owner_parts(i.owner) & own_names]
            by = own_names
        if not chosen:
            chosen = [i for i in open_items if _owner_parts(i.owner) & body_names]
            by = body_names
        if not chosen and _ALL_ITEMS.search(text):
            chosen, by = list(open_items), set()
        if not chosen and len(open_items) == 1:
            chosen, by = [open_items[0]], set()
        for item in chosen:
            closures.setdefault(item.id, Closure(item.id, text, found.phrase,
                                                 (found.sentence.start, found.sentence.end),
                                                 _share(item.owner, by)))
    # No sentence said "done": an item asking its owner to say something is answered by
    # the owner's reply, when it says something.
    answered = [] if closures else _answered_by_owner(reply_new_text, open_items,
                                                      own_names | body_names)
    for item in answered:
        closures.setdefault(item.id, Closure(item.id, reply_new_text.strip()[:300], "answered",
                                             (0, len(reply_new_text)),
                                             _share(item.owner, own_names | body_names)))
    return [closures[i.id] for i in open_items if i.id in closures]


def answers_question(reply_new_text: str) -> bool:
    """Whether a reply says something that can answer a question: more than thanks,
    acceptance ("Sure, will do") or further questions."""
    return is_substantive([s.text for s in split_sentences(reply_new_text)])


def _share(owner: str | None, by: set[str]) -> tuple[str, ...]:
    """The owners of a multi-owner item that ``by`` covers, when not all of them."""
    parts = [p.strip() for p in (owner or "").split(",") if p.strip()]
    covered = tuple(p for p in parts if _owner_parts(p) & by)
    return covered if by and covered and len(covered) < len(parts) else ()


def _answered_by_owner(reply: str, open_items: Sequence[OpenItem],
                       speaker: set[str]) -> list[OpenItem]:
    """Items answered by a reply that says something (not only thanks or acceptance):
    an item asking to say something ("please confirm", "could BDT indicate ...?") by
    its owner's reply, or by anybody's when it names no owner; any other item by its
    owner's reply that reports rather than promises ("The nominee is Mr Mori")."""
    sentences = [s.text for s in split_sentences(reply)]
    # What the reply reports: its substantive sentences that promise nothing.
    reports = [s for s in sentences if is_substantive([s]) and not is_acceptance([s])]
    if not reports:
        return []
    promise = is_acceptance(sentences)
    found = []
    for item in open_items:
        owned = bool(_owner_parts(item.owner) & speaker)
        asking = asks_to_say(item.sentence) or item.sentence.rstrip().endswith("?")
        if (asking and (owned or not item.owner)) or (
            owned and not promise and item.owner_kind in ("group", "member")
        ):
            found.append(item)
    return found


# Re-exported so callers need one import.
__all__ = [
    "ACTION",
    "DEFAULT_CLOSURE_PHRASES",
    "DEFAULT_RULES",
    "NOTE",
    "RULES",
    "ActionRules",
    "ClosingSentence",
    "Rule",
    "answers_question",
    "closing_sentences",
    "detect_closure",
    "extract_actions",
    "find_questions",
]


