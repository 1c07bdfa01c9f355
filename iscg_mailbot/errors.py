"""The few named errors of iscg-mailbot.

The CLI is the one boundary that turns a :class:`MailbotError` into a single line
``error: ...`` and a non-zero exit; anything else is a bug and shows a traceback.
"""

from __future__ import annotations


class MailbotError(Exception):
    """Base class: a problem the user can act on, described in one line."""


class ConfigError(MailbotError):
    """A configuration file is missing or invalid; the message names file, key and fix."""


class SourceError(MailbotError):
    """A mail source (IMAP server, archive file) cannot be read."""


class AuthenticationError(SourceError):
    """The IMAP or SMTP server refused the credentials (the password is never included)."""


class UnparseableMessage(MailbotError):
    """A message could not be parsed; it is kept in quarantine with this reason."""


class SchemaOutdated(MailbotError):
    """The database schema is missing or older than the code; run ``iscg-mailbot db upgrade``."""


class NotFound(MailbotError):
    """A thread, message or item asked for by ID does not exist."""


class DeliveryError(MailbotError):
    """Sending mail failed. ``temporary`` says whether a retry may succeed (4xx, network)."""

    def __init__(self, message: str, *, temporary: bool) -> None:
        super().__init__(message)
        self.temporary = temporary
