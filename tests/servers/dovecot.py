"""A throw-away Dovecot IMAP server for tests.

:class:`DovecotServer` runs ``/usr/sbin/dovecot -F`` on 127.0.0.1 with its own
configuration, sockets, log and Maildir under one temporary directory. It accepts
plaintext login on loopback and, unless ``tls=False``, also serves IMAPS (and
STARTTLS on the plain port) with a self-signed certificate made by ``openssl``.

It runs as root (CI) or as an ordinary user. Dovecot refuses to run its login
process as root and to access mail as UID 0, so under root the login and internal
processes use the packaged ``dovenull``/``dovecot`` users and mail belongs to
``nobody``; as an ordinary user everything runs as that user, with chrooting off
(the "rootless" setup of the Dovecot documentation).

Example::

    with DovecotServer() as server:
        server.append("INBOX", [b"Subject: hi\\r\\n\\r\\nbody\\r\\n"])
        assert server.uids("INBOX") == [1]
        server.kill()       # drop every connection, as a crash would
        server.restart()    # same port, same mail
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from imapclient import IMAPClient

from iscg_mailbot.settings.main import MailboxConfig

DOVECOT_BINARY = "/usr/sbin/dovecot"
HOST = "127.0.0.1"
PASSWORD_ENV = "ISCG_TEST_IMAP_PASSWORD"


class DovecotError(RuntimeError):
    """The test server could not be started or driven; the message has the log tail."""


def dovecot_available() -> bool:
    """True when the Dovecot binary (Debian package dovecot-imapd) is installed."""
    return os.access(DOVECOT_BINARY, os.X_OK) and shutil.which("doveadm") is not None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class ServiceUsers:
    """The system users Dovecot's processes and mail files run as."""

    login_user: str
    internal_user: str
    internal_group: str
    mail_uid: int
    mail_gid: int

    @classmethod
    def for_current_process(cls) -> ServiceUsers:
        """Privilege-separated users under root, the current user otherwise."""
        if os.geteuid() != 0:
            me = pwd.getpwuid(os.geteuid()).pw_name
            group = grp.getgrgid(os.getegid()).gr_name
            return cls(me, me, group, os.geteuid(), os.getegid())
        nobody = pwd.getpwnam("nobody")
        login = _existing_user("dovenull", "nobody")
        internal = _existing_user("dovecot", "nobody")
        internal_group = grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name
        return cls(login, internal, internal_group, nobody.pw_uid, nobody.pw_gid)


def _existing_user(name: str, fallback: str) -> str:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return fallback
    return name


