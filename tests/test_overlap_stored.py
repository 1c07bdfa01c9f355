"""The duplication watch reads each thread's terms from what analysis stored
(``thread_overlap_terms``, revision 0020) instead of tokenizing a year of texts for every
digest: the same terms as the texts give, for windows that hold whole threads or cut
through them, so the same flags and the same rendered digests; the texts are read
only for a thread whose row is missing or stale (and its row then stored)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, update

from iscg_mailbot.analyse import overlap_text
from iscg_mailbot.analyse.overlap_text import thread_terms
from iscg_mailbot.analyse.overlaps import OverlapRules, find_overlaps
from iscg_mailbot.services import overlap_terms
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest.preview import preview_digest
from iscg_mailbot.services.overlap_terms import (
    read_thread_terms,
    save_thread_terms,
    window_threads,
)
from iscg_mailbot.services.overlaps import find_flags, window_views
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.annual import threads_active
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.models_duties import ThreadOverlapTerms
from tests.sample_config import analysed_sample

NOW = datetime(2026, 12, 31, tzinfo=UTC)
# Weeks of the sample with possible overlaps in their digest, and quiet ones.
WEEKS = [date(2026, 10, 1), date(2026, 9, 14), date(2026, 7, 6), date(2026, 11, 9)]


@pytest.fixture(scope="module")
def sample_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return analysed_sample(tmp_path_factory.mktemp("stored-terms"))


def assert_same_terms(session: object, start: datetime, end: datetime) -> int:
    """window_threads gives what threads_active's texts give, thread by thread and in
    the same order; returns the number of threads."""
    facts, stored, _unread = window_threads(session, start, end)  # type: ignore[arg-type]
    read = threads_active(session, start, end)  # type: ignore[arg-type]
    assert [(f.id, f.subject, f.first_activity, f.last_activity, f.messages, f.starter)
            for f in facts] == [(f.id, f.subject, f.first_activity, f.last_activity,
                                 f.messages, f.starter) for f in read]
    for thread in read:
        expected = thread_terms(thread.subject, thread.text)
        got = stored[thread.id]
        # Same counts in the same order (a vector's norm is summed in that order).
        assert list(got.counts.items()) == list(expected.counts.items()), thread.subject
        assert got.spelling == expected.spelling and got.headline == expected.headline
    return len(read)


def test_analysis_stores_every_thread_and_windows_read_the_same_terms(
        sample_config: Path) -> None:
    app = App.open(load_settings(sample_config))
    try:
        with app.session() as session:
            threads = session.scalar(select(Thread.id).order_by(Thread.id.desc()).limit(1))
            rows = session.scalars(select(ThreadOverlapTerms.thread_id)).all()
            assert threads and len(rows) == len(session.scalars(select(Thread.id)).all())
            # The year, windows whose edges cut through threads, and a few days.
            for start, end in [(NOW - timedelta(days=365), NOW),
                               (datetime(2026, 9, 20, tzinfo=UTC), datetime(2026, 10, 5, tzinfo=UTC)),
                               (datetime(2026, 6, 1, 12, tzinfo=UTC), datetime(2026, 11, 2, 7, tzinfo=UTC)),
                               (datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC))]:
                assert assert_same_terms(session, start, end) > 0 or start.year == 2025
    finally:
        app.close()


def previews(app: App) -> list[tuple[str, str]]:
    return [(p.text, p.html) for p in
            (preview_digest(app, week=week, now=NOW) for week in WEEKS)]


def test_the_digest_and_the_flags_are_the_same_as_read_from_the_texts(
        sample_config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = App.open(load_settings(sample_config))
    try:
        stored_flags = find_flags(app, now=NOW)
        views, dismissed = window_views(app, now=NOW)
        # As before: every thread's text tokenized.
        assert stored_flags[0] == find_overlaps(views, OverlapRules(), dismissed)
        assert any("Possible overlaps" in text for text, _ in previews(app))
        stored = previews(app)
        # With the rows present, no text is tokenized, but for threads kept whole (they
        # spell out an acronym) that a week's window cuts.
        calls: list[str] = []
        whole: list[str] = []
        original, original_whole = overlap_text.spelled_terms, overlap_terms.thread_terms

        def read_whole(subject: str, text: str, **kw: Any) -> Any:
            assert overlap_text.spells_out_acronyms(subject, text)
            whole.append(subject)
            return original_whole(subject, text, **kw)

        monkeypatch.setattr(overlap_text, "spelled_terms",
                            lambda text, **kw: calls.append(text) or original(text, **kw))
        monkeypatch.setattr(overlap_terms, "thread_terms", read_whole)
        assert previews(app) == stored and len(calls) == 2 * len(whole)  # text, headline
        monkeypatch.undo()
        # Rows missing, stale or of another subject: read from the texts, same digests.
        with app.session() as session:
            ids = session.scalars(select(ThreadOverlapTerms.thread_id)).all()
            session.execute(update(ThreadOverlapTerms).where(
                ThreadOverlapTerms.thread_id.in_(ids[::3])).values(version="old"))
            session.execute(update(ThreadOverlapTerms).where(
                ThreadOverlapTerms.thread_id.in_(ids[1::3])).values(subject="renamed"))
        assert previews(app) == stored
        with app.session() as session:
            session.execute(delete(ThreadOverlapTerms))
        assert previews(app) == stored
        assert find_flags(app, now=NOW) == stored_flags
        # The reader stored the rows it had to read: the next one tokenizes nothing.
        with app.session() as session:
            assert session.scalars(select(ThreadOverlapTerms.thread_id)).all()
        calls.clear()
        whole.clear()
        monkeypatch.setattr(overlap_text, "spelled_terms",
                            lambda text, **kw: calls.append(text) or original(text, **kw))
        monkeypatch.setattr(overlap_terms, "thread_terms", read_whole)
        assert previews(app) == stored and len(calls) == 2 * len(whole)
    finally:
        app.close()


def test_a_generated_list_with_threads_across_every_window_edge(engine: Engine) -> None:
    """bench/queries.py's generated list (threads of ten messages over a month, texts of
    the sample and the labelled action sentences), on both databases: rows written in
    two analyses reuse the stored messages and give the texts' terms for any window."""
    from bench.queries import fill

    fill(engine, 600)
    with session_scope(engine) as session:
        ids = session.scalars(select(Thread.id).order_by(Thread.id)).all()
        save_thread_terms(session, read_thread_terms(session, ids[:20]))
        # Again for every thread: the first twenty's stored messages are reused.
        save_thread_terms(session, read_thread_terms(session, ids))
        assert len(session.scalars(select(ThreadOverlapTerms.thread_id)).all()) == len(ids)
        first, last = datetime(2024, 1, 1, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC)
        step = (last - first) / 7
        for n in range(7):
            assert assert_same_terms(session, first + step * n, first + step * (n + 1)) > 0
        assert assert_same_terms(session, first, last) == len(ids)


def test_a_digest_preview_loads_neither_spacy_nor_the_action_extraction(
        sample_config: Path, tmp_path: Path) -> None:
    """With every thread's row stored, the digest (overlaps included) tokenizes nothing:
    spaCy, its word tables and the action services' extraction stay unloaded."""
    out = tmp_path / "oct.html"
    probe = (
        "import sys\nfrom click.testing import CliRunner\nfrom iscg_mailbot.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['--config', {str(sample_config)!r}, 'digest',"
        f" 'preview', '--week', '2026-10-01', '--out', {str(out)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(m for m in ('spacy', 'spacy_lookups_data', 'iscg_mailbot.analyse.nlp',"
        " 'iscg_mailbot.services.actions.extraction') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert "Possible overlaps" in (tmp_path / "oct.txt").read_text(encoding="utf-8")
    assert done.stdout.split() == []
