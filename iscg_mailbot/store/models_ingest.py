"""The tables ingest and analysis keep beside the messages: the IMAP folders' sync state,
each message's references, the quarantine and the threads whose analysis failed.

No query of the chair's reads them, so they are declared apart from ``store/models.py``
(issue 17, start-up: a query process declares and configures only the tables it reads);
``store/models.py`` still gives each name, importing this module at its first use.
See ``store/models.py`` for why the annotations are objects, not text.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow

if TYPE_CHECKING:
    from iscg_mailbot.store.models import MailingList


class Mailbox(Base):
    """An IMAP folder (or archive path) feeding a list, with its sync state.

    ``uidvalidity``/``last_uid`` advance only in the transaction that stores the batch.
    """

    __tablename__ = "mailboxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("mailing_lists.id"))
    kind: Mapped[str] = mapped_column(String(20), default="imap")
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    messages_stored: Mapped[int] = mapped_column(Integer, default=0)

    mailing_list: Mapped["MailingList"] = relationship()


class MessageReference(Base):
    """One Message-ID a message points at (In-Reply-To or References).

    Indexed by the referenced ID so that a parent arriving after its children finds
    them in one query and their threads can be repaired.
    """

    __tablename__ = "message_references"

    message_pk: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True
    )
    referenced_id: Mapped[str] = mapped_column(String(998), primary_key=True, index=True)


class AnalysisFailure(Base):
    """A thread whose analysis raised: why, how often, and when to try again.

    The thread keeps ``needs_analysis`` set; analysis skips it until ``retry_after``
    (exponential back-off), so one bad thread never blocks the others. The row goes
    away when the thread is analysed (successfully).
    """

    __tablename__ = "analysis_failures"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_failed_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_failed_at: Mapped[datetime] = mapped_column(default=utcnow)
    retry_after: Mapped[datetime] = mapped_column(index=True)


class QuarantinedMessage(Base):
    """A message that could not be parsed, kept byte for byte with the reason."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int | None] = mapped_column(ForeignKey("mailing_lists.id"))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    source_mailbox: Mapped[str | None] = mapped_column(String(200))
    source_uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    source_uid: Mapped[int | None] = mapped_column(BigInteger)
    source_path: Mapped[str | None] = mapped_column(Text)
    quarantined_at: Mapped[datetime] = mapped_column(default=utcnow)
