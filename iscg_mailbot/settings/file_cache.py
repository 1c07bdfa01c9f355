"""The secretariat's YAML files, parsed once per version of the file in a process.

Parsing ``topics.yaml`` costs ~40 ms and ``members.yaml`` and ``actions.yaml`` a few each.
Each application object keeps what it loaded until it reloads (settings/loaded.py); this
cache only spares a second application object in the same process (a test, a forked
analysis child, a reload after an edit of another file) parsing an unchanged file again.
A file is parsed again when its modification time, size or inode changes.

>>> config = cached(topics_path(config_dir), load_topics)     # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_lock = threading.Lock()
_loaded: dict[tuple[str, str], tuple[tuple[int, int, int], Any]] = {}


def file_version(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of a file from the next (modification time, size, inode);
    None when the file cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def cached(path: Path, load: Callable[[Path], T]) -> T:
    """``load(path)``, or the value it gave for this version of the file.

    A missing file is not cached (``load`` decides what that means, e.g. a ConfigError).
    """
    version = file_version(path)
    if version is None:
        return load(path)
    key = (str(path.resolve()), f"{load.__module__}.{load.__qualname__}")
    with _lock:
        found = _loaded.get(key)
    if found is not None and found[0] == version:
        value: T = found[1]
        return value
    value = load(path)
    with _lock:
        _loaded[key] = (version, value)
    return value
