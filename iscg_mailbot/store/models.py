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

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_mailbot.store import tables
from iscg_mailbot.store.base import Base

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


class Message(Base):
    """One stored message. Unique per list by Message-ID (without angle brackets). The
    columns are declared in Core (``store/tables.py``, where each is explained: the
    chair's action list reads them without the ORM)."""

    __tablename__ = "messages"
    __table__ = tables.messages

    id: Mapped[int]
    list_id: Mapped[int]
    thread_id: Mapped[int | None]
    message_id: Mapped[str]
    synthetic_id: Mapped[bool]
    parent_message_id: Mapped[str | None]
    in_reply_to: Mapped[str | None]
    references: Mapped[list[Any]]
    sender_name: Mapped[str]
    sender_address: Mapped[str]
    to_addresses: Mapped[list[Any]]
    cc_addresses: Mapped[list[Any]]
    date: Mapped[datetime | None]
    utc_offset_minutes: Mapped[int | None]
    subject: Mapped[str]
    normalised_subject: Mapped[str]
    is_reply: Mapped[bool]
    body_text: Mapped[str]
    new_text: Mapped[str]
    forwarded_text: Mapped[str]
    quoted_text: Mapped[str]
    signature: Mapped[str]
    attachments: Mapped[list[Any]]
    raw_size: Mapped[int]
    defects: Mapped[list[Any]]
    auto_submitted: Mapped[bool]
    source_mailbox: Mapped[str | None]
    source_uidvalidity: Mapped[int | None]
    source_uid: Mapped[int | None]
    source_path: Mapped[str | None]
    stored_at: Mapped[datetime]

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
