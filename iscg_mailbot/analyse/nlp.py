"""The spaCy pipeline: the only module of iscg-mailbot that imports spaCy.

:func:`build_pipeline` returns a ``Language`` that needs no download: ``spacy.blank("en")``
whose NORM attribute holds a lower-cased lemma taken from the spacy-lookups-data tables.
A :class:`PhraseFinder` runs it over texts in batches (``nlp.pipe``) and reports, as
plain records, which phrases matched where and which ITU entities were named::

    >>> nlp = build_pipeline()
    >>> finder = PhraseFinder(nlp, [PhrasePattern("cyber", "cyber-security")])
    >>> found = next(finder.find(["Cybersecurity, cyber security. See TSAG-TD409."]))
    >>> [hit.text for hit in found.hits], [entity.key for entity in found.entities]
    (['Cybersecurity', 'cyber security'], ['TSAG-TD409'])

Design notes, from measurements on the shipped sample archive (``bench/tagging.py``):

- Lemmas as NORM, not a lemmatizer component. spaCy's lookup lemmatizer sets
  ``lemma_`` token by token in Python, which halves the tokenizer's speed, and looks
  words up with their case ("Networks" stays "Networks"). The same lookup table
  applied once per *word type*, when the vocabulary first sees a word, costs nothing
  per token and can lower-case first. So one PhraseMatcher on NORM does what a LEMMA
  matcher and a LOWER matcher would do together. Acronyms, which must match their
  exact case, are in the same matcher and their few matches are checked for spelling
  (a second PhraseMatcher on ORTH cost a third of the matching time).
- Entities without an EntityRuler component (``bench/tagging.py --entity-ruler``
  measures the ruler on the same Docs). Its ``set_annotations`` costs about 5 µs per
  match (a Span per match, ``doc.ents`` rebuilt), which on ISCG mails, naming an ITU
  body every few lines, is three times all of :class:`EntityFinder`; and its token
  Matcher runs at every token (a Python ``Token`` per token, Python callbacks for
  REGEX/IN). Token patterns spelled with C-level attributes (one pattern per word
  instead of IN) were slower still: the Matcher's cost grows with the number of
  patterns and of tokens. :class:`EntityFinder` uses the same spaCy matchers on the
  same patterns (``analyse.entities``) but runs token Matchers only on short windows
  where a PhraseMatcher found a pattern's first words (one Matcher per kind of window,
  holding only the patterns that may start there; a window ends at the first word no
  match goes past, such as a revision's ")"), and never writes ``doc.ents``.
- Texts joined per Doc. Most ISCG mails are a few lines long, so spaCy's cost per Doc
  (creating it, calling each matcher) would dominate; :meth:`PhraseFinder.find_groups`
  joins up to 128 texts with blank lines, which no pattern crosses.
- Findings stay per joined Doc. What the tagger needs of a hit is its phrase, its
  text and its spelling; :class:`GroupFindings` hands over plain tuples with offsets
  in the joined text, and the tagger counts hits per (phrase, place) straight from
  them. Records per hit (:class:`TextFindings`, for :meth:`PhraseFinder.find`) cost
  more than the counting itself. Character offsets come from the two Tokens at a
  match's ends: ``Doc.to_array`` over every token of a Doc costs more than that for
  the few hundred matches a Doc has.
- A pretrained pipeline, when one is configured, keeps its own NORM (its models were
  trained on it) and gets the lemma keys per token after its components have run.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import load_language_data

from iscg_mailbot.analyse.entities import MID_LINE_ONLY, entity_key, entity_patterns

__all__ = [
    "EntityFinder",
    "EntityHit",
    "GroupFindings",
    "Language",
    "LemmaKeys",
    "PhraseFinder",
    "PhraseHit",
    "PhrasePattern",
    "TextFindings",
    "build_pipeline",
    "common_words",
    "content_terms",
    "flatten_whitespace",
    "spelling_variants",
]

log = logging.getLogger(__name__)

LEMMA_KEYS_COMPONENT = "iscg_lemma_keys"
# Keys of the entity patterns in the shared matchers ("~" keeps them apart from the
# phrase keys of PhraseFinder's callers).
_ENTITY_KEY_PREFIX = "~"
_TRIGGER_KEY = "~trigger"
# How many distinct (pattern, spelling) entity hits an EntityFinder remembers.
_KNOWN_ENTITIES = 50_000
# Where token patterns are searched: the word sequences starting them, how many tokens
# from there, and the word (or "") that ends the window early.
_Window = tuple[tuple[tuple[str, ...], ...], int, str]

# Up to this many words, a phrase written with hyphens or spaces between its words is
# also matched with every mix of hyphen, space or nothing at each junction.
_MAX_VARIANT_WORDS = 4
_JUNCTION = re.compile(r"\s*[-‐‑–]\s*|\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Stands for a paragraph break while line breaks are made spaces: printable, so that
# str.isprintable() still tells whether other white space is left (a text containing
# one takes the general way).
_PILCROW = "\u00b6"
_MARKED_BREAK = f" {_PILCROW} "
# Unicode hyphens, which the tokenizer does not split on, read as "-" (one character
# for one, so offsets do not move); dashes between words match "-" too.
_HYPHENS = ("\u2010", "\u2011")
_DASHES = frozenset({"\u2012", "\u2013"})
# Texts joined into one Doc: how many at most, and about how many characters; the
# separator is a blank line, which becomes a space token no pattern can cross.
_GROUP_TEXTS = 128
_GROUP_CHARS = 100_000
_SEPARATOR = "\n\n"


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
        if word in _DASHES:
            # Word processors turn "-" into an en dash: "cyber–security".
            return "-"
        lower = word.lower()
        normal = self._norms.get(lower, lower)
        return self._lemmas.get(normal, normal)


@lru_cache(maxsize=1)
def _load_lemma_keys() -> LemmaKeys:
    import spacy_lookups_data

    norms: dict[str, str] = dict(load_language_data(spacy_lookups_data.en["lexeme_norm"]))
    lemmas: dict[str, str] = dict(load_language_data(spacy_lookups_data.en["lemma_lookup"]))
    # A few lower-case keys of the lemma table stand for contractions ("ai" -> "have",
    # from "ain't"); they would turn the word AI into "have".
    for contraction in ("ai", "ca", "wo", "sha"):
        lemmas.pop(contraction, None)
    return LemmaKeys(norms, lemmas)


@Language.factory(LEMMA_KEYS_COMPONENT)
def _make_lemma_keys_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Per-token lemma keys, for pretrained pipelines whose lexeme NORM must stay as is."""
    keys = LemmaKeys.load()

    def set_norms(doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = keys(token.text)
        return doc

    return set_norms


def _use_lemma_keys_as_norm(nlp: Language) -> None:
    """Make every lexeme's NORM its lemma key, now and for words seen later."""
    keys = LemmaKeys.load()
    nlp.vocab.lex_attr_getters[NORM] = keys  # type: ignore[attr-defined]
    for lexeme in nlp.vocab:
        lexeme.norm_ = keys(lexeme.orth_)


def _keep_generations_whole(nlp: Language) -> None:
    """Make "5G" one token whatever follows it: the English tokenizer splits "5G," into
    "5", "G", "," but leaves "5G." whole, so a phrase "5G" would miss both."""
    for generation in ("2G", "3G", "4G", "5G", "6G"):
        tokenizer: Any = nlp.tokenizer
        tokenizer.add_special_case(generation, [{ORTH: generation}])
        tokenizer.add_special_case(f"{generation}.", [{ORTH: generation}, {ORTH: "."}])


def build_pipeline(model: str | None = None) -> Language:
    """The tagging pipeline: blank English whose NORM is the lower-cased lemma.

    ``model`` names a pretrained pipeline (e.g. ``en_core_web_sm``): when it is installed
    it is loaded instead, with a component setting the same lemma keys per token; when
    it is not, a warning is logged and the blank pipeline is used, so the default
    always works offline.
    """
    if model and spacy.util.is_package(model):
        nlp = spacy.load(model)
        _keep_generations_whole(nlp)
        nlp.add_pipe(LEMMA_KEYS_COMPONENT, last=True)
    else:
        if model:
            log.warning("spaCy pipeline %r is not installed; using blank English", model)
        nlp = spacy.blank("en")
        _keep_generations_whole(nlp)
        _use_lemma_keys_as_norm(nlp)
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


def _plain_hyphens(text: str) -> str:
    # str.translate looks every character up in a dict: ten times slower than this.
    for hyphen in _HYPHENS:
        if hyphen in text:
            text = text.replace(hyphen, "-")
    return text


def flatten_whitespace(text: str) -> str:
    """Join hard-wrapped lines: white space within a paragraph becomes one space and
    paragraphs are separated by one blank line. spaCy makes a token of a line break,
    so "screen\\nreaders" in a mail wrapped at 72 columns would otherwise never match
    "screen reader".

    >>> flatten_whitespace("screen\\n  readers\\n\\n\\nBR")
    'screen readers\\n\\nBR'
    """
    if "\n" not in text and "  " not in text and "\t" not in text:
        return text.strip()
    # Most mails hold wrapped lines and blank lines between paragraphs, and no other
    # white space: then making each line break a space is all it takes, a few passes
    # of C over the text instead of a string per word (flattening the sample archive
    # took a third less time). Other white space (none is printable: a tab, a
    # non-breaking space) or two side by side (they leave two spaces) take the
    # general way.
    flat = text.strip()
    spaced = flat.replace("\n\n", _MARKED_BREAK).replace("\n", " ")
    if "  " not in spaced and spaced.isprintable() and _PILCROW not in flat:
        return spaced.replace(_MARKED_BREAK, "\n\n")
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


@dataclass(frozen=True)
class PhrasePattern:
    """A phrase to find, reported under ``key``; ``exact_case`` for acronyms."""

    key: str
    text: str
    exact_case: bool = False


# The finders' results are NamedTuples rather than dataclasses: thousands are made per
# second and a tuple is built several times faster.
class PhraseHit(NamedTuple):
    """One match: the pattern key, character offsets in the text, and the text matched."""

    key: str
    start: int
    end: int
    text: str


class EntityHit(NamedTuple):
    """An entity named in a text: label, normalised key and the words as written."""

    label: str
    key: str
    text: str


class TextFindings(NamedTuple):
    """What one text contains: phrase hits (in text order, overlaps included) and entities."""

    hits: tuple[PhraseHit, ...] = ()
    entities: tuple[EntityHit, ...] = ()


class GroupFindings(NamedTuple):
    """What a group of texts joined into one Doc contains (:meth:`PhraseFinder.find_groups`).

    ``starts``: where each text starts in the joined ``text``. ``hits``: (pattern key,
    text index, first, last) with character offsets in ``text``, in text order, the
    longest first at a tie, overlaps included, exact-case ones already checked.
    ``entities``: in text order, each starting at the offset of the same rank in
    ``entity_offsets`` (see :meth:`entities_of`).
    """

    text: str
    starts: list[int]
    hits: list[tuple[str, int, int, int]]
    entities: list[EntityHit]
    entity_offsets: list[int]

    def entities_of(self, first: int, stop: int) -> list[EntityHit]:
        """The entities of texts ``first`` to ``stop - 1``: one slice, found by offset
        (cheaper than a text index per entity: ISCG mails name an entity every line)."""
        offsets = self.entity_offsets
        low = bisect.bisect_left(offsets, self.starts[first])
        high = bisect.bisect_left(offsets, self.starts[stop]) if stop < len(self.starts) else None
        return self.entities[low:high]


_NOTHING = TextFindings()


class _Matchers:
    """One PhraseMatcher on lemma keys (NORM), shared by every pattern a finder needs: a
    PhraseMatcher call costs about the same whatever the number of patterns, and most of
    the tagger's time outside the tokenizer goes into passes over tokens.

    Exact-case patterns (acronyms) are in the same matcher: a word's NORM is a function
    of its spelling, so every exact match is also a NORM match, and :meth:`is_exact`
    then checks the spelling of those few candidates ("ITS" is kept, "its" is not).
    That costs less than a second pass over every token with a matcher on ORTH.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.folded = PhraseMatcher(nlp.vocab, attr="NORM")
        # Match id of each exact-case pattern -> its spellings, white space removed.
        self.exact: dict[int, set[str]] = {}
        self._keys_per_token = LEMMA_KEYS_COMPONENT in nlp.pipe_names
        self._lemma_keys = LemmaKeys.load()

    def doc(self, text: str) -> Doc:
        """A pattern Doc, with the lemma keys a pretrained pipeline sets per token."""
        doc = self.nlp.make_doc(text)
        if self._keys_per_token:
            for token in doc:
                token.norm_ = self._lemma_keys(token.text)
        return doc

    def add(self, key: str, docs: list[Doc], *, exact: bool) -> int:
        """Add patterns under ``key``; return the match id they report."""
        match_id = int(self.nlp.vocab.strings.add(key))
        if exact:
            docs = [self._keyed(doc) for doc in docs]
            self.exact.setdefault(match_id, set()).update(
                "".join(token.text for token in doc) for doc in docs
            )
        self.folded.add(key, docs)
        return match_id

    def _keyed(self, doc: Doc) -> Doc:
        """A pattern Doc made with ``Doc(vocab, words=...)`` has lexeme NORMs only in the
        blank pipeline; give it the lemma keys a pretrained one sets per token."""
        if self._keys_per_token:
            for token in doc:
                token.norm_ = self._lemma_keys(token.text)
        return doc

    def is_exact(self, match_id: int, words: str) -> bool:
        """Whether a match is spelled as its pattern (always, for non-exact patterns)."""
        spellings = self.exact.get(match_id)
        return spellings is None or "".join(words.split()) in spellings

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return self.folded(doc)


class EntityFinder:
    """ITU bodies, groups, documents and resolutions named in a Doc.

    The patterns of :func:`iscg_mailbot.analyse.entities.entity_patterns`: fixed phrases
    go to PhraseMatchers (lemma keys, or exact spelling), token patterns to Matchers run
    only on windows that start where a PhraseMatcher found one of their triggers (one
    Matcher per window length, holding only the patterns such a trigger may start: a
    Matcher's cost grows with its number of patterns).
    Overlapping matches keep the longest. ``matchers`` may be shared with a
    :class:`PhraseFinder` so that one pass over a Doc serves both.
    """

    def __init__(self, nlp: Language, matchers: _Matchers | None = None) -> None:
        vocab = nlp.vocab
        self._matchers = matchers if matchers is not None else _Matchers(nlp)
        self._labels: dict[int, tuple[str, str]] = {}
        phrases: dict[tuple[str, bool], list[Doc]] = {}
        # Token patterns by where they are searched: (the word sequences starting them,
        # window length, last word) -> the patterns by key.
        token_patterns: dict[_Window, dict[str, list[list[dict[str, Any]]]]] = {}
        for pattern in entity_patterns():
            label, pattern_id = pattern["label"], pattern.get("id", "")
            exact = bool(pattern.get("exact"))
            # Exact-case patterns get keys of their own: their matches are checked for
            # spelling by match id.
            key = f"{_ENTITY_KEY_PREFIX}{label}|{pattern_id}{'|exact' if exact else ''}"
            self._labels[int(vocab.strings.add(key))] = (label, pattern_id)
            if isinstance(pattern["pattern"], str):
                phrase_key = (key, exact)
                phrases.setdefault(phrase_key, []).append(self._matchers.doc(pattern["pattern"]))
            else:
                window = (
                    tuple(dict.fromkeys(tuple(words) for words in pattern["trigger"])),
                    pattern["window"],
                    pattern.get("until", ""),
                )
                by_key = token_patterns.setdefault(window, {})
                by_key.setdefault(key, []).append(pattern["pattern"])
        for (key, exact), docs in phrases.items():
            self._matchers.add(key, docs, exact=exact)
        # A trigger's match id -> the window searched from it (length, and the ORTH of
        # the word ending it, or 0) and the Matcher run there, holding only the patterns
        # that start with that trigger.
        self._windows: dict[int, tuple[int, int, Matcher]] = {}
        for number, ((sequences, length, until), by_key) in enumerate(token_patterns.items()):
            trigger_id = self._matchers.add(
                f"{_TRIGGER_KEY}{number}",
                [Doc(vocab, words=list(words)) for words in sequences],
                exact=True,
            )
            tokens = Matcher(vocab)
            for key, patterns in by_key.items():
                tokens.add(key, patterns)
            until_orth = int(vocab.strings.add(until)) if until else 0
            self._windows[trigger_id] = (length, until_orth, tokens)
        # The same few entities recur in every mail ("TSAG", "ITU-T"): keep their hits.
        self._known: dict[tuple[int, str], EntityHit] = {}

    def __call__(self, doc: Doc) -> tuple[EntityHit, ...]:
        """The entities named in a Doc, in text order."""
        return tuple(hit for _, hit in self.find(doc, doc.text))

    def find(
        self, doc: Doc, text: str, matches: list[tuple[int, int, int]] | None = None
    ) -> list[tuple[int, EntityHit]]:
        """The entities of a Doc (whose text is ``text``) with the character offset each
        starts at, in text order. ``matches``: what the shared matchers found in the
        Doc, when the caller has run them already."""
        if matches is None:
            matches = self._matchers(doc)
        labels, windows = self._labels, self._windows
        spans = [match for match in matches if match[0] in labels]
        triggered = [(match_id, start) for match_id, start, _ in matches if match_id in windows]
        if triggered:
            triggered.sort()
            for trigger_id, group in itertools.groupby(triggered, key=_MATCH_ID):
                length, until, tokens = windows[trigger_id]
                self._match_windows(
                    doc, tokens, [start for _, start in group], length, until, spans
                )
        if not spans:
            return []
        # Of overlapping matches keep the first, the longest when they start together
        # ("ITU-T SG17" over "ITU-T", "Res. 70 (Rev. Busan, 2014)" over "Res. 70").
        _sort_by_start_longest_first(spans)
        found = []
        known = self._known
        is_exact = self._matchers.is_exact
        covered = 0
        for match_id, start, end in spans:
            if start < covered:
                continue
            first, last = _char_span(doc, start, end)
            words = text[first:last]
            hit = known.get((match_id, words))
            if hit is None:
                if not is_exact(match_id, words):
                    continue
                label, pattern_id = self._labels[match_id]
                hit = EntityHit(label, entity_key(label, words, pattern_id), words)
                if len(known) < _KNOWN_ENTITIES:
                    known[(match_id, words)] = hit
            covered = end
            if hit.key in MID_LINE_ONLY and not _mid_line(doc, start, end):
                continue
            found.append((first, hit))
        return found

    @staticmethod
    def _match_windows(
        doc: Doc, tokens: Matcher, starts: list[int], length: int, until: int,
        spans: list[tuple[int, int, int]],
    ) -> None:
        """Run ``tokens`` on the windows of ``length`` tokens from each of ``starts``
        (sorted), each ending early at the first token whose ORTH is ``until`` (if not
        0), merged where they overlap: a match starting in a window ends inside it, so
        none is cut. Matches are added to ``spans``."""
        limits: list[tuple[int, int]] = []
        for start in starts:
            end = min(start + length, len(doc))
            if until:
                end = next((i + 1 for i in range(start, end) if doc[i].orth == until), end)
            if limits and start <= limits[-1][1]:
                limits[-1] = (limits[-1][0], end)
            else:
                limits.append((start, end))
        for start, end in limits:
            spans.extend(
                (match_id, start + first, start + last)
                for match_id, first, last in tokens(doc[start:end])
            )


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start:end`` (cheaper than building a Span, and, for
    the few matches per Doc, than reading every token's offset with ``Doc.to_array``)."""
    last = doc[end - 1]
    first = last.idx if end - start == 1 else doc[start].idx
    return first, last.idx + len(last)


def _mid_line(doc: Doc, start: int, end: int) -> bool:
    """A word (or an opening bracket, a slash) just before, on the same line: "the BR,
    TSB and BDT", "Bureau (BR)", "TSB/BR" but not "BR,\\nAhmed" or "Thanks, BR"."""
    if start == 0:
        return False
    before = doc[start - 1]
    if "\n" in before.whitespace_ or before.is_space:
        return False
    return before.is_alpha or before.text in {"(", "/", "&"}


class PhraseFinder:
    """Finds phrases (and, unless told not to, ITU entities) in texts.

    Build it once: compiling the patterns takes longer than tagging a few hundred
    messages. Phrases match on lemma keys (any case or inflection, each spelling
    variant); ``exact_case`` patterns match their exact characters. Pattern keys must
    not start with ``"~"`` (the entity patterns' keys do).
    """

    def __init__(
        self, nlp: Language, patterns: Iterable[PhrasePattern], *, entities: bool = True
    ) -> None:
        self.nlp = nlp
        self._matchers = _Matchers(nlp)
        self._entities = EntityFinder(nlp, self._matchers) if entities else None
        grouped: dict[tuple[str, bool], list[Doc]] = {}
        for pattern in patterns:
            if pattern.key.startswith("~"):
                raise ValueError(f"phrase keys must not start with '~': {pattern.key!r}")
            docs = grouped.setdefault((pattern.key, pattern.exact_case), [])
            for text in spelling_variants(pattern.text):
                docs.extend(self._pattern_docs(text))
        self._keys = {
            self._matchers.add(key, docs, exact=exact): key
            for (key, exact), docs in grouped.items()
        }

    def _pattern_docs(self, text: str) -> list[Doc]:
        """The tokenised phrase, and, when the tokenizer splits a word written without
        spaces ("e-waste" -> "e", "-", "waste"), the same word as one token: texts
        tokenise it either way depending on the punctuation around it."""
        docs = [self._matchers.doc(text)]
        if " " not in text and len(docs[0]) > 1:
            whole = Doc(self.nlp.vocab, words=[text])
            if LEMMA_KEYS_COMPONENT in self.nlp.pipe_names:
                whole[0].norm_ = LemmaKeys.load()(text)
            docs.append(whole)
        return docs

    def find(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[TextFindings]:
        """Findings for each text, in order (see :meth:`find_groups`; offsets are those
        of the flattened text)."""
        for group in self.find_groups(texts, batch_size):
            hits: list[list[PhraseHit]] = [[] for _ in group.starts]
            starts, text = group.starts, group.text
            for key, index, first, last in group.hits:
                base = starts[index]
                hits[index].append(PhraseHit(key, first - base, last - base, text[first:last]))
            for index, text_hits in enumerate(hits):
                text_entities = group.entities_of(index, index + 1)
                if not text_hits and not text_entities:
                    yield _NOTHING
                else:
                    yield TextFindings(tuple(text_hits), tuple(text_entities))

    def find_groups(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[GroupFindings]:
        """Findings of the texts, a group of consecutive texts at a time.

        Texts are flattened (see :func:`flatten_whitespace`; Unicode hyphens read as
        "-") and joined, up to ``_GROUP_TEXTS`` at a time, into one Doc separated by
        blank lines, which no phrase or entity pattern crosses: spaCy's cost per Doc
        (creating it, calling each matcher) is then paid once per group instead of
        once per text, which for short mails is most of the cost. The findings stay
        in the group's terms (offsets in the joined text, text indices within the
        group), so that a caller who only counts never builds a record per hit.
        Groups go through ``nlp.pipe``, ``batch_size`` texts per batch.
        """
        groups = _groups(flatten_whitespace(_plain_hyphens(text)) for text in texts)
        pipe_batch = max(1, batch_size // _GROUP_TEXTS)
        if not self.nlp.pipeline:
            # Blank pipeline: nothing but the tokenizer to run.
            for text, starts in groups:
                yield self._group_findings(self.nlp.make_doc(text), text, starts)
            return
        for doc, (text, starts) in self.nlp.pipe(
            ((text, (text, starts)) for text, starts in groups),
            as_tuples=True,
            batch_size=pipe_batch,
        ):
            yield self._group_findings(doc, text, starts)

    def _group_findings(self, doc: Doc, text: str, starts: list[int]) -> GroupFindings:
        """What the matchers found in a joined Doc, each finding with its text's index."""
        found = self._matchers(doc)
        if not found:
            return GroupFindings(text, starts, [], [], [])
        keys = self._keys
        matches = [match for match in found if match[0] in keys]
        named = (
            self._entities.find(doc, text, found) if self._entities is not None else []
        )
        offsets = list(map(_OFFSET, named))
        entities = list(map(_FOUND, named))
        if not matches:
            return GroupFindings(text, starts, [], entities, offsets)
        # One sort per Doc puts every text's hits in text order (longest first at a tie).
        _sort_by_start_longest_first(matches)
        exact = self._matchers.exact
        bisect_right = bisect.bisect_right
        hits = []
        for match_id, start, end in matches:
            first, last = _char_span(doc, start, end)
            if match_id in exact and "".join(text[first:last].split()) not in exact[match_id]:
                continue  # an acronym's pattern matched a word spelled otherwise
            hits.append((keys[match_id], bisect_right(starts, first) - 1, first, last))
        return GroupFindings(text, starts, hits, entities, offsets)


_MATCH_ID = _OFFSET = itemgetter(0)
_FOUND = itemgetter(1)
_START = itemgetter(1)
_END = itemgetter(2)


def _sort_by_start_longest_first(matches: list[tuple[int, int, int]]) -> None:
    """Sort (id, start, end) matches by start, the longest first at a tie: two stable
    sorts on C-level keys, several times faster than one on a Python key function."""
    matches.sort(key=_END, reverse=True)
    matches.sort(key=_START)


def _groups(texts: Iterable[str]) -> Iterator[tuple[str, list[int]]]:
    """Join texts with blank lines, ``_GROUP_TEXTS`` (or ``_GROUP_CHARS``) at a time;
    with each joined text, the offset at which each of its texts starts."""
    parts: list[str] = []
    starts: list[int] = []
    size = 0
    for text in texts:
        starts.append(size)
        parts.append(text)
        size += len(text) + len(_SEPARATOR)
        if len(parts) >= _GROUP_TEXTS or size >= _GROUP_CHARS:
            yield _SEPARATOR.join(parts), starts
            parts, starts, size = [], [], 0
    if parts:
        yield _SEPARATOR.join(parts), starts


# English words at least this frequent (natural log probability in spacy-lookups-data's
# ``lexeme_prob`` table, about the 470 commonest: "give", "day", "instead") say nothing
# about a subject; nor do a mail's courtesies.
COMMON_WORD_LOG_PROB = -9.0
MAIL_COURTESIES = ("dear", "regard", "colleague", "thank", "thanks", "sincerely", "hello")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lemma keys of the commonest English words and of mail courtesies: ``topics suggest``
    never proposes them, nor phrases they start, end or join."""
    import spacy_lookups_data

    keys = LemmaKeys.load()
    probabilities: dict[str, float] = dict(load_language_data(spacy_lookups_data.en["lexeme_prob"]))
    frequent = {keys(word) for word, probability in probabilities.items()
                if probability > COMMON_WORD_LOG_PROB and word.isalpha()}
    return frozenset(frequent | set(MAIL_COURTESIES))


def content_terms(nlp: Language, texts: Iterable[str], *, longest: int = 3,
                  skip: Collection[str] = frozenset()) -> Iterator[set[str]]:
    """The distinct terms of each text, as lemma keys: content words and runs of up to
    ``longest`` of them not broken by a stop word, a ``skip`` word, a number or
    punctuation (with the blank pipeline, the closest thing to noun phrases). For
    ``topics suggest``.

    >>> sorted(next(content_terms(build_pipeline(), ["Spectrum sharing studies."])))
    ['share', 'share study', 'spectrum', 'spectrum share', 'spectrum share study', 'study']
    """
    keys = LemmaKeys.load()
    for doc in nlp.pipe(flatten_whitespace(text) for text in texts):
        terms: set[str] = set()
        run: list[str] = []
        for token in [*doc, None]:
            key = keys(token.text) if token is not None and _is_content(token) else None
            if key is not None and key not in skip:
                run.append(key)
                for size in range(1, min(longest, len(run)) + 1):
                    terms.add(" ".join(run[-size:]))
            else:
                run = []
        yield terms


def _is_content(token: Any) -> bool:
    return bool(
        token.is_alpha and len(token.text) > 2 and not token.is_stop
        and not (token.is_upper and len(token.text) <= 2)
    )
