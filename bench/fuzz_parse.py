"""Time-bounded fuzzing of ``parse_message`` over mutated real mail.

Seeds: the hard mail and list archives under ../shared/corpus (when present), the
hard samples in tests/samples/hard and the shipped sample archive. Each case is a
seed mutated by 1-8 seeded random operations — byte flips, inserted bytes or MIME
tokens, deleted, repeated or truncated spans, changed line endings, injected headers,
splices of two seeds, wrapping in message/rfc822 — then parsed. The outcome is
*parsed*, *quarantined* (``UnparseableMessage``, the contract) or *crashed* (any other
exception escaping: a bug), and cases slower than ``--slow`` seconds are listed too.
Crashing and slow inputs, and inputs quarantined by ``parse_message``'s safety net
("parser error ...": an unexpected exception inside the parser), are written to
``--save`` for reproduction.

``--store`` also runs each case through the whole ingest step (``store_raw_batch``
into an in-memory SQLite, rolled back): parse, store, thread.
``--atheris`` uses coverage-guided atheris (``pip install atheris``) instead of the
random mutator; the same outcome counts are printed.

Usage: python bench/fuzz_parse.py [--seconds 60] [--seed 1] [--store] [--save DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import mailbox
import os
import random
import signal
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive

CORPUS = ROOT.parent / "shared" / "corpus"
#: A case running longer than this is stopped and counted as hung.
HANG_SECONDS = 10

TOKENS = [
    b"\r\n", b"\n", b"\r\n\r\n", b"--", b"\x00", b"\xff\xfe", b"\xe2\x80\xae", b"=?utf-8?b?",
    b"=?x-no-such?q?", b"?=", b"=\r\n", b"=ZZ", b"<", b">", b"@", b'"', b";", b"\t",
    b"Content-Type: multipart/mixed; boundary=b\r\n", b"--b\r\n", b"--b--\r\n",
    b"Content-Type: message/rfc822\r\n", b"Content-Type: text/html; charset=utf-7\r\n",
    b'Content-Type: text/plain; charset="x-does-not-exist"\r\n',
    b"Content-Transfer-Encoding: base64\r\n", b"Content-Transfer-Encoding: quoted-printable\r\n",
    b"Content-Transfer-Encoding: x-uuencode\r\n",
    b"Content-Disposition: attachment; filename*=utf-8''%FF%FE.pdf\r\n",
    b"Message-ID: <>\r\n", b"References: <a@b> <b@a> <a@b>\r\n", b"In-Reply-To: <<<>>>\r\n",
    b"Date: Thu, 31 Feb 99999 25:61:61 +9999\r\n", b"From: =?utf-8?b?4oCu?= <@>\r\n",
    b"Subject: Re: RE: Fwd: AW: [iscg] \xe2\x80\x8b\r\n", b"<html><script>x</script>",
    b"> ", b"On Mon, 1 Jan 2026, A wrote:\r\n", b"-- \r\n", b"-----Original Message-----\r\n",
]


def load_seeds(limit: int, rng: random.Random) -> list[bytes]:
    """Real mails to mutate (at most ``limit`` from the archives, all single files)."""
    seeds: list[bytes] = []
    singles = sorted((CORPUS / "hard-mail").glob("*.eml")) + sorted(
        (ROOT / "tests" / "samples" / "hard").glob("*.eml")
    )
    seeds += [path.read_bytes() for path in singles]
    archived: list[bytes] = [m.as_bytes() for m in mailbox.mbox(sample_archive())]
    for path in sorted((CORPUS / "archive").glob("*.mbox")):
        archived += [m.as_bytes() for m in mailbox.mbox(path)]
    rng.shuffle(archived)
    return seeds + archived[:limit]


def _span(rng: random.Random, data: bytearray) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.choice([1, 4, 64, 512, 4096]))


def _flip_bytes(data: bytearray, rng: random.Random, start: int, end: int,
                seeds: list[bytes]) -> bytearray:
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return data


def _insert_random(data: bytearray, rng: random.Random, start: int, end: int,
                   seeds: list[bytes]) -> bytearray:
    data[start:start] = rng.randbytes(rng.randint(1, 64))
    return data


def _insert_token(data: bytearray, rng: random.Random, start: int, end: int,
                  seeds: list[bytes]) -> bytearray:
    data[start:start] = rng.choice(TOKENS) * rng.choice([1, 1, 1, 3, 100])
    return data


def _delete_span(data: bytearray, rng: random.Random, start: int, end: int,
                 seeds: list[bytes]) -> bytearray:
    del data[start:end]
    return data


def _repeat_span(data: bytearray, rng: random.Random, start: int, end: int,
                 seeds: list[bytes]) -> bytearray:
    data[start:start] = data[start:end] * rng.randint(2, 20)
    return data


def _truncate(data: bytearray, rng: random.Random, start: int, end: int,
              seeds: list[bytes]) -> bytearray:
    del data[start:]
    return data


def _line_endings(data: bytearray, rng: random.Random, start: int, end: int,
                  seeds: list[bytes]) -> bytearray:
    return bytearray(bytes(data).replace(b"\r\n", b"\n").replace(
        b"\n", rng.choice([b"\r\n", b"\r", b"\n\r", b"\n"])))


def _splice(data: bytearray, rng: random.Random, start: int, end: int,
            seeds: list[bytes]) -> bytearray:
    other = rng.choice(seeds)
    cut = rng.randrange(len(other) + 1)
    return data[:start] + bytearray(other[cut:])


def _nest(data: bytearray, rng: random.Random, start: int, end: int,
          seeds: list[bytes]) -> bytearray:
    for _ in range(rng.randint(1, 5)):
        data = bytearray(
            b"From: fwd@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: message/rfc822\r\n\r\n" + bytes(data)
        )
    return data


# Each mutation by its chance in ten (inserting a token twice as likely as the others).
_MUTATIONS = (_flip_bytes, _insert_random, _insert_token, _insert_token, _delete_span,
              _repeat_span, _truncate, _line_endings, _splice, _nest)


def mutate(seed: bytes, seeds: list[bytes], rng: random.Random) -> bytes:
    """``seed`` after 1-8 random mutations."""
    data = bytearray(seed)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(10)
        start, end = _span(rng, data)
        if kind == 0 and not data:
            kind = 9  # nothing to flip: nest it instead (as the seeds' runs always did)
        data = _MUTATIONS[kind](data, rng, start, end, seeds)
    return bytes(data)


@dataclass
class Tally:
    """Outcomes of the cases so far."""

    outcomes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    crashes: Counter[str] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    slow: list[tuple[float, str]] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return sum(self.outcomes.values())


class Hung(Exception):
    """A case ran past HANG_SECONDS."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hung()


