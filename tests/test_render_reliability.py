"""What people see is neutral and bounded (issue 12, points 9-10).

Direction-changing and invisible characters never reach the digest (text, HTML,
subject) or a CLI table; JSON keeps values as written. Subjects and names are cut at
about 200 characters, and one message cannot blow up the size of a digest.
"""

from __future__ import annotations

import json
from dataclasses import replace

import click
from click.testing import CliRunner

from iscg_mailbot.cli.output import echo_json, format_cell, print_table
from iscg_mailbot.records import DigestSection, DigestThread
from iscg_mailbot.report.render import MAX_SECTION_THREADS, render_digest
from iscg_mailbot.text import INVISIBLE, MAX_SHOWN
from tests.digest_samples import CHAIR, seeded_digest

# LRM, RLM, ALM, ZWSP, ZWNJ, ZWJ, WJ, BOM, and the RLO already handled before.
HIDDEN = "\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u202e"


def _with_thread(thread: DigestThread) -> tuple[str, str, str]:
    digest = seeded_digest()
    first = digest.sections[0]
    digest = replace(digest, sections=(replace(first, threads=(thread,)), *digest.sections[1:]))
    rendered = render_digest(digest, CHAIR)
    return rendered.subject, rendered.text, rendered.html


def test_invisible_and_direction_characters_are_neutralised_everywhere() -> None:
    thread = replace(seeded_digest().sections[0].threads[0],
                     subject=f"Invoice{HIDDEN}gpj.exe", participants=(f"Ann{HIDDEN} Lee",),
                     latest_sender="\u200fAnn Lee", excerpt=f"Pay{HIDDEN} now")
    subject, text, html = _with_thread(thread)
    for output in (subject, text, html):
        assert not INVISIBLE.search(output), [hex(ord(c)) for c in INVISIBLE.findall(output)]
    assert "Invoicegpj.exe" in text and "Invoicegpj.exe" in html
    assert "Ann Lee" in text and "Pay now" in text


def test_a_220000_character_subject_is_cut_and_the_digest_stays_small() -> None:
    words = "spectrum " * 24_500
    thread = replace(seeded_digest().sections[0].threads[0], subject=words,
                     participants=tuple(f"Member {n} " + "x" * 400 for n in range(300)))
    _, text, html = _with_thread(thread)
    [line] = [line for line in text.splitlines() if line.startswith("* spectrum")]
    assert line.endswith("…") and len(line) <= MAX_SHOWN + 2
    assert "+288 more" in text
    assert len(text.encode()) < 40_000 and len(html.encode()) < 80_000


def test_a_section_shows_a_bounded_number_of_threads_and_says_so() -> None:
    digest = seeded_digest()
    base = digest.sections[0].threads[0]
    many = tuple(replace(base, thread_id=n, subject=f"Thread {n}") for n in range(130))
    digest = replace(digest, sections=(DigestSection("spectrum", "Spectrum", many),))
    rendered = render_digest(digest, CHAIR)
    assert rendered.text.count("\n* Thread ") == MAX_SECTION_THREADS
    assert "== Spectrum (130 threads) ==" in rendered.text
    assert "… and 80 more threads in this section: see the list archive." in rendered.text
    assert "… and 80 more threads in this section" in rendered.html


def test_cli_tables_neutralise_and_cut_json_keeps_what_was_written() -> None:
    assert format_cell(f"Re: LS{HIDDEN} on IMT") == "Re: LS on IMT"
    assert format_cell("word " * 100).endswith("…")
    assert len(format_cell("word " * 100)) <= MAX_SHOWN
    runner = CliRunner()

    def table() -> None:
        print_table(["subject"], [[f"Agenda{HIDDEN}"]])

    shown = runner.invoke(click.command()(table))
    assert "Agenda" in shown.output and not INVISIBLE.search(shown.output)
    as_json = runner.invoke(click.command()(lambda: echo_json({"subject": f"Agenda{HIDDEN}"})))
    assert json.loads(as_json.output) == {"subject": f"Agenda{HIDDEN}"}
