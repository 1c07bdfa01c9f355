"""Topics, issue 13 round 18 (tk-r18): the standardization gap and spectrum, vocabulary
from ITU's own texts, each class seen in two writers or more (docs/evaluation.md,
"the standardization gap and spectrum"):

- the standardization gap by remote participation (WTSA Resolution 32, PP Resolutions
  167 and 123) and by study group meetings, both weak: they tag next to a second sign
  of the topic, not as a meeting's logistics or accessibility;
- the groups of countries the gap Resolutions name (developing countries, LDCs, SIDS)
  and the ITU Academy are companions: who a piece of work is for, or where a course is
  given, not the topic; a course on standards or Recommendations still is;
- spectrum by bands named in kHz, MHz or GHz (the Radio Regulations' Article 5), by
  the conferences before and after WRC-27 and by the CPM's sessions.

Mail of our own wording in, topics out: the first case of each pair fails on ``main``
283c0ac; its pair passes on both. The accessible meeting's remote participation is a
guard: it holds on both (the phrase is weak, so it stays that meeting's setting).
"""

from __future__ import annotations

from iscg_mailbot.analyse.topics import TopicTagger
from tests.topic_tags import tagged

GAP = "standardization-gap"


def test_remote_participation_for_small_administrations_is_the_gap(
        tagger: TopicTagger) -> None:
    body = (
        "Several small administrations of the Caribbean cannot send anyone to Geneva. "
        "Could TSB tell us which autumn meetings will offer {}?"
    )
    assert GAP in tagged(tagger, "Autumn meetings - a question from the Caribbean",
                         body.format("full remote participation with speaking rights"))
    assert GAP not in tagged(tagger, "Autumn meetings - a question from the Caribbean",
                             body.format("interpretation into Spanish"))


def test_remote_participation_of_an_accessible_meeting_is_not_the_gap(
        tagger: TopicTagger) -> None:
    # Weak: the same phrase in the subject and the message is one signal when the
    # subject names accessibility.
    topics = tagged(
        tagger,
        "Accessible meeting documents and remote participation - a checklist",
        "The checklist asks for captioning, sign language where requested and remote "
        "participation platforms that work with screen readers.",
    )
    assert "accessibility" in topics and GAP not in topics


def test_first_time_delegates_at_study_group_meetings_are_the_gap(
        tagger: TopicTagger) -> None:
    body = (
        "Experienced delegates would accompany first-time delegates from developing "
        "countries during the week and help them draft their first text."
    )
    assert GAP in tagged(tagger, "A buddy scheme for study group meetings", body)
    assert GAP not in tagged(tagger, "A buddy scheme for the week", body)


def test_small_island_states_as_the_setting_of_alerting_are_not_the_gap(
        tagger: TopicTagger) -> None:
    alerting = tagged(
        tagger,
        "Cell broadcast alerting in small island States",
        "The tsunami early warning tests in the small island developing States of the "
        "Pacific showed that cell broadcast reached most phones within a minute.",
    )
    assert "emergency-telecoms" in alerting and GAP not in alerting
    assert GAP in tagged(
        tagger,
        "Fellowships for delegates from small island States",
        "BDT can fund ten fellowships for delegates of small island developing States.",
    )


def test_an_itu_academy_course_on_data_science_is_not_the_gap(tagger: TopicTagger) -> None:
    body = (
        "The ITU Academy will host a four-week online course on {} for young "
        "professionals. Could BDT confirm the lecturers by May?"
    )
    assert GAP not in tagged(tagger, "ITU Academy summer course",
                             body.format("data science with household survey data"))
    assert GAP in tagged(tagger, "ITU Academy summer course",
                         body.format("how ITU standards and Recommendations are made"))


def test_a_band_named_by_its_frequency_is_spectrum(tagger: TopicTagger) -> None:
    body = (
        "The weather service says its balloon radios drift out of their channel. Are "
        "there ITU texts the regulator could rely on?"
    )
    assert "spectrum" in tagged(tagger, "Weather balloon radios in the 403 MHz band", body)
    assert "spectrum" not in tagged(tagger, "Weather balloon radios in the islands", body)


def test_the_cpm_sessions_and_the_next_wrc_are_spectrum(tagger: TopicTagger) -> None:
    assert "spectrum" in tagged(tagger, "CPM27-2 and the regional meetings",
                                "A reminder that the dates are now out.")
    assert "spectrum" in tagged(tagger, "Phones that reach satellites - type approval",
                                "BR says the studies are linked to WRC-31 and end in 2031.")
    assert "spectrum" not in tagged(tagger, "The regional meetings",
                                    "A reminder that the dates are now out.")
