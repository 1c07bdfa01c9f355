"""Shared fixtures: database URLs for SQLite and PostgreSQL, and the services rule.

A test that needs a server calls :func:`require_service`: it skips with the reason,
or fails when ISCG_REQUIRE_SERVICES=1 (as CI sets it).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.itu_bodies import load_itu_bodies
from iscg_mailbot.settings.members import MembersConfig, load_members
from iscg_mailbot.settings.topics import load_topics
from iscg_mailbot.store.database import connect, upgrade

# pytest-xdist's workers run with COLUMNS=80 and LINES=24 set; the CLI's tables follow
# COLUMNS, so drop them: tables are laid out as for a pipe unless a test sets a width.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)

pytest_plugins = ["tests.servers.fixtures", "tests.servers.smtp_fixtures", "tests.web_fixtures"]

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = Path(__file__).resolve().parent / "samples"
CONFIG = Path(__file__).resolve().parents[1] / "config"


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


_SQLITE_TEMPLATE: list[Path] = []  # the migrated file of this process, once made


def migrated_sqlite(path: Path) -> str:
    """The URL of a new SQLite database at ``path`` with every migration applied: a copy
    of a file migrated once per process (running the migrations takes a quarter of a
    second; copying the file, a millisecond)."""
    if not _SQLITE_TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="iscg-migrated-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = folder / "template.db"
        engine = connect(f"sqlite:///{template}")
        upgrade(engine)
        engine.dispose()  # the last connection closed: the WAL is merged into the file
        assert not template.with_name("template.db-wal").exists()
        _SQLITE_TEMPLATE.append(template)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_SQLITE_TEMPLATE[0], path)
    return f"sqlite:///{path}"


# Everything a test could change in the schema of the migrated PostgreSQL database: when
# this differs from what the migrations built, the schema is built again from nothing.
_SCHEMA_FINGERPRINT = text("""
SELECT md5(string_agg(item, E'\n' ORDER BY item)) FROM (
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
         || coalesce(column_default, '') || ' ' || is_nullable || ' '
         || coalesce(is_generated, '') || ' ' || coalesce(generation_expression, '')
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'index ' || indexname || ' ' || indexdef
    FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' '
         || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname
    FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc)
    FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT 'type ' || typname || ' ' || typtype::text
    FROM pg_type WHERE typnamespace = 'public'::regnamespace
  UNION ALL SELECT 'relation ' || relname || ' ' || relkind::text
    FROM pg_class WHERE relnamespace = 'public'::regnamespace
  UNION ALL SELECT 'extension ' || extname FROM pg_extension
  UNION ALL SELECT 'revision ' || version_num FROM alembic_version
) AS schema(item)
""")


class _MigratedPostgres:
    """A PostgreSQL database of this session (per xdist worker) that the migrations
    build once; :meth:`fresh` hands it out as just migrated.

    Running every migration for each test cost about a second on PostgreSQL. Instead the
    rows the migrations wrote (``data_versions``'s) and the sequences' positions are kept
    after the build, and each test gets the database with every table emptied, those
    rows written back and the sequences set back, which is what the migrations leave.
    A test that changed the schema (or ``alembic_version``) changes its fingerprint: the
    next test then gets a schema built again from nothing.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.fingerprint: str | None = None
        self.tables: list[str] = []
        self.seeds: list[tuple[str, list[dict[str, object]]]] = []
        self.sequences: list[tuple[str, int, bool]] = []

    def _build(self) -> None:
        _reset_postgres(self.url)
        migrated = connect(self.url)
        upgrade(migrated)
        migrated.dispose()
        engine = create_engine(self.url, poolclass=NullPool)
        with engine.connect() as connection:
            self.fingerprint = connection.execute(_SCHEMA_FINGERPRINT).scalar_one()
            self.tables = list(connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version' ORDER BY tablename")).scalars())
            self.seeds = []
            for table in self.tables:
                rows = [dict(row) for row in
                        connection.execute(text(f'SELECT * FROM "{table}"')).mappings()]
                if rows:
                    self.seeds.append((table, rows))
            self.sequences = [
                (f'"{row.schemaname}"."{row.sequencename}"',
                 row.start_value if row.last_value is None else row.last_value,
                 row.last_value is not None)
                for row in connection.execute(text(
                    "SELECT schemaname, sequencename, start_value, last_value "
                    "FROM pg_sequences WHERE schemaname = 'public'"))]
        engine.dispose()

    def fresh(self) -> str:
        """The URL of the database, every table as the migrations left it."""
        engine = create_engine(self.url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                try:
                    current = connection.execute(_SCHEMA_FINGERPRINT).scalar_one()
                except DBAPIError:  # no alembic_version: the schema is not the built one
                    current = None
                connection.rollback()
                if self.fingerprint is not None and current == self.fingerprint:
                    self._empty(connection)
                    return self.url
        finally:
            engine.dispose()
        self._build()
        return self.url

    def _empty(self, connection: Connection) -> None:
        # Replica mode skips the foreign-key triggers: the tables empty in any order.
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        for table in self.tables:
            connection.execute(text(f'DELETE FROM "{table}"'))
        for table, rows in self.seeds:
            names = ", ".join(f'"{column}"' for column in rows[0])
            values = ", ".join(f":{column}" for column in rows[0])
            connection.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({values})'),
                               rows)
        for sequence, value, called in self.sequences:
            connection.execute(text("SELECT setval(:sequence, :value, :called)"),
                               {"sequence": sequence, "value": value, "called": called})
        connection.commit()


@pytest.fixture(scope="session")
def _postgres_migrated(postgres_server: str | None) -> Iterator[_MigratedPostgres | None]:
    """A second database beside :func:`postgres_server`'s, for the ``engine`` fixture."""
    if postgres_server is None:
        yield None
        return
    admin = create_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    url = make_url(postgres_server)
    name = f"{url.database}_migrated"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield _MigratedPostgres(url.set(database=name).render_as_string(hide_password=False))
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL, once for SQLite and once for PostgreSQL: an empty database, or a
    migrated one when the test also uses ``engine`` (the same database)."""
    migrated = "engine" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        return migrated_sqlite(path) if migrated else f"sqlite:///{path}"
    url: str | None = request.getfixturevalue("postgres_server")
    require_service(url is not None, f"PostgreSQL not reachable at {postgres_admin_url()}")
    assert url is not None
    if migrated:
        database: _MigratedPostgres = request.getfixturevalue("_postgres_migrated")
        return database.fresh()
    _reset_postgres(url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on each database (see :func:`db_url`: a copy of a migrated
    SQLite file, or the migrated PostgreSQL database emptied to what the migrations
    left)."""
    eng = connect(db_url)
    yield eng
    eng.dispose()


# -- how pytest-xdist shares the tests out (pyproject.toml sets --dist loadgroup) --------


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests of a module that share a module-scoped fixture (a built pipeline, an
    analysed sample database) run on one worker, which builds it once: an xdist group
    per such module. The other tests are handed out one at a time, the ones marked
    ``slow`` first, so that no long test is left to run alone at the end."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        definitions = info.name2fixturedefs.values() if info is not None else ()
        if any(defs and defs[-1].scope == "module" for defs in definitions):
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def archive_lines() -> list[str]:
    """Every line of the sample archive's single-part bodies (the quote gates' tests hold
    each gate to its pattern on them)."""
    import mailbox

    from iscg_mailbot.services.demo import sample_archive

    lines: list[str] = []
    for message in mailbox.mbox(sample_archive()):
        payload = message.get_payload(decode=True) if not message.is_multipart() else b""
        lines += (payload or b"").decode("utf-8", "replace").split("\n")
    return lines


@pytest.fixture(scope="session")
def tagger() -> TopicTagger:
    """The tagger of the shipped ``topics.yaml`` and ``itu_bodies.yaml`` (the topic
    tests' minimal pairs read it; a module that needs another tagger defines its own)."""
    return TopicTagger(load_topics(CONFIG / "topics.yaml"),
                       bodies=load_itu_bodies(CONFIG / "itu_bodies.yaml"))


@pytest.fixture(scope="session")
def members() -> MembersConfig:
    """The shipped ``members.yaml`` (what the action-item tests extract against; a module
    that needs other members defines its own)."""
    return load_members(CONFIG / "members.yaml")
