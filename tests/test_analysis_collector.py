"""The cyclic collector runs less often while this process analyses, as before after."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from iscg_mailbot.services import analysis
from iscg_mailbot.services.analysis_report import AnalysisReport
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """Python's thresholds (set and given back around the test)."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_a_serial_analysis_collects_less_often_then_as_before(
        engine: Engine, thresholds: tuple[int, int, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []

    def run(self: analysis.Analyser, on_progress: object = None) -> AnalysisReport:
        seen.append(gc.get_threshold())
        raise RuntimeError("the database went away")

    monkeypatch.setattr(analysis.Analyser, "run", run)
    with pytest.raises(RuntimeError):
        analysis.analyse_pending(App(settings=Settings(), engine=engine))
    assert seen == [analysis.SERIAL_GC_THRESHOLDS]
    assert gc.get_threshold() == thresholds


def test_an_analysis_in_a_thread_or_under_higher_thresholds_leaves_them(
        thresholds: tuple[int, int, int]) -> None:
    seen: list[tuple[int, int, int]] = []

    def analyse() -> None:
        with analysis.fewer_collections():
            seen.append(gc.get_threshold())

    worker = threading.Thread(target=analyse)
    worker.start()
    worker.join()
    gc.set_threshold(50_000, 20, 10)
    analyse()
    assert seen == [thresholds, (50_000, 20, 10)]
    assert gc.get_threshold() == (50_000, 20, 10)
