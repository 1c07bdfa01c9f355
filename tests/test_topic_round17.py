"""Topics, issue 13 round 17 (tk-r17): precision on mail nobody here wrote.

- A topic's own ``min_share``: a topic the subject does not name needs that share of
  the strongest topic's score, in place of ``scoring.min_share``. The shipped list gives
  0.4 to events (a workshop named as the occasion of other work) and to spectrum (BR's
  part of a joint piece of work, next to what the other Bureaux bring).
- An ITU body named for its meeting ("the Q28/16 e-meeting", "the next meeting of ITU-D
  SG2 rapporteur group Q1/2") in a message is the occasion, not evidence of its topics
  (:mod:`iscg_mailbot.analyse.topic_roles`); named for its work, or its meeting named
  in the subject, it still is.
- Governance: the group's own decisions as its call notes record them ("the group took
  note", "ISCG took note", "the group noted the ...").

Mail of our own wording in, topics out: the first case of each test was tagged on
``main`` 2ce9d4f; its pair, where the subject names the topic, is tagged on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.topics import TopicsConfig, load_topics
from tests.topic_tags import tagged

COPPER = (
    ("Dear colleagues, our ministry is preparing national guidance on e-waste from old "
    "exchanges: the copper cables, the batteries and the circuit boards, which today end "
    "in landfill. We would like a circular economy approach. Could TSB point us to ITU "
    "texts on e-waste before the workshop we host in Lima on 3 March?"),
    ("Dear Ana, two L-series texts cover this; the rapporteur could present them "
    "remotely at your workshop."),
)


def test_the_workshop_a_text_is_wanted_for_is_not_the_thread_s_event(
        tagger: TopicTagger) -> None:
    assert tagged(tagger, "Old copper cables and switching equipment - recycling rather "
                  "than landfill", *COPPER) == ["environment"]
    assert tagged(tagger, "Lima workshop, 3 March - old copper cables and switching "
                  "equipment - recycling rather than landfill", *COPPER) == [
        "environment", "events"]


QUESTIONNAIRES = (
    ("Dear all, this year our administration received three questionnaires in the same "
    "quarter: one from BDT on ICT indicators for the household survey, one from TSB on "
    "the use of Recommendations, and one from BR on spectrum assignment and spectrum "
    "monitoring. Could the ISCG keep a calendar of the questionnaires and surveys of the "
    "three Bureaux?"),
)


def test_spectrum_as_br_s_part_of_a_joint_list_is_in_passing(tagger: TopicTagger) -> None:
    assert "spectrum" not in tagged(
        tagger, "Same questions from three Bureaux - could the questionnaires be spread "
        "out?", *QUESTIONNAIRES)
    assert "spectrum" in tagged(
        tagger, "Spectrum questionnaires from three Bureaux - could they be spread out?",
        *QUESTIONNAIRES)


def _config(share: float | None) -> TopicsConfig:
    topic: dict[str, object] = {"id": "events", "name": "Events", "phrases": ["workshop"]}
    if share is not None:
        topic["min_share"] = share
    return TopicsConfig.model_validate({
        "scoring": {"default_threshold": 2, "min_share": 0.25},
        "topics": [{"id": "ewaste", "name": "E-waste", "phrases": ["e-waste"]}, topic]})


@pytest.mark.parametrize(("share", "topics"), [(None, ["events", "ewaste"]),
                                               (0.4, ["ewaste"]), (0.0, ["events", "ewaste"])])
def test_a_topic_s_own_min_share_replaces_the_scoring_s(
        share: float | None, topics: list[str]) -> None:
    # e-waste 9 (three times in the subject), the workshop 3: a third of it.
    tagger = TopicTagger(_config(share))
    assert tagged(tagger, "e-waste, e-waste, e-waste", "the workshop and the workshop, "
                  "and the workshop again") == topics


def test_a_topic_s_min_share_is_a_share_below_one(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  - {id: ai, name: A, phrases: [x], min_share: 1.5}\n")
    with pytest.raises(ConfigError, match="min_share"):
        load_topics(path)


def test_a_body_named_for_its_meeting_is_no_evidence(tagger: TopicTagger) -> None:
    subject = "Standby radios switched on remotely for public alerts"
    liaison = ("Dear all, a liaison from WP 6A asks how broadcast receivers on standby "
               "could be switched on for public warning messages. For TSB, I will ask the "
               "SG16 counsellor {}")
    assert "e-health" not in tagged(
        tagger, subject,
        liaison.format("to put a reply on the agenda of the Q28/16 e-meeting in March."),
        "For the record: the reply was agreed at the Q28/16 e-meeting and sent yesterday.")
    assert "e-health" in tagged(
        tagger, subject, liaison.format("whether Q28/16 has any work on it."),
        "For the record: Q28/16 has a draft on it, a reply was sent yesterday.")
    # A subject naming the body's meeting says the thread is about that meeting's work.
    assert "e-health" in tagged(tagger, "Q28/16 e-meeting report", "Notes attached.")


def test_a_deadline_at_a_rapporteur_group_s_meeting_is_no_evidence(
        tagger: TopicTagger) -> None:
    subject = "Free-flow road tolling - a liaison to answer"
    assert tagged(
        tagger, subject,
        "Dear all, the liaison below asks which ITU texts cover free-flow road tolling. "
        "Deadline: 15 September (next meeting of ITU-D SG2 rapporteur group Q1/2).",
        "Noted; we will answer before the next meeting of the Q1/2 rapporteur group.",
    ) == []
    assert tagged(
        tagger, subject,
        "Dear all, the liaison below asks which ITU texts cover free-flow road tolling. "
        "Deadline: 15 September. Q1/2 is drafting a report on it.",
        "Noted; Q1/2 will get our answer.",
    ) == ["iot-smart-cities"]


CALL_NOTES = ("Dear all, my notes of yesterday's call: 1. Ana reported on the TDAG meeting; "
              "{}no action. 2. Pierre will circulate the list of joint webinars by 20 "
              "April. 3. Next call: 6 May.")


@pytest.mark.parametrize("decision", ["the group took note, ", "the ISCG took note, ",
                                      "the group noted the report, "])
def test_call_notes_recording_the_group_s_decisions_are_governance(
        tagger: TopicTagger, decision: str) -> None:
    # A subject naming the call's record ("Notes from Thursday's call") is governance by
    # itself since tk-r23 (tests/test_topic_round23.py): this one names only the call.
    subject = "Thursday's call (8 April)"
    assert tagged(tagger, subject, CALL_NOTES.format(decision)) == ["governance"]
    assert tagged(tagger, subject, CALL_NOTES.format("")) == []


def test_a_rapporteur_group_taking_note_of_a_liaison_is_not_governance(
        tagger: TopicTagger) -> None:
    assert "governance" not in tagged(
        tagger, "Reply on crowdsourced measurements",
        "The Rapporteur Group took note of the liaison and will reply in June.")
