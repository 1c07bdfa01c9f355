"""Analysis never stops on one thread, and keeps its progress when killed (issue 12, 1-2).

* A 1.2 million-character message between two normal ones (real 3GPP list mail from
  tests/samples/reliability): both normal threads are analysed; the big one is stored,
  searchable, analysed up to ``analysis_max_chars`` and reported by ``status``.
* A thread whose analysis raises is recorded with its reason, retried with back-off,
  and the others are analysed meanwhile.
* Kill test: the analysis runs in forked children SIGKILLed every 0.5-3 s, 40 times
  (when it gets through all threads anyway, every thread is marked again, as new mail
  would); each restart keeps what the previous ones committed, and the final result
  equals an uninterrupted run's.
"""

from __future__ import annotations

import mailbox
import os
import random
import select as io_select
import shutil
import signal
import time
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select, update

from iscg_mailbot.analyse import overlap_text
from iscg_mailbot.cli import cli
from iscg_mailbot.services import actions as actions_service
from iscg_mailbot.services import analysis
from iscg_mailbot.services import topics as topics_service
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.services.status import status
from iscg_mailbot.services.topics import tagging
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import AnalysisFailure, Message, Thread
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_topics import ThreadTopic

SAMPLES = Path(__file__).resolve().parent / "samples" / "reliability"
ROOT = Path(__file__).resolve().parents[1]
BIG_CHARS = 1_200_000
NOW = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)


