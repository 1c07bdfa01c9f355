"""Read new messages from an IMAP folder, in UID order and in batches.

:class:`ImapSource` keeps one connection open across calls. Each
:meth:`ImapSource.fetch_new` call costs:

* nothing new: one ``STATUS (UIDVALIDITY UIDNEXT)`` command (~0.2 ms on loopback);
* new messages: ``EXAMINE`` (read-only SELECT), one ``UID SEARCH``, one
  ``UID FETCH (BODY.PEEK[] INTERNALDATE RFC822.SIZE)`` per ``batch_size`` messages,
  and ``UNSELECT``.

Why STATUS on an unselected folder rather than NOOP/SEARCH on a selected one: a
selected folder's view is only brought up to date at the end of a command, so a
``UID SEARCH`` on a long-open selection misses messages that arrived since the
previous command, and RFC 3501 forbids STATUS as a new-mail check on the selected
folder. Unselecting after each fetch keeps the cheap STATUS check valid, and STATUS
also sees a UIDVALIDITY change at once.

Nothing is ever written: the folder is opened with EXAMINE and bodies are fetched
with BODY.PEEK, so ``\\Seen`` stays as it was.
"""

from __future__ import annotations

import imaplib
import logging
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from iscg_mailbot.errors import AuthenticationError, SourceError
from iscg_mailbot.records import MailboxState, Provenance, RawBatch, RawMessage
from iscg_mailbot.settings.main import MailboxConfig

logger = logging.getLogger("iscg_mailbot.source.imap")

FETCH_ITEMS = [b"BODY.PEEK[]", b"INTERNALDATE", b"RFC822.SIZE"]

# Errors after which a new connection may succeed. ssl.SSLError is an OSError too;
# certificate failures are singled out before these are retried.


class LoginUnavailable(ConnectionError):
    """The server refused the login for now (RFC 5530 ``[UNAVAILABLE]``): retried like a
    dropped connection, unlike refused credentials."""


NETWORK_ERRORS: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.abort)


