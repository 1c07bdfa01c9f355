"""Keep each digest the SMTP server accepted, as sent, for the website's Digests page
(see :mod:`iscg_mailbot.services.digest_archive`, which shows them)."""

from __future__ import annotations

import logging
from email.message import EmailMessage

from sqlalchemy.exc import SQLAlchemyError

from iscg_mailbot.services.app import App
from iscg_mailbot.store.sent_copies import keep_copy
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)


def keep_sent_copy(app: App, outbox_id: int, message: EmailMessage) -> None:
    """Keep the digest the server just accepted for the Digests page.

    Called after the entry is marked sent, in its own transaction: failing to keep a copy
    (logged) must never turn a delivered digest into one the outbox doubts.
    """
    try:
        with app.session() as session:
            keep_copy(session, outbox_id, message.as_bytes(), utcnow())
    except SQLAlchemyError:
        log.exception("could not keep the copy of sent digest %s", outbox_id)
