"""The cyclic collector runs less often while mail is stored, and as before afterwards."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from iscg_mailbot.parse import parallel
from iscg_mailbot.services import ingest
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Message
from tests.test_ingest import mbox_of


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """Python's thresholds (set and given back around the test)."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_an_import_stores_with_fewer_collections_then_restores_them(
    engine: Engine, tmp_path: Path, thresholds: tuple[int, int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[int, int, int]] = []
    store = ingest.store_parsed_batch

    def watching(*args: object, **kwargs: object) -> list[int]:
        seen.append(gc.get_threshold())
        return store(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "store_parsed_batch", watching)
    app = App(settings=Settings(), engine=engine)
    report = ingest.import_archive(app, mbox_of(tmp_path / "list.mbox", 60, subjects=7), batch_size=20)
    assert report.stored == 60
    assert seen == [ingest.INGEST_GC_THRESHOLDS] * 3
    assert gc.get_threshold() == thresholds
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Message)) == 60


def test_a_failed_import_restores_the_collector(
    engine: Engine, tmp_path: Path, thresholds: tuple[int, int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(*args: object, **kwargs: object) -> list[int]:
        assert gc.get_threshold() == ingest.INGEST_GC_THRESHOLDS
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(ingest, "store_parsed_batch", failing)
    app = App(settings=Settings(), engine=engine)
    with pytest.raises(RuntimeError, match="disk is full"):
        ingest.import_archive(app, mbox_of(tmp_path / "list.mbox", 5, subjects=7))
    assert gc.get_threshold() == thresholds


def _worker_collector() -> tuple[tuple[int, int, int], int]:
    parallel._start_worker()
    return gc.get_threshold(), gc.get_freeze_count()


def test_a_parse_worker_freezes_its_start_up_and_collects_less_often() -> None:
    context = multiprocessing.get_context("forkserver")
    with context.Pool(1) as pool:
        threshold, frozen = pool.apply(_worker_collector)
    assert threshold == parallel.WORKER_GC_THRESHOLDS
    assert frozen > 1000  # the modules' objects: the collector no longer scans them
