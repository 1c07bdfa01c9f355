"""Topics, issue 13 round 19 (tk-r19): missed tags, vocabulary from ITU's own sources
(docs/evaluation.md, "missed tags, ITU's words for the topics"):

- environment by ITU-T SG5's words for what it measures: energy (weak), the footprint
  of ICT, waste;
- accessibility by hearing aids (Recommendation ITU-T P.370);
- intelligent transport by ITU-R's other vehicles: railways (weak) and electric
  vehicles;
- digital skills by careers (Girls in ICT Day's aim);
- cybersecurity by Recommendation ITU-T X.509 (SG17's certificate framework).

Mail of our own wording in, topics out: the first case of each pair fails on ``main``
93fdb6e; its pair, the same mail without the term, passes on both. Guards hold on both.
"""

from __future__ import annotations

from iscg_mailbot.analyse.topics import TopicTagger
from tests.topic_tags import tagged

ENV = "environment"


def test_the_energy_footprint_of_data_centres_is_environment(tagger: TopicTagger) -> None:
    subject = "Data centres for cloud gaming - a question for TSB"
    body = ("Our ministry asks whether ITU-T has a method to assess {} of the new data "
            "centres that host cloud gaming. Could TSB point us to the right text?")
    assert ENV in tagged(tagger, subject, body.format("the energy and water footprint"))
    assert ENV not in tagged(tagger, subject, body.format("the uptime and the latency"))


def test_energy_alone_is_not_environment(tagger: TopicTagger) -> None:
    # Weak: one mention in the messages is a setting, not the topic.
    topics = tagged(tagger, "Smart meters in Kenya - SG20 data model",
                    "The energy utility wants the meters' data model to follow "
                    "an SG20 Recommendation.")
    assert ENV not in topics


def test_energy_saving_in_the_subject_and_a_message_is_environment(
        tagger: TopicTagger) -> None:
    body = "Has BR seen the {} side of coated windows that block signals indoors?"
    assert ENV in tagged(tagger, "Energy-saving windows - anything in ITU-R?",
                         body.format("energy"))
    assert ENV not in tagged(tagger, "Coated windows - anything in ITU-R?",
                             body.format("building"))


def test_waste_collection_is_environment(tagger: TopicTagger) -> None:
    body = "Cities in our region would like to use sensors to plan their routes."
    assert ENV in tagged(tagger, "Municipal waste collection with sensors", body)
    assert ENV not in tagged(tagger, "Municipal bus routes with sensors", body)


def test_hearing_aid_compatibility_is_accessibility(tagger: TopicTagger) -> None:
    subject = "Handsets and type approval - {} requirements"
    body = ("Our regulator will add these requirements to type approval. Is there an "
            "ITU-T test method we could cite?")
    assert "accessibility" in tagged(tagger, subject.format("hearing aid coupling"), body)
    assert "accessibility" not in tagged(tagger, subject.format("battery safety"), body)


def test_railway_radio_is_intelligent_transport(tagger: TopicTagger) -> None:
    body = ("WP 5A is revising its Report on {} between train and trackside and "
            "notes the SG16 work on vehicular gateways.")
    assert "its" in tagged(tagger, "A liaison from WP 5A - was TSAG copied?",
                           body.format("railway radiocommunication systems"))
    assert "its" not in tagged(tagger, "A liaison from WP 5A - was TSAG copied?",
                               body.format("radiocommunication systems"))


def test_a_railway_station_alone_is_not_intelligent_transport(tagger: TopicTagger) -> None:
    # Weak: where a meeting is reached from is not the topic.
    topics = tagged(tagger, "ISCG meeting 4 May - directions",
                    "The venue is a ten-minute walk from the railway station.")
    assert "its" not in topics


def test_charging_electric_vehicles_is_intelligent_transport(tagger: TopicTagger) -> None:
    body = ("The city wants charging pads for {} at the terminals. Could BR send the "
            "latest ITU-R report on wireless power transmission for each vehicle type?")
    assert "its" in tagged(tagger, "Charging pads - which frequencies?",
                           body.format("electric vehicles"))
    assert "its" not in tagged(tagger, "Charging pads - which frequencies?",
                               body.format("phones"))


def test_careers_for_girls_are_digital_skills(tagger: TopicTagger) -> None:
    body = ("Our interns are making short videos for secondary-school pupils on how a "
            "phone call crosses borders, and why girls should consider {}.")
    assert "digital-skills" in tagged(tagger, "Summer interns' videos - one expert per Bureau",
                                      body.format("these careers"))
    assert "digital-skills" not in tagged(tagger, "Summer interns' videos - one expert per Bureau",
                                          body.format("these questions"))


def test_x509_certificates_are_cybersecurity(tagger: TopicTagger) -> None:
    subject = "Signed vaccination certificates - who keeps the lists?"
    body = ("The signatures of the health certificates rely on {}, and the lists of "
            "trusted issuers are kept by WHO. Is ITU-T involved?")
    reply = "{} is maintained by SG17; ITU has no role in the lists."
    assert "cybersecurity" in tagged(tagger, subject, body.format("X.509 certificates"),
                                     reply.format("X.509"))
    assert "cybersecurity" not in tagged(tagger, subject, body.format("national registries"),
                                         reply.format("The registry format"))
