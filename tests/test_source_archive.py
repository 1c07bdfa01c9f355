"""read_archive / count_messages: mbox, Maildir, MMDF and header-start files, odd corpus files."""

from __future__ import annotations

import email
import mailbox
import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from iscg_mailbot.errors import SourceError
from iscg_mailbot.records import RawMessage
from iscg_mailbot.source.archive import count_messages, read_archive

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")
VARIANTS = CORPUS / "hard-mail" / "mbox-variants"
HEADER_LINE = re.compile(rb"[A-Za-z0-9][A-Za-z0-9_.-]*[ \t]*:")


def _messages(path: Path, batch_size: int = 500) -> list[RawMessage]:
    return [m for batch in read_archive(path, batch_size=batch_size) for m in batch.messages]


def _mail(n: int, body: str) -> bytes:
    return (
        f"From: Sender {n} <s{n}@example.org>\nTo: list@example.org\n"
        f"Subject: message {n}\nDate: Mon, 06 Jul 2026 10:0{n}:00 +0000\n"
        f"Message-ID: <m{n}@example.org>\n\n{body}"
    ).encode()


# --- mbox -------------------------------------------------------------------------------


def test_mbox_written_by_stdlib_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "list.mbox"
    box = mailbox.mbox(path)
    originals = [
        _mail(1, "Hello.\n"),
        _mail(2, "Agenda:\nFrom here on we discuss WTSA-24.\n\nRegards\n"),
        _mail(3, "Line one\n\n\nTrailing blank lines kept.\n\n"),
    ]
    for n, data in enumerate(originals, start=1):
        msg = mailbox.mboxMessage(data)
        msg.set_from(f"s{n}@example.org", time.gmtime(1_783_000_000 + n * 60))
        box.add(msg)
    box.close()
    assert b"\n>From here on" in path.read_bytes()  # the writer quoted it

    got = _messages(path)
    assert [m.data for m in got] == originals  # exact bytes, quoting undone
    assert [m.provenance.archive_path for m in got] == [f"{path}#{n}" for n in (1, 2, 3)]
    assert got[0].received_at == datetime.fromtimestamp(1_783_000_060, tz=UTC)
    assert all(m.received_at is not None and m.received_at.tzinfo is UTC for m in got)
    assert count_messages(path) == 3


def test_batches_carry_progress_state(tmp_path: Path) -> None:
    path = tmp_path / "five.mbox"
    path.write_bytes(
        b"".join(
            b"From a@example.org Mon Jul  6 10:00:00 2026\n" + _mail(n, "x\n") + b"\n"
            for n in range(1, 6)
        )
    )
    batches = list(read_archive(path, batch_size=2))
    assert [len(b.messages) for b in batches] == [2, 2, 1]
    assert [b.state.last_uid for b in batches] == [2, 4, 5]
    assert all(b.state.uidvalidity is None and not b.reset for b in batches)
    assert batches[2].messages[0].provenance.archive_path == f"{path}#5"
    with pytest.raises(ValueError):
        next(read_archive(path, batch_size=0))


def test_mboxrd_unquoting_removes_one_level(tmp_path: Path) -> None:
    path = tmp_path / "rd.mbox"
    path.write_bytes(
        b"From a@example.org Thu Sep 10 08:00:00 2026\n"
        + _mail(1, ">From the chair\n>>From a quote\n> From is not quoted\n")
        + b"\n"
    )
    (msg,) = _messages(path)
    assert msg.data.endswith(b"\nFrom the chair\n>From a quote\n> From is not quoted\n")


