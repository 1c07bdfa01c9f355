"""The pages: public About, and for members This week, Threads, Action items, Search,
Digests and Members. Each route parses the request, makes service calls and renders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from iscg_mailbot.services import actions as action_services
from iscg_mailbot.services import digest as digest_services
from iscg_mailbot.services import meetings as meeting_services
from iscg_mailbot.services import threads as thread_services
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest_archive import ArchivedDigest, archived_digest
from iscg_mailbot.services.thread_filters import thread_ids
from iscg_mailbot.services.topics import set_manual_tags
from iscg_mailbot.services.web_access import composition, terms_of_reference, topic_choices
from iscg_mailbot.web.context import (
    call,
    checked_form,
    render,
    render_kept,
    require_actor,
    require_user,
    state,
)
from iscg_mailbot.web.security import MAIL_POLICY

PAGE_SIZE = 50
GROUPS = ("RAG", "TSAG", "TDAG")
SEARCH_PAGE_SIZE = 20
MAX_PAGE = 200
MAX_NOTE = 2000
_DECISIONS = {"close": action_services.close_item, "reopen": action_services.reopen_item,
              "drop": action_services.drop_item}


@dataclass(frozen=True)
class ThreadLine:
    """One row of the Threads page, whichever query produced it."""

    id: int
    subject: str
    last_activity: datetime | None
    message_count: int
    participants: list[str]
    topics: list[str]
    open_actions: int | None = None
    overdue_actions: int | None = None
    next_due: date | None = None


def _page(request: Request) -> int:
    try:
        return min(max(int(request.query_params.get("page", "1")), 1), MAX_PAGE)
    except ValueError:
        return 1


def _param(request: Request, name: str) -> str | None:
    value = " ".join(request.query_params.get(name, "").split())[:200]
    return value or None


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet split into (text, matched) parts; matches are marked [like this].

    >>> snippet_parts("the [cyber] plan")
    [('the ', False), ('cyber', True), (' plan', False)]
    """
    parts: list[tuple[str, bool]] = []
    position = 0
    for found in re.finditer(r"\[([^\[\]]+)\]", snippet):
        if found.start() > position:
            parts.append((snippet[position:found.start()], False))
        parts.append((found.group(1), True))
        position = found.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts


def about(request: Request) -> Response:
    app = state(request).app
    return render(request, "about.html", title="About the ISCG",
                  composition=composition(app), terms=terms_of_reference(app),
                  subscribe=app.settings.web.subscribe_address)


def meetings(request: Request) -> Response:
    """Public, as the Terms of Reference make the group's meetings: the calendar of
    ``meetings.yaml`` from today on. Meetings only announced on the list are not shown
    (the archive is the group's)."""
    app = state(request).app
    today = date.today()
    rows = meeting_services.list_meetings(app, since=today, include_proposed=False)
    return render(request, "meetings.html", title="Meetings", meetings=rows)


