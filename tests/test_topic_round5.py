"""Topics, issue 13 round 5: Recommendations cited by number as ITU-structure evidence,
personal notes (a farewell) without a topic, the list's phrases in French, Spanish and
Portuguese.

A Recommendation's number says its subject: ITU-T cuts each series into titled blocks
("X.1000-X.1999" security, "L.1000-L.1999" environment, "E.800-E.899" quality of
service). Minimal pairs of our own wording; each tagged nothing of the kind before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iscg_mailbot.analyse.itu_structure import recommendations, resolve
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText
from iscg_mailbot.settings.itu_bodies import body_kind, check_itu_bodies
from tests.test_topic_context import topics


def test_recommendations_are_found_as_mail_writes_them() -> None:
    text = ("Recommendation ITU-T L.1300 (2024), the E.800-series, Y.1540/Y.1544, "
            "L.1220-L.1222, X.1303bis, G.8275.1; not WP.29, U.S., Annex B, A4")
    assert [name for _, name, _ in recommendations(text)] == [
        "ITU-T L.1300", "E.800", "Y.1540", "Y.1544", "L.1220", "L.1222", "X.1303", "G.8275",
        "WP.29"]
    assert recommendations("ITU-T L.1300")[0][2] == "ITU-T L.1300"  # the form shown


def test_a_recommendation_resolves_to_the_narrowest_block_of_its_sector() -> None:
    known = frozenset({"ITU-T X.1000-X.1999", "ITU-T X.1300-X.1309", "ITU-R M.2121",
                       "ITU-T P.800-P.1599", "ITU-T SG17"})
    assert resolve("X.1254", set(), known) == "ITU-T X.1000-X.1999"
    assert resolve("X.1303", set(), known) == "ITU-T X.1300-X.1309"
    assert resolve("X.2000", set(), known) is None
    assert resolve("WP.29", set(), known) is None
    # M and P are series of both Sectors: the Sector written, or the only one named.
    assert resolve("ITU-R M.2121", set(), known) == "ITU-R M.2121"
    assert resolve("M.2121", set(), known) is None
    assert resolve("M.2121", {"ITU-R"}, known) == "ITU-R M.2121"
    assert resolve("P.1203", {"ITU-T"}, known) == "ITU-T P.800-P.1599"
    assert resolve("P.1203", {"ITU-T", "ITU-R"}, known) is None
    assert resolve("ITU-R P.1203", set(), known) is None
    assert body_kind("ITU-T Q.3900-Q.4099") == "recommendation"
    assert body_kind("ITU-T Q7/5") == "question"


def test_a_security_recommendation_cited_twice_is_cybersecurity(tagger: TopicTagger) -> None:
    subject = "Guidance on call records for official statistics - annex B"
    assert "cybersecurity" not in topics(tagger, subject, "Please cite both texts in annex B.")
    assert "cybersecurity" in topics(
        tagger, subject, "Please cite X.1148 on de-identification and X.1147 in annex B.")
    verdict = tagger.explain(subject, ["Please cite X.1148 and X.1147 in annex B."])
    (tag,) = [t for t in verdict.tags if t.topic == "cybersecurity"]
    assert tag.evidence[0].phrase == "ITU Recommendations ITU-T X.1000-X.1999"
    assert tag.evidence[0].forms == ("X.1148", "X.1147") and tag.evidence[0].points == 4


@pytest.mark.parametrize(("subject", "body", "topic"), [
    ("Bypass fraud on international calls",
     "SG12 has a Supplement to the E.800-series on detecting it with test calls.",
     "quality-of-service"),
    ("Battery storage at rural sites",
     "Recommendation ITU-T L.1221 covers second use of the batteries.", "environment"),
    ("Parking pilot in the old town", "The pilot follows Y.4466.", "iot-smart-cities"),
    ("Speed tests at exchange points", "Y.1540 and Y.1544 apply directly.",
     "quality-of-service"),
    ("Rail operators' radio", "See Recommendation ITU-R M.2121 for the bands.", "its"),
])
def test_a_recommendation_in_the_subject_or_with_one_more_signal_tags(
        tagger: TopicTagger, subject: str, body: str, topic: str) -> None:
    (_, _, form) = recommendations(body)[0]
    assert topic not in topics(tagger, f"{subject} - the draft", body.replace(form, "the draft"))
    assert topic in topics(tagger, f"{subject} - {form}", body)


def test_the_emergency_block_is_not_cybersecurity(tagger: TopicTagger) -> None:
    body = "The alert format is X.1303bis; X.1303bis profiles differ by country."
    found = topics(tagger, "Alert message format", body)
    assert "emergency-telecoms" in found and "cybersecurity" not in found


def test_a_shared_series_number_needs_its_sector(tagger: TopicTagger) -> None:
    # P.1203 of ITU-T is a quality model; ITU-R's P series is radiowave propagation.
    assert "quality-of-service" in topics(
        tagger, "Video streaming models", "ITU-T SG12 points to P.1203 and P.1204.")
    assert "quality-of-service" not in topics(
        tagger, "Propagation models", "ITU-R WP 3K points to P.1238 and P.1411.")


def test_topics_check_reads_recommendation_entries(tmp_path: Path) -> None:
    table = tmp_path / "itu_bodies.yaml"
    table.write_text(
        "bodies:\n  - {body: ITU-T X.1000 - X.1999, topics: [cybersecurity]}\n"
        "  - {body: ITU-T L.1999-L.1000, topics: [environment]}\n"
        "  - {body: X.1254, topics: [cybersecurity]}\n", encoding="utf-8")
    problems = check_itu_bodies(table, {"cybersecurity", "environment"})
    assert len(problems) == 2
    assert "bodies[1] (ITU-T L.1999-L.1000): the series ends before it starts" in problems[0]
    assert "bodies[2] (X.1254): write the body as" in problems[1]


def test_a_personal_note_has_no_topic(tagger: TopicTagger) -> None:
    # A farewell looks back on the sender's work; it is not about it (round 5).
    body = "After twelve years on quality of service in SG12, I leave ITU this Friday."
    assert topics(tagger, "Next steps", body) == ["quality-of-service"]
    assert topics(tagger, "Farewell", body) == []
    assert topics(tagger, "Retiring at the end of December - thank you", body) == []
    verdict = tagger.explain("Farewell", [body])
    assert verdict.rejected[0].topic == "quality-of-service"
    assert "personal note: the subject says 'Farewell'" in verdict.notes[0]
    [fast] = tagger.tag_threads([ThreadText(1, "Farewell", (body,))])
    assert fast.tags == ()


@pytest.mark.parametrize(("subject", "topic"), [
    ("Mujeres rurales y uso de internet móvil", "digital-skills"),
    ("Secretarias nacionais de normalização - rede e formação", "standardization-gap"),
    ("Cybersécurité des réseaux de paiement", "cybersecurity"),
    ("Inteligencia artificial en los servicios públicos", "ai"),
])
def test_the_lists_phrases_in_french_spanish_and_portuguese(
        tagger: TopicTagger, subject: str, topic: str) -> None:
    # The subject words of our own wording, without the phrase: nothing.
    assert topic not in topics(tagger, subject.split(" ", 1)[1])
    assert topic in topics(tagger, subject)


def test_topics_explain_marks_a_personal_note(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from iscg_mailbot.cli import cli

    monkeypatch.chdir(tmp_path)  # the shipped config; no database needed
    result = CliRunner().invoke(
        cli, ["topics", "explain", "Twelve years on quality of service in SG12.",
              "--subject", "Farewell"], env={"ISCG_DATABASE_URL": None, "ISCG_CONFIG": None})
    assert result.exit_code == 0, result.output
    assert "personal note" in result.output and "weak only" not in result.output
    assert "quality-of-service: personal note: the subject says 'Farewell'" in result.output
