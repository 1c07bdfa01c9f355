"""A loopback TCP proxy that a test controls: forward, drop, refuse, slow down.

:class:`TcpProxy` listens on 127.0.0.1:<free port> and forwards each connection to a
target (the test Dovecot). The test can, at any moment:

* :meth:`TcpProxy.drop_all` — reset every open connection (RST, as a crashed server
  or a broken NAT would), mid-stream;
* :attr:`TcpProxy.drop_after_bytes` — reset each connection once that many bytes went
  from the server to the client through it (a drop in the middle of a FETCH reply,
  at a point the test chooses);
* :meth:`TcpProxy.refuse` / :meth:`TcpProxy.accept` / :meth:`TcpProxy.refuse_for` —
  close the listening socket so connections are refused (ECONNREFUSED), then listen
  again on the same port;
* :attr:`TcpProxy.latency` — wait that long before forwarding each chunk, in both
  directions (a slow or stalled server);
* :attr:`TcpProxy.refuse_logins` — answer new connections itself, as an IMAP server
  whose authentication backend is down: a greeting, then ``NO [UNAVAILABLE]`` (RFC
  5530 "temporary failure") to LOGIN and every other command.

Why hand-written rather than toxiproxy: toxiproxy is a Go server plus a client, not
installed here; these four faults need ~200 lines of stdlib sockets and threads.

Example::

    with TcpProxy("127.0.0.1", dovecot.port) as proxy:
        config = dovecot.mailbox_config(port=proxy.port)
        proxy.drop_after_bytes = 200_000     # every connection dies after ~200 KB
        ...
        proxy.refuse_for(1.0)                # connections refused for a second
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from typing import Self

HOST = "127.0.0.1"
_CHUNK = 65536


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0) so the peer sees 'connection reset', not a clean EOF."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # close() alone does not wake a thread blocked in recv() on this socket (and so
        # sends nothing until it returns); SHUT_RD wakes it without sending a FIN.
        sock.shutdown(socket.SHUT_RD)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        sock.close()


class _Link:
    """One proxied connection: the client's socket and ours to the target."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client = client
        self.upstream = upstream
        self.down_bytes = 0  # server -> client
        self.closed = threading.Event()
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            if self.closed.is_set():
                return
            self.closed.set()
            _reset(self.client)
            _reset(self.upstream)


class TcpProxy:
    """Forward 127.0.0.1:``port`` to ``target_host:target_port`` under the test's control.

    ``connections`` counts accepted connections (each reconnection of a client adds
    one); ``refused`` counts connection attempts made while refusing is not countable
    (the kernel answers them), so tests look at ``connections`` and their own clock.
    """

    def __init__(self, target_host: str, target_port: int, *, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self.latency = 0.0
        self.drop_after_bytes: int | None = None
        self.refuse_logins = False
        self.connections = 0
        self.drops = 0
        self._requested_port = port
        self.port = 0
        self._listener: socket.socket | None = None
        self._links: set[_Link] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._accept_thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None

    # -- life cycle -----------------------------------------------------------------

    def start(self) -> TcpProxy:
        """Listen and start forwarding; returns self."""
        self._stopping.clear()
        self._listen()
        return self

    def stop(self) -> None:
        """Stop listening and reset every connection."""
        self._stopping.set()
        if self._timer is not None:
            self._timer.cancel()
        self._close_listener()
        self.drop_all()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- faults ---------------------------------------------------------------------

    def drop_all(self) -> int:
        """Reset every open connection now; return how many there were."""
        with self._lock:
            links, self._links = list(self._links), set()
        for link in links:
            link.reset()
        self.drops += len(links)
        return len(links)

    def refuse(self) -> None:
        """Stop listening (new connections get ECONNREFUSED) and drop the open ones."""
        self._close_listener()
        self.drop_all()

    def accept(self) -> None:
        """Listen again on the same port after :meth:`refuse`."""
        if self._listener is None and not self._stopping.is_set():
            self._listen()

    def refuse_for(self, seconds: float) -> None:
        """Refuse now and accept again after ``seconds`` (in the background)."""
        self.refuse()
        self._timer = threading.Timer(seconds, self.accept)
        self._timer.daemon = True
        self._timer.start()

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._links)

    # -- internals ------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        port = self.port or self._requested_port
        deadline = time.monotonic() + 5
        while True:
            try:
                listener.bind((HOST, port))
                break
            except OSError:
                if not port or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)  # the same port, just released
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._accept_thread = threading.Thread(
            target=self._accept_loop, args=(listener,), name="tcp-proxy-accept", daemon=True
        )
        self._accept_thread.start()

    def _close_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
            listener.close()
        thread = self._accept_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2)

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # listener closed: refuse() or stop()
            if self.refuse_logins:
                threading.Thread(
                    target=_unavailable_imap, args=(client,), name="tcp-proxy-no-login",
                    daemon=True,
                ).start()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _reset(client)
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link(client, upstream)
            with self._lock:
                self._links.add(link)
                self.connections += 1
            for source, sink, down in ((client, upstream, False), (upstream, client, True)):
                threading.Thread(
                    target=self._pump, args=(link, source, sink, down),
                    name="tcp-proxy-pump", daemon=True,
                ).start()

    def _pump(self, link: _Link, source: socket.socket, sink: socket.socket, down: bool) -> None:
        try:
            while not link.closed.is_set():
                data = source.recv(_CHUNK)
                if not data:
                    break
                if self.latency:
                    time.sleep(self.latency)
                if down and self._over_budget(link, data, sink):
                    return
                sink.sendall(data)
        except OSError:
            pass
        # One side closed or failed: end the whole link (as a TCP proxy does).
        self._forget(link)
        link.reset()

    def _over_budget(self, link: _Link, data: bytes, sink: socket.socket) -> bool:
        """Forward up to the byte budget; reset the link and return True when it is spent."""
        limit = self.drop_after_bytes
        if limit is None or link.down_bytes + len(data) <= limit:
            link.down_bytes += len(data)
            return False
        allowed = max(limit - link.down_bytes, 0)
        try:
            if allowed:
                sink.sendall(data[:allowed])
        except OSError:
            pass
        link.down_bytes += allowed
        self._forget(link)
        self.drops += 1
        link.reset()
        return True

    def _forget(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)


def _unavailable_imap(client: socket.socket) -> None:
    """Play an IMAP server that cannot authenticate anyone right now, then hang up."""
    try:
        client.settimeout(10)
        client.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] test proxy ready\r\n")
        reader = client.makefile("rb")
        for line in reader:
            tag, _, rest = line.decode("ascii", "replace").strip().partition(" ")
            command = rest.split(" ", 1)[0].upper()
            if command == "CAPABILITY":
                client.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n"
                               + f"{tag} OK done\r\n".encode())
            elif command == "LOGOUT":
                client.sendall(b"* BYE\r\n" + f"{tag} OK bye\r\n".encode())
                break
            else:
                client.sendall(
                    f"{tag} NO [UNAVAILABLE] Temporary authentication failure\r\n".encode()
                )
    except OSError:
        pass
    finally:
        client.close()
