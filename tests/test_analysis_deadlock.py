"""An analyser meeting an import's locks finishes its chunk once, even as a deadlock's victim.

On PostgreSQL an ingest batch locks its threads, then their analysis queue rows. An
analyser finishing its claim locked the queue rows, then the threads: when the two met,
the server could pick the analyser as the deadlock's victim, its worker died and the pool
finished in one process. The analyser now locks its threads first, as ingest does
(store/work.finish), and when the server still rolls its write back (threads locked in
another order by an import) it writes again (store/conflicts.py). A second connection
plays the import here, for real: it waits longer than the analyser before looking for a
deadlock, so the server picks the analyser.
"""

from __future__ import annotations

import logging
import threading
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from iscg_mailbot.services.actions import extraction as action_extraction
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.analysis_report import AnalysisReport
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from tests.test_ingest_deadlock import mbox_file, wait_for_a_lock_wait

SUBJECTS = ("Cybersecurity capacity building", "Child online protection guidelines",
            "Emergency telecommunications drill")

#: What ingest's work.mark does to a queued thread: the next generation.
REQUEUE = text(
    "INSERT INTO analysis_work (thread_id, generation, marked_at) VALUES (:t, 1, now()) "
    "ON CONFLICT (thread_id) DO UPDATE SET generation = analysis_work.generation + 1, "
    "marked_at = excluded.marked_at")