def test_unescaped_from_line_in_body_does_not_split(tmp_path: Path) -> None:
    path = tmp_path / "mboxo.mbox"
    path.write_bytes(
        b"From - \n" + _mail(1, "Minutes\n\nFrom Russia with love\nYear: 1963\n\nEnd\n") + b"\n"
        b"From b@example.org  Fri Sep 11 09:30:00 2026\n" + _mail(2, "second\n")
    )
    got = _messages(path)
    assert len(got) == 2
    assert b"From Russia with love\nYear: 1963\n\nEnd\n" in got[0].data
    assert got[0].received_at is None  # "From - " has no date
    assert got[1].received_at == datetime(2026, 9, 11, 9, 30, tzinfo=UTC)


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.mbox"
    one = _mail(1, "first\n").replace(b"\n", b"\r\n")
    two = _mail(2, "second\n").replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbfFrom -\r\n" + one + b"\r\nFrom -\r\n" + two)
    got = _messages(path)
    assert [m.data for m in got] == [one, two]


def test_pipermail_obfuscated_envelope_date(tmp_path: Path) -> None:
    path = tmp_path / "pipermail.mbox"
    path.write_bytes(b"From jjl at pobox.com  Thu Nov  1 11:19:12 2001\n" + _mail(1, "x\n"))
    (msg,) = _messages(path)
    assert msg.received_at == datetime(2001, 11, 1, 11, 19, 12, tzinfo=UTC)


def test_envelope_with_zone_is_converted_to_utc(tmp_path: Path) -> None:
    path = tmp_path / "zone.mbox"
    path.write_bytes(
        b"From x@example.org Thu, 15 Jul 2004 17:15:16 -0700 (PDT)\n" + _mail(1, "x\n")
    )
    (msg,) = _messages(path)
    assert msg.received_at == datetime(2004, 7, 16, 0, 15, 16, tzinfo=UTC)


# --- MMDF and header-start files ------------------------------------------------------------


def test_mmdf_written_by_stdlib(tmp_path: Path) -> None:
    path = tmp_path / "box.mmdf"
    box = mailbox.MMDF(path)
    originals = [_mail(1, "one\n"), _mail(2, "two\n")]
    for data in originals:
        msg = mailbox.MMDFMessage(data)
        msg.set_from("a@example.org", time.gmtime(1_783_000_000))
        box.add(msg)
    box.close()
    got = _messages(path)
    assert [m.data for m in got] == originals
    assert got[0].received_at == datetime.fromtimestamp(1_783_000_000, tz=UTC)


def test_mmdf_without_from_line_keeps_first_header(tmp_path: Path) -> None:
    path = tmp_path / "old.mmdf"
    path.write_bytes(
        b"\x01\x01\x01\x01\nReceived: by relay; 9 Sep 94 15:37 EDT\n"
        + _mail(1, "a\n")
        + b"\x01\x01\x01\x01\n\x01\x01\x01\x01\n"
        + _mail(2, "b\n")
        + b"\x01\x01\x01\x01\n"
    )
    got = _messages(path)
    assert len(got) == 2
    assert got[0].data.startswith(b"Received: by relay;")
    assert got[1].data == _mail(2, "b\n")


def test_header_start_file_splits_on_header_blocks_only(tmp_path: Path) -> None:
    outlook_quote = (
        "Thanks, agreed.\n\n"
        "From: Chair <chair@example.org>\nSent: Monday, 6 July 2026 10:00\n"
        "To: list@example.org\nSubject: agenda\n\nOld text\n"
    )
    forwarded = (
        "See below.\n\n---------- Forwarded message ---------\n\n"
        "From: A <a@example.org>\nDate: Mon, 6 Jul 2026 09:00:00 +0000\nSubject: fwd\n\nfwd body\n"
    )
    one, two, three = _mail(1, outlook_quote), _mail(2, forwarded), _mail(3, "last\n")
    path = tmp_path / "noenvelope.txt"
    path.write_bytes(b"\n" + one + b"\n" + two + b"\n\n2026\n" + three)
    got = _messages(path)
    assert [m.data for m in got] == [one, two + b"\n", three]
    assert all(m.received_at is None for m in got)


def test_file_without_boundaries_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "single.eml"
    data = _mail(1, "Date: not a header block, just text\n\nMore text\n")
    path.write_bytes(data)
    assert [m.data for m in _messages(path)] == [data]
    assert count_messages(path) == 1


