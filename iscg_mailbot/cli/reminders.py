"""``reminders send``: deadline reminders to owners, the weekly overdue list to the chair."""

from __future__ import annotations

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import echo_json, print_table


@cli.group()
def reminders() -> None:
    """Deadline reminders (the worker sends them every hour)."""


@reminders.command("send")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; record and send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def reminders_send(state: CliState, dry_run: bool, as_json: bool) -> None:
    """Send today's reminders, each (item, step, member) at most once."""
    from iscg_mailbot.services import reminders as reminder_service

    report = reminder_service.send_reminders(state.app(), dry_run=dry_run)
    if as_json:
        echo_json(report)
        return
    if not report.items:
        click.echo(f"{report.today}: no reminders due")
        return
    print_table(["member", "reminder", "status", "detail"],
                [[i.member_address or "-", i.key or "-", i.status, i.error or i.subject]
                 for i in report.items])
