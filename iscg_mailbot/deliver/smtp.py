"""Send composed messages through one SMTP server, classifying every failure.

:class:`SmtpSender` connects on the first :meth:`~SmtpSender.send` (so a run with
nothing to send never opens a connection), keeps the session for the following
messages and reconnects once when an idle session was dropped. Failures become:

- :class:`SmtpConnectionError` (a :class:`DeliveryError`): the server could not be
  reached, TLS failed or the session was refused. Nothing is known about the
  recipient, so the caller should stop and retry the whole run later.
- :class:`DeliveryUncertain` (a temporary :class:`DeliveryError`): the connection
  broke after the message data started to flow; the server may have accepted it.
- :class:`DeliveryError` with ``temporary=True``: a 4xx answer for this message.
- :class:`DeliveryError` with ``temporary=False``: a 5xx answer for this message.
- :class:`AuthenticationError`: the server refused the credentials.

The password is read only when connecting and never appears in a message or log.

>>> with SmtpSender(settings.smtp) as sender:           # doctest: +SKIP
...     sender.send(message)
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import getaddresses
from types import TracebackType
from typing import Any, Self

from iscg_mailbot.errors import AuthenticationError, DeliveryError
from iscg_mailbot.settings.delivery import SmtpConfig

log = logging.getLogger(__name__)


class SmtpConnectionError(DeliveryError):
    """The SMTP server could not be reached or refused the session; nothing was sent."""


class DeliveryUncertain(DeliveryError):
    """The session broke during DATA: the server may or may not have taken the message."""


class _DataTracking(smtplib.SMTP):
    # Remembers whether the DATA command was started, which is what separates "surely
    # not sent" from "perhaps sent" when the connection breaks mid-transaction.
    data_started = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        self.data_started = True
        return super().data(msg)


class _SMTP(_DataTracking):
    pass


class _SMTP_SSL(_DataTracking, smtplib.SMTP_SSL):
    pass


def _text(response: bytes | str) -> str:
    raw = response.decode("utf-8", "replace") if isinstance(response, bytes) else str(response)
    return " ".join(raw.split())


def _is_temporary(code: int) -> bool:
    # 4xx are transient by definition; anything outside 4xx/5xx (e.g. -1 for a
    # garbled reply) is treated as transient as well: a retry costs little.
    return not 500 <= code < 600


class SmtpSender:
    """A lazily opened SMTP session (STARTTLS or SSL with certificate checks, optional AUTH)."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._smtp: _DataTracking | None = None

    @property
    def where(self) -> str:
        return f"{self.config.host}:{self.config.effective_port}"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=self.config.ca_file)
        if not self.config.verify_certificate:
            # Allowed by SmtpConfig only for a server on the loopback interface.
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def connect(self) -> None:
        """Open the session now (``send`` does it on demand); idempotent."""
        if self._smtp is not None:
            return
        config = self.config
        password = config.password() if config.username else None
        try:
            smtp: _DataTracking
            if config.security == "ssl":
                smtp = _SMTP_SSL(config.host, config.effective_port,
                                        local_hostname=config.local_hostname,
                                        timeout=config.timeout_seconds,
                                        context=self._tls_context())
            else:
                smtp = _SMTP(config.host, config.effective_port,
                                    local_hostname=config.local_hostname,
                                    timeout=config.timeout_seconds)
            try:
                smtp.ehlo()
                if config.security == "starttls":
                    smtp.starttls(context=self._tls_context())
                    smtp.ehlo()
                if config.username:
                    assert password is not None
                    smtp.login(config.username, password)
            except BaseException:
                smtp.close()
                raise
        except smtplib.SMTPAuthenticationError as exc:
            raise AuthenticationError(
                f"smtp {self.where}: login as {config.username!r} refused: "
                f"{exc.smtp_code} {_text(exc.smtp_error)}") from None
        except smtplib.SMTPNotSupportedError as exc:
            raise SmtpConnectionError(
                f"smtp {self.where}: {exc}; check 'security' (ssl/starttls) and 'username'",
                temporary=True) from None
        except smtplib.SMTPResponseException as exc:
            raise SmtpConnectionError(
                f"smtp {self.where}: session refused: {exc.smtp_code} {_text(exc.smtp_error)}",
                temporary=_is_temporary(exc.smtp_code)) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise SmtpConnectionError(f"smtp {self.where}: cannot connect: {_describe(exc)}",
                                      temporary=True) from None
        log.info("smtp connected", extra={"server": self.where, "security": config.security})
        self._smtp = smtp

    def _live_session(self) -> _DataTracking:
        if self._smtp is not None:
            try:
                # A session left idle (between digests, or after a slow build) may have
                # been dropped by the server; find out before handing it a message.
                code, _ = self._smtp.noop()
                if code == 250:
                    return self._smtp
            except (smtplib.SMTPException, OSError):
                pass
            self.close()
        self.connect()
        assert self._smtp is not None
        return self._smtp

    def send(self, message: EmailMessage, *, sender: str | None = None,
             recipients: Sequence[str] | None = None) -> None:
        """Hand ``message`` to the server; return once the server has accepted it.

        The envelope defaults to the From and To/Cc addresses of the message.
        Raises DeliveryError (temporary or permanent), SmtpConnectionError or
        AuthenticationError.
        """
        envelope_from = sender or getaddresses([str(message["From"])])[0][1]
        envelope_to = list(recipients or [
            address for _, address in getaddresses(
                [str(value) for key in ("To", "Cc") for value in message.get_all(key, [])])])
        smtp = self._live_session()
        smtp.data_started = False
        try:
            smtp.send_message(message, from_addr=envelope_from, to_addrs=envelope_to)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            raise DeliveryError(
                f"smtp {self.where}: recipient refused: {code} {_text(text)}",
                temporary=_is_temporary(code)) from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(
                f"smtp {self.where}: message refused: {exc.smtp_code} {_text(exc.smtp_error)}",
                temporary=_is_temporary(exc.smtp_code)) from None
        except (smtplib.SMTPException, OSError) as exc:
            # SMTPServerDisconnected, timeouts, resets: what the server did is unknown
            # once DATA has started.
            started = smtp.data_started
            self.close()
            if started:
                raise DeliveryUncertain(
                    f"smtp {self.where}: connection lost during DATA ({_describe(exc)}); "
                    "the server may have accepted the message", temporary=True) from None
            raise SmtpConnectionError(f"smtp {self.where}: connection lost before the message "
                                      f"was sent: {_describe(exc)}", temporary=True) from None
        log.info("smtp accepted", extra={"server": self.where,
                                          "message_id": str(message["Message-ID"]),
                                          "recipients": len(envelope_to)})

    def close(self) -> None:
        """End the session politely if possible; safe to call twice."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({exc.verify_message}); set ca_file for a private CA"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
