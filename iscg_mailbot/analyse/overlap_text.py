"""How close two threads' wording is, for the duplication watch
(:mod:`iscg_mailbot.analyse.overlaps`), when two Sectors describe one subject in their
own words ("returning end-of-life handsets" beside "e-waste collection"; "a maturity
model for incident response teams" beside "evaluating national CIRT capabilities").

A thread becomes a bag of *terms*:

* phrases of ITU's domain that say one thing in several ways become one concept
  (:mod:`iscg_mailbot.analyse.overlap_concepts`: "machine learning" and "AI"; "CIRT" and
  "incident response team"; "handbook", "guide" and "toolkit");
* other words become their lemma key (:class:`iscg_mailbot.analyse.nlp.LemmaKeys`:
  lower case, American spelling, lemma) with a derivational ending cut off, so that
  "collection", "collecting" and "collected" are one term;
* common English words, mail courtesies and the words every thread of the list uses
  (:data:`LIST_WORDS`) are left out.

Terms are weighted by TF-IDF fitted on the threads being compared (a term most threads
use weighs little). Two cosines are taken: of the whole text (the headline counted
twice) and of the headlines alone, where the thread names its deliverable; the
similarity is their mean.

    >>> terms("BDT guideline on monitoring network performance")
    ['guidance', 'assess', 'qos']

Pure: strings in, numbers out.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from iscg_mailbot.analyse.overlap_acronyms import defines_other, spelled_out
from iscg_mailbot.analyse.overlap_concepts import CONCEPTS, FORM_CONCEPTS, SUBJECT_CONCEPTS
from iscg_mailbot.analyse.overlap_headlines import headline
from iscg_mailbot.analyse.text_gates import folded, trie_pattern

# Words every thread of the list uses, courtesies, dates: they make any two threads
# look alike.
LIST_WORDS = frozenset("""
the and for with that this from have has are was were will would could should can may
our your their its his her they them you all any each other also more most some such
not but into than then there here what which who whom whose when where how about over
under between within without through during before after above below again further once
dear colleagues colleague regards best thank thanks kind please find attached note fyi
information iscg itu members member list meeting meetings group sector sectors secretariat
itu-t itu-r itu-d bdt tsb study question questions work draft new next first year
int-sect-team saludos cordiales hola merci
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
""".split())  # noqa: SIM905 - a word list reads best as text
# The form of a liaison statement and of the groups' procedure: its field labels, its
# stock phrases ("for action as deemed appropriate", "invited to note this document and
# provide comments") and the advisory groups it goes to. Any two liaisons share them
# whatever they are about (on the sample, two LS threads shared 25 such terms and
# nothing of their subjects). Left out of a thread's text terms; its headline keeps them.
PROCEDURE_WORDS = frozenset("""
liaison statement source title action required deadline contact abstract summary annex
appropriate deem invite request provide comment reply copy address document note noted
input output contribution item agree register rag tsag tdag rev
""".split())  # noqa: SIM905 - a word list reads best as text
# Lower-case acronyms never spelled out (the list's own names, "ISCG", "RAG": spelled
# out they would become words the comparison counts).
KEEP_ACRONYMS = LIST_WORDS | PROCEDURE_WORDS
# Derivational endings cut off a lemma key (when at least four letters stay).
_ENDINGS = ("ations", "ation", "ments", "ment", "ings", "ing", "ities", "ity", "ions",
            "ion", "ates", "ate", "ed")
# Words of three letters or more, accented ones whole ("María", not "mar").
_WORD = re.compile(r"[^\W\d_][\w-]{2,}")
_MARK = "zzconcept"
# What a text weighs: the headline twice, where the work is named.
SUBJECT_COPIES = 2


@lru_cache(maxsize=2)
def _concepts(subjects: bool = True) -> tuple[re.Pattern[str], dict[str, str]]:
    table = CONCEPTS if subjects else FORM_CONCEPTS
    wordings = {phrase: concept for concept, phrases in table.items()
                for phrase in phrases}
    # The phrases as a trie ("incident(?: response team)?"): the longest phrase that
    # ends at a word's end wins ("incident response team" before "incident"), as with
    # the alternation of every phrase longest first, which tried ~400 phrases at each
    # character (most of the watch's time). The phrases are lower-case ASCII, so no
    # two branches of the trie take the same character.
    return (re.compile(rf"(?<![\w-])(?:{trie_pattern(wordings)})(?![\w-])", re.IGNORECASE),
            wordings)


@lru_cache(maxsize=2)
def _concepts_exact(subjects: bool = True) -> re.Pattern[str]:
    """:func:`_concepts`' pattern for lower-case ASCII text, without its IGNORECASE flag
    (read with ASCII classes: the same matches in an ASCII text, found sooner), and with
    the character before the phrase taken in the match instead of looked behind at: a
    pattern that opens with a character class is searched by skipping to the next
    character of the class (a space, a line break, a stop: no letter, digit, "_" or "-"),
    while the look-behind was tried at every character. Searched in the text after a
    space (a phrase at its start has that space before it); the phrase is group 1."""
    return re.compile(rf"[^\w-]({trie_pattern(_concepts(subjects)[1])})(?![\w-])", re.ASCII)


def _stem(key: str) -> str:
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


def spelled_terms(text: str, *, subjects: bool = True,
                  procedure: bool = True) -> list[tuple[str, str]]:
    """The terms of ``text`` in order, each with a word that spells it for a reader: a
    concept's name, or the lemma key a stem was cut from ("supplement" for "supple").
    ``subjects=False`` leaves the subject concepts out (their wordings stay words);
    ``procedure=False`` leaves out the words of :data:`PROCEDURE_WORDS`."""
    pattern, wordings = _concepts(subjects)
    if text.isascii():
        # The phrases are lower-case ASCII: in an ASCII text the case-sensitive pattern
        # finds in the lower-cased text what the case-insensitive one finds in the text
        # (at the same offsets), at half the cost. The marks are lower-case ASCII (the
        # concepts' names): the marked text is lower-case ASCII as it is.
        words = _WORD_ASCII.findall(_concepts_exact(subjects).sub(
            lambda m: f"{m.group(0)[0]} {_MARK}{wordings[m.group(1)]} ", " " + text.lower()))
    else:
        marked = pattern.sub(lambda m: f" {_MARK}{wordings[folded(m.group(0))]} ",
                             text).lower()
        words = (_WORD_ASCII if marked.isascii() else _WORD).findall(marked)
    known = _WORD_TERMS if procedure else _TEXT_TERMS
    try:
        # Each word's term looked up in C; None (a word left out) dropped. Most texts
        # hold only words met before: no set of their words is made to find new ones.
        return list(filter(None, map(known.__getitem__, words)))
    except KeyError:  # a word not met before: the terms of the new ones first
        new = set(words).difference(known)
    if len(known) + len(new) > _MOST_WORDS:
        known.clear()
        new = set(words)
    for word in new:
        known[word] = _word_term(word, procedure)
    return list(filter(None, map(known.__getitem__, words)))


# Per word, its (stem, lemma key) or a concept's (name, name), None for a word left out:
# a list's words repeat, and the lemma lookup and stemming of each occurrence were a
# third of the watch's time. Two tables: with and without PROCEDURE_WORDS.
_WORD_TERMS: dict[str, tuple[str, str] | None] = {}
_TEXT_TERMS: dict[str, tuple[str, str] | None] = {}
_MOST_WORDS = 200_000
# _WORD with ASCII classes: the same words in an ASCII text, found a fifth sooner.
_WORD_ASCII = re.compile(_WORD.pattern, re.ASCII)


def _word_term(word: str, procedure: bool) -> tuple[str, str] | None:
    """The term of a lower-case word of a marked text: a concept's mark gives the
    concept, any other word its (stem, lemma key), None for a word left out (a word of
    PROCEDURE_WORDS too unless ``procedure``)."""
    if word.startswith(_MARK):
        concept = word[len(_MARK):]
        return (concept, concept)
    # Here, not at the top: the digest reads stored terms and needs no word tables.
    from iscg_mailbot.analyse.lemma_keys import LemmaKeys, common_words

    key = LemmaKeys.load().table_key(word)
    if word in LIST_WORDS or key in LIST_WORDS or key in common_words():
        return None
    if not procedure and key in PROCEDURE_WORDS:
        return None
    return (_stem(key), key)


def terms(text: str, *, subjects: bool = True) -> list[str]:
    """The terms of ``text`` in order: concepts, then stems of the other content words."""
    return [term for term, _ in spelled_terms(text, subjects=subjects)]


Vector = dict[str, float]


def _unit(weights: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {term: value / norm for term, value in weights.items()}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


@dataclass(frozen=True)
class ThreadTerms:
    """What the comparison reads of a thread: each term's count (in the order the terms
    are first met: the headline twice, then the text) with the word that first spelled
    it, and the terms of its headline (:func:`thread_terms`)."""

    counts: dict[str, int]
    spelling: dict[str, str]
    headline: tuple[str, ...]

    def spelled(self) -> Iterable[tuple[str, str]]:
        """(term, first spelling) of each term."""
        return self.spelling.items()


# A text's terms counted: (term, count, the word that first spelled it), in the order
# first met. Terms do not run across lines (no phrase or word holds a line break), so
# the terms of lines joined are those of each line, one after the other.
Counted = list[tuple[str, int, str]]


def counted_terms(text: str, *, subjects: bool = True) -> Counted:
    """The text terms of ``text`` (procedure words left out) counted, in the order first
    met (see :data:`Counted`)."""
    found: dict[str, list[Any]] = {}
    for term, word in spelled_terms(text, subjects=subjects, procedure=False):
        entry = found.get(term)
        if entry is None:
            found[term] = [1, word]
        else:
            entry[0] += 1
    return [(term, count, word) for term, (count, word) in found.items()]


def joined_terms(subject: Counted, headline_terms: Sequence[str],
                 parts: Iterable[Counted]) -> ThreadTerms:
    """The :func:`thread_terms` of a thread read in parts: its headline's counted terms
    (counted SUBJECT_COPIES times) and terms, and its text's lines' counted terms, in
    order."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for part in itertools.chain([subject] * SUBJECT_COPIES, parts):
        for term, count, word in part:
            counts[term] = counts.get(term, 0) + count
            spelling.setdefault(term, word)
    return ThreadTerms(counts, spelling, tuple(headline_terms))


