"""The plain rule (analyse.topic_scoring, what ``topics explain`` runs) and the tagger's
fast path (TopicTagger.tag_threads) give the same tags, scores and evidence: on
generated topic lists and texts, and on the shipped list over the sample archive."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.nlp import build_pipeline
from iscg_mailbot.analyse.topic_scoring import BODY, SUBJECT, ReadText, TopicRule
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ThreadTags, ThreadText
from iscg_mailbot.settings.itu_bodies import ItuBodies, load_itu_bodies
from iscg_mailbot.settings.topics import TopicsConfig, load_topics
from iscg_mailbot.source.archive import read_archive

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARCHIVE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"

# Phrases that overlap one another ("mobile broadband" / "broadband", "broad spectrum" /
# "spectrum"), inflect ("network"), hyphenate ("cyber-security"), and acronyms whose
# lower-case spelling is a word ("ITS", "AI").
PHRASES = ["network", "mobile broadband", "broadband", "spectrum", "spectrum management",
           "cyber-security", "security", "satellite", "smart city", "network of women",
           "broad spectrum", "data"]
ACRONYMS = ["AI", "ITS", "5G", "IMT", "WRC"]
# Weights and place factors that are exact in binary: the two ways add the same points
# in different orders, and the test is about the rule, not float rounding.
WEIGHTS = [0.25, 0.5, 1.0, 1.5, 2.0, 3.0]
BODIES = ["ITU-T SG17", "ITU-R SG5", "ITU-T SG5", "ITU-T Q7/5", "ITU-R WP5D", "ITU-T FG-AI4H",
          "WRC-27 AI 1.13", "WRC-23 AI 1.7", "WRC-27 AI 1.7",
          "ITU-T X.1000-X.1999", "ITU-T X.1300-X.1309", "ITU-R M.2121", "ITU-T P.800-P.1599"]
# Pieces of text besides the topic list's own phrases: numbers (after "AI", "AI 1.13" is
# a WRC agenda item, found in the table), ITU bodies with and without their Sector or
# conference, Recommendations (in a block, in a narrower block, of a series both Sectors
# use), words of a personal note ("Farewell"), Sectors, filler, and what joins a name to
# what it is named after ("on", "of the", a hyphen: topic_names).
PIECES = ["1.13", "No. 5", "SG17", "ITU-T SG5", "SG5", "ITU-R", "ITU-T", "Q7/5",
          "Question 7/5", "FG-AI4H", "WP 5D", "Study Group 17", "the", "and", ",", ".", "\n",
          "\n\n", "on", "of the", "AI-IMT", "AI", "1.7", "agenda items", "WRC-27", "WRC-23",
          "X.1254", "X.1303bis", "Recommendation ITU-R M.2121", "M.2121", "P.1203",
          "E.800-series", "Farewell", "au revoir"]


# Negative contexts (not_near), of words the threads hold ("the", "Farewell", the
# paragraph break between them), so that a phrase is sometimes left out for them.
_CONTEXTS = st.sampled_from([(), (), ("the",), ("farewell", "agenda item")])
# Where a phrase counts at all (only_near, subject_only): mostly anywhere.
_PLACES = st.sampled_from([((), False), ((), False), ((), False), (("the", "and"), False),
                           ((), True), (("of the",), True)])


def _phrase(text: str) -> Any:
    return st.builds(lambda weight, weak, companion, near, place: {
        "phrase": text, "weight": weight, "weak": weak, "companion": companion,
        "not_near": near, "only_near": place[0], "subject_only": place[1]},
        st.sampled_from(WEIGHTS), st.booleans(), st.booleans(), _CONTEXTS, _PLACES)


def _phrases(vocabulary: list[str], max_size: int) -> Any:
    return st.lists(st.sampled_from(vocabulary), max_size=max_size).flatmap(
        lambda texts: st.tuples(*map(_phrase, texts)).map(list))


def _topic(index: int) -> Any:
    return st.fixed_dictionaries({
        "id": st.just(f"t{index}"),
        "name": st.just(f"Topic {index}"),
        "phrases": _phrases(PHRASES, 4),
        "synonyms": _phrases(PHRASES, 1),
        "acronyms": _phrases(ACRONYMS, 2),
        "negatives": _phrases(["broad spectrum", "spectrum management", "network of women",
                               "security", "AI"], 2),
        "threshold": st.sampled_from([None, 1.0, 2.0, 4.0]),
        "min_share": st.sampled_from([None, None, 0.0, 0.4]),
    })


# Made once, not at each draw (Hypothesis builds and validates a new strategy object
# each time): the same choices with the same weights.
_TOPICS = [_topic(index) for index in range(3)]
_SUBJECT_WEIGHTS = st.sampled_from([0.0, 1.0, 2.0, 3.0])
_BODY_WEIGHTS = st.sampled_from([0.5, 1.0, 1.5])
_THRESHOLDS = st.sampled_from([1.0, 2.0, 2.5])
_SHARES = st.sampled_from([0.0, 0.25, 0.5, 0.9])
_PERSONAL = st.sampled_from([(), ("farewell", "au revoir")])
# Up to three topics are drawn: an overview of two or three of them can occur.
_OVERVIEWS = st.sampled_from([0, 2, 3])
_BODY_WEIGHT = st.sampled_from([None, *WEIGHTS])
# Negation cues the threads' pieces hold ("and", "of the" before a phrase).
_NEGATIONS = st.sampled_from([(), ("and",), ("of the", "on")])


@st.composite
def topic_lists(draw: st.DrawFn) -> tuple[TopicsConfig, ItuBodies]:
    """A topic list of one to three topics, and a table of ITU bodies for them."""
    count = draw(st.integers(1, 3))
    config = TopicsConfig.model_validate({
        "scoring": {
            "subject_weight": draw(_SUBJECT_WEIGHTS),
            "body_weight": draw(_BODY_WEIGHTS),
            "max_count": draw(st.integers(1, 4)),
            "default_threshold": draw(_THRESHOLDS),
            "min_share": draw(_SHARES),
            "weak_repeat_needs_clear_subject": draw(st.booleans()),
            "weak_in_names": draw(st.booleans()),
            "weak_pairs_in_messages": draw(st.booleans()),
            "reply_asides": draw(st.booleans()),
            "negated_by": draw(_NEGATIONS),
            "personal_subjects": draw(_PERSONAL),
            "overview_topics": draw(_OVERVIEWS),
            "overview_min_points": draw(_THRESHOLDS),
        },
        "topics": [draw(_TOPICS[index]) for index in range(count)],
    })
    ids = config.ids()
    topics_of_a_body = st.lists(st.sampled_from(ids), max_size=2)  # once a list
    # Every body, so that "SG5" has two Sectors to choose from; some for no topic.
    bodies = ItuBodies.model_validate({"bodies": [
        {"body": body, "topics": draw(topics_of_a_body), "weight": draw(_BODY_WEIGHT)}
        for body in BODIES
    ]})
    return config, bodies


def _spellings(config: TopicsConfig) -> list[str]:
    """The list's phrases as a mail may write them: as listed, capitalised, plural,
    hyphenated; acronyms also in lower case (which must not match)."""
    spellings: set[str] = set()
    for topic in config.topics:
        for phrase in (*topic.positives(), *topic.negatives):
            text = phrase.phrase
            spellings |= {text, text.title(), f"{text}s", text.replace(" ", "-")}
        for acronym in topic.acronyms:
            spellings |= {acronym.phrase, acronym.phrase.lower()}
    return sorted(spellings)


@st.composite
def cases(draw: st.DrawFn) -> tuple[TopicsConfig, ItuBodies, list[ThreadText]]:
    """A topic list, its ITU-bodies table and threads written mostly in its words."""
    config, bodies = draw(topic_lists())
    spellings = _spellings(config)
    words = st.sampled_from(PIECES)
    if spellings:
        words = st.sampled_from(spellings) | words
    texts = st.lists(words, max_size=12).map(" ".join)
    threads = draw(st.lists(st.tuples(texts, st.lists(texts, max_size=3)),
                            min_size=1, max_size=6))
    return config, bodies, [ThreadText(i, subject, tuple(messages))
                            for i, (subject, messages) in enumerate(threads)]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return build_pipeline()


def _assert_same(tagger: TopicTagger, threads: list[ThreadText]) -> None:
    """tag_threads (fast) and explain_threads (plain) agree on every thread: the same
    tags, scores, evidence and entities; what the plain rule rejects is not tagged."""
    fast = tagger.tag_threads(threads)
    plain = tagger.explain_threads(threads)
    for thread, quick, slow in zip(threads, fast, plain, strict=True):
        assert quick.tags == slow.tags, thread
        assert quick.entities == slow.entities, thread
        assert not {t.topic for t in quick.tags} & {t.topic for t in slow.rejected}, thread


@lru_cache(maxsize=8)
def _tagger(nlp: Any, config: TopicsConfig, bodies: ItuBodies) -> TopicTagger:
    """Taggers by topic list (building one on a pipeline that built one before takes about
    50 ms; shrinking a failing example builds the same ones again and again)."""
    return TopicTagger(config, nlp, bodies=bodies)


# No shrinking: each topic list costs a tagger build, and shrinking tries hundreds of
# lists (minutes). A failure prints the example as generated.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(cases())
def test_the_fast_path_agrees_with_the_plain_rule(
    nlp: Any, case: tuple[TopicsConfig, ItuBodies, list[ThreadText]],
) -> None:
    config, bodies, threads = case
    _assert_same(_tagger(nlp, config, bodies), threads)


def test_the_shipped_list_agrees_over_the_sample_archive(nlp: Any) -> None:
    """The shipped topic list and ITU-bodies table on every thread of the sample archive,
    all at once (several groups of texts) and so spanning the finder's group boundaries."""
    tagger = TopicTagger(load_topics(ROOT / "config" / "topics.yaml"), nlp,
                         bodies=load_itu_bodies(ROOT / "config" / "itu_bodies.yaml"))
    by_subject: dict[str, tuple[str, list[str]]] = {}
    for batch in read_archive(SAMPLE_ARCHIVE):
        for raw in batch.messages:
            parsed = parse_message(raw)
            by_subject.setdefault(parsed.normalised_subject, (parsed.subject, []))[1].append(
                parsed.new_text)
    threads = [ThreadText(i, subject, tuple(texts))
               for i, (subject, texts) in enumerate(by_subject.values())]
    assert sum(len(thread.texts) + 1 for thread in threads) > 128  # more than one group
    _assert_same(tagger, threads)
    assert sum(bool(result.tags) for result in tagger.tag_threads(threads)) > len(threads) // 2


