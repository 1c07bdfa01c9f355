"""Topics, issue 13 (tk-r13): context. A term that names the setting of other work --
who it is for ("students", "young people"), where and how it is held
("venue", "registration", "panel") -- is a companion (``companion: true`` in
config/topics.yaml): alone it tags nothing; next to a term of the topic itself it adds
its points. And a satellite named as the means of connecting something else (a phone, a
backhaul, broadband) is not spectrum work.

Mail of our own wording in, topics out: the first case of each pair was tagged on
``main`` 98c1831; its pair, the same words with the topic's own term, keeps its tag
(docs/evaluation.md, "context: companions and satellite links").
"""

from __future__ import annotations

from typing import Any

import pytest

from iscg_mailbot.analyse.topic_scoring import COMPANIONS_ONLY
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.topics import TopicsConfig
from tests.topic_tags import tagged

# --- students and young people as the users of other work ------------------------------

def test_students_as_users_are_not_digital_skills(tagger: TopicTagger) -> None:
    subject = "Students cut off from online lectures - minimum connection speed"
    assert "digital-skills" not in tagged(
        tagger, subject, "Several students lost their session; what throughput is needed?")
    assert "digital-skills" in tagged(
        tagger, subject, "Several students lost their session; BDT's digital skills "
        "programme wants to know what throughput is needed.")


# --- where and how an event is held -----------------------------------------------------

def test_a_venue_or_registration_alone_is_not_an_event(tagger: TopicTagger) -> None:
    assert "events" not in tagged(
        tagger, "Phishing: fake registration e-mails sent to delegates",
        "Please warn participants: ITU never asks for payment at registration.")
    assert "events" not in tagged(
        tagger, "Assembly preparations - ISCG slot",
        "Could BDT share the venues? The venue of the last one is still open.")


def test_the_venue_of_an_event_named_adds_to_it(tagger: TopicTagger) -> None:
    assert "events" in tagged(
        tagger, "Assembly preparations - ISCG slot",
        "Could BDT share the venues of the regional workshop? The venue of the last "
        "one is still open.")


def test_explain_says_only_companions(tagger: TopicTagger) -> None:
    verdict = tagger.explain("Young people on night buses - safer routes app",
                             "Which apps show young people the safest routes home?")
    assert "digital-skills" not in [t.topic for t in verdict.tags]
    assert f"digital-skills: {COMPANIONS_ONLY}" in verdict.notes


# --- a satellite link as the means of connectivity --------------------------------------

@pytest.mark.parametrize("means", ["satellite backhaul", "satellite broadband",
                                   "satellite phones"])
def test_a_satellite_link_for_connectivity_is_not_spectrum(tagger: TopicTagger,
                                                           means: str) -> None:
    subject = f"Health posts in the Andes - {means} costs"
    assert "spectrum" not in tagged(tagger, subject, f"Who pays for the {means}?")


def test_satellite_services_themselves_are_spectrum(tagger: TopicTagger) -> None:
    assert "spectrum" in tagged(tagger, "Health posts in the Andes - satellite costs",
                                "Which satellite operators serve the region?")


# --- the setting itself -----------------------------------------------------------------

def _one_topic(companion: bool) -> TopicsConfig:
    topic: dict[str, Any] = {"id": "t", "name": "T", "phrases": [
        {"phrase": "venue", "weight": 3, "companion": companion}, "workshop"]}
    return TopicsConfig.model_validate({"scoring": {"default_threshold": 2},
                                        "topics": [topic]})


def test_companion_is_off_by_default(tagger: TopicTagger) -> None:
    for companion, expected in ((False, ["t"]), (True, [])):
        plain = TopicTagger(_one_topic(companion), nlp=tagger.nlp)
        assert tagged(plain, "", "The venue is booked.") == expected
        assert tagged(plain, "", "The workshop venue is booked.") == ["t"]
