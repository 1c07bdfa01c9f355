"""Requests made to several units at once, owned by each unit the words stand for.

A request whose owner no rule found, or only as "whoever the mail is addressed to", is
the units' when its words count them one by one:

* a distributive collective inside it: "Please let me know the name of the speaker that
  each Bureau wishes to propose", "nous indiquer le nom que chaque Bureau souhaite
  proposer", "one page per Bureau, by 15 November" (`w14`-025, `w19`-008, `w22`-015
  dev): each Bureau (the advisory groups, the Sectors' Bureaux) owes its own share;
* a label that opens the list line or paragraph it is in, when the request is a later
  sentence of it: "- Bureaux: attachments larger than 10 MB will not be migrated. Please
  tell me by 6 August which of your old attachments must be kept." (`w14`-023; the
  sentence right after the label was already the labelled party's).

So each unit's reply closes its own share and no summary closes the whole item early.
A named owner is never overruled; "each member", "all members" stay as the list's
convention (``requests_to_all``) says.
"""

from __future__ import annotations

import re
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import NOTE
from iscg_mailbot.settings.members import MembersConfig

_BUREAUX = "BR, TSB, BDT"
_GROUPS = "RAG, TSAG, TDAG"
# "each Bureau", "every Sector", "per Bureau", "chaque Bureau", "chacun des Bureaux",
# "each advisory group" (capitals on Bureau and Sector: "each office" is anybody's).
_EACH = re.compile(
    r"\b(?i:(?:each|every)(?:\s+(?:one\s+)?of\s+the(?:\s+three)?)?|per|chaque|"
    r"chacun\s+des(?:\s+trois)?)\s+"
    r"(?:(?P<bureau>Bureau|Bureaux|Sector|Secteur|Sectors|Secteurs)\b(?!\s+[Mm]embers?\b)"
    r"|(?P<group>(?i:advisory\s+group|groupe\s+consultatif))s?\b)")
# Not the units asked, but told or given something: "Please send each Bureau the draft",
# "a badge for each Bureau"; nor what they will get: "each Bureau will then receive it".
_TO_THEM = re.compile(r"\b(?i:to|for|send|forward|give|inform|remind|copy|ask|invite)\s+$")
_THEIR_FUTURE = re.compile(r"\s+(?i:will|shall|would(?!\s+(?:like|wish|prefer)))\b")
# A list line's bullet or number: "- ", "* ", "2. ", "b) ".
_ITEM_START = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\(?[0-9a-zA-Z]{1,2}[.)])[ \t]+")
# A label: a few words, then a colon ("Bureaux:", "TSB and BDT:").
_LABEL = re.compile(r"(?P<label>[^\W\d][\w ,&/-]{0,40}?)\s*:\s")
_CONNECTORS = re.compile(r"(?i:[\s,&/]|\band\b|\bthe\b)*")


def to_each_unit(candidates: list[ActionCandidate], message: ActionInput,
                 members: MembersConfig | None) -> list[ActionCandidate]:
    """The candidates, those owned by nobody (or by the addressees) given to the units
    their words count one by one (see the module's docstring)."""
    return [_each_unit(c, message.new_text, members) for c in candidates]


def _each_unit(candidate: ActionCandidate, text: str,
               members: MembersConfig | None) -> ActionCandidate:
    if candidate.owner and candidate.owner_kind != "addressees":
        return candidate
    sentence = candidate.sentence.split(";")[0]  # the request's own clause
    each = _EACH.search(sentence)
    if each is not None and not _TO_THEM.search(sentence, 0, each.start()) and not (
            _THEIR_FUTURE.match(sentence, each.end())):
        owner = _BUREAUX if each.group("bureau") else _GROUPS
        return replace(candidate, owner=owner, owner_kind="group")
    label = _item_label(text, candidate.span[0], members)
    if label is not None:
        return replace(candidate, owner=label, owner_kind="group")
    return candidate


