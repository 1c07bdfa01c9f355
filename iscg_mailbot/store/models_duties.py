"""The ``overlap_dismissals`` table: the chair's decisions on the duplication watch;
``thread_overlap_terms``, each thread's terms as the watch reads them; and
``overlap_flag_cache``, the flags a digest showed, kept per data version.

Flags are recomputed from the threads whenever they are asked for; a dismissal ("these
two threads are not duplicated work") is stored, keyed by the pair of thread ids (smaller
first), so that the pair is never flagged again. What the comparison reads of each
thread is kept beside it, so that the threads of a year need not be tokenized each time.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow


class OverlapDismissal(Base):
    """A pair of threads the chair judged not to be duplicated work: never flagged again."""

    __tablename__ = "overlap_dismissals"

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_key: Mapped[str] = mapped_column(String(40), unique=True)
    thread_a: Mapped[int] = mapped_column(Integer)
    thread_b: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    dismissed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ThreadOverlapTerms(Base):
    """A thread's terms as the duplication watch reads them, kept so that the digest and
    the watch need not read and tokenize a year of threads each time (revision 0020).

    Written by analysis (``services/overlap_terms.py``). ``message_ids`` are the dated
    messages read, in date order (space-separated); a reader uses the row only when its
    window holds exactly these messages (``terms``, ``counts`` and ``words``: the
    thread's terms as the comparison reads them, packed by :func:`packed_terms
    <iscg_mailbot.analyse.overlap_text.packed_terms>`) or some of them (``parts``: each
    message's subject and text counted, with ``subject_terms``), when the thread's
    subject is still ``subject`` and ``version`` is the current reading's
    (:func:`terms_version <iscg_mailbot.analyse.overlap_text.terms_version>`); else it
    reads the texts. Counted terms are lists of [term, count, the word that first
    spelled it].
    """

    __tablename__ = "thread_overlap_terms"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    version: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text)
    message_ids: Mapped[str] = mapped_column(Text)
    terms: Mapped[str] = mapped_column(Text)
    counts: Mapped[str] = mapped_column(Text)
    words: Mapped[str] = mapped_column(Text)
    headline_terms: Mapped[str] = mapped_column(Text)
    subject_terms: Mapped[list[Any]] = mapped_column()
    parts: Mapped[list[Any]] = mapped_column()
    # The thread's meaning vector (analyse/overlap_meaning.py: 256 float32, packed) and
    # the version that made it (revision 0022); None until analysis computes it.
    meaning: Mapped[bytes | None] = mapped_column(LargeBinary)
    meaning_version: Mapped[str | None] = mapped_column(String(60))


class OverlapFlagCache(Base):
    """The possible overlaps a digest shows for one window and one week's threads, as
    read at ``data_version`` (revision 0021, ``services/overlap_cache.py``): ``key``
    fingerprints everything else they depend on (window, threads, configuration, code).
    ``flags`` holds each shown overlap's fields (:class:`DigestOverlap
    <iscg_mailbot.records.DigestOverlap>`) as a list. Written by readers; its writes do
    not move the data version (``store/versions.py``).
    """

    __tablename__ = "overlap_flag_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    data_version: Mapped[int] = mapped_column(BigInteger)
    flags: Mapped[list[Any]] = mapped_column()
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)
