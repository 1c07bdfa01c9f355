"""Commands of the weekly digest: digest preview/send/release/status, members check."""

from __future__ import annotations

import getpass
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import echo_json, print_table
from iscg_mailbot.cli.params import OUT_FILE
from iscg_mailbot.errors import ConfigError

# Each command imports the services it calls (start-up time: see cli/base.py).
if TYPE_CHECKING:
    from iscg_mailbot.services import digest as digest_service


@cli.group()
def digest() -> None:
    """The weekly digest: preview it, send it, see what was sent."""


@digest.command("preview")
@click.option("--member", "member", metavar="ADDR",
              help="Render it as this member receives it (default: everything, no greeting).")
@click.option("--week", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="The period holding this date (default: the last complete period).")
@click.option("--out", "out", type=OUT_FILE,
              help="Write the HTML here (the plain text goes next to it as .txt); default: "
                   "previews/digest-<period start>[-<member>].html in the data directory.")
@pass_state
def digest_preview(state: CliState, member: str | None, week: datetime | None,
                   out: Path | None) -> None:
    """Render the digest to HTML and plain text without sending anything; print where.

    By default the files go to the data directory (data_dir of the config: data/ of
    the checkout, which git ignores), so a preview never shows up in `git status`.
    """
    from iscg_mailbot.services import digest as digest_service

    day: date | None = week.date() if week else None
    preview = digest_service.preview_digest(state.app(), member_address=member, week=day)
    if out is None:
        out = default_preview_path(Path(state.settings.data_dir), preview.period_key, member)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(preview.html, encoding="utf-8")
    text_file = out.with_suffix(".txt")
    text_file.write_text(preview.text, encoding="utf-8")
    click.echo(f"{preview.period_key}: {preview.subject}")
    click.echo(f"wrote {out} and {text_file}")


def default_preview_path(data_dir: Path, period_key: str, member: str | None) -> Path:
    """Where ``digest preview`` writes without ``--out``.

    >>> default_preview_path(Path("data"), "2026-09-14/2026-09-21", "ana@itu.int").as_posix()
    'data/previews/digest-2026-09-14-ana_itu.int.html'
    """
    name = f"digest-{period_key.split('/')[0]}"
    if member:
        name += "-" + re.sub(r"[^A-Za-z0-9._-]", "_", member)
    return data_dir / "previews" / f"{name}.html"


