"""The ``overlap_dismissals`` table: the chair's decisions on the duplication watch.

Flags are recomputed from the threads whenever they are asked for; only a dismissal
("these two threads are not duplicated work") is stored, keyed by the pair of thread ids
(smaller first), so that the pair is never flagged again.
"""

from datetime import datetime

from sqlalchemy import Integer, String, Text
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
