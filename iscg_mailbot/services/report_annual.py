"""``report annual`` and ``report areas``: the year's work per area of mutual interest,
for the advisory groups, and the secretariat's topic x Sector activity matrix."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from pathlib import Path

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.report.annual import (
    AREA_COLUMNS,
    GROUP_SECTOR,
    AnnualReport,
    OverlapNote,
    areas_matrix,
    build_annual_report,
)
from iscg_mailbot.services.actions import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.overlaps import list_overlaps
from iscg_mailbot.services.threads import shown_subject
from iscg_mailbot.store.annual import entities_of, items_of, senders_active, threads_active
from iscg_mailbot.store.topics import effective_topics
from iscg_mailbot.store.types import utcnow

FORMATS = (".docx", ".html", ".md")


@dataclass(frozen=True)
class AnnualWritten:
    """Where the report went and what it holds."""

    path: Path
    report: AnnualReport


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def year_overlaps(app: App, year: int, as_of: date) -> list[OverlapNote]:
    """The duplication watch's flags over the year's threads, as key issues."""
    rows = list_overlaps(app, since=date(year, 1, 1), until=as_of)
    return [OverlapNote(r.topics[0] if r.topics else "", (
        f"Possible duplication: {r.sector_a} in '{r.subject_a}' and {r.sector_b} in "
        f"'{r.subject_b}' ({r.evidence}).")) for r in rows]


def annual_report(app: App, year: int, *, for_group: str | None = None,
                  now: datetime | None = None,
                  overlaps: Sequence[OverlapNote] | None = None) -> AnnualReport:
    """The report of ``year`` as it stands now (or on 31 December for a past year).

    ``overlaps`` default to the duplication watch's flags of the year (dismissed pairs
    left out).
    """
    if for_group is not None and for_group not in GROUP_SECTOR:
        raise MailbotError(f"--for {for_group!r}: use RAG, TSAG or TDAG")
    context = load_context(app)
    today = context.today(now or utcnow())
    as_of = min(today, date(year, 12, 31))
    start, end = _midnight(date(year, 1, 1)), _midnight(date(year + 1, 1, 1))
    if overlaps is None:
        overlaps = year_overlaps(app, year, as_of)
    with app.session() as session:
        threads = [replace(t, subject=shown_subject(app.settings, t.subject))
                   for t in threads_active(session, start, end)]
        ids = [t.id for t in threads]
        topics = effective_topics(session, ids)
        entities = entities_of(session, ids)
        senders = senders_active(session, start, end)
        items = items_of(session, ids)
    return build_annual_report(
        year=year, for_group=for_group, list_name=app.settings.lists[0].name
        or app.settings.lists[0].address, as_of=as_of, threads=threads, topics=topics,
        titles=app.config.topic_titles(), entities=entities, senders=senders, items=items,
        members=context.members, stalled_after_days=max(context.config.stalled_after_days, 30),
        overlaps=overlaps)


def write_annual_report(app: App, year: int, out: Path, *, for_group: str | None = None,
                        now: datetime | None = None,
                        overlaps: Sequence[OverlapNote] | None = None) -> AnnualWritten:
    """Write the report as .docx, .html or .md (by ``out``'s suffix)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise MailbotError(f"{out}: write .docx, .html or .md")
    report = annual_report(app, year, for_group=for_group, now=now, overlaps=overlaps)
    # Imported here: matplotlib and python-docx take a second to load, which every other
    # command (and the worker's start) would pay.
    from iscg_mailbot.report.annual_docx import to_docx
    from iscg_mailbot.report.annual_render import to_html, to_markdown

    if suffix == ".docx":
        out.write_bytes(to_docx(report))
    elif suffix == ".html":
        out.write_text(to_html(report), encoding="utf-8")
    else:
        out.write_text(to_markdown(report), encoding="utf-8")
    return AnnualWritten(out, report)


@dataclass(frozen=True)
class AreasMatrix:
    """Messages per topic (rows) per Sector and advisory group (columns) over a period."""

    since: date
    until: date
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]

    def csv(self) -> str:
        """The matrix as CSV text with a header row."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["topic", *self.columns])
        for topic, counts in self.rows:
            writer.writerow([topic, *counts])
        return buffer.getvalue()


def areas(app: App, *, since: date | None = None, until: date | None = None,
          now: datetime | None = None) -> AreasMatrix:
    """The areas of mutual interest with their activity from ``since`` to ``until``
    (inclusive; default: the last 365 days)."""
    context = load_context(app)
    until = until or context.today(now or utcnow())
    since = since or date(until.year - 1, until.month, min(until.day, 28))
    if since > until:
        raise MailbotError(f"--since {since} is after --until {until}")
    start = _midnight(since)
    end = _midnight(until) + (_midnight(date(2000, 1, 2)) - _midnight(date(2000, 1, 1)))
    with app.session() as session:
        threads = threads_active(session, start, end)
        ids = [t.id for t in threads]
        topics = effective_topics(session, ids)
        entities = entities_of(session, ids)
        senders = senders_active(session, start, end)
    matrix = areas_matrix(threads, topics, senders, context.members, entities)
    return AreasMatrix(since, until, AREA_COLUMNS, tuple(
        (topic, tuple(row[c] for c in AREA_COLUMNS)) for topic, row in matrix.items()))
