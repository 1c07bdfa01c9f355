"""Topics, issue 13 round 23 (tk-r23): where a phrase counts (docs/evaluation.md,
"the record of the group's meetings"):

- ``subject_only``: a phrase counts in a thread's subject only;
- ``only_near``: a phrase counts only with one of its words next to it (the mirror of
  ``not_near``);
- governance by the record of one of the group's calls or meetings named in the subject
  ("Call 2/2029 - summary", "Notes from the 2/17 call").

Mail of our own wording in, topics out: the first case of each pair fails on ``main``
6ec5fcb; its pair passes on both.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.services import topic_editing
from iscg_mailbot.settings.topics import TopicsConfig, load_topics
from tests.topic_tags import tagged

GOV = "governance"


@pytest.fixture(scope="module")
def tagger() -> TopicTagger:
    return TopicTagger(load_topics("config/topics.yaml"))


def _toy(**flags: object) -> TopicTagger:
    return TopicTagger(TopicsConfig.model_validate({
        "scoring": {"default_threshold": 2.5, "subject_weight": 3, "body_weight": 1},
        "topics": [{"id": "rec", "name": "Records",
                    "phrases": [{"phrase": "notes", "weight": 3, **flags}]}]}))


def test_a_subject_only_phrase_counts_in_the_subject() -> None:
    toy = _toy(subject_only=True)
    assert tagged(toy, "Notes of Tuesday", "Hello all.") == ["rec"]
    assert tagged(toy, "Tuesday", "My notes are attached.") == []
    # The same phrase without the flag counts in a message too.
    assert tagged(_toy(), "Tuesday", "My notes are attached.") == ["rec"]


def test_an_only_near_phrase_needs_its_words_next_to_it() -> None:
    toy = _toy(only_near=["call", "meeting"])
    assert tagged(toy, "Tuesday", "The notes of the call are attached.") == ["rec"]
    assert tagged(toy, "Tuesday", "The notes of the report are attached.") == []
    # In its paragraph only.
    assert tagged(toy, "Tuesday", "The notes are attached.\n\nThe call was long.") == []


def test_explain_says_why_such_a_phrase_is_left_out() -> None:
    notes = _toy(subject_only=True).explain("Tuesday", ["My notes of the call."]).notes
    assert any("subject only" in note for note in notes)
    notes = _toy(only_near=["call"]).explain("Tuesday", ["Notes on the report."]).notes
    assert any("only_near" in note for note in notes)


@pytest.mark.parametrize("subject", [
    "Call 2/2029 - summary, AP 9/2029 to AP 15/2029",
    "Notes from the 2/17 call + action list",
    "Tuesday's call (2 February) - my notes, for correction",
    "ISCG meeting 1 June - conclusions",
    "6 Feb session - APs 30/1-1 to 30/1-5",
])
def test_the_record_of_a_group_call_is_governance(tagger: TopicTagger, subject: str) -> None:
    assert GOV in tagged(tagger, subject, "Dear all, please find below what we agreed.")


@pytest.mark.parametrize(("subject", "body"), [
    # No call or meeting: the summary of a report, notes of a study.
    ("Summary of the e-waste report", "Dear all, please find below what we agreed."),
    ("Call 2/2029 - agenda", "Dear all, please find below what we agreed."),
    # "notes" of a call in a message, not in the subject.
    ("Thursday", "Dear all, my notes of the call are below."),
])
def test_other_notes_and_summaries_are_not(tagger: TopicTagger, subject: str,
                                           body: str) -> None:
    assert GOV not in tagged(tagger, subject, body)


def test_the_edit_form_keeps_where_a_phrase_counts() -> None:
    gov = load_topics("config/topics.yaml").by_id(GOV)
    lines = topic_editing.phrase_lines(topic_editing.phrase_text(gov.phrases))
    [notes] = [line for line in lines if line["phrase"] == "notes"]
    assert notes["subject_only"] is True and notes["only_near"] == ["call", "meeting", "session"]
    block = topic_editing._topic_block(gov)
    assert "subject_only: true, only_near: [call, meeting, session]" in block
    [written] = yaml.safe_load(textwrap.dedent(block))
    assert TopicsConfig.model_validate({"topics": [written]}).topics[0].phrases == gov.phrases


def test_ai_for_good_in_a_subject_is_the_summit(tagger: TopicTagger) -> None:
    body = "Dear all, BR and BDT could share one stand; the floor plan is due on 19 May."
    assert "events" in tagged(tagger, "AI for Good 2028 - one stand for BR and BDT?", body)
    # In a message alone it is as often ITU's AI programme of that name.
    assert "events" not in tagged(tagger, "One stand for BR and BDT?",
                                  "Dear all, the AI for Good use cases are in the annex.")


def test_a_subject_only_phrase_may_be_in_a_second_topic() -> None:
    from iscg_mailbot.settings.topics import check_topics

    def listed(flags: dict[str, object]) -> list[str]:
        return check_topics(TopicsConfig.model_validate({"topics": [
            {"id": "ai", "name": "AI", "phrases": ["AI for Good"]},
            {"id": "events", "name": "Events", "phrases": [{"phrase": "AI for Good", **flags}]},
        ]}))

    assert any("also in topic" in line for line in listed({}))
    assert not any("also in topic" in line for line in listed({"subject_only": True}))
