"""The scheduled worker behind ``iscg-mailbot run`` (APScheduler 3, BackgroundScheduler).

Jobs, kept in memory: ``sync`` every ``worker.sync_minutes`` (then re-tagging and
action closing), ``digest`` on the ``digest.schedule`` cron, ``digest-retry`` every
``worker.retry_minutes`` for digests whose temporary failure is due for a retry, and
``reminders`` hourly. Each sync ends by keeping the next digest's possible overlaps
current (``overlaps``: its own job every ``worker.sync_minutes`` when no mailbox is
synced), the first at start-up, so that no person's ``digest preview`` waits for the
comparison of a year of threads after new mail or an upgrade. Nothing about the
schedule is stored: the schedule is the configuration, and what was sent is in
``digest_runs`` and the outbox. At start-up the worker asks those tables whether the
last complete period came due while it was down
(:func:`iscg_mailbot.services.schedule.missed_digest`) and sends it at once; the run it
records is what keeps the next start-up from sending it again, and the outbox makes
sure nobody gets a digest twice.

Only one worker runs per database: it holds a lease row renewed by a heartbeat
thread. SIGTERM/SIGINT stop scheduling, let the running job finish its current
batch, release the lease and return. SIGHUP reads topics.yaml, members.yaml and the
other YAML files again (``App.reload_config``).

>>> Worker(App.open(load_settings())).run()      # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.services import digest as digest_service
from iscg_mailbot.services import ingest, schedule
from iscg_mailbot.services import reminders as reminder_service
from iscg_mailbot.services import worker as worker_service
from iscg_mailbot.services.app import App

log = logging.getLogger("iscg_mailbot.worker")

JOB_SYNC = "sync"
JOB_DIGEST = "digest"
JOB_RETRY = "digest-retry"
JOB_REMINDERS = "reminders"
JOB_OVERLAPS = "overlaps"

def _current_app(worker: Worker) -> App:
    """The worker's app, its configuration files read again first if one was edited since
    (by hand, or on the website in another process)."""
    if worker.app.reload_config_if_changed():
        log.info("a configuration file changed: the files are read again")
    return worker.app


def sync_job(worker: Worker) -> None:
    """Sync each configured mailbox (stopping between mailboxes on shutdown), then analyse."""
    app = _current_app(worker)
    sources = worker.connections.sources()
    reports = ingest.sync(app, sources=sources, should_stop=worker.stopping.is_set)
    for report in reports:
        _record_sync(worker, sources, report)
    if worker.stopping.is_set():
        log.info("sync interrupted by shutdown after the current batch")
        return
    if app.settings.worker.analyse_after_sync:
        analysed = worker_service.after_sync(app)
        if analysed.threads:
            log.info("analysis after sync", extra={"threads": analysed.threads,
                                                   "actions_added": analysed.actions_added,
                                                   "actions_closed": analysed.actions_closed})
    if not worker.stopping.is_set():
        overlaps_job(worker, app)


def overlaps_job(worker: Worker, app: App | None = None) -> None:
    """Keep the next digest preview's possible overlaps current (after a sync's new mail,
    a chair's edit on the website, or at start-up after an upgrade changed the code):
    a person's preview then reads them instead of comparing a year of threads. Reads one
    kept row when nothing changed."""
    digest_service.keep_overlaps_current(app or _current_app(worker))


def _record_sync(worker: Worker, sources: dict[str, Any], report: ingest.IngestReport) -> None:
    """Log one mailbox's sync (failures once per streak, see FailureStreaks)."""
    name = report.source.removeprefix("imap:")
    worker.streaks.record(name, report.error)
    if name in sources:  # reconnection attempts of a known outage: debug only
        sources[name].retry_log_level = (
            logging.DEBUG if worker.streaks.failing(name) else logging.INFO)
    if report.error is None:
        log.info("sync", extra={"mailbox": report.source, "stored": report.stored,
                                "duplicates": report.duplicates,
                                "quarantined": report.quarantined})


def digest_job(worker: Worker) -> None:
    """Send the last complete period's digests (the scheduled run)."""
    _send(_current_app(worker), trigger="scheduled", retry_only=False)


def retry_job(worker: Worker) -> None:
    """Retry digests whose temporary failure is due."""
    _send(_current_app(worker), trigger="retry", retry_only=True)


def reminders_job(worker: Worker) -> None:
    """Send the deadline reminders due today (each once; a no-op when none is due)."""
    try:
        report = reminder_service.send_reminders(_current_app(worker))
    except MailbotError as exc:
        log.error("reminders failed", extra={"error": str(exc)})
        return
    if report.items:
        log.info("reminders", extra={"sent": report.count("sent"),
                                     "cancelled": report.count("cancelled"),
                                     "failed": report.count("failed")})