def _item_label(text: str, position: int, members: MembersConfig | None) -> str | None:
    """The bodies the label names that opens the list line or paragraph holding
    ``position``, when the label is all bodies and ``position`` is past its first
    sentence; else None."""
    start = text.rfind("\n", 0, position) + 1
    while True:
        end = text.find("\n", start)
        line = text[start:end if end != -1 else len(text)]
        bullet = _ITEM_START.match(line)
        previous = text.rfind("\n", 0, max(0, start - 1)) + 1
        opening = bullet is not None or start == 0 or not text[previous:start].strip()
        if opening:
            break
        if not line.strip():
            return None
        start = previous
    offset = start + (bullet.end() if bullet is not None else len(line) - len(line.lstrip()))
    label = _LABEL.match(text, offset)
    if label is None:
        return None
    # Past the label's own sentence: that one the label already gives its owner.
    first_stop = re.search(r"[.?!](?:\s|$)", text[label.end():position])
    if first_stop is None:
        return None
    words = label.group("label")
    mentions = find_mentions(words, members)
    if not mentions or any(m.kind != "group" for m in mentions):
        return None
    rest = words
    for mention in reversed(mentions):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    if not _CONNECTORS.fullmatch(rest):
        return None
    return join_owners(mentions)


# The Bureaux as the ones spoken to: "the list of outputs of your Sector", "Requests from
# the Bureaux:", "each Bureau", "the lead Bureau".
_TO_THE_BUREAUX = re.compile(
    r"\b(?:your\s+(?:Sector|Bureau)|(?:the\s+(?:three\s+)?|each\s+|lead\s+)Bureaux?|"
    r"each\s+Sector)\b", re.IGNORECASE)
# The Bureaux spoken to in a request of their own: "the outputs of your Sector".
_YOUR_SECTOR = re.compile(r"\b(?:your|each)\s+(?:Sector|Bureau)\b", re.IGNORECASE)
BUREAUX = "TSB, BR, BDT"
_EVERY_BUREAU = frozenset(BUREAUX.split(", "))


def to_the_bureaux(candidates: list[ActionCandidate], message: ActionInput,
                   members: MembersConfig | None) -> list[ActionCandidate]:
    """Requests naming nobody that the General Secretariat sends the list about "your
    Sector" or "the Bureaux" are owed by the three Bureaux: on the ISCG, the secretariat
    asks the Sectors, and their Bureaux answer.

    Not when another request of the message already names the three Bureaux as its
    owners ("The Bureaux are kindly requested to send their slides", "Could each Bureau
    send two examples?"): the writer asks the Bureaux where they mean them, so a request
    beside it that names nobody ("Please tell me whether you will attend") is someone
    else's, not the party mentioned in the next line; unless it speaks to them itself
    ("Please also send the outputs of your Sector")."""
    if not any(c.owner is None and c.kind != NOTE for c in candidates):
        return candidates
    asked_apart = any(c.kind != NOTE and _is_every_bureau(c.owner) for c in candidates)
    if asked_apart and not any(c.owner is None and c.kind != NOTE
                               and _YOUR_SECTOR.search(c.sentence) for c in candidates):
        return candidates
    lowered = message.new_text.lower()
    if "bureau" not in lowered and "sector" not in lowered:
        return candidates
    sender = (members.by_address(message.sender.address)
              if members is not None and message.sender is not None else None)
    if sender is None or sender.organisation != "General Secretariat":
        return candidates
    if not _TO_THE_BUREAUX.search(message.new_text):
        return candidates
    return [replace(c, owner=BUREAUX, owner_kind="group")
            if c.owner is None and c.kind != NOTE
            and not (asked_apart and _YOUR_SECTOR.search(c.sentence) is None)
            else c for c in candidates]


def _is_every_bureau(owner: str | None) -> bool:
    """Whether an owner is the three Bureaux together ("BR, TSB, BDT", in any order)."""
    return owner is not None and frozenset(p.strip() for p in owner.split(",")) == _EVERY_BUREAU


__all__ = ["to_each_unit", "to_the_bureaux"]
