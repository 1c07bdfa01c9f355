"""The ASGI application: :func:`create_app` wires routes, sessions, headers and error pages.

>>> import uvicorn                                                   # doctest: +SKIP
>>> uvicorn.run(create_app(App.open(settings)), host="127.0.0.1")   # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from itsdangerous import URLSafeTimedSerializer
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from iscg_mailbot.errors import MailbotError, NotFound
from iscg_mailbot.services.app import DATABASE_UNAVAILABLE, App
from iscg_mailbot.services.web_warmup import warm_up
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.web import auth, calendar, pages, topics
from iscg_mailbot.web.context import SignInRequired, WebState, make_templates, render
from iscg_mailbot.web.security import SecurityHeaders, safe_path

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "iscg_session"
_TITLES = {400: "That did not work", 403: "Not allowed", 404: "Not found",
           405: "Not allowed", 429: "Too many requests"}


def _sign_in_required(request: Request, exc: Exception) -> Response:
    # Remember where the member was going; only a path on this site is ever kept.
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    request.session["next"] = safe_path(target)
    return RedirectResponse("/sign-in", status_code=303)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = exc.status_code
    message = exc.detail if code in (400, 403, 429) or (exc.detail not in (None, "") \
        and code != 404) else "There is no page at this address."
    return render(request, "error.html", code, title=_TITLES.get(code, "Error"),
                  message=message)


def _mailbot_error(request: Request, exc: Exception) -> Response:
    code = 404 if isinstance(exc, NotFound) else 400
    return render(request, "error.html", code, title=_TITLES[code], message=str(exc))


def _server_error(request: Request, exc: Exception) -> Response:
    # Logged for the operator; the page says nothing of the cause (no traceback, no
    # file names, no database URL).
    if isinstance(exc, DATABASE_UNAVAILABLE):
        log.error("database unavailable: %s", str(exc).splitlines()[0] if str(exc) else exc)
        message = "The database cannot be reached just now. Try again in a few minutes."
    else:
        log.exception("error on %s %s", request.method, request.url.path)
        message = "Something went wrong on our side. Try again, or tell the secretariat."
    return render(request, "error.html", 500, title="Server error", message=message)


# Threads serving requests at once. On a 2-core machine more only contend for the GIL,
# and with SQLAlchemy's default pool (5 connections kept) more would open and close
# extra database connections on every busy second.
REQUEST_THREADS = 5


@asynccontextmanager
async def _lifespan(starlette: Starlette) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    # Before the first visitor: the templates compiled, each page's queries asked once
    # (services/web_warmup.py), so that a page's first build is not also a cold one.
    web: WebState = starlette.state.web
    for name in web.templates.list_templates():
        web.templates.get_template(name)
    await anyio.to_thread.run_sync(warm_up, web.app)
    yield


def create_app(app: App, *, base_url: str | None = None, secret: str | None = None) -> ASGIApp:
    """The website over ``app`` (settings + database).

    ``base_url`` (else ``[web] base_url``) is where sign-in links point; it is never
    taken from a request's Host header, which a client chooses. ``secret`` (else the
    configured secret, else a random one for this process) signs sessions and links.
    """
    config = app.settings.web
    url = (base_url or config.base_url or "http://127.0.0.1:8000").rstrip("/")
    key = secret or config.secret()
    if key is None:
        log.warning("no [web] secret configured (%s): using a random one; sessions and "
                    "sign-in links end when the server restarts", config.secret_env)
        key = secrets.token_urlsafe(48)
    middleware = [
        Middleware(SessionMiddleware, secret_key=key, session_cookie=SESSION_COOKIE,
                   max_age=int(config.session_hours * 3600), same_site="lax",
                   https_only=config.secure_cookies),
    ]
    starlette = Starlette(
        routes=[*pages.ROUTES, *auth.ROUTES, *topics.ROUTES, *calendar.ROUTES,
                Mount("/static", StaticFiles(directory=STATIC_DIR), name="static")],
        middleware=middleware,
        lifespan=_lifespan,
        exception_handlers={
            SignInRequired: _sign_in_required,
            HTTPException: _http_error,
            MailbotError: _mailbot_error,
            Exception: _server_error,
        },
    )
    starlette.state.web = WebState(
        app=app, templates=make_templates(),
        signer=URLSafeTimedSerializer(key, salt="iscg-sign-in-link"), base_url=url)
    if not config.keep_pages:
        starlette.state.web.pages = None
    # Outside Starlette's own error middleware, so that error pages carry the headers too.
    return SecurityHeaders(starlette, hsts=config.secure_cookies)


def app_from_environment() -> ASGIApp:
    """The website for uvicorn's worker processes (``serve --workers N``): configuration
    from ISCG_CONFIG, links to ISCG_WEB_BASE_URL, the secret from the configuration."""
    settings = load_settings(os.environ.get("ISCG_CONFIG") or None)
    return create_app(App.open(settings), base_url=os.environ.get("ISCG_WEB_BASE_URL"))
