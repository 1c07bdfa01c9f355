"""How a reply relates to the items it might close, beyond "done": what it leaves for
later, whom it addresses, what it talks about.

- :func:`is_signoff`: a signature or disclaimer line that reached the new text ("Pierre
  Lefebvre Conseiller ... Tél. : +41 22 730 5433") says nothing about the work;
- :func:`defers`: the sentence leaves something for later, the answer ("I am checking
  with the SG11 secretariat and will reply next week", "I will come back to you") or
  part of the work ("the highlights are being cleared and will follow", "one moderator
  is still to be confirmed", "for the indicators we need another week");
- :func:`delegates`: the sender passed the request on ("Forwarded to the Q3/2
  co-rapporteurs"), which completes an item only when passing it on was what was asked;
- whom a reply greets ("Dear Ahmed," → ``{"ahmed"}``) is
  :func:`iscg_mailbot.analyse.closure_greetings.addressees`;
- :func:`content_words` and :func:`talks_about`: whether a sentence and an item share a
  content word ("the modules will be ready in April" and "the updated modules on
  notification procedures").

    >>> defers("The highlights are being cleared and will follow next week.")
    True
    >>> defers("TSB has one side event and it will need captioning.")
    False
    >>> defers("The page is managed by BDT, so I leave it to Grace."), defers("I leave it to you.")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from iscg_mailbot.analyse.closure_deferral_gates import DEFERS_ANSWER_GATE, LEAVES_WORK_GATE
from iscg_mailbot.analyse.closure_later import CHECKS_FIRST, LEAVES_WORK
from iscg_mailbot.analyse.closure_words import crude_stem, gate_words, words_of
from iscg_mailbot.analyse.text_gates import FoldedPattern, GatedPattern, folded

# A contact line ("Tel: +41 ...") and the Union's name or a disclaimer, searched apart:
# each only when one of the words it needs is there (a contact label and a digit:
# "telecommunication" is in most ITU sentences, a digit in few of them).
_SIGNOFF_CONTACT = GatedPattern(re.compile(
    r"\b(?:tel|tél|tél\.|phone|mob|mobile|fax)\b\.?\s*:?\s*\+?\d", re.IGNORECASE),
    ("tel", "tél", "phone", "mob", "fax"))
_SIGNOFF_NAMES = GatedPattern(re.compile(
    r"\binternational\s+telecommunication\s+union\b|\bunion\s+internationale\s+des\b"
    r"|\buni[oó]n\s+internacional\s+de\b|\bplace\s+des\s+nations\b"
    r"|\b(?:confidential|confidentiels?|confidenciales|avertissement|aviso|disclaimer)\b",
    re.IGNORECASE), ("union", "unión", "nations", "confiden", "avertissement", "aviso",
                     "disclaimer"))
_DIGIT = re.compile(r"\d")


def _signoff_words(sentence: str) -> bool:
    """A contact label before a number, the Union's name, a disclaimer word."""
    lowered = folded(sentence)
    return (_SIGNOFF_NAMES.search(sentence, lowered) is not None
            or (_DIGIT.search(sentence) is not None
                and _SIGNOFF_CONTACT.search(sentence, lowered) is not None))


# A telephone number without its label belongs to a signature when the rest of the
# line is names and titles ("Faculty of Engineering, Example University, Cairo +20 2
# 3567 0000"), not to "My telephone number has changed: +86 10 6620 1234".
_BARE_PHONE = re.compile(r"\+\d{1,3}[\s-]\d{1,4}[\s-]\d{2,4}")
_LOWER_WORD = re.compile(r"\b(?!(?:of|and|for|the|de|des|du|la|le|et|y|del)\b)(?-i:[a-z])\w{2,}")


# A reply's sentences are asked several times (its sentences, what precedes its signature,
# what each clause says), and signature lines recur from mail to mail.
@lru_cache(maxsize=2048)
def is_signoff(sentence: str) -> bool:
    """Whether a sentence is a signature, contact block or disclaimer."""
    return _signoff_words(sentence) or bool(
        _BARE_PHONE.search(sentence) and not _LOWER_WORD.search(sentence))


