"""Read a mail archive (an mbox file or a Maildir folder) as batches of raw messages.

The bytes of each message reach the parser as they are in the file. Only the archive's
own framing is removed: the ``From_`` envelope line, the MMDF ``^A^A^A^A`` delimiters,
the blank line an mbox writer adds after each message, and one ``>`` of ``>From ``
lines (mboxrd unquoting). Messages are numbered from 1 in file order; the number is the
locator in :class:`~iscg_mailbot.records.Provenance` (``"path/to/list.mbox#12"``) and
``MailboxState.last_uid`` of each batch says how far the import has got.

Files are cut into messages by :mod:`iscg_mailbot.source.archive_split` (which says why
by hand, and which formats it recognises); Maildir folders are read file by file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from iscg_mailbot.errors import SourceError
from iscg_mailbot.records import MailboxState, Provenance, RawBatch, RawMessage
from iscg_mailbot.source.archive_split import envelope_date, split_archive

log = logging.getLogger(__name__)


def read_archive(path: Path, *, batch_size: int = 500) -> Iterator[RawBatch]:
    """Yield the messages of an mbox-like file or a Maildir folder in batches.

    Each batch's state has ``uidvalidity=None`` and ``last_uid`` = the number (from 1)
    of its last message. ``received_at`` is the ``From_`` line date (mbox) or the file's
    modification time (Maildir: the delivery time), as aware UTC, else None.

    >>> for batch in read_archive(Path("list.mbox"), batch_size=100):  # doctest: +SKIP
    ...     print(batch.state.last_uid, batch.messages[0].provenance.archive_path)
    100 list.mbox#1
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    pending: list[RawMessage] = []
    index = 0
    for index, message in enumerate(_iter_messages(path), start=1):
        pending.append(message)
        if len(pending) == batch_size:
            yield RawBatch(tuple(pending), MailboxState(uidvalidity=None, last_uid=index))
            pending = []
    if pending:
        yield RawBatch(tuple(pending), MailboxState(uidvalidity=None, last_uid=index))


def count_messages(path: Path) -> int:
    """Count the messages :func:`read_archive` will yield, without keeping any of them.

    One pass over the file (or one directory listing for a Maildir); for a progress bar.
    """
    kind = _archive_kind(path)
    if kind == "maildir":
        return len(_maildir_files(path))
    with _open(path) as fh:
        return sum(1 for _ in split_archive(fh))


# --- dispatch -----------------------------------------------------------------------


def _archive_kind(path: Path) -> str:
    """Return "maildir" or "file", or raise SourceError saying what is wrong with path."""
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            return "maildir"
        raise SourceError(
            f"{path} is a folder but not a Maildir (no cur/ or new/ inside); "
            "give an mbox file or a Maildir folder"
        )
    if path.is_file():
        return "file"
    if path.exists():
        raise SourceError(f"{path} is neither a file nor a folder; give an mbox file or a Maildir")
    raise SourceError(f"archive not found: {path}")


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise SourceError(f"cannot read archive {path}: {exc.strerror or exc}") from exc


def _iter_messages(path: Path) -> Iterator[RawMessage]:
    if _archive_kind(path) == "maildir":
        yield from _read_maildir(path)
        return
    with _open(path) as fh:
        for number, chunk in enumerate(split_archive(fh), start=1):
            yield RawMessage(
                data=b"".join(chunk.lines),
                provenance=Provenance(archive_path=f"{path}#{number}"),
                received_at=envelope_date(chunk.envelope),
            )


# --- Maildir --------------------------------------------------------------------------


def _maildir_files(path: Path) -> list[tuple[str, str]]:
    """(subfolder, file name) of every message in new/ and cur/, oldest name first.

    Maildir names start with the delivery time in seconds, so sorting by name gives
    delivery order; tmp/ holds deliveries in progress and is skipped, as are dot-files.
    """
    found: list[tuple[str, str]] = []
    for sub in ("new", "cur"):
        folder = path / sub
        if not folder.is_dir():
            continue
        try:
            names = os.listdir(folder)
        except OSError as exc:
            raise SourceError(f"cannot list Maildir folder {folder}: {exc.strerror}") from exc
        found.extend((sub, name) for name in names if not name.startswith("."))
    found.sort(key=lambda item: (item[1], item[0]))
    return found


def _read_maildir(path: Path) -> Iterator[RawMessage]:
    # Read the files directly rather than through mailbox.Maildir, which hides the file
    # path and its mtime (the delivery time, which Dovecot also reports as INTERNALDATE).
    for sub, name in _maildir_files(path):
        file = path / sub / name
        try:
            data = file.read_bytes()
            mtime = file.stat().st_mtime
        except FileNotFoundError:
            # A mail client moved it between listing and reading (new/ -> cur/, or a
            # flag change renamed it): skip it rather than fail the whole import.
            log.warning("Maildir message %s vanished while reading; skipped", file)
            continue
        except OSError as exc:
            raise SourceError(f"cannot read Maildir message {file}: {exc.strerror}") from exc
        yield RawMessage(
            data=data,
            provenance=Provenance(archive_path=f"{path}#{sub}/{name}"),
            received_at=datetime.fromtimestamp(mtime, tz=UTC),
        )
