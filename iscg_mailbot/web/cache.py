"""A small time-limited cache for pages that are costly to build and may be a little old.

"This week" rebuilds the digest's content (every open action item of the list, each
active thread): on a large archive that takes a second, so each member's copy is kept
for :data:`LIVE_SECONDS`. A past digest is rebuilt as it stood when its period closed,
which changes only if old mail arrives late: kept for :data:`PAST_SECONDS`.

The lists, a thread, an item and search results are kept as rendered HTML (the page's
content, without the navigation, the member's name and the CSRF token, which each
answer fills in) for :data:`PAGE_SECONDS`, keyed by the page's address, the member's
role, the configuration files' versions and the database's data version
(``store/versions.py``), which every commit changing what a page shows moves: a change
shows at the next request, and twenty members opening the same list cost one query and
one rendering. The minute is for what changes with time alone (an item becomes overdue
at midnight, a thread stalled after 14 quiet days) and for rows changed outside the
application.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
LIVE_SECONDS = 60.0
PAST_SECONDS = 600.0
PAGE_SECONDS = 60.0


class TtlCache(Generic[T]):
    """At most ``size`` values, each kept ``seconds``; least recently used go first."""

    def __init__(self, seconds: float, size: int = 256) -> None:
        self.seconds = seconds
        self.size = size
        self._values: OrderedDict[Hashable, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}

    def _fresh(self, key: Hashable) -> tuple[bool, T | None]:
        with self._lock:
            found = self._values.get(key)
            if found is not None and time.monotonic() - found[0] < self.seconds:
                self._values.move_to_end(key)
                return True, found[1]
            return False, None

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value for ``key``, or ``make()`` stored for later. Requests for the
        same key wait for one ``make()`` rather than each building it (a burst of clients
        opening This week costs one build, not twenty)."""
        hit, value = self._fresh(key)
        if hit:
            return value  # type: ignore[return-value]
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            hit, value = self._fresh(key)
            if hit:
                return value  # type: ignore[return-value]
            try:
                made = make()
                # Stored before the lock goes, so a request arriving in between finds
                # the value instead of building it again.
                with self._lock:
                    self._values[key] = (time.monotonic(), made)
                    self._values.move_to_end(key)
                    while len(self._values) > self.size:
                        self._values.popitem(last=False)
            finally:  # a failed build (a 404, say) leaves no lock behind
                with self._lock:
                    self._building.pop(key, None)
        return made

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
