"""Hostile lines that made a pattern of the parse stage backtrack for minutes.

Each case runs :func:`parse_message` in a forked child that is killed after
:data:`BOUND` seconds, so a regression fails here instead of hanging the suite. Before
the fix, the sign-off line below took ~20 s at 2,000 spaces (it grows with the cube of
the spaces), a line of an Outlook header block 12 s at 40,000 (the square), a 1 MB From line
of "<a" over two minutes, and the HTML ~20 minutes.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable

import pytest

from iscg_mailbot.parse.body import MAX_HTML_LAYOUT
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ParsedMessage, Provenance, RawMessage

#: Seconds a case may take (each takes well under 0.5 s now).
BOUND = 10.0
SPACES = " " * 20_000


def _mail(body: str, content_type: str = "text/plain; charset=utf-8") -> bytes:
    return (f"From: Ann <ann@itu.int>\nSubject: test\nMessage-ID: <1@itu.int>\n"
            f"Content-Type: {content_type}\n\n{body}").encode()


def _run(data: bytes, results: multiprocessing.Queue[ParsedMessage]) -> None:
    results.put(parse_message(RawMessage(data, Provenance())))


def parse_within(data: bytes, seconds: float = BOUND) -> tuple[ParsedMessage, float]:
    """Parse ``data`` in a forked child; fail if it takes longer than ``seconds``."""
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[ParsedMessage] = context.Queue()
    child = context.Process(target=_run, args=(data, results))
    started = time.perf_counter()
    child.start()
    try:
        parsed = results.get(timeout=seconds)
    except Exception:  # noqa: BLE001 - queue.Empty: the child is still matching
        pytest.fail(f"parsing took more than {seconds} s")
    finally:
        child.kill()
        child.join()
    return parsed, time.perf_counter() - started


CASES: dict[str, tuple[bytes, Callable[[ParsedMessage], bool]]] = {
    # The last lines of a message are tried as a sign-off ("  Best regards  ,").
    "spaces around a sign-off word": (
        _mail(f"Hello all,\nsee below.\n{SPACES}regards{SPACES}x\nBob\n"),
        lambda parsed: parsed.new_text.startswith("Hello all,"),
    ),
    # A line with a colon is tried as the "From:" of an Outlook reply header.
    "spaces after an Outlook label": (
        _mail("Hello\n" + f"\nFrom{SPACES * 2}x:" * 5 + "\nSent: Monday\nTo: all\n"),
        lambda parsed: parsed.new_text.startswith("Hello"),
    ),
    "spaces after the Sent label of a header block": (
        _mail("Hello\n\nFrom: ann@itu.int" + f"\nSent{SPACES * 2}x" * 6 + "\n"),
        lambda parsed: parsed.new_text.startswith("Hello"),
    ),
    # An address header is looked at for a comma inside <...> before it is split.
    "a From line of unclosed angle brackets": (
        b"Subject: x\nMessage-ID: <2@itu.int>\nFrom: " + b"<a" * 500_000 + b"\n\nHello\n",
        lambda parsed: parsed.body_text == "Hello",
    ),
    # A header block is tried against the pattern of plain fields before its lines are
    # read one by one (header_block.py): blank runs, then a line that is not a field.
    "a header block of blank runs, then a line that is not a field": (
        b"Subject: x\nMessage-ID: <3@itu.int>\nX-A:" + b" \t" * 500_000 + b"\n"
        + b"X-B: y\n" + b"  \n" * 200_000 + b"not a field\n\nHello\n",
        lambda parsed: parsed.subject == "x",
    ),
    # HTML too large to lay out is stripped of its tags by pattern.
    "HTML of unclosed tags": (
        _mail("<p>Hello</p>" + "<a" * (MAX_HTML_LAYOUT // 2 + 1000), "text/html"),
        lambda parsed: parsed.body_text.startswith("Hello"),
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_line_is_parsed_in_bounded_time(case: str) -> None:
    data, looks_right = CASES[case]
    parsed, seconds = parse_within(data)
    assert looks_right(parsed)
    assert seconds < BOUND
