"""Whom a message addresses by its salutation: "Dear Sofia," / "Dear BDT colleagues,".

A request or question that names nobody ("Please send me the names by mid-November",
"Do you have the dates already?") is owed by the people the message speaks to. Mail to
the list rarely says so in its To: header (the list is the recipient); the salutation
does. :func:`greeted` reads the opening line of the new text:

- members by name ("Dear Chen, dear Hiroshi,", "Bonjour Sofia,", "Ahmed,"): a Bureau's
  staff stand for their Bureau (their ``organisation`` in ``members.yaml``: TSB, BR,
  BDT), as a request to them is a request to their Bureau; anybody else is named,
  the General Secretariat's staff included (the list's own secretaries: "General
  Secretariat" would name hundreds of people, and the question is theirs to answer);
  with the list's convention ``staff_asked: person`` one Bureau's staff member greeted
  alone is named too ("Dear Sofia," -> Sofia Lindqvist), as :func:`replied_to`'s sender
  is: the evaluation writers split on it (docs/evaluation.md, "staff_asked"); several
  greeted ("Dear Chen, dear Hiroshi,") still stand for their Bureaux;
- bodies ("Dear BDT colleagues,", "Dear colleagues of BDT and BR,"), but not the list
  itself ("Dear ISCG colleagues," addresses everybody, so nobody in particular).

    >>> from iscg_mailbot.settings.members import Member, MembersConfig, Role
    >>> members = MembersConfig(members=(Member(name="Sofia Lindqvist",
    ...     address="sofia@example.org", role=Role.SECRETARIAT, organisation="BR"),))
    >>> greeted("Bonjour Sofia,\\n\\nDo you have the dates?", members)
    ('BR', 'group')
    >>> greeted("Dear colleagues of TSB and BDT,\\nIs it published?", None)
    ('TSB, BDT', 'group')
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from iscg_mailbot.analyse.action_owners import OwnerMention, find_mentions
from iscg_mailbot.analyse.action_scope import sector_of
from iscg_mailbot.analyse.sectors import SECRETARIAT_UNITS
from iscg_mailbot.records import ActionInput
from iscg_mailbot.settings.action_phrases import BODY_ROLES
from iscg_mailbot.settings.itu_products import ItuProducts
from iscg_mailbot.settings.members import MembersConfig, Role

# Salutation words of the languages the list writes in (a greeting, then the names).
_SALUTE = (
    r"(?:dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening)|bonjour|bonsoir|"
    r"salut|ch[eè]re?s?|estimad[oa]s?|querid[oa]s?|hola|prezad[oa]s?|car[oa]|cari|liebe[rs]?|"
    r"hallo|sehr\s+geehrte[rs]?|thanks|thank\s+you|many\s+thanks|merci|gracias|obrigad[oa])"
)
# One part of a greeting: "Dear Chen," then "dear Hiroshi,"; the names end at a comma,
# a colon, a stop or the end of the line.
_PART = re.compile(
    r"[ \t]*(?:and[ \t]+|&[ \t]*)?(?P<salute>" + _SALUTE + r"\b[ \t,]*)?"
    r"(?P<names>[^\W\d_][^,:;!.?\n\u2013]{0,60}?)[ \t]*(?P<end>[,:]|[;!.?\u2013]|[ \t]-[ \t]|(?=\n)|$)",
    re.IGNORECASE)
# The list itself and its secretariat in general: everybody, so nobody in particular.
_EVERYBODY = frozenset({"ISCG", "Secretariat"})
# The units whose staff a request to them stands for.
_BUREAUX = SECRETARIAT_UNITS - {"General Secretariat"}


def _parts(line: str, members: MembersConfig | None) -> list[OwnerMention]:
    """The mentions of the greeting's parts: each part opens with a salutation word or
    is a name alone ("Ahmed," / "Dear Chen, Hiroshi,")."""
    found: list[OwnerMention] = []
    position = 0
    while position < len(line):
        part = _PART.match(line, position)
        if part is None or part.end() == position:
            break
        names = part.group("names")
        mentions = find_mentions(names, members)
        alone = bool(mentions) and _only_mentions(names, mentions)
        if not part.group("salute") and not alone:
            break
        found.extend(mentions)
        position = part.end()
        if part.group("end") not in (",", ":"):
            break  # the greeting is over: "Many thanks, Sofia - ..."
    return found


def _only_mentions(names: str, mentions: list[OwnerMention]) -> bool:
    rest = names
    for mention in reversed(mentions):
        rest = rest[:mention.start] + rest[mention.end:]
    return not re.sub(r"(?i:\b(?:and|dr|mr|ms|mrs|prof|colleagues|team|of|the)\b|[\s&./])", "",
                      rest)


def _owner(mention: OwnerMention, members: MembersConfig | None) -> str | None:
    if mention.kind != "member":
        return None if mention.owner in _EVERYBODY else mention.owner
    return _member_owner(mention.owner, members)


def _member_owner(name: str, members: MembersConfig | None) -> str:
    """A member stands for their Bureau when on a Bureau's staff, else by name."""
    member = members.by_name(name) if members is not None else None
    if member is not None and member.role is Role.SECRETARIAT and member.organisation in _BUREAUX:
        return member.organisation
    return name