def make_storer() -> Callable[[bytes], None]:
    """store_raw_batch into an in-memory SQLite, one rolled-back transaction per case."""
    from sqlalchemy.orm import Session

    from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
    from iscg_mailbot.store.database import connect, upgrade
    from iscg_mailbot.store.messages import ensure_list

    engine = connect("sqlite://")
    upgrade(engine)

    def store(data: bytes) -> None:
        with Session(engine) as session:
            list_id = ensure_list(session, "fuzz", "fuzz@example.org").id
            store_raw_batch(session, list_id, [RawMessage(data, Provenance(uid=1))],
                            IngestReport(source="fuzz"))
            session.flush()
            session.rollback()

    return store


def _parse_case(data: bytes, tally: Tally, save: Path | None) -> str:
    try:
        parse_message(RawMessage(data, Provenance()))
        return "parsed"
    except UnparseableMessage as exc:
        reason = str(exc)
        tally.reasons[reason.split(":")[0][:60]] += 1
        if reason.startswith("parser error"):
            # parse_message's safety net caught an unexpected exception: a parser bug
            # that costs the message (quarantined instead of parsed). Keep the input.
            tally.crashes[f"caught by the safety net: {reason[:100]}"] += 1
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"safety-net-{hashlib.sha256(data).hexdigest()[:16]}.eml").write_bytes(data)
        return "quarantined"
    except Hung:
        return "hung"
    except Exception as exc:  # noqa: BLE001 - that is what we are looking for
        tally.crashes[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
        return "crashed"


def _store_case(data: bytes, tally: Tally, store: Callable[[bytes], None],
                outcome: str) -> str:
    try:
        store(data)
    except Hung:
        return "hung in store"
    except Exception as exc:  # noqa: BLE001
        tally.crashes[f"store {type(exc).__name__}: {str(exc)[:80]}"] += 1
        return "crashed in store"
    return outcome


def run_case(data: bytes, tally: Tally, save: Path | None, slow_after: float,
             store: Callable[[bytes], None] | None) -> None:
    signal.alarm(HANG_SECONDS)
    started = time.perf_counter()
    outcome = _parse_case(data, tally, save)
    if store is not None and outcome in ("parsed", "quarantined"):
        outcome = _store_case(data, tally, store, outcome)
    signal.alarm(0)
    elapsed = time.perf_counter() - started
    tally.outcomes[outcome] += 1
    tally.times.append(elapsed)
    digest = hashlib.sha256(data).hexdigest()[:16]
    if elapsed > slow_after:
        tally.slow.append((elapsed, digest))
    if save is not None and (outcome not in ("parsed", "quarantined") or elapsed > slow_after):
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{outcome.replace(' ', '-')}-{digest}.eml").write_bytes(data)


def random_fuzz(args: argparse.Namespace, seeds: list[bytes], tally: Tally,
                store: Callable[[bytes], None] | None) -> float:
    rng = random.Random(args.seed)
    started = time.perf_counter()
    deadline = started + args.seconds
    while time.perf_counter() < deadline:
        run_case(mutate(rng.choice(seeds), seeds, rng), tally, args.save, args.slow, store)
    return time.perf_counter() - started


def atheris_fuzz(args: argparse.Namespace, seeds: list[bytes], tally: Tally,
                 store: Callable[[bytes], None] | None) -> None:
    """Coverage-guided fuzzing; prints the report and exits when the time is up."""
    import tempfile

    import atheris  # type: ignore[import-not-found]

    # Import the parse stage again under instrumentation so libFuzzer sees its branches
    # (instrument_all() would take minutes over every loaded module).
    global parse_message
    for name in [m for m in sys.modules if m.startswith("iscg_mailbot.parse")]:
        del sys.modules[name]
    with atheris.instrument_imports(include=["iscg_mailbot.parse"]):
        from iscg_mailbot.parse.message import parse_message as instrumented
    parse_message = instrumented
    corpus = Path(tempfile.mkdtemp(prefix="fuzz-parse-"))
    for index, seed in enumerate(seeds):
        (corpus / f"seed{index}").write_bytes(seed)
    started = time.perf_counter()
    deadline = started + args.seconds

    def one_input(data: bytes) -> None:
        run_case(bytes(data), tally, args.save, args.slow, store)
        if time.perf_counter() > deadline:
            # libFuzzer ends with C exit(), which skips Python's atexit: report here.
            print_report(tally, time.perf_counter() - started, len(seeds), "atheris (coverage-guided)")
            sys.stdout.flush()
            os._exit(1 if tally.outcomes["crashed"] or tally.outcomes["hung"] else 0)

    atheris.Setup(
        [sys.argv[0], f"-seed={args.seed}", "-max_len=200000", "-rss_limit_mb=4096",
         "-timeout=0", str(corpus)],
        one_input,
    )
    atheris.Fuzz()


def print_report(tally: Tally, seconds: float, seeds: int, engine: str) -> None:
    times = sorted(tally.times) or [0.0]
    print(f"engine: {engine}; seeds: {seeds}")
    print(f"cases run: {tally.cases} in {seconds:.1f} s = {tally.cases / max(seconds, 1e-9):.0f} cases/s")
    for outcome in ("parsed", "quarantined", "crashed", "hung", "crashed in store", "hung in store"):
        if tally.outcomes[outcome] or outcome in ("parsed", "quarantined", "crashed"):
            print(f"  {outcome:17s} {tally.outcomes[outcome]:8d}")
    print(f"per case: median {statistics.median(times) * 1000:.2f} ms, "
          f"p99 {times[int(len(times) * 0.99) - 1 if len(times) > 1 else 0] * 1000:.1f} ms, "
          f"max {times[-1] * 1000:.0f} ms")
    if tally.reasons:
        print("quarantine reasons: " + "; ".join(f"{r} ({n})" for r, n in tally.reasons.most_common(6)))
    for crash, count in tally.crashes.most_common(10):
        print(f"  {'BUG' if crash.startswith('caught') else 'CRASH'} x{count}: {crash}")
    for elapsed, digest in sorted(tally.slow, reverse=True)[:5]:
        print(f"  slow: {elapsed:.2f} s  case {digest}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same cases)")
    parser.add_argument("--seeds-from-archives", type=int, default=2000,
                        help="at most this many archive messages as seeds")
    parser.add_argument("--store", action="store_true", help="also store_raw_batch each case")
    parser.add_argument("--save", type=Path, help="write crashing/hung/slow inputs here")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds that make a case slow")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided (needs atheris)")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    seeds = load_seeds(args.seeds_from_archives, random.Random(args.seed))
    store = make_storer() if args.store else None
    tally = Tally()
    if args.atheris:
        atheris_fuzz(args, seeds, tally, store)
        return
    seconds = random_fuzz(args, seeds, tally, store)
    print_report(tally, seconds, len(seeds), "random mutations" + (" + store" if store else ""))
    if tally.outcomes["crashed"] or tally.outcomes["crashed in store"] or tally.outcomes["hung"]:
        sys.exit(1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
