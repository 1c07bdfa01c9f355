"""Topics, issue 13 round 10: evidence by role. An ITU body named as the sender or a
recipient of a liaison ("LS from ITU-T SG17 on ...", "liaisons from WP 5D", "copied to
WP 5D") is not evidence of its topics; named for its work, it still is.

Realistic mail of our own wording in, topics (or the body's evidence) out; the first
case of each pair was tagged otherwise before this round (``bodies_as_parties_count``
absent, i.e. true), its pair is the body named for its work, counted on both
(docs/evaluation.md, "Topics, round 10: evidence by role (session 34)").
"""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.nlp import PhraseFinder, PhrasePattern, build_pipeline
from iscg_mailbot.analyse.topic_roles import named_as_party
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText


def tagged(tagger: TopicTagger, subject: str, *bodies: str) -> list[str]:
    return sorted(tag.topic for tag in tagger.explain(subject, bodies).tags)


def bodies_counted(tagger: TopicTagger, subject: str, *bodies: str) -> set[str]:
    """The "ITU body ..." evidence of every topic with evidence, tagged or not."""
    verdict = tagger.explain(subject, bodies)
    return {item.phrase for tag in verdict.tags + verdict.rejected
            for item in tag.evidence if item.phrase.startswith("ITU body")}


@pytest.mark.parametrize(("party", "work"), [
    ("Liaisons from WP 5D should always stay in the tracking table.",
     "WP 5D is revising its report on the tracking table."),
    ("SG16 sent its reply to WP 5D yesterday; nothing else is pending.",
     "WP 5D agreed the next steps yesterday; nothing else is pending."),
    ("The LS was copied to ITU-R WP 5D and to the ISCG.",
     "ITU-R WP 5D and the ISCG both discussed it."),
])
def test_a_body_named_as_a_party_is_not_evidence(tagger: TopicTagger, party: str,
                                                  work: str) -> None:
    subject = "Liaisons received - how we track them"
    assert "ITU body ITU-R WP5D" not in bodies_counted(tagger, subject, party)
    assert "ITU body ITU-R WP5D" in bodies_counted(tagger, subject, work)


@pytest.mark.parametrize(("copied", "asked"), [
    ("Cc: ITU-R WP 5D secretariat", "To: ITU-R WP 5D secretariat"),
    ("For information to: ITU-T SG12, ITU-R WP 5D", "For action to: ITU-T SG12, ITU-R WP 5D"),
])
def test_a_body_given_a_copy_is_not_evidence(tagger: TopicTagger, copied: str,
                                             asked: str) -> None:
    subject = "FW: LS on latency targets for video calls"
    assert "ITU body ITU-R WP5D" not in bodies_counted(tagger, subject, copied)
    assert "ITU body ITU-R WP5D" in bodies_counted(tagger, subject, asked)


def test_a_liaison_copied_to_a_working_party_is_not_imt(tagger: TopicTagger) -> None:
    header = ("Source: ITU-T Study Group 12 For action to: ITU-D Study Group 1 "
              "For information to: ITU-R WP 5D ")
    body = ("SG12 has agreed targets for latency and jitter of video calls over mobile "
            "networks, as a new work item on QoS.")
    assert "imt" not in tagged(tagger, "FW: LS from SG12 on latency of video calls",
                               header + body)
    assert "imt" in tagged(tagger, "FW: LS from SG12 on latency of video calls",
                           header.replace("For information to", "For action to") + body)


def test_information_only_liaisons_from_a_working_party_are_not_imt(
        tagger: TopicTagger) -> None:
    assert "imt" not in tagged(
        tagger, "Liaisons for information only - one line each in the monthly annex?",
        "I propose one line per information-only liaison in a monthly annex.",
        "Fine, but liaisons from WP 5D should always go in the main table.",
        "Agreed: a monthly annex, but the liaisons from WP 5D stay in the table.")
    assert "imt" in tagged(
        tagger, "Liaisons for information only - one line each in the monthly annex?",
        "I propose one line per information-only liaison in a monthly annex.",
        "Fine, but WP 5D is finalising the IMT-2030 requirements, so keep those rows.")


def test_the_sender_in_the_subject_is_not_the_threads_topic(tagger: TopicTagger) -> None:
    body = ("The age assurance methods in the LS concern ITU-D SG2. Age assurance "
            "for minors online is also on the agenda of CWG-COP.")
    assert "cybersecurity" not in tagged(
        tagger, "FW: LS from ITU-T SG17 on age assurance for minors online", body)
    assert "cybersecurity" in tagged(
        tagger, "ITU-T SG17 work on age assurance for minors online", body,
        "SG17 is drafting the security requirements; SG17 meets in April.")


@pytest.mark.parametrize(("text", "party"), [
    ("FW: LS from ITU-T SG17 on age assurance", True),
    ("the liaison statements to the ITU-R WP 5D", True),
    ("a reply to SG12", True),
    ("the text was forwarded to SG13", True),
    ("Cc: ITU-R WP 5D secretariat", True),
    ("For: Action - ITU-R WP 5A; information - ITU-T SG17", True),
    ("For action to: ITU-T SG13", False),
    ("SG17 has agreed a new work item", False),
    ("the SG17 Recommendations on security", False),
    ("the LS on QR payments; SG17", False),
])
def test_named_as_party(text: str, party: bool) -> None:
    body = next(name for name in ("SG17", "SG12", "SG13", "WP 5D") if name in text)
    assert named_as_party(text, text.index(body)) is party


def test_both_scorers_agree_on_bodies_named_as_parties(tagger: TopicTagger) -> None:
    threads = [ThreadText(1, "FW: LS from ITU-T SG17 on age assurance for minors online",
                          ("The LS below was copied to WP 5D. SG17 thanks ITU-D SG2.",)),
               ThreadText(2, "Liaisons from WP 5D", ("A reply to SG12 and one to SG13.",))]
    fast = tagger.tag_threads(threads)
    plain = tagger.explain_threads(threads)
    assert [[(t.topic, t.score) for t in v.tags] for v in fast] == \
        [[(t.topic, t.score) for t in v.tags] for v in plain]


def test_text_findings_know_where_entities_start() -> None:
    finder = PhraseFinder(build_pipeline(None), [PhrasePattern("0", "age assurance")])
    [found] = finder.find(["Sent to ITU-T SG17 and SG12 today."])
    assert [("Sent to ITU-T SG17 and SG12 today."[start:])[:len(entity.text)]
            for entity, start in zip(found.entities, found.entity_starts, strict=True)] == \
        [entity.text for entity in found.entities]