def _message(n: int, subject: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ahmed Hassan <ahmed.hassan@example.gov.eg>"
    msg["To"] = "int-sect-team@lists.itu.int"
    msg["Subject"] = subject
    msg["Date"] = f"Mon, {n + 1:02d} Jun 2026 09:00:00 +0200"
    msg["Message-ID"] = f"<t{n}@example.org>"
    msg.set_content(f"Dear colleagues,\n\nCould Maria please send the draft on "
                    f"{subject.lower()} to the group by 20 June 2026?\n\nBest regards,\nAhmed\n")
    return msg.as_bytes()


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> App:
    """Three one-message threads, each with an action item and topics, queued."""
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks and deadlocks: PostgreSQL only (SQLite locks the whole file, "
                    "one writer at a time)")
    app = App(settings=Settings(), engine=engine)
    import_archive(app, mbox_file(tmp_path / "threads.mbox",
                                  *(_message(n, s) for n, s in enumerate(SUBJECTS))))
    return app


def _threads(engine: Engine) -> list[int]:
    """The threads' ids, in id order (the order claims take them)."""
    with engine.connect() as connection:
        ids = list(connection.execute(text(
            "SELECT thread_id FROM messages ORDER BY thread_id")).scalars())
    assert len(set(ids)) == len(SUBJECTS)
    return ids


class _Analysis(threading.Thread):
    """``analyse_pending`` in a thread of its own, its report or error kept."""

    def __init__(self, app: App) -> None:
        super().__init__()
        self.app = app
        self.report: AnalysisReport | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            # A long target: after the first thread alone, the other two in one claim.
            self.report = analyse_pending(self.app, target_seconds=60)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test thread
            self.error = exc

    def result(self) -> AnalysisReport:
        self.join(120)
        assert not self.is_alive()
        assert self.error is None, self.error
        assert self.report is not None
        return self.report


def _assert_analysed_once(engine: Engine, report: AnalysisReport, threads: list[int]) -> None:
    with engine.connect() as connection:
        def one(sql: str) -> object:
            return connection.execute(text(sql)).scalar()

        assert one("SELECT count(*) FROM threads WHERE needs_analysis") == 0
        assert one("SELECT count(*) FROM analysis_work") == 0
        assert one("SELECT count(*) FROM analysis_failures") == 0
        items = one("SELECT count(*) FROM action_items")
        assert items == one("SELECT count(DISTINCT message_pk) FROM action_items") == 3
        tagged = one("SELECT count(*) FROM thread_topics WHERE source = 'auto'")
        assert one("SELECT count(DISTINCT thread_id) FROM thread_topics") == 3
    assert report.failed == []
    assert report.thread_ids == set(threads)
    assert report.messages == 3
    assert report.actions_added == items
    assert sum(report.topics_added.values()) == tagged


def test_an_analyser_waiting_for_an_import_is_no_deadlock(
        app: App, caplog: pytest.LogCaptureFixture) -> None:
    """The import holds a thread's row, then asks for its queue row (ingest's order): the
    analyser, which asks for the thread first now, waits for the import, then analyses
    the thread again since it got mail meanwhile (the old order: a deadlock, the
    analyser its victim)."""
    caplog.set_level(logging.WARNING, logger="iscg_mailbot.store.conflicts")
    engine = app.engine
    first = _threads(engine)[0]
    with engine.connect() as importing:
        importing.execute(text("SET LOCAL deadlock_timeout = '20s'"))
        importing.execute(text("UPDATE threads SET needs_analysis = true WHERE id = :t"),
                          {"t": first})
        analysis = _Analysis(app)
        analysis.start()
        wait_for_a_lock_wait(engine, who="the analyser")
        importing.execute(REQUEUE, {"t": first})
        importing.commit()
    _assert_analysed_once(engine, analysis.result(), _threads(engine))
    assert "deadlock" not in caplog.text


def test_an_analyser_chosen_as_a_deadlock_victim_writes_again_once(
        app: App, caplog: pytest.LogCaptureFixture) -> None:
    """The import locks two threads in the other order (a batch's merges, summaries and
    flags are not in one id order): the server rolls the analyser's write back, which
    runs again and is counted once."""
    caplog.set_level(logging.WARNING, logger="iscg_mailbot.store.conflicts")
    engine = app.engine
    threads = _threads(engine)
    with engine.connect() as importing:
        importing.execute(text("SET LOCAL deadlock_timeout = '20s'"))
        importing.execute(text("UPDATE threads SET needs_analysis = true WHERE id = :t"),
                          {"t": threads[2]})
        analysis = _Analysis(app)
        analysis.start()
        # The analyser wrote the first thread alone, then holds the second and waits for
        # the third: the import asks for the second.
        wait_for_a_lock_wait(engine, who="the analyser")
        importing.execute(text("UPDATE threads SET needs_analysis = true WHERE id = :t"),
                          {"t": threads[1]})
        importing.commit()
    report = analysis.result()
    assert "deadlock detected" in caplog.text
    assert report.transactions == 2  # the rolled-back write is not counted
    _assert_analysed_once(engine, report, threads)


def test_a_failure_recorded_as_a_deadlock_victim_is_recorded_once(
        app: App, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread whose analysis fails is given back and marked for a later retry, in a
    transaction that holds its queue row, then its thread: an import locking the thread,
    then the queue row, gets that transaction rolled back. It runs again and counts the
    attempt once; the analysis goes on (before: the deadlock ended the whole run)."""
    caplog.set_level(logging.WARNING, logger="iscg_mailbot.store.conflicts")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a rule crashed")

    monkeypatch.setattr(action_extraction, "extract_rows", broken)
    engine = app.engine
    threads = _threads(engine)
    with engine.connect() as importing:
        importing.execute(text("SET LOCAL deadlock_timeout = '20s'"))
        importing.execute(text("SELECT id FROM threads WHERE id = :t FOR UPDATE"),
                          {"t": threads[0]})
        analysis = _Analysis(app)
        analysis.start()
        # The analyser gave the first thread's queue row back and waits for the thread
        # (the failure's key): the import asks for the queue row.
        wait_for_a_lock_wait(engine, who="the analyser")
        importing.execute(REQUEUE, {"t": threads[0]})
        importing.commit()
    report = analysis.result()
    assert "deadlock detected" in caplog.text
    assert sorted(thread for thread, _ in report.failed) == threads
    assert all("a rule crashed" in reason for _, reason in report.failed)
    with engine.connect() as connection:
        failures = connection.execute(text(
            "SELECT thread_id, attempts FROM analysis_failures ORDER BY thread_id")).all()
    assert [tuple(row) for row in failures] == [(thread, 1) for thread in threads]
