"""Answers that name people: who will fill a role, who will take part, who is proposed.

A request for people ("Could TSB nominate a speaker?", "May I ask RAG and TDAG to
indicate whether you wish to participate, and who?", "could BDT propose two speakers")
is answered by the owner's reply naming them, though the reply may say it in the future
("I will be the TSB speaker", "Andrés and I will join") or share no word with the request
("Elena, for BR: Rajesh Iyer."). :func:`~iscg_mailbot.analyse.closure_items.answered_items`
asks these first of the owner's items. One thing asked of several people (a joint note,
their unit's slides) is sent for all of them by whichever sends it
(:func:`one_thing_of_people`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.closure_reading import signature_start, talks_about
from iscg_mailbot.analyse.closure_reply import Answer, Reply
from iscg_mailbot.settings.members import MembersConfig

# The roles a request may ask a person to fill (read by the requests for people below).
_ROLES = (r"speaker|trainer|expert|reviewer|focal\s+point|moderator|panell?ist|lecturer|"
          r"presenter")
# A request for a person in a role ("Could TSB nominate a speaker ...?", "Could TSB send
# one trainer for the module?"), and a reply naming who will fill it ("I will be the TSB
# speaker in Kigali", "our colleague Mme Ba will come for the BSG day"): the fifth and
# eighth writers' dev parts close the request on it, though it is said in the future.
_ASKS_PERSON = re.compile(
    r"\b(?:nominate|designate|name|propose|send|suggest|identify)\b[^.?;]{0,30}?\b"
    r"(?:" + _ROLES + r")s?\b", re.IGNORECASE)
_PERSON_COMES = re.compile(
    r"\b(?:I|(?-i:[A-Z])[\w'-]+)\s+will\s+(?:be\s+(?:the|our)\s+(?:\w+\s+){0,2}?"
    r"(?:" + _ROLES + r")|come|attend|join\s+(?:you|us)|travel|serve)\b", re.IGNORECASE)


# A request to say whether, who or how many will take part ("May I ask RAG and TDAG
# representatives to indicate whether you wish to participate, and who?", "could each
# advisory group let me know how many of its vice-chairs will attend in person"), and
# a reply saying who will ("Andrés and I will join", "Fatou and I will attend in
# person, João will join remotely"): the fourth and thirteenth writers' dev parts close
# the owner's share on it, though it is said in the future.
_ASKS_WHO_ATTENDS = re.compile(
    r"\b(?:whether|who|how\s+many)\b[^.?;]{0,60}?\b(?:participate|attend|join|take\s+part|"
    r"be\s+represented)\b", re.IGNORECASE)
_WILL_ATTEND = re.compile(
    r"\b(?:I|we|(?-i:[A-Z])[\w'-]+)\s+will\s+(?:(?:also|both|all)\s+)?(?:participate|attend|join|"
    r"take\s+part|be\s+there)\b", re.IGNORECASE)


def says_who_attends(item_sentence: str, read: Answer) -> bool:
    """Whether a reply answers a request to say who will take part by saying who will,
    and puts off no answer ("I will check who can join and come back to you")."""
    return bool(_ASKS_WHO_ATTENDS.search(item_sentence)) and not read.put_off and any(
        _WILL_ATTEND.search(c) for c in read.promised)


# A request for one or more people ("nominate one colleague each who will take part",
# "could BDT propose two speakers from Africa"), and a reply naming them now ("Elena, for
# BR: Rajesh Iyer.", "Our two proposals: - Ms Wanjiru Kamau, ... - Mr Kofi Asante"): the
# eleventh and thirteenth writers' dev parts close the owner's share on it, though the
# reply shares no word with the request.
_ASKS_PEOPLE = re.compile(
    r"\b(?:nominate|designate|name|propose|suggest|identify)\b[^.?;]{0,30}?\b"
    r"(?:" + _ROLES + r"|colleague|participant|representative|candidate|mentor|nominee|"
    r"member)s?\b",
    re.IGNORECASE)
_TITLED = re.compile(r"\b(?-i:Mr|Ms|Mrs|Dr|Prof|Mme)\.?\s+(?-i:[A-Z])[\w'-]+")
_VOCATIVE_END = re.compile(r"\s*[,:\u2013-]")


@lru_cache(maxsize=4096)  # an owner's item is compared with every reply of its thread
def _asks_for(item_sentence: str) -> tuple[bool, bool]:
    """Whether an item asks for a person in a role (``_ASKS_PERSON``) and for people
    (``_ASKS_PEOPLE``), searched once an item, not once a reply."""
    return (bool(_ASKS_PERSON.search(item_sentence)), bool(_ASKS_PEOPLE.search(item_sentence)))


def names_someone(item_sentence: str, reply: Reply, speaker: Iterable[str],
                   members: MembersConfig | None) -> bool:
    """Whether a reply answers a request for people by naming somebody before its
    signature, in a clause neither asking nor left for later: a title and a name, or a
    member of the list other than the sender and than whom the reply turns to
    ("Elena, ..."). (A line of names, "Elena, for BR: Rajesh Iyer.", reads like a
    signature's title line: the clauses are read here, not what the reply says.)"""
    if not _asks_for(item_sentence)[1] or reply.answer.put_off:
        return False
    mine = {s.casefold() for s in speaker}
    sentences = reply.sentences
    cut = signature_start([s.text for s, _ in sentences], [False] * len(sentences))
    for _, parts in sentences[:cut]:
        for clause in (c.text for c in parts):
            # Not thanks, a question, a promise ("I will ask Rajesh") nor an answer put
            # off; a line of names is read when it gives them ("for BR: Rajesh Iyer").
            said = clause in reply.answer.says or (
                ":" in clause and not clause.rstrip().endswith("?")
                and clause not in reply.answer.promised)
            if not said or any(reply.deferral(clause)):
                continue
            if _TITLED.search(clause):
                return True
            for mention in find_mentions(clause, members):
                turned_to = not clause[:mention.start].strip(" \t\n-\u2013") \
                    and _VOCATIVE_END.match(clause, mention.end) is not None
                if mention.kind == "member" and mention.owner.casefold() not in mine \
                        and not turned_to:
                    return True
    return False


def names_the_person(item_sentence: str, promised: Sequence[str]) -> bool:
    """Whether a reply's promise names who fills the role an item asks for, or who
    will serve as the one nominated ("Each advisory group to nominate one member of the
    drafting group" - "For RAG, Jo\u00e3o will serve on the drafting group": the tenth
    writer's dev part)."""
    return any(_asks_for(item_sentence)) and any(
        _PERSON_COMES.search(c) for c in promised)


def names_people(item_sentence: str, reply: Reply, speaker: Iterable[str],
                 members: MembersConfig | None) -> bool:
    """Whether the owner's reply answers a request for people: it names who fills the
    role (in a promise or now), or says who will take part. ``speaker``: the names the
    sender goes by (case-folded), not counted as the people named."""
    answer = reply.answer
    return names_the_person(item_sentence, answer.promised) \
        or says_who_attends(item_sentence, answer) \
        or names_someone(item_sentence, reply, speaker, members)


# Each person's own part: "your own observations", "your full name", "sound out your
# groups", "each of you".
_EACH_OWN = re.compile(r"\b(?:each|respective(?:ly)?|separately|individual(?:ly)?|own|your\s+"
                       r"(?:full\s+)?(?:names?|groups?|units?|offices?|availability|"
                       r"nationality|details|passports?|dates?))\b", re.IGNORECASE)
_JOINT = re.compile(r"\b(?:joint(?:ly)?|together|with\s+(?:me|you|him|her|each\s+other))\b",
                    re.IGNORECASE)


def one_thing_of_people(item_sentence: str, owner: str, members: MembersConfig | None,
                        delivery: str = "") -> bool:
    """Whether an item asks several people for one thing, which any of them delivers
    for all: a joint piece of work ("Priya and Yuki to prepare a short joint note")
    or colleagues of one unit asked for their unit's thing ("Still missing the BR
    slides - Sofia, Rajesh, could you send them?"); not each person's own part ("Rajesh
    and Grace, please send me your own observations", "James, Omar and Luis: please
    send me your full name"), nor bodies' shares ("BDT and TSB to send ..."). Also
    when the ``delivery`` says it is theirs together ("Our joint input for TSAG was
    submitted", "attached the two paragraphs, with Priya's edits")."""
    names = [p.strip() for p in owner.split(",") if p.strip()]
    if len(names) < 2 or members is None or _EACH_OWN.search(item_sentence):
        return False
    people = [members.by_name(n) for n in names]
    if any(p is None for p in people):
        return False
    if _JOINT.search(item_sentence) or _TOGETHER.search(delivery) or any(
            m.kind == "member" and m.owner in names and delivery[m.end:m.end + 2] in _OF
            for m in find_mentions(delivery, members)):
        return True
    units = {(p.organisation or p.group or "").casefold() for p in people if p is not None}
    return len(units) == 1 and "" not in units


# A delivery saying the thing is theirs together; a co-owner's share in it ("Priya's").
_TOGETHER = re.compile(r"\b(?:joint(?:ly)?|together|both\s+of\s+us)\b", re.IGNORECASE)
_OF = ("'s", "\u2019s")


def to_co_owner(clause: str, owner: str | None, members: MembersConfig | None) -> bool:
    """Whether a clause sends the work to another owner of the item, or to a member of
    an owner body, a step between them ("For AI 3, I have sent my part of the draft to
    Klaus" of "Klaus and Zhang Wei to prepare a short input"; "BR's part of the
    one-pager has gone to Hiroshi for consolidation" of "BR and TSB to prepare a joint
    note"), not the delivery to whoever asked for it."""
    names = {p.strip().casefold() for p in (owner or "").split(",") if p.strip()}
    return len(names) > 1 and any(
        _TO.search(clause[:m.start]) and not names.isdisjoint(_sides(m.owner, members))
        for m in find_mentions(clause, members))


def _sides(name: str, members: MembersConfig | None) -> set[str]:
    """A party's name and, for a member, the unit it works for (case-folded)."""
    member = members.by_name(name) if members is not None else None
    return {name.casefold()} | ({member.organisation.casefold()} if member is not None
                                and member.organisation else set())


_TO = re.compile(r"\bto\s+$", re.IGNORECASE)


# The owner hands the item on to a person: "I need to check with Sofia", "I will ask
# Elena to confirm to you whether ...".
_HANDS_TO = re.compile(r"\b(?:ask|asking|check\s+with|consult)\s+", re.IGNORECASE)


def answered_by_delegate(item_sentence: str, reply: Reply, speaker: Iterable[str],
                         members: MembersConfig | None) -> bool:
    """Whether the person an owner said they would ask ("As for the presentation, I need
    to check with Sofia"; "I will ask Elena to confirm whether the TSB contract covers
    ...") replies on it herself ("I can present it remotely on the first day";
    "Confirming: the TSB contract covers ...", the seventh and seventeenth writers):
    the reply of that member (``speaker``: her names, case-folded) saying something
    about the item now, no answer put off."""
    handed = _handed_at(item_sentence)
    if handed is None:
        return False
    names = set(speaker)
    if not any(m.kind == "member" and m.owner.casefold() in names and m.start == handed
               for m in find_mentions(item_sentence, members)):
        return False
    read = reply.answer
    return not read.put_off and any(talks_about(c, item_sentence)
                                    for c in (*read.says, *read.promised))


@lru_cache(maxsize=4096)  # an open item is compared with every reply of its thread
def _handed_at(item_sentence: str) -> int | None:
    """Where the person an item hands it on to would be named (after "check with"), or
    None; searched once an item, not once a reply (the search is tried at every
    character: ~1.5% of the analysis)."""
    asked = _HANDS_TO.search(item_sentence)
    return None if asked is None else asked.end()


__all__ = ["answered_by_delegate", "names_people", "names_someone", "names_the_person", "one_thing_of_people",
           "says_who_attends", "to_co_owner"]
