"""``topics train``: a spaCy text classifier trained on people's decisions, used per
topic only where cross-validation shows rules OR model beats the rules alone.

The labelled set is synthetic on purpose: "space-weather" has a phrase that never
occurs, but its threads share words (solar flare, geomagnetic storm, ionosphere) the
model can learn; "cybersecurity" is found by its phrases already, so the model must
stay off there.
"""

from __future__ import annotations

import json
import random
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.textcat import (
    META_FILE,
    MODEL_PHRASE,
    NotEnoughLabels,
    TrainingExample,
    train_topic_model,
)
from iscg_mailbot.cli import cli
from iscg_mailbot.services import topics as topics_service
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.topics import effective_topics

TOPICS = """\
topics:
  - id: cybersecurity
    name: Cybersecurity
    phrases: [cybersecurity, malware]
  - id: space-weather
    name: Space weather
    phrases: [heliophysics]
  - id: events
    name: Events
    phrases: [symposium]
"""
SOLAR = ["solar flare", "geomagnetic storm", "ionosphere", "sunspot", "radio blackout",
         "coronal mass ejection", "HF propagation"]
CYBER = ["malware", "cybersecurity", "phishing", "incident response", "CIRT"]
OTHER = ["room booking", "coffee break", "travel funding", "visa letters", "agenda",
         "interpretation", "catering"]
FILLER = ["Dear colleagues,", "Please see the note below.", "Thanks for the update.",
          "Comments welcome by Friday.", "Best regards,"]


def body(rng: random.Random, words: list[str]) -> str:
    picked = rng.sample(words, 3)
    return " ".join([rng.choice(FILLER), f"We discussed {picked[0]} and {picked[1]}.",
                     f"The {picked[2]} item is open.", rng.choice(FILLER)])


def mail(number: int, subject: str, text: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ahmed Hassan <ahmed.hassan@example.org>"
    msg["To"] = "int-sect-team@lists.itu.int"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 01 Jun 2026 09:00:00 +0200"
    msg["Message-ID"] = f"<t{number}@example.org>"
    msg.set_content(text)
    return msg.as_bytes()


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> App:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "topics.yaml").write_text(TOPICS)
    return App(settings=Settings(config_dir=str(config_dir), data_dir=str(tmp_path / "data")),
               engine=engine)


@pytest.fixture
def threads(app: App, tmp_path: Path) -> dict[str, list[int]]:
    """12 threads of each kind plus 2 unlabelled solar ones, imported and re-tagged."""
    rng = random.Random(7)
    kinds = {"solar": SOLAR, "cyber": CYBER, "other": OTHER}
    raws, number = [], 0
    for kind, words in kinds.items():
        for index in range(14 if kind == "solar" else 12):
            number += 1
            # "Cybersecurity" in a subject is enough for the rules (subject weight 3).
            subject = "Cybersecurity" if kind == "cyber" else kind.title()
            raws.append(mail(number, f"{subject} item {index}", body(rng, words)))
    archive = tmp_path / "a.mbox"
    with archive.open("wb") as out:
        for raw in raws:
            out.write(b"From MAILER-DAEMON Mon Jun  1 07:00:00 2026\n" + raw + b"\n")
    import_archive(app, archive)
    topics_service.retag(app)
    found: dict[str, list[int]] = {}
    with app.session() as session:
        for kind in kinds:
            found[kind] = list(session.scalars(
                select(Thread.id).where(Thread.subject.startswith(kind.title()))
                .order_by(Thread.id)).all())
    return found


def label(app: App, threads: dict[str, list[int]], per_kind: int = 12) -> None:
    """People's decisions: solar threads get space-weather by hand; cyber threads keep
    their automatic tag (confirmed) and are said not to be about space weather; others
    lose space-weather and cybersecurity. Only a person's "-topic" makes a negative."""
    for thread in threads["solar"][:per_kind]:
        topics_service.set_manual_tags(app, thread, add=["space-weather"])
    for thread in threads["cyber"][:per_kind]:
        topics_service.set_manual_tags(app, thread, add=["cybersecurity"],
                                       remove=["space-weather"])
    for thread in threads["other"][:per_kind]:
        topics_service.set_manual_tags(app, thread, remove=["space-weather", "cybersecurity"])