def thread_terms(subject: str, text: str, *, subjects: bool = True) -> ThreadTerms:
    """What the comparison reads of a thread: its headline ``subject`` and its ``text``.

    An acronym the thread spells out is read as its words ("DPI": digital public
    infrastructure here, deep packet inspection there;
    :mod:`iscg_mailbot.analyse.overlap_acronyms`)."""
    subject, text = spelled_out(subject, text, KEEP_ACRONYMS)
    spelled = spelled_terms("\n".join([subject] * SUBJECT_COPIES + [text]), subjects=subjects,
                            procedure=False)
    spelling: dict[str, str] = {}
    for term, word in spelled:
        spelling.setdefault(term, word)
    return ThreadTerms(dict(Counter(term for term, _ in spelled)), spelling,
                       tuple(terms(headline(subject), subjects=subjects)))


def spells_out_acronyms(subject: str, text: str) -> bool:
    """Whether :func:`thread_terms` reads an acronym of this thread as its words: then
    the thread's terms depend on its whole text, and are not kept per message."""
    return defines_other(subject + "\n" + text, KEEP_ACRONYMS)


# Stored terms are plain text, read without a JSON parser: a year of threads is a few
# hundred thousand terms. Terms and words hold no control characters.
_SEPARATOR = "\x1f"