def signoff_lines(sentences: Sequence[str]) -> tuple[bool, ...]:
    """:func:`is_signoff` of each of a reply's sentences. A sign-off line holds one of
    the Union's or a disclaimer's words, a contact label and a digit, or a "+" (a bare
    number): a reply holding none of them (most) has none, and is read in a few
    substring tests, not three or four searches a sentence."""
    joined = "\n".join(sentences)  # (no word of the gates holds a line break)
    lowered = folded(joined)
    if not (any(word in lowered for word in _SIGNOFF_NAMES.words) or "+" in joined or (
            any(word in lowered for word in _SIGNOFF_CONTACT.words)
            and _DIGIT.search(joined) is not None)):
        return (False,) * len(sentences)
    return tuple(is_signoff(s) for s in sentences)


# Possessive runs (*+): a name's tail takes all it can, and so does the run between two
# words. The same lines match (a shorter tail or run leaves the same characters to the
# run or word that follows), but a line of capitals, digits and underscores that fails
# ("LIST.ETSI.ORG TSG_TSG_TSG_TSG a report") is not retried at every split of its names:
# that took 1.7 s for 38 characters and doubled with each name.
_TITLE_LINE = re.compile(r"^[\W\d]*+(?:(?:(?-i:[A-Z])[\w'.-]*+|of|and|for|de|des|du|la|et|y)"
                         r"[\W\d]*+)+$")


def without_signature(sentences: list[str]) -> list[str]:
    """The sentences before the signature: the first contact or disclaimer line, the
    name and title lines just above it ("Pierre Lefebvre, Counsellor") or ending the
    text ("Amara Diallo Digital Networks and Environment Division"), all below."""
    return sentences[:signature_start(sentences)]


def signature_start(sentences: Sequence[str], signoff: Sequence[bool] | None = None) -> int:
    """How many sentences :func:`without_signature` keeps. ``signoff``: whether each
    sentence :func:`is_signoff`, when the caller has read it already."""
    cut = next((i for i, s in enumerate(sentences)
                if (signoff[i] if signoff is not None else is_signoff(s))), len(sentences))
    while cut > 0 and _TITLE_LINE.match(sentences[cut - 1]) and (
            cut < len(sentences) or len(_CAPITALISED.findall(sentences[cut - 1])) >= 3):
        cut -= 1
    return cut


def signature_line(sentence: str, signoff: bool | None = None) -> bool:
    """Whether :func:`without_signature` leaves out a sentence read alone (a sign-off
    line, or a line of three names and titles). ``signoff``: :func:`is_signoff` of it,
    when the caller has read it already."""
    return (is_signoff(sentence) if signoff is None else signoff) or bool(
        _TITLE_LINE.match(sentence) and len(_CAPITALISED.findall(sentence)) >= 3)


_CAPITALISED = re.compile(r"\b(?-i:[A-Z])[\w'.-]+")


# A clause ending on a thing put on an agenda ("your question is already on its draft
# agenda"): an answer put off to the meeting (_DEFERS_ANSWER), or, of an item asking to
# put it there, the deed done (on_agenda).
_ON_AGENDA_END = (r"\b(?:is|are)\s+(?:already|now)\s+on\s+(?:the|its|our|their|his|her)\s+"
                  r"(?:[\w-]+\s+){0,3}?agenda\W*$")
