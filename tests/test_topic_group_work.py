"""Topics, issue 13, tk-w30: threads about the group's own work (docs/evaluation.md,
"tk-w30").

- The group's list of areas (topics, matters) of mutual interest of the Sectors, and
  the lead and contributing Sector each of its rows gives, are instruments of
  coordination under Resolution 191: a thread refreshing or arguing them is
  governance, whatever subject one row names. "lead sector" in lower case (a
  ministry, an industry) is not one.
- An event named by its place: a subject naming only where an event was held
  ("Maputo - slides and attendance list") is about the event its messages name with
  that place ("the Maputo seminar", "the forum in Lima"); a place the subject names
  that no message gives an event, or an event written with no place, is not.

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
    ("Two subjects to add for 2031?", HELLO),
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


EVENTS = "events"


@pytest.mark.parametrize(("subject", "body"), [
    ("Maputo - slides and attendance list",
     "The slides of the Maputo seminar are in the shared folder."),
    ("Lima: who pays the interpreters?",
     "For the forum in Lima, BR and BDT split the interpretation as agreed."),
    ("Suva follow-up report - one paragraph per Bureau",
     "Thanks again to all who came.\n\nThe report of the Suva joint workshop is due in May."),
])
def test_a_subject_naming_the_place_of_the_event_is_about_it(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert EVENTS in tagged(tagger, subject, body)


@pytest.mark.parametrize(("subject", "body"), [
    # The place in the subject, the event with no place.
    ("Maputo - slides and attendance list",
     "The slides of the seminar are in the shared folder."),
    # The event with its place, the subject elsewhere.
    ("Slides and attendance list",
     "The slides of the Maputo seminar are in the shared folder."),
    # A month is no place; a venue or a meeting in passing is no event.
    ("March - slides and attendance list",
     "The slides of the seminar in March are in the shared folder."),
    ("Lima office move - new phone numbers",
     "The new numbers are below; the venue of the Lima meeting is unchanged."),
])
def test_no_place_of_an_event_in_the_subject_no_event(
        tagger: TopicTagger, subject: str, body: str) -> None:
    assert EVENTS not in tagged(tagger, subject, body)


def test_explain_says_the_subject_names_the_event_by_its_place(tagger: TopicTagger) -> None:
    result = tagger.explain("Maputo - slides", ["The slides of the Maputo seminar are online."])
    [tag] = [tag for tag in result.tags if tag.topic == EVENTS]
    first = tag.evidence[0]
    assert (first.phrase, first.where, first.forms) == ("seminar", "subject", ("Maputo",))
    assert any("'Maputo'" in note for note in result.notes)


def test_both_scorers_read_the_place_in_the_subject_alike(tagger: TopicTagger) -> None:
    """The subject as the phrase finder reads it (a Unicode hyphen is "-") in both."""
    assert EVENTS in tagged(tagger, "Saint\u2011Louis - photos online",
                            "The photos of the Saint-Louis forum are online.")


@pytest.mark.parametrize(("not_a_place", "a_place"), [
    # A place of several words is all of them: "New" is a subject's common first word.
    (("New dates for the liaison statement", "See you all at the forum in New Delhi soon."),
     ("New Delhi - dates for the liaison", "See you all at the forum in New Delhi soon.")),
    # A language an event is held in is no place.
    (("Portuguese version of the questionnaire", "The webinar in Portuguese had 80 people."),
     ("Luanda version of the questionnaire", "The webinar in Luanda had 80 people.")),
    # A capitalised event word is a title's; the word before it is no place.
    (("Global index 2031 - country replies", "We met at the Global Symposium last year."),
     ("Dakar index 2031 - country replies", "We met at the Dakar symposium last year.")),
])
def test_a_common_capitalised_word_is_no_place(
        tagger: TopicTagger, not_a_place: tuple[str, str], a_place: tuple[str, str]) -> None:
    """Review of tk-w30: each first case was tagged an event on ``main`` 0e705ce."""
    assert EVENTS not in tagged(tagger, *not_a_place)
    assert EVENTS in tagged(tagger, *a_place)
