"""Pytest fixtures for the real test servers.

Register with ``pytest_plugins = ["tests.servers.fixtures"]`` in tests/conftest.py.

``dovecot`` is a fresh :class:`~tests.servers.dovecot.DovecotServer` per test (about
40 ms to start), killed and deleted afterwards. Example::

    def test_sync(dovecot):
        dovecot.append("INBOX", [b"Subject: hi\\r\\n\\r\\nbody\\r\\n"])
        source = ImapSource(dovecot.mailbox_config(), dovecot.password)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import require_service
from tests.servers.dovecot import PASSWORD_ENV, DovecotServer, dovecot_available


@pytest.fixture
def dovecot(monkeypatch: pytest.MonkeyPatch) -> Iterator[DovecotServer]:
    """A running throw-away Dovecot; its password is also in $ISCG_TEST_IMAP_PASSWORD."""
    require_service(dovecot_available(), "dovecot not installed: apt-get install dovecot-imapd")
    with DovecotServer() as server:
        monkeypatch.setenv(PASSWORD_ENV, server.password)
        yield server