# The answer is still to come: "I will come back to you", "I am checking with the SG11
# secretariat and will reply next week", "I will ask BDT", "let me check with the team".
_DEFERS_ANSWER = re.compile(
    r"\b(?:come|get|report)\s+back\b|\brevert\b|"
    r"(?:\bwill|'ll|\u2019ll)\s+(?:reply|respond|answer|update\s+you|let\s+you\s+know|"
    r"check|look\s+into|raise\s+it|ask|consult|find\s+out|get\s+in\s+touch|"
    r"contact\s+you)\b|"
    # Handed to somebody else: "I leave it to Grace", "I'll let Grace reply" (not "I
    # leave it to you": the choice handed back to the asker answers it).
    r"\bleav(?:e|ing)\s+(?:it|this|that|the\s+\w+(?:\s+\w+)?)\s+to\s+(?!be\b|you\b)\w+|"
    r"\blet\s+(?!me\b|us\b)\w+\s+(?:reply|respond|answer|comment|take\s+(?:it|this|that))\b|"
    r"\b(?:I|we)\s*(?:am|are|'m|\u2019m|'re|\u2019re)\s+(?:still\s+)?(?:checking|looking\s+into|"
    r"consulting|waiting|asking)\b|"
    + CHECKS_FIRST + r"|"  # ("I check with the rapporteur": close-r27)
    r"\blet\s+(?:me|us)\s+(?:first\s+)?(?:check|find\s+out|ask|consult|look\s+into|see|verify)\b|"
    # Terse: "Sofia, checking with SG13 management, back to you by Fri." (the
    # eighteenth writer; "I'll raise it with the Regional Office", the twentieth, above).
    r"\bback\s+to\s+you\b|(?:^|[,;:]\s*)(?:still\s+)?checking\s+with\b|"
    # The answer said to be still awaited: a chaser's status line ("TSB answer due
    # tomorrow", "BR answer pending", "(a) BR - open", "(c) only Japan so far", the
    # twenty-third writer) or the owner's own "no answer yet" (the twenty-first): it
    # answers nothing. (Not "Not yet - it will be published in April": that answers
    # "Is the report public?", the fourth and eighth writers.)
    r"\b(?:answers?|repl(?:y|ies)|responses?|input|feedback)\s+(?:is\s+|are\s+)?(?:still\s+)?"
    r"(?:pending|due|outstanding|awaited)\b|"
    r"\bno\s+(?:answer|reply|response|news|feedback)\s+(?:yet|so\s+far)\b|"
    r"\bonly\s+(?:[\w-]+\s+){1,3}so\s+far\W*$|"
    r"\s[-\u2013\u2014:]\s*(?:still\s+)?open\W*$|"
    # The question passed to whoever knows, and nothing more: "I have asked the TDAG
    # vice-chairs from the Arab region; no answer yet" (the twenty-first writer), "On
    # the data banks: I have asked the SG3 chairman and counsellor." (the twenty-third);
    # not "I have asked the rapporteurs to include it" (the deed asked of them).
    r"\b(?:I|we)\s*(?:have|'ve|\u2019ve)\s+(?:already\s+)?asked\s+(?:the|our|my)\s+"
    r"(?:(?!to\b)[\w/'-]+\s+){0,7}(?!to\b)[\w/'-]+[^\w\s]*$|"
    # A guess left for the one asked to confirm: "My understanding is that SG16 has
    # some work on it, but TSB should confirm" (the fifteenth writer, read under its
    # quote since close-r20).
    r"\b(?:but|though|although)\s+(?:[\w/-]+\s+){1,3}(?:should|would\s+need\s+to|"
    r"needs?\s+to|will\s+have\s+to|must)\s+confirm\b|"
    # The question put on a meeting's agenda, the answer to come from it: "WP 3K meets
    # in November and your question is already on its draft agenda" (not "I will make
    # sure it is on the agenda", a promise beside an answer; the twenty-seventh
    # writer; "it will be on the WG-RDTP call of 3 February. Andr\u00e9s and I will
    # report back", the twenty-eighth, by "report back" above).
    + _ON_AGENDA_END,
    re.IGNORECASE,
)


# Both searched as lower-case copies in an ASCII clause (the same answers, a third of
# the cost: the search of the clauses that pass the gates was ~2% of the analysis).
_DEFERS_ANSWER_FOLDED = FoldedPattern(_DEFERS_ANSWER)
_LEAVES_WORK_FOLDED = FoldedPattern(LEAVES_WORK)


