"""A small time-limited cache for pages that are costly to build and may be a little old.

"This week" rebuilds the digest's content (every open action item of the list, each
active thread): on a large archive that takes a second, so each member's copy is kept
for :data:`LIVE_SECONDS`. A past digest is rebuilt as it stood when its period closed,
which changes only if old mail arrives late: kept for :data:`PAST_SECONDS`.
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


class TtlCache(Generic[T]):
    """At most ``size`` values, each kept ``seconds``; least recently used go first."""

    def __init__(self, seconds: float, size: int = 256) -> None:
        self.seconds = seconds
        self.size = size
        self._values: OrderedDict[Hashable, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value for ``key``, or ``make()`` (outside the lock) stored for later."""
        now = time.monotonic()
        with self._lock:
            found = self._values.get(key)
            if found is not None and now - found[0] < self.seconds:
                self._values.move_to_end(key)
                return found[1]
        value = make()
        with self._lock:
            self._values[key] = (now, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
