"""Finding the ITU bodies, groups, documents and resolutions a text names, with the
patterns of :mod:`iscg_mailbot.analyse.entities` (see :mod:`iscg_mailbot.analyse.nlp`
for why not spaCy's EntityRuler)."""

from __future__ import annotations

import itertools
import threading
import weakref
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from iscg_mailbot.analyse.entities import MID_LINE_ONLY, entity_key, entity_patterns
from iscg_mailbot.analyse.nlp_matchers import (
    EntityHit,
    SharedMatchers,
    char_span,
    sort_by_start_longest_first,
)

# Keys of the entity patterns in the shared matchers ("~" keeps them apart from the
# phrase keys of PhraseFinder's callers).
_ENTITY_KEY_PREFIX = "~"
_TRIGGER_KEY = "~trigger"
# How many distinct (pattern, spelling) entity hits an EntityFinder remembers.
_KNOWN_ENTITIES = 50_000
# Where token patterns are searched: the word sequences starting them, how many tokens
# from there, and the word (or "") that ends the window early.
_Window = tuple[tuple[tuple[str, ...], ...], int, str]


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

    def __init__(self, nlp: Language, matchers: SharedMatchers | None = None) -> None:
        vocab = nlp.vocab
        self._matchers = matchers if matchers is not None else SharedMatchers(nlp)
        prepared = _prepared(nlp, self._matchers)
        self._labels = prepared.labels
        for (key, exact), docs in prepared.phrases.items():
            self._matchers.add(key, docs, exact=exact)
        # A trigger's match id -> the window searched from it (length, and the ORTH of
        # the word ending it, or 0) and the Matcher run there, holding only the patterns
        # that start with that trigger.
        self._windows: dict[int, tuple[int, int, Matcher]] = {}
        for number, ((_, length, until), by_key) in enumerate(prepared.token_patterns.items()):
            trigger_id = self._matchers.add(f"{_TRIGGER_KEY}{number}",
                                            prepared.triggers[number], exact=True)
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
        spans = self._spans(doc, self._matchers(doc) if matches is None else matches)
        if not spans:
            return []
        # Of overlapping matches keep the first, the longest when they start together
        # ("ITU-T SG17" over "ITU-T", "Res. 70 (Rev. Busan, 2014)" over "Res. 70").
        sort_by_start_longest_first(spans)
        found = []
        known = self._known
        is_exact = self._matchers.is_exact
        covered = 0
        for match_id, start, end in spans:
            if start < covered:
                continue
            first, last = char_span(doc, start, end)
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

    def _spans(self, doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """The entity patterns' matches: those of the phrase patterns among ``matches``,
        and those of the token patterns in the windows their triggers open."""
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
        return spans

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



def _mid_line(doc: Doc, start: int, end: int) -> bool:
    """A word (or an opening bracket, a slash) just before, on the same line: "the BR,
    TSB and BDT", "Bureau (BR)", "TSB/BR" but not "BR,\\nAhmed" or "Thanks, BR"."""
    if start == 0:
        return False
    before = doc[start - 1]
    if "\n" in before.whitespace_ or before.is_space:
        return False
    return before.is_alpha or before.text in {"(", "/", "&"}


_MATCH_ID = itemgetter(0)


@dataclass(frozen=True)
class _Prepared:
    """The entity patterns made ready for one pipeline: what every EntityFinder on it
    would otherwise tokenise again (two thirds of building a tagger)."""

    labels: dict[int, tuple[str, str]]
    phrases: dict[tuple[str, bool], list[Doc]]
    token_patterns: dict[_Window, dict[str, list[list[dict[str, Any]]]]]
    triggers: list[list[Doc]]


_PREPARED: weakref.WeakKeyDictionary[Language, _Prepared] = weakref.WeakKeyDictionary()
_PREPARING = threading.Lock()


def _prepared(nlp: Language, matchers: SharedMatchers) -> _Prepared:
    """The entity patterns of :func:`entity_patterns` as pattern Docs of ``nlp``, made
    once per pipeline (the Docs are only read: PhraseMatcher.add copies what it needs)."""
    with _PREPARING:
        found = _PREPARED.get(nlp)
        if found is None:
            found = _PREPARED[nlp] = _prepare(nlp, matchers)
        return found


def _prepare(nlp: Language, matchers: SharedMatchers) -> _Prepared:
    vocab = nlp.vocab
    labels: dict[int, tuple[str, str]] = {}
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
        labels[int(vocab.strings.add(key))] = (label, pattern_id)
        if isinstance(pattern["pattern"], str):
            phrases.setdefault((key, exact), []).append(matchers.doc(pattern["pattern"]))
        else:
            window = (
                tuple(dict.fromkeys(tuple(words) for words in pattern["trigger"])),
                pattern["window"],
                pattern.get("until", ""),
            )
            by_key = token_patterns.setdefault(window, {})
            by_key.setdefault(key, []).append(pattern["pattern"])
    triggers = [[Doc(vocab, words=list(words)) for words in sequences]
                for sequences, _, _ in token_patterns]
    return _Prepared(labels, phrases, token_patterns, triggers)