def defers_answer(sentence: str) -> bool:
    """Whether a sentence puts off the answer ("I will come back to you")."""
    return deferral(sentence)[0]


def leaves_work(sentence: str) -> bool:
    """Whether a sentence says part of the work is still to come ("will follow")."""
    return deferral(sentence)[1]


def deferral(text: str, words: frozenset[str] | None = None) -> tuple[bool, bool]:
    """Whether a clause puts off the answer (:func:`defers_answer`) and whether it
    leaves work for later (:func:`leaves_work`): :func:`defers` is either. (Read for
    each clause of most replies, each pattern only when the clause's words, read once,
    hold one of its gate's; ``words``: :func:`words_of` the clause, when known.)"""
    if words is None:
        words = words_of(text)
    return (DEFERS_ANSWER_GATE.may_match(words, text) and _DEFERS_ANSWER_FOLDED.found(text),
            LEAVES_WORK_GATE.may_match(words, text) and _LEAVES_WORK_FOLDED.found(text))


def defers(sentence: str) -> bool:
    """Whether a sentence leaves the answer or part of the work for later."""
    return defers_answer(sentence) or leaves_work(sentence)


# An item asking for something to be put on an agenda ("Could you add the study to the
# agenda of the next call?", "... be included in the draft agenda"), and a clause
# saying a thing is on one ("It is now on the agenda", the deferral above): of such an
# item the clause reports the deed done, not an answer put off (fix-late).
_ONTO_AGENDA = re.compile(
    r"\b(?:add|put|includ|plac|inscrib|schedul|list)\w*\b[^.?!]{0,80}?\b(?:to|on|in|into)\s+"
    r"(?:the|its|our|your|their|this|that|next)\s+(?:[\w-]+\s+){0,3}?agenda\b", re.IGNORECASE)
_ON_AGENDA = re.compile(_ON_AGENDA_END, re.IGNORECASE)


def asks_onto_agenda(item_sentence: str) -> bool:
    """Whether an item asks for something to be put on an agenda."""
    return "agenda" in item_sentence.lower() and bool(_ONTO_AGENDA.search(item_sentence))


def on_agenda(clause: str) -> bool:
    """Whether a clause ends saying something is already or now on an agenda ("It is now
    on the agenda"), the reading by which _DEFERS_ANSWER puts such a clause off."""
    return bool(_ON_AGENDA.search(clause))


_DELEGATES = re.compile(
    r"\b(?:forwarded|passed\s+(?:it\s+|them\s+|this\s+|the\s+\w+\s+)?(?:on\s+)?to|passed\s+on|"
    r"(?:I|we)\s+(?:have\s+)?asked)\b",
    re.IGNORECASE,
)
# What an item asks when passing it on is the work: forward, pass, transmit, inform,
# bring to someone's attention, make sure someone receives it, ask someone.
_ASKS_TO_PASS = re.compile(
    r"\b(?:forward|pass|transmit|relay|circulate|inform|bring\b.{0,40}\battention|"
    r"make\s+sure\b.{0,60}\breceive|ask|share\b.{0,60}\bwith)\w*\b",
    re.IGNORECASE,
)


def delegates(sentence: str) -> bool:
    """Whether a sentence says the request was passed on to somebody else."""
    return bool(_DELEGATES.search(sentence))


def asks_to_pass(item_sentence: str) -> bool:
    """Whether an item asks for the request to be passed on (done by passing it on)."""
    return bool(_ASKS_TO_PASS.search(item_sentence))


