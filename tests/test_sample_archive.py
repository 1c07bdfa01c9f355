"""The shipped sample archive: reproducible from its script, and it has the promised traits."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from functools import cache
from pathlib import Path

import pytest

from iscg_mailbot.source.archive import count_messages, read_archive

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"
SCRIPT = ROOT / "tools" / "make_sample_archive.py"
EXPECTED_MESSAGES = 156
# 46 threads as written, plus the 2 replies that carry no threading headers and so
# stand alone when only Message-ID, In-Reply-To and References are used.
EXPECTED_THREADS = 48
REPLY_PREFIX = re.compile(r"^(?:\[int-sect-team\] )?(?:Re|RE|AW|RIF|RE :):", re.IGNORECASE)


@cache
def _raw() -> tuple[bytes, ...]:
    return tuple(m.data for batch in read_archive(ARCHIVE) for m in batch.messages)


@cache
def _messages() -> tuple[EmailMessage, ...]:
    return tuple(message_from_bytes(data, policy=policy.default) for data in _raw())


def _text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    assert body is not None
    return str(body.get_content())


@cache
def _subject_and_text() -> tuple[str, ...]:
    """Subject and body of each message, whitespace runs made single spaces."""
    return tuple(" ".join(f"{m['Subject']} {_text(m)}".split()) for m in _messages())


@cache
def _all_text() -> str:
    """Every body, with runs of whitespace made single spaces (phrases cross line breaks)."""
    return " ".join(" ".join(_text(m) for m in _messages()).split())


def test_script_reproduces_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "again.mbox"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == ARCHIVE.read_bytes(), (
        "the committed archive is stale: run python tools/make_sample_archive.py"
    )


def test_opens_with_read_archive_and_has_expected_count() -> None:
    batches = list(read_archive(ARCHIVE, batch_size=50))
    assert [len(b.messages) for b in batches] == [50, 50, 50, 6]
    assert batches[-1].state.last_uid == EXPECTED_MESSAGES == count_messages(ARCHIVE)
    assert all(m.received_at is not None for b in batches for m in b.messages)


def test_every_message_has_the_basic_headers() -> None:
    months = set()
    for msg in _messages():
        assert msg["From"] and msg["Date"] and msg["Subject"], msg["Subject"]
        assert "<int-sect-team.lists.itu.int>" in msg["List-Id"]
        date = msg["Date"].datetime
        assert datetime(2026, 7, 1, tzinfo=UTC) <= date < datetime(2026, 11, 1, tzinfo=UTC)
        months.add(date.month)
    assert months == {7, 8, 9, 10}


def _threads() -> list[set[int]]:
    """Messages grouped by Message-ID, In-Reply-To and References (union-find)."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    keys = []
    for index, msg in enumerate(_messages()):
        key = str(msg["Message-ID"] or f"#no-id-{index}").strip()
        keys.append(key)
        find(key)
        for header in ("In-Reply-To", "References"):
            for ref in re.findall(r"<[^>]+>", str(msg[header] or "")):
                union(key, ref)
    groups: dict[str, set[int]] = {}
    for index, key in enumerate(keys):
        groups.setdefault(find(key), set()).add(index)
    return list(groups.values())


def test_thread_count_by_references() -> None:
    threads = _threads()
    assert len(threads) == EXPECTED_THREADS
    assert sum(len(t) >= 2 for t in threads) >= 30
    assert max(len(t) for t in threads) >= 6


def test_threading_special_cases() -> None:
    msgs = _messages()
    irt_only = [m for m in msgs if m["In-Reply-To"] and not m["References"]]
    assert len(irt_only) == 2
    subject_only = [
        m
        for m in msgs
        if REPLY_PREFIX.match(str(m["Subject"])) and not m["In-Reply-To"] and not m["References"]
    ]
    assert len(subject_only) == 2
    roots = {str(m["Subject"]) for m in msgs if not m["In-Reply-To"]}
    for reply in subject_only:  # each one can still be threaded by its subject
        base = REPLY_PREFIX.sub("", str(reply["Subject"])).strip()
        assert any(root.endswith(base) for root in roots), reply["Subject"]
    assert sum(1 for m in msgs if m["Message-ID"] is None) == 2

    position = {str(m["Message-ID"]): i for i, m in enumerate(msgs) if m["Message-ID"]}
    early = [
        i for i, m in enumerate(msgs) if m["In-Reply-To"] and position[str(m["In-Reply-To"])] > i
    ]
    assert len(early) == 1


