"""The website's Digests pages: every sent digest, as it was sent.

When a digest is accepted by the SMTP server,
:func:`iscg_mailbot.services.digest_copies.keep_sent_copy` keeps the message's bytes (see :mod:`iscg_mailbot.store.models_archive`). :func:`archived_digest` shows a
member the copy they received; a member who did not receive that period's digest (or a
digest sent before copies were kept) sees it rebuilt, unfiltered, as the period stood
when it closed, and the page says so.

>>> page = archived_digest(app, "iscg", "2026-11-16/2026-11-23",   # doctest: +SKIP
...                        member_address="ann@itu.int")
>>> page.as_sent                                                   # doctest: +SKIP
True
"""

from __future__ import annotations

from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import sent_digest
from iscg_mailbot.store.sent_copies import sent_copy


@dataclass(frozen=True)
class ArchivedDigest:
    """One period's digest for the website: the copy sent (``as_sent``) or a rebuild."""

    list_key: str
    period_key: str
    member: str | None
    subject: str
    text: str
    html: str
    as_sent: bool


def _parts(mail: bytes) -> tuple[str, str, str]:
    parsed = message_from_bytes(mail, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    texts = {"plain": "", "html": ""}
    for kind in texts:
        part = parsed.get_body(preferencelist=(kind,))
        if part is not None:
            content = part.get_content()
            texts[kind] = content if isinstance(content, str) else ""
    return str(parsed.get("Subject", "")), texts["plain"], texts["html"]


def archived_digest(app: App, list_key: str, period_key: str, *,
                    member_address: str | None = None) -> ArchivedDigest:
    """The digest of a sent period as ``member_address`` received it, else rebuilt
    unfiltered; NotFound for a period never sent."""
    if member_address is not None:
        with app.session() as session:
            mail = sent_copy(session, list_key, period_key, member_address)
        if mail is not None:
            subject, text, html = _parts(mail)
            return ArchivedDigest(list_key, period_key, member_address.lower(), subject,
                                  text, html, as_sent=True)
    rebuilt = sent_digest(app, list_key, period_key, member_address=member_address)
    return ArchivedDigest(rebuilt.list_key, rebuilt.period_key, rebuilt.member,
                          rebuilt.subject, rebuilt.text, rebuilt.html, as_sent=False)
