"""The website in a real browser: Playwright driving Debian's Chromium against a live
uvicorn server on 127.0.0.1, with the sign-in mail read from the aiosmtpd test server.

Screenshots of each page at 1280 px and 390 px go to ISCG_SCREENSHOT_DIR (default: the
test's temporary folder). Skipped without Chromium or Playwright, failed under
ISCG_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from iscg_mailbot.services.digest import send_digests
from iscg_mailbot.settings.web import WebConfig
from iscg_mailbot.store.database import connect
from iscg_mailbot.web.app import create_app
from tests.conftest import migrated_sqlite, require_service
from tests.digest_week import NOW
from tests.servers.smtp import SmtpTestServer, free_port
from tests.web_helpers import CHAIR, REPRESENTATIVE, STRANGER, link_in, wait_for_mail, web_app

CHROMIUM = os.environ.get("ISCG_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
WIDTHS = (1280, 390)

try:
    from playwright.sync_api import Browser, Locator, Page, sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None  # type: ignore[assignment]


@dataclass
class LiveSite:
    url: str
    smtp: SmtpTestServer
    engine: Engine


@pytest.fixture
def live_site(tmp_path: Path, smtp_server: SmtpTestServer) -> Iterator[LiveSite]:
    import uvicorn

    engine = connect(migrated_sqlite(tmp_path / "web.db"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # http on 127.0.0.1: cookies without Secure, as [web] secure_cookies = false allows.
    app = web_app(engine, tmp_path / "config", smtp_server, web=WebConfig(secure_cookies=False))
    send_digests(app, NOW, trigger="scheduled")  # a past digest to open
    server = uvicorn.Server(uvicorn.Config(create_app(app, base_url=url, secret="s" * 32),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield LiveSite(url, smtp_server, engine)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module's tests (each opens a context of its own: no cookie or
    page is shared)."""
    require_service(sync_playwright is not None, "playwright is not installed (dev extra)")
    binary = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    require_service(binary is not None, "Chromium not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def _shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ISCG_SCREENSHOT_DIR", tmp_path / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shoot(page: Page, folder: Path, name: str) -> None:
    """The current page at each width; and it never scrolls sideways."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{name} scrolls sideways at {width}px ({scroll}px)"
        page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def _follow(page: Page, target: Locator) -> None:
    """Click a link or a form's button and wait for the page it leads to: reading or
    measuring right after the click can hit the old page while it unloads."""
    with page.expect_navigation():
        target.click()


def _nav(page: Page, name: str) -> None:
    _follow(page, page.get_by_role("navigation", name="Main").get_by_role("link", name=name,
                                                                          exact=True))


def _sign_in(page: Page, site: LiveSite, address: str) -> None:
    before = len(site.smtp.received)
    page.goto(f"{site.url}/sign-in")
    page.get_by_label("Your e-mail address").fill(address)
    page.get_by_role("button", name="Send me a sign-in link").click()
    page.get_by_text("a sign-in link is on its way").wait_for()
    wait_for_mail(site.smtp, before + 1)
    page.goto(link_in(site.smtp))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url, timeout=10_000)


@pytest.mark.slow
def test_chair_signs_in_closes_an_item_searches_and_opens_a_digest(
        browser: Browser, live_site: LiveSite, tmp_path: Path) -> None:
    shots = _shots_dir(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[Any] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.goto(live_site.url + "/")
    _shoot(page, shots, "about")
    page.goto(f"{live_site.url}/sign-in")
    _shoot(page, shots, "sign-in")
    _sign_in(page, live_site, CHAIR)
    assert page.get_by_role("heading", level=1).inner_text() == "This week"
    _shoot(page, shots, "week")

    _nav(page, "Action items")
    _shoot(page, shots, "actions")
    first = page.locator("#action-list li a").first
    sentence = first.inner_text()
    _follow(page, first)
    _shoot(page, shots, "action")
    page.get_by_label("Note (optional)").fill("Sent by the secretariat on Friday.")
    _follow(page, page.get_by_role("button", name="Close (done)"))
    assert page.locator("#status").inner_text().startswith("done")
    history = page.locator("#history-list").inner_text()
    assert "done by amina.diallo@example.org" in history
    assert "Sent by the secretariat on Friday." in history
    _nav(page, "Action items")
    assert sentence not in page.locator("main").inner_text()

    _nav(page, "Threads")
    _shoot(page, shots, "threads")
    page.get_by_label("Show").select_option("open")
    _follow(page, page.get_by_role("button", name="Filter"))
    _follow(page, page.locator("main ul.rows a").first)
    page.locator("article.message").first.wait_for()
    _shoot(page, shots, "thread")

    _nav(page, "Search")
    page.get_by_label('Words or "a phrase"').fill("room")
    page.keyboard.press("Enter")
    page.locator("#hits mark").first.wait_for()
    assert page.locator("#hits mark").first.inner_text().lower() == "room"
    _shoot(page, shots, "search")

    _nav(page, "Digests")
    _shoot(page, shots, "digests")
    _follow(page, page.get_by_role("link", name="2024-03-04/2024-03-11"))
    assert "WRC-27" in page.locator("pre.mail").inner_text()
    _shoot(page, shots, "digest")
    _nav(page, "Members")
    _shoot(page, shots, "members")
    assert errors == []  # nothing the CSP had to block, no broken resource
    context.close()


def test_a_member_without_a_role_cannot_act_and_a_stranger_cannot_sign_in(
        browser: Browser, live_site: LiveSite) -> None:
    context = browser.new_context()
    page = context.new_page()
    before = len(live_site.smtp.received)
    page.goto(f"{live_site.url}/sign-in")
    page.get_by_label("Your e-mail address").fill(STRANGER)
    page.get_by_role("button", name="Send me a sign-in link").click()
    page.get_by_text("a sign-in link is on its way").wait_for()
    time.sleep(0.5)
    assert len(live_site.smtp.received) == before  # no mail for a stranger
    page.goto(f"{live_site.url}/actions")
    assert page.url == f"{live_site.url}/sign-in"

    _sign_in(page, live_site, REPRESENTATIVE)
    page.goto(f"{live_site.url}/actions")
    _follow(page, page.locator("#action-list li a").first)
    assert page.get_by_role("button", name="Close (done)").count() == 0
    item_url = page.url
    csrf = page.locator('input[name="csrf"]').first.get_attribute("value")
    refused = context.request.post(item_url, form={"csrf": csrf or "", "decision": "close"})
    assert refused.status == 403
    page.reload()
    assert "Nobody has decided" in page.locator("#history").locator("..").inner_text()
    context.close()


@pytest.mark.slow
def test_the_secretariat_edits_a_topic_previews_and_saves(
        browser: Browser, live_site: LiveSite, tmp_path: Path) -> None:
    from tests.web_helpers import SECRETARIAT

    shots = _shots_dir(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _sign_in(page, live_site, SECRETARIAT)
    _nav(page, "Topics")
    _shoot(page, shots, "topics")
    _follow(page, page.get_by_role("link", name="Spectrum", exact=False).first)
    phrases = page.get_by_label("Phrases (any case and inflection)")
    assert "satellite | 1.5 | weak" in phrases.input_value().splitlines()  # the flag is shown
    phrases.fill(phrases.input_value() + "\nmeeting room | 3")
    _follow(page, page.get_by_role("button", name="Preview changes"))
    assert "June meeting room" in page.locator("#gaining").inner_text()
    _shoot(page, shots, "topic-preview")
    _follow(page, page.get_by_role("button", name="Save and re-tag"))
    assert "Saved." in page.locator("#saved").inner_text()
    assert "by sofia.martin@example.int" in page.locator("#edit-list").inner_text()
    page.goto(f"{live_site.url}/threads?topic=spectrum")
    assert "June meeting room" in page.locator("main").inner_text()
    # The save kept the flag: the form shows it again.
    page.goto(f"{live_site.url}/topics/spectrum")
    saved = page.get_by_label("Phrases (any case and inflection)").input_value().splitlines()
    assert "satellite | 1.5 | weak" in saved and "meeting room | 3" in saved
    context.close()
