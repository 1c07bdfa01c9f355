"""The first command: a fresh SQLite database filled from the sample archive, no servers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from iscg_mailbot.report.queries import ActionRow
from iscg_mailbot.report.threads import ThreadSummary
from iscg_mailbot.services.actions import list_actions
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.analysis_report import AnalysisReport
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import IngestReport, import_archive
from iscg_mailbot.services.status import Status, status
from iscg_mailbot.services.threads import threads
from iscg_mailbot.settings.main import DatabaseConfig, Settings
from iscg_mailbot.store.database import connect, upgrade


def sample_archive() -> Path:
    """The sample ISCG archive shipped inside the package."""
    return Path(str(resources.files("iscg_mailbot") / "data" / "sample-iscg.mbox"))


@dataclass
class DemoReport:
    database_path: Path
    imported: IngestReport
    analysed: AnalysisReport
    status: Status
    threads: list[ThreadSummary]
    open_actions: list[ActionRow]


def run_demo(settings: Settings, database_path: Path, archive: Path | None = None) -> DemoReport:
    """Create ``database_path`` afresh, migrate it, import the sample archive and summarise."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database_path}{suffix}").unlink(missing_ok=True)
    demo_settings = settings.model_copy(
        update={"database": DatabaseConfig(url=f"sqlite:///{database_path}")}
    )
    engine = connect(f"sqlite:///{database_path}")
    upgrade(engine)
    app = App(settings=demo_settings, engine=engine)
    try:
        imported = import_archive(app, archive or sample_archive())
        analysed = analyse_pending(app)
        return DemoReport(
            database_path=database_path,
            imported=imported,
            analysed=analysed,
            status=status(app),
            threads=threads(app),
            open_actions=list_actions(app, open_only=True, limit=None),
        )
    finally:
        app.close()
