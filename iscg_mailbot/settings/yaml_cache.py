"""The secretariat's YAML files as last parsed, kept on disk between commands.

Importing PyYAML costs a query command (``threads list --open``, ``actions list``, which
read ``actions.yaml`` for the list's time zone) ~8 ms of its ~0.35 s (issue 17): the
package imports its pure-Python reader, scanner, emitter and resolver, and compiles their
patterns, even when libyaml parses. So the mapping a file parsed to is kept as JSON in the
cache folder (``settings/cache_dir.py``), one file per configuration file, under a digest
of the file's text and of the PyYAML installed; a command whose file is unchanged reads
that back instead of importing PyYAML. Only the parse is kept: every command still
validates what it reads (the models of ``settings/``), so an error in a file is reported
exactly as before, and a file that does not parse is never kept.

A mapping JSON cannot give back as it was (dates in ``meetings.yaml``, keys that are not
strings) is not kept: such a file is parsed every time. A cache folder that cannot be
made or written, or a damaged entry, only means parsing again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from iscg_mailbot.settings.cache_dir import cache_dir

_PREFIX = "parsed-"
# Raise when what is kept changes shape: entries of another format are parsed again.
_FORMAT = b"1"


def kept_parse(path: Path, text: str) -> dict[str, Any] | None:
    """The mapping ``text`` (the content of ``path``) parsed to when it was last kept,
    None when nothing is kept for this very text."""
    entry = _entry(path)
    try:
        kept = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != _key(text):
        return None
    data = kept.get("data")
    return data if isinstance(data, dict) else None


def keep_parse(path: Path, text: str, data: dict[str, Any]) -> None:
    """Keep ``data``, what ``text`` parsed to, when JSON gives it back unchanged."""
    try:
        encoded = json.dumps({"key": _key(text), "data": data})
    except (TypeError, ValueError):
        return  # a date, a set...: parsed every time
    if json.loads(encoded)["data"] != data:
        return  # e.g. integer keys, which JSON turns into strings
    entry = _entry(path)
    written: str | None = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a reader never sees half an entry.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=entry.parent,
                                         prefix=".tmp-", delete=False) as file:
            written = file.name
            file.write(encoded)
        os.replace(written, entry)
    except OSError:  # a read-only or full disk: parsed next time
        if written is not None:
            with contextlib.suppress(OSError):
                os.unlink(written)


def _entry(path: Path) -> Path:
    """The cache file of one configuration file (by its absolute path)."""
    name = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:24]
    return cache_dir() / f"{_PREFIX}{name}.json"


def _key(text: str) -> str:
    """A digest of the text and of the PyYAML that parses it (its installed package's
    ``__init__.py``, found without importing it: an upgrade changes its size or time)."""
    digest = hashlib.sha256(_FORMAT + b"\0" + text.encode("utf-8"))
    spec = importlib.util.find_spec("yaml")
    origin = spec.origin if spec is not None else None
    if origin:
        with contextlib.suppress(OSError):
            stat = os.stat(origin)
            digest.update(f"\0{origin}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()