def packed_terms(read: ThreadTerms) -> tuple[str, str, str, str] | None:
    """``read`` as four strings (terms, counts, first spellings, headline terms) for
    :func:`unpacked_terms`; None when a word holds the separator (then not stored)."""
    words = [read.spelling[term] for term in read.counts]
    fields = (*read.counts, *words, *read.headline)
    if _SEPARATOR in "".join(fields):  # (one character: in the joint iff in a field)
        return None
    return (_SEPARATOR.join(read.counts), " ".join(map(str, read.counts.values())),
            _SEPARATOR.join(words), _SEPARATOR.join(read.headline))


def _split(text: str) -> list[str]:
    return text.split(_SEPARATOR) if text else []


def unpacked_terms(terms: str, counts: str, words: str, headline_terms: str) -> ThreadTerms:
    """The :class:`ThreadTerms` of :func:`packed_terms`' strings."""
    keys = _split(terms)
    return ThreadTerms(dict(zip(keys, map(int, counts.split()), strict=True)),
                       dict(zip(keys, _split(words), strict=True)),
                       tuple(_split(headline_terms)))


class PackedTerms:
    """:class:`ThreadTerms` from :func:`packed_terms`' strings, the counts and spellings
    unpacked when asked for: fitting a year of threads needs only which terms each has,
    and only the threads of the pairs compared are unpacked."""

    def __init__(self, terms: str, counts: str, words: str, headline_terms: str) -> None:
        self.keys = _split(terms)
        self._packed = (counts, words, headline_terms)

    @cached_property
    def counts(self) -> dict[str, int]:
        """Each term's count, in the order first met."""
        return dict(zip(self.keys, map(int, self._packed[0].split()), strict=True))

    @cached_property
    def spelling(self) -> dict[str, str]:
        """The word that first spelled each term."""
        return dict(self.spelled())

    @property
    def headline(self) -> tuple[str, ...]:
        """The terms of the headline."""
        return tuple(_split(self._packed[2]))

    def spelled(self) -> Iterable[tuple[str, str]]:
        """(term, first spelling) of each term."""
        return zip(self.keys, _split(self._packed[1]), strict=True)


