"""The spaCy pipeline: the only module of iscg-mailbot that imports spaCy.

:func:`build_pipeline` returns a ``Language`` that needs no download: ``spacy.blank("en")``
whose NORM attribute holds a lower-cased lemma taken from the spacy-lookups-data tables,
and an EntityRuler for ITU bodies and documents (``analyse.entities``). A
:class:`PhraseFinder` runs it over texts in batches and reports, as plain records,
which phrases matched where and which entities were named::

    >>> nlp = build_pipeline()
    >>> finder = PhraseFinder(nlp, [PhrasePattern("cyber", "cyber-security")])
    >>> [hit.text for hit in next(finder.find(["Cybersecurity, cyber security."])).hits]
    ['Cybersecurity', 'cyber security']

Why NORM and not a lemmatizer component: spaCy's lookup lemmatizer sets ``lemma_``
token by token in Python, which halves the tokenizer's speed, and it looks words up
with their case ("Networks" stays "Networks"). The same lookup table applied once per
*word type*, when the vocabulary first sees a word, costs nothing per token and can
lower-case first. So one PhraseMatcher on NORM does what a LEMMA matcher and a LOWER
matcher would do together; a second one on ORTH matches acronyms with their exact case.
A pretrained pipeline, when one is configured, keeps its own NORM (its models were
trained on it) and gets the lemma keys per token after its components have run.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import load_language_data

from iscg_mailbot.analyse.entities import LABELS, MID_LINE_ONLY, entity_key, entity_patterns

__all__ = [
    "EntityHit",
    "Language",
    "LemmaKeys",
    "PhraseFinder",
    "PhraseHit",
    "PhrasePattern",
    "TextFindings",
    "build_pipeline",
    "spelling_variants",
]

log = logging.getLogger(__name__)

LEMMA_KEYS_COMPONENT = "iscg_lemma_keys"
ENTITY_RULER = "entity_ruler"

# Up to this many words, a phrase written with hyphens or spaces between its words is
# also matched with every mix of hyphen, space or nothing at each junction.
_MAX_VARIANT_WORDS = 4
_JUNCTION = re.compile(r"\s*[-‐‑–]\s*|\s+")


class LemmaKeys:
    """Maps a word to its matching key: lower case, British spelling to American
    (spacy-lookups-data ``lexeme_norm``), then the lemma (``lemma_lookup``).

    >>> LemmaKeys.load()("Organisations")
    'organization'
    """

    def __init__(self, norms: dict[str, str], lemmas: dict[str, str]) -> None:
        self._norms = norms
        self._lemmas = lemmas

    @classmethod
    def load(cls) -> LemmaKeys:
        """Read the English tables shipped with spacy-lookups-data (cached)."""
        return _load_lemma_keys()

    def __call__(self, word: str) -> str:
        lower = word.lower()
        normal = self._norms.get(lower, lower)
        return self._lemmas.get(normal, normal)


@lru_cache(maxsize=1)
def _load_lemma_keys() -> LemmaKeys:
    import spacy_lookups_data

    norms: dict[str, str] = load_language_data(spacy_lookups_data.en["lexeme_norm"])
    lemmas: dict[str, str] = load_language_data(spacy_lookups_data.en["lemma_lookup"])
    # A few lower-case keys of the lemma table stand for contractions ("ai" -> "have",
    # from "ain't"); they would turn the word AI into "have".
    for contraction in ("ai", "ca", "wo", "sha"):
        lemmas.pop(contraction, None)
    return LemmaKeys(norms, lemmas)


@Language.factory(LEMMA_KEYS_COMPONENT)
def _make_lemma_keys_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Per-token lemma keys, for pretrained pipelines whose lexeme NORM must stay as is."""
    keys = LemmaKeys.load()
    strings = nlp.vocab.strings

    def set_norms(doc: Doc) -> Doc:
        for token in doc:
            token.norm = strings.add(keys(token.text))
        return doc

    return set_norms


def _use_lemma_keys_as_norm(nlp: Language) -> None:
    """Make every lexeme's NORM its lemma key, now and for words seen later."""
    keys = LemmaKeys.load()
    nlp.vocab.lex_attr_getters[NORM] = keys
    for lexeme in nlp.vocab:
        lexeme.norm_ = keys(lexeme.orth_)


def _keep_generations_whole(nlp: Language) -> None:
    """"5G" is one token whatever follows it: the English tokenizer splits "5G," into
    "5", "G", "," but leaves "5G." whole, so a phrase "5G" would miss both."""
    for generation in ("2G", "3G", "4G", "5G", "6G"):
        nlp.tokenizer.add_special_case(generation, [{ORTH: generation}])
        nlp.tokenizer.add_special_case(
            f"{generation}.", [{ORTH: generation}, {ORTH: "."}]
        )


