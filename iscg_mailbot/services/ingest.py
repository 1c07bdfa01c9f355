"""Bring mail in: IMAP sync and archive import through one pipeline.

source -> parse -> store -> thread, one transaction per batch. The mailbox's sync
state advances in the same transaction as the batch it describes, so a crash at any
point loses nothing and the next run stores nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from iscg_mailbot.errors import AuthenticationError, ConfigError, SourceError
from iscg_mailbot.parse.message import DEFAULT_MAX_BYTES
from iscg_mailbot.parse.parallel import ParsedBatch, parse_batch, parse_batches
from iscg_mailbot.records import MailboxState, ParsedMessage, RawBatch, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.collector import FEWER_COLLECTIONS, fewer_collections
from iscg_mailbot.settings.main import ListConfig, MailboxConfig
from iscg_mailbot.source.archive import count_messages, read_archive
from iscg_mailbot.source.imap import ImapSource
from iscg_mailbot.store import work
from iscg_mailbot.store.conflicts import retrying
from iscg_mailbot.store.messages import (
    StoredBatch,
    ensure_list,
    quarantine,
    save_messages,
    save_threaded_messages,
)
from iscg_mailbot.store.models import Mailbox, Message
from iscg_mailbot.store.planner import PlannerStatistics
from iscg_mailbot.store.search import index_messages
from iscg_mailbot.store.threads import THREADING_COLUMNS, attach_to_threads
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)

#: The cyclic collector's thresholds while a sync or an import stores mail
#: (``services/collector.py``).
INGEST_GC_THRESHOLDS = FEWER_COLLECTIONS


@dataclass
class IngestReport:
    """Counts of one sync of a mailbox or one archive import."""

    source: str
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    batches: int = 0
    thread_ids: set[int] = field(default_factory=set)
    error: str | None = None

    @property
    def threads_touched(self) -> int:
        return len(self.thread_ids)


def store_raw_batch(
    session: Session,
    list_id: int,
    raws: Sequence[RawMessage],
    report: IngestReport,
    max_message_bytes: int = DEFAULT_MAX_BYTES,
) -> list[int]:
    """Parse, store and thread one batch inside ``session``; return the new message ids.

    Messages over ``max_message_bytes`` are quarantined unparsed.
    """
    parsed = parse_batch(RawBatch(tuple(raws), MailboxState()), max_message_bytes)
    return store_parsed_batch(session, list_id, parsed, report)


def store_parsed_batch(
    session: Session, list_id: int, batch: ParsedBatch, report: IngestReport
) -> list[int]:
    """Store and thread one parsed batch inside ``session``, quarantine what did not
    parse; return the new message ids."""
    # Analysers may be committing meanwhile (SQLite: take the write lock first).
    work.write_first(session)
    for raw, reason in batch.rejected:
        if quarantine(session, list_id, raw, reason):
            report.quarantined += 1
    stored, touched = _save_or_quarantine(session, list_id, batch.parsed, report)
    report.fetched += len(batch.batch.messages)
    report.stored += len(stored.new_message_ids)
    report.duplicates += stored.duplicates
    report.batches += 1
    if stored.new_message_ids:
        # The search index is kept in step with the messages, in the same transaction.
        index_messages(session, stored.new_message_ids)
    if touched:
        # Analysis work, committed with the messages: analysers (other processes,
        # maybe running now) take it from the queue.
        work.mark(session, touched, utcnow(), flagged=stored.new_thread_ids)
    report.thread_ids.update(touched)
    return stored.new_message_ids


def _refused_data(exc: DBAPIError) -> bool:
    """Whether the database refused the rows themselves (a value, a constraint, a size
    limit, a trigger), as opposed to being unavailable: only then is a message to blame."""
    if exc.connection_invalidated:
        return False
    sqlstate = str(getattr(exc.orig, "sqlstate", "") or "")
    if sqlstate:  # PostgreSQL: data exception, integrity, program limit, raised by PL/pgSQL
        return sqlstate[:2] in {"22", "23", "54", "P0"}
    return isinstance(exc, (IntegrityError, DataError))


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _save_or_quarantine(
    session: Session,
    list_id: int,
    parsed: Sequence[tuple[RawMessage, ParsedMessage]],
    report: IngestReport,
) -> tuple[StoredBatch, set[int]]:
    """Thread and store the batch, each row written once; if the database refuses a row,
    store message by message, quarantine the ones it refuses and thread the others.
    Returns what was stored and the ids of the threads that changed, so one bad message
    never blocks a mailbox."""
    try:
        with session.begin_nested():
            return save_threaded_messages(session, list_id, [message for _, message in parsed])
    except DBAPIError as exc:
        if not _refused_data(exc):
            raise
        log.warning("the database refused a row of the batch (%s); storing one by one",
                    _first_line(exc))
    # Threading's objects may hold what the rolled-back savepoint wrote.
    session.expire_all()
    new_ids: list[int] = []
    duplicates = 0
    for raw, message in parsed:
        try:
            with session.begin_nested():
                one = save_messages(session, list_id, [message])
        except DBAPIError as exc:
            if not _refused_data(exc):
                raise
            if quarantine(session, list_id, raw, f"the database refused it: {_first_line(exc)}"):
                report.quarantined += 1
            continue
        new_ids.extend(one.new_message_ids)
        duplicates += one.duplicates
    # Only the threading facts: the bodies were just written and are not needed here.
    messages = session.scalars(select(Message).options(THREADING_COLUMNS)
                               .where(Message.id.in_(new_ids)).order_by(Message.id)).all()
    touched = attach_to_threads(session, list_id, messages)
    return StoredBatch(new_message_ids=new_ids, duplicates=duplicates), touched


def _list_row_id(session: Session, config: ListConfig) -> int:
    work.write_first(session)  # it may insert the list's row (see store/work.py)
    return ensure_list(session, config.id, config.address, config.name).id


def _mailbox_row(session: Session, config: MailboxConfig, list_id: int) -> Mailbox:
    row = session.scalar(select(Mailbox).where(Mailbox.name == config.name))
    if row is None:
        row = Mailbox(name=config.name, list_id=list_id, kind="imap", last_uid=0)
        session.add(row)
        session.flush()
    return row


def sync_mailbox(
    app: App,
    config: MailboxConfig,
    source: ImapSource | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> IngestReport:
    """One pass over one IMAP mailbox: store every message newer than the saved state.

    A source failure (server gone, login refused) ends the pass with ``report.error``
    set; every batch stored before it stays stored and the next pass resumes after it.
    ``source`` lets the worker keep one connection open between polls; without it a
    connection is opened and closed here. ``should_stop`` is asked after each stored
    batch; when it says yes the pass ends there (a clean shutdown), to resume later.
    """
    report = IngestReport(source=f"imap:{config.name}")
    owned = source is None
    try:
        with app.session() as session:
            list_id = _list_row_id(session, app.settings.list_by_id(config.list))
            row = _mailbox_row(session, config, list_id)
            state = MailboxState(uidvalidity=row.uidvalidity, last_uid=row.last_uid)
        if source is None:
            source = ImapSource(config, config.password())
        _store_new_mail(app, config, source, state, list_id, report, should_stop)
    except SourceError as exc:
        report.error = describe_source_failure(config, exc)
    except OperationalError as exc:
        # The database is down or locked: the batch in hand was rolled back and the
        # mailbox position did not move, so the next pass resumes exactly there.
        report.error = f"database unavailable: {_first_line(exc)}"
    finally:
        if owned and source is not None:
            source.close()
    try:
        _record_sync(app, config.name, error=report.error)
    except OperationalError:
        log.warning("could not record the sync of %s: the database is unavailable", config.name)
    return report


def _store_new_mail(app: App, config: MailboxConfig, source: ImapSource, state: MailboxState,
                    list_id: int, report: IngestReport,
                    should_stop: Callable[[], bool] | None) -> None:
    """Fetch, parse and store batch after batch, each with the mailbox position."""

    def store(parsed: ParsedBatch) -> int:
        stored = report.stored
        _store_mailbox_batch(app, config.name, list_id, parsed, report)
        return report.stored - stored

    def stop(_parsed: ParsedBatch) -> bool:
        return should_stop is not None and should_stop()

    _parse_and_store(app, source.fetch_new(state), store, stop)


def _parse_and_store(app: App, raw: Iterable[RawBatch], store: Callable[[ParsedBatch], int],
                     then: Callable[[ParsedBatch], bool]) -> None:
    """Parse these raw batches (in worker processes) and ``store`` each, which says how
    many messages it stored (PostgreSQL's planner statistics are refreshed by it);
    ``then`` after each batch stored, True to stop there."""
    parsed_batches = parse_batches(
        raw,
        max_bytes=app.settings.max_message_bytes,
        processes=app.settings.parse_processes_effective,
    )
    statistics = PlannerStatistics()
    with fewer_collections():
        try:
            for parsed in parsed_batches:
                _refresh_statistics(app, statistics, store(parsed))
                if then(parsed):
                    break
        finally:
            # Stop the workers and the source's read (an IMAP connection is used again).
            parsed_batches.close()


_TLS_WORDS = ("ssl", "tls", "certificate", "handshake")


def describe_source_failure(config: MailboxConfig, exc: SourceError) -> str:
    """One line naming the mailbox, what failed and what to check.

    >>> from iscg_mailbot.errors import AuthenticationError
    >>> config = MailboxConfig(name="iscg", list="iscg", host="imap.itu.int",
    ...                        username="bot", password_env="ISCG_IMAP_PASSWORD")
    >>> describe_source_failure(config, AuthenticationError("IMAP login failed for user bot"))
    'mailbox iscg: IMAP login failed for user bot; check username and the password in $ISCG_IMAP_PASSWORD'
    """
    text = str(exc).rstrip(". ")
    where = f"mailbox {config.name}"
    if isinstance(exc, AuthenticationError):
        secret = (f"${config.password_env}" if config.password_env
                  else config.password_file or "password_env/password_file")
        return f"{where}: {text}; check username and the password in {secret}"
    lowered = text.lower()
    if "certificate" in lowered or "starttls" in lowered:
        return f"{where}: {text}"  # the message already says what to change
    if any(word in lowered for word in _TLS_WORDS):
        return (f"{where}: TLS failed: {text}; check security ('ssl' on port 993, 'starttls' "
                f"on 143) and port for {config.host}")
    return (f"{where}: cannot reach the server: {text}; check host and port "
            f"({config.host}:{config.effective_port}) and that the network lets it through")


def _store_mailbox_batch(
    app: App, name: str, list_id: int, parsed: ParsedBatch, report: IngestReport
) -> None:
    _batch_transaction(app, report, partial(_store_and_advance, name, list_id, parsed, report))


def _store_and_advance(name: str, list_id: int, parsed: ParsedBatch, report: IngestReport,
                       session: Session) -> list[int]:
    new_ids = store_parsed_batch(session, list_id, parsed, report)
    row = session.scalar(select(Mailbox).where(Mailbox.name == name).with_for_update())
    assert row is not None
    row.uidvalidity = parsed.batch.state.uidvalidity
    row.last_uid = parsed.batch.state.last_uid
    row.messages_stored += len(new_ids)
    return new_ids


def _batch_transaction(app: App, report: IngestReport,
                       store: Callable[[Session], list[int]]) -> list[int]:
    """Run ``store`` in a transaction of its own and return the new message ids. When
    the database rolls it back to break a deadlock with an analyser (PostgreSQL, see
    store/conflicts.py), the report's counts are put back and the batch runs again."""
    before = replace(report, thread_ids=set(report.thread_ids))

    def once() -> list[int]:
        with app.session() as session:
            return store(session)

    def restore() -> None:
        for name in ("fetched", "stored", "duplicates", "quarantined", "batches"):
            setattr(report, name, getattr(before, name))
        report.thread_ids = set(before.thread_ids)

    return retrying(once, before_retry=restore)


def _refresh_statistics(app: App, statistics: PlannerStatistics, stored: int) -> None:
    """After a committed batch: PostgreSQL's planner statistics, when the import has grown
    the tables enough (see store/planner.py); in a transaction of its own."""
    if stored and app.engine.dialect.name == "postgresql":
        with app.session() as session:
            statistics.stored(session, stored)


def _record_sync(app: App, name: str, *, error: str | None) -> None:
    with app.session() as session:
        work.write_first(session)
        row = session.scalar(select(Mailbox).where(Mailbox.name == name))
        if row is not None:
            row.last_sync_at = utcnow()
            row.last_error = error


class KeptConnections:
    """One IMAP connection per configured mailbox, kept open between polls.

    The worker holds one of these so that a poll without new mail costs one round
    trip; each source reconnects by itself when its connection drops.
    """

    def __init__(self, app: App) -> None:
        self.app = app
        self._sources: dict[str, ImapSource] = {}

    def sources(self) -> dict[str, ImapSource]:
        """The open sources by mailbox name, for :func:`sync`'s ``sources``."""
        for mailbox in self.app.settings.mailboxes:
            if mailbox.name not in self._sources:
                self._sources[mailbox.name] = ImapSource(mailbox, mailbox.password())
        return self._sources

    def close(self) -> None:
        """Log out of every mailbox; the next :meth:`sources` opens new connections."""
        for source in self._sources.values():
            source.close()
        self._sources.clear()


def sync(
    app: App,
    names: Iterable[str] | None = None,
    sources: dict[str, ImapSource] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[IngestReport]:
    """Sync the configured mailboxes (all, or those named); errors of one do not stop the rest.

    ``sources`` maps mailbox names to open connections to reuse (the worker keeps them
    between polls so a poll without new mail costs one round trip). Raises ConfigError
    when no mailbox is configured or a name is unknown.
    """
    reports = []
    for config in _select_mailboxes(app, names):
        if should_stop is not None and should_stop():
            break
        reports.append(sync_mailbox(app, config, (sources or {}).get(config.name), should_stop))
    return reports


def _select_mailboxes(app: App, names: Iterable[str] | None) -> list[MailboxConfig]:
    configured = {m.name: m for m in app.settings.mailboxes}
    if not configured:
        raise ConfigError(
            "no [[mailboxes]] in the configuration; add one (see README, 'Configuration') "
            "or use 'iscg-mailbot import PATH'"
        )
    if names is None:
        return list(configured.values())
    wanted = list(names)
    unknown = [n for n in wanted if n not in configured]
    if unknown:
        raise ConfigError(
            f"unknown mailbox {', '.join(unknown)}; configured: {', '.join(configured)}"
        )
    return [configured[n] for n in wanted]


def import_archive(
    app: App,
    path: Path,
    list_key: str | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = 500,
) -> IngestReport:
    """Import an mbox file or Maildir folder; importing the same archive twice adds nothing."""
    list_config = app.settings.list_by_id(list_key or app.settings.lists[0].id)
    report = IngestReport(source=f"archive:{path}")
    with app.session() as session:
        list_id = _list_row_id(session, list_config)

    def store(parsed: ParsedBatch) -> int:
        return len(_batch_transaction(app, report, partial(_store_batch, list_id, parsed,
                                                           report)))

    def progress(parsed: ParsedBatch) -> bool:
        if on_progress is not None:
            on_progress(len(parsed.batch.messages))
        return False

    _parse_and_store(app, read_archive(path, batch_size=batch_size), store, progress)
    return report


def _store_batch(list_id: int, parsed: ParsedBatch, report: IngestReport,
                 session: Session) -> list[int]:
    return store_parsed_batch(session, list_id, parsed, report)


def archive_size(path: Path) -> int:
    """How many messages an archive holds (for a progress bar)."""
    return count_messages(path)
