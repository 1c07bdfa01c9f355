"""The application handle passed to every service: validated settings and an engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from iscg_mailbot.config import Settings
from iscg_mailbot.store.database import connect, require_current_schema, session_scope, upgrade

# What a database that is down, locked or refusing us raises, from any service: a fact
# about the environment, not a bug, which the shells report in one line.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def hide_password(url: str) -> str:
    """A database URL fit for messages: its password, if any, shown as ``***``."""
    return make_url(url).render_as_string(hide_password=True)


@dataclass
class App:
    """Settings plus a database engine; create with :meth:`open`."""

    settings: Settings
    engine: Engine

    @classmethod
    def open(cls, settings: Settings, *, check_schema: bool = True) -> App:
        """Connect to the configured database; refuse an un-migrated one unless told not to."""
        engine = connect(settings.database_url)
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
