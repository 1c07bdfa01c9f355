"""A long chunk without spaces is tagged in linear time (review of session 36's merges).

Before a new chunk of text is tokenized, the tagger asks whether splitting it may meet
one of spaCy's special cases (``nlp_chunks``); it tried every pair of edges (characters
that are not letters or digits) of the chunk, then kept those no farther apart than the
longest special case: the square of the chunk. A line of 10,000 dashes took ~6 s to tag,
50,000 about 3 minutes, in either scorer (whichever read the chunk first). Only the pairs
close enough are tried now; the tokens are the same (tests/test_nlp_chunks.py).
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText


@pytest.mark.parametrize("chunk", ["-" * 50_000, "-." * 25_000, "a-" * 25_000])
@pytest.mark.parametrize("scorer", ["tag_threads", "explain_threads"])
def test_a_long_chunk_is_tagged_in_linear_time(tagger: TopicTagger, chunk: str,
                                               scorer: str) -> None:
    thread = ThreadText(1, "ITU-T SG17 security work",
                        (f"{chunk} {scorer}\n\nThe malware report is attached.",))
    started = time.process_time()
    [tags] = getattr(tagger, scorer)([thread])
    assert time.process_time() - started < 1.5
    assert "cybersecurity" in [tag.topic for tag in tags.tags]
