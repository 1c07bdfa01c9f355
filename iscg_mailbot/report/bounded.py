"""A bounded list: the rows a person is shown and how many matched in all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import Select, func, select

if TYPE_CHECKING:  # the chair's thread lists count on a Core connection (no ORM import)
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

Row = TypeVar("Row")

#: Rows a list function returns unless told otherwise.
DEFAULT_LIMIT = 200

#: Rows a table shows unless asked for more: a screenful that still draws at once.
SHOWN_BY_DEFAULT = 50


@dataclass(frozen=True)
class Page(Generic[Row]):
    """``len(rows)`` matches of a query (the first ones, unless the caller asked for a
    later page) and ``total``, the number of all matches (counted in the database, so
    the rest is never loaded)."""

    rows: list[Row]
    total: int

    @property
    def more(self) -> int:
        """How many matches were left out (of a first page: those after it)."""
        return self.total - len(self.rows)


def count_rows(session: Session | Connection, query: Select[Any]) -> int:
    """The number of rows ``query`` returns, counted by the database (its ORDER BY,
    LIMIT and OFFSET dropped)."""
    inner = query.order_by(None).limit(None).offset(None).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def make_page(rows: list[Row], limit: int | None, count: Callable[[], int],
              offset: int = 0) -> Page[Row]:
    """``rows`` (found after the first ``offset`` matches) with their total: a page
    shorter than its limit ends the answer, so ``count`` (a COUNT query) runs only when
    the page is full, or empty past the first."""
    if (limit is None or len(rows) < limit) and (rows or not offset):
        return Page(rows, offset + len(rows))
    return Page(rows, count())
