"""Engines, sessions and the schema check every command runs first.

Only ``db upgrade`` (and ``demo``, on its own file) may create a SQLite database: every
other command opens it with ``create=False``, which never makes a file or a folder, so a
mistyped path or a command run from another folder says so instead of leaving an empty
database behind. Alembic is imported only to migrate or to explain a schema that is not
current: the check every command runs compares one row with :func:`script_heads`.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from iscg_mailbot.errors import ConfigError, SchemaOutdated
from iscg_mailbot.store import write_gate
from iscg_mailbot.store.versions import watch

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from sqlalchemy.orm import Session, sessionmaker

UPGRADE_HINT = "run: iscg-mailbot db upgrade"
CREATE_HINT = ("check ISCG_DATABASE_URL or [database] url, try the sample with "
               f"iscg-mailbot demo, or create it; {UPGRADE_HINT}")


def migrations_dir() -> Path:
    """The Alembic script directory: ISCG_MIGRATIONS_DIR, else the copy installed with the
    package (``iscg_mailbot/migrations`` of a wheel), else ``migrations/`` of the checkout."""
    env = os.environ.get("ISCG_MIGRATIONS_DIR")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parents[1]
    installed = package / "migrations"
    return installed if installed.is_dir() else package.parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, begin transactions: the module's own
    # implicit BEGIN skips SAVEPOINTs, so a nested transaction would silently commit
    # and a batch would no longer be stored atomically with its mailbox position.
    dbapi_connection.isolation_level = None
    # WAL lets readers (the chair's queries) run while the worker writes; the busy
    # timeout turns a briefly locked file into a wait instead of an error.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one).

    >>> sqlite_file("sqlite:///data/demo.db"), sqlite_file("sqlite://")
    (PosixPath('data/demo.db'), None)
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def require_database_file(url: str) -> None:
    """SchemaOutdated naming the file (absolute) when a SQLite database does not exist."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise SchemaOutdated(f"no database at {path.resolve()} (the file does not exist): "
                             f"{CREATE_HINT}")


def _open_existing_only(path: Path) -> Any:
    """A ``do_connect`` hook opening the SQLite file read-write but never creating it
    (SQLite's ``mode=rw`` URI), whatever asks for a connection."""
    uri = path.resolve().as_uri() + "?mode=rw"

    def do_connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> None:
        if cargs:
            cargs[0] = uri
        else:
            cparams["database"] = uri
        cparams["uri"] = True

    return do_connect


def connect(url: str, *, create: bool = True) -> Engine:
    """Create an engine for ``url`` (its commits raise the data version, see
    ``store/versions.py``); for SQLite, enable WAL, and with ``create`` make the
    file's folder (SQLite makes the file); without it, a missing file is an error on
    connecting, never a new empty database."""
    path = sqlite_file(url)
    if make_url(url).get_backend_name() == "sqlite":
        if path is not None and create:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        if path is not None and not create:
            event.listen(engine, "do_connect", _open_existing_only(path))
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        if path is not None:
            write_gate.watch(engine, path)  # writers queue in the kernel, not by polling
        watch(engine)
        return engine
    # No hstore column anywhere: without this, every new process's first connection
    # asks the server for the hstore type (three more round trips: SAVEPOINT, SELECT,
    # RELEASE), which a command waiting on a busy server pays in wall time.
    driver_url = _postgres_driver(url)
    # No JIT compilation unless the URL asks for other server options: the planner
    # compiled the chair's thread lists (20-45 ms of a 35 ms query at 100,000 messages)
    # for a cost estimate that counts a correlated count for every thread, where only a
    # few run. Sent with the connection (libpq's ``options``): no round trip.
    connect_args = {} if "options" in driver_url.query else {"options": "-c jit=off"}
    engine = create_engine(driver_url, pool_pre_ping=True, use_native_hstore=False,
                           connect_args=connect_args)
    watch(engine)
    return engine


