"""The ``action_item_shares`` table: the owners of a multi-owner item who have done
their part.

"Could TSB and BDT send their lists?" is one item owed by two bodies; "Done for BDT"
completes BDT's share only. One row per (item, owner) share completed by a reply; the
item itself closes when every owner's share is done. Rows go with their item (ON
DELETE CASCADE); the closing message may be deleted (SET NULL).
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow


class ActionShare(Base):
    """One owner's completed share of a multi-owner action item."""

    __tablename__ = "action_item_shares"
    __table_args__ = (UniqueConstraint("item_id", "owner", name="uq_action_item_shares_owner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("action_items.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(String(200))
    closed_by_message_pk: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None]
    closing_sentence: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
