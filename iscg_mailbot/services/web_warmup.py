"""The website's first requests, made once when a server process starts.

A fresh process pays, on the first request of each page, for SQLAlchemy compiling that
page's queries, the configuration files being parsed and modules imported on first use:
measured at 100,000 messages, This week's first build cost 108 ms of CPU instead of
15, a thread's 72 instead of 8, Threads' 50 instead of 5. Twenty members who open a page
together all wait for that one build (web/cache.py), so a server asks each page's
questions once before it accepts anyone. Nothing is written and nothing is kept: the
answers are thrown away, and the configuration files it read are read again at their
first real use.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from iscg_mailbot.errors import NotFound
from iscg_mailbot.services import actions as action_services
from iscg_mailbot.services import digest as digest_services
from iscg_mailbot.services import threads as thread_services
from iscg_mailbot.services.app import App
from iscg_mailbot.services.calendar_tokens import calendar_link_owner, calendar_link_since
from iscg_mailbot.services.ical import calendar_feed
from iscg_mailbot.services.web_access import data_version, topic_choices

log = logging.getLogger(__name__)


def warm_up(app: App) -> None:
    """Ask each members' page's questions once (see the module); a failure is logged and
    ends the warm-up, never the server (the pages then show the error themselves)."""
    steps: list[Callable[[], object]] = [
        lambda: data_version(app),
        lambda: topic_choices(app),
        lambda: digest_services.live_digest(app, member_address=_a_member(app)),
        lambda: calendar_feed(app, member_address=_a_member(app)),
        lambda: calendar_link_since(app, _a_member(app) or ""),
        lambda: _no_such_link(app),
        lambda: digest_services.sent_periods(app),
        lambda: action_services.actions_page(app, open_only=True),
        lambda: action_services.actions_page(app, overdue=True),
        lambda: action_services.actions_page(app, open_only=True, owner="TSAG"),
        lambda: action_services.stalled_threads_page(app),
        lambda: action_services.search_page(app, "agenda"),
        lambda: _one_thread_and_item(app),
    ]
    try:
        for step in steps:
            step()
    except Exception as error:  # noqa: BLE001 - the server starts anyway
        log.warning("warm-up stopped: %s", str(error).splitlines()[0] if str(error) else error)
    finally:
        # The configuration files are read at their first real use, as without the
        # warm-up (an unchanged file is not parsed again: settings/file_cache.py).
        app.config.reload()


def _a_member(app: App) -> str | None:
    """Some member's address: This week asks a member's questions (their own items
    first; how they are matched depends on the member's names, so another member's
    first visit may still compile one query)."""
    members = app.config.members().members
    return members[0].address if members else None


def _no_such_link(app: App) -> None:
    """A private calendar address is looked up on every request (this one is no link)."""
    with contextlib.suppress(NotFound):
        calendar_link_owner(app, "warm-up-" + "0" * 32)


def _one_thread_and_item(app: App) -> None:
    """The newest thread's page and its first item's page (when there are any)."""
    found = thread_services.threads_page(app).rows
    open_threads = action_services.open_threads_page(app).rows
    thread_id = open_threads[0].thread_id if open_threads else found[0].id if found else None
    if thread_id is None:
        return
    thread_services.thread(app, thread_id)
    thread_services.message_quotes(app, thread_id)
    thread_services.tag_decisions(app, thread_id)
    items = action_services.thread_actions(app, thread_id)
    if items:
        action_services.action_item(app, items[0].id)
        action_services.action_history(app, items[0].id)
