"""The annual report as a Word document laid out as an ITU contribution, for the chair to
edit and submit: the Union's name and the advisory group at the top, the document number
and date, the "Source / Title / For" block, numbered headings (1, 2, 3.1 ...), tables and
two charts.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from iscg_mailbot.report.annual import AREA_COLUMNS, GROUP_NAMES, AnnualReport
from iscg_mailbot.report.annual_charts import participation_chart, threads_by_topic_chart
from iscg_mailbot.report.annual_render import (
    area_rows,
    introduction,
    section_rows,
    summary_rows,
    title,
)


def _rows(document: object, rows: list[tuple[str, str]] | list[list[str]],
          head: list[str] | None = None) -> None:
    columns = len(head) if head else len(rows[0]) if rows else 2
    table = document.add_table(rows=0, cols=columns)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    if head:
        cells = table.add_row().cells
        for cell, text in zip(cells, head, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)


def _front_matter(document: Any, report: AnnualReport) -> None:
    """The ITU contribution's head: the Union, the advisory group, the reference on the
    right and the Source / Title / For block."""
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    header = document.add_paragraph()
    header.add_run("INTERNATIONAL TELECOMMUNICATION UNION").bold = True
    group = GROUP_NAMES.get(report.for_group or "", "Sector Advisory Groups (RAG, TSAG, TDAG)")
    document.add_paragraph(group.upper())
    reference = document.add_paragraph()
    reference.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    reference.add_run(f"Document ISCG/{report.year}/AR-E\n{report.as_of:%-d %B %Y}\n"
                      "Original: English")
    block = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(block.rows, (
            ("Source:", "ITU Inter-Sector Coordination Group (ISCG)"),
            ("Title:", title(report)), ("For:", "Information")), strict=True):
        row.cells[0].width = Cm(3)
        row.cells[0].text = label
        row.cells[0].paragraphs[0].runs[0].bold = True
        row.cells[1].text = value


def _areas_and_issues(document: Any, report: AnnualReport) -> None:
    """Sections 3 (one subsection per area) and 4 (key issues)."""
    document.add_heading("3 Areas of mutual interest", level=1)
    for number, section in enumerate(report.sections, start=1):
        document.add_heading(f"3.{number} {section.title}", level=2)
        _rows(document, section_rows(section))
        for thread in section.threads:
            document.add_paragraph(f"{thread.subject} ({thread.sector}, {thread.messages} "
                                   "messages)", style="List Bullet")
    document.add_heading("4 Key issues", level=1)
    if not report.issues:
        document.add_paragraph("None.")
    for issue in report.issues:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{issue.kind}: ").bold = True
        paragraph.add_run(issue.text)


def _participation(document: Any, report: AnnualReport) -> None:
    """Section 5: messages by Sector and group, their chart, and the areas matrix."""
    document.add_heading("5 Participation", level=1)
    _rows(document, [list(map(str, r)) for r in report.participation_sector],
          ["Sector", "Messages"])
    document.add_paragraph()
    _rows(document, [list(map(str, r)) for r in report.participation_group],
          ["Advisory group", "Messages"])
    document.add_picture(io.BytesIO(participation_chart(report)), width=Cm(13))
    document.add_heading("5.1 Areas of mutual interest by Sector and advisory group", level=2)
    _rows(document, area_rows(report), ["Topic", *AREA_COLUMNS])


def to_docx(report: AnnualReport) -> bytes:
    """The report as .docx bytes."""
    document = Document()
    _front_matter(document, report)
    document.add_heading("1 Introduction", level=1)
    document.add_paragraph(introduction(report))
    document.add_heading("2 Summary", level=1)
    _rows(document, summary_rows(report))
    document.add_picture(io.BytesIO(threads_by_topic_chart(report)), width=Cm(15))
    _areas_and_issues(document, report)
    _participation(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
