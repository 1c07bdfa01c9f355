"""Parse whole batches: in this process, or in worker processes one batch ahead.

Parsing is the costliest step of ingest (pure Python, a few tenths of a millisecond a
message), so a large sync or import hands each batch to a pool of worker processes and
parses the next batch there while the caller stores the previous one. Small batches
(a poll that found a few new messages) are parsed here: starting workers would cost
more than it saves.

Results come back in the order of the batches and, within a batch, of the messages,
so the caller stores exactly what it would have stored parsing everything itself.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.context import BaseContext, ForkServerContext

from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.message import DEFAULT_MAX_BYTES, parse_message
from iscg_mailbot.records import ParsedMessage, Provenance, RawBatch, RawMessage

log = logging.getLogger(__name__)

#: A batch with fewer messages than this is parsed in the calling process.
POOL_MIN_BATCH = 200
#: The cyclic collector's thresholds in a parse worker (Python's: 700, 10, 10).
WORKER_GC_THRESHOLDS = (20_000, 20, 10)

# One parse result: the message, or the reason it goes to quarantine.
_Outcome = ParsedMessage | str
# What a worker needs of a message: its bytes and delivery date (not its provenance,
# which the caller holds and puts back, see :func:`_parse_payloads`).
_Payload = tuple[bytes, datetime | None]
#: The provenance a worker parses with: one shared object, pickled once a chunk.
_NOWHERE = Provenance()


@dataclass(frozen=True)
class ParsedBatch:
    """A fetched batch after parsing: what parsed, and what goes to quarantine and why."""

    batch: RawBatch
    parsed: tuple[tuple[RawMessage, ParsedMessage], ...]
    rejected: tuple[tuple[RawMessage, str], ...]


def parse_batch(batch: RawBatch, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedBatch:
    """Parse every message of ``batch`` here; a message that cannot be parsed is
    rejected with its reason (never raised), so one bad message never stops a batch.

    >>> from iscg_mailbot.records import MailboxState, Provenance
    >>> good = RawMessage(b"From: a@itu.int\\r\\nMessage-ID: <1@x>\\r\\n\\r\\nHi\\r\\n", Provenance())
    >>> result = parse_batch(RawBatch((good, RawMessage(b"", Provenance())), MailboxState()))
    >>> [m.message_id for _, m in result.parsed], [why for _, why in result.rejected]
    (['1@x'], ['empty message'])
    """
    return _assemble(batch, _parse_chunk(batch.messages, max_bytes))


def parse_batches(
    batches: Iterable[RawBatch],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    processes: int = 1,
) -> Generator[ParsedBatch, None, None]:
    """Yield each batch parsed, in order.

    With ``processes > 1`` and a first batch of at least :data:`POOL_MIN_BATCH`
    messages, batches are parsed in that many worker processes, and the next batch is
    taken from ``batches`` (and sent to the workers) before the current one is
    yielded. A source that must not run ahead of what the caller stored (an IMAP
    mailbox does not mind: it resumes after the last batch it yielded) should be
    parsed with ``processes=1``. When the source raises, the batch read before is
    yielded first, then the exception propagates. If the workers fail (killed, out of
    memory) the batch is parsed here instead, with a warning.
    """
    source = iter(batches)
    first = next(source, None)
    if first is None:
        return
    context = _pool_context(processes, len(first.messages))
    if context is None:
        yield parse_batch(first, max_bytes)
        for batch in source:
            yield parse_batch(batch, max_bytes)
        return
    with ProcessPoolExecutor(
        max_workers=processes, mp_context=context, initializer=_start_worker
    ) as pool:
        yield from _parse_ahead(_Workers(pool, processes, max_bytes), first, source)


def _pool_context(processes: int, first_batch: int) -> BaseContext | None:
    """The start method for parse workers, or None to parse here.

    forkserver, not fork: the worker may run threads (the scheduler), and a forked
    child of a threaded process can inherit a lock held by another thread. Where there
    is no forkserver (Windows), parse here.
    """
    if processes < 2 or first_batch < POOL_MIN_BATCH:
        return None
    try:
        return forkserver_context()
    except ValueError:
        log.warning("no forkserver start method here; parsing in this process")
        return None


#: What the forkserver imports before it forks any worker (``"__main__"``, the start
#: method's default, then the parse stage).
FORKSERVER_PRELOAD = ["__main__", __name__]


def forkserver_context() -> ForkServerContext:
    """The forkserver start method, with the parse stage imported in the server once
    (~0.13 s of CPU) rather than in every parse worker it forks (issue 17, perf-r17).
    Effective when the server starts: the first process started from it, a parse
    worker or an analysis worker (``services/analysis_pool.py`` asks here too). Raises
    ``ValueError`` where there is no forkserver."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


