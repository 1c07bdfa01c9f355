"""Clauses that each ask something of somebody: "ask the General Secretariat to prepare
X, and the three Bureaux to indicate Y by 4 December" is two requests.

:func:`split_clauses` cuts a sentence where a second party is asked for something else;
the second clause is read with the words that govern both ("We ask "), so each keeps
its own owner and its own date. Another party's "is invited to" after a request, joined by
", and" or "; and" ("TSB asks BDT to confirm X, and RAG is invited to nominate Y"), is
read on its own.

    >>> [s.text for s in split_clauses(Sentence(
    ...     "We ask TSB to draft X, and BDT to review it by 4 December.", 0, 57))]
    ['We ask TSB to draft X', 'We ask BDT to review it by 4 December.']
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.analyse.pattern_words import StartedSearch
from iscg_mailbot.analyse.text_gates import GatedPattern, trie_pattern
from iscg_mailbot.settings.action_rules import (
    ACT_VERB_RE,
    ACT_VERBS,
    PARTIES,
    PEOPLE_OF,
    PEOPLE_OF_BODY,
)
from iscg_mailbot.settings.members import MembersConfig

# A verb asking somebody, then the party asked: the words that govern a second clause.
_LEAD = re.compile(
    r"\b(?:ask|asks|request|requests|invite|invites|urge|urges|encourage|encourages|task|"
    r"tasks|propose\s+that|suggest\s+that|could|can|would|will|if)\s+(?=" + PARTIES + r"\s)",
    re.IGNORECASE,
)
# Tried only where one of its first words is (most sentences with "will" or "can"
# hold no party after it): a search at every character tried all sixteen words.
_LEAD_SEARCH = StartedSearch(_LEAD)
# "..., and BDT to review it" / "Could TSB confirm X, and could BDT say Y?": the second
# clause may repeat the modal that asks, and then needs no words from the first; it may
# ask the people of a body ("and could someone from BR present it"), or repeat the "if"
# of a wish ("I would be grateful if BR could tell us ..., and if Lucia could book a
# room"), the party then asked with the modal after it.
_SECOND_CLAUSE = re.compile(
    r"(?:,|;)?\s+(?:and|while|whereas)\s+(?:also\s+)?(?P<modal>(?:could|can|would|will)\s+)?"
    r"(?:if\s+)?(?:" + PEOPLE_OF + r")?"
    r"(?=(?P<obj>" + PARTIES + r")(?:\s+" + PEOPLE_OF_BODY + r")?\s+"
    r"(?:to\s+|should\s+|(?:could|can|would|will)\s+)?"
    r"(?:please\s+|kindly\s+|also\s+)?"
    r"(?:" + ACT_VERBS + r")\b)",
    re.IGNORECASE,
)
# A date said for both clauses at the end of the second: ", both by the end of October".
_FOR_BOTH = re.compile(r"(?<=,)\s*(?:both|all|each|all\s+three)\s*,?\s*(?:if\s+possible\s*,?\s*)?"
                       r"(?:by|before|within|no\s+later\s+than)\b[^,;]*$", re.IGNORECASE)
# "X is invited to A; Y is invited to B", "TSB asks BDT to A, and RAG is invited to B":
# the next party's request, a verb after "to". A noun phrase after it ("and RAG is
# invited to the opening dinner") makes the party a guest: nothing asked, the clause
# left out (fix-late).
_NEXT_SUBJECT = re.compile(
    r"(?:;\s+(?:and\s+)?|,\s+and\s+)(?:the\s+)?(?=(?P<obj>" + PARTIES + r")\s+(?:is|are)\s+"
    r"(?:\w+ly\s+)?(?:invited|requested|asked|encouraged|urged|tasked)\s+to\b"
    r"(?P<guest>\s+(?:the|a|an|our|its|their|this|that|these|those|his|her|my|your)\b)?)",
    re.IGNORECASE)
_SUBJECT_CLAUSE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:invited|requested|asked|"
                             r"encouraged|urged|tasked)\s+to\b", re.IGNORECASE)
_GATED_SUBJECT_CLAUSE = GatedPattern(_SUBJECT_CLAUSE, (
    "invited", "requested", "asked", "encouraged", "urged", "tasked"))
# One of these is in every sentence _LEAD or _SUBJECT_CLAUSE matches: three in four
# sentences hold none, and a substring test is far cheaper than those two searches.
ASKING_WORDS = ("ask", "request", "invite", "urge", "encourage", "task", "propose", "suggest",
                 "could", "can", "would", "will")
# All of them in one search ("a(?:sk)|c(?:an|ould)|..."): one call instead of twelve.
_ASKING_GATE = re.compile(trie_pattern(ASKING_WORDS))


def split_clauses(sentence: Sentence, *, asking: bool | None = None,
                  lowered: str | None = None,
                  members: MembersConfig | None = None) -> list[Sentence]:
    """The sentence, or its clauses when a second party is asked for something else.

    The second clause's text is prefixed with the words that ask ("We ask "), its span
    that of the clause in the source. ``asking``: whether the lower-case sentence holds
    one of :data:`ASKING_WORDS` (:class:`~iscg_mailbot.analyse.action_gate.RuleGate`).
    ``lowered``: the sentence in lower case when ASCII (the words that ask looked for
    only there). ``members``: the list's members, whom a second clause may ask by name
    ("..., and if Lucia could book a room")."""
    text = sentence.text
    if asking is None:
        asking = _ASKING_GATE.search(text.lower()) is not None
    if not asking:
        return [sentence]
    lead = _LEAD_SEARCH.search(text, lowered)
    subject_form = lead is None and _GATED_SUBJECT_CLAUSE.search(text)
    if lead is None and not subject_form:
        return [sentence]
    after = lead.end() if lead is not None else subject_form.end()  # type: ignore[union-attr]
    # The first clause's own verb comes first: "TSB and BDT send" is one clause.
    verb = ACT_VERB_RE.search(text, after)
    second = _SECOND_CLAUSE.search(text, verb.end()) if verb is not None else None
    next_subject = second is None and verb is not None
    if next_subject:
        # "X is invited to A; Y is invited to B", "asks X to A, and Y is invited to B".
        second = _NEXT_SUBJECT.search(text, verb.end())  # type: ignore[union-attr]
        if second is not None and second.group("guest"):
            return [_before(sentence, second.start())]  # (a guest: the clause left out)
    if second is None or not find_mentions(second.group("obj"), members):
        return [sentence]
    first_text = text[:second.start()].rstrip(" ,;")
    modal = second.groupdict().get("modal")  # _NEXT_SUBJECT: none, and no lead
    obj_start = second.start("modal") if modal else second.start("obj")
    prefix = text[:lead.end()] if lead is not None and not (modal or next_subject) else ""
    rest = text[obj_start:]
    if lead is None and not re.match(r"\S+(?:\s+\S+){0,6}?\s+to\s", rest):
        return [sentence]
    # Offsets: the source text is folded (one space per break): map by proportion.
    cut = sentence.start + min(obj_start, sentence.end - sentence.start)
    shared = _FOR_BOTH.search(rest)
    if shared is not None:
        # "..., and BDT to indicate Y, both by the end of October": the first clause's
        # date too (read with it, so the first clause keeps a date of its own first).
        first_text = f"{first_text}, {rest[shared.start():].rstrip()}"
    return [
        Sentence(first_text, sentence.start, max(sentence.start + 1, cut - 1)),
        Sentence(prefix + rest, cut, sentence.end),
    ]


def _before(sentence: Sentence, cut: int) -> Sentence:
    """The sentence up to ``cut``, its comma or semicolon left out."""
    first = sentence.text[:cut].rstrip(" ,;")
    return Sentence(first, sentence.start, min(sentence.end, sentence.start + len(first)))


__all__ = ["ASKING_WORDS", "split_clauses"]
