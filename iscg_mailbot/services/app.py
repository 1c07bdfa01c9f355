"""The application handle passed to every service: validated settings and an engine."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.main import CONFIG_FILE_NAME, Settings
from iscg_mailbot.store.database import (
    connect,
    require_current_schema,
    require_database_file,
    session_scope,
    upgrade,
)

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
    """Settings plus a database engine; create with :meth:`open`."""

    settings: Settings
    engine: Engine

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

    def upgrade_schema(self) -> list[str]:
        """Create or migrate the schema to the newest revision; return the revisions now current."""
        return upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()