def week(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    digest = state(request).live.get(user.address, lambda: digest_services.live_digest(
        app, member_address=user.address))
    return render(request, "week.html", title="This week", user=user, digest=digest,
                  shown=lambda s: thread_services.shown_subject(app.settings, s))


def threads(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    page = _page(request)
    view = request.query_params.get("state", "all")
    topic, participant = _param(request, "topic"), _param(request, "participant")
    mentions = _param(request, "mentions")
    group = _param(request, "group")
    group = group if group in GROUPS else None

    def build() -> dict[str, object]:
        lines, total = _thread_lines(app, view, (page - 1) * PAGE_SIZE, topic=topic,
                                     participant=participant, mentions=mentions, group=group)
        return {"title": "Threads", "lines": lines,
                "view": view if view in {"open", "stalled"} else "all", "topic": topic or "",
                "participant": participant or "", "mentions": mentions or "",
                "group": group or "", "groups": GROUPS, "page": page,
                "more": total > page * PAGE_SIZE, "total": total, "topics": _topic_choices(app),
                "shown": lambda s: thread_services.shown_subject(app.settings, s)}

    return render_kept(request, "threads.html", user, build)


def _thread_lines(app: App, view: str, offset: int, *, topic: str | None,
                  participant: str | None, mentions: str | None,
                  group: str | None) -> tuple[list[ThreadLine], int]:
    """The page's lines of the Threads page, after the first ``offset``, and how many
    match in all (counted in SQL: the other pages are never loaded)."""
    limit = PAGE_SIZE
    if view not in {"open", "stalled"}:
        found = thread_services.threads_page(app, topic=topic, participant=participant,
                                             mentions=mentions, group=group, limit=limit,
                                             offset=offset)
        return [ThreadLine(s.id, s.subject, s.last_activity, s.message_count, s.participants,
                           s.topics) for s in found.rows], found.total
    narrowed = group is not None or mentions is not None
    if view == "open":
        page = action_services.open_threads_page(
            app, topic=topic, participant=participant, limit=None if narrowed else limit,
            offset=0 if narrowed else offset)
    else:
        page = action_services.stalled_threads_page(
            app, topic=topic, participant=participant, limit=None if narrowed else limit,
            offset=0 if narrowed else offset)
    rows, total = page.rows, page.total
    if narrowed:
        # Open (or stalled) threads that also match the group or mention filter: the
        # open ones are few (a few hundred), the group's threads are ids only.
        keep = thread_ids(app, mentions=mentions, group=group)
        rows = [r for r in rows if r.thread_id in keep]
        total, rows = len(rows), rows[offset:offset + limit]
    return [ThreadLine(r.thread_id, r.subject, r.last_activity, r.message_count,
                       r.participants, [], r.open_actions, r.overdue_actions, r.next_due)
            for r in rows], total


def _topic_choices(app: App) -> list[tuple[str, str]]:
    return topic_choices(app)


def _thread_id(request: Request) -> int:
    try:
        return int(request.path_params["thread_id"])
    except (KeyError, ValueError):
        raise HTTPException(404, "No such thread.") from None


def thread(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    thread_id = _thread_id(request)

    def build() -> dict[str, object]:
        page = thread_services.thread(app, thread_id)
        return {"title": thread_services.shown_subject(
                    app.settings, page.thread.summary.subject) or "(no subject)",
                "page": page, "quotes": thread_services.message_quotes(app, thread_id),
                "items": action_services.thread_actions(app, thread_id),
                "decisions": thread_services.tag_decisions(app, thread_id),
                "topics": _topic_choices(app), "archive": _archive_url(request, page)}

    return render_kept(request, "thread.html", user, build)


def _archive_url(request: Request, page: thread_services.ThreadPage) -> str | None:
    template = state(request).app.settings.lists[0].archive_url
    if not template or not page.thread.messages:
        return None
    first = page.thread.messages[0].message_id
    return template.replace("{message_id}", quote(first, safe="")).replace(
        "{thread_id}", str(page.thread.summary.id))


async def thread_tags(request: Request) -> Response:
    user = require_actor(request)
    form = await checked_form(request)
    thread_id = _thread_id(request)
    topic = form.get("topic", "")
    change = form.get("change", "")
    if change not in {"add", "remove", "forget"} or not topic:
        raise HTTPException(400, "Choose a topic and whether to add or remove it.")
    app = state(request).app
    await call(set_manual_tags, app, thread_id,
               add=[topic] if change == "add" else [],
               remove=[topic] if change == "remove" else [],
               forget=[topic] if change == "forget" else [],
               note=f"{user.address} (website)")
    return RedirectResponse(f"/threads/{thread_id}#topics", status_code=303)


def actions(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    view = request.query_params.get("view", "open")
    if view not in {"open", "overdue", "all"}:
        view = "open"
    owner, topic = _param(request, "owner"), _param(request, "topic")
    page = _page(request)

    def build() -> dict[str, object]:
        found = action_services.actions_page(
            app, open_only=view == "open", overdue=view == "overdue", owner=owner,
            topic=topic, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        return {"title": "Action items", "rows": found.rows,
                "page": page, "total": found.total, "more": found.total > page * PAGE_SIZE,
                "view": view, "owner": owner or "", "topic": topic or "",
                "topics": _topic_choices(app)}

    return render_kept(request, "actions.html", user, build)


def _item_id(request: Request) -> int:
    try:
        return int(request.path_params["item_id"])
    except (KeyError, ValueError):
        raise HTTPException(404, "No such action item.") from None


def action(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    item_id = _item_id(request)
    return render_kept(request, "action.html", user, lambda: {
        "title": f"Action item {item_id}", "row": action_services.action_item(app, item_id),
        "history": action_services.action_history(app, item_id)})


async def decide(request: Request) -> Response:
    user = require_actor(request)
    form = await checked_form(request)
    item_id = _item_id(request)
    decision = _DECISIONS.get(form.get("decision", ""))
    if decision is None:
        raise HTTPException(400, "Choose close, reopen or drop.")
    note = form.get("note", "").strip()[:MAX_NOTE] or None
    await call(decision, state(request).app, item_id, note, actor=user.address)
    return RedirectResponse(f"/actions/{item_id}", status_code=303)


def search(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    words = request.query_params.get("q", "")[:500]
    page = _page(request)

    def build() -> dict[str, object]:
        found = action_services.search_page(app, words, page, SEARCH_PAGE_SIZE) \
            if words.strip() else None
        return {"title": "Search", "q": words, "page": page, "found": found,
                "hits": [(hit, snippet_parts(hit.snippet)) for hit in found.hits] if found else [],
                "more": found is not None and found.more,
                "shown": lambda s: thread_services.shown_subject(app.settings, s)}

    return render_kept(request, "search.html", user, build)


def digests(request: Request) -> Response:
    user = require_user(request)
    app = state(request).app
    return render_kept(request, "digests.html", user, lambda: {
        "title": "Digests", "periods": digest_services.sent_periods(app)})


def _sent(request: Request) -> ArchivedDigest:
    user = require_user(request)
    list_key = request.query_params.get("list", "")[:200]
    period = request.query_params.get("period", "")[:100]
    return state(request).past.get((list_key, period, user.address), lambda: archived_digest(
        state(request).app, list_key, period, member_address=user.address))


def digest_view(request: Request) -> Response:
    user = require_user(request)
    preview = _sent(request)
    return render(request, "digest.html", title=preview.subject, user=user, preview=preview)


def digest_mail(request: Request) -> Response:
    """The digest's HTML as mailed, alone and sandboxed (its own inline CSS allowed)."""
    preview = _sent(request)
    return HTMLResponse(preview.html, headers={"Content-Security-Policy": MAIL_POLICY})


def members(request: Request) -> Response:
    user = require_user(request)
    rows = digest_services.member_list(state(request).app.config)
    return render(request, "members.html", title="Members", user=user, rows=rows)


ROUTES = [
    Route("/", about, methods=["GET"]),
    Route("/meetings", meetings, methods=["GET"]),
    Route("/week", week, methods=["GET"]),
    Route("/threads", threads, methods=["GET"]),
    Route("/threads/{thread_id:int}", thread, methods=["GET"]),
    Route("/threads/{thread_id:int}/topics", thread_tags, methods=["POST"]),
    Route("/actions", actions, methods=["GET"]),
    Route("/actions/{item_id:int}", action, methods=["GET"]),
    Route("/actions/{item_id:int}", decide, methods=["POST"]),
    Route("/search", search, methods=["GET"]),
    Route("/digests", digests, methods=["GET"]),
    Route("/digests/view", digest_view, methods=["GET"]),
    Route("/digests/mail", digest_mail, methods=["GET"]),
    Route("/members", members, methods=["GET"]),
]
