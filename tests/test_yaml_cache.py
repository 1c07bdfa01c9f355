"""The configuration files as last parsed, kept between commands (settings/yaml_cache.py).

A query that reads an unchanged ``actions.yaml`` does without PyYAML (issue 17,
start-up), yet every file is still validated by the command that reads it: an error is
reported with its one-line "file: key: fix" message whatever was kept before.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings import yaml_cache
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ISCG_CACHE_DIR", str(folder))
    return folder


def _read(path: Path) -> dict[str, object] | None:
    return read_yaml_mapping(path, "action settings", "keys", "actions.yaml")


def test_an_unchanged_file_is_read_back_and_an_edited_one_parsed_again(
        tmp_path: Path, cache: Path) -> None:
    file = tmp_path / "actions.yaml"
    file.write_text("timezone: Europe/Zurich\nquestions: false\n", encoding="utf-8")
    assert yaml_cache.kept_parse(file, file.read_text(encoding="utf-8")) is None
    assert _read(file) == {"timezone": "Europe/Zurich", "questions": False}
    assert yaml_cache.kept_parse(file, file.read_text(encoding="utf-8")) == {
        "timezone": "Europe/Zurich", "questions": False}
    file.write_text("timezone: UTC\n", encoding="utf-8")
    assert _read(file) == {"timezone": "UTC"}
    assert len(list(cache.glob("parsed-*.json"))) == 1  # one entry a file, replaced


def test_what_json_cannot_give_back_is_parsed_every_time(tmp_path: Path, cache: Path) -> None:
    file = tmp_path / "meetings.yaml"
    file.write_text("meetings:\n  - id: tsag\n    start: 2026-05-04\n1: one\n", encoding="utf-8")
    assert _read(file) == {"meetings": [{"id": "tsag", "start": date(2026, 5, 4)}], 1: "one"}
    assert not cache.exists() or not list(cache.glob("parsed-*.json"))


def test_a_damaged_entry_or_an_unwritable_folder_only_means_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "actions.yaml"
    file.write_text("timezone: UTC\n", encoding="utf-8")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("ISCG_CACHE_DIR", str(blocked))
    assert _read(file) == {"timezone": "UTC"}
    monkeypatch.setenv("ISCG_CACHE_DIR", str(tmp_path / "cache"))
    assert _read(file) == {"timezone": "UTC"}
    (entry,) = (tmp_path / "cache").glob("parsed-*.json")
    entry.write_text('{"key": "', encoding="utf-8")
    assert _read(file) == {"timezone": "UTC"}
    # An entry kept for other text (the file edited back and forth) is not used.
    entry.write_text(json.dumps({"key": "other", "data": {"timezone": "Asia/Tokyo"}}),
                     encoding="utf-8")
    assert _read(file) == {"timezone": "UTC"}


def test_a_file_that_does_not_parse_is_reported_and_never_kept(tmp_path: Path,
                                                               cache: Path) -> None:
    file = tmp_path / "actions.yaml"
    file.write_text("timezone: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"actions.yaml: not valid YAML at line 2"):
        _read(file)
    file.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a mapping"):
        _read(file)
    assert not cache.exists() or not list(cache.glob("parsed-*.json"))


@pytest.fixture()
def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    result = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "db", "upgrade"],
                                env={"ISCG_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    return url


def _run(config: Path, url: str, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: a fresh process, with its loaded modules printed."""
    probe = (
        "import sys\n"
        "from iscg_mailbot.cli import cli\n"
        "try:\n"
        f"    cli({['--config', str(config), *args]!r})\n"
        "finally:\n"
        "    print('yaml imported:', 'yaml' in sys.modules, file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False, cwd=ROOT,
                          env={**os.environ, "ISCG_DATABASE_URL": url,
                               "ISCG_CACHE_DIR": str(cache)})


@pytest.mark.slow
@pytest.mark.parametrize("args", [["threads", "list", "--open"], ["actions", "list", "--overdue"]],
                         ids=" ".join)
def test_a_query_still_reports_a_broken_file_it_reads(args: list[str], tmp_path: Path,
                                                      database: str) -> None:
    config = tmp_path / "config"
    config.mkdir()
    for name in ("iscg-mailbot.toml", "actions.yaml"):
        shutil.copy(ROOT / "config" / name, config / name)
    cache = tmp_path / "cache"
    first = _run(config, database, cache, *args)
    assert first.returncode == 0, first.stderr
    assert "yaml imported: True" in first.stderr  # parsed, then kept
    again = _run(config, database, cache, *args)
    assert again.returncode == 0, again.stderr
    assert "yaml imported: False" in again.stderr  # unchanged: read back, still validated

    actions = config / "actions.yaml"
    good = actions.read_text(encoding="utf-8")
    actions.write_text(good.replace("timezone: Europe/Zurich", "timezone: Mars/Olympus"),
                       encoding="utf-8")
    for _ in range(2):  # parsed and kept the first time: the second reads it back
        wrong = _run(config, database, cache, *args)
        assert wrong.returncode == 1
        assert wrong.stderr.splitlines()[0] == (
            f"error: {actions}: timezone: unknown time zone 'Mars/Olympus'; use an IANA "
            "name such as Europe/Zurich or UTC")
    assert "yaml imported: False" in wrong.stderr

    actions.write_text(good + "timezone: [\n", encoding="utf-8")
    broken = _run(config, database, cache, *args)
    assert broken.returncode == 1
    assert broken.stderr.startswith(f"error: {actions}: not valid YAML at line ")
