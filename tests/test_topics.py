"""Topic tagging (analyse.topics, analyse.nlp, analyse.entities) and the topic list
(topics_config): matching variants, scoring, evidence, entities, config errors."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.analyse.nlp import (
    EntityFinder,
    PhraseFinder,
    PhrasePattern,
    build_pipeline,
    flatten_whitespace,
    spelling_variants,
)
from iscg_mailbot.analyse.topics import TopicTagger, evaluate_tags
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage, ThreadText
from iscg_mailbot.settings.topics import (
    TopicsConfig,
    check_topics,
    check_topics_file,
    load_topics,
)
from iscg_mailbot.source.archive import read_archive

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TOPICS = ROOT / "config" / "topics.yaml"
SAMPLE_ARCHIVE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return build_pipeline()


@pytest.fixture(scope="module")
def tagger(nlp) -> TopicTagger:  # type: ignore[no-untyped-def]
    """The tagger of the shipped topic list."""
    return TopicTagger(load_topics(DEFAULT_TOPICS), nlp)


def small_config(**scoring: float) -> TopicsConfig:
    """A two-topic list whose numbers the tests can reason about."""
    return TopicsConfig.model_validate(
        {
            "scoring": {"subject_weight": 3, "body_weight": 1, "max_count": 3,
                        "default_threshold": 2, **scoring},
            "topics": [
                {
                    "id": "cyber",
                    "name": "Cybersecurity",
                    "phrases": ["cyber-security", "network", {"phrase": "malware", "weight": 2}],
                    "acronyms": ["CIRT"],
                    "negatives": ["network of women"],
                },
                {
                    "id": "spectrum",
                    "name": "Spectrum",
                    "phrases": ["spectrum", {"phrase": "spectrum management", "weight": 2}],
                    "acronyms": ["ITS"],
                    "negatives": [{"phrase": "broad spectrum", "weight": 0.5}],
                    "threshold": 4,
                },
            ],
        }
    )


@pytest.fixture(scope="module")
def small(nlp) -> TopicTagger:  # type: ignore[no-untyped-def]
    return TopicTagger(small_config(), nlp)


def explain(tagger: TopicTagger, subject: str, *texts: str) -> dict[str, float]:
    """Scores of every topic with evidence (tagged or not)."""
    verdict = tagger.explain(subject, texts)
    return {tag.topic: tag.score for tag in (*verdict.tags, *verdict.rejected)}


def tags(tagger: TopicTagger, subject: str, *texts: str) -> list[str]:
    return [tag.topic for tag in tagger.tag_threads([ThreadText(1, subject, texts)])[0].tags]


# --- matching: lemma, case, hyphen, spelling, line breaks ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cybersecurity",
        "cyber-security",
        "cyber security",
        "CYBER SECURITY",
        "Cyber\nsecurity",
        "cyber\u2011security",
        "cyber\u2013security",
    ],
)
def test_hyphen_space_case_and_line_break_variants_match(small: TopicTagger, text: str) -> None:
    verdict = small.explain("", [f"We discussed {text} today."])
    [tag] = verdict.rejected  # 1 point in the body: below the threshold of 2
    assert tag.topic == "cyber"
    assert tag.evidence[0].phrase == "cyber-security"
    assert tag.evidence[0].count == 1
    seen = tag.evidence[0].forms[0]
    assert seen == text.replace("\n", " ").replace("\u2011", "-")


def test_inflections_match_the_lemma(small: TopicTagger) -> None:
    verdict = small.explain("", ["Several Networks were hit; the network is down."])
    [evidence] = verdict.tags[0].evidence
    assert (evidence.phrase, evidence.count) == ("network", 2)
    assert set(evidence.forms) == {"Networks", "network"}


@pytest.fixture(scope="module")
def new_words(nlp) -> TopicTagger:  # type: ignore[no-untyped-def]
    """Phrases of words the lemma table lacks, one written in the plural."""
    return TopicTagger(TopicsConfig.model_validate({
        "scoring": {"subject_weight": 3, "body_weight": 1, "default_threshold": 1},
        "topics": [
            {"id": "events", "name": "Events", "phrases": ["webinar", "hackathons"]},
            {"id": "ewaste", "name": "E-waste", "phrases": ["e-waste"]},
            {"id": "fakes", "name": "Deepfakes", "phrases": ["deepfake"],
             "acronyms": ["CIRT"]},
        ],
    }), nlp)


@pytest.mark.parametrize(("text", "phrase", "forms"), [
    ("Two Webinars and a webinar next week.", "webinar", {"Webinars", "webinar"}),
    ("A hackathon in Kigali.", "hackathons", {"hackathon"}),
    ("Collecting ewastes and e-wastes.", "e-waste", {"ewastes", "e-wastes"}),
    ("Detecting deepfakes.", "deepfake", {"deepfakes"}),
])
def test_new_words_match_in_the_singular_and_the_plural(
        new_words: TopicTagger, text: str, phrase: str, forms: set[str]) -> None:
    """Words the lemma table lacks read as their regular singular, in the phrase and in
    the text alike; the evidence shows the words as the text wrote them."""
    [tag] = new_words.explain("", [text]).tags
    [evidence] = tag.evidence
    assert (evidence.phrase, set(evidence.forms)) == (phrase, forms)


@pytest.mark.parametrize("text", [
    "Webinarists and hackathoners met.",  # other words, with their own plurals
    "Deepfakers at work; e-wasters too.",
    "The CIRTs of the region.",  # an acronym matches its exact spelling only
])
def test_other_new_words_do_not_match(new_words: TopicTagger, text: str) -> None:
    assert explain(new_words, "", text) == {}


def test_british_and_american_spellings_are_one_word(nlp) -> None:  # type: ignore[no-untyped-def]
    finder = PhraseFinder(nlp, [PhrasePattern("std", "standardization gap")])
    [found] = list(finder.find(["Bridging the Standardisation Gap"]))
    assert [hit.text for hit in found.hits] == ["Standardisation Gap"]


def test_acronyms_match_their_exact_case_only(small: TopicTagger) -> None:
    assert explain(small, "ITS deployment") == {"spectrum": 3.0}
    assert explain(small, "its deployment") == {}
    assert explain(small, "Its deployment") == {}


def test_generation_names_match_whatever_follows(tagger: TopicTagger) -> None:
    for text in ("Rollout of 5G.", "5G, 6G and beyond", "5G/IMT-2020 systems", "(5G)"):
        verdict = tagger.explain("", [text])  # matched, whether or not above threshold
        evidence = (verdict.tags + verdict.rejected)[0].evidence
        assert "5G" in {e.phrase for e in evidence}, text


def test_spelling_variants() -> None:
    assert spelling_variants("e-health") == ["e health", "e-health", "ehealth"]
    assert spelling_variants("network") == ["network"]
    assert len(spelling_variants("smart sustainable cities")) == 9
    # Long phrases get only the all-space and all-hyphen forms.
    assert spelling_variants("a b c d e") == ["a b c d e", "a-b-c-d-e"]


def test_flatten_whitespace_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    assert flatten_whitespace("screen\n  readers\tand\r\nmore\n\n\n  Next") == (
        "screen readers and more\n\nNext"
    )
    assert flatten_whitespace("  plain  ") == "plain"


def _flatten_by_words(text: str) -> str:
    """flatten_whitespace by its definition: words of each paragraph joined by one space."""
    if "\n" not in text and "  " not in text and "\t" not in text:
        return text.strip()
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n[^\S\n]*\n\s*", text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


# Words, and the white space and marks that decide between the quick and general ways.
_PIECES = ["word", "x y", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r", "\xa0", "\u2028",
           "\u3000", "\x0c", "\x00", "\u00b6", " \u00b6 ", "\u200b", "é"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_flatten_whitespace_quick_way_agrees_with_word_splitting(text: str) -> None:
    assert flatten_whitespace(text) == _flatten_by_words(text)


def test_phrases_never_match_across_texts_or_paragraphs(small: TopicTagger) -> None:
    # "cyber" ends one text and "security" starts the next (they share a Doc inside).
    assert explain(small, "", "about cyber", "security matters") == {}
    assert explain(small, "", "about cyber\n\nsecurity matters") == {}


def test_grouping_many_texts_gives_the_same_findings_as_one_by_one(nlp) -> None:  # type: ignore[no-untyped-def]
    patterns = [PhrasePattern("c", "cyber-security"), PhrasePattern("t", "TSAG", True)]
    finder = PhraseFinder(nlp, patterns)
    texts = [f"Text {i}: cyber security at TSAG-TD{i}, see SG17. " * (i % 3) for i in range(150)]
    together = list(finder.find(texts))
    alone = [next(finder.find([text])) for text in texts]
    assert together == alone
    assert together[3] == together[6] == ((), (), ())  # empty texts (no hit, entity or start)
    assert together[5].hits[0].start == len("Text 5: ")
    assert [e.key for e in together[5].entities] == ["TSAG-TD5", "SG17", "TSAG-TD5", "SG17"]


# --- scoring ------------------------------------------------------------------------


def test_subject_matches_weigh_more_than_body_matches(small: TopicTagger) -> None:
    verdict = small.explain("Malware alert", ["New malware found."])
    [tag] = verdict.tags
    assert {(e.where, e.points) for e in tag.evidence} == {("subject", 6.0), ("body", 2.0)}
    assert tag.score == 8.0


def test_counts_are_capped_by_max_count(small: TopicTagger) -> None:
    [tag] = small.explain("", ["malware " * 10]).tags
    assert (tag.evidence[0].count, tag.evidence[0].points) == (10, 6.0)


def test_counts_add_up_over_the_messages_of_a_thread(small: TopicTagger) -> None:
    [tag] = small.explain("", ["One network.", "Another network.", "No match."]).tags
    assert (tag.evidence[0].count, tag.score) == (2, 2.0)


def test_per_topic_thresholds(small: TopicTagger) -> None:
    # spectrum needs 4: "spectrum" twice in the body (2) or once in the subject (3) is
    # not enough, twice in the subject (6) is.
    assert tags(small, "", "spectrum, spectrum") == []
    assert tags(small, "Spectrum", "") == []
    assert tags(small, "Spectrum, spectrum", "") == ["spectrum"]
    # cyber has the default threshold 2: two body hits are enough.
    assert tags(small, "", "network, network") == ["cyber"]


def test_the_longest_of_overlapping_phrases_counts_once(small: TopicTagger) -> None:
    [tag] = small.explain("Spectrum management", []).tags
    assert [(e.phrase, e.points) for e in tag.evidence] == [("spectrum management", 6.0)]


def test_negative_phrases_cancel_the_phrases_inside_them_and_subtract(small: TopicTagger) -> None:
    verdict = small.explain("", ["A broad spectrum of views; spectrum spectrum spectrum."])
    [tag] = verdict.rejected
    assert tag.topic == "spectrum"
    by_phrase = {e.phrase: e for e in tag.evidence}
    assert by_phrase["spectrum"].count == 3  # the fourth is inside "broad spectrum"
    assert by_phrase["broad spectrum"].negative
    assert by_phrase["broad spectrum"].points == -0.5
    assert tag.score == 2.5
    # "network" inside the negative "network of women" does not count for cyber.
    assert explain(small, "Network of Women", "network of women") == {"cyber": -4.0}


def test_tags_are_ordered_best_first_and_rejected_only_when_explaining(small: TopicTagger) -> None:
    thread = ThreadText(7, "Spectrum management and CIRT", ("malware", "spectrum"))
    [result] = small.tag_threads([thread])
    assert result.thread_id == 7
    assert [t.topic for t in result.tags] == ["spectrum", "cyber"]
    assert result.tags[0].score > result.tags[1].score
    assert result.rejected == ()
    assert small.explain("", ["network"]).rejected[0].topic == "cyber"


def test_empty_and_blank_threads_have_no_tags(tagger: TopicTagger) -> None:
    results = tagger.tag_threads(
        [ThreadText(1, "", ()), ThreadText(2, "   ", ("", "\n\n")), ThreadText(3, "Thanks", ("OK",))]
    )
    assert [(r.thread_id, r.tags, r.entities) for r in results] == [
        (1, (), ()), (2, (), ()), (3, (), ())
    ]


def test_quoted_text_and_signatures_do_not_count(tagger: TopicTagger) -> None:
    raw = (
        b"From: Ann <ann@example.org>\r\nSubject: Re: next meeting\r\n"
        b"Message-ID: <q1@example.org>\r\nIn-Reply-To: <q0@example.org>\r\n\r\n"
        b"Thursday works for me.\r\n\r\n"
        b"On Mon, 3 Mar 2025, Bob wrote:\r\n"
        b"> We need to discuss child online protection, cybersecurity and e-waste.\r\n"
        b"> The COP guidelines and the CIRT assessment are late.\r\n"
    )
    parsed = parse_message(RawMessage(raw, Provenance()))
    assert "cybersecurity" in parsed.quoted_text
    [result] = tagger.tag_threads([ThreadText(1, parsed.subject, (parsed.new_text,))])
    assert result.tags == ()


# --- the shipped topic list on realistic mail ---------------------------------------


def test_default_topics_tag_typical_wording(tagger: TopicTagger) -> None:
    assert tags(tagger, "Updated COP guidelines for industry") == ["child-online-protection"]
    assert tags(tagger, "", "The joint ITU/WHO standard on safe listening was approved; "
                "WHO will promote it for digital health.") == ["e-health"]
    assert tags(tagger, "Re: Room booking", "Room K is booked for 18 June.") == []
    assert set(tags(tagger, "AI for Good summit: workshop on machine learning")) == {"ai", "events"}


def test_default_topic_list_is_clean() -> None:
    config = load_topics(DEFAULT_TOPICS)
    assert check_topics(config, DEFAULT_TOPICS) == []
    assert len(config.topics) == 19
    for wanted in ("imt", "spectrum", "emergency-telecoms", "environment", "cybersecurity",
                   "child-online-protection", "accessibility", "conformance",
                   "standardization-gap", "ai", "iot-smart-cities", "financial-inclusion",
                   "e-health", "its", "quality-of-service", "ict-statistics",
                   "digital-skills", "events", "governance"):
        assert config.by_id(wanted).description


@pytest.mark.skipif(not SAMPLE_ARCHIVE.exists(), reason="sample archive not shipped yet")
def test_sample_archive_threads(tagger: TopicTagger) -> None:
    threads: dict[str, tuple[str, list[str]]] = {}
    for batch in read_archive(SAMPLE_ARCHIVE):
        for raw in batch.messages:
            parsed = parse_message(raw)
            threads.setdefault(parsed.normalised_subject, (parsed.subject, []))[1].append(
                parsed.new_text
            )
    inputs = [ThreadText(i, s, tuple(t)) for i, (s, t) in enumerate(threads.values())]
    results = {inputs[r.thread_id].subject: r for r in tagger.tag_threads(inputs)}

    def result(fragment: str):  # type: ignore[no-untyped-def]
        [found] = [r for subject, r in results.items() if fragment in subject]
        return found

    assert result("Child Online Protection guidelines").tags[0].topic == "child-online-protection"
    assert result("Intelligent transport systems").tags[0].topic == "its"
    assert result("Global E-waste Monitor").tags[0].topic == "environment"
    assert {"imt", "ai"} <= {t.topic for t in result("IMT-2030").tags}
    assert result("SharePoint site").tags == ()
    rag_ls = {(e.label, e.key) for e in result("LS from RAG").entities}
    assert {("DOCUMENT", "RAG-C/12"), ("RESOLUTION", "Resolution 191")} <= rag_ls


# --- entities -----------------------------------------------------------------------


def entities(nlp, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(e.label, e.key, e.text) for e in EntityFinder(nlp)(nlp.make_doc(text))]


def test_finders_on_one_pipeline_share_its_prepared_patterns() -> None:
    """A second EntityFinder on a pipeline reuses the pattern Docs of the first (building
    a tagger took a quarter of a second, two thirds of it tokenising the same entity
    patterns again) and finds exactly what the first one finds."""
    text = ("ITU-T SG17 and WP 5D replied to TSAG-TD409-R1 on Resolution 191 (Rev. Dubai, "
            "2018); Q6/17 sent an LS to the Telecommunication Standardization Advisory Group.")
    fresh = build_pipeline()
    first = entities(fresh, text)
    tokenised: list[str] = []
    make_doc = fresh.make_doc

    def counting(words: str):  # type: ignore[no-untyped-def]
        tokenised.append(words)
        return make_doc(words)

    fresh.make_doc = counting  # type: ignore[method-assign]
    assert entities(fresh, text) == first and len(first) >= 6
    assert tokenised == [text]  # the text only: no pattern tokenised again


def test_itu_bodies_and_groups(nlp) -> None:  # type: ignore[no-untyped-def]
    found = entities(
        nlp,
        "ITU-R, ITU-T and ITU-D; RAG, TSAG and TDAG; the BR, TSB and BDT. "
        "SG17 and ITU-D SG1 met WP 5D and the Telecommunication Standardization Advisory Group.",
    )
    assert found == [
        ("ITU_SECTOR", "ITU-R", "ITU-R"),
        ("ITU_SECTOR", "ITU-T", "ITU-T"),
        ("ITU_SECTOR", "ITU-D", "ITU-D"),
        ("ADVISORY_GROUP", "RAG", "RAG"),
        ("ADVISORY_GROUP", "TSAG", "TSAG"),
        ("ADVISORY_GROUP", "TDAG", "TDAG"),
        ("BUREAU", "BR", "BR"),
        ("BUREAU", "TSB", "TSB"),
        ("BUREAU", "BDT", "BDT"),
        ("STUDY_GROUP", "SG17", "SG17"),
        ("STUDY_GROUP", "ITU-D SG1", "ITU-D SG1"),
        ("WORKING_PARTY", "WP5D", "WP 5D"),
        ("ADVISORY_GROUP", "TSAG", "Telecommunication Standardization Advisory Group"),
    ]


def test_documents_resolutions_questions_and_liaisons(nlp) -> None:  # type: ignore[no-untyped-def]
    found = entities(
        nlp,
        "See TSAG-TD409-R1 and RAG-C/12 on Resolution 191 (Rev. Dubai, 2018), WTSA Resolution 1 "
        "and Res. 70. Q6/17 sent an LS on quantum; two liaison statements came from "
        "ITU-T Study Group 13 before WTSA-24.",
    )
    assert found == [
        ("DOCUMENT", "TSAG-TD409", "TSAG-TD409-R1"),
        ("DOCUMENT", "RAG-C/12", "RAG-C/12"),
        ("RESOLUTION", "Resolution 191", "Resolution 191 (Rev. Dubai, 2018)"),
        ("RESOLUTION", "WTSA Resolution 1", "WTSA Resolution 1"),
        ("RESOLUTION", "Resolution 70", "Res. 70"),
        ("QUESTION", "Q6/17", "Q6/17"),
        ("LIAISON", "LS", "LS on"),
        ("LIAISON", "LS", "liaison statements"),
        ("STUDY_GROUP", "ITU-T SG13", "ITU-T Study Group 13"),
        ("CONFERENCE", "WTSA-24", "WTSA-24"),
    ]


def test_best_regards_is_not_the_radiocommunication_bureau(nlp) -> None:  # type: ignore[no-untyped-def]
    assert entities(nlp, "Thanks.\n\nBR,\nAhmed") == []
    assert entities(nlp, "Many thanks, BR") == []
    assert entities(nlp, "The BR will reply.") == [("BUREAU", "BR", "BR")]


def test_thread_entities_are_counted_and_ordered(tagger: TopicTagger) -> None:
    [result] = tagger.tag_threads(
        [ThreadText(1, "TSAG-TD409 on SG17", ("TSAG agreed.", "See TSAG-TD409 and tsag-td409."))]
    )
    assert [(e.label, e.key, e.count) for e in result.entities] == [
        ("ADVISORY_GROUP", "TSAG", 1),
        ("STUDY_GROUP", "SG17", 1),
        ("DOCUMENT", "TSAG-TD409", 2),
    ]


# --- the pipeline -------------------------------------------------------------------


def test_missing_pretrained_pipeline_falls_back_to_blank_english(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        nlp = build_pipeline("en_core_web_nonexistent")
    assert nlp.pipe_names == []
    assert "en_core_web_nonexistent" in caplog.text


def test_phrase_keys_reserved_for_entities_are_refused(nlp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="must not start with '~'"):
        PhraseFinder(nlp, [PhrasePattern("~x", "x")])


# --- evaluation helper --------------------------------------------------------------


def test_evaluate_tags_counts_per_topic_and_micro() -> None:
    result = evaluate_tags(
        {1: {"ai"}, 2: {"ai", "imt"}, 3: set()},
        {1: {"ai"}, 2: {"imt", "its"}, 3: {"its"}, 4: {"ai"}},
        ["ai", "imt", "its"],
    )
    assert result.threads == 3
    ai, imt, its = result.topics
    assert (ai.true_positives, ai.false_positives, ai.false_negatives) == (1, 0, 1)
    assert (imt.precision, imt.recall, imt.f1) == (1.0, 1.0, 1.0)
    assert (its.true_positives, its.false_positives, its.precision) == (0, 2, 0.0)
    assert (result.micro.true_positives, result.micro.false_positives) == (2, 2)
    assert result.micro.f1 == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))


# --- the topic list file: errors name file, key, topic and fix -----------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_errors_name_key_topic_and_fix(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
scoring:
  subject_wieght: 3
topics:
  - id: ai
    name: AI
    phrases:
      - {phrase: machine learning, wieght: 2}
      - {phrase: deep learning, weight: -1}
  - id: Bad Id
    name: X
    phrases: [x]
  - name: No id
    phrases: [y]
""",
    )
    with pytest.raises(ConfigError) as error:
        load_topics(path)
    assert str(error.value).splitlines() == [
        f"{path}: scoring.subject_wieght: unknown key; remove it or check its spelling",
        (f"{path}: topics[0].phrases[0].wieght (topic 'ai'): unknown key; remove it or check "
        "its spelling"),
        (f"{path}: topics[0].phrases[1].weight (topic 'ai'): must be a number greater than 0; "
        "e.g. 1"),
        (f"{path}: topics[1].id (topic 'Bad Id'): use lower-case letters, digits and '-' "
        "(e.g. 'e-health')"),
        f"{path}: topics[2].id: required key is missing; add it",
    ]


