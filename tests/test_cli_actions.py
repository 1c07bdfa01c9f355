"""The actions and search commands through Click's runner: output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from iscg_mailbot.cli import cli
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_topics import ThreadTopic
from tests.action_samples import LS, MEMBERS, QUESTION, store
from tests.conftest import migrated_sqlite

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    database = tmp_path / "cli.db"
    (config / "iscg-mailbot.toml").write_text(f'[database]\nurl = "sqlite:///{database}"\n',
                                             encoding="utf-8")
    (config / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (config / "actions.yaml").write_text("timezone: UTC\n", encoding="utf-8")
    monkeypatch.delenv("ISCG_DATABASE_URL", raising=False)
    migrated_sqlite(database)
    app = App.open(load_settings(config))
    extraction.extract_for_messages(app, store(app, LS, QUESTION))
    app.close()
    return config


def invoke(config: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    return result.exit_code, result.stdout, result.stderr


def item_id(config: Path, owner: str) -> int:
    app = App.open(load_settings(config))
    try:
        with app.session() as session:
            found = session.scalar(select(ActionItem.id).where(ActionItem.owner == owner))
            assert found is not None
            return found
    finally:
        app.close()


def test_list_json_filters(config_dir: Path) -> None:
    code, out, _ = invoke(config_dir, "actions", "list", "--open", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["owner"], r["due"]) for r in rows] == [("TSAG", "2026-09-15"), ("BDT", "2026-12-01")]
    code, out, _ = invoke(config_dir, "actions", "list", "--owner", "BDT", "--json")
    assert [r["owner"] for r in json.loads(out)] == ["BDT"]
    code, out, _ = invoke(config_dir, "actions", "list", "--due-before", "2026-10-01", "--json")
    assert [r["owner"] for r in json.loads(out)] == ["TSAG"]
    code, out, _ = invoke(config_dir, "actions", "list", "--kind", "question", "--json")
    assert [r["sentence"] for r in json.loads(out)] == [
        "Has anyone already booked a room for the joint session in October?"]


def test_list_table_and_empty_result(config_dir: Path) -> None:
    code, out, _ = invoke(config_dir, "actions", "list", "--open")
    assert code == 0
    assert "OVERDUE" in out  # 15 September 2026 is long past
    assert "TSAG" in out and "BDT" in out
    code, out, _ = invoke(config_dir, "actions", "list", "--owner", "RAG")
    assert (code, out) == (0, "no matching action items\n")


def test_close_reopen_drop_and_unknown_id(config_dir: Path) -> None:
    tsag = item_id(config_dir, "TSAG")
    code, out, _ = invoke(config_dir, "actions", "close", str(tsag), "--note", "reply sent")
    assert code == 0
    # The sentence is cut after a whole word, with "…".
    assert out == (f"item {tsag} is now done (reply sent): Action required: TSAG is requested "
                   "to provide comments on the draft…\n")
    code, out, _ = invoke(config_dir, "actions", "reopen", str(tsag))
    assert (code, out.split(":")[0]) == (0, f"item {tsag} is now open (reply sent)")
    code, out, _ = invoke(config_dir, "actions", "drop", str(tsag), "--note", "duplicate")
    assert (code, out.split(":")[0]) == (0, f"item {tsag} is now dropped (duplicate)")
    code, out, err = invoke(config_dir, "actions", "close", "424242")
    assert (code, out, err) == (
        1, "", "error: no action item with id 424242; see 'iscg-mailbot actions list'\n")


def test_extract_again_changes_nothing(config_dir: Path) -> None:
    code, out, _ = invoke(config_dir, "actions", "extract")
    assert (code, out) == (0, ("2 messages: 0 items added, 0 updated, 0 removed, "
                               "0 closed by replies\n"))


def test_search_table_json_and_no_match(config_dir: Path) -> None:
    code, out, _ = invoke(config_dir, "search", "liaison", "statement", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [h["subject"] for h in hits] == ["LS on security"]
    assert "[liaison]" in hits[0]["snippet"].lower()
    code, out, _ = invoke(config_dir, "search", "joint", "session")
    assert code == 0 and "Joint session room" in out
    # No match says what to try; a query with nothing to look for is an error showing
    # the syntax.
    assert invoke(config_dir, "search", "zebra") == (
        0, ("no message matches zebra: try fewer words, OR between them, or a prefix "
           "(cyber*)\n"), "")
    code, out, err = invoke(config_dir, "search", '"')
    assert (code, out) == (1, "")
    assert err.startswith("error: the search query has no word to look for. Syntax: ")


def test_topic_filter_uses_the_stored_topics(config_dir: Path) -> None:
    app = App.open(load_settings(config_dir))
    with app.session() as session:
        ls_thread = session.scalar(select(ActionItem.thread_id).where(ActionItem.owner == "TSAG"))
        assert ls_thread is not None
        session.add(ThreadTopic(thread_id=ls_thread, topic="security", source="manual",
                                assigned=True))
    app.close()
    code, out, _ = invoke(config_dir, "actions", "list", "--topic", "security", "--json")
    assert (code, [r["owner"] for r in json.loads(out)]) == (0, ["TSAG", "BDT"])
    assert invoke(config_dir, "actions", "list", "--topic", "spectrum") == (
        0, "no matching action items\n", "")
    # With a topic list, "security" is unknown to it but stored tags carry it (a retired
    # topic): it still selects their threads. A topic neither known nor stored is a
    # mistake, and said so.
    shutil.copy(ROOT / "config" / "topics.yaml", config_dir / "topics.yaml")
    code, out, _ = invoke(config_dir, "actions", "list", "--topic", "security", "--json")
    assert (code, [r["owner"] for r in json.loads(out)]) == (0, ["TSAG", "BDT"])
    code, _, err = invoke(config_dir, "actions", "list", "--topic", "securty")
    assert code == 1 and err.startswith("error: no topic 'securty'; known topics: imt, ")
