"""Analysis after ingest: topics and action items for threads that received mail.

Ingest marks every thread it touches ``needs_analysis``; :func:`analyse_pending`
analyses those threads and clears the mark in the same transaction. Transactions are
small (about :data:`TARGET_SECONDS` of work each, the number of threads adapting to
how long the last ones took), so analysis that is interrupted (a crash, a kill, a
deploy) keeps what it did and the next run picks up the rest. Each part is
idempotent: analysing a thread twice changes nothing.

One thread never blocks the others: each message is read up to
``settings.analysis_max_chars`` characters (the whole message stays stored and
searchable), and a thread whose analysis raises is recorded in ``analysis_failures``
with the reason, left marked, and retried after an exponential back-off
(:data:`RETRY_BASE` doubling up to :data:`RETRY_MAX`) while the rest goes on.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple, cast

from sqlalchemy import Delete, Table, Update, delete, func, select, update

from iscg_mailbot.services import analysis_trace, collector, overlap_meaning, overlap_terms
from iscg_mailbot.services.actions import extraction as action_extraction
from iscg_mailbot.services.actions.context import load_context
from iscg_mailbot.services.analysis_report import TARGET_SECONDS, AnalysisReport
from iscg_mailbot.services.app import DATABASE_UNAVAILABLE, App
from iscg_mailbot.services.collector import FEWER_COLLECTIONS
from iscg_mailbot.services.topics import tagging
from iscg_mailbot.services.topics.loading import tagger_for
from iscg_mailbot.store import analysis_rows, work
from iscg_mailbot.store.chunks import among
from iscg_mailbot.store.conflicts import retrying
from iscg_mailbot.store.models import AnalysisFailure, Thread
from iscg_mailbot.store.planner import PlannerStatistics, analysis_statistics
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)

#: Most threads in one transaction. The first transaction of a run takes one thread;
#: later ones take as many messages as the last ones analysed in about TARGET_SECONDS.
MAX_CHUNK = 200
MAX_MESSAGES = 5000
#: Back-off of a thread whose analysis failed: 5 min, 10, 20, ... at most a day.
RETRY_BASE = timedelta(minutes=5)
RETRY_MAX = timedelta(hours=24)
#: Longest failure reason kept.
MAX_REASON = 500
#: A claim not finished within this time is taken over (its analyser is presumed dead;
#: one of this machine whose process is gone loses it at once).
LEASE = timedelta(minutes=5)
#: How long an analyser that runs beside ingest waits when nothing is ready.
IDLE_SECONDS = 0.2


# Built once a dialect, as the store's statements every chunk sends
# (store/analysis_rows.py): the threads' ids one array on PostgreSQL (store/chunks.among).
_THREADS = Thread.__table__  # a Core Table already (store/tables.py)
_FAILURES = cast(Table, AnalysisFailure.__table__)


class _Written(NamedTuple):
    """What a chunk's committed write did, for the report: the threads taken off the
    queue, their messages, the items and topics saved."""

    done: set[int]
    messages: int
    found: action_extraction.ActionsReport
    tagged: tagging.RetagReport


@cache
def _done_statements(dialect: str) -> tuple[Update, Delete]:
    """Mark threads analysed, and forget their failures (both by ``ids``)."""
    return (update(_THREADS).where(among(_THREADS.c.id, dialect)).values(needs_analysis=False),
            delete(_FAILURES).where(among(_FAILURES.c.thread_id, dialect)))

def retry_delay(attempts: int) -> timedelta:
    """How long a thread that failed ``attempts`` times waits before the next try.

    >>> retry_delay(1), retry_delay(3), retry_delay(30) == RETRY_MAX
    (datetime.timedelta(seconds=300), datetime.timedelta(seconds=1200), True)
    """
    doublings: int = max(min(attempts, 20) - 1, 0)
    return min(RETRY_BASE * (1 << doublings), RETRY_MAX)


def analyse_pending(
    app: App,
    on_progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
    *,
    target_seconds: float = TARGET_SECONDS,
) -> AnalysisReport:
    """Analyse every thread marked for analysis and due, in small transactions, in this
    process (:func:`iscg_mailbot.services.analysis_pool.analyse_pending` uses worker
    processes when the work is large).

    Threads whose earlier analysis failed wait for their ``retry_after``. ``now`` fixes
    the clock (tests); ``target_seconds`` is the work per transaction. Other analysers
    of the same database (processes, machines) take their share meanwhile.
    """
    with fewer_collections():
        return Analyser(app, now=now, target_seconds=target_seconds).run(on_progress)


#: The cyclic collector's thresholds while this process analyses
#: (``services/collector.py``).
SERIAL_GC_THRESHOLDS = FEWER_COLLECTIONS


def fewer_collections() -> contextlib.AbstractContextManager[None]:
    """Run the cyclic collector less often while this process analyses, then as before.

    An analysis in the importing process (a serial import, a small one, ``analyse``)
    ran at Python's thresholds: ~750 collections for 4,000 messages, 0.9 s of ~8.3 s of
    CPU; 0.1 s at these. Only in the main thread: an analysis beside ingest (a thread)
    runs under the thresholds ingest set, and a worker under its own.
    """
    return collector.fewer_collections(main_thread_only=True)


class Analyser:
    """Claims threads from the work queue, analyses them, writes the results.

    One per process. Each chunk of threads is read in one transaction, analysed with
    no transaction open (the costly part, which other analysers do at the same time),
    and written in a second transaction that first takes the threads off the queue if
    they did not change meanwhile (:func:`iscg_mailbot.store.work.finish`).
    """

    def __init__(self, app: App, *, now: datetime | None = None,
                 target_seconds: float = TARGET_SECONDS, lease: timedelta = LEASE,
                 embed: bool = True, statistics: PlannerStatistics | None = None) -> None:
        self.app = app
        # Whether the run ends by embedding the rows left without a vector (a chunk
        # embeds its threads when the model is loaded; worker processes, which inherit
        # it, leave the rest to their parent).
        self.embed = embed
        self.now = now
        self.target_seconds = target_seconds
        self.lease = lease
        self.report = AnalysisReport()
        self.context = load_context(app)
        if app.config.has_topics():
            tagger_for(app)  # built before the first transaction is timed
        self._holder = work.new_holder()
        self._claims = 0
        self._budget = 0  # messages per transaction; 0: one thread (nothing measured yet)
        # PostgreSQL's, of the items written (by the workers of a pool together).
        self._statistics = statistics if statistics is not None else analysis_statistics()
        self._tracing = analysis_trace.enabled()  # bench/import_timeline.py's log
        self._claimed_at: tuple[tuple[float, float, float], ...] = ()

    def clock(self) -> datetime:
        return self.now or utcnow()

    def run(self, on_progress: Callable[[int], None] | None = None,
            ingesting: Callable[[], bool] | None = None,
            settle: timedelta = timedelta(0)) -> AnalysisReport:
        """Analyse until the queue is empty. While ``ingesting()`` says yes, take only
        threads marked ``settle`` ago or earlier and wait for more when there are none."""
        with self.app.session() as session:
            work.release_dead_local(session, self.clock())
            work.queue_flagged(session, self.clock())
        while True:
            busy = ingesting is not None and ingesting()
            asked = analysis_trace.moment() if self._tracing else (0.0, 0.0, 0.0)
            claims = self._claim(settle if busy else None)
            if not claims and not busy:
                with self.app.session() as session:
                    flagged = work.queue_flagged(session, self.clock())
                claims = self._claim(None) if flagged else []
            if not claims:
                if not busy:
                    # The rows left without a vector (written by readers, before
                    # revision 0022, by another model), in transactions of their own.
                    if self.embed:
                        overlap_meaning.fill_meaning(self.app)
                    return self.report
                time.sleep(IDLE_SECONDS)
                continue
            started = time.monotonic()
            if self._tracing:
                self._claimed_at = (asked, analysis_trace.moment())
            self._analyse(claims)
            elapsed = time.monotonic() - started
            messages = sum(c.messages for c in claims)
            self._budget = _next_budget(self._budget, messages, elapsed, self.target_seconds)
            if on_progress is not None:
                on_progress(len(claims))

    def _claim(self, settle: timedelta | None) -> list[work.Claim]:
        self._claims += 1
        holder = f"{self._holder}.{self._claims}"  # one token per claim
        when = self.clock()
        with self.app.session() as session:
            return work.claim(session, holder, when, lease=self.lease,
                              budget=max(self._budget, 1), max_threads=MAX_CHUNK,
                              settled_before=when - settle if settle is not None else None)

    def _token(self) -> str:
        return f"{self._holder}.{self._claims}"

    def _analyse(self, claims: Sequence[work.Claim]) -> None:
        try:
            self._analyse_chunk(claims)
        except DATABASE_UNAVAILABLE:
            raise
        except Exception:  # noqa: BLE001 - one thread's fault must not stop the rest
            # The chunk was rolled back: find the culprit by taking its threads one by one.
            for one in claims:
                self._analyse_alone(one)

    def _analyse_chunk(self, claims: Sequence[work.Claim]) -> None:
        """Read, analyse, then write in a transaction of its own."""
        thread_ids = [c.thread_id for c in claims]
        with self.app.session() as session:
            # The threads' messages, read once for the three parts that read them.
            messages = analysis_rows.thread_messages(session, thread_ids)
            extraction = action_extraction.extract_rows(session, messages.rows, self.context)
            # The closures too, as this transaction reads the threads: the write, under
            # SQLite's database-wide lock, keeps them if their items did not change.
            ahead = action_extraction.closures_ahead(session, extraction, self.context)
            texts = tagging.chunk_texts_to_tag(self.app, messages, thread_ids)
            # What the duplication watch reads of each thread, kept for the digest.
            overlap_rows = overlap_terms.read_thread_terms(session, thread_ids, messages)
        read = analysis_trace.moment() if self._tracing else None
        tags = tagging.tag_texts(self.app, texts)
        overlap_meaning.with_vectors(self.app.settings, overlap_rows)
        analysed = analysis_trace.moment() if self._tracing else None
        locked = [analysed or (0.0, 0.0, 0.0)]

        def write() -> _Written | None:
            with self.app.session() as session:
                done = work.finish(session, self._token(), claims)
                if self._tracing:  # the write lock had (SQLite), the threads locked
                    locked[0] = analysis_trace.moment()
                if not done:
                    return None
                kept = extraction.in_threads(done)
                found = action_extraction.save_extraction(session, kept, self.context,
                                                          index=False, ahead=ahead)
                tagged = tagging.save_tags(session, [t for t in tags if t.thread_id in done])
                overlap_terms.save_thread_terms(
                    session, [row for row in overlap_rows if row["thread_id"] in done])
                # No Thread or AnalysisFailure of these was loaded in this session.
                analysed, no_failure = _done_statements(session.get_bind().dialect.name)
                session.execute(analysed, {"ids": sorted(done)})
                session.execute(no_failure, {"ids": sorted(done)})
            return _Written(done, len(kept.ids), found, tagged)

        # The server may roll the write back to break a deadlock with an import whose
        # batch locks these threads in another order (store/conflicts.py): it runs again
        # from the claim, the results computed above being the same. Nothing outside the
        # database changes before it commits: the report counts it after.
        written = retrying(write)
        if read is not None and analysed is not None:
            analysis_trace.chunk(claims, written.done if written else None,
                                 (*self._claimed_at, read, analysed, locked[0],
                                  analysis_trace.moment()),
                                 closures_kept=written.found.ahead_kept if written else None)
        if written is not None:
            self._count(written)

    def _count(self, written: _Written) -> None:
        """Count a chunk written (and, on PostgreSQL, the items it added for the
        planner's statistics)."""
        report = self.report
        report.transactions += 1
        report.thread_ids |= written.done
        report.messages += written.messages
        report.actions_added += written.found.added
        report.actions_closed += written.found.closed
        for topic, added, _removed in written.tagged.changes():
            report.topics_added[topic] += added
        if written.found.added and self.app.engine.dialect.name == "postgresql":
            with self.app.session() as session:  # a transaction of its own, as ingest's
                self._statistics.stored(session, written.found.added)

    def _analyse_alone(self, one: work.Claim) -> None:
        try:
            self._analyse_chunk([one])
        except DATABASE_UNAVAILABLE:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded, retried later
            reason = _reason(exc)
            log.warning("analysis of thread %d failed (%s); retried later", one.thread_id, reason)
            self._record_failure(one.thread_id, reason)
            self.report.failed.append((one.thread_id, reason))

    def _record_failure(self, thread_id: int, reason: str) -> None:
        now = self.clock()

        def record() -> None:
            with self.app.session() as session:
                work.release(session, self._token(), [thread_id])  # a write first (SQLite)
                if session.get(Thread, thread_id) is None:
                    return  # merged into another thread meanwhile: that one carries the mark
                row = session.get(AnalysisFailure, thread_id)
                if row is None:
                    row = AnalysisFailure(thread_id=thread_id, attempts=0, first_failed_at=now)
                    session.add(row)
                row.attempts += 1
                row.reason = reason
                row.last_failed_at = now
                row.retry_after = now + retry_delay(row.attempts)

        # It holds the thread's queue row, then its thread (the failure's key): an import
        # locking them the other way may get it rolled back, as the write of a chunk
        # (store/conflicts.py). Run again, it counts the attempt once: the rolled-back
        # one changed nothing.
        retrying(record)


def _next_budget(budget: int, messages: int, elapsed: float, target: float) -> int:
    """Messages for the next transaction so that it takes about ``target`` seconds.

    Messages, not threads, measure the work: a thread may hold one message or three
    hundred. The budget grows at most fourfold at a time (the first measure includes
    loading the tagger; fast short threads may be followed by long ones).
    """
    wanted = int(messages * target / elapsed) if elapsed > 0 else messages * 4
    return max(1, min(wanted, max(budget, messages) * 4, MAX_MESSAGES))


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text[:MAX_REASON]


def pending_threads(app: App) -> int:
    """How many threads wait for analysis (those waiting to retry a failure included)."""
    with app.session() as session:
        return session.scalar(select(func.count()).where(Thread.needs_analysis)) or 0
