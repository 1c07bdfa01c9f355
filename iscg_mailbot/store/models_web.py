"""Tables of the website: sign-in link requests and the history of people's decisions.

``sign_in_requests`` holds one row per request for a sign-in link, whether or not the
address belongs to a member (so that the rate limits treat both alike and reveal
nothing). Only a member's request carries a ``nonce``: the one-time part of the link,
marked ``used_at`` the first time the link is followed. Addresses are stored as a
SHA-256 digest: the table needs to count requests per address, not to know them.

``topic_edits`` records each change the secretariat saved from the Topics page: which
topic, who, when, and the dated copy of the previous ``topics.yaml``.

``action_item_events`` records who closed, reopened or dropped an item, when, and with
what note, so that the item's page shows its history.

``data_versions`` holds the counters that commits raise (``store/versions.py``): one for
every table the pages read, so a rendered page can be kept until the data changes, and
one for the tables the duplication watch reads (the digest's kept overlaps).
"""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow


class SignInRequest(Base):
    """One request for a sign-in link (member or not), and its link's one use."""

    __tablename__ = "sign_in_requests"
    __table_args__ = (
        Index("ix_sign_in_requests_address_at", "address_digest", "requested_at"),
        Index("ix_sign_in_requests_client_at", "client", "requested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    address_digest: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(100))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    nonce: Mapped[str | None] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None]


class ActionItemEvent(Base):
    """A person's decision on an action item: status set, by whom, when, with which note."""

    __tablename__ = "action_item_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("action_items.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(320), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class TopicEdit(Base):
    """A topic changed from the website: who saved it, when, and the previous file's copy."""

    __tablename__ = "topic_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(64), index=True)
    actor: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    backup: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class DataVersion(Base):
    """Counters raised by commits (``store/versions.py``): row 1 by every commit that
    changed what the pages show (the website keeps a rendered page while it stays the
    same), row 2 (revision 0026) by those that changed what the duplication watch reads
    (the digest's kept overlaps)."""

    __tablename__ = "data_versions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
