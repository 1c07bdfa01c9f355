"""What a reply says about the work asked of it, by the structure of its sentences.

Beyond the configured closure phrases ("done", "we have sent the liaison"), a sentence
reports completion when it says the thing asked for has arrived or gone:

- ``delivered``: a delivery verb in the past or perfect, active or passive ("was sent
  to the Secretary-General", "has been uploaded", "we submitted", "BDT has provided");
- ``attached``: the thing is enclosed ("please find attached TSB's input", "attached
  is our reply");
- ``confirmed``: a confirmation ("Confirmed.", "Yes, we confirm", "Done for BDT").

Acceptance is not completion: "Sure, will do", "we will send it", "noted" report
nothing (a future or an acknowledgement). A question is answered by a reply with
something to say (:func:`is_substantive`), not by "Thanks!" or another question.

    >>> delivery_statement("The input was sent to the Secretary-General yesterday.")
    'delivered'
    >>> delivery_statement("Sure, will do.") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.records import Address, Closure, OpenItem
from iscg_mailbot.settings.action_rules import DEFAULT_CLOSURE_PHRASES
from iscg_mailbot.settings.members import MembersConfig

_DELIVERY_VERBS = (
    r"sent|submitted|circulated|uploaded|posted|shared|provided|forwarded|transmitted|"
    r"published|distributed|issued|delivered|returned|completed|finali[sz]ed|prepared|"
    r"updated|added|included|filed|registered|nominated|designated|appointed|made\s+available"
)
_STATEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("delivered", re.compile(
        r"\b(?:was|were|has\s+been|have\s+been|had\s+been|(?:is|are)\s+now|(?:is|are)\s+already)"
        r"\s+(?:\w+ly\s+|just\s+|now\s+|already\s+)?(?:" + _DELIVERY_VERBS + r")\b"
        r"|\b(?:have|has)\s+(?:\w+ly\s+|just\s+|now\s+|already\s+)?(?:" + _DELIVERY_VERBS
        + r"|confirmed|done)\b"
        r"|\b(?:I|we)\s+(?:\w+ly\s+|just\s+|already\s+)?(?:" + _DELIVERY_VERBS + r")\b(?!\s+to\b)",
        re.IGNORECASE)),
    # A reply opening with the deed: "Circulated to both teams", "Checked.", "Added as
    # item 5", "Passed to the co-rapporteurs".
    ("done", re.compile(
        r"^\W*(?:(?:now\s+|all\s+)?(?:circulated|checked|added|done|shared|sent(?!\s+from\s+my)|forwarded|"
        r"uploaded|posted|passed\s+(?:on|to)|submitted|updated|corrected|fixed|booked|"
        r"registered|included|scheduled|approved|agreed|noted\s+and\s+(?:done|added)))\b",
        re.IGNORECASE)),
    ("attached", re.compile(
        r"\bplease\s+(?:find|see)\s+(?:\w+['\u2019]?s?\s+){0,5}?(?:attached|enclosed|herewith)\b"
        r"|\bplease\s+find\s+(?:attached|enclosed|herewith|below)\b"
        r"|\b(?:attached|enclosed)\s+(?:is|are|please\s+find|you\s+will\s+find)\b"
        r"|\b(?:is|are)\s+(?:now\s+)?(?:attached|enclosed)\b"
        r"|\b(?:I|we)\s+(?:hereby\s+|herewith\s+)?(?:attach|enclose)\b"
        r"|^\W*here\s+(?:is|are)\b|\b(?:ci-joint|voici|veuillez\s+trouver|adjunto|adjunta|"
        r"adjuntamos|anbei|in\s+allegato|em\s+anexo|segue\s+em\s+anexo)\b"
        r"|\bapproved\s+(?:its|the|our)\s+(?:reply|response|answer)\b",
        re.IGNORECASE)),
    ("confirmed", re.compile(
        r"^\W*(?:(?:yes|yes,\s+indeed|indeed)\W+)?(?:confirmed|done|(?:I|we)\s+(?:can\s+)?"
        r"(?:hereby\s+)?confirm)\b",
        re.IGNORECASE)),
)
# "will be sent", "once it has been sent", "if you have sent": not (yet) done.
_NOT_YET = re.compile(
    r"\b(?:will|shall|would|should|must|once|when|if|after|until|before|not|n't|never|yet|"
    r"soon|going\s+to|plan\s+to|about\s+to)\b(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)


def delivery_statement(sentence: str) -> str | None:
    """The name of the completion a sentence reports, or None (questions report none)."""
    if sentence.rstrip().endswith("?"):
        return None
    for name, pattern in _STATEMENTS:
        match = pattern.search(sentence)
        if match and not _NOT_YET.search(sentence[:match.start()]):
            return name
    return None


# Replies that say nothing to a question: thanks, acknowledgements, acceptance,
# greetings and sign-offs, each optionally with a name ("Thanks, Ingrid!").
_ACK_WORDS = (
    r"(?:many\s+)?thanks?(?:\s+(?:a\s+lot|again|so\s+much|very\s+much|you(?:\s+very\s+much)?))?|"
    r"thank\s+you(?:\s+(?:very\s+much|so\s+much|again))?|much\s+appreciated|noted(?:\s+with\s+thanks)?|"
    r"well\s+noted|received|sure|of\s+course|ok(?:ay)?|will\s+do|\+1|great|perfect|excellent|"
    r"fine|good|(?:we|I)(?:'ll|\s+will)\s+(?:revert|come\s+back|get\s+back|look\s+into\s+it|check)|"
    r"dear|hi|hello|best|(?:best|kind|warm)\s+regards|regards|cheers"
)
_NAME = r"(?-i:[A-Z][\w'.-]*)(?:\s+(?-i:[A-Z][\w'.-]*)){0,3}"
_ACKNOWLEDGEMENT = re.compile(
    r"^\W*(?:(?:" + _ACK_WORDS + r")(?:\W+(?:" + _ACK_WORDS + r"))*)?"
    r"(?:\W*(?:for\s+(?:this|that|the\s+\w+|your\s+\w+)|all|colleagues|everyone))?"
    r"(?:\W+" + _NAME + r")?\W*$|^\W*(?!(?:yes|no|agreed|confirmed|correct|indeed)\b)" + _NAME
    + r"\W*$",
    re.IGNORECASE,
)


def is_substantive(sentences: list[str]) -> bool:
    """Whether a reply's sentences hold an answer: something beyond thanks, greetings,
    acceptance ("Sure, will do") and further questions."""
    return any(not s.rstrip().endswith("?") and not _ACKNOWLEDGEMENT.match(s)
               for s in sentences if s.strip())


# Requests answered by saying something: "confirm", "indicate", "let us know".
_ASKS_TO_SAY = re.compile(
    r"\b(?:confirm|indicate|inform\s+(?:us|me|the\s+\w+|ISCG)|let\s+(?:us|me|\w+)\s+know|"
    r"tell\s+(?:us|me)|advise\s+(?:us|me|whether|if)|clarify|"
    r"(?:share|provide|give)\s+(?:your|their|its|any)\s+views|"
    r"(?:reply|respond|answer)\s+(?:to\s+(?:the|this|our)\s+(?:question|survey|query)|whether|if))\b",
    re.IGNORECASE,
)


def asks_to_say(item_sentence: str) -> bool:
    """Whether an item asks its owner to say something (answered by the owner's reply)."""
    return bool(_ASKS_TO_SAY.search(item_sentence))


# "We will check", "I'll send it by Friday": the owner accepts; the answer is to come.
_PROMISE = re.compile(
    r"\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll|am\s+going\s+to|are\s+going\s+to)\s+"
    r"(?!be\s+(?:happy|glad|pleased))\w+|(?-i:\b[A-Z][\w-]*)\s+will\s+(?!be\b)\w+|"
    r"\bwill\s+do\b|\b(?:will|to)\s+follow\b|"
    r"\bwill\s+(?:revert|come\s+back|get\s+back)\b", re.IGNORECASE)


def is_acceptance(sentences: list[str]) -> bool:
    """Whether a reply promises the work rather than doing it ("Sure, will do", "BDT
    will check the entries")."""
    return any(_PROMISE.search(s) for s in sentences)


# --- closing items by replies -------------------------------------------------------------------------

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
        chosen, by = _closed_by(text, open_items, members, own_names, body_names)
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


def _closed_by(text: str, open_items: Sequence[OpenItem], members: MembersConfig | None,
               own_names: set[str], body_names: set[str]) -> tuple[list[OpenItem], set[str]]:
    """The items a closing sentence closes, and the owner names that chose them."""
    named: set[str] = set()
    for mention in find_mentions(text, members):
        named |= _owner_parts(mention.owner)
    # The items of the owners it names, else the sender's own, else those of the body
    # the sender speaks for.
    for names in (named, own_names, body_names):
        chosen = [i for i in open_items if _owner_parts(i.owner) & names]
        if chosen:
            return chosen, names
    if _ALL_ITEMS.search(text):
        return list(open_items), set()
    if len(open_items) == 1:
        return [open_items[0]], set()
    return [], body_names


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
    promises = [is_acceptance([s]) for s in sentences]
    # What the reply reports: its substantive sentences that promise nothing.
    if not any(is_substantive([s]) and not p for s, p in zip(sentences, promises, strict=True)):
        return []
    promise = any(promises)
    found = []
    for item in open_items:
        owned = bool(_owner_parts(item.owner) & speaker)
        asking = asks_to_say(item.sentence) or item.sentence.rstrip().endswith("?")
        if (asking and (owned or not item.owner)) or (
            owned and not promise and item.owner_kind in ("group", "member")
        ):
            found.append(item)
    return found

