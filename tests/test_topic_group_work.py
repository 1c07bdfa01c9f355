"""Topics, issue 13, tk-w30: threads about the group's own work (docs/evaluation.md,
"tk-w30").

- The group's list of areas (topics, matters) of mutual interest of the Sectors, and
  the lead and contributing Sector each of its rows gives, are instruments of
  coordination under Resolution 191: a thread refreshing or arguing them is
  governance, whatever subject one row names. "lead sector" in lower case (a
  ministry, an industry) is not one.

Mail of our own wording in, topics out: the first case of each pair fails on ``main``
f26fd92; its pair passes on both.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.topics import load_topics
from tests.topic_tags import tagged

GOVERNANCE = "governance"
HELLO = "Dear colleagues, a short note for the list."


@pytest.fixture(scope="module")
def tagger() -> TopicTagger:
    return TopicTagger(load_topics("config/topics.yaml"))


@pytest.mark.parametrize(("subject", "body"), [
    ("Matters of mutual interest for 2031 - two rows to add?", HELLO),
    ("Rev.2 of our table, comments by Monday",
     ("Rev.2 of the table of topics of mutual interest is attached.\n\n"
      "BDT is now the lead Sector in row 4; the rest is editorial.")),
    ("Row 7 (satellite IoT) - lead or contributing Sector?", HELLO),
])
def test_the_list_of_mutual_interest_and_its_rows_are_governance(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert GOVERNANCE in tagged(tagger, subject, body)


@pytest.mark.parametrize(("subject", "body"), [
    ("Two rows to add for 2031?", HELLO),
    ("Rev.2 of our table, comments by Monday",
     ("Rev.2 of the table of figures is attached.\n\n"
      "BDT now sends the figures in row 4; the rest is editorial.")),
    ("Health as the lead sector for e-waste take-back?", HELLO),
])
def test_without_those_words_no_governance(tagger: TopicTagger, subject: str,
                                           body: str) -> None:
    assert GOVERNANCE not in tagged(tagger, subject, body)


def test_a_lead_sector_of_industry_is_no_coordination(tagger: TopicTagger) -> None:
    """Exact spelling: the Sectors of ITU have a capital S."""
    assert GOVERNANCE not in tagged(
        tagger, "Tourism, the lead sector of the island's economy - roaming prices",
        "Tourism is the lead sector there; mining is a contributing sector.")
