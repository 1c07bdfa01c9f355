"""An import's memory does not grow with the archive (issue 17: a 100k import within 10%
of a 20k one; bench/import_memory.py measures it, docs/performance.md has the figures).

The import keeps a batch or two of messages at a time: each batch is stored and threaded
in a session of its own, the parse runs at most one batch ahead. What would make its
memory grow with the number of messages is a structure that outlives its batch
(parsed batches or stored rows gathered until the end, a parse that reads ahead without
limit, a map of every message seen). Such a structure keeps objects alive per message:
counted after the second batch and after the last, they must stay bounded by the batch
size. (Checked: keeping each parsed batch in a list fails it with 60 messages alive.)
"""

from __future__ import annotations

import gc
import mailbox
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import Engine

from iscg_mailbot.records import ParsedMessage, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Message, Thread

BATCH = 5
THREADS = 15  # of 4 messages: 60 messages, 12 batches
WATCHED = (RawMessage, ParsedMessage, Message, Thread)


def _archive(path: Path) -> Path:
    box = mailbox.mbox(path)
    for thread in range(THREADS):
        for n in range(4):
            msg = EmailMessage()
            msg["From"] = f"Member {n} <member{n}@example.org>"
            msg["To"] = "int-sect-team@lists.itu.int"
            msg["Subject"] = f"{'Re: ' if n else ''}Liaison statement {thread}"
            msg["Date"] = f"Mon, {1 + thread % 28:02d} Jun 2026 {9 + n:02d}:00:00 +0200"
            msg["Message-ID"] = f"<m{thread}.{n}@example.org>"
            if n:
                msg["In-Reply-To"] = f"<m{thread}.{n - 1}@example.org>"
            msg.set_content(f"Message {n} of thread {thread}: comments on the draft.\n")
            box.add(msg)
    box.close()
    return path


def _alive() -> Counter[str]:
    """Live objects of the watched types, by type name."""
    gc.collect()
    found: Counter[str] = Counter()
    for obj in gc.get_objects():
        if isinstance(obj, WATCHED):
            found[type(obj).__name__] += 1
    return found


def test_objects_kept_by_an_import_do_not_grow_with_its_batches(
    engine: Engine, tmp_path: Path
) -> None:
    app = App(settings=Settings(parse_processes=1), engine=engine)
    batches = THREADS * 4 // BATCH
    counts: list[Counter[str]] = []

    def after_batch(_messages: int) -> None:
        # Counted after the second batch and after the last (a count costs a second).
        done = len(counts) + 1
        counts.append(_alive() if done in (2, batches) else Counter())

    # Other tests in this process may have left such objects alive (caches): count what
    # the import adds to them.
    before = _alive()
    report = import_archive(app, _archive(tmp_path / "list.mbox"), batch_size=BATCH,
                            on_progress=after_batch)
    assert report.stored == THREADS * 4 and len(counts) == batches
    second, last = counts[1], counts[-1]
    for name in ("RawMessage", "ParsedMessage", "Message", "Thread"):
        # A batch in hand and the next one read at most; 60 when every message is kept.
        assert last[name] - before[name] <= 2 * BATCH, (name, before, second, last)
    assert sum(last.values()) <= sum(second.values()), (second, last)
