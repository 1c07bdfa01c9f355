"""The digest's possible overlaps kept ahead by whoever makes the kept ones stale
(``services/digest/preview.keep_overlaps_current``: the worker after each sync and at
start-up, ``db upgrade``, ``import``, ``sync``): the next ``digest preview`` reads them
and compares nothing, and shows exactly what a preview computing them afresh shows. On
the sample archive and on a seeded corpus (the sample and a copy of it moved in time
and written by other members), SQLite and PostgreSQL."""

from __future__ import annotations

import mailbox
import random
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.services import overlap_cache
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.digest.preview import keep_overlaps_current, preview_digest
from iscg_mailbot.services.ingest import import_archive
from tests.test_overlap_cache import (
    WEEKS,
    add_thread_like,
    nothing_computed,
    nothing_kept,
    overlaps_shown,
    sample_app,
)

EMF_SUPPLEMENT = "ITU-T SG5: draft Supplement on EMF exposure"


def after_week(app: App, day: date) -> datetime:
    """A moment just after the period holding ``day``: its digest is the default one."""
    return app.settings.digest.period_containing(day)[1] + timedelta(hours=2)


def fresh_and_ahead(app: App, now: datetime, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The default preview at ``now`` computed afresh, and the one that reads what
    :func:`keep_overlaps_current` kept (comparing nothing)."""
    with nothing_kept(monkeypatch):
        fresh = preview_digest(app, now=now)
    assert keep_overlaps_current(app, now=now)
    with nothing_computed(monkeypatch):
        ahead = preview_digest(app, now=now)
    return fresh.text + fresh.html, ahead.text + ahead.html


def new_code(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """An upgrade: the code the kept overlaps were computed by is no longer this code."""
    monkeypatch.setattr(overlap_cache, "code_version", lambda: name)


def test_overlaps_kept_ahead_after_new_code_and_new_mail_are_the_fresh_ones(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sample_app(tmp_path, db_url)
    try:
        shown = 0
        for day in WEEKS:
            now = after_week(app, day)
            preview_digest(app, now=now)  # kept under the code as it is
            new_code(monkeypatch, f"upgraded for {day}")
            fresh, ahead = fresh_and_ahead(app, now, monkeypatch)
            assert ahead == fresh
            shown += bool(overlaps_shown(fresh))
        assert shown >= 1  # the first week's digest shows some, the others none

        # New mail in the first week's window: kept ahead, it shows.
        now = after_week(app, WEEKS[0])
        add_thread_like(app, EMF_SUPPLEMENT, tmp_path)
        fresh, ahead = fresh_and_ahead(app, now, monkeypatch)
        assert "Radiocommunication view" in overlaps_shown(fresh)
        assert ahead == fresh
    finally:
        app.close()


def seeded_copy(folder: Path, seed: int) -> Path:
    """The sample archive again, ``seed``-chosen: moved 20-60 days later, its senders
    swapped among themselves (so other Sectors lead its threads), new message ids."""
    rnd = random.Random(seed)
    shift = timedelta(days=rnd.randint(20, 60))
    source = mailbox.mbox(sample_archive())
    senders = sorted({str(m["From"]) for m in source})
    swapped = dict(zip(senders, rnd.sample(senders, len(senders)), strict=True))
    path = folder / f"copy-{seed}.mbox"
    copy = mailbox.mbox(path)
    for message in source:
        for header in ("Message-ID", "In-Reply-To", "References"):
            if message[header]:
                value = str(message[header]).replace("@", f".s{seed}@")
                del message[header]
                message[header] = value
        when = parsedate_to_datetime(str(message["Date"])) + shift
        del message["Date"]
        message["Date"] = format_datetime(when)
        sender = swapped[str(message["From"])]
        del message["From"]
        message["From"] = sender
        message.set_from(sender.rsplit("<", 1)[-1].rstrip(">"),
                         when.astimezone(UTC).timetuple())
        copy.add(message)
    copy.flush()
    return path


@pytest.mark.slow
def test_a_seeded_corpus_kept_ahead_shows_the_fresh_overlaps(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sample_app(tmp_path, db_url)
    try:
        import_archive(app, seeded_copy(tmp_path, 17))
        analyse_pending(app)
        shown = 0
        start = date(2026, 7, 6)
        for week in range(0, 22, 3):
            now = after_week(app, start + timedelta(weeks=week))
            new_code(monkeypatch, f"version {week}")
            fresh, ahead = fresh_and_ahead(app, now, monkeypatch)
            assert ahead == fresh
            shown += bool(overlaps_shown(fresh))
        assert shown >= 3
    finally:
        app.close()


def test_db_upgrade_and_import_keep_the_next_previews_overlaps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sample_app(tmp_path, f"sqlite:///{tmp_path / 'up.db'}")
    config = str(tmp_path / "config")
    today = after_week(app, WEEKS[0])
    monkeypatch.setattr("iscg_mailbot.services.digest.preview.utcnow", lambda: today)

    def preview() -> str:
        out = tmp_path / "week.html"
        with nothing_computed(monkeypatch):
            shown = CliRunner().invoke(cli, ["--config", config, "digest", "preview",
                                             "--out", str(out)])
        assert shown.exit_code == 0, shown.output
        return overlaps_shown(out.with_suffix(".txt").read_text("utf-8"))

    try:
        new_code(monkeypatch, "after the upgrade")
        result = CliRunner().invoke(cli, ["--config", config, "db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert EMF_SUPPLEMENT in preview()

        # New mail imported by hand: the command that stored it kept them.
        result = CliRunner().invoke(cli, ["--config", config, "import",
                                          str(seeded_copy(tmp_path, 3)), "--no-progress"])
        assert result.exit_code == 0, result.output
        shown = preview()
        with nothing_kept(monkeypatch):
            assert shown == overlaps_shown(preview_digest(app).text)
    finally:
        app.close()


def test_the_worker_keeps_them_at_start_up_without_a_mailbox(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker restarted after an upgrade (no mailbox to sync: its own job) keeps the
    next preview's overlaps; the preview then compares nothing."""
    from iscg_mailbot.settings.delivery import WorkerConfig
    from iscg_mailbot.worker import JOB_OVERLAPS, Worker
    from tests.worker_helpers import next_run, running, wait_for

    app = sample_app(tmp_path, f"sqlite:///{tmp_path / 'worker.db'}")
    try:
        today = after_week(app, WEEKS[0])
        monkeypatch.setattr("iscg_mailbot.services.digest.preview.utcnow", lambda: today)
        with nothing_kept(monkeypatch):
            fresh = preview_digest(app)
        new_code(monkeypatch, "after the upgrade")
        settings = app.settings.model_copy(update={"worker": WorkerConfig(
            sync_minutes=60, lock_lease_seconds=6)})
        kept: list[bool] = []
        original = overlap_cache.keep_flags
        monkeypatch.setattr(overlap_cache, "keep_flags",
                            lambda *args: kept.append(True) or original(*args))
        worker = Worker(App(settings=settings, engine=app.engine), install_signals=False)
        with running(worker):
            wait_for(lambda: bool(kept), 30, "the overlaps kept")
            assert next_run(worker, JOB_OVERLAPS) is not None
        with nothing_computed(monkeypatch):
            assert preview_digest(app).text == fresh.text
        assert EMF_SUPPLEMENT in overlaps_shown(fresh.text)
    finally:
        app.close()
