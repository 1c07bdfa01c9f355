"""Topics, issue 13 (tk-prec): a message that names many topics is an overview.

A plan listing its initiatives, or questions to each Bureau on its own subject, names
each topic in passing: with ``scoring.overview_topics`` (3 in the shipped list), such a
message's phrases and bodies give ``overview_weight`` (half) of their points, so a topic
needs more than its place in the list. Realistic mail of our own wording in, topics out;
the first case of each pair was tagged before (the rule off, as ``overview_topics: 0``,
the default, shows), its pair is the topic taken up for itself, tagged on both
(docs/evaluation.md, "Topics: overviews ...").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.nlp import build_pipeline
from iscg_mailbot.analyse.topic_scoring import OVERVIEW
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ThreadText
from iscg_mailbot.settings.itu_bodies import ItuBodies, load_itu_bodies
from iscg_mailbot.settings.topics import TopicsConfig, load_topics

PLAN = ("Dear colleagues, here is the plan for 2029. In Asia-Pacific the regional "
        "initiatives cover digital skills, emergency telecommunications, child online "
        "protection and smart sustainable cities. Could TSB tell me by 10 May which of "
        "them it can support with experts?")
LISTED = {"digital-skills", "emergency-telecoms", "child-online-protection",
          "iot-smart-cities"}
QUESTIONS = ("Three questions before our March meeting: a) does ITU-T SG5 have methods "
             "for e-waste from solar panels (TSB)? b) is there a digital skills course "
             "for customs officers (BDT)? c) does the satellite filing need a new "
             "coordination (BR)?")


@pytest.fixture(scope="module")
def rule_off(tagger: TopicTagger) -> TopicTagger:
    """The shipped list with the overview rule off (the behaviour before tk-prec)."""
    scoring = tagger.config.scoring.model_copy(update={"overview_topics": 0})
    return TopicTagger(tagger.config.model_copy(update={"scoring": scoring}), tagger.nlp,
                       bodies=load_itu_bodies(Path(__file__).resolve().parents[1] / "config" / "itu_bodies.yaml"))


def tagged(tagger: TopicTagger, subject: str, *bodies: str) -> set[str]:
    return {tag.topic for tag in tagger.explain(subject, bodies).tags}


def fast(tagger: TopicTagger, subject: str, *bodies: str) -> set[str]:
    [verdict] = tagger.tag_threads([ThreadText(1, subject, bodies)])
    return {tag.topic for tag in verdict.tags}


def test_topics_listed_in_a_plan_are_not_its_topics(tagger: TopicTagger,
                                                    rule_off: TopicTagger) -> None:
    subject = "Regional initiatives 2029 - where the Sectors can help"
    reply = "Thanks, we will look at the list and reply by 10 May."
    assert tagged(rule_off, subject, PLAN, reply) >= LISTED  # before: every item a topic
    assert tagged(tagger, subject, PLAN, reply) & LISTED == set()
    assert fast(tagger, subject, PLAN, reply) & LISTED == set()


def test_a_listed_topic_taken_up_for_itself_is_tagged(tagger: TopicTagger) -> None:
    subject = "Regional initiatives 2029 - where the Sectors can help"
    reply = ("For the emergency telecommunications initiative, BR can send two experts "
             "to the regional drill.")
    assert tagged(tagger, subject, PLAN, reply) & LISTED == {"emergency-telecoms"}
    assert fast(tagger, subject, PLAN, reply) & LISTED == {"emergency-telecoms"}


def test_a_topic_in_the_subject_keeps_it_when_the_message_lists_others(
        tagger: TopicTagger) -> None:
    subject = "Emergency telecommunications - regional initiatives 2029"
    assert "emergency-telecoms" in tagged(tagger, subject, PLAN)


def test_questions_to_each_bureau_on_its_own_subject(tagger: TopicTagger,
                                                     rule_off: TopicTagger) -> None:
    subject = "Three questions before the March meeting"
    assert "digital-skills" in tagged(rule_off, subject, QUESTIONS)
    assert "digital-skills" not in tagged(tagger, subject, QUESTIONS)
    verdict = tagger.explain(subject, [QUESTIONS])
    assert any("is an overview" in note for note in verdict.notes)
    assert {item.where for tag in verdict.rejected for item in tag.evidence} == {OVERVIEW}


def test_two_topics_named_together_are_not_an_overview(tagger: TopicTagger) -> None:
    body = ("In Europe the initiatives cover ICT accessibility and child online protection; "
            "could TSB name a contact for each?")
    assert {"accessibility", "child-online-protection"} <= tagged(
        tagger, "Regional initiatives for Europe", body)


def test_the_overview_weight_is_a_share(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("scoring: {overview_weight: 1.5}\n"
                    "topics:\n  - {id: ai, name: A, phrases: [x]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="overview_weight"):
        load_topics(path)


def _capped(overview_topics: int) -> TopicTagger:
    """Two topics, one occurrence counted per phrase and place (max_count 1)."""
    config = TopicsConfig.model_validate({
        "scoring": {"subject_weight": 3, "body_weight": 1, "max_count": 1,
                    "default_threshold": 2.5, "overview_topics": overview_topics,
                    "overview_min_points": 2},
        "topics": [{"id": "spectrum", "name": "S", "phrases": [{"phrase": "spectrum", "weight": 2}]},
                   {"id": "broadband", "name": "B",
                    "phrases": [{"phrase": "broadband", "weight": 2}]}]})
    return TopicTagger(config, build_pipeline(), bodies=ItuBodies.model_validate({"bodies": []}))


def test_an_overview_never_adds_to_what_the_phrase_gave_already() -> None:
    """An overview's occurrences share the phrase's max_count with the other messages:
    "spectrum" counted once already (max_count 1), the overview's "spectrum" adds
    nothing, so turning the overview rule on cannot tag what it left untagged."""
    texts = ("Spectrum plans for the region.", "Spectrum and broadband, as listed.")
    for tagger in (_capped(0), _capped(2)):
        assert tagged(tagger, "", *texts) == fast(tagger, "", *texts) == set()
        [verdict] = tagger.explain_threads([ThreadText(1, "", texts)])
        assert {tag.topic: tag.score for tag in verdict.rejected}["spectrum"] == 2.0
