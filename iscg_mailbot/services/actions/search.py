"""Full-text search over the stored messages, and keeping its index complete.

A search runs on a Core connection (:meth:`App.connection`): the search store reads
``messages`` as a Core table, so that ``search`` imports no ORM (issue 17;
``tests/test_cli_startup.py`` keeps it so)."""

from __future__ import annotations

from dataclasses import dataclass

from iscg_mailbot.services.app import App
from iscg_mailbot.store import search as search_store
from iscg_mailbot.store import search_query
from iscg_mailbot.store.search import RESULT_WINDOW, SearchHit

__all__ = ["SearchHit", "SearchPage", "reindex", "search_messages", "search_page",
           "search_query_problem"]


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: its hits and how many messages match. A search finds the best
    of the newest :data:`~iscg_mailbot.store.search.RESULT_WINDOW` matches at most, and
    counts no further than one past it (``beyond_window``)."""

    hits: list[SearchHit]
    page: int
    per_page: int
    total: int  # messages matching, at most window + 1
    window: int

    @property
    def beyond_window(self) -> bool:
        """Whether more messages match than a search finds (add words to narrow it)."""
        return self.total > self.window

    @property
    def found(self) -> int:
        """How many of the matches the pages hold: all of them, or the window."""
        return min(self.total, self.window)

    @property
    def more(self) -> bool:
        """Whether a next page exists."""
        return self.page * self.per_page < self.found

    @property
    def first(self) -> int:
        """The 1-based position of this page's first hit."""
        return (self.page - 1) * self.per_page + 1


def search_query_problem(words: str) -> str | None:
    """Why a search query would find nothing whatever is stored (no word to look for,
    only exclusions), or None for a query worth running."""
    return search_query.query_problem(words)


def search_messages(app: App, words: str, limit: int = 20) -> list[SearchHit]:
    """Ranked full-text search over messages with snippets (any string is accepted)."""
    with app.connection() as connection:
        return search_store.search(connection, words, limit)


def search_page(app: App, words: str, page: int = 1, per_page: int = 20, *,
                window: int = RESULT_WINDOW) -> SearchPage:
    """Page ``page`` (from 1) of a search, ``per_page`` hits a page, with the count;
    ``window``: how many of the newest matches a search finds at most."""
    page = max(1, page)
    with app.connection() as connection:
        total = search_store.count_matches(connection, words, at_most=window + 1)
        hits = search_store.search(connection, words, per_page, offset=(page - 1) * per_page,
                                   window=window) if total else []
    return SearchPage(hits=hits, page=page, per_page=per_page, total=total, window=window)


def reindex(app: App) -> int:
    """Add every message missing from the full-text index; return how many were added."""
    with app.session() as session:
        return search_store.index_missing(session)
