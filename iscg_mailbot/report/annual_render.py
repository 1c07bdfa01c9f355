"""The annual report as Markdown or as one self-contained HTML page (charts inline as
data: URIs, text escaped), and the areas matrix as rows for a table or CSV.

The outline is the Word version's (:mod:`~iscg_mailbot.report.annual_docx`): numbered
sections 1 Introduction, 2 Summary, 3 Areas of mutual interest (3.N one per topic),
4 Key issues, 5 Participation.
"""

from __future__ import annotations

import base64
from html import escape

from iscg_mailbot.report.annual import AREA_COLUMNS, AnnualReport, TopicSection


def title(report: AnnualReport) -> str:
    """The report's title line."""
    return (f"Annual report of the Inter-Sector Coordination Group (ISCG) to "
            f"{report.addressee} for {report.year}")


def introduction(report: AnnualReport) -> str:
    """The opening paragraph."""
    scope = ("all threads of the list" if report.for_group is None else
             f"the threads involving the Sector of {report.for_group}")
    return (
        f"This report summarises the work of the ISCG on the {report.list_name} list in "
        f"{report.year}, as it stood on {report.as_of.isoformat()}, covering {scope}, in "
        "line with the group's terms of reference: to identify subjects of mutual interest "
        "to the three Sectors and the General Secretariat, to avoid duplication of effort, "
        "and to report annually to the advisory groups, highlighting key issues.")


def summary_rows(report: AnnualReport) -> list[tuple[str, str]]:
    """The summary table: label and value."""
    return [
        ("Threads", str(report.threads)), ("Messages", str(report.messages)),
        ("Participants", str(report.participants)),
        ("Liaison statements (threads)", str(report.liaisons)),
        ("Areas of mutual interest with activity",
         str(sum(1 for s in report.sections if not s.topic.startswith("(")))),
        ("Action items completed in the year", str(report.completed)),
        ("Action items open", str(report.open)),
        ("Action items overdue", str(report.overdue)),
    ]


def section_rows(section: TopicSection) -> list[tuple[str, str]]:
    """Label/value rows of one area's facts."""
    def pairs(values: tuple[tuple[str, int], ...]) -> str:
        return ", ".join(f"{key} ({count})" for key, count in values) or "none"
    return [
        ("Threads", str(len(section.threads))),
        ("Leading Sectors", ", ".join(section.sectors) or "-"),
        ("Liaison statements by Sector pair", pairs(section.liaisons)),
        ("Documents and Questions discussed", pairs(section.documents)),
        ("Resolutions discussed", pairs(section.resolutions)),
        ("Action items completed / open / overdue",
         f"{section.completed} / {section.open} / {section.overdue}"),
    ]


def area_rows(report: AnnualReport) -> list[list[str]]:
    """The areas matrix as table rows: topic, then one count per column."""
    return [[topic, *(str(row.get(column, 0)) for column in AREA_COLUMNS)]
            for topic, row in report.areas.items()]


def to_markdown(report: AnnualReport) -> str:
    """The report as Markdown (tables as pipe tables, no charts)."""
    out = [f"# {title(report)}", "", "| | |", "|---|---|",
           "| Source | ITU Inter-Sector Coordination Group (ISCG) |",
           f"| Title | {title(report)} |", "| For | Information |", "",
           "## 1 Introduction", "", introduction(report), "", "## 2 Summary", "",
           "| | |", "|---|---|"]
    out += [f"| {label} | {value} |" for label, value in summary_rows(report)]
    out += ["", "## 3 Areas of mutual interest", ""]
    for number, section in enumerate(report.sections, start=1):
        out += [f"### 3.{number} {_md(section.title)}", "", "| | |", "|---|---|"]
        out += [f"| {label} | {_md(value)} |" for label, value in section_rows(section)]
        out += [""] + [f"- {_md(t.subject)} ({t.sector}, {t.messages} messages)"
                       for t in section.threads] + [""]
    out += ["## 4 Key issues", ""]
    out += [f"- **{issue.kind}**: {_md(issue.text)}" for issue in report.issues] or ["None."]
    out += ["", "## 5 Participation", "", "| Sector | Messages |", "|---|---|"]
    out += [f"| {label} | {count} |" for label, count in report.participation_sector]
    out += ["", "| Advisory group | Messages |", "|---|---|"]
    out += [f"| {label} | {count} |" for label, count in report.participation_group]
    out += ["", "### Areas of mutual interest by Sector and advisory group (messages)", "",
            "| Topic | " + " | ".join(AREA_COLUMNS) + " |",
            "|---|" + "---|" * len(AREA_COLUMNS)]
    out += ["| " + " | ".join(row) + " |" for row in area_rows(report)]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(rows: list[tuple[str, str]] | list[list[str]], head: list[str] | None = None) -> str:
    html = ["<table>"]
    if head:
        html.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>")
    for row in rows:
        html.append("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>")
    return "".join(html) + "</table>"


def _image(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


def to_html(report: AnnualReport) -> str:
    """The report as one HTML page with its two charts inline."""
    # matplotlib loads only when a chart is drawn (see services.report_annual).
    from iscg_mailbot.report.annual_charts import participation_chart, threads_by_topic_chart

    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        (f"<title>{escape(title(report))}</title><style>body{{font-family:sans-serif;"
        "max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #999;padding:.2em .5em;text-align:left}</style></head><body>"),
        f"<h1>{escape(title(report))}</h1>",
        _table([("Source", "ITU Inter-Sector Coordination Group (ISCG)"),
                ("Title", title(report)), ("For", "Information")]),
        "<h2>1 Introduction</h2>", f"<p>{escape(introduction(report))}</p>",
        "<h2>2 Summary</h2>", _table(summary_rows(report)),
        _image(threads_by_topic_chart(report), "Threads per area of mutual interest"),
        "<h2>3 Areas of mutual interest</h2>",
    ]
    for number, section in enumerate(report.sections, start=1):
        parts.append(f"<h3>3.{number} {escape(section.title)}</h3>")
        parts.append(_table(section_rows(section)))
        parts.append("<ul>" + "".join(
            f"<li>{escape(t.subject)} ({escape(t.sector)}, {t.messages} messages)</li>"
            for t in section.threads) + "</ul>")
    parts.append("<h2>4 Key issues</h2>")
    parts.append("<ul>" + "".join(f"<li><b>{escape(i.kind)}</b>: {escape(i.text)}</li>"
                                  for i in report.issues) + "</ul>" if report.issues
                 else "<p>None.</p>")
    parts += ["<h2>5 Participation</h2>",
              _table([list(map(str, r)) for r in report.participation_sector],
                     ["Sector", "Messages"]),
              _table([list(map(str, r)) for r in report.participation_group],
                     ["Advisory group", "Messages"]),
              _image(participation_chart(report), "Messages by Sector"),
              "<h3>Areas of mutual interest by Sector and advisory group (messages)</h3>",
              _table(area_rows(report), ["Topic", *AREA_COLUMNS]), "</body></html>"]
    return "\n".join(parts) + "\n"