@digest.command("send")
@click.option("--dry-run", is_flag=True, help="Show who would get what; record and send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def digest_send(state: CliState, dry_run: bool, as_json: bool) -> None:
    """Send the last complete period's digest to every member who gets it (once each).

    Digests already sent are skipped; failed temporary attempts due for a retry are
    retried. Exits 1 when a digest failed or became uncertain, or the server could not be
    reached, so that a cron job alerts someone.
    """
    from iscg_mailbot.services import digest as digest_service

    reports = digest_service.send_digests(state.app(), dry_run=dry_run)
    if as_json:
        echo_json(reports)
    else:
        for report in reports:
            label = "dry run, " if report.dry_run else ""
            if report.skipped_empty:
                click.echo(f"{report.list_key} {report.period_key}: {label}no traffic, "
                           "nothing to send (empty_week = skip)")
                continue
            print_table(["member", "status", "subject / detail"],
                        [[i.member, i.status, i.detail or i.subject] for i in report.items],
                        title=f"{report.list_key} {report.period_key} ({label}"
                              f"{report.recipients} recipients)")
            if report.error:
                click.echo(f"error: {report.error}", err=True)
    found = reports[0].uncertain_found if reports else []
    if found:
        # An earlier run died while handing these to the server: someone must look.
        names = ", ".join(f"{member} ({period})" for member, period in found)
        click.echo(f"error: {len(found)} digest(s) interrupted by an earlier run may or may "
                   f"not have been delivered: {names}; check the mail server's log, then "
                   "'iscg-mailbot digest confirm --member ADDR --period KEY' if delivered, "
                   "or 'iscg-mailbot digest release' to send them", err=True)
    if found or any(r.error or r.count("failed") or r.count("uncertain") for r in reports):
        raise SystemExit(1)


@digest.command("release")
@click.option("--member", "member", metavar="ADDR", help="Only this member's digests.")
@click.option("--period", "period", metavar="KEY", help="Only this period (e.g. 2026-09-14/2026-09-21).")
@click.option("--failed", is_flag=True,
              help="Queue failed digests again (after fixing why the server refused them).")
@pass_state
def digest_release(state: CliState, member: str | None, period: str | None, failed: bool) -> None:
    """Mark uncertain digests as not sent so that the next send delivers them.

    Use only after checking the mail server's log that they were not delivered. With
    --failed, queue digests the server refused for good instead.
    """
    from iscg_mailbot.services import digest as digest_service

    count = digest_service.release_uncertain_digests(state.app(), member_address=member,
                                                     period_key=period, failed=failed)
    kind = "failed" if failed else "uncertain"
    click.echo(f"{count} {kind} digest(s) will be sent by the next run")


@digest.command("confirm")
@click.option("--member", "member", metavar="ADDR", required=True,
              help="The member whose digest was delivered.")
@click.option("--period", "period", metavar="KEY", required=True,
              help="The digest's period, as 'digest status' shows it (2026-09-14/2026-09-21).")
@click.option("--by", "by", metavar="NAME", default=getpass.getuser, show_default="your login",
              help="Who checked (recorded in the outbox).")
@pass_state
def digest_confirm(state: CliState, member: str, period: str, by: str) -> None:
    """Record that an uncertain digest was delivered (found in the mail server's log).

    It is marked sent, with who confirmed it and when, and is never sent again. Use
    'digest release' instead when the log shows it was not delivered.
    """
    from iscg_mailbot.services import digest as digest_service

    digest_service.confirm_delivery(state.app(), member_address=member, period_key=period,
                                    by=by)
    click.echo(f"digest for {member} ({period}) confirmed delivered by {by}")


@digest.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def digest_status(state: CliState, as_json: bool) -> None:
    """The worker, its next runs, recent digest runs and failed or uncertain digests."""
    from iscg_mailbot.services import digest as digest_service

    result = digest_service.digest_status(state.app())
    if as_json:
        echo_json(result)
        return
    print_digest_status(result)


def print_digest_status(result: digest_service.DigestStatus) -> None:
    """The worker, next runs, this period's outbox, recent runs and problems."""
    worker = (f"{result.worker} ({'alive' if result.worker_alive else 'lease expired'})"
              if result.worker else "not running")
    click.echo(f"worker: {worker}")
    for job, when in result.next_runs.items():
        click.echo(f"next {job}: {when:%Y-%m-%d %H:%M} UTC" if when else f"next {job}: paused")
    counts = ", ".join(f"{n} {s}" for s, n in sorted(result.outbox.items())) or "nothing yet"
    click.echo(f"period {result.current_period}: {counts}")
    if result.runs:
        print_table(["started", "period", "trigger", "sent", "deferred", "failed", "uncertain",
                     "error"],
                    [[r.started_at, r.period_key, r.trigger, r.sent, r.deferred, r.failed,
                      r.uncertain, r.error] for r in result.runs], title="recent digest runs")
    if result.problems:
        print_table(["member", "period", "status", "attempts", "last error"],
                    [[p.member, p.period_key, p.status, p.attempts, p.last_error]
                     for p in result.problems], title="digests needing attention")


@cli.group()
def members() -> None:
    """The member list (config/members.yaml)."""


@members.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def members_list(state: CliState, as_json: bool) -> None:
    """Who is on the list: role, advisory group, digest on/off and topic preferences."""
    from iscg_mailbot.services import digest as digest_service
    from iscg_mailbot.settings.loaded import ConfigFiles

    rows = digest_service.member_list(ConfigFiles(state.settings.config_dir))
    if as_json:
        echo_json(rows)
        return
    print_table(["name", "address", "role", "group", "digest", "topics"],
                [[r.name, _addresses(r), r.role,
                  r.advisory_group, "on" if r.digest else "off", _topic_preferences(r)]
                 for r in rows])


def _addresses(row: digest_service.MemberRow) -> str:
    return "\n".join((row.address, *row.aliases))


def _topic_preferences(row: digest_service.MemberRow) -> str:
    parts = []
    if row.topics_only is not None:
        parts.append("only " + ", ".join(row.topics_only))
    if row.topics_muted:
        parts.append("muted " + ", ".join(row.topics_muted))
    return "; ".join(parts) or "all"


@members.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def members_check(state: CliState, as_json: bool) -> None:
    """Validate members.yaml: schema, unique addresses and names, one chair, known topics."""
    from iscg_mailbot.services import digest as digest_service

    result = digest_service.check_member_list(state.settings)
    if as_json:
        echo_json(result)
    elif not result.problems:
        click.echo(f"{result.path}: {result.members} members, {result.recipients} receive "
                   "the digest")
    if result.problems:
        raise ConfigError("\n".join(result.problems))
