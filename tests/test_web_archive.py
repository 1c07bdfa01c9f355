"""The website's Digests as sent, This week's links, private calendar URLs and counted
lists (issue 14's remaining points), over HTTP with Starlette's TestClient."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, select, update
from starlette.testclient import TestClient

from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_archive import CalendarToken
from tests.servers.smtp import SmtpTestServer
from tests.web_helpers import (
    CHAIR,
    REPRESENTATIVE,
    csrf_of,
    sign_in,
)

PERIOD = "list=int-sect-team&period=2024-03-04/2024-03-11"


def _sent_text(smtp: SmtpTestServer, address: str) -> str:
    for received in smtp.received:
        message = received.message()
        if message["To"] and address in str(message["To"]) and "Digest" in str(
                message["Subject"]):
            body = message.get_body(preferencelist=("plain",))
            assert body is not None
            return str(body.get_content())
    raise AssertionError(f"no digest mailed to {address}")


def test_a_sent_digest_is_shown_as_sent_even_after_the_database_changed(
        web_site: tuple[TestClient, SmtpTestServer, App], engine: Engine) -> None:
    from iscg_mailbot.services.digest import send_digests
    from tests.digest_week import NOW

    client, smtp, app = web_site
    send_digests(app, NOW, trigger="scheduled")
    mailed = _sent_text(smtp, REPRESENTATIVE)
    assert "TSAG to send its comments" in mailed
    # Afterwards the item is closed: a rebuilt digest would no longer list it.
    with engine.begin() as connection:
        connection.execute(update(ActionItem).values(status="done"))
    sign_in(client, smtp, REPRESENTATIVE)
    view = client.get(f"/digests/view?{PERIOD}")
    assert view.status_code == 200 and "exactly as it was sent to you" in view.text
    shown = re.search(r'<pre class="mail" dir="auto">(.*?)</pre>', view.text, re.DOTALL)
    assert shown is not None and "TSAG to send its comments" in shown.group(1)
    assert "Kenji Watanabe" in shown.group(1)  # his own copy ("Dear Kenji Watanabe")
    mail = client.get(f"/digests/mail?{PERIOD}")
    assert mail.status_code == 200 and "TSAG to send its comments" in mail.text
    assert "sandbox" in mail.headers["content-security-policy"]


def test_a_member_who_did_not_receive_a_digest_sees_it_rebuilt_and_told_so(
        web_site: tuple[TestClient, SmtpTestServer, App], engine: Engine) -> None:
    from iscg_mailbot.services.digest import send_digests
    from iscg_mailbot.store.models_delivery import OutboxEntry
    from tests.digest_week import NOW

    client, smtp, app = web_site
    send_digests(app, NOW, trigger="scheduled")
    with engine.begin() as connection:  # as if the chair had joined after that week
        connection.execute(update(OutboxEntry).where(OutboxEntry.member_address == CHAIR)
                           .values(status="failed"))
    sign_in(client, smtp, CHAIR)
    view = client.get(f"/digests/view?{PERIOD}")
    assert view.status_code == 200 and "rebuilt as it stood when the period closed" in view.text
    assert "you did not receive this one" in view.text
    assert "Dear Amina Diallo" not in view.text  # unfiltered, nobody's copy


def test_this_week_links_each_open_item_to_its_page(
        web_site: tuple[TestClient, SmtpTestServer, App], engine: Engine) -> None:
    client, smtp, _ = web_site
    with engine.connect() as connection:
        item_id = connection.scalar(select(ActionItem.id).where(
            ActionItem.sentence == "TSAG to send its comments by 1 March."))
    sign_in(client, smtp, CHAIR)
    week = client.get("/week").text
    assert f'<a href="/actions/{item_id}" dir="auto">TSAG to send its comments by 1 March.</a>' \
        in week
    assert client.get(f"/actions/{item_id}").status_code == 200


def _new_link(client: TestClient) -> str:
    page = client.get("/calendar")
    made = client.post("/calendar", data={"csrf": csrf_of(page), "change": "new"})
    assert made.status_code == 200
    found = re.search(r'value="https://iscg\.test(/calendar/[A-Za-z0-9_-]{40,}\.ics)"', made.text)
    assert found is not None, made.text
    return found.group(1)


def test_a_member_makes_replaces_and_revokes_a_private_calendar_url(
        web_site: tuple[TestClient, SmtpTestServer, App], engine: Engine) -> None:
    client, smtp, _ = web_site
    sign_in(client, smtp, REPRESENTATIVE)
    assert "You have no calendar address." in client.get("/calendar").text
    path = _new_link(client)
    with TestClient(client.app) as anonymous:  # a calendar application: no session
        feed = anonymous.get(path)
        assert feed.status_code == 200
        assert feed.headers["content-type"].startswith("text/calendar")
        assert "BEGIN:VCALENDAR" in feed.text and "X-WR-CALNAME:ISCG - Kenji Watanabe" in feed.text
        assert "Kenji to confirm the TSAG position" in feed.text  # his own deadline
        assert "Marc to circulate" not in feed.text  # not his
        assert anonymous.get(path.replace(".ics", "x.ics")).status_code == 404
    with engine.connect() as connection:  # only the token's digest is stored
        stored = list(connection.scalars(select(CalendarToken.token_digest)))
    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    assert stored and token not in stored and all(len(d) == 64 for d in stored)
    second = _new_link(client)
    with TestClient(client.app) as anonymous:
        assert anonymous.get(path).status_code == 404  # replaced
        assert anonymous.get(second).status_code == 200
    page = client.get("/calendar")
    assert "You have an address, made" in page.text
    revoked = client.post("/calendar", data={"csrf": csrf_of(page), "change": "revoke"})
    assert revoked.status_code == 303
    with TestClient(client.app) as anonymous:
        assert anonymous.get(second).status_code == 404
    assert "You have no calendar address." in client.get("/calendar").text


def test_calendar_links_need_sign_in_csrf_and_end_with_membership(
        web_site: tuple[TestClient, SmtpTestServer, App]) -> None:
    client, smtp, app = web_site
    with TestClient(client.app) as visitor:
        assert visitor.get("/calendar", follow_redirects=False).status_code == 303
    sign_in(client, smtp, REPRESENTATIVE)
    assert client.post("/calendar", data={"csrf": "forged", "change": "new"}).status_code == 403
    path = _new_link(client)
    members = Path(app.settings.config_dir) / "members.yaml"
    text = members.read_text(encoding="utf-8")
    start = text.index("  - name: Kenji Watanabe")
    end = text.index("  - name:", start + 1)
    members.write_text(text[:start] + text[end:], encoding="utf-8")
    with TestClient(client.app) as anonymous:
        assert anonymous.get(path).status_code == 404


def test_lists_say_how_many_match_and_page_on(
        web_site: tuple[TestClient, SmtpTestServer, App]) -> None:
    client, smtp, _ = web_site
    sign_in(client, smtp, CHAIR)
    threads = client.get("/threads").text
    assert re.search(r'<p class="meta">\d+ threads\.</p>', threads)
    actions = client.get("/actions?view=all").text
    # Three open actions and one done (the question is not an action).
    assert '<p class="meta">4 items.</p>' in actions
    listed = actions.split('id="action-list"', 1)[1].split("</ul>", 1)[0]
    assert len(re.findall(r'<a href="/actions/\d+"', listed)) == 4
    assert "No action items match." in client.get("/actions?view=all&page=2").text
