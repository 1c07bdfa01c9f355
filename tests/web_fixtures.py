"""Pytest fixtures for the website tests (registered in tests/conftest.py's ``pytest_plugins``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from iscg_mailbot.services.app import App
from tests.servers.smtp import SmtpTestServer
from tests.web_helpers import client_for, web_app


@pytest.fixture
def web_site(engine: Engine, tmp_path: Path,
             smtp_server: SmtpTestServer) -> Iterator[tuple[TestClient, SmtpTestServer, App]]:
    """The website on each database, with the seeded week, its items and the members of
    tests/web_helpers.py: a test client, the SMTP server its mail goes to, and the App."""
    app = web_app(engine, tmp_path / "config", smtp_server)
    with client_for(app) as client:
        yield client, smtp_server, app
