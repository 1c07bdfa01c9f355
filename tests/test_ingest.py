"""Archive import through the whole pipeline (parse, store, thread, quarantine), both databases."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Message, QuarantinedMessage, Thread

HARD = Path(__file__).resolve().parent / "samples" / "hard"


def mail(message_id: str, subject: str, *, reply_to: str | None = None, day: int = 1) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ahmed Hassan <ahmed.hassan@example.gov.eg>"
    msg["To"] = "int-sect-team@lists.itu.int"
    msg["Subject"] = subject
    msg["Date"] = f"Mon, {day:02d} Jun 2026 09:00:00 +0200"
    msg["Message-ID"] = f"<{message_id}>"
    if reply_to:
        msg["In-Reply-To"] = f"<{reply_to}>"
        msg["References"] = f"<{reply_to}>"
    msg.set_content(f"Body of {message_id}\n")
    return msg.as_bytes()


def mbox_of(path: Path, count: int, *, subjects: int = 40) -> Path:
    """An mbox of ``count`` unrelated messages (``m0@example.org`` ...) over ``subjects``
    subjects and 28 days."""
    box = mailbox.mbox(path)
    for n in range(count):
        box.add(mail(f"m{n}@example.org", f"topic {n % subjects}", day=1 + n % 28))
    box.flush()
    box.close()
    return path


@pytest.fixture
def app(engine: Engine) -> App:
    return App(settings=Settings(), engine=engine)


def count(app: App, model: type) -> int:
    with app.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_sample_archive_imports_once(app: App) -> None:
    total = len(mailbox.mbox(sample_archive()))
    first = import_archive(app, sample_archive())
    assert first.fetched == total
    assert first.stored + first.duplicates + first.quarantined == total
    assert first.stored >= total - 2
    assert count(app, Message) == first.stored
    threads = count(app, Thread)
    second = import_archive(app, sample_archive())
    assert second.stored == 0 and second.quarantined == 0
    assert count(app, Message) == first.stored
    assert count(app, Thread) == threads


def test_maildir_with_out_of_order_reply_and_garbage(app: App, tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "md")
    # The reply is delivered before its parent; the thread must be repaired.
    box.add(mail("child@x", "Re: [int-sect-team] LS on IMT-2030", reply_to="root@x", day=2))
    box.add(mail("other@x", "Meeting logistics", day=3))
    (tmp_path / "md" / "new" / "garbage").write_bytes(b"")
    report_one = import_archive(app, tmp_path / "md")
    assert report_one.stored == 2 and report_one.quarantined == 1
    box.add(mail("root@x", "LS on IMT-2030", day=1))
    report_two = import_archive(app, tmp_path / "md")
    assert report_two.stored == 1 and report_two.duplicates == 2
    with app.session() as session:
        rows = {m.message_id: m for m in session.scalars(select(Message))}
        assert rows["child@x"].thread_id == rows["root@x"].thread_id != rows["other@x"].thread_id
        thread = session.get(Thread, rows["root@x"].thread_id)
        assert thread is not None and thread.message_count == 2
        assert thread.root_message_id == "root@x"
        assert session.scalar(select(QuarantinedMessage.reason)) 


@pytest.mark.skipif(not HARD.is_dir(), reason="tests/samples/hard not present")
def test_hard_mail_is_stored_or_quarantined(app: App, tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "hard")
    files = sorted(HARD.glob("*.eml"))
    for path in files:
        with open(tmp_path / "hard" / "new" / path.name, "wb") as handle:
            handle.write(path.read_bytes())
    report = import_archive(app, tmp_path / "hard")
    assert report.fetched == len(files) == len(box)
    assert report.stored + report.quarantined + report.duplicates == len(files)
    with app.session() as session:
        reasons = session.scalars(select(QuarantinedMessage.reason)).all()
    assert all(reason.strip() for reason in reasons)


def test_message_size_limit_is_configurable(engine: Engine, tmp_path: Path) -> None:
    app = App(settings=Settings(max_message_bytes=100_000), engine=engine)
    box = mailbox.Maildir(tmp_path / "md")
    box.add(mail("small@x", "Small"))
    big = EmailMessage()
    big["From"] = "a@example.org"
    big["Message-ID"] = "<big@x>"
    big["Subject"] = "Big"
    big.set_content("x" * 200_000)
    box.add(big.as_bytes())
    report = import_archive(app, tmp_path / "md")
    assert report.stored == 1 and report.quarantined == 1
    with app.session() as session:
        reason = session.scalars(select(QuarantinedMessage.reason)).one()
    assert "100000" in reason.replace(",", "").replace("_", "")
