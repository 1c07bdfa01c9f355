"""The ``run`` command: the scheduled worker (sync, analysis, weekly digest)."""

from __future__ import annotations

import logging

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state


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