class ImapSource:
    """Fetch new messages of one configured IMAP folder, keeping the connection open.

    ``retry_delay`` is the wait before the second reconnection attempt (the first
    is immediate, since an idle connection closed by the server is the usual cause);
    each later attempt waits twice as long, up to ``max_retry_delay``. At most
    ``config.max_reconnects`` reconnections are tried in a row.

    Example::

        with ImapSource(config, config.password()) as source:
            for batch in source.fetch_new(stored_state):
                save(batch.messages)
                stored_state = batch.state      # commit both, then ask for more
    """

    def __init__(
        self,
        config: MailboxConfig,
        password: str,
        *,
        retry_delay: float = 1.0,
        max_retry_delay: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._password = password
        self._retry_delay = retry_delay
        # The worker lowers it while the mailbox is in a failure streak (said once).
        self.retry_log_level = logging.INFO
        self._max_retry_delay = max_retry_delay
        self._sleep = sleep
        self._client: IMAPClient | None = None

    @property
    def address(self) -> str:
        """``host:port`` as used in messages."""
        return f"{self.config.host}:{self.config.effective_port}"

    # -- public API -----------------------------------------------------------------

    def fetch_new(self, state: MailboxState | None) -> Iterator[RawBatch]:
        """Yield the messages after ``state`` in UID order, ``config.batch_size`` at a time.

        ``state`` is the last stored state (None before the first sync). If its
        UIDVALIDITY is not the folder's, the folder is read again from UID 1 and the
        first batch has ``reset=True`` (when there was a previous UIDVALIDITY). A batch
        is empty only when it records a new UIDVALIDITY of a folder with no messages.
        A poll with nothing new yields nothing.

        On a network error the connection is re-opened (backoff as described on the
        class) and reading resumes after the last *yielded* batch, so the caller must
        store each batch before asking for the next. Raises AuthenticationError at
        once for refused credentials, SourceError after the reconnections run out or
        for any other server refusal.

        Example::

            batches = list(source.fetch_new(MailboxState(uidvalidity=17, last_uid=40)))
            # -> batches of messages with UID > 40, each with state.last_uid = its last UID
        """
        current = state
        failures = 0
        while True:
            try:
                for batch in self._fetch_after(current):
                    current = batch.state
                    failures = 0
                    yield batch
                return
            except NETWORK_ERRORS as exc:
                failures += 1
                self._recover(exc, failures)

    def poll_has_new(self, state: MailboxState | None) -> bool:
        """True when :meth:`fetch_new` would yield something; one STATUS command.

        Example::

            if source.poll_has_new(state):
                ...  # open a transaction and run fetch_new(state)
        """
        failures = 0
        while True:
            try:
                uidvalidity, uidnext = self._status()
                return _needs_fetch(state, uidvalidity, uidnext)
            except NETWORK_ERRORS as exc:
                failures += 1
                self._recover(exc, failures)

    def close(self) -> None:
        """Log out and close the connection (a later call opens a new one)."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - closing a dead connection is not an error
            _shutdown_quietly(client)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- one attempt ----------------------------------------------------------------

    def _fetch_after(self, state: MailboxState | None) -> Iterator[RawBatch]:
        """One attempt at fetch_new: network errors propagate to the retry loop."""
        uidvalidity, uidnext = self._status()
        if not _needs_fetch(state, uidvalidity, uidnext):
            logger.debug("%s %s: nothing new", self.address, self.config.folder)
            return
        client = self._connection()
        selected = self._examine(client)
        try:
            # EXAMINE's values describe exactly the view SEARCH and FETCH work on.
            uidvalidity = int(selected[b"UIDVALIDITY"])
            previous = state.uidvalidity if state is not None else None
            if previous == uidvalidity and state is not None:
                after, reset = state.last_uid, False
            else:
                after, reset = 0, previous is not None
                if reset:
                    logger.warning(
                        "%s %s: UIDVALIDITY changed from %s to %s; reading the folder again",
                        self.address, self.config.folder, previous, uidvalidity,
                    )
            uids = self._uids_after(client, after)
            if not uids:
                if previous != uidvalidity:
                    # Record the new UIDVALIDITY so the next poll is a plain STATUS.
                    yield RawBatch((), MailboxState(uidvalidity, 0), reset=reset)
                return
            for start in range(0, len(uids), self.config.batch_size):
                chunk = uids[start:start + self.config.batch_size]
                messages = self._fetch_chunk(client, uidvalidity, chunk)
                yield RawBatch(
                    messages, MailboxState(uidvalidity, chunk[-1]), reset=reset and start == 0
                )
        finally:
            self._unselect(client)

    def _status(self) -> tuple[int, int]:
        client = self._connection()
        try:
            status = client.folder_status(self.config.folder, [b"UIDVALIDITY", b"UIDNEXT"])
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:
            raise SourceError(
                f"IMAP {self.address}: cannot read folder {self.config.folder!r}: "
                f"{_server_text(exc)}"
            ) from None
        return int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])

    def _examine(self, client: IMAPClient) -> dict[bytes, Any]:
        try:
            return dict(client.select_folder(self.config.folder, readonly=True))
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:
            raise SourceError(
                f"IMAP {self.address}: cannot open folder {self.config.folder!r}: "
                f"{_server_text(exc)}"
            ) from None

    def _uids_after(self, client: IMAPClient, after: int) -> list[int]:
        # "n:*" always matches the highest UID, even when it is below n (RFC 3501
        # 6.4.8), so the last stored message comes back on every search: drop it.
        found = client.search(["UID", f"{after + 1}:*"])
        return sorted(uid for uid in (int(u) for u in found) if uid > after)

    def _fetch_chunk(
        self, client: IMAPClient, uidvalidity: int, chunk: Sequence[int]
    ) -> tuple[RawMessage, ...]:
        started = time.perf_counter()
        response = client.fetch(list(chunk), FETCH_ITEMS)
        messages = []
        size = 0
        for uid in chunk:
            data = response.get(uid)
            if data is None:
                # Expunged between SEARCH and FETCH: it is gone, nothing to keep.
                logger.info("%s %s: UID %d vanished before it was fetched",
                            self.address, self.config.folder, uid)
                continue
            body = data.get(b"BODY[]")
            if body is None:
                # A server that cannot produce the bytes; an empty message reaches
                # quarantine with a reason instead of disappearing silently.
                logger.warning("%s %s: server returned no body for UID %d",
                               self.address, self.config.folder, uid)
                body = b""
            size += len(body)
            messages.append(
                RawMessage(
                    data=bytes(body),
                    provenance=Provenance(
                        mailbox=self.config.name, uidvalidity=uidvalidity, uid=uid
                    ),
                    received_at=_as_utc(data.get(b"INTERNALDATE")),
                )
            )
        logger.debug(
            "%s %s: fetched UIDs %d-%d (%d messages, %d bytes) in %.3fs",
            self.address, self.config.folder, chunk[0], chunk[-1], len(messages), size,
            time.perf_counter() - started,
        )
        return tuple(messages)

    def _unselect(self, client: IMAPClient) -> None:
        """Leave the folder (EXAMINE'd, so nothing is expunged); drop the link on error."""
        still_open = self._client is client
        if not still_open:
            return
        try:
            if client.has_capability("UNSELECT"):
                client.unselect_folder()
            else:
                client.close_folder()
        except Exception:  # noqa: BLE001 - may run while another error propagates
            self._drop_connection()

    # -- connection -----------------------------------------------------------------

    def _connection(self) -> IMAPClient:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> IMAPClient:
        config = self.config
        context = self._ssl_context()
        client = IMAPClient(
            config.host,
            config.effective_port,
            ssl=config.security == "ssl",
            ssl_context=context,
            timeout=config.timeout_seconds,
        )
        try:
            if config.security == "starttls":
                if not client.has_capability("STARTTLS"):
                    raise SourceError(
                        f"IMAP {self.address}: the server does not offer STARTTLS; "
                        "use security = 'ssl' (port 993) or ask the provider"
                    )
                client.starttls(context)
            client.normalise_times = False  # keep INTERNALDATE's own offset
            try:
                client.login(config.username, self._password)
            except LoginError as exc:
                if "[UNAVAILABLE]" in _server_text(exc).upper():
                    raise LoginUnavailable(
                        f"login refused for now: {self._redact(_server_text(exc))}"
                    ) from None
                raise AuthenticationError(
                    f"IMAP login failed for user {config.username} on {self.address}: "
                    f"{self._redact(_server_text(exc))}"
                ) from None
        except BaseException:
            _shutdown_quietly(client)
            raise
        logger.info("connected to %s as %s (%s)", self.address, config.username, config.security)
        return client

    def _ssl_context(self) -> ssl.SSLContext | None:
        if self.config.security == "plain":
            return None
        context = ssl.create_default_context(cafile=self.config.ca_file)
        if not self.config.verify_certificate:
            logger.warning("%s: TLS certificate NOT verified (verify_certificate = false)",
                           self.address)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def _drop_connection(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            _shutdown_quietly(client)

    def _recover(self, exc: BaseException, failures: int) -> None:
        """Drop the connection after a failure; a certificate that does not verify is
        final (retrying cannot fix it), anything else waits for the next attempt."""
        self._drop_connection()
        if isinstance(exc, ssl.SSLCertVerificationError):
            raise self._certificate_error(exc) from None
        self._wait_before_retry(failures, exc)

    def _wait_before_retry(self, failures: int, exc: BaseException) -> None:
        limit = self.config.max_reconnects
        if failures > limit:
            raise SourceError(
                f"IMAP {self.address}: {_describe(exc)} "
                f"(gave up after {limit} reconnection attempt{'' if limit == 1 else 's'})"
            ) from None
        delay = 0.0 if failures == 1 else min(
            self._retry_delay * 2 ** (failures - 2), self._max_retry_delay
        )
        # Not a warning: the attempt either succeeds or ends in one SourceError that the
        # caller reports (the CLI as its one error line, the worker once per streak).
        logger.log(self.retry_log_level, "%s: %s; reconnecting in %.1fs (attempt %d of %d)",
                   self.address, _describe(exc), delay, failures, limit)
        if delay:
            self._sleep(delay)

    def _certificate_error(self, exc: ssl.SSLCertVerificationError) -> SourceError:
        reason = exc.verify_message or exc.reason or str(exc)
        return SourceError(
            f"IMAP {self.address}: TLS certificate verification failed ({reason}); "
            "set ca_file to the certificate authority of the server, or "
            "verify_certificate = false to skip the check (insecure)"
        )

    def _redact(self, text: str) -> str:
        # Servers do not echo passwords, but a message must never carry one.
        return text.replace(self._password, "***") if self._password else text


def _needs_fetch(state: MailboxState | None, uidvalidity: int, uidnext: int) -> bool:
    """Whether a folder with this STATUS holds something after ``state``."""
    if state is None or state.uidvalidity != uidvalidity:
        return True  # new or changed UIDVALIDITY must be recorded, even when empty
    return uidnext > state.last_uid + 1


def _as_utc(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        # imapclient gives naive times only when normalise_times is on; be safe.
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _server_text(exc: BaseException) -> str:
    """The server's words from an imaplib/imapclient error, without b'...' wrapping."""
    text = str(exc).strip()
    for prefix in ("b'", 'b"'):
        if text.startswith(prefix) and text.endswith(prefix[-1]):
            text = text[2:-1]
    return " ".join(text.split()) or type(exc).__name__


def _describe(exc: BaseException) -> str:
    """One line for a network error: 'connection refused', 'timed out', ..."""
    if isinstance(exc, imaplib.IMAP4.abort):
        return f"connection lost ({_server_text(exc)})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return _server_text(exc)


def _shutdown_quietly(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception as exc:  # noqa: BLE001 - the socket may already be gone
        logger.debug("closing the IMAP socket: %s", exc)
