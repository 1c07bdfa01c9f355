"""The application handle passed to every service: validated settings and an engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from iscg_mailbot.config import Settings
from iscg_mailbot.store.database import connect, require_current_schema, session_scope


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

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on error."""
        with session_scope(self.engine) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
