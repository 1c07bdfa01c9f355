"""The scheduled worker behind ``iscg-mailbot run`` (APScheduler 3, BlockingScheduler).

Jobs, kept in the same database (SQLAlchemyJobStore) so that a restart keeps their
schedule: ``sync`` every ``worker.sync_minutes`` (then re-tagging and action closing),
``digest`` on the ``digest.schedule`` cron, and ``digest-retry`` every
``worker.retry_minutes`` for digests whose temporary failure is due for a retry. A
digest missed while the worker was down is sent once when it comes back (misfire
grace + coalescing); the outbox makes sure nobody gets it twice.

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
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.services import digest as digest_service
from iscg_mailbot.services import ingest
from iscg_mailbot.services import reminders as reminder_service
from iscg_mailbot.services import worker as worker_service
from iscg_mailbot.services.app import App

log = logging.getLogger("iscg_mailbot.worker")

JOB_SYNC = "sync"
JOB_DIGEST = "digest"
JOB_RETRY = "digest-retry"
JOB_REMINDERS = "reminders"

# The persistent job store refers to jobs by "module:function", so jobs are
# module-level functions that find the running worker here.
_current: Worker | None = None


def _worker() -> Worker:
    if _current is None:
        raise RuntimeError("no worker is running in this process")
    return _current


def sync_job() -> None:
    """Sync each configured mailbox (stopping between mailboxes on shutdown), then analyse."""
    worker = _worker()
    app = worker.app
    sources = worker.connections.sources()
    reports = ingest.sync(app, sources=sources, should_stop=worker.stopping.is_set)
    for report in reports:
        name = report.source.removeprefix("imap:")
        worker.streaks.record(name, report.error)
        if name in sources:  # reconnection attempts of a known outage: debug only
            sources[name].retry_log_level = (
                logging.DEBUG if worker.streaks.failing(name) else logging.INFO)
        if report.error is None:
            log.info("sync", extra={"mailbox": report.source, "stored": report.stored,
                                    "duplicates": report.duplicates,
                                    "quarantined": report.quarantined})
    if worker.stopping.is_set():
        log.info("sync interrupted by shutdown after the current batch")
        return
    if app.settings.worker.analyse_after_sync and not worker.stopping.is_set():
        analysed = worker_service.after_sync(app)
        if analysed.threads:
            log.info("analysis after sync", extra={"threads": analysed.threads,
                                                   "actions_added": analysed.actions_added,
                                                   "actions_closed": analysed.actions_closed})


def digest_job() -> None:
    """Send the last complete period's digests (the scheduled run)."""
    _send(trigger="scheduled", retry_only=False)


def retry_job() -> None:
    """Retry digests whose temporary failure is due."""
    _send(trigger="retry", retry_only=True)


def reminders_job() -> None:
    """Send the deadline reminders due today (each once; a no-op when none is due)."""
    try:
        report = reminder_service.send_reminders(_worker().app)
    except MailbotError as exc:
        log.error("reminders failed", extra={"error": str(exc)})
        return
    if report.items:
        log.info("reminders", extra={"sent": report.count("sent"),
                                     "cancelled": report.count("cancelled"),
                                     "failed": report.count("failed")})


def _send(*, trigger: str, retry_only: bool) -> None:
    app = _worker().app
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
        self.scheduler: BlockingScheduler | None = None
        self._stopper: threading.Thread | None = None
        self._finished = threading.Event()
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

    def _scheduler(self) -> BlockingScheduler:
        digest = self.app.settings.digest
        zone = ZoneInfo(digest.timezone)
        scheduler = BlockingScheduler(
            jobstores={"default": SQLAlchemyJobStore(engine=self.app.engine)},
            # One thread: jobs never overlap, so a sync and a digest run never compete
            # for the database or the SMTP server.
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=zone)
        unwanted = []
        if self.app.settings.mailboxes:
            seconds = self.config.sync_minutes * 60
            scheduler.add_job(sync_job, IntervalTrigger(seconds=seconds, timezone=zone),
                              id=JOB_SYNC, name="sync mailboxes", replace_existing=True,
                              misfire_grace_time=max(int(seconds), 1),
                              next_run_time=datetime.now(UTC))
        else:
            unwanted.append(JOB_SYNC)
        if digest.enabled:
            grace = int(self.config.misfire_grace_hours * 3600)
            extra: dict[str, Any] = {}
            missed = worker_service.stored_next_run(self.app, JOB_DIGEST)
            if missed is not None and missed <= datetime.now(UTC):
                # Re-adding the job would compute its next run from now and lose the
                # one missed while the worker was down: keep that run time instead.
                extra["next_run_time"] = missed
                log.info("digest missed while stopped; it runs now",
                         extra={"missed": missed.isoformat()})
            scheduler.add_job(digest_job, CronTrigger.from_crontab(digest.schedule, timezone=zone),
                              id=JOB_DIGEST, name="weekly digest", replace_existing=True,
                              misfire_grace_time=grace, **extra)
            scheduler.add_job(retry_job, IntervalTrigger(seconds=self.config.retry_minutes * 60,
                                                         timezone=zone),
                              id=JOB_RETRY, name="retry digests", replace_existing=True,
                              misfire_grace_time=max(int(self.config.retry_minutes * 60), 1))
            if self.app.settings.reminders.enabled:
                scheduler.add_job(reminders_job, IntervalTrigger(hours=1, timezone=zone),
                                  id=JOB_REMINDERS, name="deadline reminders",
                                  replace_existing=True, misfire_grace_time=3600)
            else:
                unwanted.append(JOB_REMINDERS)
        else:
            unwanted += [JOB_DIGEST, JOB_RETRY, JOB_REMINDERS]
        worker_service.forget_jobs(self.app, unwanted)
        return scheduler

    # -- life cycle ----------------------------------------------------------------

    def run(self) -> None:
        """Take the lease, schedule the jobs and block until stopped; always release."""
        global _current
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
            for number, handler in previous.items():
                signal.signal(number, handler)
            raise
        if _current is not None:
            worker_service.drop_worker_lease(self.app, self.holder)
            raise MailbotError("a worker is already running in this process")
        _current = self
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
        finally:
            self.stopping.set()
            self._finished.set()
            if self._stopper is not None:
                self._stopper.join()  # the running job has finished its batch
            for number, handler in previous.items():
                signal.signal(number, handler)
            heartbeat.join(timeout=5)
            self.connections.close()
            _current = None
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
        """Stop scheduling; the running job finishes its current batch. Safe from any thread."""
        self.stopping.set()
        if self._stopper is None:
            # Shut down from a separate thread: a signal handler runs inside the
            # scheduler's own loop, and shutdown(wait=True) waits for the running job.
            self._stopper = threading.Thread(target=self._shutdown, name="worker-stop")
            self._stopper.start()

    def _shutdown(self) -> None:
        # stop() may come just before the scheduler starts: wait until it runs, or
        # until run() is over (it then never started).
        while not self._finished.is_set():
            scheduler = self.scheduler
            if scheduler is not None and scheduler.running:
                try:
                    scheduler.shutdown(wait=True)
                except SchedulerNotRunningError:
                    pass
                return
            time.sleep(0.01)


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
