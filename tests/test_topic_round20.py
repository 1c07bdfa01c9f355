"""Topics, issue 13 round 20 (tk-r20): negative contexts and ITU's words for the topics
(docs/evaluation.md, "negative contexts, ITU's words for alerts, prices and PDFs"):

- ``not_near``: a phrase is not counted when words of another meaning stand next to it:
  "index" next to "documents" is a list of papers, "base station" next to "stolen" a
  site's trouble, "5G" next to "basket" a price statistic;
- emergency telecommunications by cell broadcast and location-based SMS alerting;
- ``negated_by``: a phrase right after "nothing to do with", "not the" is not counted;
- ICT statistics by ITU's price baskets and price data;
- accessibility by tagged PDF and PDF/UA.

Mail of our own wording in, topics out: the first case of each pair fails on ``main``
0f1eb87; its pair passes on both.
"""

from __future__ import annotations

import textwrap
import time

import pytest
import yaml

from iscg_mailbot.analyse.topic_contexts import context_pattern, in_context
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ThreadText
from iscg_mailbot.services import topic_editing
from iscg_mailbot.settings.topics import TopicsConfig, load_topics
from tests.topic_tags import tagged

STATS = "ict-statistics"


def test_an_index_of_papers_is_no_statistic(tagger: TopicTagger) -> None:
    body = "Hello all, the index of this year's {} has been refreshed in the shared space."
    assert STATS not in tagged(tagger, "The index is refreshed", body.format("meeting papers"))
    # The same word with nothing of a document list next to it still reads as one.
    assert STATS in tagged(tagger, "The index is refreshed", body.format("country scores"))


def test_a_results_index_of_a_poll_is_no_statistic(tagger: TopicTagger) -> None:
    subject = "Our own poll on call times - closes Friday"
    assert STATS not in tagged(tagger, subject, "The results index lists every reply.",
                               "A survey of our members: the sheet index is on page 2.")


def test_explain_says_why_a_phrase_next_to_its_words_is_left_out(tagger: TopicTagger) -> None:
    verdict = tagger.explain("Index of group files updated")
    assert any("not_near" in note and STATS in note for note in verdict.notes)


def test_a_negated_term_is_not_counted(tagger: TopicTagger) -> None:
    subject = "{} Global Cybersecurity Index form - please fill in by Friday"
    body = "The link is in the calendar invitation."
    assert "cybersecurity" not in tagged(tagger, subject.format("Not the"), body)
    assert "cybersecurity" in tagged(tagger, subject.format("The"), body)


def test_nothing_to_do_with_negates_the_term(tagger: TopicTagger) -> None:
    body = "Note that this {} machine learning: it is a budget line of the same name."
    subject = "Budget line ML-7 - for comments"
    assert "ai" not in tagged(tagger, subject, body.format("has nothing to do with"))
    assert "ai" in tagged(tagger, subject, body.format("is about"))


def test_not_only_is_no_negation(tagger: TopicTagger) -> None:
    # "not" followed by anything but an article and the term negates nothing.
    verdict = tagger.explain("Phones", ["Not only cell broadcast: sirens too."])
    assert not any("negated" in note for note in verdict.notes)


def test_stolen_batteries_at_base_stations_are_not_imt(tagger: TopicTagger) -> None:
    subject = "Base stations in the hills - what next?"
    body = "Last month the radios were {} at many base stations in the valley."
    assert "imt" not in tagged(tagger, subject, body.format("stolen"))
    assert "imt" in tagged(tagger, subject, body.format("upgraded"))


def test_fake_base_stations_are_not_imt(tagger: TopicTagger) -> None:
    body = "Police found fake base stations in two vans pushing scam messages to phones."
    assert "imt" not in tagged(tagger, "Vans with fake base stations", body)
    assert "imt" in tagged(tagger, "Vans with base stations",
                           "Operators park base stations in vans at festivals for extra capacity.")


def test_cell_broadcast_alerting_is_emergency_telecoms(tagger: TopicTagger) -> None:
    subject = "Island {} trials - report"
    body = "Our regulator ran the trials on two islands last month; the report is attached."
    assert "emergency-telecoms" in tagged(tagger, subject.format("cell broadcast"), body)
    assert "emergency-telecoms" not in tagged(tagger, subject.format("fibre splicing"), body)


