"""Security plumbing shared by every route: headers, CSRF tokens, safe redirects, text.

Each rule is small and named; ``tests/test_web.py`` tries each of them.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import MutableMapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from iscg_mailbot.text import printable

# No inline script or style anywhere: the pages need only their own stylesheet.
PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
# A digest as e-mailed carries inline CSS; shown alone, sandboxed, never framed elsewhere.
MAIL_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
               "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox")
CSRF_FIELD = "csrf"


class SecurityHeaders:
    """ASGI middleware adding the security headers to every response.

    A response that already sets a Content-Security-Policy (the sandboxed digest
    mail) keeps its own.
    """

    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                extra = {
                    b"content-security-policy": PAGE_POLICY.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY",
                    b"referrer-policy": b"no-referrer",
                    b"cross-origin-opener-policy": b"same-origin",
                    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
                }
                if not scope["path"].startswith("/static/"):
                    # The archive is private: no shared cache may keep a page.
                    extra[b"cache-control"] = b"no-store"
                if self.hsts:
                    extra[b"strict-transport-security"] = b"max-age=31536000"
                if b"content-security-policy" in names:
                    extra.pop(b"x-frame-options")
                headers += [(name, value) for name, value in extra.items() if name not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """The session's CSRF token, made on first use."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def csrf_valid(session: MutableMapping[str, Any], submitted: object) -> bool:
    """Whether a form's token is the session's (compared in constant time)."""
    expected = session.get(CSRF_FIELD)
    return (isinstance(expected, str) and bool(expected) and isinstance(submitted, str)
            and hmac.compare_digest(expected.encode(), submitted.encode()))


def safe_path(target: object, default: str = "/week") -> str:
    """``target`` if it is a path on this site, else ``default``: never an open redirect.

    >>> safe_path("/threads?topic=ai"), safe_path("//evil.example"), safe_path("https://x")
    ('/threads?topic=ai', '/week', '/week')
    """
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(c) < 32 for c in target) or "://" in target.split("?")[0]:
        return default
    return target


def visible_text(value: object) -> str:
    """Text from the list made safe to show: the same rule as the digest's bodies
    (:func:`iscg_mailbot.text.printable`: invisible, direction-changing and control
    characters removed); HTML escaping is the templates'."""
    return printable("" if value is None else str(value))
