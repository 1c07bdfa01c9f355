"""A throw-away SMTP server for tests: aiosmtpd on 127.0.0.1:<free port>.

The handler records every accepted envelope with its raw bytes, and can be told to
answer the next N messages with a 4xx or 5xx reply (at RCPT or at end of DATA), or
take them and drop the connection before replying (:meth:`SmtpTestServer.drop_next`).
:meth:`SmtpTestServer.refuse_connections` closes the port (connection refused)
until :meth:`SmtpTestServer.accept_connections`. Optional STARTTLS/implicit TLS with a
self-signed certificate and AUTH LOGIN/PLAIN with one user.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

DROP = "drop"


@dataclass(frozen=True)
class Received:
    """One message the server accepted: envelope and raw bytes as received."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes

    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class _Failure:
    code: str
    count: int
    stage: str  # "rcpt" or "data"


@dataclass
class RecordingHandler:
    """aiosmtpd handler: keeps what it accepts, fails on demand."""

    received: list[Received] = field(default_factory=list)
    attempts: int = 0
    _failures: list[_Failure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, count: int, reply: str, stage: str = "data") -> None:
        """Answer the next ``count`` messages with ``reply`` (e.g. ``"451 4.3.0 try later"``)."""
        assert stage in {"rcpt", "data"}
        with self._lock:
            self._failures.append(_Failure(reply, count, stage))

    def drop_next(self, count: int) -> None:
        """Take the next ``count`` messages, then close the connection without replying:
        the client cannot know whether they were accepted."""
        self.fail_next(count, DROP, "data")

    def _take_failure(self, stage: str) -> str | None:
        with self._lock:
            for failure in self._failures:
                if failure.stage == stage and failure.count > 0:
                    failure.count -= 1
                    return failure.code
        return None

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        failure = self._take_failure("rcpt")
        if failure is not None:
            self.attempts += 1
            return failure
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        failure = self._take_failure("data")
        if failure is not None and failure != DROP:
            return failure
        data = envelope.original_content or envelope.content
        with self._lock:
            self.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos),
                                          bytes(data)))
        if failure == DROP:
            server.transport.close()
        return "250 2.0.0 queued"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1/localhost (cert.pem, key.pem), via openssl."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


class SmtpTestServer:
    """An aiosmtpd server in a thread; ``with SmtpTestServer() as server: server.port``."""

    def __init__(self, *, tls: str | None = None, certificate: tuple[Path, Path] | None = None,
                 user: tuple[str, str] | None = None) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self.handler = RecordingHandler()
        self.tls = tls  # None, "starttls" or "ssl"
        self.user = user
        self.logins: list[str] = []
        self._context: ssl.SSLContext | None = None
        if tls is not None:
            assert certificate is not None, "TLS needs a certificate (make_certificate)"
            self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._context.load_cert_chain(str(certificate[0]), str(certificate[1]))
        self._controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def fail_next(self, count: int, reply: str, stage: str = "data") -> None:
        self.handler.fail_next(count, reply, stage)

    def drop_next(self, count: int) -> None:
        self.handler.drop_next(count)

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str,
                      auth_data: Any) -> AuthResult:
        if isinstance(auth_data, LoginPassword) and self.user is not None:
            login = auth_data.login.decode()
            if (login, auth_data.password.decode()) == self.user:
                self.logins.append(login)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def _make_controller(self) -> Controller:
        kwargs: dict[str, Any] = {"hostname": self.host, "port": self.port,
                                  "ready_timeout": 5.0}
        if self.tls == "ssl":
            kwargs["ssl_context"] = self._context
        elif self.tls == "starttls":
            kwargs["tls_context"] = self._context
            kwargs["require_starttls"] = True
        if self.user is not None:
            kwargs["authenticator"] = self._authenticate
            kwargs["auth_require_tls"] = self.tls is not None
        return Controller(self.handler, **kwargs)

    def start(self) -> None:
        """Listen on ``port`` (the same port after a refuse/accept cycle)."""
        if self._controller is None:
            self._controller = self._make_controller()
            self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def refuse_connections(self) -> None:
        """Close the listening socket: connecting now fails with 'connection refused'."""
        self.stop()

    def accept_connections(self) -> None:
        self.start()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
