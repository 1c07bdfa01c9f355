"""Whom a thing that has to arrive by a day is owed by: the parties asked to make it.

"Speakers' slides should reach Lucia by 9 June", "Inputs should reach the secretariat
by 20 August", "their passport details have to reach the travel unit by 10 October"
(the ``must_reach`` rule) name the thing and where it goes, never who sends it. The
same message has asked for its makers just before: "Each Bureau is invited to nominate
one speaker" (the Bureaux owe the speakers' slides), "The working group asks the
Sectors for short inputs:" above "- BDT: ...", "- TSB: ..." (the labelled parties owe
the inputs); failing both, the people the message greets by name ("Dear Pierre, dear
Ahmed,") are those it tells (`w12`, `w14`, `w37`). Left owner-less, such a request in
mail to the list would be everybody's (the ``requests_to_all`` convention), which no
writer means. A thing named with its maker ("Anything the ISCG needs ... must be with
me") already has its owner and is left as it is.

    >>> sorted(thing_words("Speakers' slides (three at most) should reach Lucia by 9 June."))
    ['slide', 'speaker']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse.action_addressee import greeted
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_text import Sentence, is_bullet
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_phrases import ARRIVAL_MODAL
from iscg_mailbot.settings.action_rules import ACTION
from iscg_mailbot.settings.members import MembersConfig

# The rules that read a thing's journey, not anybody's act.
ARRIVAL_RULES = frozenset({"must_reach"})

# Where the thing's name ends: the obligation before "reach" / "be with" (the rule's own
# modals, action_rules.must_reach).
_MODAL = re.compile(r"\b" + ARRIVAL_MODAL + r"\b", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]{0,80}\)")
_WORD = re.compile(r"[^\W\d_]{4,}")
# A maker in the possessive: "speakers' slides", "the author's abstract".
_POSSESSIVE = re.compile(r"\b([^\W\d_]{4,})(?:['\u2019]s\b|(?<=s)['\u2019](?!\w))")
# What ends the name of the thing ("the slides of the speakers", "documents for the
# meeting"); an "of" phrase names its makers.
_PREPOSITION = re.compile(r"\b(?:of|for|on|about|from|in|at|by|to)\b", re.IGNORECASE)
# Words of four letters and more that name no thing ("their passport details").
_NOT_THING = frozenset({
    "their", "your", "these", "those", "this", "that", "with", "from", "anything",
    "everything", "something", "which", "what", "also", "still", "then", "most", "only",
    "other", "some", "each", "every", "time", "order"})
# A list line's label: "- BDT: awareness material", "TSB - the list of sessions".
_LABEL = re.compile(r"^\W*(?P<label>[^:\n]{1,40}?)\s*(?::|\s[-\u2013\u2014]\s)")


def _stem(word: str) -> str:
    """"speakers" and "speaker", "inputs" and "input": one word."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _head(sentence: str) -> str:
    """The clause before the sentence's modal, asides left out."""
    modal = _MODAL.search(sentence)
    head = sentence[:modal.start()] if modal else sentence
    return re.split(r"[,;:]", _ASIDE.sub(" ", head))[-1]


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text) if w.lower() not in _NOT_THING]


def _thing(sentence: str) -> list[str]:
    """The stems of the clause before the sentence's modal ("Speakers' slides (three at
    most)" -> speaker, slide), asides and pronouns left out; the thing itself last, named
    before a preposition ("The slides of the speakers" -> speaker, slide; "comments on
    the draft" -> draft, comment)."""
    head = _head(sentence)
    prep = _PREPOSITION.search(head)
    if prep is None:
        return _stems(head)
    return _stems(head[prep.end():]) + _stems(head[:prep.start()])


def thing_words(sentence: str) -> frozenset[str]:
    """The words naming what has to arrive (:func:`_thing`)."""
    return frozenset(_thing(sentence))