def render_config(
    root: Path, port: int, tls_port: int | None, users: ServiceUsers
) -> str:
    """The dovecot.conf of a test server rooted at ``root``."""
    tls = tls_port is not None
    ssl_lines = (
        f"ssl = yes\nssl_cert = <{root / 'cert.pem'}\nssl_key = <{root / 'key.pem'}\n"
        if tls
        else "ssl = no\n"
    )
    return f"""# Throw-away test server written by tests/servers/dovecot.py
base_dir = {root / 'run'}
state_dir = {root / 'state'}
log_path = {root / 'dovecot.log'}
protocols = imap
listen = {HOST}
{ssl_lines}disable_plaintext_auth = no
auth_mechanisms = plain login
# Dovecot waits 2 s before answering a wrong password; tests want the answer now.
auth_failure_delay = 0
default_internal_user = {users.internal_user}
default_internal_group = {users.internal_group}
default_login_user = {users.login_user}
first_valid_uid = 1
first_valid_gid = 1
mail_max_userip_connections = 100
mail_location = maildir:~/Maildir
# "/" as hierarchy separator, as most servers use ("Lists/iscg").
namespace inbox {{
  inbox = yes
  separator = /
}}
# Nothing here needs to survive a power cut; a killed server keeps its mail anyway.
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root / 'passwd'}
}}
userdb {{
  driver = static
  args = uid={users.mail_uid} gid={users.mail_gid} home={root / 'home'}/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = {HOST}
    port = {port}
  }}
  inet_listener imaps {{
    address = {HOST}
    port = {tls_port or 0}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  # No per-IP penalty for failed logins: tests try wrong passwords on purpose.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def make_self_signed_certificate(cert_file: Path, key_file: Path) -> None:
    """An EC certificate for 127.0.0.1 and localhost (a few milliseconds with openssl)."""
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", str(key_file), "-out", str(cert_file), "-days", "2",
            "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )


def _parse_uid_set(text: str) -> list[int]:
    """'3:5,9' -> [3, 4, 5, 9] (the UID set of an APPENDUID response)."""
    uids: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition(":")
        uids.extend(range(int(low), int(high or low) + 1))
    return uids


class DovecotServer:
    """A Dovecot on 127.0.0.1 with one user, Maildir storage and no persistent state.

    ``port`` serves plain IMAP (and STARTTLS when ``tls``); ``tls_port`` serves
    IMAPS with the self-signed certificate ``ca_file``. Ports are chosen on the
    first :meth:`start` and kept by :meth:`restart`.
    """

    host = HOST

    def __init__(
        self,
        directory: Path | str | None = None,
        *,
        username: str = "iscg",
        password: str = "test-password",
        tls: bool = True,
        startup_timeout: float = 10.0,
    ) -> None:
        self._own_directory = directory is None
        self.root = Path(directory or tempfile.mkdtemp(prefix="iscg-dovecot-")).resolve()
        self.username = username
        self.password = password
        self.tls = tls
        self.startup_timeout = startup_timeout
        self.port = 0
        self.tls_port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._configured = False

    # -- life cycle -----------------------------------------------------------------

    @property
    def config_file(self) -> Path:
        return self.root / "dovecot.conf"

    @property
    def log_file(self) -> Path:
        return self.root / "dovecot.log"

    @property
    def ca_file(self) -> str:
        """The self-signed server certificate, to pass as ``ca_file``."""
        if not self.tls:
            raise DovecotError("this server was started with tls=False")
        return str(self.root / "cert.pem")

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> DovecotServer:
        """Start the server and wait until it greets clients; returns self."""
        if self.running:
            raise DovecotError("Dovecot is already running")
        if not self._configured:
            self._configure()
            # A free port can be taken by someone else before Dovecot binds it: retry.
            for attempt in range(5):
                try:
                    self._spawn()
                    return self
                except DovecotError:
                    if attempt == 4:
                        raise
                    self._pick_ports()
                    self.config_file.write_text(self._render())
        # Same ports on restart; a port just released may take a moment to be free.
        deadline = time.monotonic() + self.startup_timeout
        while True:
            try:
                self._spawn()
                return self
            except DovecotError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        """Shut down cleanly (SIGTERM); Dovecot's log process makes this take ~1 s."""
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        self._kill_group(process.pid)
        process.wait()
        self._process = None

    def kill(self) -> None:
        """SIGKILL the master and all its children at once, as a crash would."""
        process = self._process
        if process is None:
            return
        self._kill_group(process.pid)
        process.wait()
        self._process = None

    def freeze(self) -> None:
        """SIGSTOP every Dovecot process: connections stay open but nothing answers.

        The kernel still accepts new TCP connections, so clients hang until their
        timeout, as with a stuck server. :meth:`thaw` resumes.
        """
        if self._process is not None:
            os.killpg(self._process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        """Resume after :meth:`freeze`."""
        if self._process is not None:
            os.killpg(self._process.pid, signal.SIGCONT)

    def restart(self) -> DovecotServer:
        """Stop if running, then start again on the same ports with the same mail."""
        if self.running:
            self.stop()
        else:
            self.kill()
        return self.start()

    def cleanup(self) -> None:
        """Kill the server and delete its directory (if this object created it)."""
        self.kill()
        if self._own_directory:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cleanup()

    def log_text(self) -> str:
        """The server log so far (empty if none)."""
        try:
            return self.log_file.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    # -- mail -----------------------------------------------------------------------

    @contextmanager
    def client(self) -> Iterator[IMAPClient]:
        """A logged-in IMAPClient on the plain port, logged out afterwards."""
        client = IMAPClient(self.host, self.port, ssl=False, timeout=10)
        try:
            client.login(self.username, self.password)
            yield client
        finally:
            try:
                client.logout()
            except Exception:  # noqa: BLE001 - the server may be gone (kill tests)
                client.shutdown()

    def append(
        self,
        folder: str,
        messages: Sequence[bytes],
        flags: Iterable[str] = (),
        internaldate: datetime | None = None,
    ) -> list[int]:
        """APPEND messages (creating the folder if needed); returns their new UIDs.

        Uses MULTIAPPEND, so thousands of messages take well under a second.
        """
        flag_tuple = tuple(flags)
        uids: list[int] = []
        with self.client() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for start in range(0, len(messages), 500):
                items: list[dict[str, Any]] = []
                for data in messages[start:start + 500]:
                    item: dict[str, Any] = {"msg": data, "flags": flag_tuple}
                    if internaldate is not None:
                        item["date"] = internaldate
                    items.append(item)
                response = client.multiappend(folder, items)
                uids.extend(self._appended_uids(response))
        return uids

    @staticmethod
    def _appended_uids(response: Any) -> list[int]:
        # imapclient returns MULTIAPPEND's answer as (typ, [text]).
        if isinstance(response, tuple):
            response = response[1][-1]
        text = response.decode() if isinstance(response, bytes) else str(response)
        # "[APPENDUID <uidvalidity> <uid-set>] Append completed."
        marker = "[APPENDUID "
        if marker not in text:
            raise DovecotError(f"APPEND response without APPENDUID: {text}")
        fields = text.split(marker, 1)[1].split("]", 1)[0].split()
        return _parse_uid_set(fields[1])

    def expunge(self, folder: str, uids: Sequence[int]) -> None:
        """Delete these messages for good (\\Deleted + UID EXPUNGE)."""
        with self.client() as client:
            client.select_folder(folder)
            client.delete_messages(list(uids))
            client.uid_expunge(list(uids))

    def uids(self, folder: str = "INBOX") -> list[int]:
        """All UIDs in the folder, ascending."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            return sorted(int(uid) for uid in client.search("ALL"))

    def flags(self, folder: str = "INBOX") -> dict[int, frozenset[str]]:
        """UID -> set of flags (``"\\\\Seen"`` ...) of every message in the folder."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            fetched = client.fetch(uids, ["FLAGS"]) if uids else {}
            return {
                int(uid): frozenset(
                    flag.decode() if isinstance(flag, bytes) else str(flag)
                    for flag in data[b"FLAGS"]
                )
                for uid, data in fetched.items()
            }

    def uidvalidity(self, folder: str = "INBOX") -> int:
        """The folder's current UIDVALIDITY."""
        with self.client() as client:
            status = client.folder_status(folder, [b"UIDVALIDITY"])
            return int(status[b"UIDVALIDITY"])

    def recreate_folder(self, folder: str = "INBOX") -> int:
        """Give the folder a new UIDVALIDITY with the same messages; returns it.

        Any folder but INBOX is deleted, created again and refilled (UIDs restart at 1).
        INBOX cannot be deleted in IMAP, so its UIDVALIDITY is raised with
        ``doveadm mailbox update`` (UIDs kept), as after a server-side index rebuild.
        """
        old = self.uidvalidity(folder)
        if folder.upper() == "INBOX":
            self._doveadm(
                "mailbox", "update", "-u", self.username,
                "--uid-validity", str(old + 1), folder,
            )
        else:
            with self.client() as client:
                client.select_folder(folder, readonly=True)
                uids = client.search("ALL")
                fetched = (
                    client.fetch(uids, ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"]) if uids else {}
                )
                client.unselect_folder()
                client.delete_folder(folder)
                client.create_folder(folder)
                items = [
                    {
                        "msg": fetched[uid][b"BODY[]"],
                        "flags": tuple(f for f in fetched[uid][b"FLAGS"] if f != b"\\Recent"),
                        "date": fetched[uid][b"INTERNALDATE"],
                    }
                    for uid in sorted(fetched)
                ]
                if items:
                    client.multiappend(folder, items)
        new = self.uidvalidity(folder)
        if new == old:
            raise DovecotError(f"UIDVALIDITY of {folder} did not change ({old})")
        return new

    def mailbox_config(self, security: str = "plain", **overrides: Any) -> MailboxConfig:
        """A MailboxConfig pointing at this server; the password is in $ISCG_TEST_IMAP_PASSWORD.

        ``security`` "plain" and "starttls" use ``port``, "ssl" uses ``tls_port``;
        TLS modes trust ``ca_file``. Example::

            config = server.mailbox_config(batch_size=2)
            source = ImapSource(config, server.password)
        """
        values: dict[str, Any] = {
            "name": "test",
            "list": "test",
            "host": self.host,
            "port": self.tls_port if security == "ssl" else self.port,
            "security": security,
            "username": self.username,
            "password_env": PASSWORD_ENV,
            "timeout_seconds": 5.0,
        }
        if security != "plain":
            values["ca_file"] = self.ca_file
        values.update(overrides)
        return MailboxConfig(**values)

    # -- internals ------------------------------------------------------------------

    def _configure(self) -> None:
        users = ServiceUsers.for_current_process()
        for name in ("run", "state", "home"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            # Login and auth processes (dovenull/dovecot) must reach base_dir and the
            # passwd file; mail processes (nobody) must create the Maildir.
            self.root.chmod(0o755)
            os.chown(self.root / "home", users.mail_uid, users.mail_gid)
        passwd = self.root / "passwd"
        passwd.write_text(f"{self.username}:{{PLAIN}}{self.password}\n")
        passwd.chmod(0o644)
        if self.tls:
            make_self_signed_certificate(self.root / "cert.pem", self.root / "key.pem")
        self._users = users
        self._pick_ports()
        self.config_file.write_text(self._render())
        self._configured = True

    def _pick_ports(self) -> None:
        self.port = free_port()
        self.tls_port = free_port() if self.tls else None
        while self.tls_port == self.port:
            self.tls_port = free_port()

    def _render(self) -> str:
        return render_config(self.root, self.port, self.tls_port, self._users)

    def _spawn(self) -> None:
        # A killed master leaves its pid file; a reused PID would make Dovecot refuse.
        (self.root / "run" / "master.pid").unlink(missing_ok=True)
        process = subprocess.Popen(
            [DOVECOT_BINARY, "-F", "-c", str(self.config_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so kill() reaches every child
        )
        self._process = process
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self._process = None
                raise DovecotError(
                    f"dovecot exited with status {process.returncode}:\n{self._log_tail()}"
                )
            if self._greets():
                return
            time.sleep(0.005)
        self.kill()
        raise DovecotError(f"dovecot did not greet within {self.startup_timeout}s:\n"
                           f"{self._log_tail()}")

    def _greets(self) -> bool:
        """True once imap-login answers with its greeting (i.e. auth is ready too)."""
        try:
            with socket.create_connection((self.host, self.port), timeout=1) as sock:
                return sock.recv(64).startswith(b"* OK")
        except OSError:
            return False

    def _kill_group(self, pid: int) -> None:
        with suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)

    def _doveadm(self, *args: str) -> None:
        result = subprocess.run(
            ["doveadm", "-c", str(self.config_file), *args],
            check=False,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise DovecotError(f"doveadm {' '.join(args)} failed: {result.stderr.strip()}")

    def _log_tail(self, lines: int = 15) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])
