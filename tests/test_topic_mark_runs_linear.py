"""A long run of marks ("((((", "::::") is tagged in linear time (issue 13, hostile).

spaCy's tokenizer takes a prefix or suffix off a chunk one at a time, copying the rest
each time: a chunk of 100,000 "(" took ~7 s to tag. The phrase finder now reads a run
of 100 or more marks as a space; a topic's words around such a run are still found."""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText


@pytest.mark.parametrize("mark", ["(", ":", "-=", "*"])
def test_a_long_run_of_marks_is_tagged_in_linear_time(tagger: TopicTagger, mark: str) -> None:
    tagger.tag_threads([ThreadText(1, "x", ("cybersecurity",))])  # pipeline loaded first
    text = "Malware and cybersecurity " + mark * (100_000 // len(mark)) + " ransomware."
    started = time.process_time()
    [verdict] = tagger.tag_threads([ThreadText(1, "ITU work", (text,))])
    assert time.process_time() - started < 2.0
    assert [tag.topic for tag in verdict.tags] == ["cybersecurity"]


def test_short_runs_of_marks_stay_as_they_were(tagger: TopicTagger) -> None:
    # A signature's rule of 72 "=" and an arrow "-->" are read as before.
    text = "=" * 72 + "\nmobile broadband --> 5G networks"
    [verdict] = tagger.tag_threads([ThreadText(1, "ITU work", (text,))])
    assert [tag.topic for tag in verdict.tags] == ["imt"]
