"""A bounded list: the rows a person is shown and how many matched in all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

Row = TypeVar("Row")

#: Rows a table shows unless asked for more: a screenful that still draws at once.
SHOWN_BY_DEFAULT = 50


@dataclass(frozen=True)
class Page(Generic[Row]):
    """The first ``len(rows)`` matches of a query and ``total``, the number of all matches
    (counted in the database, so the rest is never loaded)."""

    rows: list[Row]
    total: int

    @property
    def more(self) -> int:
        """How many matches were left out."""
        return self.total - len(self.rows)


def count_rows(session: Session, query: Select[Any]) -> int:
    """The number of rows ``query`` returns, counted by the database (its ORDER BY and
    LIMIT dropped)."""
    inner = query.order_by(None).limit(None).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def make_page(rows: list[Row], limit: int | None, count: Callable[[], int]) -> Page[Row]:
    """``rows`` with their total: a page shorter than its limit is the whole answer, so
    ``count`` (a COUNT query) runs only when the page is full."""
    if limit is None or len(rows) < limit:
        return Page(rows, len(rows))
    return Page(rows, count())
