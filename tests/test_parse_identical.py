"""Every field of every parsed sample, the quoting split included, against a stored dump.

``tests/test_parse_snapshot.py`` pins what parsing reads and leaves the quoting split
out (its rules evolve with analysis). A change made for speed must leave all of it as
it was, so this test pins the split too, in the format of ``bench/parse_dump.py`` (which
compares the same dump over the whole bench corpus, before and after a change):
``tests/samples/parse-full-dump.json`` maps each sample to a short hash of each
:class:`ParsedMessage` field.

After an intended change to what parsing or the quoting split produces, rewrite the
dump with ``python tests/test_parse_identical.py`` and review which fields moved.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from bench.parse_dump import differences, fields_of
from tests.test_parse_snapshot import sample_messages

DUMP = ROOT / "tests" / "samples" / "parse-full-dump.json"


def current() -> dict[str, str]:
    return {name: fields_of(raw) for name, raw in sample_messages()}


def test_every_field_of_every_sample_is_as_stored() -> None:
    expected: dict[str, str] = json.loads(DUMP.read_text(encoding="utf-8"))
    found = current()
    assert sorted(found) == sorted(expected)
    names = sorted(found)
    changed = differences([expected[name] for name in names], [found[name] for name in names])
    assert {names[index]: fields for index, fields in changed.items()} == {}
    assert len(found) > 250


if __name__ == "__main__":
    DUMP.write_text(json.dumps(current(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DUMP}")
