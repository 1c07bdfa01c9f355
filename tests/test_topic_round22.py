"""Topics, issue 13 round 22 (tk-r22): a phrase meets its noun's plural
(docs/evaluation.md, "nouns the lemma table read as another word").

spacy-lookups-data's ``lemma_lookup`` gives one lemma per spelling whatever the part of
speech, so it read some nouns as another word ("number" as "numb", "matter" as "matt",
"feed" as "fee") while their plurals kept the noun: "emergency number" never met
"emergency numbers". :class:`~iscg_mailbot.analyse.lemma_keys.LemmaKeys` now keeps such
a noun as itself. "-ing" nouns keep the verb and their plurals stay apart ("meeting" ->
"meet", "meetings" -> "meeting"): joining them lowered the topic figures.

The first case of each pair fails on ``main`` 9aa5e9e; its pair passes on both.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.lemma_keys import LemmaKeys
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.topics import TopicsConfig
from tests.topic_tags import tagged

EMERGENCY = "emergency-telecoms"


@pytest.mark.parametrize(("singular", "plural"), [
    ("number", "numbers"), ("matter", "matters"), ("feed", "feeds"), ("agenda", "agendas"),
    ("normalisation", "normalisations"), ("Normalisation", "normalizations"),
])
def test_a_noun_and_its_plural_share_a_key(singular: str, plural: str) -> None:
    keys = LemmaKeys.load()
    assert keys(singular) == keys(plural)


@pytest.mark.parametrize(("word", "key"), [
    # The noun keeps itself, not the adjective, verb or Latin singular the table gives.
    ("number", "number"), ("matter", "matter"), ("feed", "feed"), ("agenda", "agenda"),
    # Other words keep their keys: the adjective, the verb, a comparative, an ordinal.
    ("numb", "numb"), ("met", "meet"), ("warned", "warn"), ("older", "old"),
    ("data", "datum"), ("news", "news"), ("fifth", "5"),
    # "-ing" nouns keep their verb, and their plurals stay apart (see the module's doc).
    ("meeting", "meet"), ("meetings", "meeting"), ("warnings", "warning"),
])
def test_the_corrected_keys(word: str, key: str) -> None:
    assert LemmaKeys.load()(word) == key


def test_the_duplication_watch_keeps_the_tables_keys() -> None:
    """Its thresholds were fitted on the tables' keys: they are not corrected."""
    keys = LemmaKeys.load()
    assert keys.table_key("number") == "numb"
    assert keys.table_key("meetings") == "meeting"


def _one_phrase_tagger(phrase: str) -> TopicTagger:
    config = TopicsConfig.model_validate({"topics": [
        {"id": "probe", "name": "Probe", "phrases": [{"phrase": phrase, "weight": 3}]},
    ]})
    return TopicTagger(config)


def test_a_singular_phrase_meets_its_plural() -> None:
    tagger = _one_phrase_tagger("emergency number")
    assert tagged(tagger, "Emergency numbers in the region", "Any views?") == ["probe"]
    assert tagged(tagger, "Emergency number in the region", "Any views?") == ["probe"]
    assert tagged(tagger, "Emergency numbness in the region", "Any views?") == []


def test_a_plural_phrase_meets_its_singular() -> None:
    tagger = _one_phrase_tagger("feeds of the regulator")
    assert tagged(tagger, "The feed of the regulator", "Down since Monday?") == ["probe"]
    assert tagged(tagger, "The fee of the regulator", "Due since Monday?") == []


def test_emergency_numbers_stay_emergency_telecommunications(tagger: TopicTagger) -> None:
    """The plural listed by hand in tk-r21 is gone: the singular meets it."""
    body = "Guidance of SG2 (E.161.1): comments by Friday."
    assert EMERGENCY in tagged(tagger, "Selecting emergency numbers", body)
    assert EMERGENCY in tagged(tagger, "Selecting an emergency number", body)
    assert EMERGENCY not in tagged(tagger, "Selecting telephone numbers", body)