def topics_of(app: App, thread: int) -> tuple[str, ...]:
    with app.session() as session:
        return effective_topics(session, [thread]).get(thread, ())


def test_too_few_labels_is_refused_clearly(app: App, threads: dict[str, list[int]]) -> None:
    label(app, threads, per_kind=3)
    with pytest.raises(NotEnoughLabels, match="9 labelled threads; training needs at least 20"):
        topics_service.train(app)
    assert not topics_service.model_dir(app).exists()


@pytest.mark.slow
def test_model_is_used_only_where_it_helps_and_retag_adds_with_evidence(
    app: App, threads: dict[str, list[int]]
) -> None:
    unlabelled = threads["solar"][12:]
    # No model on disk: the rules alone, which never see space weather.
    assert topics_service.model_for(app) is None
    assert all("space-weather" not in topics_of(app, t) for t in unlabelled)
    label(app, threads)

    result = topics_service.train(app, epochs=8)
    rows = {row.topic: row for row in result.topics}
    assert result.labelled_threads == 36
    weather, cyber = rows["space-weather"], rows["cybersecurity"]
    assert (weather.labelled_threads, weather.positives, weather.f1_rules) == (36, 12, 0.0)
    assert weather.used and weather.f1_combined > 0.8
    assert (cyber.f1_rules, cyber.used) == (1.0, False)
    assert rows["events"].skipped == "0 positive(s), needs 3" and not rows["events"].used
    meta = json.loads((topics_service.model_dir(app) / META_FILE).read_text())
    assert meta["topics"]["space-weather"]["used"] is True
    assert meta["topics"]["cybersecurity"]["used"] is False

    # A person says one unlabelled solar thread is not about space weather: that wins.
    topics_service.set_manual_tags(app, unlabelled[1], remove=["space-weather"])
    report = topics_service.retag(app)
    assert report.added["space-weather"] == 1
    assert "space-weather" in topics_of(app, unlabelled[0])
    assert "space-weather" not in topics_of(app, unlabelled[1])
    view = topics_service.thread_topics(app, unlabelled[0])
    [tag] = [t for t in view.topics if t.topic == "space-weather"]
    assert tag.source == "auto" and tag.score is not None and tag.score >= 0.3
    assert tag.evidence[0]["phrase"] == MODEL_PHRASE and tag.evidence[0]["where"] == "model"
    # The model never adds where people removed the topic, nor on unrelated threads.
    assert all("space-weather" not in topics_of(app, t) for t in threads["other"])
    assert all(topics_of(app, t) == ("cybersecurity",) for t in threads["cyber"])

    evaluation = topics_service.evaluate(app)
    assert evaluation.model_topics == ("space-weather",) and evaluation.combined is not None
    assert evaluation.evaluation.by_topic("space-weather").true_positives == 0
    assert evaluation.combined.by_topic("space-weather").true_positives == 12
    assert evaluation.combined.micro.f1 > evaluation.evaluation.micro.f1

    # Training is reproducible (fixed seed).
    topics_service.set_manual_tags(app, unlabelled[1], forget=["space-weather"])
    assert topics_service.train(app, epochs=8).topics == result.topics
    # A tag the model alone gave is no label at all: a decision on another topic makes
    # the thread labelled for that topic, but neither a space-weather positive nor a
    # negative.
    topics_service.set_manual_tags(app, unlabelled[0], remove=["events"])
    with app.session() as session:
        [example] = [e for e in topics_service.training_examples(session)
                     if e.thread_id == unlabelled[0]]
    assert (example.label("events"), example.label("space-weather")) == (False, None)
    again = topics_service.train(app, epochs=8)
    rows = {row.topic: row for row in again.topics}
    assert again.labelled_threads == 37
    assert (rows["space-weather"].labelled_threads, rows["space-weather"].positives) == (36, 12)


