"""Where iscg-mailbot keeps what it can rebuild: the folder of its caches.

``ISCG_CACHE_DIR``, else ``$XDG_CACHE_HOME/iscg-mailbot``, else ``~/.cache/iscg-mailbot``.
It holds only files iscg-mailbot wrote: the topic taggers (services/tagger_cache.py),
the digest's compiled templates (report/compiled_templates.py) and the configuration
files as parsed (settings/yaml_cache.py).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (see the module docstring); it may not exist yet."""
    explicit = os.environ.get("ISCG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "iscg-mailbot"