def _parse_ahead(workers: _Workers, first: RawBatch,
                 source: Iterator[RawBatch]) -> Generator[ParsedBatch, None, None]:
    """Send each batch to the workers before yielding the one before it."""
    ahead = workers.submit(first)
    while True:
        try:
            batch = next(source)
        except StopIteration:
            break
        except Exception:
            # The source failed (a server gone): the batch it gave before is still
            # the caller's to store, then the failure is.
            yield workers.collect(ahead)
            raise
        following = workers.submit(batch)
        yield workers.collect(ahead)
        ahead = following
    yield workers.collect(ahead)


class _Workers:
    """The pool, until it fails once; after that every batch is parsed here."""

    def __init__(self, pool: ProcessPoolExecutor, processes: int, max_bytes: int) -> None:
        self._pool: ProcessPoolExecutor | None = pool
        self._processes = processes
        self._max_bytes = max_bytes

    def submit(
        self, batch: RawBatch
    ) -> tuple[RawBatch, list[Future[list[_Outcome]]] | None]:
        """Send the batch to the workers in contiguous slices, one per process."""
        if self._pool is None:
            return batch, None
        payloads = [(raw.data, raw.received_at) for raw in batch.messages]
        size = max(1, -(-len(payloads) // self._processes))
        try:
            return batch, [
                self._pool.submit(_parse_payloads, payloads[start:start + size], self._max_bytes)
                for start in range(0, len(payloads), size)
            ]
        except Exception as exc:  # noqa: BLE001 - BrokenProcessPool, a pool that cannot start
            self._give_up(exc)
            return batch, None

    def collect(
        self, pending: tuple[RawBatch, list[Future[list[_Outcome]]] | None]
    ) -> ParsedBatch:
        """The batch's results, in order; parsed here if the workers failed."""
        batch, futures = pending
        if futures is not None:
            try:
                return _assemble(batch, [out for future in futures for out in future.result()],
                                 restore_provenance=True)
            except Exception as exc:  # noqa: BLE001 - a dead worker: parse the batch here
                self._give_up(exc)
        return parse_batch(batch, self._max_bytes)

    def _give_up(self, exc: BaseException) -> None:
        if self._pool is not None:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            log.warning("parse worker processes failed (%s: %s); parsing in this process",
                        type(exc).__name__, detail)
        self._pool = None


def _start_worker() -> None:
    """Runs in each worker: storing, in the calling process, is the slowest step, so
    parsing ahead takes the CPU time it leaves rather than competing for it.

    Parsing makes many container objects (parts, header lists, the parsed records) and
    hardly a cycle; at Python's thresholds the cyclic collector ran every 700 of them
    and scanned the modules' objects in its full passes: ~3-5% of a worker's CPU. Those
    are frozen (out of the collector's sight) and it runs every 20,000 new objects.
    """
    with contextlib.suppress(OSError):  # not permitted here: parse at normal priority
        os.nice(10)
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _parse_chunk(messages: Sequence[RawMessage], max_bytes: int) -> list[_Outcome]:
    """Parse in order; a message that cannot be parsed gives its reason instead."""
    outcomes: list[_Outcome] = []
    for raw in messages:
        try:
            outcomes.append(parse_message(raw, max_bytes=max_bytes))
        except UnparseableMessage as exc:
            outcomes.append(str(exc))
        except Exception as exc:  # parse_message promises not to; never lose the batch
            log.exception("parser failed unexpectedly")
            outcomes.append(f"parser error {type(exc).__name__}: {exc}")
    return outcomes


def _parse_payloads(payloads: Sequence[_Payload], max_bytes: int) -> list[_Outcome]:
    """A worker's :func:`_parse_chunk` of bare payloads: the messages parsed with the
    shared :data:`_NOWHERE` as their provenance, which the caller replaces by each
    message's own (:func:`_assemble`). Sending the bytes and dates alone, not the
    records, costs a third as much to pickle and unpickle, and the results carry one
    provenance a chunk back instead of one a message (issue 17)."""
    return _parse_chunk([RawMessage(data, _NOWHERE, received_at)
                         for data, received_at in payloads], max_bytes)


def _assemble(batch: RawBatch, outcomes: Sequence[_Outcome], *,
              restore_provenance: bool = False) -> ParsedBatch:
    """Pair each message with its outcome; ``restore_provenance`` for outcomes parsed by
    :func:`_parse_payloads`: each parsed message gets its raw message's provenance, as
    :func:`parse_message` gives it. (They were just unpickled and nothing else holds
    them, so the frozen record is set in place: ``dataclasses.replace`` would build
    every one again.)"""
    parsed: list[tuple[RawMessage, ParsedMessage]] = []
    rejected: list[tuple[RawMessage, str]] = []
    for raw, outcome in zip(batch.messages, outcomes, strict=True):
        if isinstance(outcome, str):
            rejected.append((raw, outcome))
        else:
            if restore_provenance:
                object.__setattr__(outcome, "provenance", raw.provenance)
            parsed.append((raw, outcome))
    return ParsedBatch(batch, tuple(parsed), tuple(rejected))
