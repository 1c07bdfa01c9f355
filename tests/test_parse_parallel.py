"""Parsing whole batches, in this process and in worker processes: same results, same order."""

from __future__ import annotations

import logging
import mailbox
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.parse.parallel import POOL_MIN_BATCH, parse_batch, parse_batches
from iscg_mailbot.records import MailboxState, Provenance, RawBatch, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Message, QuarantinedMessage, Thread


def sample_raws(count: int, *, garbage: bool = True) -> list[RawMessage]:
    """``count`` messages of the sample archive (cycled, with fresh Message-IDs), and
    (with ``garbage``) a message that cannot be parsed every 50th place."""
    base = [m.as_bytes() for m in mailbox.mbox(sample_archive())]
    raws = []
    for n in range(count):
        if garbage and n % 50 == 49:
            data = b"\x00\x01\x02 binary %d\r\n" % n * 20  # not mail: quarantined
        else:
            data = base[n % len(base)].replace(b"Message-ID: <", b"Message-ID: <c%d." % n, 1)
        raws.append(RawMessage(data, Provenance(mailbox="INBOX", uidvalidity=1, uid=n + 1)))
    return raws


def batches_of(raws: list[RawMessage], size: int) -> list[RawBatch]:
    return [
        RawBatch(tuple(raws[i:i + size]), MailboxState(1, raws[min(i + size, len(raws)) - 1].provenance.uid))
        for i in range(0, len(raws), size)
    ]


def outcome(parsed_batches: list) -> list[tuple[int, str]]:
    """(uid, message id or rejection reason) in the order the batches gave them."""
    seen = []
    for result in parsed_batches:
        by_uid = {raw.provenance.uid: m.message_id for raw, m in result.parsed}
        by_uid |= {raw.provenance.uid: f"rejected: {why}" for raw, why in result.rejected}
        seen.extend(sorted(by_uid.items()))
    return seen


def test_parse_batch_keeps_good_and_rejects_bad_with_reason() -> None:
    raws = sample_raws(50)
    result = parse_batch(RawBatch(tuple(raws), MailboxState()))
    assert len(result.parsed) == 49
    assert [(raw.provenance.uid, why) for raw, why in result.rejected] == [
        (50, "no headers and binary content: not an e-mail message")
    ]


def test_worker_processes_give_exactly_the_in_process_results(
    caplog: pytest.LogCaptureFixture,
) -> None:
    raws = sample_raws(3 * POOL_MIN_BATCH + 17)
    batches = batches_of(raws, POOL_MIN_BATCH)
    here = list(parse_batches(batches, processes=1))
    with caplog.at_level(logging.WARNING, logger="iscg_mailbot.parse.parallel"):
        pooled = list(parse_batches(batches, processes=2))
    assert "parsing in this process" not in caplog.text  # the workers did the parsing
    assert [b.batch for b in pooled] == batches  # every batch, in order
    assert outcome(pooled) == outcome(here)
    assert [m for b in pooled for _, m in b.parsed] == [m for b in here for _, m in b.parsed]
    assert sum(len(b.rejected) for b in pooled) == len(raws) // 50


class _Unpicklable(bytes):
    """Bytes that cannot travel to a worker process (a class local to nothing picklable)."""

    def __reduce__(self) -> object:
        raise TypeError("cannot be sent to a worker")


def test_a_batch_the_workers_cannot_take_is_parsed_here(caplog: pytest.LogCaptureFixture) -> None:
    raws = [RawMessage(_Unpicklable(r.data), r.provenance) for r in sample_raws(POOL_MIN_BATCH)]
    with caplog.at_level(logging.WARNING, logger="iscg_mailbot.parse.parallel"):
        [result] = list(parse_batches([RawBatch(tuple(raws), MailboxState())], processes=2))
    assert len(result.parsed) + len(result.rejected) == len(raws)
    assert len(result.rejected) == POOL_MIN_BATCH // 50
    assert "parsing in this process" in caplog.text


def test_import_with_worker_processes_stores_what_one_process_stores(
    engine: Engine, tmp_path: Path
) -> None:
    raws = sample_raws(2 * POOL_MIN_BATCH + 30, garbage=False)
    archive = mailbox.mbox(tmp_path / "big.mbox")
    for raw in raws:
        archive.add(raw.data)
    archive.flush()
    pooled_app = App(settings=Settings(parse_processes=2), engine=engine)
    report = import_archive(pooled_app, tmp_path / "big.mbox", batch_size=POOL_MIN_BATCH)
    expected = {m.message_id for _, m in parse_batch(RawBatch(tuple(raws), MailboxState())).parsed}
    assert report.fetched == len(raws) and report.stored == len(expected)
    with pooled_app.session() as session:
        assert set(session.scalars(select(Message.message_id))) == expected
        assert session.scalars(select(Thread.id)).first() is not None
        assert session.scalars(select(QuarantinedMessage.id)).first() is None
    again = import_archive(pooled_app, tmp_path / "big.mbox", batch_size=POOL_MIN_BATCH)
    assert again.stored == 0 and again.duplicates == len(raws)


def test_workers_get_bytes_and_dates_and_results_get_each_provenance_back() -> None:
    """The workers are sent each message's bytes and delivery date only (perf-r17); the
    results are the in-process ones: the delivery date stands in for a missing Date
    header, and each parsed message carries its own raw message's provenance."""
    from datetime import UTC, datetime

    from iscg_mailbot.parse import parallel

    raws = []
    for n, raw in enumerate(sample_raws(POOL_MIN_BATCH + 3, garbage=False)):
        data = raw.data.replace(b"\nDate:", b"\nX-Old-Date:", 1)  # only the delivery date
        raws.append(RawMessage(data, Provenance(mailbox="INBOX", uidvalidity=7, uid=1000 + n),
                               datetime(2024, 1, 1 + n % 28, tzinfo=UTC)))
    sent = parallel._parse_payloads([(r.data, r.received_at) for r in raws[:2]], 10**7)
    assert [m.provenance for m in sent] == [Provenance(), Provenance()]  # type: ignore[union-attr]
    here = list(parse_batches(batches_of(raws, POOL_MIN_BATCH + 3), processes=1))
    pooled = list(parse_batches(batches_of(raws, POOL_MIN_BATCH + 3), processes=2))
    assert [m for b in pooled for _, m in b.parsed] == [m for b in here for _, m in b.parsed]
    assert [m.provenance for b in pooled for _, m in b.parsed] == [r.provenance for r in raws]
    assert [m.date for b in pooled for _, m in b.parsed] == [r.received_at for r in raws]