def replied_to(message: ActionInput, members: MembersConfig | None) -> tuple[str, str] | None:
    """Whom a reply that greets nobody speaks to: the sender of the message it replies
    to ("Who is the rapporteur now?" answering Tomás asks Tomás, so BDT, or Tomás with
    the list's ``staff_asked: person``; answering Lucia of the General Secretariat,
    Lucia), unless the sender replies to themselves; None for a message that replies to
    nobody known."""
    parent, sender = message.parent_sender, message.sender
    if parent is None or not parent.address or (
        sender is not None and sender.address.lower() == parent.address.lower()
    ):
        return None
    member = members.by_address(parent.address) if members is not None else None
    if member is None:
        return (parent.name, "member") if parent.name else None
    by_name = message.conventions.staff_asked == "person"
    owner = member.name if by_name else _member_owner(member.name, members)
    return owner, "member" if owner == member.name else "group"


def to_names(message: ActionInput, members: MembersConfig | None) -> str | None:
    """The people the message's To: header names, other than the list and the sender
    ("Sofia Lindqvist, Bob +2"), or None. Every owner look-up of the message's sentences
    may ask: the answer of the last message is kept (by identity: it is immutable)."""
    last = _LAST_TO[0]  # one tuple, read once: safe if two threads extract at once
    if last[0] is message and last[1] is members:
        kept: str | None = last[2]
        return kept
    skip = {a.lower() for a in (message.list_address,
                                message.sender.address if message.sender else None) if a}
    names: list[str] = []
    for address in message.to:
        if address.address.lower() in skip:
            continue
        member = members.by_address(address.address) if members is not None else None
        names.append(member.name if member else address.name or address.address)
    unique = list(dict.fromkeys(names))
    shown = (", ".join(unique[:3]) + (f" +{len(unique) - 3}" if len(unique) > 3 else "")
             if unique else None)
    _LAST_TO[0] = (message, members, shown)
    return shown


_LAST_TO: list[tuple[Any, Any, str | None]] = [(None, None, None)]


def greeted(text: str, members: MembersConfig | None,
            staff_asked: str = "unit") -> tuple[str, str] | None:
    """The owners the salutation of ``text`` addresses and their kind ("group" when any
    is a body or unit, else "member"), or None when it names nobody in particular; a
    Bureau's staff member greeted alone by name when ``staff_asked`` is ``person``."""
    stripped = text.lstrip()
    line = stripped.split("\n", 1)[0][:200]
    # Kept by the members' identity (the configuration is immutable): hashing it, as a
    # functools cache key would, walks every member on each call.
    key = (line, id(members), staff_asked)
    kept = _GREETED.get(key)
    if kept is not None and kept[0] is members:
        return kept[1]
    if len(_GREETED) >= 512:
        _GREETED.clear()
    found = _greeted(line, members, staff_asked == "person")
    _GREETED[key] = (members, found)
    return found


_GREETED: dict[tuple[str, int, str], tuple[MembersConfig | None, tuple[str, str] | None]] = {}


def _greeted(line: str, members: MembersConfig | None,
             by_name: bool = False) -> tuple[str, str] | None:
    mentions = _parts(line, members)
    # "Dear Sofia," to a list that asks the person; the list greeted beside her ("Dear
    # Sofia, dear ISCG colleagues,") is nobody in particular, as it is for her unit.
    if by_name:
        particular = {(m.owner, m.kind) for m in mentions if _owner(m, members) is not None}
        if len(particular) == 1 and next(iter(particular))[1] == "member":
            return next(iter(particular))[0], "member"
    owners = [o for o in (_owner(m, members) for m in mentions) if o is not None]
    if not owners:
        return None
    unique = list(dict.fromkeys(owners))
    people = {m.owner for m in mentions if m.kind == "member"}
    kind = "member" if set(unique) <= people else "group"
    return ", ".join(unique), kind