def test_mime_special_cases() -> None:
    msgs = _messages()
    assert [m.get_content_type() for m in msgs].count("text/html") == 1
    alternative = [m for m in msgs if m.get_content_type() == "multipart/alternative"]
    assert len(alternative) == 1
    assert [p.get_content_type() for p in alternative[0].iter_parts()] == [
        "text/plain",
        "text/html",
    ]

    attachments = [part for m in msgs for part in m.iter_attachments()]
    assert len(attachments) == 1
    pdf = attachments[0]
    assert pdf.get_filename() == "TSAG-TD409.pdf"
    assert pdf.get_content_type() == "application/pdf"
    data = pdf.get_content()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")

    french = [m for m in msgs if m.get_content_charset() == "iso-8859-1"]
    assert len(french) == 1
    assert french[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert "Chers collègues" in _text(french[0]) and "régional" in _text(french[0])
    raw_french = next(r for r in _raw() if b'charset="iso-8859-1"' in r)
    assert b"coll=E8gues" in raw_french


def test_encoded_words_and_time_zones() -> None:
    raw_headers = [r.split(b"\n\n", 1)[0] for r in _raw()]
    assert any(b"From: =?utf-8?q?Mar=C3=ADa_Fern=C3=A1ndez" in h for h in raw_headers)
    assert any(re.search(rb"Subject: .*=\?utf-8\?q\?", h) for h in raw_headers)
    names = {m["From"].addresses[0].display_name for m in _messages()}
    assert "María Fernández (TDAG Vice-Chair)" in names
    zones = {str(m["Date"])[-5:] for m in _messages()}
    assert {"+0200", "-0500", "+0800", "+0100", "-0300", "+0530"} <= zones


def test_subject_prefixes_and_list_tag() -> None:
    subjects = [str(m["Subject"]) for m in _messages()]
    for prefix in ("Re: ", "RE: ", "AW: ", "TR: ", "RIF: ", "Fwd: ", "FW: "):
        assert any(prefix in s for s in subjects), prefix
    tagged = sum("[int-sect-team]" in s for s in subjects)
    assert tagged / len(subjects) > 0.9


def test_quoting_and_signatures() -> None:
    bodies = [_text(m) for m in _messages()]
    assert sum(bool(re.search(r"wrote:\n> ", b)) for b in bodies) >= 10
    outlook = re.compile(r"^From: .+\nSent: .+\nTo: .+\nSubject: .+", re.MULTILINE)
    assert sum(bool(outlook.search(b)) for b in bodies) >= 10
    assert any("-----Original Message-----" in b for b in bodies)
    assert any("---------- Forwarded message ---------" in b for b in bodies)
    assert sum("\n-- \n" in b for b in bodies) >= 10
    assert any(
        "International Telecommunication Union (ITU)\nPlace des Nations" in b for b in bodies
    )
    assert any("CONFIDENTIALITY NOTICE" in b for b in bodies)


def test_mbox_from_quoting_is_undone_on_read() -> None:
    raw_file = ARCHIVE.read_bytes()
    assert b"\n>From the BR side" in raw_file
    assert any(b"\nFrom the BR side" in r for r in _raw())
    assert not any(b"\n>From " in r for r in _raw())


def test_liaison_statements_and_document_references() -> None:
    bodies = [_text(m) for m in _messages() if not m["In-Reply-To"]]
    fields = (
        "LIAISON STATEMENT",
        "Source:",
        "Title:",
        "For:",
        "Summary:",
        "Action required:",
        "Contact:",
    )
    liaisons = [b for b in bodies if all(f in b for f in fields)]
    assert len(liaisons) >= 3
    assert any("Abstract" in b and "Deadline:" in b for b in liaisons)
    text = _all_text()
    assert "Action required: TDAG is invited to note this document and provide guidance" in text
    assert "TSAG is requested to provide comments by 15 September 2026" in text
    assert "For: Information" in text
    for ref in (
        "TSAG-TD409",
        "RAG-C/12",
        "TDAG-25/4",
        "Resolution 191 (Rev. Dubai, 2018)",
        "Resolution 71 (Rev. Bucharest, 2022)",
        "WTSA-24",
        "WTDC-25",
        "RA-23",
        "PP-26",
        "ITU-T Study Group 17",
        "Question 5/1",
        "WP 5D",
    ):
        assert ref in text, ref


def test_deadlines_and_closures() -> None:
    new_text = _all_text()
    for phrase in (
        "15 September 2026",
        "2026-09-15",
        "15/09/2026",
        "15.09.2026",
        "within two weeks",
        "by Friday",
        "before the next TSAG meeting",
    ):
        assert phrase in new_text, phrase
    replies = [_text(m) for m in _messages() if m["In-Reply-To"]]
    assert any(
        b.startswith("Dear Sofia, dear Yuki,\n\nDone — please find attached our reply")
        for b in replies
    )
    assert sum("We have sent the liaison" in " ".join(b.split()) for b in replies) >= 2


TOPICS = {
    "IMT/5G/6G": r"IMT-2030|6G",
    "spectrum and satellite": r"satellite|spectrum",
    "emergency telecommunications": r"[Ee]mergency [Tt]elecommunication",
    "climate change / e-waste": r"e-waste|climate change",
    "cybersecurity": r"[Cc]ybersecurity",
    "child online protection": r"Child Online Protection",
    "accessibility": r"accessibility",
    "conformance and interoperability": r"[Cc]onformance and [Ii]nteroperability",
    "bridging the standardization gap": r"standardization gap",
    "AI/ML": r"AI-native|machine learning|artificial intelligence",
    "IoT and smart cities": r"[Ss]mart [Ss]ustainable [Cc]ities|IoT",
    "digital financial services": r"[Dd]igital financial services",
    "e-health": r"e-health|digital health",
    "intelligent transport systems": r"[Ii]ntelligent transport systems",
    "QoS/QoE": r"QoS|QoE",
    "ICT statistics": r"Facts and Figures|statistics",
    "gender/youth/skills": r"Network of Women|Generation Connect|digital skills",
    "regional events": r"[Rr]egional (?:[Ss]tandardization [Ff]orum|workshop)|atelier régional",
    "strategic plan and resolutions": r"Strategic Plan|Resolution \d+",
}


def test_topics_are_spread_over_threads() -> None:
    texts = _subject_and_text()
    threads = _threads()
    per_topic = {
        topic: sum(any(re.search(pattern, texts[i]) for i in thread) for thread in threads)
        for topic, pattern in TOPICS.items()
    }
    assert all(count >= 1 for count in per_topic.values()), per_topic
    assert sum(count >= 2 for count in per_topic.values()) >= 10
    # Logistics threads mention none of the topics.
    untouched = [
        thread
        for thread in threads
        if not any(re.search(p, texts[i]) for p in TOPICS.values() for i in thread)
    ]
    assert len(untouched) >= 2


@pytest.mark.parametrize(
    "unit",
    [
        "Telecommunication Standardization Bureau (TSB)",
        "Radiocommunication Bureau (BR)",
        "Telecommunication Development Bureau (BDT)",
        "General Secretariat",
        "Chair, ITU Inter-Sector Coordination Group",
        "Vice-Chair, RAG",
        "Vice-Chair, TSAG",
        "Vice-Chair, TDAG",
        "Sector Member",
        "Academia",
    ],
)
def test_senders_from_all_sectors_and_groups(unit: str) -> None:
    assert unit in _all_text()


def test_addresses_are_itu_or_example_domains() -> None:
    senders = {m["From"].addresses[0].addr_spec for m in _messages()}
    assert len(senders) >= 20
    for address in senders:
        domain = address.split("@")[1]
        assert domain == "itu.int" or domain.split(".")[0].startswith("example"), address


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("  from: klaus\n", "  from: klause\n"),
         "message 2: nobody called 'klause' in people.yaml"),
        (("  date: 2026-07-02 09:40\n", "  date: 2 July 2026\n"),
         "message 2: date must look like 2026-07-01 10:12, not 2 July 2026"),
        (("  text: |\n", "  txt: |\n"), "message 1: unknown field 'txt'"),
        (("  reply_to: t01a\n", "  reply_to: t02a\n"),
         "message 2: reply_to 't02a' is not an earlier key"),
    ],
)
def test_a_mistake_in_a_thread_file_is_one_line_naming_it(
    tmp_path: Path, change: tuple[str, str], error: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SCRIPT.parent / "sample_archive", data)
    thread = next((data / "threads").glob("t01-*.yaml"))
    text = thread.read_text(encoding="utf-8")
    assert change[0] in text
    thread.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), "--output", str(tmp_path / "x.mbox")],
        check=False, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert result.stderr == f"error: {thread.name}: {error}\n"
    assert not (tmp_path / "x.mbox").exists()
