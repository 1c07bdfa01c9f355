"""Topics, issue 13 (tk-r24): a thread whose subject names a meeting's record.

The report, minutes, decisions or action log of a call lists what the meeting worked
on, one item per subject: each is the group's work, not a passing mention. With
``scoring.record_subjects`` (analyse/topic_records.py) no message of such a thread is an
overview and min_share does not apply. Mail of our own wording; the first case of each
pair fails with the rule off (``record_subjects: []``, the behaviour before), its pair
(the same mail under a subject that names no record) is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.topic_personal import PersonalNotes
from iscg_mailbot.analyse.topic_records import MeetingRecords
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText
from iscg_mailbot.settings.itu_bodies import load_itu_bodies
from tests.topic_tags import tagged

REPORT = ("Dear all, below the outcome of our call of 12 March (14 participants).\n\n"
          "Decisions\n"
          "D-1 The joint digital skills course for customs officers goes ahead in May.\n"
          "D-2 BR and BDT write one note on emergency telecommunications for the Pacific.\n"
          "D-3 The child online protection guidelines are reviewed in June.\n\n"
          "Actions\n"
          "AP 4/2031  BDT to send the smart sustainable cities toolkit  due 2 April")
ITEMS = {"digital-skills", "emergency-telecoms", "child-online-protection",
         "iot-smart-cities"}
DOMINANT = ("Dear all, the outcome of our call of 12 March.\n\n"
            "Decisions\n"
            "D-1 The emergency telecommunications plan for the Pacific is adopted: early "
            "warning by cell broadcast, disaster relief radio kits, emergency "
            "telecommunications drills in Fiji and Tonga, and disaster risk reduction "
            "training for the national disaster management offices.\n"
            "D-2 BR checks the spectrum management needs and the frequency bands of the "
            "new HF links.\n")


@pytest.fixture(scope="module")
def rule_off(tagger: TopicTagger) -> TopicTagger:
    """The shipped list without record_subjects (the behaviour before tk-r24)."""
    scoring = tagger.config.scoring.model_copy(update={"record_subjects": ()})
    return TopicTagger(tagger.config.model_copy(update={"scoring": scoring}), tagger.nlp,
                       bodies=load_itu_bodies(Path(__file__).resolve().parents[1]
                                              / "config" / "itu_bodies.yaml"))


def test_a_records_items_are_its_topics(tagger: TopicTagger, rule_off: TopicTagger) -> None:
    subject = "Report of ISCG call 3/2031 (12 March) - decisions and actions"
    assert set(tagged(tagger, subject, REPORT)) >= ITEMS
    assert not ITEMS & set(tagged(rule_off, subject, REPORT))  # an overview before


def test_the_same_list_under_another_subject_is_an_overview(tagger: TopicTagger) -> None:
    assert not ITEMS & set(tagged(tagger, "ISCG call 3/2031 (12 March)", REPORT))


def test_a_short_item_of_a_record_is_no_passing_mention(tagger: TopicTagger,
                                                         rule_off: TopicTagger) -> None:
    subject = "Minutes of the ISCG call of 12 March"
    assert "spectrum" in tagged(tagger, subject, DOMINANT)
    assert "spectrum" not in tagged(rule_off, subject, DOMINANT)


def test_outside_a_record_min_share_still_applies(tagger: TopicTagger) -> None:
    assert tagged(tagger, "ISCG call of 12 March", DOMINANT) == ["emergency-telecoms"]
    # "report on" names a subject, not a record of a meeting.
    assert tagged(tagger, "Council 2031 - report on the call of 12 March",
                  DOMINANT) == ["emergency-telecoms"]


def test_explain_says_why(tagger: TopicTagger) -> None:
    [verdict] = tagger.explain_threads([ThreadText(1, "Action log - status as at 21 May",
                                                   (REPORT,))])
    assert any("meeting's record ('Action log')" in note for note in verdict.notes)


@pytest.mark.parametrize(("subject", "word"), [
    ("Call 2/2031 - summary, AP 9/2031 to AP 15/2031", "AP 9"),
    ("Call 4/2031 - one-line reports on AP19", "AP19"),
    ("ISCG-31/1 draft summary and APs - comments by 29 March", "APs"),
    ("Notes of the informal side meeting in Kigali, 21 May", "Notes of"),
    ("Report of ISCG call 5/2031 - decisions and actions", "Report of"),
    ("Draft report on the AP region's plans", None),
    ("Summary: the mapping study", None),
])
def test_record_subjects(tagger: TopicTagger, subject: str, word: str | None) -> None:
    assert MeetingRecords(tagger.config.scoring.record_subjects).named_in(subject) == word


@pytest.mark.parametrize("subject", ["Handover of AP 9/2029 to Sofia", "Leaving the AP region",
                                     "LEAVING  the group", "Leavings"])
def test_every_list_of_subject_words_is_read_alike(subject: str) -> None:
    # personal_subjects and record_subjects are lists of the same kind (whole words, any
    # case, " #" before a number): one reading, not two copies drifting apart.
    words = ["leaving", "AP #"]
    assert PersonalNotes(words).named_in(subject) == MeetingRecords(words).named_in(subject)
