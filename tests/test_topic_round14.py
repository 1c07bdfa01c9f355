"""Topics, issue 13 round 14 (tk-r14): the Sectors or their Bureaux named as the parties
of one piece of joint work ("same questions from three Bureaux", "issued jointly by two
Bureaux", "defined differently by the Sectors", "three groups in two Sectors") are
Resolution 191's subject, coordination among the Sectors, as "the three Sectors" already
was (config/topics.yaml, governance; exact spelling, capital S or B).

Mail of our own wording in, topics out: the first case of each pair was not tagged
governance on ``main`` afab8f6; its pair, the same words about sectors of an economy or
a Bureau of one's own, is not (docs/evaluation.md, "the Sectors as parties").
"""

from __future__ import annotations

from iscg_mailbot.analyse.topics import TopicTagger
from tests.topic_tags import tagged

SUBJECT = "Member States answer the same questions from three Bureaux - one calendar?"


def test_three_bureaux_asking_the_same_is_governance(tagger: TopicTagger) -> None:
    assert "governance" in tagged(
        tagger, SUBJECT,
        "Dear colleagues, administrations tell us they receive similar requests from "
        "two Bureaux in the same month. Could we agree one calendar?")


def test_sectors_of_an_economy_are_not(tagger: TopicTagger) -> None:
    assert "governance" not in tagged(
        tagger, "Member States answer the same questions from three ministries - one calendar?",
        "Dear colleagues, administrations tell us they receive similar requests from "
        "two sectors of the economy in the same month. Could we agree one calendar?")


def test_terms_defined_differently_by_the_sectors_is_governance(tagger: TopicTagger) -> None:
    body = "The terminology team found 140 such terms. Could each team review its list?"
    assert "governance" in tagged(
        tagger, "Terms database - 140 terms defined differently by the Sectors", body)
    assert "governance" not in tagged(
        tagger, "Terms database - 140 terms defined differently by the authors", body)
