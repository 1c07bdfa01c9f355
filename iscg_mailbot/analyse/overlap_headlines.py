"""What a thread's headline (its subject) says about the work behind it, for the
duplication watch (:mod:`iscg_mailbot.analyse.overlaps`).

Duplicated effort is two Sectors' bodies each producing work on one subject. Two kinds of
thread share a subject with another Sector's work without duplicating it, and the
headline tells them apart from the body text, where every Sector is mentioned in passing:

* **an event** -- a webinar, workshop, forum, meeting... about the subject, not a
  deliverable: :func:`is_event`;
* **a thread addressed to the other thread's work** -- its headline names the other
  headline's body or titled work ("a speaker from ITU-T SG5?" beside "ITU-T SG5: draft
  Supplement ..."; "data from ITU-R SG6 for Facts and Figures 2026" beside "Facts and
  Figures 2026 ..."): the two coordinate, as when they pass a document on:
  :func:`names_the_other`.

    >>> is_event("[list] EMF awareness webinar for African regulators")
    True
    >>> names_the_other("Data from ITU-R SG6 for Facts and Figures 2026",
    ...                 "Facts and Figures 2026 and WTIS-26: request for inputs")
    True

Pure: strings in, answers out.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Tags and reply / forward prefixes in front of the headline ("[int-sect-team] FW: ...").
_FRONT = re.compile(r"^\s*(?:\[[^\]]*\]\s*|(?:re|fw|fwd|tr|aw|wg|sv|rif|invitation)\s*:\s*)+",
                    re.IGNORECASE)
_SEGMENT = re.compile(r"[:;,()?!\"«»]")
# Words that make a headline about an event rather than about work on a subject.
# Each in the plural too ("Council 2027 sessions - captioning contract"): a headline's
# words are not lemmatised.
EVENT_WORDS = frozenset({
    "webinar", "webinars", "workshop", "workshops", "forum", "forums", "symposium",
    "summit", "summits", "seminar", "seminars", "training", "trainings", "course",
    "courses", "hackathon", "hackathons", "meeting", "meetings", "session", "sessions",
    "event", "events", "atelier", "ateliers", "réunion", "réunions", "colloque",
    "colloques"})
# Words that name work (a deliverable, a study): an event beside one is not "only an event".
WORK_WORDS = frozenset({
    "recommendation", "recommendations", "supplement", "handbook", "toolkit",
    "guidelines", "guide", "report", "study", "studies", "survey", "questionnaire",
    "index", "kpis", "work", "question", "questions", "standard", "standards", "monitor",
    "terms", "definitions", "mapping", "framework", "roadmap", "plan", "draft", "drafts",
    "methodology", "guideline", "indicators", "revision", "outline"})
# Words of ITU's own house: its premises, budget, library and staff. A headline with
# one is about running the Union, not a Sector's work on a subject: it shares a word or
# a neighbourhood in meaning with that work by chance ("Wi-Fi at HQ and CICG" beside a
# model decision on Wi-Fi at 6 GHz; "exchange rates and the budget" beside Internet
# exchange points; the library's digitized recordings beside cold-storage archiving; a
# survey of Recommendation editors' drafting skills beside a digital-skills guidebook:
# dev false pairs of eval/overlaps6, 8 and 9).
HOUSE_WORDS = frozenset({
    "hq", "headquarters", "cicg", "premises", "budget", "budgets", "library", "staff",
    "editors"})
# Words of news: a newsletter or bulletin tells of many pieces of work, and is none.
NEWS_WORDS = frozenset({"newsletter", "newsletters", "bulletin", "bulletins"})
# Words of an event's logistics: beside an event word they keep the headline about the
# event even when it names work ("ISCG meeting: convening letter and draft agenda").
LOGISTICS_WORDS = frozenset({
    "agenda", "minutes", "registration", "convening", "venue", "visas", "logistics",
    "invitation", "speakers", "speaker", "programme", "program"})
# Words too common to show that one headline addresses another's work: Sector names and
# the words of ITU's structure ("Study Group", "Resolution") name no particular body alone.
_GENERIC = frozenset({
    "itu", "itu-r", "itu-t", "itu-d", "br", "tsb", "bdt", "rag", "tsag", "tdag", "iscg",
    "ls", "gs", "sector", "sectors", "the", "a", "an", "study", "group", "groups", "sg", "wp",
    "working", "party", "question", "questions", "resolution", "focus", "draft", "new",
    "joint", "global", "regional", "world", "international", "union", "council",
    "conference", "assembly", "recommendation", "supplement", "report", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november",
    "december"})
# Lower-case words allowed inside a name ("Facts and Figures", "Focus Group on AI").
_CONNECTORS = frozenset({"and", "of", "on", "for", "the", "de", "la", "du", "des"})


def headline(subject: str) -> str:
    """The subject without list tags and reply or forward prefixes."""
    return _FRONT.sub("", subject).strip()


_POSSESSIVE = re.compile(r"['’]s$")


def _words(text: str) -> list[str]:
    """The words of a headline, without end punctuation or a possessive ("5D's")."""
    found = (_POSSESSIVE.sub("", word).strip(".'’") for word in text.split())
    return [word for word in found if word]


# The headline's readings are asked of every pair a thread is in (a year of threads: its
# every candidate): each subject is read once. Strings in, bools and frozen sets out.
_CACHED = 16384


@lru_cache(maxsize=_CACHED)
def is_event(subject: str) -> bool:
    """Whether the headline is about an event (and names no work beside it)."""
    words = {w.lower() for w in _words(_SEGMENT.sub(" ", headline(subject)))}
    if not words & EVENT_WORDS:
        return False
    return bool(words & LOGISTICS_WORDS) or not words & WORK_WORDS


@lru_cache(maxsize=_CACHED)
def is_house(subject: str) -> bool:
    """Whether the headline is about ITU's own house (:data:`HOUSE_WORDS`), not work on
    a subject.

        >>> is_house("New Wi-Fi networks at HQ and CICG from 1 October")
        True
        >>> is_house("Model decision: licence-exempt Wi-Fi at 6 GHz")
        False
    """
    return bool({w.lower() for w in _words(_SEGMENT.sub(" ", headline(subject)))}
                & HOUSE_WORDS)


# How a headline names a Sector: the Sector itself, its Bureau or its advisory group.
_SECTOR_NAMES = (
    ("ITU-R", re.compile(r"\b(?:ITU-R|BR|RAG)\b")),
    ("ITU-T", re.compile(r"\b(?:ITU-T|TSB|TSAG)\b")),
    ("ITU-D", re.compile(r"\b(?:ITU-D|BDT|TDAG)\b")),
    ("GS", re.compile(r"\bGeneral Secretariat\b", re.IGNORECASE)),
)


# The study groups of each Sector (ITU-R SG1-7, ITU-T SG2-21, ITU-D SG1-2): a study
# group, or a Question of one ("Q10/17"), written without its Sector belongs to the only
# Sector with a study group of that number; "SG5" (ITU-T's or ITU-R's) to none.
_STUDY_GROUPS = {"ITU-R": {1, 3, 4, 5, 6, 7}, "ITU-D": {1, 2},
                 "ITU-T": {2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20, 21}}
_BODY = re.compile(r"(?<![\w/-])(?:SG\s?(?P<sg>\d{1,2})|Q\d{1,2}/(?P<qsg>\d{1,2})|"
                   r"WP\s?(?P<wp>\d[A-F]))(?![\w/])")


def _body_sector(match: re.Match[str]) -> str | None:
    if match.group("wp"):
        return "ITU-R"  # "WP 5D": the lettered working parties are ITU-R's
    number = int(match.group("sg") or match.group("qsg"))
    owners = [sector for sector, groups in _STUDY_GROUPS.items() if number in groups]
    return owners[0] if len(owners) == 1 else None


def _bodies_named(text: str) -> set[str]:
    """The Sectors of the bodies a headline names without their Sector ("SG15's fault
    register": ITU-T). A body written with its Sector names the Sector anyway."""
    found = set()
    for match in _BODY.finditer(text):
        sector = text[max(0, match.start() - 6):match.start()].strip()
        owner = sector if sector in _STUDY_GROUPS else _body_sector(match)
        if owner is not None:
            found.add(owner)
    return found


# A body as a headline names it, short or long ("SG15", "Study Group 15", "Q7/5",
# "Question 7/5", "WP 5D", "Working Party 6B", "WP2/15"), for :func:`bodies_named`.
_NAMED_BODY = re.compile(
    r"(?<![\w/-])(?:(?:SG|Study\s+Group)\s?(?P<sg>\d{1,2})|(?:Q|Question)\s?"
    r"(?P<q>\d{1,2}/\d{1,2})|(?:WP|Working\s+Party)\s?(?P<wp>\d[A-F]|\d{1,2}/\d{1,2}))"
    r"(?![\w/])", re.IGNORECASE)


def bodies_named(subject: str) -> set[str]:
    """The study groups, Questions and working parties a headline names, written as the
    watch keys them ("SG15", "Q7/5", "WP5D"): the bodies whose work the thread is about.

        >>> sorted(bodies_named("WP 6B preliminary draft new Report; Study Group 16 input"))
        ['SG16', 'WP6B']
    """
    return set(_bodies_named_in(subject))


@lru_cache(maxsize=_CACHED)
def _bodies_named_in(subject: str) -> frozenset[str]:
    found = set()
    for match in _NAMED_BODY.finditer(headline(subject)):
        if match.group("sg"):
            found.add(f"SG{int(match.group('sg'))}")
        elif match.group("q"):
            found.add(f"Q{match.group('q')}")
        else:
            found.add(f"WP{match.group('wp').upper()}")
    return frozenset(found)


@lru_cache(maxsize=_CACHED)
def names_work(subject: str) -> bool:
    """Whether the headline names a piece of work: a deliverable or a study
    (:data:`WORK_WORDS`: "toolkit", "draft", "guide" ...) or the body doing it ("SG13
    progress on Y.NDT-arch"), not a newsletter, an announcement or a question.

        >>> names_work("Digital Transformation Centres: newsletter, October 2026")
        False
        >>> names_work("SG13 progress on Y.NDT-arch (network digital twin)")
        True
    """
    words = {w.lower() for w in _words(_SEGMENT.sub(" ", headline(subject)))}
    return bool(words & WORK_WORDS) or bool(bodies_named(subject))


@lru_cache(maxsize=_CACHED)
def is_news(subject: str) -> bool:
    """Whether the headline is news (a newsletter, a bulletin), not a piece of work.

        >>> is_news("Digital Transformation Centres: newsletter, October 2026")
        True
    """
    return bool({w.lower() for w in _words(_SEGMENT.sub(" ", headline(subject)))}
                & NEWS_WORDS)


def sectors_named(subject: str) -> set[str]:
    """The Sectors a headline names ("LS from ITU-T SG5 to ITU-D SG2": ITU-T and ITU-D):
    the Sector, its Bureau or advisory group, or one of its bodies ("SG15", "Q10/17",
    "WP 5D").

    A thread whose headline names another Sector than its own is addressed to that
    Sector's work (a liaison to it, an invitation, data offered for it): the two Sectors
    already work together on the subject.

        >>> sorted(sectors_named("BR assignment data offered for BDT's coverage indicators"))
        ['ITU-D', 'ITU-R']
        >>> sorted(sectors_named("TDAG proposal: feeding outage records into SG15's register"))
        ['ITU-D', 'ITU-T']
    """
    return set(_sectors_named_in(subject))


@lru_cache(maxsize=_CACHED)
def _sectors_named_in(subject: str) -> frozenset[str]:
    text = headline(subject)
    named = {sector for sector, pattern in _SECTOR_NAMES if pattern.search(text)}
    return frozenset(named | _bodies_named(text))


def _proper(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _specific(word: str) -> bool:
    """A word that can name one body or work: a code with letters and digits ("SG5",
    "5D", "WTIS-26") or a capitalised word ("Facts", "Figures"), not a generic one.
    Acronyms without digits ("EMF", "QoS") name a subject, which two Sectors may well
    both work on, not somebody's work."""
    if word.lower() in _GENERIC:
        return False
    if any(c.isdigit() for c in word):
        return any(c.isalpha() for c in word)
    return len(word) > 2 and word[0].isupper() and word[1:].islower()


def _runs(segment: str) -> list[list[str]]:
    """Runs of capitalised words and numbers, joined by connectors ("Facts and
    Figures 2026")."""
    runs: list[list[str]] = []
    current: list[str] = []
    words = _words(segment)
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if _proper(word) or (current and word in _CONNECTORS and _proper(following)):
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def names(subject: str) -> set[tuple[str, ...]]:
    """The names in a headline: every part of a run of capitalised words with two
    capitalised words or numbers, one of them not generic ("ITU-T SG5", "Facts and
    Figures"), lower case."""
    return set(_names_in(subject))


@lru_cache(maxsize=_CACHED)
def _names_in(subject: str) -> frozenset[tuple[str, ...]]:
    found = set()
    for segment in _SEGMENT.split(headline(subject)):
        for run in _runs(segment):
            for start in range(len(run)):
                for end in range(start + 2, len(run) + 1):
                    part = run[start:end]
                    if (_proper(part[0]) and _proper(part[-1])
                            and sum(map(_proper, part)) >= 2 and any(map(_specific, part))):
                        found.add(tuple(w.lower() for w in part))
    return frozenset(found)


def _contains(words: list[str], name: tuple[str, ...]) -> bool:
    size = len(name)
    return any(tuple(words[i:i + size]) == name for i in range(len(words) - size + 1))


def names_the_other(subject: str, other: str) -> bool:
    """Whether either headline names a body or titled work named in the other."""
    for first, second in ((subject, other), (other, subject)):
        words = _headline_words(second)
        if any(_contains(words, name) for name in _names_in(first)):
            return True
    return False


@lru_cache(maxsize=_CACHED)
def _headline_words(subject: str) -> list[str]:
    """The headline's words in lower case, its segments run together (read, not changed)."""
    return [w.lower() for w in _words(_SEGMENT.sub(" ", headline(subject)))]


def headline_words(subject: str) -> frozenset[str]:
    """The headline's words in lower case, without list tags, reply prefixes and end
    punctuation.

        >>> sorted(headline_words("[list] Toolkit idea: satellite imagery"))
        ['idea', 'imagery', 'satellite', 'toolkit']
    """
    return frozenset(_headline_words(subject))


__all__ = ["EVENT_WORDS", "HOUSE_WORDS", "LOGISTICS_WORDS", "NEWS_WORDS", "WORK_WORDS",
           "bodies_named", "headline", "headline_words", "is_event", "is_house", "is_news",
           "names", "names_the_other", "names_work", "sectors_named"]
