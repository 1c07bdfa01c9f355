"""Words to their matching keys (lower case, American spelling, lemma) and the
commonest English words, read without spaCy.

The tagger's pipeline (:mod:`iscg_mailbot.analyse.nlp_pipeline`) and the duplication
watch's terms (:mod:`iscg_mailbot.analyse.overlap_text`) share these tables. The watch
tokenizes with a regular expression, not spaCy: a digest that reads a few threads from
their texts (a thread spelling out an acronym, cut by the year's window) imported spaCy
(~0.65 s) only to load two JSON tables of spacy-lookups-data, which ``json`` and
``gzip`` read alike (``tests/test_lemma_keys.py``).
"""

from __future__ import annotations

import gzip
import itertools
import json
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from iscg_mailbot.analyse.nlp_text import DASHES

#: The commonest English words as lemma keys, and mail courtesies, as shipped
#: (:func:`iscg_mailbot.analyse.nlp_pipeline.common_words_from_tables` made it): reading
#: a million probabilities to keep ~470 words cost every process that tokenizes (each
#: analysis worker) about a second.
COMMON_WORDS_FILE = "common-words.txt"


class LemmaKeys:
    """Maps a word to its matching key: lower case, British spelling to American
    (spacy-lookups-data ``lexeme_norm``), then the lemma (``lemma_lookup``). A word
    the tables do not know at all (new vocabulary: "webinars", "chatbots") reads as
    its regular singular (:func:`regular_singular`; "e-wastes" -> "e-waste"), so that
    the tagger's phrases meet it in either number. Where the tables' word-by-word
    lemmas read a noun as an unrelated word, the noun keeps itself
    (:meth:`_own_keys`): "number" is not "numb", and meets "numbers".
    :meth:`table_key` is the key the tables alone give (what the duplication watch
    reads).

    >>> keys = LemmaKeys.load()
    >>> keys("Organisations"), keys("Webinars"), keys("news"), keys.table_key("Webinars")
    ('organization', 'webinar', 'news', 'webinars')
    >>> keys("number") == keys("numbers"), keys("number"), keys.table_key("number")
    (True, 'number', 'numb')
    """

    def __init__(self, norms: dict[str, str], lemmas: dict[str, str]) -> None:
        self._norms = norms
        self._lemmas = lemmas

    @classmethod
    def load(cls) -> LemmaKeys:
        """Read the English tables shipped with spacy-lookups-data (cached)."""
        return _load_lemma_keys()

    @cached_property
    def _known(self) -> frozenset[str]:
        """Every word the tables hold, as a lemma or as a word (``lemma_index``: WordNet's
        nouns, verbs, adjectives and adverbs): only words outside it are guessed at. Read
        when first needed: the duplication watch, reading :meth:`table_key`, never does."""
        import spacy_lookups_data

        index: dict[str, list[str]] = lookups_table(spacy_lookups_data.en["lemma_index"])
        return frozenset(itertools.chain(self._norms.values(), self._lemmas.values(),
                                         *index.values()))

    def __getstate__(self) -> dict[str, Any]:
        # A pickled tagger (services/tagger_cache.py) holds its keys as NORM's getter:
        # not the known words, which are read again faster than unpickled.
        state = dict(self.__dict__)
        state.pop("_known", None)
        state.pop("_own_keys", None)
        return state

    @cached_property
    def _own_keys(self) -> dict[str, str]:
        """Corrected keys of the words whose table lemma would part a noun from its plural.

        ``lemma_lookup`` has one lemma per spelling, whatever the part of speech, so it
        reads some nouns as another word: "number" as the comparative of "numb",
        "matter" as "matt", "feed" as "fee", "agenda" as "agendum", while "numbers" is
        "number"; a phrase "emergency number" then never met "emergency numbers". A word
        the table gives as the lemma of its own regular plural is a noun, and keeps
        itself: "number" -> "number", the key of "numbers" (the singular no longer
        meets "numb", which no phrase means).

        Not "-ing" nouns ("meeting" -> "meet", "meetings" -> "meeting"), nor ordinals
        read as digits ("fifth" -> "5"): the singular keeps the verb (or digit) the
        table gives it, and its plural stays apart. Joining them (the plural keyed as
        the verb) was tried and lowered the topic figures (docs/evaluation.md,
        tk-r22): the writers read "regional preparatory meetings" as the preparatory
        cycle, not an event, and the topic list relies on the split.

        And a lemma in British spelling is made American as the word was
        ("normalisations" -> "normalisation" -> "normalization"). Made once, when the
        tagger first keys a word (two passes over the table's ~40,000 entries, ~50 ms,
        a quarter of reading :attr:`_known`)."""
        lemmas, norms = self._lemmas, self._norms
        keys: dict[str, str] = {}
        for word, lemma in lemmas.items():
            american = norms.get(lemma, lemma)
            if american != lemma:
                keys[word] = lemmas.get(american, american)
        for plural, singular in lemmas.items():
            if plural[-1:] != "s":
                continue
            lemma = lemmas.get(singular, singular)
            if lemma == singular or plural not in _regular_plurals(singular):
                continue
            if not singular.endswith("ing") and lemma.isalpha():
                keys[singular] = singular
        return keys

    def table_key(self, word: str) -> str:
        """The key the tables give: new vocabulary stays as written ("webinars"). The
        duplication watch reads these: its thresholds were fitted on them, and a term's
        spelling feeds its embedding model, which reads the words as written better than
        guessed singulars of names and acronyms ("tomá" for "Tomás", "copuo" for "COPUOS";
        docs/evaluation.md, 2026-12-04)."""
        normal = self._normal(word)
        return self._lemmas.get(normal, normal)

    def _normal(self, word: str) -> str:
        """The word in lower case and American spelling."""
        if word in DASHES:
            # Word processors turn "-" into an en dash: "cyber–security".
            return "-"
        lower = word.lower()
        return self._norms.get(lower, lower)

    def __call__(self, word: str) -> str:
        normal = self._normal(word)
        key = self._own_keys.get(normal) or self._lemmas.get(normal, normal)
        # A lemma the tables give is among the known words, and so are "news", "gas",
        # "analysis": words of their own, not plurals. Only the rest is guessed at.
        return key if key in self._known else self._guessed(key)

    def _guessed(self, word: str) -> str:
        """The key of a word the tables lack: its regular singular. A compound inflects
        at its head ("e-wastes", "co-chairs"), unless the tables know the head as a word
        of its own ("k-series", "e-news", "ai-generated" stay as written)."""
        head = word.rpartition("-")[2]
        singular = regular_singular(head)
        if singular == head:
            return word
        if head != word and (head in self._known or head in self._lemmas) \
                and self._lemmas.get(head) != singular:
            return word
        return word[: len(word) - len(head)] + singular


