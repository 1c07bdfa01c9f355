"""SQLAlchemy 2 typed ORM models: the lists, threads and messages.

The other tables are declared in the ``models_*`` modules, each imported where it is
used: a query process declares (and configures the mappers of) the tables it reads, not
all 25 (issue 17, start-up). The mailboxes, references, quarantine and analysis
failures (``models_ingest``) are still imported from here by name, declared at the first
use of one. :mod:`iscg_mailbot.store.all_models` imports every module, so that Alembic's
autogenerate sees one metadata (``Base.metadata``);
``tests/test_migrations.py`` checks that the migrations in ``migrations/versions``
produce exactly this schema.

Start-up time: this module and the other ``models_*`` modules do without ``from __future__
import annotations``. SQLAlchemy reads each ``Mapped[...]`` annotation when the class is
created; given as text it parses and evaluates every one (about a quarter of the time it
takes to import the models, which every command does). A class not yet defined is named
in quotes (``Mapped[list["Message"]]``).
"""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_mailbot.parse.subjects import is_reply_subject
from iscg_mailbot.store import tables
from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow

if TYPE_CHECKING:
    from iscg_mailbot.store.models_ingest import (
        AnalysisFailure,
        Mailbox,
        MessageReference,
        QuarantinedMessage,
    )


class MailingList(Base):
    """A list the deployment follows (one deployment may follow several)."""

    __tablename__ = "mailing_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    address: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200), default="")


class Thread(Base):
    """A conversation: messages linked by References/In-Reply-To or, failing that, subject.

    ``needs_analysis`` is set whenever messages join the thread and cleared once topics
    and action items have been recomputed, so analysis interrupted by a crash is picked
    up again. The columns are declared in Core (``store/tables.py``: the chair's thread
    lists read them without the ORM)."""

    __tablename__ = "threads"  # as every model has it (read by code and tests)
    __table__ = tables.threads

    id: Mapped[int]
    list_id: Mapped[int]
    root_message_id: Mapped[str]
    subject: Mapped[str]
    normalised_subject: Mapped[str]
    first_activity: Mapped[datetime | None]
    last_activity: Mapped[datetime | None]
    message_count: Mapped[int]
    participants: Mapped[list[Any]]
    needs_analysis: Mapped[bool]

    messages: Mapped[list["Message"]] = relationship(back_populates="thread")


def _reply_subject(context: DefaultExecutionContext) -> bool:
    """``messages.is_reply`` of a row being inserted, from its subject (every insert
    path, ORM or Core, gets it without having to remember it)."""
    parameters = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return is_reply_subject(parameters.get("subject"))


class Message(Base):
    """One stored message. Unique per list by Message-ID (without angle brackets)."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("list_id", "message_id", name="uq_messages_list_id_message_id"),
        Index("ix_messages_thread_date", "thread_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("mailing_lists.id"))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"))
    message_id: Mapped[str] = mapped_column(String(998))
    synthetic_id: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_message_id: Mapped[str | None] = mapped_column(String(998))
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[list[Any]] = mapped_column(default=list)
    sender_name: Mapped[str] = mapped_column(Text, default="")
    sender_address: Mapped[str] = mapped_column(String(320), default="", index=True)
    to_addresses: Mapped[list[Any]] = mapped_column(default=list)
    cc_addresses: Mapped[list[Any]] = mapped_column(default=list)
    date: Mapped[datetime | None] = mapped_column(index=True)
    # The sender's UTC offset in minutes (date is stored in UTC), for relative deadlines.
    utc_offset_minutes: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text, default="")
    normalised_subject: Mapped[str] = mapped_column(String(500), default="", index=True)
    # The subject starts with a reply marker ("RE:", "AW:", ...; revision 0015): read by
    # threading, which groups a reply under an original of the same subject. Stored
    # once at insert rather than recomputed from every stored subject on each batch.
    is_reply: Mapped[bool] = mapped_column(Boolean, default=_reply_subject,
                                           server_default=false())
    body_text: Mapped[str] = mapped_column(Text, default="")
    new_text: Mapped[str] = mapped_column(Text, default="")
    # The text of messages forwarded as message/rfc822 parts (part of this message,
    # never list messages of their own): analysis reads it as forwarded content.
    forwarded_text: Mapped[str] = mapped_column(Text, default="")
    quoted_text: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list[Any]] = mapped_column(default=list)
    raw_size: Mapped[int] = mapped_column(Integer, default=0)
    defects: Mapped[list[Any]] = mapped_column(default=list)
    # Sent by a program (Auto-Submitted, X-Autoreply, ...; revision 0014): owes nothing.
    auto_submitted: Mapped[bool] = mapped_column(Boolean, default=False,
                                                 server_default=false())
    source_mailbox: Mapped[str | None] = mapped_column(String(200))
    source_uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    source_uid: Mapped[int | None] = mapped_column(BigInteger)
    source_path: Mapped[str | None] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)

    thread: Mapped[Thread | None] = relationship(back_populates="messages")


#: The tables of ``models_ingest`` (a query reads none of them), still importable from
#: here: each is declared at the first use of its name (issue 17, start-up: ~5 ms of
#: every query's declaring and configuring the models).
_INGEST_TABLES = frozenset({"AnalysisFailure", "Mailbox", "MessageReference",
                            "QuarantinedMessage"})


def __getattr__(name: str) -> Any:
    if name not in _INGEST_TABLES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from iscg_mailbot.store import models_ingest

    value = getattr(models_ingest, name)
    globals()[name] = value  # the next use is a plain attribute
    return value


__all__ = ["AnalysisFailure", "Mailbox", "MailingList", "Message", "MessageReference",
           "QuarantinedMessage", "Thread"]
