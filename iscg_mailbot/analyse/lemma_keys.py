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
import json
from functools import lru_cache
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
        if word in DASHES:
            # Word processors turn "-" into an en dash: "cyber–security".
            return "-"
        lower = word.lower()
        normal = self._norms.get(lower, lower)
        return self._lemmas.get(normal, normal)


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


__all__ = ["COMMON_WORDS_FILE", "LemmaKeys", "common_words", "lookups_table"]
