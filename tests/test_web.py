"""The website over HTTP (Starlette's TestClient): access, sign-in, CSRF, headers,
hostile content, rate limits, one-time links, roles, and what people's decisions leave."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from starlette.routing import Route
from starlette.testclient import TestClient

from iscg_mailbot.services import actions as action_services
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.sign_in import MEMBER, UNKNOWN, request_link, use_link
from iscg_mailbot.settings.web import WebConfig
from iscg_mailbot.store.database import connect
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.types import utcnow
from iscg_mailbot.web import auth, pages
from iscg_mailbot.web.security import safe_path, visible_text
from tests.action_samples import action_app, mail, store
from tests.conftest import migrated_sqlite
from tests.servers.smtp import SmtpTestServer
from tests.web_helpers import (
    BASE_URL,
    CHAIR,
    REPRESENTATIVE,
    SECRETARIAT,
    STRANGER,
    ask_for_link,
    client_for,
    csrf_of,
    link_in,
    sign_in,
    wait_for_mail,
    web_app,
)

MEMBER_PAGES = ["/week", "/threads", "/threads/1", "/actions", "/actions/1", "/search?q=room",
                "/digests", "/members"]


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = connect(migrated_sqlite(tmp_path / "web.db"))
    yield engine
    engine.dispose()


@pytest.fixture
def site(sqlite_engine: Engine, tmp_path: Path,
         smtp_server: SmtpTestServer) -> Iterator[tuple[TestClient, SmtpTestServer]]:
    app = web_app(sqlite_engine, tmp_path / "config", smtp_server)
    with client_for(app) as client:
        yield client, smtp_server


def _first_open_item(engine: Engine) -> int:
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        item = session.scalars(select(ActionItem).where(ActionItem.status == "open",
                                                        ActionItem.kind == "action")
                               .order_by(ActionItem.id)).first()
        assert item is not None
        return item.id


def test_the_archive_is_closed_to_visitors_and_about_is_public(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, _ = site
    about = client.get("/")
    assert about.status_code == 200
    assert "Amina Diallo" in about.text and "Observers</dt><dd>1" in about.text
    assert "int-sect-team@lists.itu.int" in about.text
    assert "No reports have been published yet" in about.text
    for path in MEMBER_PAGES:
        response = client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/sign-in"
        assert "WRC-27" not in response.text


def test_sign_in_by_link_opens_the_archive_and_sign_out_closes_it(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    client.get("/threads?state=open")  # remembered as where to go after signing in
    before = len(smtp.received)
    assert ask_for_link(client, CHAIR).status_code == 200
    wait_for_mail(smtp, before + 1)
    mail = smtp.received[-1]
    assert mail.rcpt_tos == (CHAIR,)
    link = link_in(smtp)
    assert link.startswith(f"{BASE_URL}/sign-in/confirm?token=")
    confirm = client.get(link.replace(BASE_URL, ""))
    assert "Sign in as <strong>amina.diallo@example.org</strong>" in confirm.text
    done = client.post("/sign-in/confirm", data={"csrf": csrf_of(confirm),
                                                 "token": link.split("token=", 1)[1]})
    assert done.status_code == 303 and done.headers["location"] == "/threads?state=open"
    for path in MEMBER_PAGES:
        assert client.get(path).status_code == 200, path
    cookie = done.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie
    page = client.get("/week")
    assert client.post("/sign-out", data={"csrf": csrf_of(page)}).status_code == 303
    assert client.get("/week").status_code == 303


def test_a_stranger_gets_the_same_page_and_no_mail(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    member = ask_for_link(client, CHAIR)
    wait_for_mail(smtp, 1)
    stranger = ask_for_link(client, STRANGER)
    assert stranger.status_code == member.status_code == 200

    def without_address(text: str) -> str:
        return re.sub(r"<strong>[^<]*</strong>", "", re.sub(r'value="[^"]*"', "", text))

    assert without_address(stranger.text) == without_address(member.text)
    assert len(smtp.received) == 1
    assert client.get("/week").status_code == 303


def test_links_work_once_and_not_after_fifteen_minutes(engine: Engine, tmp_path: Path,
                                                       smtp_server: SmtpTestServer) -> None:
    app = web_app(engine, tmp_path / "config", smtp_server, seed=False)
    now = utcnow()
    first = request_link(app, "Amina.Diallo@example.org", client="192.0.2.1", now=now)
    assert first.status == MEMBER and first.nonce and first.user
    assert first.user.address == CHAIR
    assert use_link(app, first.nonce, "amina.diallo@example.org", now=now) is not None
    assert use_link(app, first.nonce, "amina.diallo@example.org", now=now) is None  # reused
    late = request_link(app, CHAIR, client="192.0.2.1", now=now)
    assert late.nonce is not None
    assert use_link(app, late.nonce, CHAIR, now=now + timedelta(minutes=16)) is None
    other = request_link(app, CHAIR, client="192.0.2.1", now=now)
    assert other.nonce is not None
    assert use_link(app, other.nonce, REPRESENTATIVE, now=now) is None  # not its address
    assert request_link(app, STRANGER, client="192.0.2.1", now=now).status == UNKNOWN


def test_a_used_or_forged_link_is_refused_in_the_browser_flow(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    link = link_in(smtp)
    page = client.get("/week")
    again = client.post("/sign-in/confirm", data={"csrf": csrf_of(page),
                                                  "token": link.split("token=", 1)[1]})
    assert again.status_code == 400 and "already used" in again.text
    forged = client.get("/sign-in/confirm?token=" + link.split("token=", 1)[1][:-3] + "AAA")
    assert forged.status_code == 400


def test_sign_in_requests_are_limited_per_address_and_per_client(
        sqlite_engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    app = web_app(sqlite_engine, tmp_path / "config", smtp_server,
                  web=WebConfig(links_per_address=2, links_per_client=4))
    with client_for(app) as client:
        codes = [ask_for_link(client, STRANGER).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        assert "Too many" in ask_for_link(client, STRANGER).text
        # The member's address has its own count, the client's total still grows.
        assert [ask_for_link(client, CHAIR).status_code for _ in range(3)] == [200, 200, 429]
    wait_for_mail(smtp_server, 2)
    assert len(smtp_server.received) == 2


def test_every_form_needs_its_csrf_token(site: tuple[TestClient, SmtpTestServer],
                                         sqlite_engine: Engine) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    posts = [route.path.replace("{thread_id:int}", "1").replace("{item_id:int}", "1")
             for route in [*pages.ROUTES, *auth.ROUTES]
             if isinstance(route, Route) and "POST" in (route.methods or ())]
    assert len(posts) >= 5
    for path in posts:
        for data in ({}, {"csrf": "wrong"}):
            response = client.post(path, data={**data, "decision": "close", "note": "x",
                                               "topic": "spectrum", "change": "add",
                                               "address": CHAIR})
            assert response.status_code == 403, path
    item = _first_open_item(sqlite_engine)
    assert client.get(f"/actions/{item}").status_code == 200
    assert "open" in client.get(f"/actions/{item}").text


def test_security_headers_on_pages_and_error_pages(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, _ = site
    for path in ["/", "/sign-in", "/no-such-page", "/threads"]:
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src" not in policy and "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
    missing = client.get("/no-such-page")
    assert missing.status_code == 404 and "<h1" in missing.text


def test_errors_are_a_page_never_a_traceback(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    unknown = client.get("/threads/999999")
    assert unknown.status_code == 404 and "no thread" in unknown.text.lower()
    bad_topic = client.get("/actions?topic=no-such-topic-anywhere")
    assert bad_topic.status_code == 400 and "no-such-topic-anywhere" in bad_topic.text
    assert "Traceback" not in bad_topic.text
    nothing = client.get("/digests/view?list=int-sect-team&period=2020-01-06/2020-01-13")
    assert nothing.status_code == 404 and "Traceback" not in nothing.text


def test_hostile_subjects_and_names_are_escaped(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    listing = client.get("/threads").text
    assert "<script>alert" not in listing
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; agenda" in listing
    found = re.search(r'href="/threads/(\d+)"[^>]*>&lt;script&gt;', listing)
    assert found
    thread = client.get(f"/threads/{found.group(1)}").text
    assert "<img src=x" not in thread and "&lt;img src=x onerror=alert(1)&gt;" in thread
    assert "<b>not bold</b>" not in thread and "&lt;b&gt;not bold&lt;/b&gt;" in thread
    assert visible_text("Budget\u202eFDP.exe\u2066x\u2069 \u200dok\x07") == "BudgetFDP.exex ok"


def test_bidi_controls_never_reach_the_page(sqlite_engine: Engine, tmp_path: Path,
                                            smtp_server: SmtpTestServer) -> None:
    from tests.digest_week import _mail, seed_week

    seed_week(sqlite_engine, [_mail("bidi@example.org", "Tue, 05 Mar 2024 10:00:00 +0100",
                                    "=?utf-8?b?" + __import__("base64").b64encode(
                                        "Eve \u202eevil\u202c".encode()).decode() +
                                    "?= <eve@example.com>",
                                    "=?utf-8?b?" + __import__("base64").b64encode(
                                        "Invoice \u202egpj.exe".encode()).decode() + "?=",
                                    "Open it \u2067now\u2069.\n")])
    app = web_app(sqlite_engine, tmp_path / "config", smtp_server, seed=False)
    with client_for(app) as client:
        sign_in(client, smtp_server, CHAIR)
        listing = client.get("/threads").text
        assert "Invoice gpj.exe" in listing
        thread_id = re.search(r'href="/threads/(\d+)"', listing)
        assert thread_id
        page = client.get(f"/threads/{thread_id.group(1)}").text
        for control in "\u202e\u202c\u2067\u2069":
            assert control not in listing and control not in page
        assert "Eve evil" in page and "Open it now." in page


def test_a_member_without_a_role_cannot_act(site: tuple[TestClient, SmtpTestServer],
                                            sqlite_engine: Engine) -> None:
    client, smtp = site
    sign_in(client, smtp, REPRESENTATIVE)
    item = _first_open_item(sqlite_engine)
    page = client.get(f"/actions/{item}")
    assert page.status_code == 200 and 'value="close"' not in page.text
    refused = client.post(f"/actions/{item}", data={"csrf": csrf_of(page), "decision": "close"})
    assert refused.status_code == 403 and "chair and the secretariat" in refused.text
    tags = client.post("/threads/1/topics", data={"csrf": csrf_of(page), "topic": "spectrum",
                                                  "change": "add"})
    assert tags.status_code == 403
    assert "open" in client.get(f"/actions/{item}").text
    assert action_services.action_history(_app_of(client), item) == []


def _app_of(client: TestClient) -> object:
    return client.app.app.state.web.app  # type: ignore[attr-defined]


def test_the_chair_closes_an_item_with_a_note_and_it_shows_in_history(
        site: tuple[TestClient, SmtpTestServer], sqlite_engine: Engine) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    item = _first_open_item(sqlite_engine)
    assert f'href="/actions/{item}"' in client.get("/actions").text
    page = client.get(f"/actions/{item}")
    done = client.post(f"/actions/{item}", data={"csrf": csrf_of(page), "decision": "close",
                                                  "note": "<b>sent</b> on Friday"})
    assert done.status_code == 303 and done.headers["location"] == f"/actions/{item}"
    after = client.get(f"/actions/{item}").text
    assert "by amina.diallo@example.org" in after and "&lt;b&gt;sent&lt;/b&gt; on Friday" in after
    assert f'href="/actions/{item}"' not in client.get("/actions").text
    reopened = client.post(f"/actions/{item}", data={"csrf": csrf_of(after), "decision": "reopen"})
    assert reopened.status_code == 303
    history = action_services.action_history(_app_of(client), item)  # type: ignore[arg-type]
    assert [(h.status, h.actor) for h in history] == [("done", CHAIR), ("open", CHAIR)]


def test_decision_history_is_stored_on_both_databases(engine: Engine, tmp_path: Path,
                                                      smtp_server: SmtpTestServer) -> None:
    app = web_app(engine, tmp_path / "config", smtp_server)
    item = _first_open_item(engine)
    action_services.drop_item(app, item, "not ISCG work", actor=SECRETARIAT)
    action_services.reopen_item(app, item)
    history = action_services.action_history(app, item)
    assert [(h.status, h.note, h.actor) for h in history] == [
        ("dropped", "not ISCG work", SECRETARIAT), ("open", None, "")]


def test_search_highlights_and_pages(site: tuple[TestClient, SmtpTestServer],
                                     sqlite_engine: Engine, tmp_path: Path) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    found = client.get("/search?q=room").text
    assert "<mark>room</mark>" in found or "<mark>Room</mark>" in found
    assert "June meeting room" in found
    assert pages.snippet_parts("a [b] c") == [("a ", False), ("b", True), (" c", False)]
    empty = client.get("/search?q=zzzzqqq").text
    assert "Nothing found" in empty

    # A word in more messages than a page holds: the count, then the pages in turn.
    mails = [mail(f"budget{n}", "Chen Lihua <chen@example.int>", "2026-09-01T10:00:00+02:00",
                  f"Budget note {n}: the budget line for item {n}.", subject=f"Budget {n}")
             for n in range(45)]
    (tmp_path / "other").mkdir()
    other = action_app(sqlite_engine, tmp_path / "other")
    extraction.extract_for_messages(other, store(other, *mails))  # stores and indexes
    first = client.get("/search?q=budget").text
    assert 'id="found">1-20 of 45 messages.</p>' in first
    assert 'href="?q=budget&amp;page=2">Next' in first and "Previous" not in first
    last = client.get("/search?q=budget&page=3").text
    assert 'id="found">41-45 of 45 messages.</p>' in last and '<ol class="rows" start="41"' in last
    assert "Next" not in last and 'href="?q=budget&amp;page=2">Previous' in last
    shown = [re.findall(r"Budget (\d+)</a>", client.get(f"/search?q=budget&page={n}").text)
             for n in (1, 2, 3)]
    assert sorted(int(n) for page in shown for n in page) == list(range(45))  # each once
    past = client.get("/search?q=budget&page=9").text
    assert "Page 9 is past the last of the 45 messages found" in past


def test_no_open_redirect_after_sign_in() -> None:
    for target in ["//evil.example/x", "https://evil.example", "/\\evil.example",
                   "/x\r\nLocation: y", None, "javascript:alert(1)", "/https://evil.example"]:
        assert safe_path(target) == "/week", target
    assert safe_path("/threads?topic=ai") == "/threads?topic=ai"


def test_the_secretariat_corrects_a_threads_topics(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    sign_in(client, smtp, SECRETARIAT)
    page = client.get("/threads/1")
    assert 'name="change"' in page.text
    added = client.post("/threads/1/topics", data={"csrf": csrf_of(page), "topic": "spectrum",
                                                   "change": "add"})
    assert added.status_code == 303
    after = client.get("/threads/1").text
    assert re.search(r"<strong>[^<]*</strong> <span class=\"meta\">manual", after)
    removed = client.post("/threads/1/topics", data={"csrf": csrf_of(after), "topic": "spectrum",
                                                     "change": "remove"})
    assert removed.status_code == 303
    final = client.get("/threads/1").text
    assert "Removed by hand: spectrum" in final
    assert re.search(r"<li>−spectrum by sofia.martin@example.int \(website\), 20\d\d-", final)


def test_an_alias_signs_in_as_its_member(engine: Engine, tmp_path: Path,
                                         smtp_server: SmtpTestServer) -> None:
    app = web_app(engine, tmp_path / "config", smtp_server, seed=False)
    request = request_link(app, "Kenji@Example.JP", client="192.0.2.9")
    assert request.status == MEMBER and request.nonce
    user = use_link(app, request.nonce, "kenji@example.jp")
    assert user is not None and user.address == REPRESENTATIVE and not user.can_act


def test_a_sent_digest_opens_as_text_and_as_sandboxed_mail(
        site: tuple[TestClient, SmtpTestServer]) -> None:
    from iscg_mailbot.services.digest import send_digests
    from tests.digest_week import NOW

    client, smtp = site
    sign_in(client, smtp, CHAIR)
    assert "No digest has been sent yet" in client.get("/digests").text
    send_digests(_app_of(client), NOW, trigger="scheduled")  # type: ignore[arg-type]
    listing = client.get("/digests").text  # the kept page is not shown once a digest is sent
    assert "2024-03-04/2024-03-11" in listing
    view = client.get("/digests/view?list=int-sect-team&period=2024-03-04/2024-03-11")
    assert view.status_code == 200 and "WRC-27" in view.text and "exactly as it was sent to you" in view.text
    assert "&lt;script&gt;alert" in view.text and "<script>alert" not in view.text
    mail = client.get("/digests/mail?list=int-sect-team&period=2024-03-04/2024-03-11")
    assert mail.status_code == 200 and "WRC-27" in mail.text
    policy = mail.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy and "default-src 'none'" in policy


def test_threads_by_advisory_group_and_state(site: tuple[TestClient, SmtpTestServer]) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)
    rag = client.get("/threads?group=RAG").text  # Henrik Solberg (RAG) wrote on WRC-27 only
    assert "WRC-27 agenda item 1.7" in rag and "June meeting room" not in rag
    tsag = client.get("/threads?group=TSAG").text  # Kenji wrote in both
    assert "WRC-27 agenda item 1.7" in tsag and "June meeting room" in tsag
    assert "No threads match" in client.get("/threads?group=TDAG").text
    open_rag = client.get("/threads?state=open&group=RAG").text
    assert "WRC-27 agenda item 1.7" in open_rag and "June meeting room" not in open_rag
    assert "SG17 liaison" not in client.get("/threads?state=open").text


def test_an_unexpected_error_is_a_page_with_headers_and_no_detail(
        site: tuple[TestClient, SmtpTestServer], monkeypatch: pytest.MonkeyPatch) -> None:
    client, smtp = site
    sign_in(client, smtp, CHAIR)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom in /srv/secret/path password=hunter2")

    monkeypatch.setattr(pages.digest_services, "member_list", broken)
    response = client.get("/members")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "hunter2" not in response.text and "Traceback" not in response.text
    assert "/srv/secret" not in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_page_cache_builds_once_for_a_burst_and_again_when_old() -> None:
    import threading
    import time as clock

    from iscg_mailbot.web.cache import TtlCache

    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        clock.sleep(0.2)
        return len(calls)

    cache: TtlCache[int] = TtlCache(seconds=0.5)
    results: list[int] = []
    workers = [threading.Thread(target=lambda: results.append(cache.get("k", slow)))
               for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [1] * 8 and len(calls) == 1
    clock.sleep(0.6)
    assert cache.get("k", slow) == 2


def test_a_sign_in_ends_after_session_hours(site: tuple[TestClient, SmtpTestServer],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import time as clock

    client, smtp = site
    sign_in(client, smtp, CHAIR)
    assert client.get("/week").status_code == 200
    later = clock.time() + 12 * 3600 + 60
    monkeypatch.setattr("iscg_mailbot.web.context.time.time", lambda: later)
    assert client.get("/week").status_code == 303


def test_meetings_are_public_and_come_from_the_calendar(
        site: tuple[TestClient, SmtpTestServer], tmp_path: Path) -> None:
    """The Terms of Reference make the group's meetings public: the Meetings page shows
    the coming meetings of meetings.yaml to anyone, and no meeting only announced on the
    list (the archive stays the group's)."""
    client, _ = site
    (tmp_path / "config" / "meetings.yaml").write_text(
        "meetings:\n"
        "  - id: tsag-2099\n    body: TSAG\n    title: TSAG <b>meeting</b>\n"
        "    start: 2099-01-20\n    end: 2099-01-24\n    place: Geneva\n"
        "    source: https://www.itu.int/en/ITU-T/tsag/\n"
        "  - id: council-1999\n    body: Council\n    title: Council 1999\n"
        "    start: 1999-06-01\n    source: test\n", encoding="utf-8")
    page = client.get("/meetings")
    assert page.status_code == 200
    assert "2099-01-20 to 2099-01-24" in page.text and "Geneva" in page.text
    assert "TSAG &lt;b&gt;meeting&lt;/b&gt;" in page.text  # escaped like all content
    assert 'href="https://www.itu.int/en/ITU-T/tsag/"' in page.text
    assert "Council 1999" not in page.text  # past meetings are not listed
    assert 'href="/meetings"' in client.get("/").text  # linked from every page
