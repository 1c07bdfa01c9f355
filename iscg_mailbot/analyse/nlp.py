"""Phrases and ITU entities found with spaCy: this module and its ``nlp_*`` parts are the
only ones of iscg-mailbot that import spaCy (with ``textcat``, which trains a classifier).

The parts: :mod:`~iscg_mailbot.analyse.nlp_pipeline` (the pipeline, lemma keys, word
statistics), :mod:`~iscg_mailbot.analyse.nlp_text` (text as the finder reads it, no
spaCy), :mod:`~iscg_mailbot.analyse.nlp_matchers` (the records and the shared
PhraseMatcher), :mod:`~iscg_mailbot.analyse.nlp_entities` (ITU entities); this module
holds :class:`PhraseFinder` and re-exports the rest, so callers import from here.

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
from collections.abc import Iterable, Iterator
from operator import itemgetter

from spacy.language import Language
from spacy.tokens import Doc

from iscg_mailbot.analyse.lemma_keys import LemmaKeys, common_words
from iscg_mailbot.analyse.nlp_chunks import ChunkCache
from iscg_mailbot.analyse.nlp_entities import EntityFinder
from iscg_mailbot.analyse.nlp_matchers import (
    NOTHING,
    EntityHit,
    GroupFindings,
    PhraseHit,
    PhrasePattern,
    SharedMatchers,
    TextFindings,
    char_span,
    sort_by_start_longest_first,
)
from iscg_mailbot.analyse.nlp_pipeline import (
    LEMMA_KEYS_COMPONENT,
    build_pipeline,
    content_terms,
)
from iscg_mailbot.analyse.nlp_text import (
    flatten_whitespace,
    matching_text,
    spelling_variants,
)

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
    "matching_text",
    "spelling_variants",
]

# Texts joined into one Doc: how many at most, and about how many characters; the
# separator is a blank line, which becomes a space token no pattern can cross.
_GROUP_TEXTS = 128
_GROUP_CHARS = 100_000
_SEPARATOR = "\n\n"


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
        self._chunks = ChunkCache(nlp.tokenizer)
        self._matchers = SharedMatchers(nlp)
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
                    yield NOTHING
                else:
                    yield TextFindings(tuple(text_hits), tuple(text_entities),
                                       group.entity_starts_of(index))

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
        groups = self._filled(_groups(matching_text(text) for text in texts))
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

    def _filled(self, groups: Iterator[tuple[str, list[int]]]) -> Iterator[tuple[str, list[int]]]:
        """The groups, each once the tokenizer's cache holds its chunks (see
        :mod:`~iscg_mailbot.analyse.nlp_chunks`: the same tokens, split once a chunk)."""
        fill = self._chunks.fill
        for group in groups:
            fill(group[0])
            yield group

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
        sort_by_start_longest_first(matches)
        exact = self._matchers.exact
        bisect_right = bisect.bisect_right
        hits = []
        for match_id, start, end in matches:
            first, last = char_span(doc, start, end)
            if match_id in exact and "".join(text[first:last].split()) not in exact[match_id]:
                continue  # an acronym's pattern matched a word spelled otherwise
            hits.append((keys[match_id], bisect_right(starts, first) - 1, first, last))
        return GroupFindings(text, starts, hits, entities, offsets)


_OFFSET = itemgetter(0)
_FOUND = itemgetter(1)


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
