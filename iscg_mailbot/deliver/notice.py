"""Short plain-text notices (deadline reminders, the chair's overdue list) with the same
safe headers as the digest: one-line header values, a stable Message-ID per outbox entry,
Auto-Submitted so that responders stay quiet.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from iscg_mailbot.deliver.compose import MAX_DISPLAY_NAME, header_text
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.settings.members import Member


def notice_message_id(list_key: str, period_key: str, member_address: str, domain: str) -> str:
    """The same outbox entry always gives the same Message-ID (a re-send is recognisable)."""
    identity = f"{list_key}\0{period_key}\0{member_address.lower()}"
    token = hashlib.sha256(identity.encode()).hexdigest()[:20]
    return f"<iscg-{list_key}.{token}@{domain}>"


def compose_notice(*, subject: str, text: str, member: Member, config: DigestConfig,
                   list_key: str, period_key: str, date: datetime) -> EmailMessage:
    """A plain-text notice to ``member`` from the digest's sender; ConfigError without one."""
    try:
        sender = Address(display_name=header_text(config.from_name, MAX_DISPLAY_NAME),
                         addr_spec=config.sender())
        recipient = Address(display_name=header_text(member.name, MAX_DISPLAY_NAME),
                            addr_spec=member.address)
    except (ValueError, IndexError) as exc:
        raise ConfigError(f"not a usable e-mail address ({exc})") from None
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = recipient
    if config.reply_to:
        message["Reply-To"] = config.reply_to
    message["Subject"] = header_text(subject)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = notice_message_id(list_key, period_key, member.address,
                                              sender.domain)
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "OOF, AutoReply"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    return message