# Endings of singular words that regular_singular leaves alone: "wireless", "corpus",
# "cryptanalysis" (at the cost of "APIs" and "GPUs", which stay as written).
_SINGULAR_ENDINGS = ("ss", "us", "is")
# English function words ending in "s" that the tables lack: not plurals ("ours" is not
# "our"s); tests/test_lemma_keys.py holds every stop word of spaCy's English to its key.
_FUNCTION_WORDS = frozenset({"hers", "ours", "yours", "theirs", "ourselves", "themselves",
                             "yourselves", "towards", "whereas"})
# Plurals that add "es" rather than "s": "hotpatches", "sandboxes", "hashes".
_ES_PLURALS = ("sses", "xes", "zzes", "ches", "shes")


def _regular_plurals(word: str) -> tuple[str, ...]:
    """The spellings English's regular plural gives a lower-case noun ("number" ->
    "numbers"; "address" -> "addresses"; "facility" -> "facilities")."""
    if word.endswith("y"):
        return word + "s", word[:-1] + "ies"
    return word + "s", word + "es"


def regular_singular(word: str) -> str:
    """The singular of a lower-case word by English's regular plural ("chatbots" ->
    "chatbot", "cryptocurrencies" -> "cryptocurrency", "hotpatches" -> "hotpatch"),
    the word itself when it does not end like one: under four letters ("sms", "its"),
    an "s" after anything but a letter ("1990s"), a singular's ending ("-ss", "-us",
    "-is"), or letters outside ASCII (names and other languages: "andrés", "très").
    Only for words the lemma table lacks: its plurals are the irregular ones.

    >>> regular_singular("deepfakes"), regular_singular("sms"), regular_singular("corpus")
    ('deepfake', 'sms', 'corpus')
    """
    if len(word) < 4 or word[-1] != "s" or not word.isascii() or not word[-2].isalpha() \
            or word.endswith(_SINGULAR_ENDINGS) or word in _FUNCTION_WORDS:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_ES_PLURALS):
        return word[:-2]
    return word[:-1]


def lookups_table(path: str | Path) -> Any:
    """A table of spacy-lookups-data as ``spacy.util.load_language_data`` reads it: the
    JSON file at ``path``, else its gzipped copy (how the package ships them)."""
    path = Path(path)
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return json.loads(gzip.decompress(path.with_suffix(path.suffix + ".gz").read_bytes()))


@lru_cache(maxsize=1)
def _load_lemma_keys() -> LemmaKeys:
    import spacy_lookups_data

    norms: dict[str, str] = dict(lookups_table(spacy_lookups_data.en["lexeme_norm"]))
    lemmas: dict[str, str] = dict(lookups_table(spacy_lookups_data.en["lemma_lookup"]))
    # A few lower-case keys of the lemma table stand for contractions ("ai" -> "have",
    # from "ain't"); they would turn the word AI into "have".
    for contraction in ("ai", "ca", "wo", "sha"):
        lemmas.pop(contraction, None)
    return LemmaKeys(norms, lemmas)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lemma keys of the commonest English words and of mail courtesies: ``topics suggest``
    never proposes them, nor phrases they start, end or join, and the duplication watch
    does not count them (read from ``iscg_mailbot/data/common-words.txt``;
    ``tests/test_nlp_pipeline.py`` holds it to :func:`common_words_from_tables
    <iscg_mailbot.analyse.nlp_pipeline.common_words_from_tables>`)."""
    from importlib import resources

    text = (resources.files("iscg_mailbot") / "data" / COMMON_WORDS_FILE).read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


__all__ = ["COMMON_WORDS_FILE", "LemmaKeys", "common_words", "lookups_table", "regular_singular"]
