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

import math
import re
from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache

from iscg_mailbot.analyse.nlp import LemmaKeys, common_words
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


def _stem(key: str) -> str:
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


def spelled_terms(text: str, *, subjects: bool = True) -> list[tuple[str, str]]:
    """The terms of ``text`` in order, each with a word that spells it for a reader: a
    concept's name, or the lemma key a stem was cut from ("supplement" for "supple").
    ``subjects=False`` leaves the subject concepts out (their wordings stay words)."""
    pattern, wordings = _concepts(subjects)
    marked = pattern.sub(lambda m: f" {_MARK}{wordings[folded(m.group(0))]} ", text)
    found = []
    known = _WORD_TERMS
    for word in _WORD.findall(marked.lower()):
        if word.startswith(_MARK):
            concept = word[len(_MARK):]
            found.append((concept, concept))
            continue
        term = known.get(word, _UNSEEN)
        if term is _UNSEEN:
            term = _word_term(word)
        if term is not None:
            found.append(term)
    return found


# A word's (stem, lemma key), None for a word left out: a list's words repeat, and the
# lemma lookup and stemming of each occurrence were a third of the watch's time.
_WORD_TERMS: dict[str, tuple[str, str] | None] = {}
_UNSEEN = ("", "")
_MOST_WORDS = 200_000


def _word_term(word: str) -> tuple[str, str] | None:
    """The (stem, lemma key) of a lower-case word, None for a word left out; remembered."""
    key = LemmaKeys.load()(word)
    term = None
    if word not in LIST_WORDS and key not in LIST_WORDS and key not in common_words():
        term = (_stem(key), key)
    if len(_WORD_TERMS) >= _MOST_WORDS:
        _WORD_TERMS.clear()
    _WORD_TERMS[word] = term
    return term


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


class TextSimilarity:
    """TF-IDF vectors of threads (text and headline), fitted on the threads compared.

    ``texts`` maps a thread id to its (subject, text). ``subjects=False`` reads them
    without the subject concepts of :mod:`overlap_concepts` (for ``overlaps evaluate
    --without-concepts``: how the comparison fares on subjects the table does not know).
    """

    def __init__(self, texts: Mapping[int, tuple[str, str]], *,
                 subjects: bool = True) -> None:
        counts: dict[int, Counter[str]] = {}
        self._spelling: dict[str, str] = {}
        for key, (subject, text) in texts.items():
            spelled = spelled_terms("\n".join([subject] * SUBJECT_COPIES + [text]),
                                    subjects=subjects)
            counts[key] = Counter(term for term, _ in spelled)
            for term, word in spelled:
                self._spelling.setdefault(term, word)
        documents = Counter(term for found in counts.values() for term in found)
        total = len(counts)

        def idf(term: str) -> float:
            return math.log((1 + total) / (1 + documents[term]))

        self._text = {key: _unit({t: (1 + math.log(n)) * idf(t) for t, n in found.items()})
                      for key, found in counts.items()}
        self._headline = {key: _unit({t: idf(t) for t in
                                      set(terms(headline(subject), subjects=subjects))})
                          for key, (subject, _) in texts.items()}

    def __call__(self, a: int, b: int, without: Collection[str] = ()) -> float:
        """The mean of the two threads' text cosine and headline cosine, 0 to 1;
        ``without`` leaves out what these terms add (the wording beyond a subject)."""
        pairs = ((self._text[a], self._text[b]), (self._headline[a], self._headline[b]))
        return sum(_cosine(x, y) - sum(x.get(t, 0.0) * y.get(t, 0.0) for t in without)
                   for x, y in pairs) / 2

    def shared_subjects(self, a: int, b: int) -> tuple[str, ...]:
        """The subject concepts (:data:`overlap_concepts.SUBJECT_CONCEPTS`) both threads
        use, in name order: evidence of one subject, as a topic both are tagged with."""
        return tuple(sorted(t for t in self._text[a].keys() & self._text[b].keys()
                            if t in SUBJECT_CONCEPTS))

    def shared(self, a: int, b: int, most: int = 5) -> list[str]:
        """The terms that weigh most in both threads' text, heaviest first, spelled for a
        reader."""
        first, second = self._text[a], self._text[b]
        both = sorted(((first[t] * second[t], t) for t in first if t in second), reverse=True)
        return [self._spelling.get(term, term) for weight, term in both[:most] if weight > 0]


__all__ = ["CONCEPTS", "LIST_WORDS", "TextSimilarity", "spelled_terms", "terms"]