def test_empty_file_has_no_messages(tmp_path: Path) -> None:
    path = tmp_path / "empty.mbox"
    path.write_bytes(b"\n\n")
    assert list(read_archive(path)) == []
    assert count_messages(path) == 0


# --- Maildir --------------------------------------------------------------------------------


def test_maildir_reads_new_and_cur(tmp_path: Path) -> None:
    root = tmp_path / "Maildir"
    box = mailbox.Maildir(root)
    keys = []
    for n in (1, 2, 3):
        msg = mailbox.MaildirMessage(_mail(n, f"body {n}\n"))
        if n == 2:
            msg.set_subdir("cur")
            msg.add_flag("S")
        keys.append(box.add(msg))
    box.close()
    (root / "tmp" / "partial").write_bytes(b"half a delivery")
    (root / "cur" / ".hidden").write_bytes(b"not mail")
    for file in (root / "new").iterdir():
        os.utime(file, (1_783_000_000, 1_783_000_000))

    got = _messages(root)
    assert len(got) == 3 == count_messages(root)
    assert {m.data for m in got} == {_mail(n, f"body {n}\n") for n in (1, 2, 3)}
    locators = [m.provenance.archive_path or "" for m in got]
    assert all(loc.startswith(f"{root}#") for loc in locators)
    assert sum("#cur/" in loc for loc in locators) == 1
    assert sum("#new/" in loc for loc in locators) == 2
    new_dates = {m.received_at for m in got if "#new/" in str(m.provenance.archive_path)}
    assert new_dates == {datetime.fromtimestamp(1_783_000_000, tz=UTC)}
    batches = list(read_archive(root, batch_size=2))
    assert [b.state.last_uid for b in batches] == [2, 3]


# --- errors ---------------------------------------------------------------------------------


def test_missing_path_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"archive not found: .*nope\.mbox"):
        list(read_archive(tmp_path / "nope.mbox"))
    with pytest.raises(SourceError, match="archive not found"):
        count_messages(tmp_path / "nope.mbox")