def test_duplicate_ids_refuse_to_load(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "topics:\n  - {id: ai, name: A, phrases: [x]}\n  - {id: ai, name: B, phrases: [y]}\n",
    )
    with pytest.raises(ConfigError) as error:
        load_topics(path)
    assert str(error.value) == (
        f"{path}: topics[1].id (topic 'ai'): duplicate id, also topics[0]; give each topic "
        "its own id or merge the two"
    )


def test_not_yaml_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "topics:\n  - id: ai\n   name: x\n")
    with pytest.raises(ConfigError, match=r"topics\.yaml: not valid YAML at line 3, column 4"):
        load_topics(path)
    with pytest.raises(ConfigError) as error:
        load_topics(tmp_path / "nope.yaml")
    assert str(error.value) == (
        f"{tmp_path / 'nope.yaml'}: topic list not found; create it (see config/topics.yaml "
        "in the distribution) or fix --config"
    )
    assert load_topics(write(tmp_path, "")).topics == ()


def test_check_reports_weak_spots(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
topics:
  - id: ai
    name: AI
    phrases: [machine learning, Machine-Learning]
    negatives: [machine learning]
  - id: ml
    name: ML
    phrases: [machine learning]
    acronyms: [ITS]
  - id: transport
    name: Transport
    acronyms: [ITS, its]
  - id: empty
    name: Empty
""",
    )
    assert check_topics_file(path) == [
        (f"{path}: topics[0].negatives[0] (topic 'ai'): 'machine learning' is also a phrase of "
        "this topic, so the two cancel out; remove one"),
        (f"{path}: topics[3] (topic 'empty'): no phrases, acronyms or synonyms, so it never "
        "matches; add some or remove the topic"),
        (f"{path}: topics[0].phrases[1] (topic 'ai'): 'Machine-Learning' is listed twice in this "
        "topic (also phrases[0]); remove one"),
        (f"{path}: topics[1].phrases[0] (topic 'ml'): 'machine learning' is also in topic 'ai' "
        "(phrases[0]); keep it in one topic, or give the narrower topic a longer phrase"),
        (f"{path}: topics[2].acronyms[0] (topic 'transport'): 'ITS' is also in topic 'ml' "
        "(acronyms[0]); keep it in one topic, or give the narrower topic a longer phrase"),
    ]


def test_replaces_maps_old_ids_and_must_not_name_a_current_topic(tmp_path: Path) -> None:
    config = load_topics(
        write(tmp_path, "topics:\n  - {id: ai, name: AI, phrases: [x], replaces: [ml, a-i]}\n")
    )
    assert config.renamed() == {"ml": "ai", "a-i": "ai"}
    assert config.by_id("ml").id == "ai"
    with pytest.raises(ConfigError, match="no topic 'nope'; known topics: ai"):
        config.by_id("nope")
    path = write(
        tmp_path,
        "topics:\n  - {id: ai, name: AI, phrases: [x]}\n"
        "  - {id: ml, name: ML, phrases: [y], replaces: [ai]}\n",
    )
    with pytest.raises(ConfigError) as error:
        load_topics(path)
    assert str(error.value) == (
        f"{path}: topics[1].replaces (topic 'ml'): 'ai' is still a topic (topics[0]); remove "
        "that topic or this entry"
    )


def test_min_share_is_a_share_below_one(tmp_path: Path) -> None:
    path = write(tmp_path, "scoring: {min_share: 1.5}\ntopics:\n  - {id: ai, name: A, phrases: [x]}\n")
    with pytest.raises(ConfigError) as error:
        load_topics(path)
    assert str(error.value).splitlines() == [
        f"{path}: scoring.min_share: must be a number below 1"]
    fine = write(tmp_path, "scoring: {min_share: 0.3}\ntopics:\n  - {id: ai, name: A, phrases: [x]}\n")
    assert load_topics(fine).scoring.min_share == 0.3
    assert load_topics(ROOT / "config" / "topics.yaml").scoring.min_share > 0