# What the comparison reads of a thread: read from the texts or stored.
ReadTerms = ThreadTerms | PackedTerms


#: Raised whenever the terms a text gives change (the reading code, not the tables below,
#: which the fingerprint reads): tests/test_overlap_terms.py holds the terms of the
#: sample archive to a fingerprint recorded with this number.
TERMS_VERSION = 2


@lru_cache(maxsize=1)
def terms_version() -> str:
    """A fingerprint of how terms are read: :data:`TERMS_VERSION`, the concept table,
    the list's words, the endings cut and the version of the word tables
    (spacy-lookups-data). Terms stored under another fingerprint are read again."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(repr((TERMS_VERSION, sorted((k, tuple(v)) for k, v in CONCEPTS.items()),
                        sorted(SUBJECT_CONCEPTS), sorted(LIST_WORDS), sorted(PROCEDURE_WORDS), _ENDINGS,
                        SUBJECT_COPIES)).encode())
    with contextlib.suppress(PackageNotFoundError):
        digest.update(version("spacy-lookups-data").encode())
    return digest.hexdigest()


class TextSimilarity:
    """TF-IDF vectors of threads (text and headline), fitted on the threads compared.

    ``texts`` maps a thread id to its (subject, text). ``subjects=False`` reads them
    without the subject concepts of :mod:`overlap_concepts` (for ``overlaps evaluate
    --without-concepts``: how the comparison fares on subjects the table does not know).
    :meth:`of_terms` fits threads already read (:func:`thread_terms`, or stored). A
    thread's vectors are made when a pair asks for them.
    """

    def __init__(self, texts: Mapping[int, tuple[str, str]], *,
                 subjects: bool = True) -> None:
        self._fit({key: thread_terms(subject, text, subjects=subjects)
                   for key, (subject, text) in texts.items()})

    @classmethod
    def of_terms(cls, threads: Mapping[int, ReadTerms]) -> TextSimilarity:
        """The similarity of threads already read, in the order given."""
        similarity = cls.__new__(cls)
        similarity._fit(threads)
        return similarity

    def _fit(self, threads: Mapping[int, ReadTerms]) -> None:
        self._threads = threads
        # Each term spelled as the first thread that has it spells it: the threads'
        # spellings laid over one another from the last to the first.
        self._spelling: dict[str, str] = {}
        for found in reversed(list(threads.values())):
            self._spelling.update(found.spelled())
        self._documents: Counter[str] = Counter()
        for found in threads.values():
            # Each term once per thread (a mapping would add its counts).
            self._documents.update(found.keys if isinstance(found, PackedTerms)
                                   else found.counts.keys())
        self._total = len(threads)
        self._vectors: dict[int, tuple[Vector, Vector]] = {}
        self._last: tuple[tuple[int, int] | None, tuple[float, float]] = (None, (0.0, 0.0))

    def _idf(self, term: str) -> float:
        return math.log((1 + self._total) / (1 + self._documents[term]))

    def _vector(self, key: int) -> tuple[Vector, Vector]:
        """The thread's (text, headline) vectors."""
        found = self._vectors.get(key)
        if found is None:
            read, idf = self._threads[key], self._idf
            found = (_unit({t: (1 + math.log(n)) * idf(t) for t, n in read.counts.items()}),
                     _unit({t: idf(t) for t in set(read.headline)}))
            self._vectors[key] = found
        return found

    def weights(self, key: int) -> tuple[Vector, Vector]:
        """The thread's TF-IDF weights of text and headline (unit length, never negative)."""
        return self._vector(key)

    def _cosines(self, a: int, b: int) -> tuple[float, float]:
        """The text and headline cosines of the pair: the watch asks for them several
        times a pair, one pair after another, so the last pair's are kept."""
        if self._last[0] != (a, b):
            (text_a, headline_a), (text_b, headline_b) = self._vector(a), self._vector(b)
            self._last = ((a, b), (_cosine(text_a, text_b), _cosine(headline_a, headline_b)))
        return self._last[1]

    def __call__(self, a: int, b: int, without: Collection[str] = ()) -> float:
        """The mean of the two threads' text cosine and headline cosine, 0 to 1;
        ``without`` leaves out what these terms add (the wording beyond a subject)."""
        (text_a, headline_a), (text_b, headline_b) = self._vector(a), self._vector(b)
        pairs = ((text_a, text_b), (headline_a, headline_b))
        return sum(cosine - sum(x.get(t, 0.0) * y.get(t, 0.0) for t in without)
                   for cosine, (x, y) in zip(self._cosines(a, b), pairs, strict=True)) / 2

    def text_cosine(self, a: int, b: int) -> float:
        """The cosine of the two threads' whole texts alone (headline counted twice),
        0 to 1: two descriptions of one piece of work share words across the text even
        where their headlines name it differently."""
        return self._cosines(a, b)[0]

    def common(self, a: int, b: int) -> tuple[int, bool]:
        """How many terms the two texts have in common, and whether the headlines have
        one."""
        (text_a, headline_a), (text_b, headline_b) = self._vector(a), self._vector(b)
        return len(text_a.keys() & text_b.keys()), bool(headline_a.keys() & headline_b.keys())

    def shared_subjects(self, a: int, b: int) -> tuple[str, ...]:
        """The subject concepts (:data:`overlap_concepts.SUBJECT_CONCEPTS`) both threads
        use, in name order: evidence of one subject, as a topic both are tagged with."""
        return tuple(sorted(t for t in self._vector(a)[0].keys() & self._vector(b)[0].keys()
                            if t in SUBJECT_CONCEPTS))

    def shared(self, a: int, b: int, most: int = 5) -> list[str]:
        """The terms that weigh most in both threads' text, heaviest first, spelled for a
        reader."""
        first, second = self._vector(a)[0], self._vector(b)[0]
        both = sorted(((first[t] * second[t], t) for t in first if t in second), reverse=True)
        return [self._spelling.get(term, term) for weight, term in both[:most] if weight > 0]


__all__ = ["CONCEPTS", "LIST_WORDS", "PROCEDURE_WORDS", "Counted", "PackedTerms", "ReadTerms",
           "TextSimilarity", "ThreadTerms", "counted_terms", "joined_terms", "packed_terms",
           "spelled_terms", "spells_out_acronyms", "terms", "terms_version", "thread_terms",
           "unpacked_terms"]