def maker_words(sentence: str) -> frozenset[str]:
    """The thing itself and its makers named in the possessive ("Speakers' slides" ->
    slide, speaker), the words an earlier request for its makers shares: a mere
    modifier ("Meeting documents") names no maker (a request to host the meeting is
    not one to write its documents).

        >>> sorted(maker_words("The speakers' slides should reach Lucia by 9 June."))
        ['slide', 'speaker']
        >>> sorted(maker_words("Meeting documents must reach us by 1 May."))
        ['document']
        >>> sorted(maker_words("The slides of the speakers must reach Lucia by 9 June."))
        ['slide', 'speaker']
    """
    thing = _thing(sentence)
    if not thing:
        return frozenset()
    head = _head(sentence)
    prep = _PREPOSITION.search(head)
    # "the slides of the speakers": the makers after "of", as in the possessive.
    of = _stems(head[prep.end():]) if prep is not None and prep.group().lower() == "of" else []
    return frozenset([thing[-1], *of, *_stems(" ".join(_POSSESSIVE.findall(head)))])


def _shares(sentence: str, words: frozenset[str]) -> bool:
    return any(_stem(w) in words for w in _WORD.findall(sentence))


def _labelled(text: str, sentences: Sequence[Sentence], lead: int, end: int,
              members: MembersConfig | None) -> str | None:
    """The parties labelling the list lines under the lead sentence ``lead`` (up to the
    item at ``end``): "- BDT: ...", "- TSB: ..." -> "BDT, TSB"."""
    mentions = []
    for sentence in sentences[lead + 1:]:
        if sentence.start >= end or not is_bullet(text, sentence.start):
            break
        label = _LABEL.match(sentence.text)
        found = find_mentions(label.group("label"), members) if label else []
        if not found or any(m.kind != "group" for m in found):
            return None
        mentions.extend(found)
    return join_owners(mentions) if mentions else None


def restated(item: ActionCandidate, candidates: Sequence[ActionCandidate]
             ) -> ActionCandidate | None:
    """The earlier item of the message that asked for the very thing the arrival
    ``item`` names ("Please submit the results as a contribution. ... the contribution
    should reach the secretariat by 7 April"): the arrival only dates it."""
    thing = _thing(item.sentence)
    if not thing:
        return None
    earlier = [c for c in candidates if c.span[1] <= item.span[0] and c.kind == ACTION]
    return next((c for c in reversed(earlier)
                 if thing[-1] in {_stem(w) for w in _WORD.findall(c.sentence)}), None)


def makers(item: ActionCandidate, candidates: Sequence[ActionCandidate],
           sentences: Sequence[Sentence], message: ActionInput,
           members: MembersConfig | None) -> tuple[str, str] | None:
    """The owner and its kind of the arrival ``item``: the parties of the nearest earlier
    sentence that asks for the thing's makers, else the people the mail greets."""
    words = maker_words(item.sentence)
    earlier = [i for i, s in enumerate(sentences) if s.end <= item.span[0]]
    for index in reversed(earlier):
        sentence = sentences[index]
        if not words or not _shares(sentence.text, words):
            continue
        for other in candidates:
            if (other.owner and other.owner_kind == "group" and other.kind == ACTION
                    and sentence.start <= other.span[0] < sentence.end):
                return other.owner, "group"
        if sentence.text.rstrip().endswith(":"):
            owner = _labelled(message.new_text, sentences, index, item.span[0], members)
            if owner is not None:
                return owner, "group"
        break
    return greeted(message.new_text, members, message.conventions.staff_asked)


def to_makers(candidates: list[ActionCandidate], sentences: Sequence[Sentence],
              message: ActionInput, members: MembersConfig | None) -> list[ActionCandidate]:
    """The owner-less arrivals (:data:`ARRIVAL_RULES`) owned by their makers
    (:func:`makers`), or dating the request they restate (:func:`restated`); every other
    candidate as it is."""
    result = list(candidates)
    for candidate in candidates:
        if candidate.rule not in ARRIVAL_RULES or candidate.owner:
            continue
        index = result.index(candidate)
        asked = restated(candidate, result)
        if asked is not None:
            del result[index]
            if asked.due is None:
                result[result.index(asked)] = replace(asked, due=candidate.due)
            continue
        found = makers(candidate, result, sentences, message, members)
        if found is not None:
            result[index] = replace(candidate, owner=found[0], owner_kind=found[1])
    return result


__all__ = ["ARRIVAL_RULES", "maker_words", "makers", "restated", "thing_words", "to_makers"]
