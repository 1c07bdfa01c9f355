"""Long chunks of colons, brackets or URLs are tokenized without a search of them per
character (issue 13, hostile).

spaCy takes a chunk's suffixes off one at a time, and its suffix search tried every
character of what was left: 4,000 colons took 9 s to tag, 50,000 colons or "(" many
minutes. The search (`nlp_pipeline._Shortcut`) looks at a long chunk's last
`SUFFIX_WINDOW` characters first: every suffix of spaCy's English is shorter but a run
of dots, which matches there too when it is longer, and then the whole chunk is
searched as before. What remains is spaCy's own copying of what is left of a chunk
(~3 s at 50,000 colons; docs/reliability.md). The URL match: see its test below.
"""

from __future__ import annotations

import random
import re
import time

import pytest

from iscg_mailbot.analyse.nlp_pipeline import SUFFIX_WINDOW, build_pipeline
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText

try:
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover (before Python 3.11)
    import sre_parse  # type: ignore[no-redef]


def _suffix_pattern() -> re.Pattern[str]:
    return build_pipeline().tokenizer.suffix_search.search.__self__  # type: ignore[no-any-return]


def test_only_a_run_of_dots_is_a_suffix_longer_than_the_window() -> None:
    pattern = _suffix_pattern()
    [(_, (_, branches))] = list(sre_parse.parse(pattern.pattern, pattern.flags))
    state = sre_parse.State()
    unbounded = [b for b in branches if sre_parse.SubPattern(state, list(b)).getwidth()[1]
                 >= SUFFIX_WINDOW]
    assert len(unbounded) == 1  # the run of dots:
    assert pattern.search("x" + "." * 100).span() == (1, 101)  # type: ignore[union-attr]
    assert all(sre_parse.SubPattern(state, list(b)).getwidth()[1] < SUFFIX_WINDOW
               for b in branches if b not in unbounded)


def test_the_suffixes_found_are_the_patterns() -> None:
    search = build_pipeline().tokenizer.suffix_search
    pattern = _suffix_pattern()
    rng = random.Random(13)
    pieces = [".", ":", "(", ")", "'s", "km", "5", "A", "a", "°C", "…", "$", "\u2019", "'", "-"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        mine, theirs = search(text), pattern.search(text)
        assert (mine.span() if mine else None) == (theirs.span() if theirs else None), text


@pytest.mark.parametrize("chunk", [":" * 20_000, "(" * 20_000, ")" * 20_000, "." * 20_000])
def test_a_long_chunk_of_suffixes_is_tagged_quickly(tagger: TopicTagger, chunk: str) -> None:
    thread = ThreadText(1, "ITU-T SG17 security work",
                        (f"{chunk}\n\nThe malware report is attached.",))
    started = time.process_time()
    [tags] = tagger.tag_threads([thread])
    assert time.process_time() - started < 5.0
    assert "cybersecurity" in [tag.topic for tag in tags.tags]


def test_a_chunk_of_urls_without_spaces_is_tokenized_quickly(tagger: TopicTagger) -> None:
    # spaCy's URL pattern looked for the "user:password@" part from every ":" of the
    # chunk to its end: 64,000 characters took 4 s, 100,000 about 10 s.
    thread = ThreadText(1, "ITU-T SG17 security work",
                        ("https://itu.int/" * 6_250 + "\n\nThe malware report is attached.",))
    started = time.process_time()
    [tags] = tagger.tag_threads([thread])
    assert time.process_time() - started < 3.0
    assert "cybersecurity" in [tag.topic for tag in tags.tags]


def test_the_urls_matched_are_the_patterns() -> None:
    match = build_pipeline().tokenizer.url_match
    pattern = match.__self__
    rng = random.Random(5)
    pieces = ["https://", "itu.int", "/", ":", "@", "a", ".", "8080", "www.", "?q=1", "#x",
              "-", "192.168.1.1", "\u00e9", "user", ":pw"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        mine, theirs = match(text), pattern.match(text)
        assert (mine.span() if mine else None) == (theirs.span() if theirs else None), text
