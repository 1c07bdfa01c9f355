"""What every route needs: the App, the templates, the link signer, the signed-in user."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from itsdangerous import URLSafeTimedSerializer
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from iscg_mailbot.records import Digest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest_archive import ArchivedDigest
from iscg_mailbot.services.ical import CalendarFeed
from iscg_mailbot.services.web_access import WebUser, data_version, web_user
from iscg_mailbot.web.cache import LIVE_SECONDS, PAGE_SECONDS, PAST_SECONDS, TtlCache
from iscg_mailbot.web.security import csrf_token, csrf_valid, visible_text


@dataclass(frozen=True)
class KeptPage:
    """A page's title and rendered content, kept while the data stays the same; the
    content holds :data:`CSRF_SLOT` where the member's CSRF token goes."""

    title: str
    content: str


# Rendered into kept content in place of the CSRF token, replaced by each session's own
# token when the page is served: random, so no text from the list can forge it.
CSRF_SLOT = "csrf-slot-" + secrets.token_hex(16)


@dataclass
class WebState:
    """Shared by all requests of one server (``request.app.state.web``)."""

    app: App
    templates: Environment
    signer: URLSafeTimedSerializer
    base_url: str
    # Costly pages kept a little while (see web/cache.py), per server.
    live: TtlCache[Digest] = field(default_factory=lambda: TtlCache(LIVE_SECONDS))
    past: TtlCache[ArchivedDigest] = field(default_factory=lambda: TtlCache(PAST_SECONDS))
    feeds: TtlCache[CalendarFeed] = field(default_factory=lambda: TtlCache(LIVE_SECONDS))
    # Rendered lists, threads, items and search results; None keeps nothing.
    pages: TtlCache[KeptPage] | None = field(
        default_factory=lambda: TtlCache(PAGE_SECONDS, size=512))


class SignInRequired(Exception):
    """Raised by a members' page for a visitor; answered with a redirect to sign-in."""


def state(request: Request) -> WebState:
    web: WebState = request.app.state.web
    return web


def make_templates() -> Environment:
    """The page templates (autoescaped) with the filters they use."""
    env = Environment(loader=PackageLoader("iscg_mailbot.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["visible"] = visible_text
    env.filters["when"] = _when
    return env


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "—"


def current_user(request: Request) -> WebUser | None:
    """The signed-in member, re-read from members.yaml (None when signed out or removed)."""
    if "session" not in request.scope:
        return None
    address = request.session.get("user")
    since = request.session.get("since")
    if not isinstance(address, str) or not isinstance(since, int | float):
        return None
    settings = state(request).app.settings
    # The cookie is renewed on every answer; the sign-in itself lasts session_hours.
    if time.time() - since > settings.web.session_hours * 3600:
        request.session.clear()
        return None
    return web_user(state(request).app, address)


def require_user(request: Request) -> WebUser:
    """The signed-in member, or SignInRequired."""
    user = current_user(request)
    if user is None:
        raise SignInRequired()
    return user


def require_actor(request: Request) -> WebUser:
    """A member who may act on items and tags (chair, secretariat), else HTTP 403."""
    user = require_user(request)
    if not user.can_act:
        raise HTTPException(403, "Only the chair and the secretariat can change this.")
    return user


def require_topic_editor(request: Request) -> WebUser:
    """A member of the secretariat, else HTTP 403."""
    user = require_user(request)
    if not user.can_edit_topics:
        raise HTTPException(403, "Only the secretariat can edit topics.")
    return user


async def checked_form(request: Request) -> dict[str, str]:
    """The submitted form, after its CSRF token was checked (HTTP 403 when it is wrong)."""
    form = await request.form()
    if not csrf_valid(request.session, form.get("csrf")):
        raise HTTPException(403, "This form has expired or did not come from this site. "
                                 "Go back, reload the page and try again.")
    return {key: value for key, value in form.items() if isinstance(value, str)}


def render(request: Request, template: str, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    """A page: the template with the user, the CSRF token and the navigation."""
    web = state(request)
    user = context.pop("user", None) or current_user(request)
    csrf = csrf_token(request.session) if "session" in request.scope else ""
    page = web.templates.get_template(template).render(
        request=request, user=user, csrf=csrf,
        path=request.url.path, lists=web.app.settings.lists, **context)
    return HTMLResponse(page, status_code=status_code)


def render_kept(request: Request, template: str, user: WebUser,
                build: Callable[[], dict[str, Any]]) -> HTMLResponse:
    """:func:`render` of ``template`` with the context ``build()`` returns (its title
    included), whose content is kept while the data version, the configuration and the
    member's role stay the same (``web/cache.py``); the navigation and the CSRF token
    are each request's own."""
    web = state(request)
    version = data_version(web.app) if web.pages is not None else None
    if web.pages is None or version is None:
        return render(request, template, user=user, **build())
    key = (template, request.url.path, request.url.query, user.role, version,
           web.app.config.stamp())
    kept = web.pages.get(key, lambda: _kept_page(request, template, user, build()))
    csrf = csrf_token(request.session) if "session" in request.scope else ""
    return render(request, "kept.html", user=user, title=kept.title,
                  content=Markup(kept.content.replace(CSRF_SLOT, csrf)))


def _kept_page(request: Request, template: str, user: WebUser,
               context: dict[str, Any]) -> KeptPage:
    """The content block of ``template`` alone, with :data:`CSRF_SLOT` as its token."""
    web = state(request)
    page = web.templates.get_template(template)
    variables = page.new_context({"request": request, "user": user, "csrf": CSRF_SLOT,
                                  "path": request.url.path, "lists": web.app.settings.lists,
                                  **context})
    return KeptPage(context["title"], "".join(page.blocks["content"](variables)))


async def call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """A (blocking) service call from an async route, in the thread pool."""
    return await run_in_threadpool(function, *args, **kwargs)
