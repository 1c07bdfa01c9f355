"""``overlaps list`` and ``overlaps dismiss``: the duplication watch."""

from __future__ import annotations

from datetime import datetime

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import echo_json, print_table


@cli.group()
def overlaps() -> None:
    """Possible duplication of effort: Sectors working on one subject in separate threads."""


@overlaps.command("list")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Threads active from this day (default: a year ago).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def overlaps_list(state: CliState, since: datetime | None, as_json: bool) -> None:
    """Pairs of threads that look like the same work in two Sectors, strongest first."""
    from iscg_mailbot.services import overlaps as overlap_service

    rows = overlap_service.list_overlaps(state.app(), since=since.date() if since else None)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("no possible overlaps")
        return
    print_table(["id", "threads", "Sectors", "evidence"],
                [[r.id, f"{r.thread_a}: {r.subject_a}\n{r.thread_b}: {r.subject_b}",
                  f"{r.sector_a} / {r.sector_b}", r.evidence] for r in rows])
    click.echo(f"not an overlap? iscg-mailbot overlaps dismiss {rows[0].id}")


@overlaps.command("dismiss")
@click.argument("overlap_id")
@click.option("--note", help="Why it is not duplicated work (kept with the decision).")
@pass_state
def overlaps_dismiss(state: CliState, overlap_id: str, note: str | None) -> None:
    """Dismiss the flag OVERLAP_ID (e.g. 12-40): that pair is never flagged again."""
    from iscg_mailbot.services import overlaps as overlap_service

    pair = overlap_service.dismiss_overlap(state.app(), overlap_id, note=note)
    click.echo(f"dismissed {pair}")
