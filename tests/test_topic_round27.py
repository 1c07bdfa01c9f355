"""Topics, issue 13 round 27 (tk-r27): an ITU body's own context. A body of
``itu_bodies.yaml`` may list ``not_near`` words: a mention of it next to one of them is
other work of its mandate and gives its topics no points ("SG11" next to "SS7" or
"signalling" is signalling security, not conformance testing). Read by both scorers,
shown by ``topics explain``, checked by ``topics check`` (docs/evaluation.md, "an ITU
body's own context").

Mail of our own wording in, topics out: the first case of each pair was tagged
conformance on ``main`` c588476a; its pair, SG11 named for its test work, still is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.itu_bodies import check_itu_bodies, load_itu_bodies
from iscg_mailbot.settings.topics import load_topics
from tests.conftest import CONFIG
from tests.topic_tags import tagged


@pytest.mark.parametrize(("subject", "body"), [
    ("SS7 location tracking - anything from SG11?",
     ("Our operators see tracking attempts through SS7 every week. Has SG11 published "
      "anything we could point them to? SG11 and Diameter firewalls would help too.")),
    ("Roaming partners: signalling firewalls and SG11",
     "Our operators ask whether SG11 has signalling security texts they could cite."),
    ("Fake base stations near the airport - SG11 texts?",
     "A fake base station was found near the airport; does SG11 have a text on it?"),
])
def test_sg11_named_for_signalling_is_not_conformance(tagger: TopicTagger, subject: str,
                                                      body: str) -> None:
    assert "conformance" not in tagged(tagger, subject, body)


def test_sg11_named_for_its_test_work_is_still_conformance(tagger: TopicTagger) -> None:
    body = ("Our lab wants to run the SG11 test suites for VoLTE handsets. Could TSB "
            "send us the list of SG11 work items on this?")
    assert "conformance" in tagged(tagger, "VoLTE handsets - anything from SG11?", body)


def test_explain_notes_the_mention_left_out(tagger: TopicTagger) -> None:
    verdict = tagger.explain("Roaming partners: signalling firewalls and SG11", [
        "Our operators ask whether SG11 has signalling security texts they could cite."])
    assert any("ITU body ITU-T SG11" in note and "not_near" in note
               for note in verdict.notes)
    assert not any(tag.topic == "conformance" for tag in verdict.tags)


def _table(tmp_path: Path, entry: str) -> Path:
    table = tmp_path / "itu_bodies.yaml"
    table.write_text(f"bodies:\n  - {entry}\n", encoding="utf-8")
    return table


def test_not_near_is_read_from_the_table(tmp_path: Path) -> None:
    table = _table(tmp_path, "{body: ITU-T SG11, topics: [conformance], "
                             "not_near: ['  SS7 ', Diameter, SS7]}")
    [body] = load_itu_bodies(table).bodies
    assert body.not_near == ("SS7", "Diameter")
    with pytest.raises(ConfigError, match="not_near"):
        load_itu_bodies(_table(tmp_path, "{body: ITU-T SG11, topics: [conformance], "
                                         "not_near: [SS7, ' ']}"))


def test_check_names_not_near_on_a_body_of_no_topic(tmp_path: Path) -> None:
    table = _table(tmp_path, "{body: ITU-T SG9, topics: [], not_near: [cable]}")
    [problem] = check_itu_bodies(table, {"conformance"})
    assert "ITU-T SG9" in problem and "not_near has no effect" in problem


@pytest.mark.parametrize(("value", "fix"), [
    ("SS7", "must be a list in brackets, even of one item: [...]"),
    ("[SS7, ' ']", "holds a blank word; remove it"),
    ("[SS7, null]", "holds a blank word; remove it"),
])
def test_a_bad_not_near_says_file_key_and_fix_on_one_line(tmp_path: Path, value: str,
                                                          fix: str) -> None:
    # One word written without brackets is the likeliest slip; "a valid tuple" names no
    # fix. A null item (an empty "- " line) is no word, not the word "None".
    table = _table(tmp_path, f"{{body: ITU-T SG11, topics: [conformance], not_near: {value}}}")
    with pytest.raises(ConfigError) as error:
        load_itu_bodies(table)
    assert str(error.value) == f"{table}: bodies[0] (ITU-T SG11): not_near: {fix}"


def test_topics_yaml_and_the_table_read_not_near_words_alike(tmp_path: Path) -> None:
    # One reader of word lists: a number is a word in both files (YAML reads 1800 as one).
    table = _table(tmp_path, "{body: ITU-T SG11, topics: [conformance], not_near: [1800, SS7]}")
    [body] = load_itu_bodies(table).bodies
    assert body.not_near == ("1800", "SS7")


def test_explain_names_the_word_that_left_a_mention_out(tagger: TopicTagger) -> None:
    # With five words on SG11, the secretariat needs to see which one stood next to the
    # mention to judge it (a word to remove from not_near, or a right call).
    body = ("Is there anything from SG11 on Diameter roaming? Separately, our statistics "
            "office says the index of ISCG documents is out of date.")
    verdict = tagger.explain("Question for the group", [body])
    assert ("conformance: ITU body ITU-T SG11 ('SG11', body) stands next to 'Diameter', "
            "one of the body's not_near words, not counted") in verdict.notes
    assert ("ict-statistics: 'index' (body) stands next to 'documents', one of its "
            "not_near words, not counted") in verdict.notes


def test_an_agenda_item_written_with_its_conference_is_read_in_its_own_place(
        tmp_path: Path) -> None:
    # "WRC-27 agenda item 1.13" was placed from "agenda", seven characters on: its span
    # then hid the word right after it ("on" + "satellites") from the context search.
    table = _table(tmp_path, "{body: WRC-27 AI 1.13, topics: [imt], weight: 5, "
                             "not_near: [satellite]}")
    own = TopicTagger(load_topics(CONFIG / "topics.yaml"), bodies=load_itu_bodies(table))
    subject = "Notes on our input"
    assert "imt" in tagged(own, subject, "Our input to WRC-27 agenda item 1.13 is attached.")
    body = "Our input to WRC-27 agenda item 1.13 on satellites is attached."
    assert "imt" not in tagged(own, subject, body)
    assert "'WRC-27 agenda item 1.13'" in _imt_notes(own, subject, body)


def _imt_notes(tagger: TopicTagger, subject: str, body: str) -> str:
    return " ".join(note for note in tagger.explain(subject, [body]).notes
                    if note.startswith("imt:"))
