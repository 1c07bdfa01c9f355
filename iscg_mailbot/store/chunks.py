"""Bounded ``IN (...)`` lists: the one place that cuts a long list of keys into queries.

Every store module that selects rows by a list of ids goes through :func:`chunks`, so a
list of 100,000 message ids becomes 200 queries instead of one that no driver accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ARRAY, ColumnElement, any_, bindparam

if TYPE_CHECKING:  # the action list runs without the ORM (report/queries.py)
    from sqlalchemy.orm import QueryableAttribute

_Item = TypeVar("_Item")

#: Keys per ``IN (...)`` list: well under every driver's limit on bound parameters
#: (SQLite allows 32,766, PostgreSQL 65,535), and large enough that the round trips
#: do not show.
IN_LIST_SIZE = 500


def chunks(items: Iterable[_Item], size: int = IN_LIST_SIZE) -> Iterator[list[_Item]]:
    """``items`` in lists of at most ``size``, in the order given (sort first when the
    order of the queries should not depend on how a set happens to iterate).

    >>> list(chunks([5, 3, 8, 1, 9], size=2))
    [[5, 3], [8, 1], [9]]
    >>> list(chunks([]))
    []
    """
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def among(column: ColumnElement[Any] | QueryableAttribute[Any], dialect: str, name: str = "ids") -> ColumnElement[bool]:
    """``column`` is one of the list bound as ``name`` (give it a chunk): on PostgreSQL
    ``= ANY(:name)``, one array parameter, so a statement built once is sent as it is;
    elsewhere ``IN (...)``, an expanding list of one parameter an item. The array's
    values cost psycopg and the server less than 500 parameters each (issue 17), and the
    planner still uses the column's index (``tests/test_query_plans.py``)."""
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, expanding=True))
