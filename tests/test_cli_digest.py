"""The digest and member commands through Click's runner: output and exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from tests.conftest import migrated_sqlite
from tests.digest_week import MEMBERS_YAML


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    database = tmp_path / "cli.db"
    (config / "iscg-mailbot.toml").write_text(f'[database]\nurl = "sqlite:///{database}"\n',
                                             encoding="utf-8")
    (config / "members.yaml").write_text(MEMBERS_YAML, encoding="utf-8")
    monkeypatch.delenv("ISCG_DATABASE_URL", raising=False)
    migrated_sqlite(database)
    return config


def invoke(config: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    return result.exit_code, result.stdout, result.stderr


def test_members_check_ok_and_broken(config_dir: Path) -> None:
    assert invoke(config_dir, "members", "check") == (
        0, f"{config_dir / 'members.yaml'}: 4 members, 3 receive the digest\n", "")
    (config_dir / "members.yaml").write_text(
        "members:\n  - name: A\n    address: not-an-address\n    role: chair\n",
        encoding="utf-8")
    code, out, err = invoke(config_dir, "members", "check")
    assert (code, out) == (1, "")
    assert err == (f"error: {config_dir / 'members.yaml'}: members[0] (A): address: "
                   "not an e-mail address; write local@domain\n")


def test_digest_preview_writes_html_and_text(config_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "preview" / "digest.html"
    code, stdout, _ = invoke(config_dir, "digest", "preview", "--member",
                             "amina.diallo@example.org", "--week", "2024-03-06", "--out", str(out))
    assert code == 0
    assert stdout.splitlines() == [
        ("2024-03-04/2024-03-11: [ITU Inter-Sector Coordination Group] Digest 4 Mar – 10 Mar "
         "2024: no traffic"),
        f"wrote {out} and {out.with_suffix('.txt')}"]
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Dear Amina Diallo," in out.with_suffix(".txt").read_text(encoding="utf-8")


def test_digest_preview_unknown_member_is_an_error(config_dir: Path, tmp_path: Path) -> None:
    code, _, err = invoke(config_dir, "digest", "preview", "--member", "x@example.org",
                          "--out", str(tmp_path / "d.html"))
    assert code == 1
    assert err == f"error: no member with address x@example.org in {config_dir / 'members.yaml'}\n"


def test_digest_send_without_from_address_says_how_to_fix(config_dir: Path) -> None:
    assert invoke(config_dir, "digest", "send") == (
        1, "", ('error: digest.from_address: required to send digests; add from_address = '
                '"bot@example.org" under [digest]\n'))


def test_digest_status_and_release_on_empty_database(config_dir: Path) -> None:
    code, out, _ = invoke(config_dir, "digest", "status")
    assert code == 0
    assert out.splitlines()[0] == "worker: not running"
    # Mondays at 07:00 in Zurich (06:00 UTC in winter, 05:00 in summer), from the schedule.
    assert re.fullmatch(r"next digest: \d{4}-\d\d-\d\d 0[56]:00 UTC", out.splitlines()[1])
    assert out.splitlines()[2].endswith(": nothing yet")
    assert invoke(config_dir, "digest", "release") == (
        0, "0 uncertain digest(s) will be sent by the next run\n", "")
