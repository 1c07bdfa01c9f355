"""Ingest flags the threads it changed ``needs_analysis`` once: the threads a batch
creates are inserted flagged and not written again; the others it changed are flagged
by one statement (store/work.mark), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select, update

from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_work import AnalysisWork
from tests.test_ingest import mail, mbox_of
from tests.test_ingest_deadlock import mbox_file


def flagged_by(engine: Engine, run: Callable[[], Any]) -> list[list[int]]:
    """The thread ids of each ``UPDATE threads SET needs_analysis`` that ``run`` sent."""
    sent: list[list[int]] = []

    def note(_conn: Any, _cursor: Any, statement: str, params: Any, _context: Any,
             _many: bool) -> None:
        if statement.startswith("UPDATE threads SET needs_analysis"):
            # PostgreSQL: one array; SQLite: the flag's value, then one per id.
            sent.append(sorted(params["ids"]) if isinstance(params, dict)
                        else sorted(params[1:]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return sent


def test_new_threads_are_not_flagged_again_and_changed_ones_are(
        engine: Engine, tmp_path: Path) -> None:
    app = App(settings=Settings(), engine=engine)
    first = mbox_of(tmp_path / "first.mbox", 30)
    # Every thread new: inserted flagged, no second write of any (main: all 30 again).
    assert flagged_by(engine, lambda: import_archive(app, first)) == []
    with app.session() as session:
        assert session.scalars(select(Thread.needs_analysis)).all() == [True] * 30
        queued = set(session.scalars(select(AnalysisWork.thread_id)))
        assert queued == set(session.scalars(select(Thread.id)))
        session.execute(update(Thread).values(needs_analysis=False))  # as if analysed
        replied = session.scalar(select(Message.thread_id)
                                 .where(Message.message_id == "m3@example.org"))
    second = mbox_file(tmp_path / "second.mbox",
                       mail("r1@example.org", "Re: topic 3", reply_to="m3@example.org", day=20),
                       mail("n1@example.org", "something else entirely", day=21))
    # The thread that got a reply is flagged; the new one only inserted (flagged).
    assert flagged_by(engine, lambda: import_archive(app, second)) == [[replied]]
    with app.session() as session:
        fresh = session.scalar(select(Message.thread_id)
                               .where(Message.message_id == "n1@example.org"))
        flagged = set(session.scalars(select(Thread.id).where(Thread.needs_analysis)))
        generations = dict(session.execute(
            select(AnalysisWork.thread_id, AnalysisWork.generation)).all())
    assert fresh is not None and replied is not None and fresh != replied
    assert flagged == {replied, fresh}
    assert generations[replied] == 2 and generations[fresh] == 1