def build_pipeline(model: str | None = None, *, entities: bool = True) -> Language:
    """The tagging pipeline: blank English with lemma keys and the ITU EntityRuler.

    ``model`` names a pretrained pipeline (e.g. ``en_core_web_sm``): when it is installed
    it is loaded instead (its NER then adds to, never overrides, the ruler's entities);
    when it is not, a warning is logged and the blank pipeline is used, so the default
    always works offline.
    """
    if model and spacy.util.is_package(model):
        nlp = spacy.load(model)
        _keep_generations_whole(nlp)
        if entities:
            before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
            ruler = nlp.add_pipe(
                "entity_ruler", name=ENTITY_RULER, config={"phrase_matcher_attr": "LOWER"},
                **before,
            )
            ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
        nlp.add_pipe(LEMMA_KEYS_COMPONENT, last=True)
        return nlp
    if model:
        log.warning("spaCy pipeline %r is not installed; using the built-in blank English", model)
    nlp = spacy.blank("en")
    _keep_generations_whole(nlp)
    _use_lemma_keys_as_norm(nlp)
    if entities:
        ruler = nlp.add_pipe(
            "entity_ruler", name=ENTITY_RULER, config={"phrase_matcher_attr": "LOWER"}
        )
        ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp


def spelling_variants(phrase: str) -> list[str]:
    """The spellings a phrase matches: each hyphen or space between words may be a
    hyphen, a space or nothing ("e-health" -> "e-health", "e health", "ehealth").

    >>> spelling_variants("cyber security")
    ['cyber security', 'cyber-security', 'cybersecurity']
    """
    words = [word for word in _JUNCTION.split(phrase.strip()) if word]
    if len(words) < 2:
        return [phrase.strip()]
    if len(words) > _MAX_VARIANT_WORDS:
        return list(dict.fromkeys([" ".join(words), "-".join(words)]))
    variants = []
    for joints in itertools.product((" ", "-", ""), repeat=len(words) - 1):
        text = words[0]
        for joint, word in zip(joints, words[1:], strict=True):
            text += joint + word
        variants.append(text)
    return list(dict.fromkeys(variants))


@dataclass(frozen=True)
class PhrasePattern:
    """A phrase to find, reported under ``key``; ``exact_case`` for acronyms."""

    key: str
    text: str
    exact_case: bool = False


@dataclass(frozen=True)
class PhraseHit:
    """One match: the pattern key, character offsets in the text, and the text matched."""

    key: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityHit:
    """An entity named in a text: label, normalised key and the words as written."""

    label: str
    key: str
    text: str


@dataclass(frozen=True)
class TextFindings:
    """What one text contains: phrase hits (in text order, overlaps included) and entities."""

    hits: tuple[PhraseHit, ...]
    entities: tuple[EntityHit, ...]


class PhraseFinder:
    """Finds phrases (and, with an EntityRuler in the pipeline, entities) in texts.

    Build it once: compiling the patterns takes longer than tagging a few hundred
    messages. Phrases match on lemma keys (any case or inflection, each spelling
    variant); ``exact_case`` patterns match their exact characters.
    """

    def __init__(self, nlp: Language, patterns: Iterable[PhrasePattern]) -> None:
        self.nlp = nlp
        self._folded = PhraseMatcher(nlp.vocab, attr="NORM")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys_per_token = LEMMA_KEYS_COMPONENT in nlp.pipe_names
        self._lemma_keys = LemmaKeys.load()
        folded: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for pattern in patterns:
            target = exact if pattern.exact_case else folded
            docs = target.setdefault(pattern.key, [])
            for text in spelling_variants(pattern.text):
                docs.extend(self._pattern_docs(text))
        for key, docs in folded.items():
            self._folded.add(key, docs)
        for key, docs in exact.items():
            self._exact.add(key, docs)

    def _pattern_docs(self, text: str) -> list[Doc]:
        """The tokenised phrase, and, when the tokenizer splits a word written without
        spaces ("5G" -> "5", "G"), the same word as one token: texts tokenise it either
        way depending on the punctuation around it ("5G/IMT-2020")."""
        docs = [self.nlp.make_doc(text)]
        if " " not in text and len(docs[0]) > 1:
            docs.append(Doc(self.nlp.vocab, words=[text]))
        if self._keys_per_token:
            for doc in docs:
                for token in doc:
                    token.norm_ = self._lemma_keys(token.text)
        return docs

    def find(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[TextFindings]:
        """Findings for each text, in order. Runs ``nlp.pipe`` in batches."""
        strings = self.nlp.vocab.strings
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            matches = self._folded(doc) + self._exact(doc)
            matches.sort(key=lambda match: (match[1], -match[2]))
            hits = []
            for match_id, start, end in matches:
                span = doc[start:end]
                hits.append(
                    PhraseHit(strings[match_id], span.start_char, span.end_char, span.text)
                )
            yield TextFindings(tuple(hits), _entities(doc))


def _entities(doc: Doc) -> tuple[EntityHit, ...]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        key = entity_key(ent.label_, ent.text, ent.ent_id_)
        if key in MID_LINE_ONLY and not _mid_line(doc, ent.start, ent.end):
            continue
        found.append(EntityHit(ent.label_, key, ent.text))
    return tuple(found)


def _mid_line(doc: Doc, start: int, end: int) -> bool:
    """A word before on the same line and no line end or comma right after:
    "the BR will" but not "BR,\\nAhmed" or a lone "BR" closing a mail."""
    if start == 0 or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_:
        return False
    if end >= len(doc):
        return False
    following = doc[end]
    return not (following.is_space or following.text == "," or "\n" in doc[end - 1].whitespace_)
