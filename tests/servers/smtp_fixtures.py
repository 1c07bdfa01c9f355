"""Pytest fixtures around :class:`SmtpTestServer` (register with ``pytest_plugins = ["tests.servers.smtp_fixtures"]``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.smtp import SmtpTestServer, make_certificate


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    """A plain SMTP server on 127.0.0.1:<free port>, recording what it accepts."""
    with SmtpTestServer() as server:
        yield server


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (cert.pem, key.pem), made once per session."""
    return make_certificate(tmp_path_factory.mktemp("smtp-tls"))
