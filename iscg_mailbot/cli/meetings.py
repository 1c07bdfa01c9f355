"""Commands of the meetings calendar: meetings list, meetings accept."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import echo_json, print_table

# Each command imports the services it calls (start-up time: see cli/base.py).
if TYPE_CHECKING:
    from iscg_mailbot.services.meetings import MeetingRow


@cli.group()
def meetings() -> None:
    """The meetings calendar (config/meetings.yaml) and ISCG meetings announced on the list."""


def _when(row: MeetingRow) -> str:
    days = row.start.isoformat() if row.end is None else f"{row.start} to {row.end}"
    time = f" {row.time} {row.timezone}".rstrip() if row.time else ""
    return days + time


@meetings.command("list")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Leave out meetings that ended before this day (2026-01-01).")
@click.option("--configured", "configured_only", is_flag=True,
              help="Only meetings in meetings.yaml (not those announced on the list).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def meetings_list(state: CliState, since: datetime | None, configured_only: bool,
                  as_json: bool) -> None:
    """Configured meetings and ISCG meetings announced on the list ("proposed"), by date."""
    from iscg_mailbot.services import meetings as meeting_service

    rows = meeting_service.list_meetings(
        state.app(), since=since.date() if since else None, include_proposed=not configured_only)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("no meetings")
        return
    print_table(["id", "status", "body", "when", "place", "title"],
                [[r.id, r.status, r.body, _when(r), r.place or "-", r.title] for r in rows])
    proposed = [r.id for r in rows if r.status == meeting_service.PROPOSED]
    if proposed:
        click.echo(f"add a proposed meeting with: iscg-mailbot meetings accept {proposed[0]}")


@meetings.command("accept")
@click.argument("meeting_id")
@pass_state
def meetings_accept(state: CliState, meeting_id: str) -> None:
    """Add the ISCG meeting MEETING_ID announced on the list to meetings.yaml."""
    from iscg_mailbot.services import meetings as meeting_service

    row = meeting_service.accept_meeting(state.app(), meeting_id)
    click.echo(f"added {row.id} ({_when(row)}) to the meetings calendar")
