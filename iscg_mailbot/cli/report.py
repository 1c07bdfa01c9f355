"""``report annual`` and ``report areas``: the annual report to the advisory groups and the
secretariat's list of areas of mutual interest."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import print_table
from iscg_mailbot.cli.params import OUT_FILE


@cli.group("report")
def report_group() -> None:
    """Reports of the group's work (annual report, areas of mutual interest)."""


@report_group.command("annual")
@click.option("--year", type=click.IntRange(2000, 2100), required=True, help="The year, e.g. 2026.")
@click.option("--for", "for_group", type=click.Choice(["RAG", "TSAG", "TDAG"]),
              help="The advisory group addressed (default: all three).")
@click.option("--out", required=True, type=OUT_FILE,
              help="FILE.docx (an ITU contribution), FILE.html or FILE.md.")
@pass_state
def report_annual(state: CliState, year: int, for_group: str | None, out: Path) -> None:
    """Write the annual report: per area of mutual interest, what the group did."""
    from iscg_mailbot.services import report_annual as report_service

    written = report_service.write_annual_report(state.app(), year, out, for_group=for_group)
    report = written.report
    click.echo(f"{written.path}: {len(report.sections)} areas, {report.threads} threads, "
               f"{report.liaisons} liaison statements, {len(report.issues)} key issues")


@report_group.command("areas")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="First day (default: a year before --until).")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Last day (default: today).")
@click.option("--csv", "csv_path", type=OUT_FILE,
              help="Also write the matrix to this CSV file.")
@pass_state
def report_areas(state: CliState, since: datetime | None, until: datetime | None,
                 csv_path: Path | None) -> None:
    """Messages per area of mutual interest per Sector and advisory group."""
    from iscg_mailbot.services import report_annual as report_service

    matrix = report_service.areas(state.app(), since=since.date() if since else None,
                                  until=until.date() if until else None)
    print_table(["topic", *matrix.columns], [[topic, *counts] for topic, counts in matrix.rows],
                title=f"Areas of mutual interest, {matrix.since} to {matrix.until} (messages)")
    if csv_path is not None:
        csv_path.write_text(matrix.csv(), encoding="utf-8")
        click.echo(f"wrote {csv_path}")
