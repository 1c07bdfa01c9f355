"""The digest's possible overlaps, computed once per state of the data.

:func:`list_overlaps <iscg_mailbot.services.overlaps.list_overlaps>` reads a year of
threads (their messages in the window, stored terms, topics, entities) and compares the
week's threads with them: at 100,000 messages 0.8-2 s of CPU on every ``digest preview``.
What the digest shows of it depends on nothing but

- the stored data it reads, which every commit that changes it moves the data version
  of (``store/versions.py``'s ``THREADS`` counter: every table but action items and the
  digest's delivery records, so the chair closing an item keeps what is kept),
- the window, the week's threads and the watch's rules,
- ``members.yaml`` (which Sector leads a thread), the lists' subject tags (how subjects
  are shown) and the code that reads and compares (the ``analyse`` modules, the overlap
  services, the word tables' package),

so it is kept (``overlap_flag_cache``, revision 0021) under a key of all but the data,
and the data version read *before* the data: a reader with the same key and data version
reads it; any commit that changes a row the watch reads (a new thread, a topic edited,
a pair dismissed) makes the next reader compute it again. Rows changed outside the application
(an operator's ``sqlite3`` session) are not noticed, as for the website's pages, until
other data moves. ``tests/test_overlap_cache.py`` holds the digests to fresh ones.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from iscg_mailbot.records import DigestOverlap
from iscg_mailbot.services.app import App
from iscg_mailbot.store.overlap_cache import keep_flags, kept_flags
from iscg_mailbot.store.versions import THREADS, data_version

if TYPE_CHECKING:
    from iscg_mailbot.report.digest import Week

log = logging.getLogger(__name__)

MAX_IN_DIGEST = 5
_PACKAGE = Path(__file__).resolve().parents[1]
#: The code the flags come from, beyond the rules: how threads are read and compared.
_CODE = ("analyse/*.py", "services/overlaps.py", "services/overlap_terms.py",
         "services/overlap_cache.py", "store/overlap_terms.py", "store/annual.py",
         "store/topics.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of the source of the modules that read and compare threads, and
    of the installed word tables (an upgrade that changes how pairs are scored or terms
    read makes the kept overlaps unusable). Read without importing them: the modules'
    bytes, the word tables' distribution name (``importlib.metadata`` costs ~50 ms)."""
    digest = hashlib.sha256()
    for pattern in _CODE:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is not None and spec.origin is not None:
        site = Path(spec.origin).parent.parent
        digest.update(repr(sorted(p.name for p in site.glob("spacy_lookups_data-*"))).encode())
    return digest.hexdigest()


def overlaps_key(app: App, until: date, involving: set[int]) -> str:
    """The key of the overlaps of the year to ``until`` involving these threads, under
    this configuration and code (the data itself is the data version's)."""
    from iscg_mailbot.report.threads import list_tags

    members = app.config.members_path
    tags = [tag for config in app.settings.lists for tag in list_tags(config)]
    digest = hashlib.sha256()
    # ... and the watch's switches (``[overlaps]``: meaning, near in wording).
    digest.update(repr((code_version(), until.isoformat(), sorted(involving), tags,
                        MAX_IN_DIGEST, sorted(app.settings.overlaps.model_dump().items())
                        )).encode())
    digest.update(members.read_bytes() if members.exists() else b"(no members file)")
    return digest.hexdigest()


def _computed(app: App, until: date, involving: set[int]) -> tuple[DigestOverlap, ...]:
    from iscg_mailbot.services.overlaps import list_overlaps

    rows = list_overlaps(app, until=until, involving=involving)[:MAX_IN_DIGEST]
    return tuple(DigestOverlap(r.subject_a, r.sector_a, r.subject_b, r.sector_b, r.evidence)
                 for r in rows)


def digest_overlaps(app: App, until: date, involving: set[int]) -> tuple[DigestOverlap, ...]:
    """The possible overlaps of the year to ``until`` that involve one of these threads
    (at most :data:`MAX_IN_DIGEST`, strongest first), kept for the next reader."""
    if app.config.changed():
        # A configuration file this process keeps was edited since it was read: the
        # key (the members file as it is now) would not be what the flags are read with.
        return _computed(app, until, involving)
    key = overlaps_key(app, until, involving)
    with app.session() as session:
        # The counter of what the watch reads (closing an item leaves it), read before
        # the data: what is kept is at least as new.
        version = data_version(session, THREADS)
        kept = kept_flags(session, key, version) if version is not None else None
    if kept is not None:
        return tuple(DigestOverlap(*row) for row in kept)
    found = _computed(app, until, involving)
    if version is not None:
        try:
            with app.session() as session:
                keep_flags(session, key, version, [
                    [o.subject_a, o.sector_a, o.subject_b, o.sector_b, o.evidence]
                    for o in found])
        except SQLAlchemyError as exc:  # a read-only or busy database: computed next time
            log.info("digest overlaps not kept (%s)", exc)
    return found


def with_overlaps(app: App, week: Week, period: tuple[datetime, datetime]) -> Week:
    """``week`` with the possible overlaps that involve one of its threads (at most
    :data:`MAX_IN_DIGEST`); unchanged when there is none."""
    active = {item.row.thread_id for item in week.threads}
    if not active:
        return week
    last_day = (period[1] - timedelta(seconds=1)).date()
    found = digest_overlaps(app, last_day, active)
    if not found:
        return week
    return replace(week, base=replace(week.base, overlaps=found))


__all__ = ["MAX_IN_DIGEST", "code_version", "digest_overlaps", "overlaps_key", "with_overlaps"]

