"""An ingest batch the server rolls back to break a deadlock is stored again, once.

On PostgreSQL a batch locks its threads, then their analysis queue rows; an analyser
finishing its claim locks queue rows, then threads. This test makes the two meet for
real (a second connection plays the analyser) so that the server picks the batch as the
deadlock's victim: the import must run the batch again and finish, with every message
stored once and the report counting it once (store/conflicts.py).
"""

from __future__ import annotations

import mailbox
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import IngestReport, import_archive
from iscg_mailbot.settings.main import Settings
from tests.test_ingest import mail


def mbox_file(path: Path, *messages: bytes) -> Path:
    """An mbox at ``path`` holding ``messages``, in order."""
    box = mailbox.mbox(path)
    for message in messages:
        box.add(message)
    box.flush()
    box.close()
    return path


def wait_for_a_lock_wait(engine: Engine, timeout: float = 20.0,
                         who: str = "the import") -> None:
    """Until another backend waits for a row lock (``who``, blocked by the test's
    connection)."""
    deadline = time.monotonic() + timeout
    with engine.connect() as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()")).scalar()
            watcher.rollback()
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError(f"{who} never waited for a lock")


def test_a_batch_rolled_back_by_a_deadlock_is_stored_again_once(
        engine: Engine, tmp_path: Path) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks and deadlocks: PostgreSQL only (SQLite locks the whole file)")
    app = App(settings=Settings(), engine=engine)
    import_archive(app, mbox_file(tmp_path / "first.mbox", mail("a@example.org", "Focal points")))
    with engine.connect() as connection:
        thread_id = connection.execute(text(
            "SELECT thread_id FROM messages WHERE message_id = 'a@example.org'")).scalar()
        assert connection.execute(text(
            "SELECT count(*) FROM analysis_work WHERE thread_id = :t"), {"t": thread_id}).scalar()

    outcome: dict[str, object] = {}

    def import_reply() -> None:
        try:
            outcome["report"] = import_archive(app, mbox_file(
                tmp_path / "reply.mbox",
                mail("b@example.org", "Re: Focal points", reply_to="a@example.org", day=2)))
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test thread
            outcome["error"] = exc

    with engine.connect() as analyser:
        # The analyser holds the thread's queue row (as finishing a claim does) and waits
        # longer than the import before looking for a deadlock, so the import is the victim.
        analyser.execute(text("SET LOCAL deadlock_timeout = '20s'"))
        analyser.execute(text("UPDATE analysis_work SET holder = 'analyser' "
                              "WHERE thread_id = :t"), {"t": thread_id})
        importing = threading.Thread(target=import_reply)
        importing.start()
        wait_for_a_lock_wait(engine)
        # The import holds the thread's row and waits for the queue row: the analyser now
        # asks for the thread's row, and the server breaks the cycle.
        analyser.execute(text("UPDATE threads SET needs_analysis = false WHERE id = :t"),
                         {"t": thread_id})
        analyser.commit()
    importing.join(60)
    assert not importing.is_alive()
    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert isinstance(report, IngestReport)
    assert (report.stored, report.fetched, report.batches) == (1, 1, 1)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT message_id, thread_id FROM messages ORDER BY message_id")).all()
    assert [(m, t == thread_id) for m, t in rows] == [
        ("a@example.org", True), ("b@example.org", True)]
