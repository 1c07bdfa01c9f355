"""Archives are read message for message as they were written (issue 12, points 3-4).

* An mbox written by Python's ``mailbox`` module (real messages from tests/samples,
  plus messages that start with their body or with a blank line) is read as the same
  messages ``mailbox.mbox`` reads: never two glued together.
* A single ``.eml`` carrying forwarded messages (``message/rfc822``) is one list
  message: the forward is an attachment with its real size, and its text is kept as
  forwarded content that analysis reads.
"""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.source.archive import read_archive
from iscg_mailbot.store.models import Message, QuarantinedMessage
from iscg_mailbot.store.models_topics import ThreadTopic

SAMPLES = Path(__file__).resolve().parent / "samples"
RELIABILITY = SAMPLES / "reliability"
HARD_CASES = ("body-first.eml", "blank-first.eml")


def _unquoted(data: bytes) -> bytes:
    # mailbox.mbox leaves ">From " quoting in place; our reader removes one ">".
    return data.replace(b"\n>From ", b"\nFrom ")


def _written_by_mailbox(path: Path) -> list[Path]:
    files = sorted((SAMPLES / "hard").glob("*.eml"))
    # The hard cases sit between real messages, where gluing would show.
    files[10:10] = [RELIABILITY / HARD_CASES[0]]
    files[40:40] = [RELIABILITY / HARD_CASES[1]]
    box = mailbox.mbox(path)
    for file in files:
        box.add(file.read_bytes())
    box.close()
    return files


def test_mbox_written_by_python_reads_as_mailbox_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "written.mbox"
    files = _written_by_mailbox(path)
    ours = [message for batch in read_archive(path) for message in batch.messages]
    box = mailbox.mbox(path)
    theirs = [box.get_bytes(key) for key in box.iterkeys()]
    box.close()
    assert len(theirs) == len(files)
    assert len(ours) == len(theirs)
    for file, mine, stdlib in zip(files, ours, theirs, strict=True):
        if file.read_bytes().startswith(b"From "):
            continue  # mailbox.mbox took its first line for an envelope (see the next test)
        assert _unquoted(mine.data) == _unquoted(stdlib), file.name


def test_header_from_with_a_space_starts_a_message_and_stays_a_header(tmp_path: Path) -> None:
    path = tmp_path / "from-space.mbox"
    box = mailbox.mbox(path)
    box.add((RELIABILITY / "body-first.eml").read_bytes())
    box.add(b"From  : John Doe <jdoe@example.org>\nTo: Mary <mary@example.net>\n"
            b"Subject: Saying Hello\n\nHello.\n")
    box.add((RELIABILITY / "blank-first.eml").read_bytes())
    box.close()
    ours = [message.data for batch in read_archive(path) for message in batch.messages]
    assert len(ours) == len(mailbox.mbox(path)) == 3
    assert ours[1].startswith(b"From  : John Doe")


def test_unparseable_neighbours_are_quarantined_never_merged(engine: Engine,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "written.mbox"
    files = _written_by_mailbox(path)
    app = App(settings=Settings(), engine=engine)
    report = import_archive(app, path)
    assert report.fetched == len(files)
    assert report.stored + report.duplicates + report.quarantined == len(files)
    with app.session() as session:
        bodies = [m.body_text for m in session.scalars(select(Message))]
        quarantined = [q.raw for q in session.scalars(select(QuarantinedMessage))]
    # The hard cases are stored (or quarantined) on their own, not inside a neighbour.
    assert sum("pasted the minutes where the headers go" in b for b in bodies) + sum(
        b"pasted the minutes" in raw for raw in quarantined) == 1
    assert sum("starts with a blank line" in b for b in bodies) + sum(
        b"starts with a blank line" in raw for raw in quarantined) == 1


FORWARDS = (
    "incoming-ls-attached.eml",
    "flanker-enclosed.eml",
    "ruby-mail-attachment_emails-attachment_message_rfc822.eml",
)


@pytest.mark.parametrize("name", FORWARDS)
def test_eml_with_a_forwarded_message_is_one_message(name: str) -> None:
    messages = [m for batch in read_archive(RELIABILITY / name) for m in batch.messages]
    assert len(messages) == 1
    # The whole file, enclosed message and closing boundary included.
    assert messages[0].data.strip() == (RELIABILITY / name).read_bytes().strip()


def test_forwarded_liaison_is_an_attachment_and_analysed(engine: Engine) -> None:
    app = App(settings=Settings(), engine=engine)
    report = import_archive(app, RELIABILITY / "incoming-ls-attached.eml")
    assert (report.stored, report.quarantined) == (1, 0)
    analyse_pending(app)
    with app.session() as session:
        [message] = session.scalars(select(Message)).all()
        [attachment] = message.attachments
        assert attachment["content_type"] == "message/rfc822"
        assert attachment["filename"] == "LS from ITU-T SG17 on trust in IMT-2030 networks.eml"
        assert attachment["size"] > 600  # its real size, not 0
        assert message.forwarded_text.startswith("---------- Forwarded message ----------")
        assert "SG17 invites TSAG to comment on the draft" in message.forwarded_text
        assert "SG17 invites TSAG" not in message.forwarded_text.split("\n")[0]
        topics = set(session.scalars(select(ThreadTopic.topic).where(
            ThreadTopic.thread_id == message.thread_id)))
    # The outer message says nothing about security; the forwarded LS does.
    assert "cybersecurity" in topics


@pytest.mark.parametrize("name", FORWARDS[1:])
def test_real_forwards_store_one_message_with_the_enclosed_size(engine: Engine,
                                                               name: str) -> None:
    app = App(settings=Settings(), engine=engine)
    report = import_archive(app, RELIABILITY / name)
    assert (report.stored, report.quarantined) == (1, 0)
    with app.session() as session:
        [message] = session.scalars(select(Message)).all()
        enclosed = [a for a in message.attachments if a["content_type"] == "message/rfc822"]
        assert len(enclosed) == 1 and enclosed[0]["size"] > 200
        assert message.forwarded_text.startswith("---------- Forwarded message ----------")
