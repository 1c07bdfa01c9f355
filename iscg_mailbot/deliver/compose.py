"""Build the digest e-mail: multipart/alternative (plain text, then HTML) with safe headers.

Every header value passes through :func:`header_text`, which removes line breaks,
control characters and invisible format characters (bidi overrides, zero-width
spaces), so nothing that came from the list can start a new header or disguise one.
Addresses go through :class:`email.headerregistry.Address`, which quotes and encodes
display names itself.

>>> message = compose(rendered, digest, member, digest_config,
...                   date=datetime.now(UTC))            # doctest: +SKIP
>>> message["Message-ID"]                                # doctest: +SKIP
'<iscg-digest.2024-03-04.3f1c…@example.org>'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from urllib.parse import quote

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import Digest
from iscg_mailbot.report.render import RenderedMail
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.settings.members import Member

MAX_SUBJECT = 200
MAX_DISPLAY_NAME = 100
# Zero-width non-joiner/joiner are kept: Persian, Indic scripts and emoji need them.
_KEEP_FORMAT_CHARS = {"\u200c", "\u200d"}


def header_text(value: str, limit: int = MAX_SUBJECT) -> str:
    """``value`` as one line fit for a header: no CR/LF, controls, or invisible format chars.

    >>> header_text("Hello\\r\\nBcc: x@example.org\\u202e")
    'Hello Bcc: x@example.org'
    """
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category in {"Zl", "Zp"} or char in "\r\n\t\f\v":
            kept.append(" ")
        elif category in {"Cc", "Cs", "Co", "Cn"} or (category == "Cf" and char not in _KEEP_FORMAT_CHARS):
            continue
        else:
            kept.append(char)
    text = " ".join("".join(kept).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def list_id(digest: Digest) -> str:
    """The List-Id value (RFC 2919): ``"Name" <local.domain>`` from the list address."""
    label = re.sub(r"[^A-Za-z0-9.-]", "-", digest.list_address.replace("@", "."))
    name = header_text(digest.list_name, MAX_DISPLAY_NAME).replace("\\", "").replace('"', "")
    return f'"{name}" <{label}>' if name else f"<{label}>"


def digest_message_id(digest: Digest, member_address: str, domain: str) -> str:
    """The stable Message-ID of one member's digest for one period.

    The same (list, period, member) always gives the same ID, so a message sent
    again after an uncertain failure is recognisable as a duplicate, by people
    and by servers that suppress duplicates.
    """
    identity = f"{digest.list_key}\0{digest.period_key}\0{member_address.lower()}"
    token = hashlib.sha256(identity.encode()).hexdigest()[:20]
    start = digest.period_key.split("/", 1)[0]
    safe_start = re.sub(r"[^A-Za-z0-9.-]", "-", start)
    return f"<iscg-digest.{safe_start}.{token}@{domain}>"


def unsubscribe_uri(template: str, member_address: str) -> str:
    """The List-Unsubscribe URI, with ``{address}`` replaced by the member's (URL-quoted)."""
    return template.replace("{address}", quote(member_address, safe="@"))


def _address(name: str, address: str, what: str) -> Address:
    try:
        return Address(display_name=header_text(name, MAX_DISPLAY_NAME), addr_spec=address)
    except (ValueError, IndexError) as exc:
        raise ConfigError(f"{what}: {address!r} is not a usable e-mail address ({exc})") from None


def compose(rendered: RenderedMail, digest: Digest, member: Member, config: DigestConfig,
            *, date: datetime) -> EmailMessage:
    """The digest message for ``member``: text and HTML alternatives, headers set and safe.

    Raises ConfigError when ``config.from_address`` is missing or unusable.
    """
    sender = _address(config.from_name, config.sender(), "digest.from_address")
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = _address(member.name, member.address, f"member {member.name!r}")
    if config.reply_to:
        message["Reply-To"] = _address("", config.reply_to, "digest.reply_to")
    message["Subject"] = header_text(rendered.subject)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = digest_message_id(digest, member.address, sender.domain)
    message["List-Id"] = list_id(digest)
    if config.list_unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe_uri(config.list_unsubscribe, member.address)}>"
    # RFC 3834: tells vacation responders and ticket systems not to answer.
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "OOF, AutoReply"
    # Quoted-printable keeps every line short and 7-bit, whatever the server supports.
    message.set_content(rendered.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(rendered.html, subtype="html", charset="utf-8",
                            cte="quoted-printable")
    return message
