"""Action items as services, one module per job; this package lists what the queries call.

- :mod:`.extraction` — after each stored batch: extract items from new messages, close
  the items replies answer, index the messages (``analyse_messages``,
  ``extract_for_messages``, ``close_by_replies``, ``reanalyse_all``). Not re-exported
  here: it imports the extractor (analyse.actions, ~0.3 s), which the chair's queries
  (``actions list``, ``search``...) import this package without; import the module.
- :mod:`.closures` — which open items a thread's replies close.
- :mod:`.decisions` — people's decisions (``close_item``, ``reopen_item``, ``drop_item``,
  ``action_item``, ``action_history``), never overwritten by automation.
- :mod:`.queries` — the chair's questions (``list_actions``, ``thread_actions``) and
  their row types.
- :mod:`.thread_lists` — the thread lists (``open_threads``, ``stalled_threads``), on a
  Core connection without the ORM.
- :mod:`.search` — full-text search (``search_messages``, ``reindex``).
- :mod:`.context` — what these read of the configuration (``load_context``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iscg_mailbot.services.actions.context import Context, load_context
    from iscg_mailbot.services.actions.decisions import (
        Decision,
        action_history,
        action_item,
        close_item,
        drop_item,
        reopen_item,
    )
    from iscg_mailbot.services.actions.queries import (
        ActionRow,
        Page,
        actions_page,
        list_actions,
        thread_actions,
    )
    from iscg_mailbot.services.actions.search import (
        SearchHit,
        SearchPage,
        reindex,
        search_messages,
        search_page,
        search_query_problem,
    )
    from iscg_mailbot.services.actions.thread_lists import (
        OpenThreadRow,
        open_threads,
        open_threads_page,
        stalled_threads,
        stalled_threads_page,
    )

#: Where each name below lives; its module is imported at the name's first use
#: (issue 17, start-up): ``search`` needs neither the action queries nor their tables,
#: ``actions list`` neither the search store nor the decisions' writers (and the
#: website's tables they log to).
_MODULE_OF = {
    **dict.fromkeys(("Context", "load_context"), "context"),
    **dict.fromkeys(("Decision", "action_history", "action_item", "close_item",
                     "drop_item", "reopen_item"), "decisions"),
    **dict.fromkeys(("ActionRow", "Page", "actions_page", "list_actions", "thread_actions"),
                    "queries"),
    # The thread lists run on a Core connection: `threads list --open` imports no ORM.
    **dict.fromkeys(("OpenThreadRow", "open_threads", "open_threads_page", "stalled_threads",
                     "stalled_threads_page"), "thread_lists"),
    **dict.fromkeys(("SearchHit", "SearchPage", "reindex", "search_messages",
                     "search_page", "search_query_problem"), "search"),
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next use is a plain attribute
    return value


__all__ = [
    "ActionRow",
    "Context",
    "Decision",
    "OpenThreadRow",
    "Page",
    "SearchHit",
    "SearchPage",
    "action_history",
    "action_item",
    "actions_page",
    "close_item",
    "drop_item",
    "list_actions",
    "load_context",
    "open_threads",
    "open_threads_page",
    "reindex",
    "reopen_item",
    "search_messages",
    "search_page",
    "search_query_problem",
    "stalled_threads",
    "stalled_threads_page",
    "thread_actions",
]
