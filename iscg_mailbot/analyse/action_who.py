"""Who owes a sentence's request: the body or member it names, the sender, or the
people the message is addressed to.

Each rule of :mod:`iscg_mailbot.settings.action_rules` names a strategy (``Rule.owner``):
"before" (the body named just before the match: "TSAG is invited"), "after" (the body
in the match's ``obj`` group: "we invite TSAG to"), "subject" (the body opening the
sentence), "recipient" ("for information to ITU-R"), "from" ("comments from RAG"),
"please" (the body or member addressed before "please"), "sender" ("I will"),
"sender_unit" (a secretariat unit's passive commitment), else the addressees.
:class:`Owners` answers for one sentence of one message::

    >>> import re
    >>> from iscg_mailbot.records import ActionInput
    >>> from iscg_mailbot.settings.action_rules import RULES
    >>> text = "TSAG and TDAG are invited to comment."
    >>> rule = next(r for r in RULES if r.name == "invited_to")
    >>> Owners(text, ActionInput(text, None), None).find(rule, rule.pattern.search(text))
    Who(owner='TSAG, TDAG', kind='group', explicit=True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from iscg_mailbot.analyse.action_addressee import greeted, replied_to, to_names
from iscg_mailbot.analyse.action_own_side import own_names, speaks_for
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_shapes import (
    ADVERB_GAP,
    AND_LEAD,
    ASKED_TO_ASK,
    BODY_VOCATIVE,
    CONNECTOR,
    LABEL_LEAD,
    MODAL_LEAD,
    OPENS_WITH_SENDER,
    OUR_PEOPLE,
    PEOPLE_LABEL,
    TIME_LEAD,
    TRAILING_NAME,
    VOCATIVE_GAP,
    WISH_IF,
    WITH_ME,
    YOU_TO_ASK,
    bare_vocative,
    chained,
    dash_at,
    opening_names,
)
from iscg_mailbot.analyse.sectors import SECRETARIAT_UNITS
from iscg_mailbot.analyse.text_gates import GatedPattern
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.action_rules import Rule
from iscg_mailbot.settings.members import MembersConfig

_ADDRESSEE_WORDS = re.compile(
    r"\b(?:you|your|members|colleagues|participants|delegates|everyone|everybody|all|"
    r"administrations|recipients|experts|contributors|someone|anyone|each\s+of\s+you)\b",
    re.IGNORECASE)
_SENDER_WORDS = re.compile(r"\b(?:(?i:we|us|my|our)|I)\b")
_SUBJECT_END = re.compile(
    r"\b(?:is|are|was|were|should|will|shall|must|may|can|could|would|has|have|had|to|"
    r"need|needs|agreed|undertook|volunteered|offered)\b", re.IGNORECASE)
_BEFORE_PLEASE = re.compile(
    r"^(?:\s+(?:colleagues|team|members|representatives))?[\s,:\u2013-]*"
    r"(?:(?:could|can|would|will)\s+)?$",
    re.IGNORECASE)
# "the ISCG members", "BDT colleagues": the people of the body just named, so the body.
_OF_BODY = re.compile(r"\s+(?:members|colleagues|team|delegates|experts|representatives)\b",
                      re.IGNORECASE)
# "colleagues in BDT", "someone at TSB": the people of the body named next, so the body.
_PEOPLE_IN = re.compile(r"\b(?:colleagues|someone|somebody|staff|experts|people|focal\s+points|"
                        r"vice[- ]?chairs|chairs|representatives)\s+"
                        r"(?:in|from|at|of|for)\s+(?:the\s+)?$", re.IGNORECASE)
_RECIPIENT_LEAD = re.compile(r"(?:\bto\s*:?|\bfor)\s*(?:the\s+)?$", re.IGNORECASE)
_FROM_LEAD = re.compile(r"\bfrom\s+(?:each\s+of\s+|both\s+)?(?:the\s+)?$", re.IGNORECASE)
# An aside about the body just named: "TSB (SG5 leadership) and BR".
_ASIDE_PARENS = re.compile(r"\([^()]*\)")
_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z ]{1,30}:\s*")
# ", as TDAG secretariat," / "(TSB)": words about a body, not the body acting.
_ASIDE = re.compile(
    r"\([^()]*\)|,\s*(?:as|being|in\s+(?:its|their|his|her)\s+capacity\s+as|which|who|"
    r"together\s+with|with\s+the\s+support\s+of|in\s+(?:cooperation|collaboration)\s+with)"
    r"\b[^,]*,", re.IGNORECASE)


_THIRD_PERSON = re.compile(r"them|him|her|they", re.IGNORECASE)
_ASKER = re.compile(r"(?P<who>\b(?:I|we|[A-Z][\w-]*(?:\s+[A-Z0-9][\w/-]*){0,2}))\s*(?:will|shall|'ll|"
                    r"\u2019ll)\s+(?:also\s+)?$")
# A sentence that speaks to its reader: a question, a request, the second person.
_ADDRESSED = re.compile(r"\b(?:you|your|please|kindly)\b|\?\s*$|\b(?:asks?|asking|wonder(?:s|ing)?|"
                        r"would\s+like\s+to\s+know)\s+(?:whether|if)\b", re.IGNORECASE)
# Asked of most requests' sentences; every match holds one of these words (or the "?").
_GATED_ADDRESSED = GatedPattern(_ADDRESSED, ("you", "please", "kindly", "?", "ask", "wonder",
                                             "would"))
# The agent of a passive: "will be posted by the ", "will be prepared by BDT".
_AGENT_LEAD = re.compile(r"\bbe\s+(?:\w+ly\s+)?\w+\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Who:
    owner: str | None
    kind: str | None
    explicit: bool


NOBODY = Who(None, None, False)


# --- owners --------------------------------------------------------------------------


class Owners:
    """Owner look-up for one sentence of one message."""

    def __init__(self, text: str, message: ActionInput, members: MembersConfig | None) -> None:
        self.text = text
        self.message = message
        self.members = members
        self.mentions = find_mentions(text, members)
        self.position = 0  # where the rule matched; set by find()

    # The people a pronoun stands for.
    def addressees(self) -> Who:
        """Whom the salutation greets ("Dear Sofia," -> BR, or Sofia: ``staff_asked``) when
        the sentence speaks to somebody (a question, "please", "you"; a statement of fact
        owes the greeted nothing), else the To: header's people but the list and sender."""
        message, members = self.message, self.members
        greeting = (greeted(message.new_text, members, message.conventions.staff_asked)
                    if _GATED_ADDRESSED.search(self.text) else None)
        if greeting is not None:
            return Who(greeting[0], greeting[1], False)
        shown = to_names(message, members)
        return Who(shown, "addressees", False) if shown else NOBODY

    def replied(self) -> Who:
        """The sender of the message this one replies to (their Bureau when on a
        Bureau's staff), not the sender themselves; nobody when unknown."""
        found = replied_to(self.message, self.members)
        return Who(found[0], found[1], False) if found else NOBODY

    def sender(self) -> Who:
        sender: Address | None = self.message.sender
        if sender is None:
            return NOBODY
        member = self.members.by_address(sender.address) if self.members is not None else None
        if member is not None:
            return Who(member.name, "member", True)
        return Who(sender.name or sender.address, "sender", True)

    def unit(self) -> Who | None:
        """The secretariat unit the sender works in, if any."""
        sender: Address | None = self.message.sender
        member = (self.members.by_address(sender.address)
                  if self.members is not None and sender is not None else None)
        if member is not None and member.organisation in SECRETARIAT_UNITS:
            return Who(member.organisation, "group", True)
        return None

    def sender_unit(self) -> Who:
        """A passive commitment ("will be posted") of secretariat staff is their unit's;
        of anybody else, their own. The body it is done by ("will be posted by the
        General Secretariat") owns it, else a body named as the subject."""
        for index, mention in enumerate(self.mentions):
            if mention.start >= self.position and _AGENT_LEAD.search(
                    self.text, self.position, mention.start):
                return self.chain(index, forward=True)  # "will be posted by the GS"
        subject = self.subject()
        if subject.explicit and subject.kind == "group":
            return subject
        return self.unit() or NOBODY  # a statement of fact ("interpretation will be provided")

    def own_side(self, words: str) -> Who | None:
        """The sender when ``words`` name only their own organisation or its country
        ("Example Telecom", "Senegal"): see :mod:`~iscg_mailbot.analyse.action_own_side`."""
        sender: Address | None = self.message.sender
        member = (self.members.by_address(sender.address)
                  if self.members is not None and sender is not None else None)
        if member is None or not speaks_for(words, own_names(member.organisation)):
            return None
        return self.sender()

    def vocative(self) -> Who | None:
        """Members addressed by name: "Olga, could you ..." -> Olga Petrova; also just
        before the request: "... from ITU-T: Klaus, Hiroshi, could you ..." -> both."""
        members = [i for i, m in enumerate(self.mentions)
                   if m.kind == "member" and m.end <= self.position]
        if members and VOCATIVE_GAP.match(self.text[self.mentions[members[-1]].end:self.position]):
            chain = [members[-1]]
            while len(chain) < len(members) and CONNECTOR.match(
                self.text[self.mentions[members[-len(chain) - 1]].end:
                          self.mentions[chain[0]].start]
            ) and members[-len(chain) - 1] == chain[0] - 1:
                chain.insert(0, members[-len(chain) - 1])
            found = [self.mentions[i] for i in chain]
            return Who(join_owners(found), "member", True)
        for index, mention in enumerate(self.mentions):
            if mention.kind == "member" and bare_vocative(self.text, mention.start, mention.end):
                return Who(mention.owner, "member", True)  # "... - Lucia can you raise it?"
            if mention.kind == "member" and mention.start <= 6 and (
                self.text[mention.end:mention.end + 2].lstrip()[:1] in {",", ":"}
                or dash_at(self.text, mention.end)
            ):
                return Who(join_owners(opening_names(self.text, self.mentions, index)),
                           "member", True)
        last = self.mentions[-1] if self.mentions else None
        if last is not None and last.kind == "member" and TRAILING_NAME.fullmatch(
                self.text, last.end) and self.text[:last.start].rstrip().endswith(","):
            return Who(last.owner, "member", True)  # "Grateful if you could ..., Sofia."
        return self.label()

    def label(self) -> Who | None:
        """Bodies the sentence is addressed to by a label: "TSB: could you ...", "TSB and
        BR: please ...", "Question to BR: is there ...?"."""
        if not self.mentions:
            return None
        first = self.mentions[0]
        if not LABEL_LEAD.fullmatch(self.text[:first.start]):
            return None
        who = self.chain(0, forward=True)
        # The end of the label's own names (not a later name of the same body: "BDT,
        # could you fill in the survey for all regional offices?").
        last = self.mentions[chained(self.text, self.mentions, 0, True)[-1]].end
        if (self.text[last:last + 2].lstrip()[:1] != ":" and not dash_at(self.text, last)
                and not BODY_VOCATIVE.match(self.text, last)
                and not PEOPLE_LABEL.match(self.text, last)):
            return None
        return who

    def pronoun(self, words: str) -> Who | None:
        """"you"/"members" -> whoever is addressed, "we"/"I" -> the sender; else None."""
        sender = [m.end() for m in _SENDER_WORDS.finditer(words)]
        addressee = [m.end() for m in _ADDRESSEE_WORDS.finditer(words)
                     if not OUR_PEOPLE.search(words, 0, m.start())]  # "our experts": ours
        if not sender and not addressee:
            return None
        if (sender[-1] if sender else -1) > (addressee[-1] if addressee else -1):
            return self.sender()
        return self.vocative() or self.addressees()

    def chain(self, index: int, forward: bool) -> Who:
        """The mention at ``index`` with those joined to it by "and" / "," / "/"."""
        chain = [self.mentions[i] for i in chained(self.text, self.mentions, index, forward)]
        kinds = {m.kind for m in chain}
        return Who(join_owners(chain), "member" if kinds == {"member"} else "group", True)

    def _outside_asides(self, end: int) -> list[int]:
        asides = [m.span() for m in _ASIDE.finditer(self.text[:end])]
        return [i for i, m in enumerate(self.mentions) if m.end <= end
                and not any(a <= m.start and m.end <= b for a, b in asides)]

    # Strategies (see action_rules.Rule).
    def before(self, match: re.Match[str]) -> Who:
        candidates = self._outside_asides(match.start())
        start = self.mentions[candidates[-1]].end if candidates else 0
        gap = _ASIDE.sub(" ", self.text[start:match.start()])
        if candidates and _OF_BODY.match(gap):
            gap = _OF_BODY.sub(" ", gap, count=1)  # "BR colleagues are invited": BR's
        if candidates and self.pronoun(gap) is None and len(gap.split()) <= 5:
            return self.chain(candidates[-1], forward=False)
        pronoun = self.pronoun(gap if candidates else self.text[:match.start()])
        if pronoun is not None:
            return pronoun
        clause = self.text[:match.start()]
        clause = clause[max(clause.rfind(c) for c in ",;:\u2013") + 1:]
        own = None if candidates else self.own_side(clause)
        return own or self.from_(match) or self.vocative() or self.addressees()

    def after(self, match: re.Match[str]) -> Who:
        start, end = match.span("obj")
        obj = match.group("obj")
        inside = [i for i, m in enumerate(self.mentions) if m.start >= start and m.end <= end]
        rest = obj
        for i in reversed(inside):
            m = self.mentions[i]
            rest = rest[:m.start - start] + " " + rest[m.end - start:]
        pronoun = self.pronoun(rest)
        # "BR would appreciate it if BDT could confirm": the party before the match only
        # wishes; the one after "if" is asked (not "Could BR ask WP 5D to ...").
        wished = WISH_IF.search(self.text, match.start(), start) is not None
        asking = self.will_ask(match) or (None if wished else self.asked_to_ask(match))
        if asking is not None:
            return asking
        if not inside and _THIRD_PERSON.fullmatch(rest.strip()):
            lead = self.pronoun(self.text[:match.start()])
            if lead is not None and lead.kind in ("member", "sender"):
                return lead  # "I will ask them to ...": the sender owes the asking
        if inside and (pronoun is None or (pronoun.kind != "addressees" and pronoun is not NOBODY
                       and not _ADDRESSEE_WORDS.search(rest))
                       or _OF_BODY.match(self.text, self.mentions[inside[-1]].end)
                       or _PEOPLE_IN.search(self.text, 0, self.mentions[inside[0]].start)):
            return self.chain(inside[0], forward=True)
        if pronoun is not None:
            return pronoun
        return (None if inside else self.own_side(obj)) or self.vocative() or self.addressees()

    def will_ask(self, match: re.Match[str]) -> Who | None:
        """"I will ask the regional office to ...", "BDT will ask them to ...": the one
        who will ask owes the asking."""
        asker = _ASKER.search(self.text[:match.start()])
        if asker is None:
            return None
        before = [m for m in self.mentions if m.end <= asker.end()]
        if asker.group("who").casefold() in ("i", "we"):
            lead = self.pronoun(asker.group("who"))
            if lead is not None and lead.kind in ("member", "sender", "group"):
                return lead
        elif before and before[-1].end >= asker.start("who"):
            return self.chain(self.mentions.index(before[-1]), forward=False)
        return None

    def asked_to_ask(self, match: re.Match[str]) -> Who | None:
        """The party asked to pass a request on ("Could BR ask WP 5D to provide it?",
        "... if the advisory groups could encourage their offices to reply"): it owes
        the asking, not the party it is to ask."""
        lead = self.text[:match.start()]
        if YOU_TO_ASK.search(lead):
            return self.vocative() or self.addressees()
        before = [i for i, m in enumerate(self.mentions) if m.end <= match.start()]
        if not before:
            return None
        gap = lead[self.mentions[before[-1]].end:]
        if ASKED_TO_ASK.match(gap):
            return self.chain(before[-1], forward=False)
        who = self.chain(before[-1], forward=False)
        owners = set((who.owner or "").split(", "))  # a mention may be several: "each Bureau"
        first = min((m.start for m in self.mentions[:before[-1] + 1]
                     if set(m.owner.split(", ")) <= owners), default=None)
        if first is not None and ADVERB_GAP.fullmatch(gap) and MODAL_LEAD.search(lead, 0, first):
            return who  # "Could BR ask WP 5D to ...?"
        return None

    def subject(self) -> Who:
        """The body opening the sentence (before its first verb), else the people addressed."""
        body = _LABEL.sub("", self.text, count=1)  # "Action required: ..."
        body = TIME_LEAD.sub("", body, count=1)  # "Before RAG, I would ...": RAG is a time
        offset = len(self.text) - len(body)
        verb = _SUBJECT_END.search(body)
        limit = offset + (verb.start() if verb else len(body))
        subject = [i for i, m in enumerate(self.mentions) if offset <= m.start and m.end <= limit]
        if subject:
            return self.chain(subject[0], forward=True)
        return self.pronoun(self.text[offset:limit]) or self.vocative() or self.addressees()

    def recipient(self) -> Who:
        for i, mention in enumerate(self.mentions):
            if _RECIPIENT_LEAD.search(self.text[:mention.start]):
                return self.chain(i, forward=True)
        return self.vocative() or self.addressees()

    def from_(self, match: re.Match[str] | None = None) -> Who | None:
        """"Comments from RAG", "one speaker from each of TSB (SG5) and BR (SG7)": the
        bodies after "from", joined past asides in parentheses."""
        for i, mention in enumerate(self.mentions):
            if _FROM_LEAD.search(self.text[:mention.start]):
                chain = [mention]
                for later in self.mentions[i + 1:]:
                    between = _ASIDE_PARENS.sub("", self.text[chain[-1].end:later.start])
                    if "(" in between:
                        continue  # named inside an aside
                    if not CONNECTOR.match(between):
                        break
                    chain.append(later)
                kinds = {m.kind for m in chain}
                return Who(join_owners(chain), "member" if kinds == {"member"} else "group", True)
        return None

    def please(self, match: re.Match[str]) -> Who:
        before = [i for i, m in enumerate(self.mentions) if m.end <= match.start()]
        if before and _BEFORE_PLEASE.match(self.text[self.mentions[before[-1]].end:match.start()]):
            return self.chain(before[-1], forward=False)
        return self.vocative() or self.addressees()

    def find(self, rule: Rule, match: re.Match[str]) -> Who:
        """The owner of what ``rule`` matched, by the rule's strategy; a question under
        a label is the labelled party's ("Question to BR: is there ... we should
        include?"); "<verb> ... with me" adds the sender ("Nadia will draft it with me")."""
        self.position = match.start()
        if self.text.rstrip().endswith("?"):
            labelled = self.label()
            if labelled is not None:
                return labelled
        if rule.owner == "after" and "obj" in match.re.groupindex and match.group("obj"):
            return self.after(match)
        if rule.owner == "before":
            shared = self.coordinated_subject(match)
            if shared is not None:
                return shared
        strategy = _STRATEGIES.get(rule.owner)
        who = strategy(self, match) if strategy is not None else self.addressees()
        return self.with_me(who, match)

    def coordinated_subject(self, match: re.Match[str]) -> Who | None:
        """"I am checking with the SG20 secretariat and will reply next week": the verb
        after "and" shares the sentence's subject, not the body just before it."""
        if not AND_LEAD.search(self.text, 0, match.start()):
            return None
        opening = OPENS_WITH_SENDER.match(self.text)
        if opening is None:
            return None
        if opening.group("who").casefold() == "we":
            unit = self.unit()
            if unit is not None:
                return unit
        return self.sender()

    def with_me(self, who: Who, match: re.Match[str]) -> Who:
        sender = self.sender()
        if (who.kind != "member" or not who.explicit or sender.owner is None
                or not WITH_ME.search(self.text, match.end())
                or sender.owner in (who.owner or "").split(", ")):
            return who
        return Who(f"{who.owner}, {sender.owner}", "member", True)

    def from_or_subject(self, match: re.Match[str]) -> Who:
        """"Comments from RAG": the body after "from", else a body opening the sentence."""
        found = self.from_(match)
        if found is not None:
            return found
        subject = self.subject()
        # "We would appreciate ...": the sender asks, so the readers owe it.
        return subject if subject.explicit and subject.kind not in ("member", "sender") else (
            self.vocative() or self.addressees())

    def sender_of(self, match: re.Match[str]) -> Who:
        """"I will": the sender; "We will circulate" from secretariat staff: their unit
        (and "I will" too when the list's convention gives staff's commitments to their
        unit, ``staff_i_will: unit``)."""
        if self.message.conventions.staff_i_will == "unit" or re.match(
                r"(?:we|let\s+us)\b", match.group(0), re.IGNORECASE):
            unit = self.unit()
            if unit is not None:
                return unit
        return self.sender()


_STRATEGIES: dict[str, Callable[[Owners, re.Match[str]], Who]] = {
    "before": Owners.before,
    "subject": lambda owners, match: owners.subject(),
    "recipient": lambda owners, match: owners.recipient(),
    "from": Owners.from_or_subject,
    "please": Owners.please,
    "sender": Owners.sender_of,
    "sender_unit": lambda owners, match: owners.sender_unit(),
    "sender_unit_or_sender": lambda owners, match: owners.unit() or owners.sender(),
}
