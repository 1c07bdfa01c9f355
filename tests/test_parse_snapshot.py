"""The parser's output, field by field, for every sample message, against a snapshot.

Parsing is tuned for speed (``bench/parse.py``); this test pins what it produces, so a
faster parser is known to be the same parser. ``tests/samples/parse-snapshot.json``
holds, for each message of the shipped sample archive, ``tests/samples/hard/`` and
``tests/samples/reliability/``, a short hash of each :class:`ParsedMessage` field, in
field order (or the reason the message is refused). The quoting split (``new_text``, ``quoted_text``,
``signature``) is not hashed: it belongs to :mod:`iscg_mailbot.parse.quoting`, whose
rules evolve with analysis; it is checked to be that module's split of the body.

After an intended change to what parsing produces, rewrite the snapshot with
``python tests/test_parse_snapshot.py`` and review the diff of the JSON file.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from bench.parse_dump import fields_of
from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.parse.mime import content_charset, read_message
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.parse.subjects import is_forward_subject
from iscg_mailbot.records import ParsedMessage, Provenance, RawMessage
from iscg_mailbot.source.archive import read_archive

SNAPSHOT = ROOT / "tests" / "samples" / "parse-snapshot.json"
SAMPLE_ARCHIVE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"
SAMPLE_DIRS = (ROOT / "tests" / "samples" / "hard", ROOT / "tests" / "samples" / "reliability")
#: Fields that quoting.py computes from ``body_text`` and ``subject``.
SPLIT_FIELDS = ("new_text", "quoted_text", "signature")


def sample_messages() -> Iterator[tuple[str, RawMessage]]:
    """(stable name, message) for every sample, with a provenance that names no local path."""
    archives = [SAMPLE_ARCHIVE]
    for folder in SAMPLE_DIRS:
        for path in sorted(folder.iterdir()):
            if path.suffix == ".eml":
                name = str(path.relative_to(ROOT))
                yield name, RawMessage(path.read_bytes(), Provenance(archive_path=name))
            elif path.suffix == ".mbox":
                archives.append(path)
    for archive in archives:
        index = 0
        for batch in read_archive(archive):
            for raw in batch.messages:
                name = f"{archive.relative_to(ROOT)}#{index}"
                index += 1
                yield name, dataclasses.replace(raw, provenance=Provenance(archive_path=name))


FIELDS = tuple(f.name for f in dataclasses.fields(ParsedMessage) if f.name not in SPLIT_FIELDS)


def fingerprint(raw: RawMessage) -> str:
    """The hashes of the fields, in :data:`FIELDS` order, or why the message is refused."""
    return fields_of(raw, FIELDS, length=6)


def current() -> dict[str, str]:
    return {name: fingerprint(raw) for name, raw in sample_messages()}


def _changed_fields(found: str, expected: str) -> list[str] | str:
    if found.startswith("unparseable") or expected.startswith("unparseable"):
        return f"{expected} -> {found}"
    pairs = zip(FIELDS, found.split(), expected.split(), strict=True)
    return [name for name, new, old in pairs if new != old]


def test_parsed_records_match_the_snapshot() -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = current()
    assert sorted(found) == sorted(expected)
    differences = {
        name: _changed_fields(value, expected[name])
        for name, value in found.items() if value != expected[name]
    }
    assert differences == {}
    assert len(found) > 250


def test_quoting_split_is_quotings_split_of_the_body() -> None:
    for _, raw in sample_messages():
        try:
            parsed: ParsedMessage = parse_message(raw)
        except UnparseableMessage:
            continue
        split = split_new_text(parsed.body_text, forwarded=is_forward_subject(parsed.subject))
        assert (parsed.new_text, parsed.quoted_text, parsed.signature) == split


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(current(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")


CONTENT_TYPES = [
    "text/plain", "text/plain; charset=UTF-8", 'text/plain; charset="ISO-8859-1"',
    "text/plain;charset=us-ascii;format=flowed", "charset=utf-8", "text/plain; charset",
    'text/plain; name="a;b"; charset=utf-8', "text/plain; charset=\"utf-8\"; charset=latin1",
    "text/plain; charset=<utf-8>", "text/plain; charset*=utf-8''latin1",
    'text/plain; charset="\\"x\\""', 'text/plain; charset=""', "text/plain;\n\tcharset=koi8-r",
    "text/plain; CHARSET = Big5 ;", 'text/plain; charset="utf-8', "text/plain; charset=gen\xe8ve",
]


def test_charset_reading_is_the_stdlibs() -> None:
    for value in CONTENT_TYPES:
        data = f"Content-Type: {value}\n\nx".encode("latin-1")
        part = read_message(data)
        try:
            expected = (True, part.get_content_charset())
        except (LookupError, ValueError, UnicodeError):
            expected = (False, None)
        assert content_charset(read_message(data)) == expected, value
