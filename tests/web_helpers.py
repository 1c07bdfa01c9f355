"""A seeded website for the web tests: the digest tests' week, members with every role,
an SMTP test server for the sign-in mail, and helpers to sign in through it."""

from __future__ import annotations

import quopri
import re
import shutil
import time
from pathlib import Path

import httpx
from sqlalchemy import Engine
from starlette.testclient import TestClient

from iscg_mailbot.services.app import App
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig
from iscg_mailbot.settings.web import WebConfig
from iscg_mailbot.web.app import create_app
from tests.digest_week import make_app, seed_actions, seed_week
from tests.servers.smtp import SmtpTestServer

CHAIR = "amina.diallo@example.org"
SECRETARIAT = "sofia.martin@example.int"
REPRESENTATIVE = "kenji.watanabe@example.org"
STRANGER = "mallory@example.net"
BASE_URL = "https://iscg.test"
SHIPPED_TOPICS = Path(__file__).resolve().parents[1] / "config" / "topics.yaml"

MEMBERS = """\
members:
  - name: Amina Diallo
    address: amina.diallo@example.org
    role: chair
  - name: Kenji Watanabe
    address: kenji.watanabe@example.org
    aliases: [kenji@example.jp]
    role: representative
    advisory_group: TSAG
  - name: Henrik Solberg
    address: henrik.solberg@example.org
    role: representative
    advisory_group: RAG
  - name: Sofia Martin
    address: sofia.martin@example.int
    role: secretariat
  - name: Olu Observer
    address: olu@example.org
    role: observer
"""


def web_app(engine: Engine, config_dir: Path, smtp: SmtpTestServer, *,
            web: WebConfig | None = None, seed: bool = True) -> App:
    """An App with the seeded week, its action items and the members above."""
    if seed:
        seed_week(engine)
        seed_actions(engine)
    app = make_app(engine, config_dir, members=MEMBERS,
                   smtp=SmtpConfig(host="127.0.0.1", port=smtp.port, security="plain"),
                   digest=DigestConfig(from_address="iscg-bot@example.org"))
    shutil.copy(SHIPPED_TOPICS, config_dir / "topics.yaml")
    settings = app.settings.model_copy(update={"web": web or WebConfig()})
    return App(settings=settings, engine=engine)


def client_for(app: App, **kwargs: object) -> TestClient:
    """A test client on https (the session cookie is Secure) that shows error pages."""
    return TestClient(create_app(app, base_url=BASE_URL, secret="test-secret-" + "x" * 20),
                      base_url="https://testserver", raise_server_exceptions=False,
                      follow_redirects=False, **kwargs)  # type: ignore[arg-type]


def csrf_of(page: httpx.Response | str) -> str:
    text = page if isinstance(page, str) else page.text
    found = re.search(r'name="csrf" value="([^"]+)"', text)
    assert found, "no CSRF field on the page"
    return found.group(1)


def wait_for_mail(smtp: SmtpTestServer, count: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while len(smtp.received) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(smtp.received) >= count, f"{len(smtp.received)} mails, wanted {count}"


def link_in(smtp: SmtpTestServer, index: int = -1) -> str:
    """The sign-in link of a received mail."""
    body = quopri.decodestring(smtp.received[index].data).decode("utf-8", "replace")
    found = re.search(r"(https?://\S+/sign-in/confirm\?token=\S+)", body)
    assert found, body
    return found.group(1)


def ask_for_link(client: TestClient, address: str) -> httpx.Response:
    page = client.get("/sign-in")
    return client.post("/sign-in", data={"address": address, "csrf": csrf_of(page)})


def sign_in(client: TestClient, smtp: SmtpTestServer, address: str) -> None:
    """Sign in through the real flow: ask, read the mail, open the link, press the button."""
    before = len(smtp.received)
    assert ask_for_link(client, address).status_code == 200
    wait_for_mail(smtp, before + 1)
    link = link_in(smtp)
    confirm = client.get(link.replace(BASE_URL, ""))
    assert confirm.status_code == 200, confirm.text
    done = client.post("/sign-in/confirm", data={"csrf": csrf_of(confirm),
                                                 "token": link.split("token=", 1)[1]})
    assert done.status_code == 303, done.text
