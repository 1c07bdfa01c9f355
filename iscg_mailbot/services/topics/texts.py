"""Stored threads as the tagger reads them: subject, then each message's new text.

Quotes and signatures are left out; what a message forwarded is read as its own text;
at most ``max_chars`` characters of each message (settings' ``analysis_max_chars``).
What a program sent (an out-of-office reply: ``Message.auto_submitted``) is not read,
nor the subject of a thread only programs wrote to: it is a copy of another thread's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.errors import NotFound
from iscg_mailbot.records import ThreadText
from iscg_mailbot.services.forwards import replies_to_nothing, text_to_read
from iscg_mailbot.store.analysis_rows import ThreadMessages
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.text import analysis_text

# Characters of one message read when no settings say otherwise (Settings default).
DEFAULT_MAX_CHARS = 100_000
# Threads read (and re-tagged) per transaction and per call of the tagger.
RETAG_BATCH = 500


def thread_texts(session: Session, thread_ids: Sequence[int],
                  max_chars: int = DEFAULT_MAX_CHARS) -> list[ThreadText]:
    """Subject and the new text of each message (quotes and signatures left out) with
    the text it forwarded, in the order messages were written; at most ``max_chars``
    characters of each. Automatic messages are left out, and the subject of a thread
    that has nothing else."""
    subjects = dict(
        session.execute(select(Thread.id, Thread.subject).where(Thread.id.in_(thread_ids))).all()
    )
    texts: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(Message.thread_id, Message.new_text, Message.forwarded_text, Message.id,
               Message.in_reply_to, Message.references, Message.quoted_text != "")
        .where(Message.thread_id.in_(thread_ids), Message.auto_submitted.is_(False))
        .order_by(Message.thread_id, Message.date, Message.id)
    ).all()
    # A message replying to nothing brings what it holds below a header block as new
    # content (services.forwards): its whole body is read for those few messages only.
    roots = [pk for _, _, _, pk, parent, refs, quoted in rows
             if quoted and replies_to_nothing(parent, refs)]
    bodies = dict(session.execute(
        select(Message.id, Message.body_text).where(Message.id.in_(roots))).all()) if roots else {}
    for thread_id, new_text, mime_forwarded, pk, parent, refs, _quoted in rows:
        if thread_id is not None:
            text = new_text or ""
            if pk in bodies:
                text = text_to_read(text, "quoted", bodies[pk] or "", parent, refs)[0]
            texts[thread_id].append(analysis_text(text, mime_forwarded or "", max_chars))
    return _thread_texts(thread_ids, subjects, texts, max_chars)


def chunk_texts(messages: ThreadMessages, thread_ids: Sequence[int],
                max_chars: int = DEFAULT_MAX_CHARS) -> list[ThreadText]:
    """:func:`thread_texts` of threads whose messages were read already (the analysis
    reads each chunk's messages once for its parts): the same texts in the same order
    (``tests/test_analysis_one_read.py``)."""
    subjects = messages.subjects
    texts: dict[int, list[str]] = defaultdict(list)
    for message, _address in messages.rows:  # by thread, date and id, as thread_texts reads
        if message.thread_id is not None and not message.auto_submitted:
            text, _forwarded = text_to_read(message.new_text or "", message.quoted_text or "",
                                            message.body_text or "", message.in_reply_to,
                                            message.references)
            texts[message.thread_id].append(
                analysis_text(text, message.forwarded_text or "", max_chars))
    return _thread_texts(thread_ids, subjects, texts, max_chars)


def _thread_texts(thread_ids: Sequence[int], subjects: dict[int, str],
                  texts: dict[int, list[str]], max_chars: int) -> list[ThreadText]:
    # A thread with no message written by a person has no subject of its own either.
    return [
        ThreadText(thread_id,
                   (subjects[thread_id] or "")[:max_chars] if thread_id in texts else "",
                   tuple(texts[thread_id]))
        for thread_id in thread_ids
        if thread_id in subjects
    ]


def thread_texts_batched(session: Session, thread_ids: Sequence[int]) -> list[ThreadText]:
    """:func:`thread_texts` of many threads, read :data:`RETAG_BATCH` at a time."""
    return [thread for start in range(0, len(thread_ids), RETAG_BATCH)
            for thread in thread_texts(session, thread_ids[start:start + RETAG_BATCH])]


def find_thread(session: Session, thread_id: int) -> Thread:
    """The stored thread; NotFound naming the command that lists them."""
    thread = session.get(Thread, thread_id)
    if thread is None:
        # The same words as every other command naming a missing thread.
        raise NotFound(f"no thread with id {thread_id}; see 'iscg-mailbot threads list'")
    return thread