def _rule(**topic: Any) -> TopicRule:
    return TopicRule(TopicsConfig.model_validate({
        "scoring": {"subject_weight": 3, "body_weight": 1, "max_count": 3,
                    "default_threshold": 2},
        "topics": [{"id": "t", "name": "T", **topic}],
    }))


def _read(tagger_rule: TopicRule, nlp: Any, subject: str, *texts: str) -> ThreadTags:
    from iscg_mailbot.analyse.nlp import PhraseFinder, PhrasePattern, matching_text

    finder = PhraseFinder(nlp, [PhrasePattern(str(i), p.phrase, p.exact_case)
                                for i, p in enumerate(tagger_rule.phrases)], entities=False)
    places = [(SUBJECT, subject), *((BODY, text) for text in texts)]
    found = finder.find([text for _, text in places])
    return tagger_rule.verdict(1, [ReadText(where, matching_text(text), findings)
                                   for (where, text), findings in zip(places, found, strict=True)])


def test_the_plain_rule_counts_as_the_header_says(nlp: Any) -> None:
    """points = weight x place x min(count, max_count), summed to the threshold."""
    rule = _rule(phrases=[{"phrase": "malware", "weight": 2}, "network"],
                 negatives=[{"phrase": "network of women", "weight": 0.5}])
    verdict = _read(rule, nlp, "Malware", "malware " * 5, "network of women; network")
    [tag] = verdict.tags
    points = {(e.phrase, e.where): e.points for e in tag.evidence}
    # 2 x 3 x 1 in the subject; 2 x 1 x min(5, 3) in the body; "network" once (the one
    # inside "network of women" is cancelled); the negative takes 0.5 off.
    assert points == {("malware", "subject"): 6.0, ("malware", "body"): 6.0,
                      ("network", "body"): 1.0, ("network of women", "body"): -0.5}
    assert tag.score == 12.5


