"""Shared fixtures: database URLs for SQLite and PostgreSQL, and the services rule.

A test that needs a server calls :func:`require_service`: it skips with the reason,
or fails when ISCG_REQUIRE_SERVICES=1 (as CI sets it).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from iscg_mailbot.store.database import connect, upgrade

# pytest-xdist's workers run with COLUMNS=80 and LINES=24 set; the CLI's tables follow
# COLUMNS, so drop them: tables are laid out as for a pipe unless a test sets a width.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)

pytest_plugins = ["tests.servers.fixtures", "tests.servers.smtp_fixtures"]

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.fixture(autouse=True, scope="session")
def _tagger_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Taggers built by the tests (and their worker processes) are cached in a folder of
    the test session, never in the user's own cache."""
    os.environ["ISCG_CACHE_DIR"] = str(tmp_path_factory.mktemp("tagger-cache"))


def require_service(available: bool, reason: str) -> None:
    """Skip the test when a server is missing, or fail under ISCG_REQUIRE_SERVICES=1."""
    if available:
        return
    if os.environ.get("ISCG_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service unavailable (ISCG_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(reason)


def postgres_admin_url() -> str:
    return os.environ.get("ISCG_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str | None]:
    """A throw-away PostgreSQL database for this test session (dropped at the end).

    Each session gets its own database so parallel runs never see each other's rows.
    Yields its URL, or None when the server cannot be reached.
    """
    admin_url = postgres_admin_url()
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            name = f"iscg_test_{uuid.uuid4().hex[:12]}"
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        yield None
        os.environ.setdefault("ISCG_POSTGRES_ERROR", str(exc).splitlines()[0])
        return
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str | None = request.getfixturevalue("postgres_server")
    require_service(url is not None, f"PostgreSQL not reachable at {postgres_admin_url()}")
    assert url is not None
    _reset_postgres(url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on each database."""
    eng = connect(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()
