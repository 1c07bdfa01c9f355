"""Whom a reply turns to: the names its greeting opens with ("Dear Dr Park", "Ahmed,
all,"), and those a later sentence opens with a colon ("Fatou: 19 countries ...").

A reply answers the question of somebody it greets, not another's in the same thread
(:func:`addressees`, read by the service that closes questions); a member a closing
clause turns to is not whom it reports acting (:func:`greeted`).

    >>> sorted(addressees("Dear Dr Park, the list is attached."))
    ['park']
    >>> sorted(addressees("Dear Andrés, dear Ahmed,\\n\\nThe report lists 27 countries."))
    ['ahmed', 'andrés']
    >>> addressees("Fixed - the index page was cached.")
    set()
    >>> addressees("Dear Yuki-san, on the first question: ...")
    {'yuki'}
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_owners import OwnerMention

_GREETING = re.compile(
    r"(?:^|[,;]\s*|\n\s*)(?:dear|hi|hello|hola|ol[aá]|bonjour|bonsoir|cher|ch[eè]re|chers|"
    r"estimad[oa]s?|prezad[oa]s?|liebe[rs]?|hallo)\s+"
    # A title is not the name: "Dear Dr Park" greets Park.
    r"(?:(?:dr|mr|mrs|ms|miss|prof|professor|sr|sra|mme|herr|frau)\.?\s+|m\.\s*)?"
    r"(?P<name>[^\W\d_][\w'-]*?)(?:-(?:san|sama|sensei))?(?![\w'-])",
    re.IGNORECASE,
)
_VOCATIVE = re.compile(r"^\W*(?P<name>(?-i:[A-Z])[\w'-]+)\s*(?:,|\s-\s|\s\u2013\s)")
_NOT_NAMES = {"yes", "no", "thanks", "thank", "sure", "ok", "okay", "done", "confirmed", "sorry",
              "apologies", "update", "noted", "good", "great", "indeed", "perfect", "excellent",
              "unfortunately", "also", "just", "please", "fine", "agreed", "sent"}
# A reply opening with the deed's participle ("Fixed - the index page was cached",
# "Reviewed - two comments from BDT", "Received, thanks Priya") greets nobody (the
# fourth, eleventh and twelfth writers); names such as "Ahmed" stay names.
_DEED_OPENING = re.compile(
    r"(?i:(?:fix|check|receiv|review|correct|updat|post|upload|add|circulat|forward|attach|"
    r"shar|submitt|complet|chang|book|register|sign|approv|clear|publish|arrang|solv|"
    r"resolv|answer|repli|edit|reserv|renam|remov|delet|merg|organis|organiz|schedul|"
    r"test|translat|print|fill|finish|handl|sort)ed)$")
_EVERYONE = {"all", "colleagues", "colleague", "everyone", "members", "team", "iscg",
             "tous", "todos", "colegas", "collègues", "kollegen"}


#: Titles before a name, in a greeting or a display name ("Dr. Seo-yeon Park").
TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sr", "sra", "m",
                    "mme", "herr", "frau"})


def addressees(reply: str) -> set[str]:
    """The names a reply greets at its start (the first word after a title: "Dear Dr
    Park" greets "park"), case-folded; empty when it greets everyone ("Dear all", "Dear
    colleagues") or nobody."""
    head = reply.strip()[:120]
    first_line = head.split("\n", 1)[0]
    names = {m.group("name").casefold() for m in _GREETING.finditer(first_line)}
    if not names:
        match = _VOCATIVE.match(first_line + ",")
        if match and match.group("name").casefold() not in _NOT_NAMES \
                and not _DEED_OPENING.match(match.group("name")):
            names = {match.group("name").casefold()}
    if names and not names & _EVERYONE:
        # Somebody turned to further down ("Dear Hiroshi, BDT's text attached. Fatou:
        # 19 countries have ...") is addressed too: the reply answers them as well.
        names |= {m.group("name").casefold() for m in _TURNED_TO.finditer(reply)
                  if m.group("name").casefold() not in _NOT_NAMES}
    return set() if names & _EVERYONE else names


# A name opening a sentence or a line, then a colon: "Fatou: according to our records".
_TURNED_TO = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?P<name>(?-i:[A-Z])[a-z\u00e0-\u00ff'-]+):\s")


def greeted(text: str, mention: OwnerMention) -> bool:
    """Whether a member named at the start of a clause is whom it turns to ("Dear Omar,
    the rapporteur's comments are attached", "Lucia, BR slides attached"), not who did
    the deed."""
    return mention.kind == "member" and _BEFORE_NAME.match(text[:mention.start]) is not None \
        and _AFTER_NAME.match(text, mention.end) is not None


_BEFORE_NAME = re.compile(
    r"^\W*(?:(?:dear|hi|hello|hola|bonjour|estimad[oa]|querid[oa]|cher|ch\u00e8re|caro|cara|"
    r"liebe[r]?|ol\u00e1)\s+)?(?:(?:mr|ms|mrs|dr|prof|mme|sr|sra)\.?\s+)?$", re.IGNORECASE)
_AFTER_NAME = re.compile(r"\s*(?:,|:|\s-\s|\s\u2013\s)")