def test_a_weak_phrase_alone_is_rejected_until_a_second_signal(nlp: Any) -> None:
    rule = _rule(phrases=[{"phrase": "security", "weight": 3, "weak": True}, "encryption"])
    assert [t.topic for t in _read(rule, nlp, "", "security desk").rejected] == ["t"]
    assert [t.topic for t in _read(rule, nlp, "Security", "security desk").tags] == ["t"]
    assert [t.topic for t in _read(rule, nlp, "", "security and encryption").tags] == ["t"]


# Rules that generated lists meet rarely, each as a minimal pair: (topic list, thread,
# the topics tagged). Both ways must agree, and tag what the header says.
_WEAK_AI = {"id": "ai", "name": "AI", "acronyms": [{"phrase": "AI", "weight": 3, "weak": True}],
            "negatives": ["AI Act"]}
_BODY_TOPICS = {"id": "env", "name": "Environment", "phrases": ["e-waste"]}
RULE_CASES = [
    # A negative phrase is no second signal for a weak one.
    ([_WEAK_AI], "", ["AI standards, AI Act, AI"], []),
    ([_WEAK_AI], "AI", ["AI standards"], ["ai"]),
    # Weak phrases in the messages alone, even two messages, are not enough.
    ([_WEAK_AI], "", ["AI standards", "AI roadmap"], []),
    # A weak phrase numbered is an agenda item, not the term.
    ([_WEAK_AI], "AI 1.13", ["AI 1.13 and AI No. 5"], []),
    # "SG5" is ITU-R's in a text naming ITU-R, ITU-T's in one naming ITU-T, nobody's alone.
    ([_BODY_TOPICS], "", ["ITU-R comments on SG5"], ["env"]),
    ([_BODY_TOPICS], "", ["ITU-T comments on SG5"], []),
    ([_BODY_TOPICS], "", ["comments on SG5"], []),
    ([_BODY_TOPICS], "SG5 and ITU-R", [], ["env"]),
]


