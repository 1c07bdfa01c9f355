"""Topics, issue 13 round 7: a mobile generation named as what an ICT indicator counts,
deepfakes as a security threat, the ISCG's coordination table as governance.

Realistic mail of our own wording in, topics and their explanation out; each case
tagged otherwise with the list before this round (docs/evaluation.md, "tk-r7").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadTags


def explain(tagger: TopicTagger, subject: str, *bodies: str) -> ThreadTags:
    return tagger.explain(subject, bodies)


def tagged(result: ThreadTags) -> list[str]:
    return sorted(tag.topic for tag in result.tags)


@pytest.mark.parametrize(("subject", "body"), [
    ("Active mobile-broadband subscriptions - 30-day definition in the 2027 questionnaire",
     ("Dear colleagues, the expert group on ICT indicators proposes to count active "
      "mobile broadband subscriptions over 30 days instead of 90. Please send comments "
      "on the questionnaire by 15 March.")),
    ("Median mobile broadband speeds in the Facts and Figures chapter",
     ("Our regulator asks where the median mobile broadband speeds come from: the ITU "
      "indicators or crowdsourced measurements?")),
    ("Household survey: how to ask about 5G coverage at home",
     ("Should the household questionnaire ask about 5G coverage or only about internet "
      "use? The data collection starts in May.")),
])
def test_a_mobile_generation_counted_by_an_indicator_is_ict_statistics(
        tagger: TopicTagger, subject: str, body: str) -> None:
    result = explain(tagger, subject, body)
    assert tagged(result) == ["ict-statistics"]
    # The explanation shows why IMT is not tagged: the indicator took its points off.
    [imt] = [tag for tag in result.rejected if tag.topic == "imt"]
    assert imt.score < 0
    assert all(e.negative and e.points < 0 for e in imt.evidence)


def test_mobile_broadband_itself_is_still_imt(tagger: TopicTagger) -> None:
    result = explain(tagger, "Mobile broadband for remote villages - IMT-2020 small cells",
                     "BDT would like BR's view on IMT-2020 configurations for sparsely "
                     "populated areas and the mobile broadband services they can carry.")
    assert "imt" in tagged(result)
    imt = next(tag for tag in result.tags if tag.topic == "imt")
    assert ("mobile broadband", "subject") in {(e.phrase, e.where) for e in imt.evidence}


def test_deepfakes_are_a_security_threat(tagger: TopicTagger) -> None:
    result = explain(tagger, "Deepfake voice calls used to impersonate ministers",
                     "Two administrations report synthetic media used in fraud: cloned "
                     "voices of officials asking staff to move money. Is there ITU work "
                     "on multimedia authenticity we can point them to?")
    assert "cybersecurity" in tagged(result)
    security = next(tag for tag in result.tags if tag.topic == "cybersecurity")
    assert {"deepfake", "synthetic media", "multimedia authenticity"} <= {
        e.phrase for e in security.evidence}


def test_the_coordination_table_is_governance(tagger: TopicTagger) -> None:
    result = explain(tagger, "Joint coordination table - May update",
                     "BR and TSB, please update your rows of the joint coordination table "
                     "by 20 May; BDT will review them before the ISCG meeting.")
    assert tagged(result) == ["governance"]
    [governance] = result.tags
    assert [(e.phrase, e.where) for e in governance.evidence][:1] == [
        ("coordination table", "subject")]
    # The liaison tracker reviewed at a meeting, with another governance signal.
    minutes = explain(tagger, "Summary of the ISCG meeting of 2 June",
                      "1. Members are invited to note the updated liaison tracker. "
                      "2. The Bureaux will report on WTDC follow-up in September.")
    assert "governance" in tagged(minutes)


def test_a_table_of_other_things_is_not_governance(tagger: TopicTagger) -> None:
    result = explain(tagger, "Table of speakers for the webinar",
                     "The table of speakers is attached; please check your names.")
    assert "governance" not in tagged(result)
