"""Topics, issue 13, tk-r25: events a report or plan of the group's work counts are not
what its thread is about (docs/evaluation.md, "tk-r25"; analyse/topic_documents.py).

A subject naming the group's report, work plan or operational plan, and no event, makes
the workshops and webinars its messages count or list the document's content: no
`events`. A subject naming the events too, a meeting's record ("Report of ..."), or a
subject naming no such document keep `events`.

Mail of our own wording in, topics out: the first case fails on ``main`` d1af6cd; the
others pass on both.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.services import topic_editing
from iscg_mailbot.settings.topics import TopicsConfig, load_topics
from tests.topic_tags import tagged

EVENTS = "events"
COUNTS = ("Dear colleagues, TSB: could you confirm the number of joint workshops held in "
          "2031? We count eight workshops and five webinars; the Lima seminar is in too.")


@pytest.fixture(scope="module")
def tagger() -> TopicTagger:
    return TopicTagger(load_topics("config/topics.yaml"))


@pytest.mark.parametrize("subject", [
    "Annual report 2031 - figures for chapter 3, by Friday",
    "Our work plan for 2032 - please check your lines",
    "Operational plan figures - what the Bureaux did together",
])
def test_events_a_report_counts_are_not_its_subject(tagger: TopicTagger,
                                                   subject: str) -> None:
    assert EVENTS not in tagged(tagger, subject, COUNTS)


@pytest.mark.parametrize("subject", [
    "Joint workshops 2031 - figures for the annual report",
    "Report of ISCG call 3/2031 - decisions and actions",
    "Figures for chapter 3, by Friday",
])
def test_events_named_in_the_subject_a_record_or_no_document_keep_events(
        tagger: TopicTagger, subject: str) -> None:
    assert EVENTS in tagged(tagger, subject, COUNTS)


def test_the_edit_form_keeps_counted_in() -> None:
    events = load_topics("config/topics.yaml").by_id(EVENTS)
    block = topic_editing._topic_block(events)
    assert "counted_in: [report, work plan, operational plan]" in block
    [written] = yaml.safe_load(textwrap.dedent(block))
    assert TopicsConfig.model_validate({"topics": [written]}).topics[0] == events
