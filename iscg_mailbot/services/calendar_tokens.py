"""Private calendar URLs: each member's own ``calendar export`` at an unguessable address.

A calendar application subscribes to ``/calendar/<token>.ics`` without signing in, so
the token is the only key: 32 random bytes (``secrets.token_urlsafe``), of which only
the SHA-256 is stored. A member makes a new link (the old one stops working at once) or
revokes theirs on the website's "My calendar" page; a member removed from
``members.yaml`` gets nothing from their link any more.

>>> token = new_calendar_link(app, "ann@itu.int")        # doctest: +SKIP
>>> calendar_for_link(app, token).data[:15]               # doctest: +SKIP
b'BEGIN:VCALENDAR'
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from iscg_mailbot.errors import NotFound
from iscg_mailbot.services.actions import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ical import CalendarFeed, calendar_feed
from iscg_mailbot.store.calendar_tokens import (
    active_since,
    replace_token,
    revoke_tokens,
    token_owner,
)
from iscg_mailbot.store.types import utcnow

TOKEN_BYTES = 32
_UNKNOWN = "no such calendar (the link was revoked or replaced)"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def new_calendar_link(app: App, member_address: str, now: datetime | None = None) -> str:
    """A new token for the member's calendar URL; any earlier one stops working."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with app.session() as session:
        replace_token(session, member_address, _digest(token), now or utcnow())
    return token


def revoke_calendar_link(app: App, member_address: str, now: datetime | None = None) -> int:
    """Revoke the member's calendar URL; how many links were active (0 or 1)."""
    with app.session() as session:
        return revoke_tokens(session, member_address, now or utcnow())


def calendar_link_since(app: App, member_address: str) -> datetime | None:
    """When the member's active calendar URL was made (None: the member has none)."""
    with app.session() as session:
        return active_since(session, member_address)


def calendar_link_owner(app: App, token: str) -> str:
    """The address of the member whose active link this is; NotFound for a token that is
    unknown or revoked, or whose member left ``members.yaml``."""
    if not 20 <= len(token) <= 100:
        raise NotFound(_UNKNOWN)
    with app.session() as session:
        address = token_owner(session, _digest(token))
    if address is None or load_context(app).members.by_address(address) is None:
        raise NotFound(_UNKNOWN)
    return address


def calendar_for_link(app: App, token: str, now: datetime | None = None) -> CalendarFeed:
    """The calendar of the member whose active link this is (see
    :func:`calendar_link_owner`)."""
    address = calendar_link_owner(app, token)
    try:
        return calendar_feed(app, member_address=address, now=now)
    except NotFound:
        raise NotFound(_UNKNOWN) from None
