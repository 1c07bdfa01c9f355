"""Every ParsedMessage field for the messages ``bench/parse.py`` reads, to compare two versions.

    python bench/parse_dump.py OUT.json [--messages 20000]
    python bench/parse_dump.py --compare BEFORE.json AFTER.json

The first form parses the bench corpus (the same bytes, in the same order, as
``bench/parse.py``) and writes, for each message, a short hash of every field of its
:class:`ParsedMessage` (the quoting split included) or the reason it was refused. The
second lists the messages and fields that differ. A faster parser must leave the dump
of the parser it replaces unchanged; ``tests/test_parse_identical.py`` runs the same
comparison on the shipped samples against a stored dump.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.parse import corpus
from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ParsedMessage, Provenance, RawMessage

#: Every field of a ParsedMessage, in declaration order.
FIELDS = tuple(f.name for f in dataclasses.fields(ParsedMessage))


def digest(value: object, length: int = 10) -> str:
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:length]


def fields_of(raw: RawMessage, fields: Sequence[str] = FIELDS, length: int = 10) -> str:
    """The hashes (``length`` hex digits) of ``fields`` in order, or why the message is
    refused."""
    try:
        parsed = parse_message(raw)
    except UnparseableMessage as exc:
        return f"unparseable: {exc}"
    return " ".join(digest(getattr(parsed, name), length) for name in fields)


def dump(messages: Iterable[bytes]) -> list[str]:
    return [fields_of(RawMessage(raw, Provenance(mailbox="bench"))) for raw in messages]


def differences(before: list[str], after: list[str]) -> dict[int, list[str] | str]:
    """Message index -> the names of the fields that differ (or both reasons)."""
    found: dict[int, list[str] | str] = {}
    for index, (old, new) in enumerate(zip(before, after, strict=True)):
        if old == new:
            continue
        if old.startswith("unparseable") or new.startswith("unparseable"):
            found[index] = f"{old} -> {new}"
        else:
            pairs = zip(FIELDS, old.split(), new.split(), strict=True)
            found[index] = [name for name, a, b in pairs if a != b]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, help="where to write the dump")
    parser.add_argument("--messages", type=int, default=20_000, help="size of the corpus")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(path.read_text()) for path in args.compare)
        if len(before) != len(after):
            sys.exit(f"different corpora: {len(before)} and {len(after)} messages")
        found = differences(before, after)
        for index, what in list(found.items())[:50]:
            print(index, what)
        print(f"{len(found)} of {len(before)} messages differ")
        sys.exit(1 if found else 0)
    if args.out is None:
        parser.error("give OUT or --compare")
    result = dump(corpus(args.messages))
    args.out.write_text(json.dumps(result, indent=0) + "\n")
    print(f"wrote {len(result)} messages to {args.out}")


if __name__ == "__main__":
    main()
