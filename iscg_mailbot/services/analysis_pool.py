"""Analysis in worker processes: after ingest, or beside it while it stores mail.

Each worker process is an :class:`~iscg_mailbot.services.analysis.Analyser` with its own
database connection: it claims threads from the work queue (``store/work.py``),
analyses them and writes the results in small transactions. Nothing but the reports
comes back to this process, so the workers scale as far as the database lets them
write; on PostgreSQL, analysers on other machines share the same queue.

The first worker loads the analysis code, spaCy, the tagger, the word tables and the
meaning model, then forks the others from itself (:func:`_work_and_fork`): they inherit all that instead of
loading it again (~1.5 s of CPU a process).

Beside ingest (:func:`beside_ingest`), workers start with the import and take threads
whose mail has not changed for :data:`SETTLE` (a thread still receiving mail would be
analysed again at once); when ingest is done they take everything that is left.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import queue
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import timedelta
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from typing import Any

from sqlalchemy import func, select

from iscg_mailbot.parse.parallel import forkserver_context
from iscg_mailbot.services.analysis_report import TARGET_SECONDS, AnalysisReport
from iscg_mailbot.services.app import App
from iscg_mailbot.services.collector import FEWER_COLLECTIONS
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.database import connect, sqlite_file
from iscg_mailbot.store.models import Thread

log = logging.getLogger(__name__)

#: Below this many messages waiting, analyse in this process: starting the workers costs
#: a second or two of CPU (spaCy and the tagger), which small syncs would not earn back.
POOL_MIN_MESSAGES = 1000
#: Beside ingest, a thread is taken once no mail has reached it for this long.
SETTLE = timedelta(seconds=1)


def worth_processes(app: App) -> bool:
    """Whether the waiting work is large enough for worker processes, and the database
    one they can open (not a SQLite database in memory)."""
    if not _shareable(app):
        return False
    with app.session() as session:
        waiting = session.scalar(
            select(func.sum(Thread.message_count)).where(Thread.needs_analysis))
    return (waiting or 0) >= POOL_MIN_MESSAGES


def _shareable(app: App) -> bool:
    return app.engine.dialect.name != "sqlite" or sqlite_file(str(app.engine.url)) is not None


@dataclass(frozen=True)
class _Job:
    url: str
    settings: Settings
    target_seconds: float
    settle: timedelta


def _analyse(app: App, job: _Job, ingesting: Event, results: Any, shared: Any = None) -> None:
    from iscg_mailbot.services.analysis import Analyser
    from iscg_mailbot.store.planner import analysis_statistics

    try:
        analyser = Analyser(app, target_seconds=job.target_seconds, embed=False,
                            statistics=analysis_statistics(shared))
        report = analyser.run(lambda n: results.put(("progress", n)),
                              ingesting=ingesting.is_set, settle=job.settle)
        results.put(("done", report))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which finishes
        results.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        app.close()


def _work_and_fork(job: _Job, ingesting: Event, results: Any, others: int) -> None:
    """The first worker process: loads what analysis needs once (imports, the tagger,
    the word tables: ~1.5 s of CPU a process), forks the ``others`` workers from
    itself, which inherit it, then works beside them.

    fork, not the forkserver, from here: this process runs no thread of its own (the
    only other one is numpy's BLAS pool, which handles fork itself), so a forked child
    inherits no lock held by another thread; the importing process may run threads (the
    scheduler), which is why it starts this one from the forkserver.
    """
    app = App(settings=job.settings, engine=connect(job.url, create=False))
    with suppress(Exception):  # each worker meets it again, and reports it
        preload(app)  # before any connection is opened: the children open their own
    quiet_collector()
    multiprocessing.current_process().daemon = False  # to have children; they are daemonic
    fork = multiprocessing.get_context("fork")
    # The items' statistics counted by all the workers together, refreshed by one of
    # them when due (store/planner.PlannerStatistics), not by each.
    shared = fork.Array("q", [-1, 0])
    children = [fork.Process(target=_analyse, args=(app, job, ingesting, results, shared),
                             name=f"iscg-analysis-{n + 1}", daemon=True)
                for n in range(others)]
    for child in children:
        # Before this process puts anything on the queue: its feeder thread, started by
        # the first put, would not be in the children.
        child.start()
    # Stopped by the importing process (ingest failed): the children stop too. Set after
    # they started, so that they do not inherit it.
    signal.signal(signal.SIGTERM, lambda *_: _stop(children))
    _analyse(app, job, ingesting, results, shared)
    for child in children:
        child.join()


def _stop(children: Sequence[BaseProcess]) -> None:
    for child in children:
        child.terminate()
    os._exit(1)


#: The cyclic collector's thresholds in an analysis worker (``services/collector.py``).
ANALYSIS_GC_THRESHOLDS = FEWER_COLLECTIONS


def quiet_collector() -> None:
    """Freeze what :func:`preload` loaded (the tagger, spaCy's vocabulary, the word
    tables, the model: ~150,000 objects that live as long as the process) and collect
    less often: the collector scanned them at every full collection, and its young
    collections ran every 700 new objects, ~5% of an analysis' CPU in all (0.4-0.5 s of
    ~9 s for 4,000 messages; 0.05 s after). Analysis makes little cyclic garbage, and a
    full collection still runs after every 4 million new objects or so. The forked
    workers inherit both, and leave the frozen objects' pages shared (the collector no
    longer writes to them)."""
    gc.freeze()
    gc.set_threshold(*ANALYSIS_GC_THRESHOLDS)


def preload(app: App) -> None:
    """Load what analysing a thread loads at its first use: the tagger (spaCy comes with
    it), the lemma tables and the common words of the duplication watch, its meaning
    model when on, and what the action extractor builds (:func:`warm_extractor`).
    Opens no database connection."""
    from iscg_mailbot.analyse.lemma_keys import LemmaKeys, common_words
    from iscg_mailbot.services.overlap_meaning import meaning_on
    from iscg_mailbot.services.topics.loading import tagger_for

    if app.config.has_topics():
        tagger_for(app)
    LemmaKeys.load()
    common_words()
    if meaning_on(app.settings):
        from iscg_mailbot.analyse.overlap_meaning import load_model

        load_model()
    warm_extractor(app)


#: A request the extractor reads through: its rule gate, the members' matcher and the
#: text gates are built on the way (:func:`warm_extractor`).
WARM_UP_REQUEST = "Could you please send the draft LS to SG17 by Friday?"


def warm_extractor(app: App) -> None:
    """Build what the action extractor builds at its first message, for this
    deployment's rules and members: the rule gate (~740 patterns), the members' matcher
    and the text gates, ~0.14 s of CPU a process. Built here, in the first worker, the
    workers forked from it inherit them instead of each building them again (issue 17,
    perf-r17). Every one is a cache of a pure function of the configuration: what the
    analysis finds is the same."""
    from iscg_mailbot.analyse.actions import extract_actions
    from iscg_mailbot.records import ActionInput, Address
    from iscg_mailbot.services.actions.context import load_context

    context = load_context(app)
    extract_actions(ActionInput(WARM_UP_REQUEST, None, Address("", "warm-up@invalid")),
                    context.config.rules, context.members, products=context.products)


class AnalysisProcesses:
    """``processes`` worker processes analysing the queue until :meth:`finish`."""

    def __init__(self, app: App, processes: int, *, ingesting: bool = False,
                 target_seconds: float = TARGET_SECONDS, settle: timedelta = SETTLE) -> None:
        self.app = app
        context = forkserver_context()  # (the parse stage preloaded in the server)
        self._ingesting = context.Event()
        if ingesting:
            self._ingesting.set()
        self._results: Any = context.Queue()
        url = app.engine.url.render_as_string(hide_password=False)
        job = _Job(url, app.settings, target_seconds, settle)
        # One process started from the forkserver, which forks the others once it has
        # loaded what they all need (:func:`_work_and_fork`).
        self._expected = processes
        self._processes = [
            context.Process(target=_work_and_fork,
                            args=(job, self._ingesting, self._results, processes - 1),
                            name="iscg-analysis-0", daemon=True)
        ]
        for process in self._processes:
            process.start()

    def finish(self, on_progress: Callable[[int], None] | None = None) -> AnalysisReport:
        """Tell the workers ingest is done, wait for them, and return their reports
        merged. Work a failed worker left is finished here."""
        self._ingesting.clear()
        report = AnalysisReport()
        errors = self._collect(report, on_progress)
        for process in self._processes:
            process.join()
        if errors:
            log.warning("analysis worker processes failed (%s); finishing in this process",
                        "; ".join(errors))
            from iscg_mailbot.services.analysis import Analyser

            report.merge(Analyser(self.app).run(on_progress))
        # The rows the workers left without a meaning vector (none, unless written by a
        # reader or before revision 0022): the model is loaded only if there are some.
        from iscg_mailbot.services import overlap_meaning

        overlap_meaning.fill_meaning(self.app)
        return report

    def _collect(self, report: AnalysisReport,
                 on_progress: Callable[[int], None] | None) -> list[str]:
        errors: list[str] = []
        outstanding = self._expected
        while outstanding:
            try:
                kind, value = self._results.get(timeout=1.0)
            except queue.Empty:
                if not any(p.is_alive() for p in self._processes) and self._results.empty():
                    errors.append("a worker process died")  # killed: no report came
                    break
                continue
            if kind == "progress":
                if on_progress is not None:
                    on_progress(value)
                continue
            outstanding -= 1
            if kind == "done":
                report.merge(value)
            else:
                errors.append(value)
        return errors

    def stop(self) -> None:
        """Stop the workers now (ingest failed); what they claimed is taken over later."""
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            process.join()


def analyse_pending(app: App, on_progress: Callable[[int], None] | None = None, *,
                    processes: int, target_seconds: float = TARGET_SECONDS) -> AnalysisReport:
    """Analyse what waits: in ``processes`` worker processes when there is enough work
    (:func:`worth_processes`), else in this process."""
    if processes > 1 and worth_processes(app):
        return analyse_in_processes(app, processes, on_progress, target_seconds=target_seconds)
    from iscg_mailbot.services import analysis

    return analysis.analyse_pending(app, on_progress, target_seconds=target_seconds)


def analyse_in_processes(app: App, processes: int,
                         on_progress: Callable[[int], None] | None = None, *,
                         target_seconds: float = TARGET_SECONDS) -> AnalysisReport:
    """Analyse what waits with ``processes`` worker processes."""
    return AnalysisProcesses(app, processes, target_seconds=target_seconds).finish(on_progress)


@dataclass
class Background:
    """What :func:`beside_ingest` gives: the analysis report once the block is left."""

    report: AnalysisReport | None = None


@contextmanager
def beside_ingest(app: App, processes: int, expected_messages: int, *,
                  settle: timedelta = SETTLE) -> Iterator[Background]:
    """Analyse in ``processes`` worker processes while the block ingests mail, then
    finish the analysis; ``expected_messages`` below :data:`POOL_MIN_MESSAGES` (or one
    process, or a database in memory) analyse in this process after the block.

    >>> with beside_ingest(app, 2, expected_messages=20000) as analysis:  # doctest: +SKIP
    ...     import_archive(app, path)
    >>> analysis.report.threads  # doctest: +SKIP
    """
    background = Background()
    if processes < 2 or expected_messages < POOL_MIN_MESSAGES or not _shareable(app):
        yield background
        from iscg_mailbot.services import analysis

        background.report = analysis.analyse_pending(app)
        return
    workers = AnalysisProcesses(app, processes, ingesting=True, settle=settle)
    try:
        yield background
    except BaseException:
        workers.stop()
        raise
    background.report = workers.finish()
