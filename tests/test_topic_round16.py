"""Topics, issue 13 round 16 (tk-r16): vocabulary the newest writers (w14-w17) used and
the list lacked, each class from ITU's own texts and seen in two writers or more
(docs/evaluation.md, "mail nobody here wrote"):

- emergency telecommunications: the other natural hazards of ITU-D's disaster risk
  work (storms, typhoons, volcanoes, landslides, droughts);
- AI by its multimedia applications (ITU-T Q5/16): voice assistants, speech
  recognition, image generation, synthetic images, language models, trained models;
- the standardization gap: members too small to follow the work ("small delegations",
  "small administrations");
- ICT statistics: ITU's indicators by their names (subscriptions by service).

Mail of our own wording in, topics out: the first case of each pair was not tagged on
``main`` de70039; its pair, the same mail without the new term, is not tagged either.
"""

from __future__ import annotations

from iscg_mailbot.analyse.topics import TopicTagger
from tests.topic_tags import tagged


def test_a_storm_that_cut_villages_off_is_emergency_telecoms(tagger: TopicTagger) -> None:
    body = (
        "After the {} of Tuesday about thirty sites are off the air and two valleys "
        "are cut off. Could BDT tell us which kits it can lend?"
    )
    assert "emergency-telecoms" in tagged(
        tagger, "Ice storm in the south - thirty sites off the air", body.format("storm")
    )
    assert "emergency-telecoms" not in tagged(
        tagger, "Planned works in the south - thirty sites off the air", body.format("works")
    )


def test_a_volcano_and_a_landslide_are_hazards_too(tagger: TopicTagger) -> None:
    body = (
        "The {} near the capital has closed the only road to the north, and the "
        "operators ask how to reach their sites by helicopter."
    )
    assert "emergency-telecoms" in tagged(
        tagger,
        "Sites in the north unreachable",
        body.format("volcano"),
        "The landslide also took the fibre along the road.",
    )
    assert "emergency-telecoms" not in tagged(
        tagger,
        "Sites in the north unreachable",
        body.format("new toll"),
        "The roadworks also took the fibre along the road.",
    )


def test_voice_assistants_and_synthetic_images_are_ai(tagger: TopicTagger) -> None:
    body = (
        "Ministries would like to offer {} in Aymara, but the companies say there "
        "are too few recorded hours to build them."
    )
    assert "ai" in tagged(
        tagger, "Voice assistants in Aymara - any ITU work?", body.format("voice assistants")
    )
    assert "ai" not in tagged(
        tagger, "Voice mail in Aymara - any ITU work?", body.format("voice mail menus")
    )
    assert "ai" in tagged(
        tagger,
        "Labelling pictures on social networks",
        "Is any study group working on how to label synthetic images made by image "
        "generation tools?",
    )
    assert "ai" not in tagged(
        tagger,
        "Labelling pictures on social networks",
        "Is any study group working on how to label pictures retouched by editing tools?",
    )


def test_small_delegations_are_the_standardization_gap(tagger: TopicTagger) -> None:
    body = (
        "Several {} tell us they cannot follow every working party with one "
        "engineer. Could the Bureau hold office hours before the next meeting?"
    )
    assert "standardization-gap" in tagged(
        tagger,
        "Office hours before the next meeting",
        body.format("small delegations"),
        "Good idea: the small delegations of our region would also like the slides.",
    )
    assert "standardization-gap" not in tagged(
        tagger,
        "Office hours before the next meeting",
        body.format("operators"),
        "Good idea: the operators of our region would also like the slides.",
    )
    assert "standardization-gap" in tagged(
        tagger,
        "Help for small administrations with the new filing forms",
        "Could BR explain the forms in a short online session?",
    )


def test_subscriptions_by_service_are_ict_statistics(tagger: TopicTagger) -> None:
    assert "ict-statistics" in tagged(
        tagger,
        "Prepaid SIM cards that are never used - how to count them?",
        "Some operators leave inactive prepaid cards in their mobile cellular "
        "subscriptions for a year, others for three months, so our yearly figure "
        "jumps. Which rule should we apply?",
        "We see the same with fixed broadband subscriptions of closed shops.",
    )
    assert "ict-statistics" not in tagged(
        tagger,
        "Prepaid SIM cards that are never used - how to count them?",
        "Some operators leave inactive prepaid cards in their customer lists for a "
        "year, others for three months. Which rule should we apply?",
        "We see the same with fixed broadband lines of closed shops.",
    )
