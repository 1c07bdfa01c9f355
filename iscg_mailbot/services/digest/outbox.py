"""The operator's two ways to settle a digest the outbox holds as uncertain or failed:
release it to be sent again, or confirm that it arrived."""

from __future__ import annotations

from datetime import datetime

from iscg_mailbot.errors import NotFound
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_delivery import FAILED, UNCERTAIN
from iscg_mailbot.store.outbox import confirm_delivered, release_uncertain
from iscg_mailbot.store.types import utcnow


def release_uncertain_digests(app: App, *, member_address: str | None = None,
                              period_key: str | None = None,
                              now: datetime | None = None, failed: bool = False) -> int:
    """Mark uncertain digests as not sent, so the next run sends them; return how many.

    Only for entries the operator has checked (in the mail server's log) were not
    delivered: this is the one way a digest can reach a member twice. With ``failed``,
    digests the server refused for good (5xx, or too many temporary failures) are queued
    again instead, once the cause (a relay rule, a mailbox) is fixed.
    """
    with app.session() as session:
        return release_uncertain(session, now or utcnow(), member_address, period_key,
                                 status=FAILED if failed else UNCERTAIN)


def confirm_delivery(app: App, *, member_address: str, period_key: str, by: str,
                     now: datetime | None = None) -> int:
    """Record that an uncertain digest reached the member (the operator checked the mail
    server's log): it is marked sent, with ``by`` and the time, and never sent again.

    Raises NotFound when the member has no uncertain digest for that period.

    >>> confirm_delivery(app, member_address="ann@itu.int",      # doctest: +SKIP
    ...                  period_key="2026-09-14/2026-09-21", by="operator")
    1
    """
    with app.session() as session:
        count = confirm_delivered(session, member_address, period_key, by.strip() or "?",
                                  now or utcnow())
    if not count:
        raise NotFound(f"no uncertain digest for {member_address} in period {period_key}; "
                       "see 'iscg-mailbot digest status'")
    return count
