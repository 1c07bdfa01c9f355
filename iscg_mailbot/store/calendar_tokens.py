"""Members' private calendar links (see :mod:`iscg_mailbot.store.models_archive`).

Tokens are looked up by their SHA-256 digest; each function takes a session and leaves
committing to the caller.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from iscg_mailbot.store.models_archive import CalendarToken


def revoke_tokens(session: Session, member_address: str, now: datetime) -> int:
    """Revoke every active link of the member; how many there were."""
    result = session.execute(
        update(CalendarToken)
        .where(CalendarToken.member_address == member_address.lower(),
               CalendarToken.revoked_at.is_(None))
        .values(revoked_at=now))
    return int(getattr(result, "rowcount", 0) or 0)


def replace_token(session: Session, member_address: str, digest: str, now: datetime) -> None:
    """Make ``digest`` the member's one active link (older ones are revoked)."""
    revoke_tokens(session, member_address, now)
    session.add(CalendarToken(member_address=member_address.lower(), token_digest=digest,
                              created_at=now))
    session.flush()


def active_since(session: Session, member_address: str) -> datetime | None:
    """When the member's active link was made, or None without one."""
    return session.scalar(
        select(CalendarToken.created_at)
        .where(CalendarToken.member_address == member_address.lower(),
               CalendarToken.revoked_at.is_(None))
        .order_by(CalendarToken.id.desc()).limit(1))


def token_owner(session: Session, digest: str) -> str | None:
    """The address whose active link has this digest, or None (unknown or revoked)."""
    return session.scalar(
        select(CalendarToken.member_address)
        .where(CalendarToken.token_digest == digest, CalendarToken.revoked_at.is_(None)))
