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
"""

from __future__ import annotations

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
        """Tokenize, each on its own, the chunks of ``text`` not seen before."""
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
        for chunk in new:
            tokenizer(chunk)

    def __getstate__(self) -> dict[str, Any]:
        # A pickled tokenizer comes back with an empty cache: so must the chunks seen.
        return {"_tokenizer": self._tokenizer, "_limit": self._limit, "_seen": set()}