def test_location_based_sms_is_emergency_telecoms(tagger: TopicTagger) -> None:
    subject = "Phones in the delta - {} before the rains"
    body = "Which ITU-D work should the ministry read first?"
    assert "emergency-telecoms" in tagged(tagger, subject.format("location-based SMS"), body)
    assert "emergency-telecoms" not in tagged(tagger, subject.format("coverage maps"), body)


def test_the_price_baskets_are_ict_statistics(tagger: TopicTagger) -> None:
    body = "Regulators in three countries have not sent their {} yet; who has contacts?"
    assert STATS in tagged(tagger, "The 2029 baskets - replies missing",
                           body.format("price data"))
    assert STATS not in tagged(tagger, "The 2029 plans - replies missing",
                               body.format("comments"))


def test_a_5g_offer_in_the_price_baskets_is_not_imt(tagger: TopicTagger) -> None:
    subject = "Offers for 2029 - a question"
    body = ("Should the {} count 5G-only offers? In many countries the cheapest plan on "
            "sale today is a 5G plan.")
    assert "imt" not in tagged(tagger, subject, body.format("mobile baskets"))
    assert "imt" in tagged(tagger, subject, body.format("rural coverage targets"))


def test_a_basket_alone_is_weak(tagger: TopicTagger) -> None:
    # One weak word in the subject, nothing else of the topic: not enough.
    assert STATS not in tagged(tagger, "A basket of measures for the retreat",
                               "Ideas welcome before Friday.")


def test_tagged_pdf_and_pdf_ua_are_accessibility(tagger: TopicTagger) -> None:
    subject = "90 reports fail the {} check"
    body = "The audit of our web site is done. Who pays for the fix?"
    assert "accessibility" in tagged(tagger, subject.format("PDF/UA"), body)
    assert "accessibility" in tagged(tagger, "Reports on the web site - tagged PDF versions",
                                     body)
    assert "accessibility" not in tagged(tagger, subject.format("link"), body)


def test_context_words_are_read_in_the_phrase_s_paragraph_only() -> None:
    near = context_pattern(["document"])
    assert near is not None
    text = "The index rose by four points.\n\nDocuments are on the shared drive."
    assert not in_context(text, 4, 9, near)
    assert in_context("Documents: the index is updated.", 15, 20, near)
    # Whole words only: "documentary" is not "document".
    assert not in_context("A documentary index", 14, 19, near)
    assert context_pattern([]) is None


def test_context_rules_cost_the_same_on_hostile_mail(tagger: TopicTagger) -> None:
    # Every hit looks at 40 characters either side, so 10,000 hits of a phrase with
    # context words, or negated, cost what 10,000 hits of any phrase do (the pipeline's
    # fast path; the plain rule of `topics explain` reads one thread at a time).
    def seconds(text: str) -> tuple[float, list[str]]:
        started = time.process_time()
        [result] = tagger.tag_threads([ThreadText(1, "Index", (text,))])
        return time.process_time() - started, [tag.topic for tag in result.tags]

    plain, _ = seconds("index of countries " * 10_000)
    for hostile in ("index of documents " * 10_000, "not the index " * 10_000):
        spent, topics = seconds(hostile)
        assert STATS not in topics
        assert spent < 3 * plain + 0.5


def test_not_near_is_read_from_the_topic_list() -> None:
    config = TopicsConfig.model_validate({"topics": [{
        "id": "stats", "name": "Statistics",
        "phrases": [{"phrase": "index", "not_near": ["document", "  paper  "]}]}]})
    assert config.topics[0].phrases[0].not_near == ("document", "paper")
    with pytest.raises((ConfigError, ValueError)):
        TopicsConfig.model_validate({"topics": [{
            "id": "stats", "name": "Statistics",
            "phrases": [{"phrase": "index", "not_near": ["document", " "]}]}]})


def test_the_edit_form_keeps_a_phrase_s_context_words() -> None:
    # The web form writes phrases as lines; a context the form dropped would be lost at
    # the next save, and the file block written back must hold it too.
    stats = load_topics("config/topics.yaml").by_id(STATS)
    lines = topic_editing.phrase_lines(topic_editing.phrase_text(stats.phrases))
    [index] = [line for line in lines if line["phrase"] == "index"]
    assert index["not_near"][:2] == ["document", "paper"] and index["weak"] is True
    block = topic_editing._topic_block(stats)
    assert "not_near: [document, paper," in block
    [written] = yaml.safe_load(textwrap.dedent(block))
    assert TopicsConfig.model_validate({"topics": [written]}).topics[0].phrases == stats.phrases
