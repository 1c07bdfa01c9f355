"""Configuration is read once and kept; ``App.reload_config()`` (the worker's SIGHUP, the
website after a topic edit) is the one call that reads it again."""

from __future__ import annotations

import json
import shutil
import signal
from pathlib import Path

from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.database import connect
from tests.worker_helpers import worker_process

ROOT = Path(__file__).resolve().parents[1]
MEMBER = "ingrid.solheim@example.no"


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    for name in ("topics.yaml", "members.yaml", "itu_bodies.yaml"):
        if (ROOT / "config" / name).exists():
            shutil.copy(ROOT / "config" / name, config / name)
    return config


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_files_are_kept_until_reload_config(tmp_path: Path) -> None:
    config = _config(tmp_path)
    app = App(settings=Settings(config_dir=str(config)), engine=connect("sqlite://"))
    try:
        assert app.config.topics().topics[0].name == "IMT, 5G, 6G and mobile broadband"
        tagger = app.tagger()
        _edit(config / "topics.yaml", "name: IMT, 5G, 6G and mobile broadband",
              "name: Mobile broadband")
        # Kept: an edit takes effect only when asked for.
        assert app.config.topics().topics[0].name == "IMT, 5G, 6G and mobile broadband"
        assert app.tagger() is tagger
        app.reload_config()
        assert app.config.topics().topics[0].name == "Mobile broadband"
        assert app.tagger() is not tagger
    finally:
        app.close()


def test_who_may_act_follows_members_yaml_without_a_reload(tmp_path: Path) -> None:
    """The website's access checks read the member list as the file is now: a member
    taken off members.yaml loses access at the next request."""
    config = _config(tmp_path)
    app = App(settings=Settings(config_dir=str(config)), engine=connect("sqlite://"))
    try:
        assert app.config.members_now().by_address(MEMBER) is not None
        _edit(config / "members.yaml", f"address: {MEMBER}", "address: someone.else@example.no")
        assert app.config.members_now().by_address(MEMBER) is None
    finally:
        app.close()


def test_the_worker_reloads_on_sighup_and_keeps_running(tmp_path: Path) -> None:
    with worker_process(tmp_path) as worker:
        process = worker.process
        # By default a hang-up ends a process: a return code of 0 after SIGTERM says the
        # worker handled SIGHUP and went on.
        process.send_signal(signal.SIGHUP)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0, stderr
    messages = [json.loads(line)["message"] for line in stderr.splitlines()
                if line.startswith("{")]
    assert "SIGHUP: the configuration files are read again at their next use" in messages
    assert messages[-1] == "worker stopped"


def test_an_edit_from_another_process_is_noticed(tmp_path: Path) -> None:
    """The worker asks before each job: an edit saved elsewhere (the website runs in its own
    process) reaches it, and an unchanged file is not read again."""
    config = _config(tmp_path)
    app = App(settings=Settings(config_dir=str(config)), engine=connect("sqlite://"))
    try:
        assert app.config.topics().topics[0].name == "IMT, 5G, 6G and mobile broadband"
        assert app.reload_config_if_changed() is False
        _edit(config / "topics.yaml", "name: IMT, 5G, 6G and mobile broadband",
              "name: Mobile broadband")
        assert app.reload_config_if_changed() is True
        assert app.config.topics().topics[0].name == "Mobile broadband"
        assert app.reload_config_if_changed() is False
        (config / "topics.yaml").unlink()
        assert app.reload_config_if_changed() is True
        assert not app.config.has_topics()
    finally:
        app.close()
