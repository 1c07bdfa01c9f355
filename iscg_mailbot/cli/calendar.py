"""``calendar export``: meetings and deadlines as an iCalendar (.ics) file."""

from __future__ import annotations

from pathlib import Path

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.params import OUT_FILE


@cli.group("calendar")
def calendar_group() -> None:
    """Meetings and deadlines for calendar applications."""


@calendar_group.command("export")
@click.option("--member", "member_address", metavar="ADDR",
              help="Only this member's deadlines (meetings are always included).")
@click.option("--out", "out", required=True, type=OUT_FILE,
              help="The .ics file to write.")
@pass_state
def calendar_export(state: CliState, member_address: str | None, out: Path) -> None:
    """Write meetings.yaml's meetings and open deadlines to FILE.ics (stable UIDs)."""
    from iscg_mailbot.services import ical as ical_service

    report = ical_service.export_calendar(state.app(), out, member_address=member_address)
    click.echo(f"{report.path}: {report.meetings} meetings, {report.deadlines} deadlines")