# A question that opens with its verb: the parties right after it are asked ("Would TSB
# and BR be willing to ...?", "Could BDT extend ...?", "Does BR have ...?"). Not after
# "is": "Is the WP 5A revision ...?" names a body to say what is meant, not to ask it.
# The verb may follow a lead that ends with a colon ("To update the table: have your
# Sectors received ...?"). A body's role-holder is asked for the body ("Could the TSAG
# rep and the BR focal point propose ...?", "Could a RAG rep from the region ...?",
# "could one of the TDAG reps ...?"), also after a dash-led topic naming another body
# ("One speaker from ITU-T - could the TSAG rep sound out ...?").
_INVERTED = re.compile(
    r"^\W*(?:[^:?\n]{0,100}:\s+)?(?:(?:also|and|so|then)\s*,?\s+)?(?:would|could|can|will|"
    r"do|does|did|has|have|should|might|may|shall)\s+(?P<article>(?:the|both)\s+)?",
    re.IGNORECASE)
_ROLE_ASKED = re.compile(
    r"^\W*(?:[^:?\n]{0,100}?(?::|\s[-\u2013\u2014])\s+)?(?:(?:also|and|so|then)\s*,?\s+)?"
    r"(?:would|could|can|will)\s+(?:the|a|an|one\s+of\s+the)\s+", re.IGNORECASE)
_ROLE_AFTER = re.compile(r"\s+" + BODY_ROLES, re.IGNORECASE)
# "or" too: "Could TSB or BDT say ...?" is put to both, as "is it TSB or BDT who ...?"
# (:func:`sector_bureau`).
_PARTY_JOINS = re.compile(r"^(?:\s+" + BODY_ROLES + r")?\s*(?:,\s*(?:and\s+|or\s+)?|and|or|&|/)"
                          r"\s*(?:the\s+)?$", re.IGNORECASE)
_OR = re.compile(r"^\s*(?:,\s*)?(?:or|/)\s*(?:the\s+)?$", re.IGNORECASE)


# "Could the secretariat of the WSIS Forum share ...?": another organisation's
# secretariat, not the list's (only "of ITU" or "of the ISCG" is ours).
_OTHERS_SECRETARIAT = re.compile(r"\s+of\s+(?:the\s+)?(?!ITU\b|ISCG\b|this\b|our\b)\w",
                                 re.IGNORECASE)


def asked_parties(text: str, mentions: list[OwnerMention]) -> str | None:
    """The bodies a question opening with its verb asks: "Would TSB and BR be willing
    ...?" -> "TSB, BR"; None when no body follows the verb."""
    lead = _INVERTED.match(text)
    if lead is None:
        return None
    # The first body after the verb, its article in it or not ("Could the secretariat
    # find out ...?"); one named in a lead before a colon is no party ("Before RAG I
    # would like to know: do BR and TSB have ...?").
    starts = {lead.end(), lead.start("article") if lead.group("article") else lead.end()}
    first = next((i for i, m in enumerate(mentions) if m.start >= min(starts)), -1)
    if first < 0 or mentions[first].start not in starts or (_OTHERS_SECRETARIAT.match(
            text, mentions[first].end) and mentions[first].owner == "Secretariat"):
        return None
    return _joined(text, mentions, first)


def role_holders_asked(text: str, mentions: list[OwnerMention]) -> str | None:
    """The bodies whose role-holders a question opening with its modal asks: "Could the
    TSAG rep and the BR focal point propose ...?" -> "TSAG, BR", "One speaker from ITU-T -
    could the TSAG rep sound out ...?" -> "TSAG"; None when no role-holder is asked."""
    lead = _ROLE_ASKED.match(text)
    if lead is None:
        return None
    first = next((i for i, m in enumerate(mentions) if m.start >= lead.end()), -1)
    if (first < 0 or mentions[first].start != lead.end()
            or not _ROLE_AFTER.match(text, mentions[first].end)):
        return None
    return _joined(text, mentions, first)


