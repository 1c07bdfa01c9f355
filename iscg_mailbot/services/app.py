"""The application handle passed to every service: validated settings, the configuration
files read once (:class:`ConfigFiles`), the topic tagger built from them, and an engine.

Services take what they need from the handle and never open a configuration file
themselves; :meth:`App.reload_config` reads the files again (the worker's SIGHUP, the
website after a topic edit).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.tagger_cache import cached_tagger
from iscg_mailbot.settings.loaded import ConfigFiles
from iscg_mailbot.settings.main import CONFIG_FILE_NAME, Settings
from iscg_mailbot.store.database import (
    connect,
    require_current_schema,
    require_database_file,
    session_scope,
    upgrade,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    # spaCy comes in with the tagger, on first use: commands that never tag start fast.
    from iscg_mailbot.analyse.topics import TopicTagger

# What a database that is down, locked or refusing us raises, from any service: a fact
# about the environment, not a bug, which the shells report in one line.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def hide_password(url: str) -> str:
    """A database URL fit for messages: its password, if any, shown as ``***``."""
    return make_url(url).render_as_string(hide_password=True)


def database_url(settings: Settings) -> str:
    """The configured database URL, checked: a ConfigError naming the setting it came
    from (ISCG_DATABASE_URL or the config file's ``[database] url``) and the fix, for a
    value SQLAlchemy cannot read as a URL or has no driver for."""
    url = settings.database_url
    try:
        make_url(url).get_dialect()
    except ArgumentError:  # NoSuchModuleError too: an unknown scheme
        origin = ("ISCG_DATABASE_URL" if os.environ.get("ISCG_DATABASE_URL")
                  else f"{settings.config_dir}/{CONFIG_FILE_NAME}: database.url")
        scheme = url.split("://", 1)[0] if "://" in url else None
        # Whatever is before "@" may hold a password: never shown.
        shown = f"{scheme}://…@{url.rsplit('@', 1)[1]}" if scheme and "@" in url else url
        problem = f"unknown kind of database {scheme!r}" if scheme else "not a database URL"
        example = f"sqlite:///{url}" if scheme is None and url.strip() else "sqlite:///data/x.db"
        raise ConfigError(
            f"{origin} = {shown!r}: {problem}; write {example} for a SQLite file "
            "(sqlite:////abs/path.db for an absolute path) or "
            "postgresql+psycopg://user@host/database"
        ) from None
    return url


@dataclass
class App:
    """Settings, the configuration files, a database engine; create with :meth:`open`."""

    settings: Settings
    engine: Engine
    # topics.yaml, members.yaml, actions.yaml, meetings.yaml, itu_bodies.yaml,
    # itu_products.yaml: each read
    # and validated at its first use, then kept until reload_config().
    config: ConfigFiles = field(init=False)
    _tagger: TopicTagger | None = field(default=None, init=False, repr=False)
    # Re-entrant: the worker's SIGHUP handler reloads on the thread it interrupted.
    _tagger_lock: threading.RLock = field(default_factory=threading.RLock, init=False,
                                          repr=False)

    def __post_init__(self) -> None:
        self.config = ConfigFiles(self.settings.config_dir)

    @classmethod
    def open(cls, settings: Settings, *, check_schema: bool = True,
             create: bool | None = None) -> App:
        """Connect to the configured database; refuse an un-migrated one unless told not to.

        Only with ``create`` (default: when the schema is not checked, i.e. the caller
        is about to migrate) may a SQLite file and its folder be created: otherwise a
        missing file is a SchemaOutdated naming it, and nothing is written to disk. A URL
        that is not one is a ConfigError naming where it came from.
        """
        if create is None:
            create = not check_schema
        url = database_url(settings)
        if check_schema and not create:
            require_database_file(url)
        engine = connect(url, create=create)
        if check_schema:
            require_current_schema(engine)
        return cls(settings=settings, engine=engine)

    @property
    def database(self) -> str:
        """The database URL with its password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on error."""
        with session_scope(self.engine) as session:
            yield session

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """One transaction on a Core connection, for a query written over the Core
        tables (``store/tables.py``): committed on success, rolled back on error. It
        needs no ORM (the chair's thread lists: ~a quarter of their process's CPU)."""
        with self.engine.begin() as connection:
            yield connection

    def upgrade_schema(self) -> list[str]:
        """Create or migrate the schema to the newest revision; return the revisions now current."""
        return upgrade(self.engine)

    def tagger(self) -> TopicTagger:
        """The topic tagger of the loaded topic list and ITU-structure table, built at
        its first use (or unpickled: see services/tagger_cache.py) and kept until
        :meth:`reload_config`. ConfigError when the topic list is missing or invalid."""
        with self._tagger_lock:
            if self._tagger is None:
                from iscg_mailbot.analyse.topics import TopicTagger

                topics, bodies = self.config.topics(), self.config.itu_bodies()
                self._tagger = cached_tagger(
                    self.config.topics_path, lambda: TopicTagger(topics, bodies=bodies),
                    topics.nlp.model, also=(self.config.itu_bodies_path,))
            return self._tagger

    def reload_config(self) -> None:
        """Read the configuration files again at their next use, and rebuild the tagger
        then: the one call after an edit (SIGHUP to the worker, a topic saved on the
        website). ``iscg-mailbot.toml`` itself (database, mailboxes, schedule) is read
        only at start."""
        with self._tagger_lock:
            self.config.reload()
            self._tagger = None

    def reload_config_if_changed(self) -> bool:
        """:meth:`reload_config` when a configuration file kept so far was edited since it
        was read (the worker asks before each job, so an edit made on the website, in
        another process, reaches it); True when it reloaded."""
        if not self.config.changed():
            return False
        self.reload_config()
        return True

    def close(self) -> None:
        self.engine.dispose()
