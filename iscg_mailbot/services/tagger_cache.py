"""The topic tagger, kept on disk between commands.

Building the tagger (a spaCy pipeline, then every phrase of ``topics.yaml`` and every
entity pattern compiled into matchers) takes about a second, which every command that
tags or explains would otherwise pay again. The built tagger is pickled into the cache
directory under a key made of everything it is built from: the topic file's bytes, the
source of the code that builds it (``iscg_mailbot/analyse``, the settings and records
it uses), and the versions of Python, spaCy and its lookup tables. A changed file or an
upgrade gives a new key, so a stale tagger is never used; an unreadable or corrupt
cache file is rebuilt and replaced; a cache directory that cannot be written is simply
not used.

The directory: ``ISCG_CACHE_DIR``, else ``$XDG_CACHE_HOME/iscg-mailbot``, else
``~/.cache/iscg-mailbot``. It holds only files this module wrote (a pickle runs code
when loaded, so the directory must be the user's own, as the XDG one is).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import pickle
import platform
import tempfile
import threading
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

# Where cached taggers live.
from iscg_mailbot.settings.cache_dir import cache_dir

if TYPE_CHECKING:
    from iscg_mailbot.analyse.topics import TopicTagger

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]
# The code a pickled tagger was built by: a change to any of it makes a new key.
_BUILT_BY = ("analyse/*.py", "settings/topics.py", "settings/topic_phrase.py",
             "settings/itu_bodies.py", "records.py",
             "settings/types.py", "settings/yamlfile.py", "services/tagger_cache.py")
_VERSIONS = ("spacy", "spacy-lookups-data", "thinc", "pydantic")
_PREFIX = "tagger-"
# Taggers kept: a few, so that two configurations used in turn (a test run, a second
# deployment) do not evict each other at every command.
_KEEP = 4
_lock = threading.Lock()
_taggers: dict[str, TopicTagger] = {}


def cache_key(topics_file: Path, model: str | None = None, also: Sequence[Path] = ()) -> str:
    """A digest of the topic file's content, the code building the tagger and the
    library versions; ``model`` (a pretrained pipeline named in the file) adds whether
    it is installed, since the tagger falls back on blank English without it; ``also``
    names other files the tagger is built from (a missing one counts as empty)."""
    digest = hashlib.sha256()
    digest.update(topics_file.read_bytes())
    for extra in also:
        digest.update(b"\0" + (extra.read_bytes() if extra.is_file() else b"\0missing"))
    for pattern in _BUILT_BY:
        for source in sorted(_PACKAGE.glob(pattern)):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    versions = [platform.python_version()]
    for name in _VERSIONS:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    if model:
        versions.append(f"{model}={importlib.util.find_spec(model) is not None}")
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()[:32]


def cached_tagger(topics_file: Path, build: Callable[[], TopicTagger],
                  model: str | None = None, also: Sequence[Path] = ()) -> TopicTagger:
    """The tagger of ``topics_file`` (and the files in ``also``): unpickled from the
    cache when it holds one built from this very content and code, else ``build()``,
    then stored for the next time."""
    try:
        key = cache_key(topics_file, model, also)
    except OSError:
        return build()  # the topic file cannot be read: build() says so
    with _lock:
        tagger = _taggers.get(key)
    if tagger is not None:
        return tagger
    path = cache_dir() / f"{_PREFIX}{key}.pickle"
    tagger = _load(path)
    if tagger is None:
        tagger = build()
        _store(path, tagger)
    with _lock:
        # One per process: a second application object (a test, a reload that changed
        # nothing the tagger is built from) shares the tagger instead of unpickling it.
        _taggers.clear()
        _taggers[key] = tagger
    return tagger


def _load(path: Path) -> TopicTagger | None:
    if not path.is_file():
        return None
    # Unpickling a pipeline may need the components registered by the module that
    # builds it (the lemma-key component of a pretrained pipeline).
    import iscg_mailbot.analyse.nlp  # noqa: F401
    from iscg_mailbot.analyse.topics import TopicTagger

    try:
        with path.open("rb") as file:
            tagger = pickle.load(file)
    except Exception as exc:  # noqa: BLE001 - any damage means "build it again"
        log.warning("ignoring the damaged tagger cache %s (%s); rebuilding it", path, exc)
        return None
    return tagger if isinstance(tagger, TopicTagger) else None


def _store(path: Path, tagger: TopicTagger) -> None:
    """Write atomically (a reader never sees half a file); keep the newest few."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as file:
            tmp = Path(file.name)
            pickle.dump(tagger, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        cached = sorted(path.parent.glob(f"{_PREFIX}*.pickle"),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in cached[_KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError) as exc:
        log.debug("tagger not cached in %s: %s", path.parent, exc)
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
