"""The ``run`` command: the scheduled worker (sync, analysis, weekly digest)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.errors import MailbotError


@cli.command()
@click.option("--wait", is_flag=True,
              help="If another worker runs on this database, wait for it to stop instead of exiting.")
@click.option("--log-format", type=click.Choice(["json", "text"]), default="json",
              show_default=True, help="Log lines on stderr: JSON objects or plain text.")
@pass_state
def run(state: CliState, wait: bool, log_format: str) -> None:
    """Run the worker: sync every N minutes, send the digest on schedule, until SIGTERM/SIGINT.

    One worker per database; a second one says so and exits (or waits, with --wait).
    """
    from iscg_mailbot.worker import Worker, configure_logging

    configure_logging(logging.DEBUG if state.debug else logging.INFO, log_format)
    Worker(state.app(), wait_for_lock=wait).run()


@cli.command()
@pass_state
def health(state: CliState) -> None:
    """Exit 0 while a worker holds its lease on the database, else say why and exit 1.

    For a container's HEALTHCHECK or a monitoring probe: the worker renews its lease
    every few seconds, so an expired lease means the worker stopped or hangs.
    """
    from iscg_mailbot.services.worker import worker_lease

    lease = worker_lease(state.app())
    now = datetime.now(UTC)
    if lease is None:
        raise MailbotError("no worker is running on this database (start one: iscg-mailbot run)")
    if not lease.alive(now):
        raise MailbotError(
            f"the worker {lease.holder} stopped renewing its lease at "
            f"{lease.heartbeat_at:%Y-%m-%d %H:%M:%S} UTC; check its log and restart it")
    click.echo(f"ok: worker {lease.holder}, lease renewed at "
               f"{lease.heartbeat_at:%Y-%m-%d %H:%M:%S} UTC")
