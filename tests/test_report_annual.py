"""The annual report and the areas matrix: the pure builder on small facts, then the
commands on the shipped sample archive, and the .docx converted to PDF by LibreOffice
(headless) whose pages' text is checked."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from iscg_mailbot.report.annual import AnnualReport, OverlapNote, areas_matrix, build_annual_report
from iscg_mailbot.settings.members import MembersConfig
from iscg_mailbot.store.annual import ItemFacts, ThreadFacts
from tests.conftest import require_service
from tests.sample_config import analysed_sample, invoke

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = MembersConfig.model_validate({"members": [
    {"name": "Chair", "address": "chair@example.org", "role": "chair"},
    {"name": "Klaus", "address": "klaus@example.de", "role": "representative",
     "advisory_group": "TSAG"},
    {"name": "Maria", "address": "maria@example.ar", "role": "representative",
     "advisory_group": "TDAG"},
    {"name": "Hiro", "address": "hiro@itu.int", "role": "secretariat", "organisation": "BR"},
]})


def _at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=UTC)


def _thread(ident: int, subject: str, starter: str, first: str, last: str,
            messages: int) -> ThreadFacts:
    return ThreadFacts(ident, subject, _at(first), _at(last), messages, starter, subject)


THREADS = [
    _thread(1, "LS from ITU-T SG17 on CIRTs", "klaus@example.de", "2026-03-01", "2026-03-20", 3),
    _thread(2, "Spectrum for IMT in rural areas", "hiro@itu.int", "2026-04-01", "2026-04-02", 2),
    _thread(3, "Meeting logistics", "chair@example.org", "2026-05-01", "2026-05-01", 1),
]
ENTITIES = {1: [("LIAISON", "LS", 1), ("STUDY_GROUP", "ITU-T SG17", 2),
                ("ITU_SECTOR", "ITU-D", 1), ("QUESTION", "Q3/2", 2),
                ("RESOLUTION", "Resolution 45", 1)],
            2: [("WORKING_PARTY", "WP5D", 1), ("ADVISORY_GROUP", "TDAG", 1)]}
ITEMS = [
    ItemFacts(10, 1, "action", "done", "BDT", date(2026, 3, 15), _at("2026-03-14"), "reply"),
    ItemFacts(11, 1, "action", "open", "TSAG", date(2026, 4, 1), None, "send comments"),
    ItemFacts(12, 2, "action", "open", "BR", date(2026, 12, 1), None, "check table"),
]
SENDERS = [(1, "klaus@example.de"), (1, "maria@example.ar"), (1, "klaus@example.de"),
           (2, "hiro@itu.int"), (2, "maria@example.ar"), (3, "chair@example.org")]


def _build(for_group: str | None = None) -> AnnualReport:
    return build_annual_report(
        year=2026, for_group=for_group, list_name="ISCG", as_of=date(2026, 6, 30),
        threads=THREADS, topics={1: ("cybersecurity",), 2: ("spectrum", "imt")},
        titles={"cybersecurity": "Cybersecurity", "spectrum": "Spectrum", "imt": "IMT"},
        entities=ENTITIES, senders=SENDERS, items=ITEMS, members=MEMBERS,
        overlaps=[OverlapNote("spectrum", "ITU-R and ITU-D both on rural IMT")])


def test_builder_counts_per_area_and_key_issues() -> None:
    report = _build()
    sections = {s.topic: s for s in report.sections}
    cyber = sections["cybersecurity"]
    assert (len(cyber.threads), cyber.liaisons, cyber.documents, cyber.resolutions) == (
        1, (("ITU-T -> ITU-D", 1),), (("Q3/2", 2),), (("Resolution 45", 1),))
    assert (cyber.completed, cyber.open, cyber.overdue) == (1, 1, 1)
    assert sections["spectrum"].sectors == ("ITU-R",)
    assert "(no topic)" in sections  # thread 3
    assert [(i.kind, i.text) for i in report.issues] == [
        ("overdue", ("'LS from ITU-T SG17 on CIRTs': 1 item(s) overdue by more than a month "
                    "(the oldest due 2026-04-01); owners: TSAG.")),
        ("stalled", ("'Spectrum for IMT in rural areas': 1 open item(s), no message since "
                    "2026-04-02.")),
        ("overlap", "ITU-R and ITU-D both on rural IMT")]
    assert report.participation_sector == (
        ("ITU-D", 2), ("ITU-T", 2), ("ITU-R", 1), ("other", 1))
    assert (report.threads, report.messages, report.liaisons,
            report.participants) == (3, 6, 1, 4)


def test_builder_for_one_group_keeps_the_threads_of_its_sector() -> None:
    report = _build("TDAG")
    # Thread 1 names ITU-D, thread 2 names TDAG; thread 3 names nobody.
    assert report.threads == 2
    assert {s.topic for s in report.sections} == {"cybersecurity", "spectrum", "imt"}


def test_areas_matrix_counts_messages_by_sector_and_group() -> None:
    matrix = areas_matrix(THREADS, {1: ("cybersecurity",), 2: ("spectrum",)}, SENDERS, MEMBERS,
                          ENTITIES)
    assert {k: v for k, v in matrix["cybersecurity"].items() if v} == {
        "ITU-T": 2, "ITU-D": 1, "TSAG": 2, "TDAG": 1}
    assert {k: v for k, v in matrix["spectrum"].items() if v} == {
        "ITU-R": 1, "ITU-D": 1, "TDAG": 1}
    # The chair belongs to no Sector; a thread naming none counts under no column.
    assert set(matrix["(no topic)"].values()) == {0}


# --- on the sample archive ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return analysed_sample(tmp_path_factory.mktemp("annual"))



def test_markdown_report_on_the_sample(sample_config: Path, tmp_path: Path) -> None:
    out = tmp_path / "annual.md"
    code, stdout, _ = invoke(sample_config, "report", "annual", "--year", "2026", "--out",
                              str(out))
    assert code == 0 and stdout.startswith(f"{out}: ")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Annual report of the Inter-Sector Coordination Group (ISCG) to "
                           "RAG, TSAG and TDAG for 2026\n")
    assert "| Threads | 46 |" in text and "| Messages | 156 |" in text
    assert "| Liaison statements (threads) | 5 |" in text
    assert "## 3 Areas of mutual interest" in text and "### 3.1 " in text
    assert "SG17-LS45" in text and "Resolution 191" in text
    assert "[int-sect-team]" not in text  # subjects shown without the list's tag
    code, _, _ = invoke(sample_config, "report", "annual", "--year", "2026", "--for", "TSAG",
                         "--out", str(tmp_path / "tsag.md"))
    tsag = (tmp_path / "tsag.md").read_text(encoding="utf-8")
    assert "to TSAG for 2026" in tsag
    assert int(tsag.split("| Threads | ")[1].split(" ")[0]) < 46


def test_html_report_has_inline_charts_and_no_markup_from_the_list(sample_config: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "annual.html"
    assert invoke(sample_config, "report", "annual", "--year", "2026", "--out", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,iVBOR') == 2
    assert "<script" not in html


def test_areas_command_prints_and_writes_csv(sample_config: Path, tmp_path: Path) -> None:
    out = tmp_path / "areas.csv"
    code, stdout, _ = invoke(sample_config, "report", "areas", "--since", "2026-01-01",
                              "--until", "2026-12-31", "--csv", str(out))
    assert code == 0 and "Areas of mutual interest, 2026-01-01 to 2026-12-31" in stdout
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["topic", "ITU-R", "ITU-T", "ITU-D", "GS", "RAG", "TSAG", "TDAG"]
    topics = {row[0]: [int(v) for v in row[1:]] for row in rows[1:]}
    assert sum(topics["spectrum"]) > 0 and "cybersecurity" in topics


def test_unknown_format_is_one_error_line(sample_config: Path, tmp_path: Path) -> None:
    code, _, err = invoke(sample_config, "report", "annual", "--year", "2026", "--out",
                           str(tmp_path / "x.pdf"))
    assert (code, err) == (1, f"error: {tmp_path / 'x.pdf'}: write .docx, .html or .md\n")


def test_docx_is_an_itu_contribution_when_printed(sample_config: Path, tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    require_service(soffice is not None and pdftotext is not None,
                    "LibreOffice (soffice) and pdftotext are needed: apt-get install "
                    "libreoffice-writer-nogui poppler-utils")
    assert soffice is not None and pdftotext is not None
    out = tmp_path / "annual.docx"
    assert invoke(sample_config, "report", "annual", "--year", "2026", "--for", "TDAG",
                   "--out", str(out))[0] == 0
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pages = subprocess.run([pdftotext, "-layout", str(tmp_path / "annual.pdf"), "-"],
                           check=True, capture_output=True, text=True).stdout.split("\f")
    first = " ".join(pages[0].split())
    assert first.startswith("INTERNATIONAL TELECOMMUNICATION UNION TELECOMMUNICATION "
                            "DEVELOPMENT ADVISORY GROUP Document ISCG/2026/AR-E")
    assert "Source: ITU Inter-Sector Coordination Group (ISCG)" in first
    assert "Title: Annual report of the Inter-Sector Coordination Group (ISCG) to TDAG for " \
        "2026" in first
    assert "For: Information" in first
    assert "1 Introduction" in first and "2 Summary" in first
    everything = " ".join(" ".join(pages).split())
    for heading in ("3 Areas of mutual interest", "3.1 ", "4 Key issues", "5 Participation"):
        assert heading in everything
    assert len([p for p in pages if p.strip()]) >= 3
