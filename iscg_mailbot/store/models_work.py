"""The analysis work queue: one row per thread whose stored messages wait for analysis."""

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow


class AnalysisWork(Base):
    """A thread to analyse, and who is analysing it until when.

    Ingest bumps ``generation`` each time it stores mail in the thread; an analyser
    remembers the generation it claimed and writes its results only if the row still
    has it (otherwise new mail arrived meanwhile and the thread is analysed again).
    ``holder``/``lease_until`` are the claim: a claim whose lease expired (its worker
    died) is taken over. No foreign key on purpose: a thread merged into another leaves
    its row behind, which the next analyser that claims it simply deletes.
    """

    __tablename__ = "analysis_work"

    thread_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    generation: Mapped[int] = mapped_column(Integer, default=1)
    marked_at: Mapped[datetime] = mapped_column(default=utcnow)
    holder: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None] = mapped_column(index=True)
