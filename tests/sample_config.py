"""A copy of the shipped configuration over an SQLite database holding the analysed
sample archive, and a CLI runner for it: what the tests of the group's duties
(meetings, the annual report, the duplication watch) run their commands against."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.database import upgrade

ROOT = Path(__file__).resolve().parents[1]


def analysed_sample(base: Path, extra_meetings: str = "") -> Path:
    """``base``/config: the shipped config (``extra_meetings`` appended to meetings.yaml)
    over ``base``/sample.db, the sample archive imported and analysed; returns the folder."""
    config = base / "config"
    shutil.copytree(ROOT / "config", config)
    (config / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "sqlite:///{base / "sample.db"}"\n', encoding="utf-8")
    if extra_meetings:
        with (config / "meetings.yaml").open("a", encoding="utf-8") as handle:
            handle.write(extra_meetings)
    app = App.open(load_settings(config), check_schema=False)
    upgrade(app.engine)
    import_archive(app, sample_archive())
    analyse_pending(app)
    app.close()
    return config


def invoke(config: Path, *args: str) -> tuple[int, str, str]:
    """Run ``iscg-mailbot --config CONFIG ARGS...``: exit code, stdout, stderr."""
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    return result.exit_code, result.stdout, result.stderr
