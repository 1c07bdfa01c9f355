"""Topics: a weak (ambiguous) phrase needs a second, independent signal. The same weak
word in the subject and the messages is one signal when the subject is about another
topic; a weak phrase inside another topic's name belongs to that name (minimal pairs;
each first case failed before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.topic_names import in_other_name
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ThreadText
from iscg_mailbot.settings.topics import load_topics


def tagged(tagger: TopicTagger, subject: str, body: str) -> set[str]:
    """The topics of a one-message thread; both scorers must agree on them."""
    [fast] = tagger.tag_threads([ThreadText(1, subject, (body,))])
    plain = tagger.explain(subject, [body])
    assert fast.tags == plain.tags
    return {tag.topic for tag in fast.tags}


def test_a_weak_word_repeated_under_another_topics_subject_is_one_signal(
        tagger: TopicTagger) -> None:
    body = "The satellite dishes leave the warehouse on Monday."
    # The subject is about a flood: its "satellite" is the relief teams' equipment.
    # (Not "satellite phones": since tk-r13 a negative of spectrum, a means of connectivity.)
    assert "spectrum" not in tagged(tagger, "Flood response - satellite dishes", body)
    # A subject about nothing else says the thread is about satellites.
    assert "spectrum" in tagged(tagger, "Satellite dishes", body)
    # Two different weak words, one in each place, still support each other.
    assert "cybersecurity" in tagged(tagger, "Flood response - security of field teams",
                                     "The privacy of the families' records matters too.")
    # A weak acronym is a name: repeated under another topic's subject, it counts.
    assert "ai" in tagged(tagger, "IMT-2030 and AI-native radio design",
                          "Two drafts use AI-native in different senses.")


def test_a_weak_word_inside_another_topics_phrase_belongs_to_it(tagger: TopicTagger) -> None:
    subject = "Survey deadline"
    assert "ict-statistics" not in tagged(
        tagger, subject, "Replies feed the Global Cybersecurity Index this year.")
    assert "ict-statistics" in tagged(
        tagger, subject, "Replies feed the new connectivity index this year.")


def test_a_body_named_after_another_topic_is_that_topics(tagger: TopicTagger) -> None:
    assert "governance" not in tagged(
        tagger, "CWG-COP meeting dates",
        "The Council Working Group on Child Online Protection meets in May.")
    # Named after its own business (finance, staff): governance.
    assert "governance" in tagged(
        tagger, "CWG-FHR meeting dates",
        "The Council Working Group on Financial and Human Resources meets in May.")


def test_explain_says_why(tagger: TopicTagger) -> None:
    verdict = tagger.explain("Flood response - satellite dishes",
                             ["The satellite dishes and the Global Cybersecurity Index."])
    notes = "\n".join(verdict.notes)
    assert "spectrum: the same weak phrase in the subject and the messages is one signal" in notes
    assert "the subject names emergency-telecoms" in notes
    assert "ict-statistics: 'Index' (body) is part of another topic's name" in notes


@pytest.mark.parametrize(("text", "weak", "others", "named"), [
    ("Global Cybersecurity Index", (23, 28), [(0, 28)], True),     # held by a longer phrase
    ("CWG-COP", (0, 3), [(4, 7)], True),                            # hyphen, then its subject
    ("Working Group on Child Safety", (0, 13), [(17, 29)], True),  # "on", capitalised
    ("Working Group on child safety", (0, 13), [(17, 29)], False),  # not a name
    ("AI Workshop", (0, 2), [(3, 11)], False),                     # AI qualifies the workshop
    ("satellite on Disaster Relief", (0, 9), [(13, 28)], False),    # not capitalised
])
def test_what_a_name_is(text: str, weak: tuple[int, int], others: list[tuple[int, int]],
                        named: bool) -> None:
    assert in_other_name(text, *weak, others) is named


def test_the_settings_are_validated(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("scoring:\n  weak_in_names: perhaps\ntopics: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"weak_in_names.*true or false"):
        load_topics(path)