def _big_message() -> EmailMessage:
    """A real list message with a 1.2 million-character log pasted into it."""
    message = message_from_bytes((SAMPLES / "updated-crs.eml").read_bytes(),
                                 policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    line = "2021-02-05 15:20:59 codec trace frame=000123 status=ok zebrafinch\n"
    log = line * (BIG_CHARS // len(line) + 1)
    text = body.get_content() + "\n" + log
    assert len(text) > BIG_CHARS
    message.set_content(text, cte="quoted-printable")
    return message


def _archive(tmp_path: Path) -> Path:
    path = tmp_path / "big.mbox"
    box = mailbox.mbox(path)
    box.add((SAMPLES / "ls-reply-sg12.eml").read_bytes())
    box.add(_big_message())
    box.add((SAMPLES / "ivas-7a-available.eml").read_bytes())
    box.close()
    return path


@pytest.fixture
def app(engine: Engine) -> App:
    return App(settings=Settings(), engine=engine)


def test_big_message_between_two_normal_ones(app: App, tmp_path: Path) -> None:
    report = import_archive(app, _archive(tmp_path))
    assert report.stored == 3 and report.quarantined == 0
    result = analyse_pending(app, now=NOW)
    assert result.failed == []
    with app.session() as session:
        threads = {t.subject: t for t in session.scalars(select(Thread))}
        assert len(threads) == 3
        assert not any(t.needs_analysis for t in threads.values())
        big = session.scalar(select(Message).where(Message.subject.contains("Updated CRs")))
        assert big is not None and len(big.new_text) > BIG_CHARS  # stored whole
    hits = actions_service.search_messages(app, "zebrafinch")
    assert [hit.subject for hit in hits] == ["'Updated CRs to 26.442/443/444/452 in Inbox'"]
    shown = status(app)
    assert shown.threads_awaiting_analysis == 0
    assert shown.long_messages == 1
    assert shown.long_messages_listed[0].characters > Settings().analysis_max_chars
    assert shown.long_messages_listed[0].message_pk == big.id


def test_status_command_names_the_long_message(tmp_path: Path) -> None:
    database = tmp_path / "cli.db"
    env = {"ISCG_DATABASE_URL": f"sqlite:///{database}"}
    runner = CliRunner()
    config = str(ROOT / "config")
    assert runner.invoke(cli, ["--config", config, "db", "upgrade"], env=env).exit_code == 0
    imported = runner.invoke(cli, ["--config", config, "import", str(_archive(tmp_path)),
                                   "--no-progress"], env=env)
    assert imported.exit_code == 0, imported.output
    assert "analysed 3 threads" in imported.output
    shown = runner.invoke(cli, ["--config", config, "status"], env=env)
    assert shown.exit_code == 0, shown.output
    assert "0 threads awaiting analysis" in shown.output
    assert "1 message(s) longer than analysis_max_chars (100,000 characters)" in shown.output


def test_failing_thread_is_recorded_retried_with_backoff_and_others_go_on(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_archive(app, _archive(tmp_path))
    with app.session() as session:
        bad = session.scalar(select(Message.thread_id).where(
            Message.subject.contains("Updated CRs")))
    real = tagging.tag_texts

    def failing(app_: App, inputs: Any) -> Any:
        if bad in [thread.thread_id for thread in inputs]:
            raise ValueError("[E088] Text of length 1200089 exceeds maximum of 1000000.")
        return real(app_, inputs)

    monkeypatch.setattr(tagging, "tag_texts", failing)
    first = analyse_pending(app, now=NOW)
    assert first.threads == 2
    reason = "ValueError: [E088] Text of length 1200089 exceeds maximum of 1000000."
    assert first.failed == [(bad, reason)]
    shown = status(app)
    assert shown.threads_awaiting_analysis == 1
    [failure] = shown.analysis_failures
    assert (failure.thread_id, failure.attempts) == (bad, 1)
    assert failure.retry_after == NOW + analysis.RETRY_BASE
    # Not due yet: nothing is tried. Due: tried again, fails again, waits twice as long.
    assert analyse_pending(app, now=NOW + timedelta(minutes=4)).failed == []
    later = NOW + timedelta(minutes=6)
    assert len(analyse_pending(app, now=later).failed) == 1
    with app.session() as session:
        row = session.get(AnalysisFailure, bad)
        assert row is not None and row.attempts == 2
        assert row.retry_after == later + 2 * analysis.RETRY_BASE
    # Fixed (the real tagger again): the retry analyses it and forgets the failure.
    monkeypatch.setattr(tagging, "tag_texts", real)
    done = analyse_pending(app, now=later + timedelta(hours=1))
    assert done.threads == 1 and done.failed == []
    assert status(app).analysis_failures == []
    assert status(app).threads_awaiting_analysis == 0


def test_transactions_stay_small(app: App) -> None:
    import_archive(app, sample_archive())
    report = analyse_pending(app, now=NOW, target_seconds=0.05)
    assert report.threads == 46
    # The old code committed 200 threads at a time (one transaction here).
    assert report.transactions >= 5


# -- the kill test ---------------------------------------------------------------------

KILLS = 40
SECONDS_PER_MESSAGE = 0.2  # a slow machine, simulated in the child only
SEED = 20261203


def _results(url: str) -> dict[str, Any]:
    """What analysis wrote, keyed by stable message ids (not row ids)."""
    app = App.open(Settings(database={"url": url}))
    try:
        with app.session() as session:
            roots = dict(session.execute(select(Thread.id, Thread.root_message_id)).all())
            mids = dict(session.execute(select(Message.id, Message.message_id)).all())
            topics = sorted(
                (roots[t.thread_id], t.topic, t.source, round(t.score or 0.0, 6))
                for t in session.scalars(select(ThreadTopic))
            )
            actions = sorted(
                (mids[a.message_pk], a.kind, a.status, a.sentence, a.owner or "",
                 str(a.due), mids.get(a.closed_by_message_pk or 0, ""))
                for a in session.scalars(select(ActionItem))
            )
            pending = session.scalar(
                select(func.count()).select_from(Thread).where(Thread.needs_analysis))
            failures = session.scalar(select(func.count()).select_from(AnalysisFailure))
        return {"topics": topics, "actions": actions, "pending": pending,
                "failures": failures}
    finally:
        app.close()


def _pending(url: str) -> int:
    return int(_results(url)["pending"])


def _child(url: str, slow: bool, ready: int | None = None) -> None:
    """Run analysis in a forked child: never returns. ``ready``: a pipe's write end, told
    once the child is about to analyse (its start-up is not what a kill should test)."""
    try:
        app = App.open(Settings(database={"url": url}))
        if ready is not None:
            os.write(ready, b"1")
        if slow:
            real = tagging.tag_texts

            def slowed(app_: App, inputs: Any) -> Any:
                time.sleep(SECONDS_PER_MESSAGE * sum(len(t.texts) for t in inputs))
                return real(app_, inputs)

            tagging.tag_texts = slowed  # type: ignore[assignment]
        analyse_pending(app)
        app.close()
    except BaseException:  # noqa: BLE001 - a child must never return into pytest
        os._exit(1)
    os._exit(0)


def _mark_all_for_analysis(url: str) -> None:
    """What new mail in every thread would do: analysis starts over (it is idempotent)."""
    app = App.open(Settings(database={"url": url}))
    with app.session() as session:
        session.execute(update(Thread).values(needs_analysis=True))
    app.close()


@pytest.mark.slow
def test_analysis_killed_40_times_finishes_and_equals_an_uninterrupted_run(
    tmp_path: Path,
) -> None:
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    killed, clean = f"sqlite:///{killed_db}", f"sqlite:///{clean_db}"
    app = App.open(Settings(database={"url": killed}), check_schema=False)
    app.upgrade_schema()
    import_archive(app, sample_archive())
    # Load the tagger, the rules and the word tables of the overlap terms in the parent:
    # the forked children start at once.
    topics_service.tagger_for(app)
    actions_service.load_context(app)
    overlap_text.terms("warm")
    app.close()
    shutil.copyfile(killed_db, clean_db)
    total = _pending(killed)
    assert total == 46

    rng = random.Random(SEED)
    progress: list[int] = []
    rounds = 1
    while len(progress) < KILLS:
        before = _pending(killed)
        if before == 0:  # all analysed despite the kills: again, to use every kill
            _mark_all_for_analysis(killed)
            rounds += 1
            before = total
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _child(killed, slow=True, ready=write_end)
        os.close(write_end)
        # The 0.5-3 s run from the moment the child starts analysing: under the load of
        # other jobs a fork may spend seconds opening the database first.
        io_select.select([read_end], [], [], 60)
        os.close(read_end)
        time.sleep(rng.uniform(0.5, 3.0))
        os.kill(pid, signal.SIGKILL)
        _, code = os.waitpid(pid, 0)
        if os.WIFSIGNALED(code):
            progress.append(before - _pending(killed))
    kept = sum(progress)
    print(f"kill test: {KILLS} kills, {kept} threads analysed and kept across them "
          f"({rounds} round(s) of {total}), progress per restart {progress}")
    # Restarts kept what they did: with one transaction for all threads (the old code)
    # no kill 0.5-3 s after the start let anything be kept. On a quiet machine most
    # restarts keep something; under heavy load a child may still be slow to commit,
    # hence a quarter, which still tells the two designs apart.
    assert sum(1 for p in progress if p > 0) >= KILLS // 4

    pid = os.fork()
    if pid == 0:
        _child(killed, slow=False)
    _, code = os.waitpid(pid, 0)
    assert os.WIFEXITED(code) and os.WEXITSTATUS(code) == 0
    clean_app = App.open(Settings(database={"url": clean}))
    analyse_pending(clean_app)
    clean_app.close()
    after_kills, uninterrupted = _results(killed), _results(clean)
    assert after_kills["pending"] == uninterrupted["pending"] == 0
    assert after_kills["failures"] == 0
    assert uninterrupted["topics"] and uninterrupted["actions"]
    assert after_kills == uninterrupted
