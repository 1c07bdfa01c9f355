"""Topics, issue 13 round 8: an event word (or "security") naming a thing or a group of
another kind: a device, a body of experts, an administrative record, a building's safety
exercise, a hotel's deposit.

Realistic mail of our own wording in, topics and their explanation out; the first case of
each pair was tagged otherwise with the list before this round (docs/evaluation.md,
"Topics, round 8").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadTags


def explain(tagger: TopicTagger, subject: str, *bodies: str) -> ThreadTags:
    return tagger.explain(subject, bodies)


def tagged(result: ThreadTags) -> list[str]:
    return sorted(tag.topic for tag in result.tags)


def events_cancelled(result: ThreadTags) -> bool:
    """Events is not tagged, and its evidence shows the negative that took it off."""
    rejected = [tag for tag in result.rejected if tag.topic == "events"]
    return "events" not in tagged(result) and all(
        any(e.negative for e in tag.evidence) for tag in rejected)


@pytest.mark.parametrize(("subject", "body"), [
    # A device.
    ("Smart speakers in hotel rooms - privacy of guests' voice recordings",
     ("Several hotels now put smart speakers in every room. Is there ITU work on what "
      "such devices may record? A smart speaker vendor told us nothing is stored.")),
    # A body of experts.
    ("Input to the scientific panel on climate and digital technologies",
     ("The secretariat of the scientific panel asks each UN agency for one page on its "
      "published texts by 30 May. The panel will publish its first report in 2028.")),
    # An administrative record.
    ("SIM registration rules and mobile money for migrants",
     ("Several regulators tightened SIM registration last year. Migrants without "
      "passports can no longer open a mobile money wallet.")),
    # A building's safety exercise.
    ("Fire drill in the Montbrillant building on Thursday",
     ("Facilities inform us that a fire drill will take place on Thursday at 11:00; "
      "please leave the building by the nearest stairs when the alarm sounds.")),
])
def test_an_event_word_naming_something_else_is_not_an_event(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert events_cancelled(explain(tagger, subject, body))


@pytest.mark.parametrize(("subject", "body"), [
    ("Speakers for the smart cities session in Riyadh",
     ("Could BDT propose two speakers for the panel on smart cities? The session "
      "is on 12 May; speakers should confirm by 30 April.")),
    ("Registration for the regional workshop on cyber drills",
     ("Registration opens on Monday; the cyber drill follows the workshop on the "
      "second day.")),
])
def test_the_event_sense_still_counts(tagger: TopicTagger, subject: str, body: str) -> None:
    assert "events" in tagged(explain(tagger, subject, body))


def test_a_hotel_security_deposit_is_not_cybersecurity(tagger: TopicTagger) -> None:
    result = explain(tagger, "Retreat in Lausanne - hotel security deposit",
                     "The hotel asks each guest for a security deposit of CHF 200 at "
                     "check-in, refunded on departure.")
    assert "cybersecurity" not in tagged(result)
    # Network security in the same words is still the topic.
    assert "cybersecurity" in tagged(explain(
        tagger, "Security of hotel Wi-Fi networks for delegates",
        "Delegates reported rogue access points at the hotel; SG17 has texts on "
        "the security of public Wi-Fi."))


@pytest.mark.parametrize(("subject", "body"), [
    ("Lima and the U4SSC indicators - verification timeline",
     ("The city of Lima would like its smart sustainable cities indicators verified "
      "this year. How long does it take from the data collection to the report?")),
    ("FW: LS on e-waste data from ITU-T SG5",
     ("SG5 asks ITU-D SG2 for national e-waste data collection practices, to align the "
      "indicators of its draft on collection targets.")),
])
def test_indicators_of_another_topic_are_not_ict_statistics(
        tagger: TopicTagger, subject: str, body: str) -> None:
    result = explain(tagger, subject, body)
    assert "ict-statistics" not in tagged(result)
    # The explanation shows the negative that took the indicator's points off.
    assert any(e.negative for tag in result.rejected if tag.topic == "ict-statistics"
               for e in tag.evidence)


def test_ict_indicators_are_still_ict_statistics(tagger: TopicTagger) -> None:
    result = explain(tagger, "New ICT indicators on mobile phone ownership",
                     "The expert group proposes two new indicators for the household "
                     "questionnaire; the data collection starts in March.")
    assert "ict-statistics" in tagged(result)