def _joined(text: str, mentions: list[OwnerMention], first: int) -> str | None:
    """The bodies named from ``first`` on, joined by "and" / "or" / ","; None when one of
    them is no body."""
    chain = [mentions[first]]
    for mention in mentions[first + 1:]:
        if not _PARTY_JOINS.match(text[chain[-1].end:mention.start]):
            break
        chain.append(mention)
    if any(m.kind != "group" for m in chain):
        return None
    return ", ".join(dict.fromkeys(m.owner for m in chain))


# The Bureau that answers for its Sector's work: "Is there any work in ITU-T on ...?".
SECTOR_BUREAU = {"ITU-T": "TSB", "ITU-R": "BR", "ITU-D": "BDT"}
_BUREAU_OF = {**SECTOR_BUREAU, "TSB": "TSB", "BR": "BR", "BDT": "BDT"}


def bodies_bureau(owner: str | None) -> str | None:
    """The Bureaux that serve the study groups, working parties or Questions named in
    ``owner`` ("ITU-D SG1" -> BDT, "SG17" -> TSB, "ITU-T SG13, ITU-R WP 5D" -> "TSB,
    BR"); None when any part is no such body (a Sector, a Bureau, an advisory group, a
    member) or its Sector is not known ("SG5" is ITU-T's or ITU-R's)."""
    if not owner:
        return None
    found = []
    for part in owner.split(", "):
        sector, _, body = sector_of(part, set()).partition(" ")
        bureau = SECTOR_BUREAU.get(sector)
        if bureau is None or not body:
            return None
        found.append(bureau)
    return ", ".join(dict.fromkeys(found))


def sector_bureau(mentions: list[OwnerMention], own_unit: str | None,
                  text: str = "") -> str | None:
    """The one Bureau whose Sector a question names ("ITU-T", "ITU-R WP 7B", "the BDT
    assessment", "Q5/1" of ITU-D), unless it is the asker's own; None when none or several
    are named, unless ``text`` names them as the alternatives asked ("is it TSB or BDT
    who maintains it?", "is anyone in ITU-D or ITU-R working on ...?": both, as `w12`
    and `w26` label them)."""
    bureaux: dict[str, OwnerMention] = {}
    for mention in mentions:
        head = sector_of(mention.owner, set()).split(" ", 1)[0]  # "Q5/1" is ITU-D's
        bureau = _BUREAU_OF.get(head) if mention.kind == "group" else None
        if bureau is not None:
            bureaux.setdefault(bureau, mention)
    if len(bureaux) > 1 and text:
        named = list(bureaux.values())  # Sectors or Bureaux, not their groups ("SG20 or Q5/2")
        if all(m.owner in _BUREAU_OF for m in named) and all(
                _OR.match(text[a.end:b.start]) for a, b in pairwise(named)):
            return ", ".join(b for b in bureaux if b != own_unit) or None
    if len(bureaux) != 1 or own_unit in bureaux:
        return None
    return next(iter(bureaux))


def product_bureau(text: str, before: str, own_unit: str | None,
                   products: ItuProducts) -> str | None:
    """The one Bureau that runs the ITU product (itu_products.yaml) a question names,
    else its paragraph ``before`` it names, unless the asker works there: the second,
    seventh and eighth writers' dev parts put such questions, asked of nobody, to the
    product's Bureau ("Does the ITU conformity and interoperability database list
    ...?" to TSB; "... household survey. Will the model questionnaire include ...?" to
    BDT). None when none, or several Bureaux' products, are named."""
    if not products.products:
        return None
    bureau = (products.bureau_named(text)
              or products.bureau_named(before.rsplit("\n\n", 1)[-1]))
    return None if bureau is None or bureau == own_unit else bureau


def sectors_as_bureaux(owner: str | None) -> str | None:
    """An owner's Sectors read as their Bureaux ("ITU-T" -> "TSB", "ITU-R, BDT" -> "BR,
    BDT"): a Sector is no one who answers on the list. "Is there an ITU-T text on ...?"
    is put to TSB, which answers for its Sector's work; the bodies of a Sector ("ITU-T
    SG13") keep their names."""
    if not owner:
        return owner
    parts = [SECTOR_BUREAU.get(p.strip(), p.strip()) for p in owner.split(",")]
    return ", ".join(dict.fromkeys(p for p in parts if p))
