"""Topics, issue 13 round 9: a topic's word used for something else -- platforms said
to interoperate, base stations as equipment, satellite terminals shipped to a disaster,
developing countries as the place where another topic's work happens.

Realistic mail of our own wording in, topics out; the first case of each pair was tagged
otherwise with the list before this round, its pair is the word's topic sense, still
tagged (docs/evaluation.md, "Topics, round 9 (session 34)").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.topics import TopicTagger


def tagged(tagger: TopicTagger, subject: str, *bodies: str) -> list[str]:
    return sorted(tag.topic for tag in tagger.explain(subject, bodies).tags)


@pytest.mark.parametrize(("subject", "body"), [
    ("Smart parking in two capitals - making the city platforms talk to each other",
     ("Could TSB send the reference of the SG20 Recommendation on interoperability of "
      "city platforms? Both cities want the interoperability of their parking data.")),
    ("Instant payments between wallets in West Africa",
     ("The central bank asks whether ITU has studied interoperability of payment "
      "schemes; interoperability between wallets is planned for 2028.")),
])
def test_platforms_that_interoperate_are_not_conformance(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert "conformance" not in tagged(tagger, subject, body)


def test_interoperability_testing_is_still_conformance(tagger: TopicTagger) -> None:
    assert "conformance" in tagged(
        tagger, "Interoperability event for VoLTE handsets in Tunis",
        "SG11 proposes an interoperability event with the regional test lab; "
        "interoperability of the handsets will be checked against its test suites.")


def test_base_stations_as_equipment_are_not_imt(tagger: TopicTagger) -> None:
    assert "imt" not in tagged(
        tagger, "Base stations damaged by heat and floods - adaptation guidance",
        "Many base stations and fibre cables were damaged by extreme heat this summer. "
        "Is there ITU guidance on adapting towers to climate hazards?")
    assert "imt" in tagged(
        tagger, "Energy use of 5G base stations",
        "Operators say 5G base stations use most of their electricity; WP 5D asks "
        "whether IMT-2030 requirements should include an efficiency target.")


def test_satellite_terminals_sent_to_a_disaster_are_not_spectrum(
        tagger: TopicTagger) -> None:
    assert "spectrum" not in tagged(
        tagger, "Eruption in Vanuatu - satellite terminals sent from Suva",
        "Twelve satellite terminals left Suva this morning for Port Vila; BDT shipped "
        "the satellite terminals for the Red Cross team on Monday.")
    assert "spectrum" in tagged(
        tagger, "Satellite network filings for a new GSO system",
        "The administration submitted the satellite network filings to BR; frequency "
        "coordination with the neighbouring GSO networks starts in May.")


@pytest.mark.parametrize(("subject", "body"), [
    ("Report on mobile money and payments in developing countries now online",
     ("The ITU-D report on the uptake of mobile money and consumer protection in "
      "developing countries is published.")),
    ("Railway mobile radio - ITU material for rail operators in developing countries",
     "Which ITU texts could a rail operator use?"),
])
def test_developing_countries_as_a_place_are_not_the_standardization_gap(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert "standardization-gap" not in tagged(tagger, subject, body)


@pytest.mark.parametrize(("subject", "body"), [
    ("Fellowships for delegates from developing countries",
     "BDT and TSB will fund 40 fellowships for study group meetings in 2027."),
    ("Participation of developing countries in ITU-T study groups",
     ("The share of developing countries among the contributors to SG12 fell; "
      "remote participation may help.")),
])
def test_participation_of_developing_countries_is_still_the_gap(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert "standardization-gap" in tagged(tagger, subject, body)
