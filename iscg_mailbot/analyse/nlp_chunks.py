"""spaCy's tokenizer cache, filled chunk by chunk before a joined text is tokenized.

spaCy's tokenizer splits each run of non-space characters (a chunk: "(see", "TD-409,")
with a few regex searches for prefixes, suffixes and infixes, and keeps the result in a
cache keyed by the chunk, so a chunk seen before costs a look-up. But once a special
case was met in a Doc (a line break, "don't", "e.g.", "5G"), it stores nothing more of
that Doc: the flag that guards the cache (spaCy issue #1250: a chunk holding a special
case must not be cached as plain lexemes) is one per Doc, not per chunk. The tagger
joins up to 128 mails into one Doc (:mod:`iscg_mailbot.analyse.nlp`), whose first line
break comes within a line or two, so nearly every chunk was split again each time it
occurred: on a serial import of 4,000 generated messages, three quarters of the
tagger's time (~0.5 ms a message).

:class:`ChunkCache` tokenizes each chunk of a text that it has not seen before on its
own first: in a Doc of its own the flag starts clear, so the chunk is cached (unless it
meets a special case itself, which is then split each time as before). The joined text
then finds its chunks in the cache. The cache holds exactly what splitting the chunk
gives, wherever it occurs, so the tokens are the same as without it
(``tests/test_nlp_chunks.py``).

spaCy stops caching at ``max_cache_size`` chunks (10,000 by default, and not kept when
a tagger is pickled); it is raised to :data:`CHUNK_LIMIT`, and when that many chunks
were seen the cache is emptied and filling starts over, so a long-running process keeps
the chunks of recent mail and its memory stays bounded (~15 MB: about 300 bytes a chunk, measured).

Runs of white space other than one space are chunks too; only the paragraph break
(``"\\n\\n"``, which also joins the tagger's texts) is common enough to be worth caching:
finding the others in every text would cost more than splitting them.

A Doc of its own for every new chunk cost a Doc, its span groups and a pass of the
special-case matcher each (on the first copy of the bench corpus, every text new, ~20,500
chunks: an eighth of the tagging). The new chunks that cannot meet a special case are
tokenized together, in one Doc, separated by single spaces (exactly the chunk boundaries:
spaCy splits each chunk alone and caches it under its own text); only those that may
meet one (:meth:`ChunkCache._may_be_special`) still get a Doc each.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

#: Chunks cached (and remembered as seen) at most before the cache starts over.
CHUNK_LIMIT = 50_000
#: White space chunks cached whenever the cache (re)starts: the paragraph break.
SPACES = ("\n\n",)


class ChunkCache:
    """Puts the chunks of texts into a tokenizer's cache before the texts are tokenized.

    >>> from iscg_mailbot.analyse.nlp_pipeline import build_pipeline
    >>> nlp = build_pipeline()
    >>> chunks = ChunkCache(nlp.tokenizer)
    >>> chunks.fill("Dear all,\\nsee TSAG-TD409.")
    >>> [token.text for token in nlp.make_doc("Dear all,\\nsee TSAG-TD409.")]
    ['Dear', 'all', ',', '\\n', 'see', 'TSAG', '-', 'TD409', '.']
    """

    def __init__(self, tokenizer: Any, limit: int = CHUNK_LIMIT) -> None:
        self._tokenizer = tokenizer
        self._limit = limit
        self._seen: set[str] = set()

    def fill(self, text: str) -> None:
        """Tokenize the chunks of ``text`` not seen before: together those that cannot
        meet a special case, each on its own the others."""
        tokenizer = self._tokenizer
        # A pickled tokenizer comes back with spaCy's default.
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, self._limit)
        new = set(text.split()).difference(self._seen)
        if not new:
            return
        if len(self._seen) + len(new) > self._limit:
            tokenizer._flush_cache()  # full: start over with the chunks of recent text
            self._seen.clear()
        if not self._seen:
            new.update(SPACES)
        self._seen.update(new)
        special = self._may_be_special
        plain: list[str] = []
        alone: list[str] = []
        for chunk in new:
            (alone if special(chunk) else plain).append(chunk)
        if plain:
            tokenizer(" ".join(plain))
        for chunk in alone:
            tokenizer(chunk)

    #: The tokenizer's special cases and the length of the longest: read when first
    #: asked, not pickled.
    _specials: tuple[frozenset[str], int] | None = None

    def _may_be_special(self, chunk: str) -> bool:
        """Whether splitting ``chunk`` may meet one of the tokenizer's special cases
        (which stops the caching of every chunk after it in a Doc). The tokenizer looks
        up as special cases only the chunk and what is left of it as prefixes and
        suffixes come off, so a special case it meets stands in the chunk between its
        ends or characters that are not letters or digits ("(e.g.,", "dont."; not the
        "ll" of "will,"). A chunk said special that is not only costs a Doc of its own;
        one that is but said not only costs the caching of the chunks after it in the
        joined Doc: the tokens are the same either way."""
        specials = self._specials
        if specials is None:
            keys = frozenset(self._tokenizer.rules or ())
            specials = self._specials = (keys, max(map(len, keys), default=0))
        keys, longest = specials
        if chunk.isascii() and chunk.isalpha():  # (most: no prefix or suffix comes off)
            return chunk in keys
        edges = [i for i, char in enumerate(chunk) if not char.isalnum()]
        ends = [*edges, len(chunk)]
        # Each start with the ends at most ``longest`` after it, found by bisection: every
        # pair of a chunk of 50,000 dashes is 2.5 billion of them (minutes).
        for i in (0, *(i + 1 for i in edges)):
            first = bisect_right(ends, i)
            for j in ends[first:bisect_right(ends, i + longest, first)]:
                if chunk[i:j] in keys:
                    return True
        return False

    def __getstate__(self) -> dict[str, Any]:
        # A pickled tokenizer comes back with an empty cache: so must the chunks seen.
        return {"_tokenizer": self._tokenizer, "_limit": self._limit, "_seen": set()}
