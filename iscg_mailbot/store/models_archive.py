"""Tables of what members keep: the copy of each digest as sent, private calendar links.

``sent_digest_copies`` holds, per outbox entry marked sent, the message exactly as it
went to the SMTP server (headers, plain text and HTML parts), zlib-compressed: the
website's Digests page shows a digest as the member received it, not rebuilt from
today's database (where a late message or a reopened item would change it).

``calendar_tokens`` holds the private iCalendar links of members: only the SHA-256 of
the token is stored (a copy of the database does not give anyone's link away), and a
link is revoked by stamping ``revoked_at`` (one active link per member).
"""

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow


class SentDigestCopy(Base):
    """The digest one outbox entry delivered, byte for byte (zlib of the RFC 5322 bytes)."""

    __tablename__ = "sent_digest_copies"

    outbox_id: Mapped[int] = mapped_column(
        ForeignKey("outbox.id", ondelete="CASCADE"), primary_key=True)
    mail: Mapped[bytes] = mapped_column(LargeBinary)
    kept_at: Mapped[datetime] = mapped_column(default=utcnow)


class CalendarToken(Base):
    """A member's private calendar link: the token's digest, made when, revoked when."""

    __tablename__ = "calendar_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_address: Mapped[str] = mapped_column(String(320), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
