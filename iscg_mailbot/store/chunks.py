"""Bounded ``IN (...)`` lists: the one place that cuts a long list of keys into queries.

Every store module that selects rows by a list of ids goes through :func:`chunks`, so a
list of 100,000 message ids becomes 200 queries instead of one that no driver accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

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
