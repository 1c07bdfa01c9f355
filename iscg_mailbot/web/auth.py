"""Sign-in by e-mailed one-time link, and sign-out.

1. ``GET/POST /sign-in``: a member types their address. The answer is the same page
   whether or not it is a member's (and the same 429 page when a limit is reached), and
   the mail goes out after the answer, so neither the page nor its timing tells.
2. The mail carries ``/sign-in/confirm?token=…``: signed (itsdangerous), good for 15
   minutes. Opening it shows a button; only pressing it (a POST) uses the link, so a
   mail scanner that fetches links cannot spend it.
3. ``POST /sign-in/confirm``: the nonce is marked used (once), the session is renewed
   and the member lands on the page they asked for (a path on this site only).
"""

from __future__ import annotations

import time
from typing import Any

from itsdangerous import BadSignature, SignatureExpired
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from iscg_mailbot.services.sign_in import LIMITED, MEMBER, request_link, send_link, use_link
from iscg_mailbot.settings.web import LINK_MINUTES
from iscg_mailbot.web.context import call, checked_form, render, state
from iscg_mailbot.web.security import csrf_token, safe_path

MAX_ADDRESS = 320


def _client(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def _read_token(request: Request, token: str) -> dict[str, str] | None:
    try:
        data: Any = state(request).signer.loads(token, max_age=LINK_MINUTES * 60)
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("a"), str) \
            or not isinstance(data.get("n"), str):
        return None
    return {"address": data["a"], "nonce": data["n"]}


def sign_in_page(request: Request) -> Response:
    return render(request, "sign_in.html", title="Sign in")


async def sign_in_request(request: Request) -> Response:
    form = await checked_form(request)
    address = " ".join(form.get("address", "").split()).lower()[:MAX_ADDRESS]
    if "@" not in address:
        return render(request, "sign_in.html", 400, title="Sign in", address=address,
                      problem="Type the e-mail address you receive the list's mail at.")
    web = state(request)
    result = await call(request_link, web.app, address, client=_client(request))
    if result.status == LIMITED:
        return render(request, "error.html", 429, title="Too many requests",
                      message=f"Too many sign-in links were asked for. Wait "
                              f"{LINK_MINUTES} minutes, then try again.")
    task = None
    if result.status == MEMBER and result.user is not None and result.nonce is not None:
        token = web.signer.dumps({"a": address, "n": result.nonce})
        link = f"{web.base_url}/sign-in/confirm?token={token}"
        task = BackgroundTask(send_link, web.app, result.user, link)
    response = render(request, "sign_in_sent.html", title="Check your mail", address=address,
                      minutes=LINK_MINUTES)
    response.background = task
    return response


def confirm_page(request: Request) -> Response:
    token = request.query_params.get("token", "")
    found = _read_token(request, token)
    if found is None:
        return _bad_link(request)
    return render(request, "sign_in_confirm.html", title="Sign in", token=token,
                  address=found["address"])


async def confirm(request: Request) -> Response:
    form = await checked_form(request)
    found = _read_token(request, form.get("token", ""))
    if found is None:
        return _bad_link(request)
    user = await call(use_link, state(request).app, found["nonce"], found["address"])
    if user is None:
        return _bad_link(request)
    target = safe_path(request.session.get("next"))
    # A new session on sign-in: nothing set before it (a planted cookie) carries over.
    request.session.clear()
    request.session["user"] = user.address
    request.session["since"] = int(time.time())
    csrf_token(request.session)
    return RedirectResponse(target, status_code=303)


def _bad_link(request: Request) -> Response:
    return render(request, "error.html", 400, title="This link cannot be used",
                  message=f"The sign-in link is not valid, was already used or is older than "
                          f"{LINK_MINUTES} minutes. Ask for a new one.",
                  link=("/sign-in", "Ask for a new sign-in link"))


async def sign_out(request: Request) -> Response:
    await checked_form(request)
    request.session.clear()
    return RedirectResponse("/", status_code=303)


ROUTES = [
    Route("/sign-in", sign_in_page, methods=["GET"]),
    Route("/sign-in", sign_in_request, methods=["POST"]),
    Route("/sign-in/confirm", confirm_page, methods=["GET"]),
    Route("/sign-in/confirm", confirm, methods=["POST"]),
    Route("/sign-out", sign_out, methods=["POST"]),
]