def test_training_labels_are_only_what_people_said_or_saw(
    app: App, threads: dict[str, list[int]]
) -> None:
    cyber, other = threads["cyber"][0], threads["other"][0]
    # On a thread the rules tagged cybersecurity, a person removes another topic only:
    # the rules' tag they left is a positive; the removed topic a negative; topics the
    # thread does not carry are unknown (nobody reviewed the whole thread).
    topics_service.set_manual_tags(app, cyber, remove=["events"])
    topics_service.set_manual_tags(app, other, add=["events"])
    with app.session() as session:
        examples = {e.thread_id: e for e in topics_service.training_examples(session)}
    assert set(examples) == {cyber, other}
    assert (examples[cyber].topics, examples[cyber].absent) == (
        frozenset({"cybersecurity"}), frozenset({"events"}))
    assert examples[cyber].label("space-weather") is None
    assert examples[cyber].cats(["cybersecurity", "space-weather", "events"]) == {
        "cybersecurity": 1.0, "events": 0.0}
    assert (examples[other].topics, examples[other].absent) == (frozenset({"events"}), frozenset())
    assert examples[other].label("cybersecurity") is None


def test_unknown_topics_are_left_out_of_training_and_figures() -> None:
    """A topic decided on a few threads is judged on those only: the many threads that
    say nothing about it neither count as negatives nor enter its F1."""
    words = {"weather": "solar flare geomagnetic storm ionosphere",
             "cyber": "malware phishing incident response"}
    examples, rules = [], {}
    for i in range(30):
        kind = "weather" if i % 2 else "cyber"
        if i < 8:  # decided on space weather: 4 yes, 4 no
            topics, absent = ((frozenset({"space-weather"}), frozenset()) if kind == "weather"
                              else (frozenset(), frozenset({"space-weather"})))
        else:  # only confirmed cybersecurity, or a decision on nothing relevant here
            topics = frozenset({"cybersecurity"}) if kind == "cyber" else frozenset()
            absent = frozenset({"events"})
        examples.append(TrainingExample(i, f"{words[kind]} item {i}", topics, absent))
        rules[i] = frozenset({"cybersecurity"}) if kind == "cyber" else frozenset()
    result = train_topic_model(examples, rules, ["space-weather", "cybersecurity", "events"],
                               epochs=4, min_positives=3)
    rows = {row.topic: row for row in result.topics}
    assert (rows["space-weather"].labelled_threads, rows["space-weather"].positives) == (8, 4)
    # Cybersecurity: 11 confirmed, no negative at all -> not judged, not trained.
    assert (rows["cybersecurity"].labelled_threads, rows["cybersecurity"].positives) == (11, 11)
    assert rows["cybersecurity"].skipped == "0 negative(s), needs 3"
    assert rows["events"].skipped == "0 positive(s), needs 3"


@pytest.mark.slow
def test_cli_train_and_evaluate(app: App, threads: dict[str, list[int]], db_url: str,
                                tmp_path: Path) -> None:
    config = Path(app.settings.config_dir) / "iscg-mailbot.toml"
    config.write_text(f'data_dir = "{app.settings.data_dir}"\n[database]\nurl = "{db_url}"\n')
    env = {"ISCG_CONFIG": str(config), "ISCG_DATABASE_URL": db_url}
    runner = CliRunner()
    out = runner.invoke(cli, ["topics", "train"], env=env)
    assert out.exit_code == 1 and "error: 0 labelled threads" in out.output
    label(app, threads)
    out = runner.invoke(cli, ["topics", "train", "--epochs", "8", "--json"], env=env)
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    used = {row["topic"]: row["used"] for row in data["topics"]}
    assert used == {"cybersecurity": False, "space-weather": True, "events": False}
    out = runner.invoke(cli, ["topics", "train", "--epochs", "8"], env=env)
    assert out.exit_code == 0
    assert "used for: space-weather" in out.output and "F1 combined" in out.output
    out = runner.invoke(cli, ["topics", "evaluate"], env=env)
    assert out.exit_code == 0 and "rules + trained model (used for: space-weather)" in out.output