_STOP = frozenset((
    "about", "above", "after", "again", "also", "another", "available", "before", "being",
    "below", "between", "could", "dear", "does", "each", "from", "have", "into", "itself",
    "just", "more", "most", "much", "next", "only", "other", "over", "please", "really",
    "same", "shall", "should", "some", "still", "such", "than", "thank", "thanks", "that",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
    "until", "very", "want", "week", "weeks", "well", "were", "what", "when", "where",
    "whether", "which", "while", "will", "with", "within", "would", "your", "yours",
    "yourself", "send", "provide", "share", "give", "tell", "know", "kindly", "asked",
    "request", "requested", "colleagues", "meeting", "meetings", "today", "tomorrow",
    "yesterday", "morning", "afternoon", "evening", "list", "lists",
    # A date is when, not what: "confirmed in the collective letter of January" says
    # nothing about "so that SG2 can approve it at its April meeting"; "sent" is "send".
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "sent",
))
_WORD = re.compile(r"[^\W\d_][\w/-]{3,}|\b[A-Za-z]*\d+[\w/.-]*", re.UNICODE)


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The content words of a text, case-folded and stemmed."""
    words = set()
    stems = _CONTENT_STEMS
    for found in _WORD.findall(text):
        stem = stems.get(found, _UNSEEN)
        if stem == _UNSEEN:  # (no stem is empty)
            stem = _content_stem(found)
        if stem is not None:
            words.add(stem)
    return frozenset(words)


# A word as matched, its stem or None (a stop word): the words of a list repeat (any
# corpus's do), and stemming each occurrence was most of content_words' time.
_CONTENT_STEMS: dict[str, str | None] = {}
_UNSEEN = ""
_MOST_WORDS = 200_000


def _content_stem(found: str) -> str | None:
    word = found.casefold().rstrip(".")
    stem = None if word in _STOP else crude_stem(word)
    if len(_CONTENT_STEMS) >= _MOST_WORDS:
        _CONTENT_STEMS.clear()
    _CONTENT_STEMS[found] = stem
    return stem


def shared_words(sentence: str, item_sentence: str) -> int:
    """How many content words a sentence and an item's sentence share."""
    return len(content_words(sentence) & content_words(item_sentence))


def talks_about(sentence: str, item_sentence: str) -> bool:
    """Whether a sentence and an item's sentence share a content word."""
    return shared_words(sentence, item_sentence) > 0


# The first word of a clause, after "yes"/"no" and an article: "Feasible for the
# contacts - ...", "Corrections can be sent through the portal".
_LEAD = re.compile(r"^\W*(?:(?:yes|no|the|our|its|their)\W+)*(?P<word>[^\W\d_][\w/-]{3,})",
                   re.IGNORECASE)


def leads_with(clause: str, question: str) -> bool:
    """Whether a clause opens with a content word of the question, the way an answer
    takes up what was asked ("whether this is feasible?" - "Feasible for the contacts";
    "how to send a correction?" - "Corrections can be sent through the portal")."""
    lead = lead_stem(clause)
    return lead is not None and lead in content_words(question)


def lead_stem(clause: str, words: frozenset[str] | None = None) -> str | None:
    """The stem of the content word a clause opens with, that :func:`leads_with` looks
    for in a question, or None (``words``: :func:`words_of` the clause, when known)."""
    match = _LEAD.match(clause)
    if match is None:
        return None
    word = match.group("word").casefold()
    # Not the asking verb ("Confirmation will follow"), nor a remark on the question
    # ("Fellowships are a good question": searched only when the clause's words hold
    # one of the remark's nouns, few do).
    if word in _STOP or _ASKING.match(word) or (
            (words is None or not _REMARK_WORDS.isdisjoint(words)) and _REMARK.search(clause)):
        return None
    return crude_stem(word)


_REMARK = re.compile(r"\b(?:good|interesting|important|valid|fair|excellent|great|difficult|"
                     r"tricky|complex)\s+(?:question|point|idea|suggestion|topic|issue)\b",
                     re.IGNORECASE)
# Each match of ``_REMARK`` holds one of these as a word of its own (:func:`gate_words`).
_REMARK_WORDS = gate_words(("question", "point", "idea", "suggestion", "topic", "issue"))
_ASKING = re.compile(r"(?:confirm|indicat|inform|advis|clarif|repl|respon|answer|check|"
                     r"verif|question)", re.IGNORECASE)