_WEAK_HEALTH = {"id": "health", "name": "E-health", "phrases": [
    {"phrase": "clinic", "weight": 1.5, "weak": True}, {"phrase": "health", "weight": 1.5, "weak": True},
    {"phrase": "Council Working Group", "weight": 1.5, "weak": True}],
    "acronyms": [{"phrase": "CWG", "weight": 1.5, "weak": True}]}
PAIR_CASES = [
    # Two different weak phrases in the messages support each other ...
    ("", ["The clinic nurse gets an SMS.", "The health ministry asked."], ["health"]),
    ("", ["The clinic and the health ministry."], ["health"]),
    # ... one repeated does not, nor an acronym and the words it abbreviates.
    ("", ["The health ministry.", "Health data.", "More on health."], []),
    ("", ["The Council Working Group (CWG) met."], []),
]


@pytest.mark.parametrize(("subject", "texts", "expected"), PAIR_CASES)
def test_two_different_weak_phrases_in_the_messages(nlp: Any, subject: str, texts: list[str],
                                                    expected: list[str]) -> None:
    def tagged(pairs: bool) -> list[str]:
        config = TopicsConfig.model_validate({
            "scoring": {"default_threshold": 2.5, "weak_pairs_in_messages": pairs},
            "topics": [_WEAK_HEALTH]})
        tagger = _tagger(nlp, config, ItuBodies.model_validate({"bodies": []}))
        threads = [ThreadText(1, subject, tuple(texts))]
        _assert_same(tagger, threads)
        return [tag.topic for tag in tagger.tag_threads(threads)[0].tags]

    assert tagged(True) == expected
    assert tagged(False) == []  # the rule before the seventh-writer round


@pytest.mark.parametrize(("topics", "subject", "texts", "expected"), RULE_CASES)
def test_rules_met_rarely_agree_and_hold(nlp: Any, topics: list[dict[str, Any]], subject: str,
                                        texts: list[str], expected: list[str]) -> None:
    config = TopicsConfig.model_validate({"scoring": {"default_threshold": 3}, "topics": topics})
    bodies = ItuBodies.model_validate({"bodies": [
        {"body": "ITU-R SG5", "topics": ["env"], "weight": 3},
        {"body": "ITU-T SG5", "topics": []},
    ]})
    tagger = _tagger(nlp, config, bodies)
    threads = [ThreadText(1, subject, tuple(texts))]
    _assert_same(tagger, threads)
    assert [tag.topic for tag in tagger.tag_threads(threads)[0].tags] == expected


def test_a_passing_mention_next_to_a_stronger_topic_is_rejected_with_a_note(nlp: Any) -> None:
    config = TopicsConfig.model_validate({
        "scoring": {"subject_weight": 3, "body_weight": 1, "default_threshold": 2,
                    "min_share": 0.25},
        "topics": [{"id": "imt", "name": "IMT", "phrases": [{"phrase": "IMT", "weight": 2}]},
                   {"id": "spectrum", "name": "Spectrum", "phrases": [{"phrase": "spectrum",
                                                                       "weight": 2}]}]})
    tagger = _tagger(nlp, config, ItuBodies.model_validate({"bodies": []}))
    body = "IMT for villages: IMT towers, IMT planning, and a word on spectrum."
    passing = ThreadText(1, "IMT for remote villages", (body,))
    _assert_same(tagger, [passing])
    [verdict] = tagger.explain_threads([passing])
    assert [t.topic for t in verdict.tags] == ["imt"]
    [rejected] = verdict.rejected
    assert rejected.topic == "spectrum" and rejected.score >= 2
    assert rejected.passing.startswith("passing mention: below 0.25 x imt's 12")
    # Minimal pairs: named in the subject, or with the rule off, the topic is tagged.
    named = ThreadText(2, "IMT for remote villages: spectrum", (body,))
    assert {t.topic for t in tagger.tag_threads([named])[0].tags} == {"imt", "spectrum"}
    off = _tagger(nlp, config.model_copy(update={"scoring": config.scoring.model_copy(
        update={"min_share": 0.0})}), ItuBodies.model_validate({"bodies": []}))
    assert {t.topic for t in off.tag_threads([passing])[0].tags} == {"imt", "spectrum"}
