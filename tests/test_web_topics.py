"""The Topics pages: only the secretariat; preview before save; save validates like
``topics check``, keeps a dated copy, rewrites the file, records who, retags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from iscg_mailbot.services.topics import retag
from iscg_mailbot.settings.topics import load_topics
from iscg_mailbot.store.database import connect
from tests.conftest import migrated_sqlite
from tests.servers.smtp import SmtpTestServer
from tests.web_helpers import CHAIR, SECRETARIAT, client_for, csrf_of, sign_in, web_app


@pytest.fixture
def site(tmp_path: Path, smtp_server: SmtpTestServer) -> Iterator[tuple[TestClient, Path, Engine]]:
    engine = connect(migrated_sqlite(tmp_path / "web.db"))
    app = web_app(engine, tmp_path / "config", smtp_server)
    retag(app)
    with client_for(app) as client:
        sign_in(client, smtp_server, SECRETARIAT)
        yield client, tmp_path / "config", engine
    engine.dispose()


def _fields(page: str) -> dict[str, str]:
    fields = {name: re.search(rf'<textarea id="{name}"[^>]*>(.*?)</textarea>', page, re.DOTALL)
              for name in ("phrases", "acronyms", "negatives")}
    data = {name: found.group(1).replace("&amp;", "&") for name, found in fields.items() if found}
    threshold = re.search(r'id="threshold"[^>]*value="([^"]*)"', page)
    data["threshold"] = threshold.group(1) if threshold else ""
    return data


def test_preview_then_save_writes_the_file_keeps_a_copy_and_retags(
        site: tuple[TestClient, Path, Engine]) -> None:
    client, config_dir, _ = site
    page = client.get("/topics/spectrum")
    assert page.status_code == 200
    fields = _fields(page.text)
    assert "spectrum management | 2" in fields["phrases"]
    fields["phrases"] += "\nmeeting room | 3"
    preview = client.post("/topics/spectrum", data={**fields, "csrf": csrf_of(page),
                                                    "action": "preview"})
    assert preview.status_code == 200
    gaining = re.search(r'<ul class="rows" id="gaining">(.*?)</ul>', preview.text, re.DOTALL)
    assert gaining and "June meeting room" in gaining.group(1)
    assert 'value="save"' in preview.text
    assert load_topics(config_dir / "topics.yaml").by_id("spectrum").threshold is None
    before = (config_dir / "topics.yaml").read_text(encoding="utf-8")

    previewed = re.search(r'name="previewed" value="([^"]+)"', preview.text)
    assert previewed
    saved = client.post("/topics/spectrum", data={**fields, "csrf": csrf_of(preview),
                                                  "action": "save",
                                                  "previewed": previewed.group(1)})
    assert saved.status_code == 303
    after = client.get("/topics/spectrum").text
    assert "Saved." in after and "spectrum +1" in after
    assert "by sofia.martin@example.int" in after and "phrases +meeting room" in after
    text = (config_dir / "topics.yaml").read_text(encoding="utf-8")
    assert "      - {phrase: meeting room, weight: 3}" in text
    assert text.startswith(before.split("topics:", 1)[0])  # the file's comments stay
    copies = list(config_dir.glob("topics-*.yaml"))
    assert len(copies) == 1 and copies[0].read_text(encoding="utf-8") == before
    spectrum = load_topics(config_dir / "topics.yaml").by_id("spectrum")
    assert ("meeting room", 3.0) in [(p.phrase, p.weight) for p in spectrum.phrases]
    threads = client.get("/threads?topic=spectrum").text
    assert "June meeting room" in threads


def test_save_without_preview_or_with_problems_changes_nothing(
        site: tuple[TestClient, Path, Engine]) -> None:
    client, config_dir, _ = site
    before = (config_dir / "topics.yaml").read_text(encoding="utf-8")
    page = client.get("/topics/spectrum")
    fields = _fields(page.text)
    unpreviewed = client.post("/topics/spectrum", data={
        **fields, "phrases": fields["phrases"] + "\nroom", "csrf": csrf_of(page),
        "action": "save", "previewed": "0" * 64})
    assert unpreviewed.status_code == 200 and "Would gain" in unpreviewed.text
    twice = client.post("/topics/spectrum", data={
        **fields, "phrases": fields["phrases"] + "\nspectrum monitoring", "csrf": csrf_of(page),
        "action": "preview"})
    assert twice.status_code == 400 and "listed twice in this topic" in twice.text
    bad = client.post("/topics/spectrum", data={**fields, "threshold": "high",
                                                "csrf": csrf_of(page), "action": "preview"})
    assert bad.status_code == 400 and "threshold: must be a number" in bad.text
    assert (config_dir / "topics.yaml").read_text(encoding="utf-8") == before
    assert not list(config_dir.glob("topics-*.yaml"))


def test_only_the_secretariat_edits_topics(tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    engine = connect(migrated_sqlite(tmp_path / "web.db"))
    app = web_app(engine, tmp_path / "config", smtp_server)
    with client_for(app) as client:
        sign_in(client, smtp_server, CHAIR)
        assert client.get("/topics").status_code == 403
        page = client.get("/week")
        assert 'href="/topics"' not in page.text
        posted = client.post("/topics/spectrum", data={"csrf": csrf_of(page), "phrases": "x",
                                                       "action": "save"})
        assert posted.status_code == 403
    engine.dispose()


def test_topic_edits_are_recorded_on_both_databases(engine: Engine, tmp_path: Path,
                                                    smtp_server: SmtpTestServer) -> None:
    from iscg_mailbot.services import topic_editing
    from iscg_mailbot.services.topics import load_config

    app = web_app(engine, tmp_path / "config", smtp_server)
    current = load_config(app).by_id("spectrum")
    draft = topic_editing.draft_topic(
        app, "spectrum", phrases=topic_editing.phrase_text(current.phrases),
        acronyms=topic_editing.phrase_text(current.acronyms), negatives="", threshold="4")
    saved = topic_editing.save_topic(app, draft, actor=SECRETARIAT)
    assert saved.retag.threads > 0
    [edit] = topic_editing.topic_edits(app, "spectrum")
    assert (edit.actor, edit.backup) == (SECRETARIAT, saved.backup)
    assert "threshold default → 4" in edit.summary and "negatives −broad spectrum" in edit.summary
    assert load_config(app).by_id("spectrum").threshold == 4
    # What the form does not show is written back as it was: the topic's own min_share.
    assert load_config(app).by_id("spectrum").min_share == current.min_share == 0.4


def test_suggestions_and_quality_on_request(site: tuple[TestClient, Path, Engine]) -> None:
    client, _, _ = site
    plain = client.get("/topics/spectrum").text
    assert 'id="suggestions"' not in plain and "?analyse=1" in plain
    page = client.get("/threads/1")
    client.post("/threads/1/topics", data={"csrf": csrf_of(page), "topic": "spectrum",
                                           "change": "add"})
    analysed = client.get("/topics/spectrum?analyse=1")
    assert analysed.status_code == 200
    assert re.search(r'id="quality">Against 1 threads', analysed.text)
    assert 'id="suggestions"' in analysed.text or "No term stands out" in analysed.text


def test_a_save_keeps_weak_and_companion_phrases_and_the_files_comments(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    """The form shows a phrase's flags (``AI | weak``) and the save writes them back:
    a phrase saved without its ``weak`` would tag threads on its own, and a synonym's
    flag the block did not write made the save rewrite the whole file without its
    comments."""
    from iscg_mailbot.services import topic_editing
    from iscg_mailbot.services.topics import load_config

    app = web_app(engine, tmp_path / "config", smtp_server)
    for topic_id in ("cybersecurity", "events"):
        current = load_config(app).by_id(topic_id)
        form = {key: topic_editing.phrase_text(getattr(current, key))
                for key in ("phrases", "acronyms", "negatives")}
        assert "security | weak" in form["phrases"] or "| companion" in form["phrases"]
        threshold = "" if current.threshold is None else f"{current.threshold:g}"
        draft = topic_editing.draft_topic(app, topic_id, **form, threshold=threshold)
        topic_editing.save_topic(app, draft, actor=SECRETARIAT)
        assert load_config(app).by_id(topic_id) == current
    text = (tmp_path / "config" / "topics.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Topics of mutual interest")
    assert "Written by the website" not in text


def test_the_form_reads_flags_and_says_what_it_expects() -> None:
    from iscg_mailbot.errors import ConfigError
    from iscg_mailbot.services import topic_editing

    assert topic_editing.phrase_lines("venue | 0.5 | companion\nAI|WEAK") == [
        {"phrase": "venue", "weight": 0.5, "companion": True},
        {"phrase": "AI", "weak": True}]
    with pytest.raises(ConfigError, match=r"line 1 \('AI \| faible'\): after \| write a "
                                          r"weight or 'weak' or 'companion'"):
        topic_editing.phrase_lines("AI | faible")