def _send(app: App, *, trigger: str, retry_only: bool) -> None:
    try:
        reports = digest_service.send_digests(app, trigger=trigger, retry_only=retry_only)
    except MailbotError as exc:
        log.error("digest run failed", extra={"trigger": trigger, "error": str(exc)})
        return
    for report in reports:
        if report.items or not retry_only:
            log.info("digest run", extra={
                "trigger": trigger, "list": report.list_key, "period": report.period_key,
                "sent": report.count("sent"), "deferred": report.count("deferred"),
                "failed": report.count("failed"), "uncertain": report.count("uncertain"),
                "skipped_empty": report.skipped_empty, "error": report.error})


def no_mailbox_message(config_dir: str) -> str:
    """What the worker says at start-up when it has no mailbox to sync (the default
    configuration): it would otherwise sit idle with nothing to show why."""
    return (f"no mailbox configured: the worker will sync no mail. Add a [[mailboxes]] "
            f"entry (name, list, host, username, password_env, folder) to "
            f"{config_dir}/iscg-mailbot.toml (a commented example is there), check it with "
            "'iscg-mailbot config check', and restart the worker")


class FailureStreaks:
    """Sync failures logged once per streak: the first failure of a mailbox is an error,
    the same failure again is debug, the first success after it says it recovered; a
    different failure during a streak is logged (something else broke)."""

    def __init__(self) -> None:
        self._errors: dict[str, str] = {}
        self._since: dict[str, float] = {}

    def failing(self, mailbox: str) -> bool:
        """Whether the mailbox's last sync failed."""
        return mailbox in self._errors

    def record(self, mailbox: str, error: str | None) -> None:
        """Log the outcome of one sync of ``mailbox`` (``error`` None: it worked)."""
        previous = self._errors.get(mailbox)
        if error is None:
            if previous is not None:
                del self._errors[mailbox]
                log.info("sync recovered", extra={
                    "mailbox": mailbox,
                    "failed_for_seconds": round(time.monotonic() - self._since.pop(mailbox))})
            return
        self._errors[mailbox] = error
        if previous is None:
            self._since[mailbox] = time.monotonic()
            log.error("sync failed: %s", error, extra={"mailbox": mailbox, "error": error})
        elif previous != error:
            log.error("sync still failing, differently: %s", error,
                      extra={"mailbox": mailbox, "error": error})
        else:
            log.debug("sync failed again", extra={"mailbox": mailbox, "error": error})


