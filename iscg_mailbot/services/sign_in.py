"""Sign-in by e-mailed link: rate-limited requests, one-time nonces, the mail itself.

The website signs and times the link (it holds the secret); this module decides and
records. :func:`request_link` treats a member and a stranger alike (same records, same
limits) and returns a nonce only for a member; :func:`use_link` accepts each nonce once,
within :data:`~iscg_mailbot.settings.web.LINK_MINUTES`; :func:`send_link` mails it
through the configured SMTP server.

>>> request = request_link(app, "ingrid.solheim@example.no", client="192.0.2.7")  # doctest: +SKIP
>>> request.status, bool(request.nonce)                                        # doctest: +SKIP
('member', True)
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from sqlalchemy import delete, func, select, update

from iscg_mailbot.deliver.compose import header_text
from iscg_mailbot.deliver.smtp import SmtpSender
from iscg_mailbot.errors import MailbotError
from iscg_mailbot.services.app import App
from iscg_mailbot.services.web_access import WebUser, web_user
from iscg_mailbot.settings.web import LINK_MINUTES
from iscg_mailbot.store.models_web import SignInRequest
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)

LIMITED, MEMBER, UNKNOWN = "limited", "member", "unknown"
_WINDOW = timedelta(minutes=LINK_MINUTES)
_KEEP = timedelta(days=1)


@dataclass(frozen=True)
class LinkRequest:
    """What a request for a sign-in link came to.

    ``status`` is ``limited`` (too many requests for this address or client: nothing
    sent), ``member`` (``nonce`` and ``user`` set: mail the link) or ``unknown``.
    """

    status: str
    nonce: str | None = None
    user: WebUser | None = None


def address_digest(address: str) -> str:
    """The stored form of an address: SHA-256 of its trimmed lower-case text."""
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def request_link(app: App, address: str, *, client: str,
                 now: datetime | None = None) -> LinkRequest:
    """Record a request for a sign-in link; a nonce for a member unless a limit is reached.

    The limits (``[web] links_per_address`` and ``links_per_client`` per 15 minutes)
    count every request, member or not, so that the answer never tells them apart.
    """
    now = now or utcnow()
    config = app.settings.web
    digest = address_digest(address)
    client = client[:100]
    since = now - _WINDOW
    with app.session() as session:
        session.execute(delete(SignInRequest).where(SignInRequest.requested_at < now - _KEEP))
        per_address = session.scalar(select(func.count()).select_from(SignInRequest).where(
            SignInRequest.address_digest == digest, SignInRequest.requested_at >= since)) or 0
        per_client = session.scalar(select(func.count()).select_from(SignInRequest).where(
            SignInRequest.client == client, SignInRequest.requested_at >= since)) or 0
        if per_address >= config.links_per_address or per_client >= config.links_per_client:
            return LinkRequest(LIMITED)
        user = web_user(app, address) if "@" in address else None
        nonce = secrets.token_urlsafe(32) if user is not None else None
        session.add(SignInRequest(address_digest=digest, client=client, requested_at=now,
                                  nonce=nonce))
    return LinkRequest(MEMBER, nonce, user) if user is not None else LinkRequest(UNKNOWN)


def use_link(app: App, nonce: str, address: str, *,
             now: datetime | None = None) -> WebUser | None:
    """The member signing in with this link, or None when the link was used, is older
    than 15 minutes, was not issued for ``address`` or its address is no longer a member.

    Marking the nonce used is one conditional UPDATE, so two clicks racing each other
    cannot both succeed.
    """
    now = now or utcnow()
    with app.session() as session:
        done = session.execute(
            update(SignInRequest)
            .where(SignInRequest.nonce == nonce, SignInRequest.used_at.is_(None),
                   SignInRequest.address_digest == address_digest(address),
                   SignInRequest.requested_at >= now - _WINDOW)
            .values(used_at=now)
            .execution_options(synchronize_session=False))
        if getattr(done, "rowcount", 0) != 1:
            return None
    return web_user(app, address)


def link_message(app: App, user: WebUser, link: str, now: datetime) -> EmailMessage:
    """The sign-in mail: who asked, the link, how long it is good for."""
    config = app.settings.digest
    sender = Address(display_name=header_text(config.from_name, 100), addr_spec=config.sender())
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = Address(display_name=header_text(user.name, 100), addr_spec=user.address)
    message["Subject"] = "Your sign-in link for the ISCG website"
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid("iscg-sign-in", domain=sender.domain)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        f"Hello {user.name},\n\n"
        "someone (we hope you) asked to sign in to the ISCG website with this address.\n"
        f"Open this link within {LINK_MINUTES} minutes to sign in; it works once:\n\n"
        f"{link}\n\n"
        "If you did not ask, ignore this message: nobody can sign in without the link.\n",
        charset="utf-8", cte="quoted-printable")
    return message


def send_link(app: App, user: WebUser, link: str, now: datetime | None = None) -> bool:
    """Mail the link through the configured SMTP server; False (logged, without the link)
    when it could not be sent. Called after the page has been answered."""
    try:
        message = link_message(app, user, link, now or utcnow())
        with SmtpSender(app.settings.require_smtp()) as sender:
            sender.send(message)
    except MailbotError as exc:
        log.warning("sign-in link not sent: %s", exc)
        return False
    return True
