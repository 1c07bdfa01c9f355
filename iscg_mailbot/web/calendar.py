"""My calendar: a member's private iCalendar URL (make, replace, revoke) and the feed.

The feed (``/calendar/<token>.ics``) is read by calendar applications, which cannot
sign in: the unguessable token is the key, and it answers 404 alike for a token never
made, replaced, revoked, or whose member left ``members.yaml``.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from iscg_mailbot.errors import NotFound
from iscg_mailbot.services.calendar_tokens import (
    calendar_link_owner,
    calendar_link_since,
    new_calendar_link,
    revoke_calendar_link,
)
from iscg_mailbot.services.ical import calendar_feed as calendar_feed_of
from iscg_mailbot.web.context import call, checked_form, render, require_user, state


def my_calendar(request: Request) -> Response:
    user = require_user(request)
    since = calendar_link_since(state(request).app, user.address)
    return render(request, "calendar.html", title="My calendar", user=user, since=since,
                  url=None)


async def change_calendar(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    app = state(request).app
    if form.get("change") == "revoke":
        await call(revoke_calendar_link, app, user.address)
        return RedirectResponse("/calendar", status_code=303)
    if form.get("change") != "new":
        raise HTTPException(400, "Choose to make a new link or to revoke it.")
    token = await call(new_calendar_link, app, user.address)
    # Shown once, in this answer: only the token's digest is stored.
    url = f"{state(request).base_url}/calendar/{token}.ics"
    since = await call(calendar_link_since, app, user.address)
    return render(request, "calendar.html", title="My calendar", user=user, since=since,
                  url=url)


def calendar_feed(request: Request) -> Response:
    token = str(request.path_params.get("token", ""))
    app = state(request).app
    try:
        # The link is checked on every request (a revoked one stops at once); the
        # member's calendar itself is kept a minute, as This week is.
        address = calendar_link_owner(app, token)
        feed = state(request).feeds.get(address, lambda: calendar_feed_of(
            app, member_address=address))
    except NotFound:
        raise HTTPException(404) from None
    return Response(feed.data, media_type="text/calendar; charset=utf-8",
                    headers={"Content-Disposition": 'inline; filename="iscg.ics"'})


ROUTES = [
    Route("/calendar", my_calendar, methods=["GET"]),
    Route("/calendar", change_calendar, methods=["POST"]),
    Route("/calendar/{token}.ics", calendar_feed, methods=["GET"]),
]