class Worker:
    """One scheduler per database; ``run`` blocks until ``stop`` (or SIGTERM/SIGINT)."""

    def __init__(self, app: App, *, wait_for_lock: bool = False,
                 install_signals: bool = True) -> None:
        self.app = app
        self.config = app.settings.worker
        self.wait_for_lock = wait_for_lock
        self.install_signals = install_signals
        self.holder = worker_service.new_holder()
        self.lease = timedelta(seconds=self.config.lock_lease_seconds)
        self.stopping = threading.Event()
        self.started = threading.Event()
        self.scheduler: BackgroundScheduler | None = None
        # One IMAP connection per mailbox, kept open between polls (each reconnects itself).
        self.connections = ingest.KeptConnections(app)
        self.streaks = FailureStreaks()

    # -- lease ---------------------------------------------------------------------

    def _take_lease(self) -> None:
        while not worker_service.take_worker_lease(self.app, self.holder, self.lease):
            lease = worker_service.worker_lease(self.app)
            other = lease.holder if lease else "another process"
            if not self.wait_for_lock:
                raise MailbotError(
                    f"another worker ({other}) is running on this database; stop it, or "
                    "start this one with --wait to take over when it stops")
            log.info("waiting for the worker lease", extra={"holder": other})
            if self.stopping.wait(max(self.lease.total_seconds() / 4, 1.0)):
                raise MailbotError("stopped while waiting for the worker lease")

    def _heartbeat(self) -> None:
        interval = self.lease.total_seconds() / 3
        while not self.stopping.wait(interval):
            try:
                kept = worker_service.renew_worker_lease(self.app, self.holder, self.lease)
            except Exception:
                log.exception("could not renew the worker lease")
                continue
            if not kept:
                log.error("worker lease lost to another worker; stopping",
                          extra={"holder": self.holder})
                self.stop()
                return

    # -- scheduler -----------------------------------------------------------------

    def _scheduler(self) -> BackgroundScheduler:
        zone = ZoneInfo(self.app.settings.digest.timezone)
        scheduler = BackgroundScheduler(
            # In memory: the schedule is the configuration, and what was sent is in
            # the outbox and digest_runs (see _add_digest_jobs for a missed digest).
            jobstores={"default": MemoryJobStore()},
            # One thread: jobs never overlap, so a sync and a digest run never compete
            # for the database or the SMTP server.
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=zone)
        if self.app.settings.mailboxes:
            seconds = self.config.sync_minutes * 60
            scheduler.add_job(sync_job, IntervalTrigger(seconds=seconds, timezone=zone),
                              args=(self,), id=JOB_SYNC, name="sync mailboxes",
                              misfire_grace_time=max(int(seconds), 1),
                              next_run_time=datetime.now(UTC))
        else:
            # No sync to follow: the digest's overlaps kept current on their own (data
            # imported by hand, the website's edits, a restart after an upgrade).
            seconds = self.config.sync_minutes * 60
            scheduler.add_job(overlaps_job, IntervalTrigger(seconds=seconds, timezone=zone),
                              args=(self,), id=JOB_OVERLAPS, name="digest overlaps",
                              misfire_grace_time=max(int(seconds), 1),
                              next_run_time=datetime.now(UTC))
        if self.app.settings.digest.enabled:
            self._add_digest_jobs(scheduler, zone)
        return scheduler

    def _add_digest_jobs(self, scheduler: BackgroundScheduler, zone: ZoneInfo) -> None:
        extra: dict[str, Any] = {}
        missed = schedule.missed_digest(self.app)
        if missed is not None:
            # Its scheduled time (not now) keeps it ahead of the first sync, as if
            # the worker had been running then.
            extra["next_run_time"] = missed.due_at
            log.info("digest missed while stopped; it runs now",
                     extra={"missed": missed.due_at.isoformat(), "period": missed.period_key})
        scheduler.add_job(digest_job, schedule.digest_trigger(self.app.settings.digest),
                          args=(self,), id=JOB_DIGEST, name="weekly digest",
                          misfire_grace_time=int(self.config.misfire_grace_hours * 3600),
                          **extra)
        retry = self.config.retry_minutes * 60
        scheduler.add_job(retry_job, IntervalTrigger(seconds=retry, timezone=zone),
                          args=(self,), id=JOB_RETRY, name="retry digests",
                          misfire_grace_time=max(int(retry), 1))
        if self.app.settings.reminders.enabled:
            scheduler.add_job(reminders_job, IntervalTrigger(hours=1, timezone=zone),
                              args=(self,), id=JOB_REMINDERS, name="deadline reminders",
                              misfire_grace_time=3600)

    # -- life cycle ----------------------------------------------------------------

    def run(self) -> None:
        """Take the lease, schedule the jobs and block until stopped; always release."""
        # Handlers first: a SIGTERM that arrives while the lease is being taken must
        # still mean "stop cleanly", not the default instant death.
        previous: dict[signal.Signals, Any] = {}
        if self.install_signals:
            for signum in (signal.SIGTERM, signal.SIGINT):
                previous[signum] = signal.signal(signum, self._on_signal)
            previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, self._on_hangup)
        try:
            self._take_lease()
        except BaseException:
            _restore_signals(previous)
            raise
        heartbeat = threading.Thread(target=self._heartbeat, name="worker-heartbeat",
                                     daemon=True)
        try:
            self.scheduler = self._scheduler()
            heartbeat.start()
            log.info("worker started", extra={"holder": self.holder,
                                              "mailboxes": len(self.app.settings.mailboxes)})
            if not self.app.settings.mailboxes:
                log.warning(no_mailbox_message(self.app.settings.config_dir))
            self.started.set()
            if not self.stopping.is_set():
                self.scheduler.start()
            # Jobs run on the scheduler's threads; this (main) thread only waits, in short
            # steps: Python runs signal handlers on the main thread only, and a signal the
            # kernel hands to another thread does not cut short a long wait here.
            while not self.stopping.wait(1.0):
                pass
        finally:
            self._wind_down(heartbeat, previous)

    def _wind_down(self, heartbeat: threading.Thread,
                   previous: dict[signal.Signals, Any]) -> None:
        self.stopping.set()
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=True)  # the running job finishes its batch
        _restore_signals(previous)
        if heartbeat.ident is not None:  # never started when the scheduler could not be built
            heartbeat.join(timeout=5)
        self.connections.close()
        worker_service.drop_worker_lease(self.app, self.holder)
        log.info("worker stopped", extra={"holder": self.holder})

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        log.info("signal received; finishing the current job",
                 extra={"signal": signal.Signals(signum).name})
        self.stop()

    def _on_hangup(self, signum: int, frame: FrameType | None) -> None:
        log.info("SIGHUP: the configuration files are read again at their next use")
        self.app.reload_config()

    def stop(self) -> None:
        """Stop scheduling; the running job finishes its current batch. Safe from any thread
        (run() notices within a second and winds down)."""
        self.stopping.set()


def _restore_signals(previous: dict[signal.Signals, Any]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update({key: value for key, value in vars(record).items()
                     if key not in _STANDARD_ATTRIBUTES})
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def configure_logging(level: int = logging.INFO, fmt: str = "json") -> None:
    """Send the worker's logs to stderr, as JSON lines (``json``) or plain text."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