def test_folder_that_is_not_a_maildir_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"is a folder but not a Maildir \(no cur/ or new/"):
        list(read_archive(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_raises_source_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.mbox"
    path.write_bytes(b"From - \n" + _mail(1, "x\n"))
    path.chmod(0)
    with pytest.raises(SourceError, match="cannot read archive"):
        list(read_archive(path))


# --- the shared corpus ----------------------------------------------------------------------

# Counted by eye (headers blocks, delimiters and From_ lines read one by one):
# - mailbox_from: 14 header blocks, but one ("From: Graham Bland", line 847) follows a
#   "<ftp://...>" line with no blank line before it, so it stays in message 9.
# - mailbox_to: 17 blocks after blank lines, 2 of them are quoted Outlook "From:/Sent:"
#   headers inside replies.
# - mailbox_date: the second header block is the body of a forwarded announcement.
# - mimekit-unmunged: 2 messages; "From Russia with love" is body text (mailbox.mbox: 3).
VARIANT_COUNTS = {
    "ietf-mailarchive-duplicate_tests.mbox": 10,
    "ietf-mailarchive-export.mbox": 21,
    "ietf-mailarchive-latin1.mbox": 1,
    "ietf-mailarchive-mailbox-x-envelope-from.mbox": 4,
    "ietf-mailarchive-mailbox_date.mbox": 1,
    "ietf-mailarchive-mailbox_envelope-to.mbox": 2,
    "ietf-mailarchive-mailbox_from.mbox": 13,
    "ietf-mailarchive-mailbox_mbox.mbox": 1,
    "ietf-mailarchive-mailbox_mmdf.mbox": 5,
    "ietf-mailarchive-mailbox_received.mbox": 1,
    "ietf-mailarchive-mailbox_return-path.mbox": 3,
    "ietf-mailarchive-mailbox_to.mbox": 15,
    "ietf-mailarchive-mailbox_year.mbox": 4,
    "ietf-mailarchive-mbox.1.mbox": 1,
    "ietf-mailarchive-private.mbox": 1,
    "ietf-mailarchive-search_api.mbox": 4,
    "ietf-mailarchive-search_api_ford.mbox": 4,
    "ietf-mailarchive-urlize.mbox": 1,
    "ietf-mailarchive-windows1252.mbox": 1,
    "mimekit-content-length.mbox": 29,
    "mimekit-issue1189.mbox": 4,
    "mimekit-simple.mbox": 3,
    "mimekit-unmunged.mbox": 2,
}


@pytest.mark.skipif(not VARIANTS.is_dir(), reason="shared corpus not present")
def test_every_variant_file_is_listed() -> None:
    assert {p.name for p in VARIANTS.iterdir()} == set(VARIANT_COUNTS)


@pytest.mark.skipif(not VARIANTS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("name", sorted(VARIANT_COUNTS))
def test_mbox_variant_counts(name: str) -> None:
    path = VARIANTS / name
    got = _messages(path)
    assert len(got) == VARIANT_COUNTS[name] == count_messages(path)
    for msg in got:
        # Each piece must start at a header field and parse into a message with a sender.
        assert HEADER_LINE.match(msg.data), msg.data[:80]
        parsed = email.message_from_bytes(msg.data)
        assert parsed["From"] or parsed["Return-Path"], msg.data[:200]


@pytest.mark.skipif(not VARIANTS.is_dir(), reason="shared corpus not present")
def test_variant_envelope_dates() -> None:
    got = _messages(VARIANTS / "mimekit-content-length.mbox")
    dated = [m.received_at for m in got if m.received_at is not None]
    assert len(dated) == 25  # 4 of the 29 "From - " lines carry no date
    assert datetime(1996, 6, 3, 12, 50, 27, tzinfo=UTC) in dated


@pytest.mark.skipif(not (CORPUS / "archive").is_dir(), reason="shared corpus not present")
def test_real_archive_matches_stdlib_mbox() -> None:
    path = CORPUS / "archive" / "lore-ksummit-2021.mbox"
    box = mailbox.mbox(path, create=False)
    expected = [box.get_bytes(key) for key in box.iterkeys()]
    got = _messages(path, batch_size=200)
    assert len(got) == len(expected) == count_messages(path) == 639
    unquote = re.compile(rb"^>(>*From )", re.MULTILINE)
    assert [m.data for m in got] == [unquote.sub(rb"\1", data) for data in expected]
    assert all(m.received_at is not None for m in got)


_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec"]


def _parsedate_reference(rest: bytes) -> datetime | None:
    """What envelope_date gave for an asctime date before its fast path."""
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(rest.decode("ascii", "replace"))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def test_envelope_asctime_dates_read_as_parsedate_reads_them() -> None:
    """The From_ line's asctime date (read without the email package) is what
    parsedate_to_datetime gives: impossible days, hours and seconds (None), one- and
    two-digit days, trailing white space, every month and weekday."""
    import random

    from iscg_mailbot.source.archive_split import envelope_date

    rng = random.Random(17)
    seen = 0
    for _ in range(4000):
        day = rng.choice(["0", "1", "9", "10", "29", "30", "31", "32", "99", " 4", "07"])
        clock = ":".join(f"{rng.choice([0, 9, 23, 24, 59, 60, 61]):02d}" for _ in range(3))
        year = rng.choice(["1970", "2001", "2026", "9999", "0000", "0999", "0068", "0069"])
        tail = rng.choice(["", "\n", "\r\n", "  \n", "\t"])
        rest = f"{rng.choice(_DAYS)} {rng.choice(_MONTHS)} {day} {clock} {year}{tail}".encode()
        expected = _parsedate_reference(rest)
        assert envelope_date(b"From someone@example.org  " + rest) == expected, rest
        seen += expected is not None
    assert seen > 100
