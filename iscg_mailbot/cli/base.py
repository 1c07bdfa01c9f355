"""The root Click group, shared options and the error boundary."""

from __future__ import annotations

import atexit
import gc
import importlib
import logging
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import click

from iscg_mailbot.cli.output import echo_json  # noqa: F401 - re-exported for commands
from iscg_mailbot.errors import MailbotError

# Start-up time: `--help` and the command modules import neither the settings (pydantic)
# nor the services (SQLAlchemy, Alembic, spaCy...); each command imports what it calls.
if TYPE_CHECKING:
    from iscg_mailbot.services.app import App
    from iscg_mailbot.settings.main import Settings


@dataclass
class CliState:
    """What the root group parsed; commands ask it for settings and an App."""

    config_path: str | None
    debug: bool
    _settings: Settings | None = None
    _apps: list[App] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from iscg_mailbot.settings.main import load_settings

            self._settings = load_settings(self.config_path)
        return self._settings

    def app(self, *, check_schema: bool = True, create: bool = False) -> App:
        """The database handle. Only ``create`` (``db upgrade``) may create a SQLite
        file: other commands get an error naming the missing file, not a new database."""
        from iscg_mailbot.services.app import App

        _start_up_done()
        app = App.open(self.settings, check_schema=check_schema, create=create)
        self._apps.append(app)
        return app

    def close(self) -> None:
        for app in self._apps:
            app.close()


#: The cyclic collector's first threshold while a command process starts (Python's
#: default: 700). See :meth:`MailbotGroup.__call__`.
START_UP_GC_THRESHOLD = 200_000
#: Python's thresholds, while the start-up's are in force.
_gc_defaults: list[tuple[int, int, int]] = []


def _start_up_done() -> None:
    """The command opens the database: from here on its work, not its imports, makes the
    objects, and the collector runs as Python's defaults say, over the objects made from
    now on: those of the start-up are frozen first (else the first collection would scan
    all of them at once, and every full one again)."""
    if _gc_defaults:
        gc.freeze()
        gc.set_threshold(*_gc_defaults.pop())


#: The module of ``iscg_mailbot.cli`` that declares each command. A process imports the
#: one its command is in (issue 17, start-up: a query need not declare ~80 commands'
#: options); ``--help`` and a name no command has import them all.
#: ``tests/test_cli_startup.py`` holds this table to the commands the modules declare.
COMMAND_MODULES = {
    "actions": "actions", "search": "actions",
    "calendar": "calendar",
    "config": "config",
    "db": "ingest", "demo": "ingest", "import": "ingest", "status": "ingest",
    "sync": "ingest", "threads": "ingest",
    "digest": "digest", "members": "digest",
    "meetings": "meetings",
    "overlaps": "overlaps",
    "reminders": "reminders",
    "report": "report",
    "tag": "topics", "topics": "topics",
    "serve": "web",
    "health": "worker", "run": "worker",
}


def load_all_commands() -> None:
    """Import every command module: each registers its commands on :data:`cli`."""
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"iscg_mailbot.cli.{module}")


class MailbotGroup(click.Group):
    """A group that turns MailbotError into one line on stderr and exit code 1, and
    imports a command's module when the command is asked for."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            module = COMMAND_MODULES.get(cmd_name)
            if module is None:
                load_all_commands()  # Click's "did you mean" reads every command
            else:
                importlib.import_module(f"iscg_mailbot.cli.{module}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """The process's entry point (the console script, ``python -m iscg_mailbot``; the
        tests' runner calls :meth:`main`, not this).

        Start-up time (issue 17): importing the libraries and our modules makes ~130,000
        long-lived objects (classes, functions, module dicts) and no garbage worth
        collecting, yet at Python's default threshold the cyclic collector scanned them
        some 200 times (~40 ms of a 0.5 s query), and again while the interpreter tore
        them down at exit (~90 ms). So the collector waits for 200,000 new objects until
        the command opens the database (``CliState.app``: then the start-up's objects are
        frozen and the defaults come back; a command that never opens it keeps that
        bound), and at exit what is left is frozen: memory goes back to the system with
        the process, and refcounts still run ``__del__`` and close files.
        """
        defaults = gc.get_threshold()
        _gc_defaults[:] = [defaults]
        gc.set_threshold(START_UP_GC_THRESHOLD, *defaults[1:])
        atexit.register(gc.freeze)
        return super().__call__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MailbotError as exc:
            if _debug(ctx):
                raise
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            # Click's own flow (--help, usage errors) and exits pass through untouched,
            # before the next clause imports the database layer to name its errors.
            raise
        except _database_unavailable() as exc:
            # The database is down, locked or refusing us: a fact about the
            # environment, not a bug, so one line naming it (never the password).
            if _debug(ctx):
                raise
            _fail(f"database unavailable ({_database(ctx)}): {_first_line(exc)}")


def _database_unavailable() -> tuple[type[Exception], ...]:
    from iscg_mailbot.services.app import DATABASE_UNAVAILABLE

    return DATABASE_UNAVAILABLE


def _debug(ctx: click.Context) -> bool:
    state = ctx.find_object(CliState)
    return state is not None and state.debug


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def _database(ctx: click.Context) -> str:
    from iscg_mailbot.services.app import hide_password

    state = ctx.find_object(CliState)
    try:
        url = state.settings.database_url if state is not None else ""
        return hide_password(url)
    except Exception:  # noqa: BLE001 - only for the message
        return "the configured database"


pass_state = click.make_pass_decorator(CliState)


@click.group(cls=MailbotGroup)
@click.option(
    "--config",
    "config_path",
    envvar="ISCG_CONFIG",
    type=click.Path(dir_okay=True),
    help="Config file or directory (default: ./config/iscg-mailbot.toml; env ISCG_CONFIG).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(package_name="iscg-mailbot")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, debug: bool) -> None:
    """iscg-mailbot: ingest, tag and digest the ITU ISCG mailing list."""
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    state = CliState(config_path=config_path, debug=debug)
    ctx.obj = state
    ctx.call_on_close(state.close)

