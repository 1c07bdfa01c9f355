"""What depends on how iscg-mailbot was installed: the PostgreSQL driver comes with the
``postgres`` extra (a plain ``postgresql://`` URL uses it; without it, one line says how
to install it), and ``import``'s progress bar is rich's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import make_url

from iscg_mailbot.cli import cli
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.store.database import connect
from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[1]
MBOX = ROOT / "tests" / "samples" / "reliability" / "patch-v2-v3.mbox"  # 4 messages


def test_without_psycopg_a_postgresql_url_is_one_line_saying_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(ConfigError) as raised:
        connect("postgresql+psycopg://iscg:secret@db.example.org/iscg")
    assert str(raised.value) == (
        "postgresql+psycopg://iscg:***@db.example.org/iscg: PostgreSQL needs the psycopg "
        "driver, which is not installed; install it with: pip install 'iscg-mailbot[postgres]' "
        "(the Docker image has it)")

    monkeypatch.setenv("ISCG_DATABASE_URL", "postgresql://iscg:secret@db.example.org/iscg")
    (tmp_path / "iscg-mailbot.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(tmp_path), "db", "upgrade"])
    assert result.exit_code == 1
    assert result.output == f"error: {raised.value}\n"


def test_a_plain_postgresql_url_uses_psycopg(postgres_server: str | None) -> None:
    require_service(postgres_server is not None, "PostgreSQL not reachable")
    assert postgres_server is not None
    plain = make_url(postgres_server).set(drivername="postgresql")
    engine = connect(plain.render_as_string(hide_password=False))
    try:
        assert engine.url.drivername == "postgresql+psycopg"
        with engine.connect() as connection:
            assert connection.scalar(text("select 1")) == 1
    finally:
        engine.dispose()


def test_import_shows_a_progress_bar_only_when_asked_or_on_a_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISCG_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    config = ["--config", str(ROOT / "config")]
    assert CliRunner().invoke(cli, [*config, "db", "upgrade"]).exit_code == 0
    shown = CliRunner().invoke(cli, [*config, "import", str(MBOX), "--progress"])
    assert shown.exit_code == 0, shown.output
    assert "100%" in shown.stderr and "4/4" in shown.stderr
    assert shown.stdout.startswith(f"archive:{MBOX}: 4 new, 0 already stored")
    hidden = CliRunner().invoke(cli, [*config, "import", str(MBOX)])  # not a terminal
    assert hidden.exit_code == 0 and hidden.stderr == ""
    assert hidden.stdout.startswith(f"archive:{MBOX}: 0 new, 4 already stored")
