"""The plain topic scorer (``topics explain``) reads a long text in linear time (issue
13, hostile).

`phrases_counted` tested each hit against every hit of its topic counted before it
(overlapping phrases of a topic count once), and `weak_in_names` made, for each weak
hit, the list of every other topic's hit: 50,000 characters of one topic's words took
5-11 s to explain, "Global Cybersecurity Index index " repeated 8 s. Both read sorted
spans now (tests/test_topic_scoring.py and the minimal pairs below keep the readings).
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.topics import TopicTagger


@pytest.mark.parametrize("unit", ["cybersecurity malware security ",
                                  "Global Cybersecurity Index index "])
def test_one_topics_words_are_explained_in_linear_time(tagger: TopicTagger, unit: str) -> None:
    tagger.explain("x", ["cybersecurity"])  # the pipeline loaded before the timing
    text = unit * (80_000 // len(unit))
    started = time.process_time()
    verdict = tagger.explain("ITU work", [text])
    assert time.process_time() - started < 4.0
    assert [tag.topic for tag in verdict.tags] == ["cybersecurity"]


@pytest.mark.parametrize(("text", "notes", "evidence"), [
    ("The Global Cybersecurity Index is out.",
     ("ict-statistics: 'Index' (body) is part of another topic's name, not counted",),
     [("cybersecurity", [("Global Cybersecurity Index", 2.0)])]),
    ("mobile broadband and broadband in the Council Working Group on Child Online Protection",
     ("governance: 'Council Working Group' (body) is part of another topic's name, not counted",),
     [("child-online-protection", [("child online protection", 3.0)]),
      ("imt", [("mobile broadband", 2.0)])]),
    ("data index and the ICT index", (), [("ict-statistics", [("index", 2.0)])]),
])
def test_the_phrases_counted_are_unchanged(tagger: TopicTagger, text: str,
                                           notes: tuple[str, ...],
                                           evidence: list[tuple[str, list[tuple[str, float]]]]
                                           ) -> None:
    verdict = tagger.explain("", [text])
    assert verdict.notes == notes
    assert [(tag.topic, [(e.phrase, e.points) for e in tag.evidence])
            for tag in (*verdict.tags, *verdict.rejected)] == evidence
