"""Full-text search over the stored messages, and keeping its index complete."""

from __future__ import annotations

from iscg_mailbot.services.app import App
from iscg_mailbot.store import search as search_store
from iscg_mailbot.store.search import SearchHit

__all__ = ["SearchHit", "reindex", "search_messages", "search_query_problem"]


def search_query_problem(words: str) -> str | None:
    """Why a search query would find nothing whatever is stored (no word to look for,
    only exclusions), or None for a query worth running."""
    return search_store.query_problem(words)


def search_messages(app: App, words: str, limit: int = 20) -> list[SearchHit]:
    """Ranked full-text search over messages with snippets (any string is accepted)."""
    with app.session() as session:
        return search_store.search(session, words, limit)


def reindex(app: App) -> int:
    """Add every message missing from the full-text index; return how many were added."""
    with app.session() as session:
        return search_store.index_missing(session)
