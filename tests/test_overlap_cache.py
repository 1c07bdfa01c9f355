"""The digest's possible overlaps are kept per data version (``overlap_flag_cache``,
revision 0021; ``services/overlap_cache.py``): a preview reads them instead of comparing
a year of threads again. The digests must be exactly those computed afresh, on SQLite
and PostgreSQL, and never stale: a thread stored, or a pair dismissed, after they were
kept shows in the next digest."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from iscg_mailbot.services import overlap_cache, overlaps
from iscg_mailbot.services.actions.decisions import close_item, reopen_item
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.digest.preview import preview_digest
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.services.topics.decisions import set_manual_tags
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.database import upgrade
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_duties import OverlapFlagCache
from iscg_mailbot.store.versions import PAGES, THREADS, data_version

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 12, 31, tzinfo=UTC)
# Weeks of the sample with possible overlaps in their digest, and quiet ones.
WEEKS = [date(2026, 10, 1), date(2026, 9, 14), date(2026, 7, 6), date(2026, 11, 9)]
# The first week's digest shows ITU-T SG5's draft Supplement on EMF exposure beside
# ITU-D's handbook on it.
EMF_SUPPLEMENT = "ITU-T SG5: draft Supplement on EMF exposure"


def sample_app(folder: Path, url: str) -> App:
    """The shipped configuration over ``url`` holding the sample, imported and analysed."""
    config = folder / "config"
    shutil.copytree(ROOT / "config", config)
    (config / "iscg-mailbot.toml").write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    app = App.open(load_settings(config), check_schema=False)
    upgrade(app.engine)
    import_archive(app, sample_archive())
    analyse_pending(app)
    return app


def previews(app: App) -> list[str]:
    found = [preview_digest(app, week=week, now=NOW) for week in WEEKS]
    return [p.text + p.html for p in found]


def overlaps_shown(digest: str) -> str:
    """The "Possible overlaps" section of a digest's text ("" without one)."""
    _, found, rest = digest.partition("== Possible overlaps ==")
    return rest.split("\n-- \n")[0] if found else ""


@contextmanager
def nothing_kept(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every overlap computed afresh, as before the cache, and nothing kept."""
    with monkeypatch.context() as patch:
        patch.setattr(overlap_cache, "kept_flags", lambda *_args: None)
        patch.setattr(overlap_cache, "keep_flags", lambda *_args: None)
        yield


@contextmanager
def nothing_computed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The year of threads is not compared: every overlap shown must have been kept."""
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("overlaps computed although kept")

    with monkeypatch.context() as patch:
        patch.setattr(overlaps, "list_overlaps", refuse)
        yield


def add_thread_like(app: App, subject_of: str, folder: Path) -> None:
    """A new thread on 15 September 2026 (two weeks before the first week, in its
    window), by ITU-R's Bureau, in the words of the sample's thread ``subject_of``: it
    overlaps the same work; imported and analysed."""
    with app.session() as session:
        first = session.scalars(
            select(Message).join(Thread, Thread.id == Message.thread_id)
            .where(Thread.subject.contains(subject_of)).order_by(Message.date)).first()
        assert first is not None
        body, subject = first.new_text, first.subject
    archive = folder / "new.mbox"
    archive.write_text(
        "From rajesh.iyer@itu.int Tue Sep 15 09:00:00 2026\n"
        "From: Rajesh Iyer <rajesh.iyer@itu.int>\nTo: int-sect-team@lists.itu.int\n"
        f"Subject: Radiocommunication view: {subject}\n"
        "Date: Tue, 15 Sep 2026 09:00:00 +0000\nMessage-ID: <new-thread@example.org>\n\n"
        f"{body}\n", encoding="utf-8")
    import_archive(app, archive)
    analyse_pending(app)


def test_kept_overlaps_are_the_ones_computed_afresh_and_never_stale(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sample_app(tmp_path, db_url)
    try:
        with nothing_kept(monkeypatch):
            fresh = previews(app)
        assert any(overlaps_shown(text) for text in fresh)
        assert previews(app) == fresh  # computed, then kept
        with app.session() as session:
            assert len(session.scalars(select(OverlapFlagCache.key)).all()) >= 2
        with nothing_computed(monkeypatch):
            assert previews(app) == fresh  # read from what was kept

        # A thread stored after the overlaps were kept, outside the first week but in
        # its window (the week's threads, so the key, unchanged): its digest shows it.
        add_thread_like(app, EMF_SUPPLEMENT, tmp_path)
        with nothing_kept(monkeypatch):
            fresh_now = previews(app)
        assert "Radiocommunication view" in overlaps_shown(fresh_now[0])
        assert "Radiocommunication view" not in overlaps_shown(fresh[0])
        after = previews(app)
        assert after == fresh_now
        with nothing_computed(monkeypatch):
            assert previews(app) == fresh_now

        # A pair dismissed after that: no longer shown.
        shown = overlaps.list_overlaps(app, until=date(2026, 10, 4), involving=None)
        new_pairs = [row.id for row in shown if "Radiocommunication view" in
                     row.subject_a + row.subject_b]
        assert new_pairs
        for pair in new_pairs:
            overlaps.dismiss_overlap(app, pair)
        dismissed = previews(app)
        assert "Radiocommunication view" not in overlaps_shown(dismissed[0])
        with nothing_kept(monkeypatch):
            assert previews(app) == dismissed
    finally:
        app.close()


def test_closing_an_item_keeps_the_overlaps_and_a_topic_edit_does_not(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overlaps are kept under the counter of what the watch reads (revision 0026):
    the chair's decisions on items move the pages' counter only; a topic changed by hand
    moves both, and the digest then shows the overlaps computed afresh."""
    app = sample_app(tmp_path, db_url)
    try:
        kept = previews(app)
        with app.session() as session:
            pages, threads = data_version(session, PAGES), data_version(session, THREADS)
            item = session.scalars(select(ActionItem.id).order_by(ActionItem.id)).first()
            thread = session.scalars(select(Thread.id).where(
                Thread.subject.contains(EMF_SUPPLEMENT))).one()
        assert item is not None and pages is not None and threads is not None

        close_item(app, item, "done at the meeting")
        reopen_item(app, item)
        with app.session() as session:
            assert data_version(session, PAGES) == pages + 2  # the website's pages move
            assert data_version(session, THREADS) == threads
        with nothing_computed(monkeypatch):  # the item's state shows; the overlaps are kept
            assert [overlaps_shown(text) for text in previews(app)] == [
                overlaps_shown(text) for text in kept]

        set_manual_tags(app, thread, add=["governance"])
        with app.session() as session:
            assert data_version(session, THREADS) == threads + 1
        edited = previews(app)  # computed again, and the same as afresh
        with nothing_kept(monkeypatch):
            assert previews(app) == edited
    finally:
        app.close()
