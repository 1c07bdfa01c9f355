"""Topics, issue 13, tk-r25: a row of the group's own list or table is governance
(docs/evaluation.md, "tk-r25").

The group keeps its list of areas of mutual interest (and its work plan, its joint
activities table) as rows: a thread mapping, rewording, splitting or renumbering a row
is the group's own business, whatever subject the row names, as well as that subject.
A seat's row or a table's header row is not one.

Mail of our own wording in, topics out: the first case of each pair fails on ``main``
d1af6cd; its pair passes on both.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.topics import load_topics
from tests.topic_tags import tagged

GOVERNANCE = "governance"


@pytest.fixture(scope="module")
def tagger() -> TopicTagger:
    return TopicTagger(load_topics("config/topics.yaml"))


@pytest.mark.parametrize(("subject", "body"), [
    ("Row 3 wording (drones after floods) - who keeps it up to date?",
     "Dear all, the text was written before the drone pilots of 2031. BR or BDT?"),
    ("Satellite IoT for fishing boats - a line of its own or part of row 9?",
     "Hello, RAG would rather keep it inside the existing line. Views?"),
    ("Hearing loops in meeting rooms - any follow-up?",
     ("Colleagues, while mapping row 5 we found three texts on hearing loops. "
      "Should row 5 list all three, or only the ITU-T one? I will update row 5 "
      "once we agree.")),
])
def test_a_row_of_the_group_s_list_is_governance(tagger: TopicTagger, subject: str,
                                                 body: str) -> None:
    assert GOVERNANCE in tagged(tagger, subject, body)


@pytest.mark.parametrize(("subject", "body"), [
    ("Wording (drones after floods) - who keeps it up to date?",
     "Dear all, the text was written before the drone pilots of 2031. BR or BDT?"),
    ("Satellite IoT for fishing boats - a line of its own?",
     "Hello, RAG would rather keep it inside the existing line. Views?"),
    ("Hearing loops in meeting rooms - any follow-up?",
     ("Colleagues, three texts on hearing loops were found. Could the front row "
      "seats have a loop? And the header row of the sign-up table is missing. "
      "Please keep the back row free.")),
])
def test_no_row_of_the_list_no_governance(tagger: TopicTagger, subject: str,
                                          body: str) -> None:
    assert GOVERNANCE not in tagged(tagger, subject, body)
