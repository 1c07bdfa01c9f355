"""Parse throughput against the bare stdlib compat32 parser doing the same work, one run.

    python bench/parse.py [--seconds 60] [--messages 20000] [--profile N]

Messages: the shipped sample archive, ``tests/samples/hard`` and ``reliability``, the list
archives and hard mail under ``../shared/corpus`` when present, and a generated corpus:
those messages cycled with fresh Message-IDs and dates (as ``bench/ingest.py`` makes them)
up to ``--messages``. Both sides read exactly the same bytes.

- the floor: ``email.message_from_bytes(raw, policy=compat32)``, then a walk over the parts
  that reads the main headers, decodes each text part's payload from its declared charset
  and lists the other parts with their file name, type and decoded size;
- ours: :func:`iscg_mailbot.parse.message.parse_message` (all of that, plus charset
  fallbacks, HTML laid out as text, forwarded messages inline, addresses and dates read,
  the quoting split, defects).

The sides alternate in slices of the corpus (CPU time, the garbage collector run between
slices), so both see the same machine load. Prints msg/s of each (median over rounds) and
their ratio; the goal is ours within 1.5x of the floor. ``--profile N`` instead profiles
our side on N messages with cProfile and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from email import message_from_bytes
from email.policy import compat32
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import contextlib

from bench.ingest import variant
from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.source.archive import read_archive

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "tests" / "samples"
#: Messages timed per slice before the other side takes its turn.
SLICE = 500
#: Header fields the floor reads (what a ParsedMessage carries).
HEADERS = ("from", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references",
           "list-id")


def base_messages() -> list[bytes]:
    """Every distinct message: the sample archive, test samples and the shared corpus."""
    archives = [sample_archive(), *sorted(SAMPLES.glob("*/*.mbox"))]
    files = sorted(SAMPLES.glob("*/*.eml"))
    if CORPUS.is_dir():
        archives += sorted((CORPUS / "archive").glob("*.mbox"))
        files += sorted(path for path in (CORPUS / "hard-mail").rglob("*.eml"))
    messages = [path.read_bytes() for path in files]
    for archive in archives:
        for batch in read_archive(archive):
            messages.extend(bytes(raw.data) for raw in batch.messages)
    return messages


def corpus(total: int) -> list[bytes]:
    """The base messages, then cycled variants of them until there are ``total``."""
    bases = base_messages()
    messages = list(bases)
    cycle = 1
    while len(messages) < total:
        messages.extend(variant(raw, cycle) for raw in bases[: total - len(messages)])
        cycle += 1
    return messages


def floor(raw: bytes) -> None:
    """What a bare compat32 reader does for comparable output."""
    message = message_from_bytes(raw, policy=compat32)
    for name in HEADERS:
        message.get_all(name)
    texts: list[str] = []
    attachments: list[tuple[str | None, str, int]] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        data = part.get_payload(decode=True)
        data = data if isinstance(data, bytes) else b""
        if part.get_content_maintype() == "text" and part.get_filename() is None:
            try:
                texts.append(data.decode(part.get_content_charset() or "utf-8", "replace"))
            except LookupError:
                texts.append(data.decode("utf-8", "replace"))
        else:
            attachments.append((part.get_filename(), part.get_content_type(), len(data)))


def ours(raw: bytes) -> None:
    """The parse stage's entry point."""
    with contextlib.suppress(UnparseableMessage):
        parse_message(RawMessage(raw, Provenance(mailbox="bench")))


def timed(side: Callable[[bytes], None], messages: list[bytes]) -> float:
    """CPU seconds for ``side`` over ``messages``."""
    gc.collect()
    start = time.process_time()
    for raw in messages:
        side(raw)
    return time.process_time() - start


def compare(messages: list[bytes], seconds: float) -> tuple[float, float]:
    """Alternate the two sides slice by slice for about ``seconds``; median msg/s of each."""
    for side in (floor, ours):  # warm caches, imports and the address memo on both
        timed(side, messages[:SLICE])
    rates: dict[str, list[float]] = {"floor": [], "ours": []}
    deadline = time.monotonic() + seconds
    sides = [("floor", floor), ("ours", ours)]
    start = 0
    while time.monotonic() < deadline or len(rates["ours"]) < 3:
        chunk = messages[start : start + SLICE]
        start = (start + SLICE) % max(1, len(messages) - SLICE)
        sides.reverse()  # neither side always goes first
        for name, side in sides:
            rates[name].append(len(chunk) / max(timed(side, chunk), 1e-9))
    return statistics.median(rates["floor"]), statistics.median(rates["ours"])


def profile(messages: list[bytes]) -> None:
    """cProfile of our side: the functions with most time of their own, then cumulative."""
    profiler = cProfile.Profile()
    profiler.enable()
    for raw in messages:
        ours(raw)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="time spent measuring")
    parser.add_argument("--messages", type=int, default=20_000, help="size of the corpus")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile our parser on N messages instead of comparing")
    args = parser.parse_args()
    messages = corpus(args.messages)
    if args.profile:
        profile(messages[: args.profile])
        return
    total = sum(len(raw) for raw in messages)
    print(f"{len(messages):,} messages, {total / 1e6:.1f} MB, {args.seconds:.0f} s of measuring")
    floor_rate, our_rate = compare(messages, args.seconds)
    print(f"compat32 floor (walk, decode text, list attachments): {floor_rate:8,.0f} msg/s")
    print(f"parse_message:                                      {our_rate:8,.0f} msg/s")
    print(f"ratio floor/ours: {floor_rate / our_rate:.2f}x (goal: <= 1.5x)")


if __name__ == "__main__":
    main()
