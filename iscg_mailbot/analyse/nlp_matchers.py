"""The records the phrase and entity finders hand over, and the PhraseMatcher they share
(see :mod:`iscg_mailbot.analyse.nlp` for the design)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from iscg_mailbot.analyse.lemma_keys import LemmaKeys
from iscg_mailbot.analyse.nlp_pipeline import LEMMA_KEYS_COMPONENT


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
    """What one text contains: phrase hits (in text order, overlaps included) and
    entities, with where each entity starts in the text (``entity_starts``, same rank;
    empty when not known)."""

    hits: tuple[PhraseHit, ...] = ()
    entities: tuple[EntityHit, ...] = ()
    entity_starts: tuple[int, ...] = ()


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

    def entity_starts_of(self, index: int) -> tuple[int, ...]:
        """Where each entity of text ``index`` starts, as an offset in that text."""
        offsets, base = self.entity_offsets, self.starts[index]
        low = bisect.bisect_left(offsets, base)
        high = (bisect.bisect_left(offsets, self.starts[index + 1])
                if index + 1 < len(self.starts) else len(offsets))
        return tuple(offset - base for offset in offsets[low:high])


NOTHING = TextFindings()


class SharedMatchers:
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


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start:end`` (cheaper than building a Span, and, for
    the few matches per Doc, than reading every token's offset with ``Doc.to_array``)."""
    last = doc[end - 1]
    first = last.idx if end - start == 1 else doc[start].idx
    return first, last.idx + len(last)


_START = itemgetter(1)
_END = itemgetter(2)


def sort_by_start_longest_first(matches: list[tuple[int, int, int]]) -> None:
    """Sort (id, start, end) matches by start, the longest first at a tie: two stable
    sorts on C-level keys, several times faster than one on a Python key function."""
    matches.sort(key=_END, reverse=True)
    matches.sort(key=_START)