def _postgres_driver(url: str) -> URL:
    """``url`` with psycopg as its PostgreSQL driver when it names none (SQLAlchemy's
    default, psycopg2, is not what the project installs); a ConfigError in one line when
    psycopg is missing: it comes with the ``postgres`` extra, not with every install."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername == "postgresql+psycopg":
        try:
            import psycopg  # noqa: F401 - only whether it is there
        except ImportError:
            raise ConfigError(
                f"{parsed.render_as_string(hide_password=True)}: PostgreSQL needs the psycopg "
                "driver, which is not installed; install it with: "
                "pip install 'iscg-mailbot[postgres]' (the Docker image has it)") from None
    return parsed


_FACTORY = "_iscg_session_factory"


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    # One factory per engine, kept on it: each sessionmaker makes a Session subclass
    # whose event set-up cost ~0.3 ms, which every service call used to pay.
    factory: sessionmaker[Session] | None = getattr(engine, _FACTORY, None)
    if factory is None:
        # Imported here: the chair's thread lists run on a connection, without the ORM
        # (store/tables.py).
        from sqlalchemy.orm import sessionmaker

        factory = sessionmaker(engine, expire_on_commit=False)
        setattr(engine, _FACTORY, factory)
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(engine: Engine) -> AlembicConfig:
    """Alembic's configuration for ``engine`` and the migrations of :func:`migrations_dir`."""
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> list[str]:
    """Apply all migrations; return the revisions now current."""
    from alembic import command

    command.upgrade(alembic_config(engine), "heads")
    return sorted(current_revisions(engine))


def current_revisions(engine: Engine) -> set[str]:
    """The revisions the database is at (empty when it has no schema)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def head_revisions(engine: Engine) -> set[str]:
    """The newest revisions of the migration scripts."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())


def script_heads(directory: Path | None = None) -> set[str] | None:
    """The head revisions of the migration scripts, read with :mod:`ast` (a few
    milliseconds; Alembic's ScriptDirectory imports every script and Alembic itself, a
    tenth of a second); None when a script is not the plain kind this reads (module-level
    literal ``revision`` and ``down_revision``), so that the caller asks Alembic.
    tests/test_cli_newcomer.py checks that both agree."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((directory or migrations_dir()).glob("versions/*.py")):
        try:
            text = script.read_text(encoding="utf-8")
            # The identifiers come before the functions: parsing only the statements above
            # the first top-level ``def`` is an eighth of the work (~1 ms for all scripts,
            # not 8); the whole script when they are not there.
            try:
                found = _identifiers(text[:text.find("\ndef ")] if "\ndef " in text else text)
            except (SyntaxError, ValueError):  # cut inside a string: read it all
                found = {}
            if not isinstance(found.get("revision"), str):
                found = _identifiers(text)
        except (OSError, SyntaxError, ValueError):
            return None
        if not isinstance(found.get("revision"), str):
            return None
        revisions.add(found["revision"])
        down = found.get("down_revision")
        parents.update([down] if isinstance(down, str) else list(down or ()))
    heads = revisions - parents
    return heads or None


def _identifiers(source: str) -> dict[str, Any]:
    """The literal ``revision`` and ``down_revision`` assigned at the top level of
    ``source`` (SyntaxError, ValueError when it is not Python or they are no literals)."""
    found: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets: list[ast.expr] = [node.target]
            value = node.value
        elif isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                found[target.id] = ast.literal_eval(value)
    return found


def _at_schema_head(engine: Engine) -> bool:
    """True when the database is at the scripts' one head: one query and
    :func:`script_heads`, no Alembic (most commands cost less than importing it)."""
    heads = script_heads()
    if heads is None or len(heads) != 1:
        return False
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return False  # no alembic_version table (or worse): Alembic's way says which
    return {row[0] for row in rows} == heads and len(rows) == 1


def require_current_schema(engine: Engine) -> None:
    """Raise SchemaOutdated unless the database is at the newest migration."""
    if _at_schema_head(engine):
        return
    current = current_revisions(engine)
    heads = head_revisions(engine)
    if not current:
        raise SchemaOutdated(f"the database has no schema yet; {UPGRADE_HINT}")
    if current != heads:
        unknown = current - {rev.revision for rev in _all_revisions(engine)}
        if unknown:
            raise SchemaOutdated(
                f"the database is at revision {', '.join(sorted(unknown))}, which this "
                "version does not know (newer code wrote it); upgrade iscg-mailbot"
            )
        raise SchemaOutdated(f"the database schema is out of date; {UPGRADE_HINT}")


def _all_revisions(engine: Engine) -> list[Any]:
    from alembic.script import ScriptDirectory

    return list(ScriptDirectory.from_config(alembic_config(engine)).walk_revisions())
