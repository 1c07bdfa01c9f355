"""Commands that bring mail in and show what is stored: db, demo, sync, import, threads, status."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.cli.output import (
    SHOWN_BY_DEFAULT,
    echo_json,
    echo_more,
    format_cell,
    print_table,
    shorten,
    shown_limit,
)
from iscg_mailbot.cli.params import DURATION, SINCE, TOPIC

# Each command imports the services it calls (start-up time: see cli/base.py).
if TYPE_CHECKING:  # for annotations only: the CLI calls services, never report code
    from iscg_mailbot.report.threads import ThreadSummary
    from iscg_mailbot.services.analysis_report import AnalysisReport
    from iscg_mailbot.services.app import App
    from iscg_mailbot.services.ingest import IngestReport
    from iscg_mailbot.services.status import Status
    from iscg_mailbot.settings.main import Settings

#: Widest a subject is shown in tables (cut at a word with "…" to fit the terminal).
SUBJECT_WIDTH = 70
#: Open action items the demo shows; it says how many more there are and how to see them.
DEMO_OPEN_ITEMS = 15


def _print_ingest(report: IngestReport) -> None:
    """The summary on stdout; a failure as one ``error:`` line on stderr."""
    if report.error is not None and not report.fetched:
        click.echo(f"error: {report.error}", err=True)  # nothing read: the error is all
        return
    click.echo(
        f"{report.source}: {report.stored} new, {report.duplicates} already stored, "
        f"{report.quarantined} quarantined, {report.threads_touched} threads touched"
    )
    if report.error is not None:
        click.echo(f"error: {report.error}", err=True)


def _analyse(app: App) -> None:
    from iscg_mailbot.services import analysis_pool

    _print_analysis(analysis_pool.analyse_pending(
        app, processes=app.settings.parse_processes_effective))


def _print_analysis(report: AnalysisReport | None) -> None:
    if report is None:
        return
    if report.threads:
        click.echo(
            f"analysed {report.threads} threads: {report.actions_added} action items found, "
            f"{report.actions_closed} closed by replies"
        )
    if report.failed:
        ids = ", ".join(str(thread_id) for thread_id, _ in report.failed[:10])
        click.echo(
            f"warning: analysis failed for {len(report.failed)} thread(s) ({ids}); they are "
            "retried later, see 'iscg-mailbot status'",
            err=True,
        )


def _thread_rows(settings: Settings, rows: list[ThreadSummary]) -> list[list[object]]:
    from iscg_mailbot.services.threads import shown_subject

    return [
        [t.id, t.last_activity, t.message_count, shown_subject(settings, t.subject),
         len(t.participants), t.topics]
        for t in rows
    ]


def _print_threads(settings: Settings, rows: list[ThreadSummary], title: str | None = None) -> None:
    print_table(["id", "last activity", "msgs", "subject", "people", "topics"],
                _thread_rows(settings, rows), title=title, one_line={"subject": SUBJECT_WIDTH},
                main="subject")


@cli.group()
def db() -> None:
    """Database schema management."""


@db.command("upgrade")
@pass_state
def db_upgrade(state: CliState) -> None:
    """Create or migrate the database schema to the newest revision."""
    app = state.app(check_schema=False, create=True)
    revisions = app.upgrade_schema()
    click.echo(f"database at revision {', '.join(revisions)}: {app.database}")
    _keep_overlaps(app)


def _keep_overlaps(app: App) -> None:
    """The next digest preview's possible overlaps computed now, by the command that
    changed what they are made from (new mail, new code), not by the next person's
    preview (best effort: services/digest/preview.py)."""
    from iscg_mailbot.services.digest import keep_overlaps_current

    keep_overlaps_current(app)


@cli.command()
@click.option(
    "--db",
    "database_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("data/demo.db"),
    show_default=True,
    help="SQLite file to create afresh.",
)
@click.option(
    "--archive",
    type=click.Path(exists=True, path_type=Path),
    help="Import this mbox/Maildir instead of the shipped sample.",
)
@pass_state
def demo(state: CliState, database_path: Path, archive: Path | None) -> None:
    """Import the shipped sample ISCG archive into a fresh SQLite database and show it."""
    from iscg_mailbot.services import demo as demo_service

    report = demo_service.run_demo(state.settings, database_path, archive)
    _print_ingest(report.imported)
    click.echo(
        f"stored {report.status.messages} messages in {report.status.threads} threads "
        f"({report.status.quarantined} quarantined) in {report.database_path}"
    )
    analysed = report.analysed
    click.echo(
        f"analysed {analysed.threads} threads: {analysed.actions_added} action items found, "
        f"{analysed.actions_closed} closed by later replies"
    )
    _print_threads(state.settings, report.threads, title="Threads")
    shown = report.open_actions[:DEMO_OPEN_ITEMS]
    print_table(
        ["item", "owner", "due", "thread", "sentence"],
        [[a.id, a.owner, a.due, a.thread_id, shorten(a.sentence, 160)] for a in shown],
        title=f"Open action items (overdue first): {len(shown)} of {len(report.open_actions)}",
        main="sentence",
    )
    env = f"ISCG_DATABASE_URL=sqlite:///{report.database_path}"
    more = len(report.open_actions) - len(shown)
    if more > 0:
        click.echo(f"... and {more} more open items; all of them: "
                   f"{env} iscg-mailbot actions list --open --all")
    first = report.threads[-1].id if report.threads else 1
    click.echo(f"\nexplore it: {env} iscg-mailbot threads show {first}")


@cli.command()
@click.option("--mailbox", "mailboxes", multiple=True, help="Only this mailbox (repeatable).")
@pass_state
def sync(state: CliState, mailboxes: tuple[str, ...]) -> None:
    """One pass over the configured IMAP mailboxes: store every new message."""
    from iscg_mailbot.services import ingest

    app = state.app()
    reports = ingest.sync(app, mailboxes or None)
    for report in reports:
        _print_ingest(report)
    failed = [report for report in reports if report.error]
    if len(failed) < len(reports) or any(report.stored for report in reports):
        _analyse(app)  # (when every mailbox failed, nothing new waits for it)
        _keep_overlaps(app)
    if failed:
        raise SystemExit(1)


@cli.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--list", "list_key", help="List id from the config (default: the first list).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@pass_state
def import_(state: CliState, path: Path, list_key: str | None, progress: bool | None) -> None:
    """Import an mbox file or Maildir folder (importing twice adds nothing)."""
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress

    from iscg_mailbot.services import analysis_pool, ingest

    app = state.app()
    total = ingest.archive_size(path)
    console = Console(stderr=True)
    shown = console.is_terminal if progress is None else progress
    # Analysis runs in worker processes beside the import (small archives: after it).
    with analysis_pool.beside_ingest(app, app.settings.parse_processes_effective,
                                     total) as analysis, \
            Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=console,
                     disable=not shown) as bar:
        task = bar.add_task("messages", total=total)
        report = ingest.import_archive(app, path, list_key,
                                       on_progress=lambda done: bar.advance(task, done))
    _print_ingest(report)
    _print_analysis(analysis.report)
    _keep_overlaps(app)


@cli.group()
def threads() -> None:
    """List and show stored threads."""


@threads.command("list")
@click.option("--since", type=SINCE, help="Active since a date (2026-10-01) or an age (14d).")
@click.option("--open", "open_only", is_flag=True,
              help="Only threads with open action items or questions awaiting a reply.")
@click.option("--stalled", type=DURATION, metavar="AGE",
              help="Only threads with open action items and no message for AGE (e.g. 14d).")
@click.option("--participant", help="Only threads this person (name or address) wrote in.")
@click.option("--topic", type=TOPIC,
              help="Only threads carrying this topic id, in any case (see config/topics.yaml).")
@click.option("--mentions", help="Only threads naming this body or document (e.g. TSAG-TD409).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help=f"At most N threads (default {SHOWN_BY_DEFAULT}).")
@click.option("--all", "show_all", is_flag=True, help="All matching threads, however many.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: a list of the same threads (also at most "
                   f"{SHOWN_BY_DEFAULT} unless --limit or --all).")
@pass_state
def threads_list(
    state: CliState,
    since: datetime | None,
    open_only: bool,
    stalled: timedelta | None,
    participant: str | None,
    topic: str | None,
    mentions: str | None,
    limit: int | None,
    show_all: bool,
    as_json: bool,
) -> None:
    """Threads by most recent activity (or, with --open/--stalled, by urgency).

    Shows 50 threads unless --limit N or --all, and says how many more match.
    """
    limit = shown_limit(limit, show_all)
    app = state.app()
    filters = _filters(since=since, open_only=open_only, stalled=stalled,
                       participant=participant, topic=topic, mentions=mentions)
    if open_only or stalled is not None:
        if mentions is not None:
            raise click.UsageError("--mentions goes without --open/--stalled")
        _open_threads_list(state, app, filters, since=since, stalled=stalled, topic=topic,
                           participant=participant, limit=limit, as_json=as_json)
        return
    # Imported for the plain list only: --open/--stalled run without its ORM read models.
    from iscg_mailbot.services import threads as thread_service

    listed = thread_service.threads_page(
        app, since=since, participant=participant, topic=topic, mentions=mentions, limit=limit
    )
    summaries = listed.rows
    if as_json:
        echo_json(summaries)
        return
    if not summaries:
        _no_thread_matched(app, filters)
        return
    _print_threads(state.settings, summaries)
    echo_more(listed.more, "thread")


def _open_threads_list(state: CliState, app: App, filters: list[str], *, since: datetime | None,
                       stalled: timedelta | None, topic: str | None, participant: str | None,
                       limit: int | None, as_json: bool) -> None:
    """``threads list --open`` / ``--stalled``: threads by urgency."""
    from iscg_mailbot.services import actions as actions_service

    # Not the thread service: its read models are ORM classes, which this list runs
    # without (services/actions/thread_lists.py).
    from iscg_mailbot.services.subjects import shown_subject

    if stalled is not None:
        page = actions_service.stalled_threads_page(
            app, stalled, topic=topic, participant=participant, limit=limit
        )
    else:
        page = actions_service.open_threads_page(
            app, since=since, topic=topic, participant=participant, limit=limit
        )
    rows = page.rows
    if as_json:
        echo_json(rows)
        return
    if not rows:
        _no_thread_matched(app, filters)
        return
    print_table(
        ["id", "last activity", "msgs", "open", "overdue", "questions", "next due", "subject"],
        [[r.thread_id, r.last_activity, r.message_count, r.open_actions, r.overdue_actions,
          r.open_questions, r.next_due, shown_subject(state.settings, r.subject)]
         for r in rows],
        one_line={"subject": SUBJECT_WIDTH}, main="subject",
    )
    echo_more(page.more, "thread")


def _filters(*, since: datetime | None, open_only: bool, stalled: timedelta | None,
             participant: str | None, topic: str | None, mentions: str | None) -> list[str]:
    """The filters of a ``threads list`` as the user would type them, for the hint."""
    given = [
        ("--since", format_cell(since) if since is not None else None),
        ("--open", "" if open_only else None),
        ("--stalled", f"{stalled.days}d" if stalled is not None else None),
        ("--participant", participant),
        ("--topic", topic),
        ("--mentions", mentions),
    ]
    return [f"{flag} {value}".strip() for flag, value in given if value is not None]


def _no_thread_matched(app: App, filters: list[str]) -> None:
    """An empty answer says so, and what the database holds, instead of an empty table."""
    from iscg_mailbot.services import threads as thread_service

    span = thread_service.thread_span(app)
    if span.threads == 0:
        click.echo("no threads stored yet: import an archive (iscg-mailbot import FILE) "
                   "or sync (iscg-mailbot sync)")
        return
    click.echo(f"no thread matches {' '.join(filters) or 'the query'}")
    click.echo(f"{span.threads} threads are stored, active from {format_cell(span.oldest)} "
               f"to {format_cell(span.newest)}; try an earlier --since or fewer filters")


@threads.command("show")
@click.argument("thread_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def threads_show(state: CliState, thread_id: int, as_json: bool) -> None:
    """One thread: its messages in reply order with their new text, and its topics."""
    from iscg_mailbot.services import threads as thread_service

    page = thread_service.thread(state.app(), thread_id)
    if as_json:
        echo_json(page)
        return
    summary = page.thread.summary
    click.echo(f"Thread {summary.id}: {summary.subject}")
    click.echo(
        f"{summary.message_count} messages, {format_cell(summary.first_activity)} .. "
        f"{format_cell(summary.last_activity)}; participants: {', '.join(summary.participants)}"
    )
    for topic in page.topics.topics:
        fired = ", ".join(
            f"{e.get('phrase')} x{e.get('count')} in {e.get('where')}"
            for e in topic.evidence if not e.get("negative")
        )
        why = f": {fired}" if fired else f" ({topic.source})"
        click.echo(f"topic {topic.topic} ({topic.name}){why}")
    if page.topics.entities:
        click.echo("mentions: " + ", ".join(e.key for e in page.topics.entities))
    for message in page.thread.messages:
        indent = "  " * min(message.depth, 8)
        sender = (
            f"{message.sender_name} <{message.sender_address}>"
            if message.sender_name
            else message.sender_address
        )
        click.echo(f"\n{indent}[{message.id}] {format_cell(message.date)}  {sender}")
        for attachment in message.attachments:
            click.echo(
                f"{indent}  attachment: {attachment.get('filename')} "
                f"({attachment.get('content_type')}, {attachment.get('size')} bytes)"
            )
        for line in (message.new_text.strip() or "(no new text)").splitlines():
            click.echo(f"{indent}  {line}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def status(state: CliState, as_json: bool) -> None:
    """Per mailbox: last sync, position, counts, quarantine and errors; the worker and digests."""
    from iscg_mailbot.cli.digest import print_digest_status
    from iscg_mailbot.services import status as status_service

    result = status_service.status(state.app())
    if as_json:
        echo_json(result)
        return
    click.echo(f"database: {result.database}")
    click.echo(
        f"{result.messages} messages, {result.threads} threads, {result.quarantined} quarantined, "
        f"{result.threads_awaiting_analysis} threads awaiting analysis"
    )
    if result.mailboxes:
        print_table(
            ["mailbox", "last sync", "uidvalidity", "last uid", "stored", "quarantined", "last error"],
            [
                [m.name, m.last_sync_at, m.uidvalidity, m.last_uid, m.messages_stored, m.quarantined, m.last_error]
                for m in result.mailboxes
            ],
        )
    _print_analysis_problems(result)
    if result.digest is not None:
        print_digest_status(result.digest)


def _print_analysis_problems(result: Status) -> None:
    if result.analysis_failures:
        print_table(
            ["thread", "subject", "attempts", "next try", "reason"],
            [[f.thread_id, f.subject, f.attempts, f.retry_after, f.reason]
             for f in result.analysis_failures],
            title="threads whose analysis failed (retried automatically)",
        )
    if result.long_messages:
        click.echo(
            f"{result.long_messages} message(s) longer than analysis_max_chars "
            f"({result.analysis_max_chars:,} characters): analysed in part, stored and "
            "searchable whole"
        )
        print_table(
            ["message", "thread", "characters", "subject"],
            [[m.message_pk, m.thread_id, f"{m.characters:,}", m.subject]
             for m in result.long_messages_listed],
        )
