"""Topics, issue 13 round 15 (tk-r15): the ISCG reports to the Sector advisory groups
(its Terms of Reference), so mail about the group's own working methods names them: one
volunteer per advisory group for its report to Council, the advisory group vice-chairs
asked how liaisons are tracked. "advisory group" is a weak governance phrase
(config/topics.yaml): with a second signal, or in the subject and a message, it tags
governance; an advisory group named once in passing does not.

Mail of our own wording in, topics out: the first case of each pair was not tagged
governance on ``main`` f6cd96a; its pair, the same mail with another group named, is
not (docs/evaluation.md, "the ISCG's own working methods").
"""

from __future__ import annotations

from iscg_mailbot.analyse.topics import TopicTagger
from tests.topic_tags import tagged


def test_one_volunteer_per_advisory_group_is_governance(tagger: TopicTagger) -> None:
    body = ("For our contribution to the next Council session I would like a small "
            "drafting group. Please tell me by Friday who from your {} can join.")
    assert "governance" in tagged(
        tagger, "Drafting group for our yearly contribution - one volunteer per advisory group",
        body.format("advisory group"))
    assert "governance" not in tagged(
        tagger, "Drafting group for our yearly contribution - one volunteer per team",
        body.format("team"))


def test_advisory_group_views_on_our_tracking_is_governance(tagger: TopicTagger) -> None:
    text = ("Our tracking table now has 60 entries, most of them information only. Could "
            "the {} vice-chairs give their views before the meeting?")
    assert "governance" in tagged(
        tagger, "Liaisons for information - keep them in the table?",
        text.format("advisory group"))
    assert "governance" not in tagged(
        tagger, "Liaisons for information - keep them in the table?",
        text.format("project"))


def test_an_advisory_group_named_in_passing_is_not(tagger: TopicTagger) -> None:
    assert "governance" not in tagged(
        tagger, "Household survey figures for 2026",
        "The household figures were validated by the expert advisory group last week; "
        "the country pages will be updated on Monday.")
