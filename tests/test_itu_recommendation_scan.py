"""The Recommendation scan of :func:`itu_structure.recommendations` (perf-recover): found
from a dot before a digit, then its capital tested, it finds what the earlier scan for
"<capital>.<digit>" found, in the same order, on texts made to trip it."""

from __future__ import annotations

import random
import re

from iscg_mailbot.analyse import itu_structure
from iscg_mailbot.analyse.itu_structure import recommendations

_OLD_ANCHOR = re.compile(r"[A-Z]\.\d")


def _old_recommendations(text: str) -> list[tuple[int, str, str]]:
    """The scan as 999c9ff wrote it (every position tried for "<capital>.<digit>")."""
    found: list[tuple[int, str, str]] = []
    for anchor in _OLD_ANCHOR.finditer(text):
        start = anchor.start()
        while start > 0 and text[start - 1].isupper():
            start -= 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
            continue
        match = itu_structure._REC.match(text, start)
        if match is None:
            continue
        name = f"{match.group('series')}.{int(match.group('number'))}"
        before = itu_structure._REC_SECTOR_BEFORE.search(text, max(0, start - 8), start)
        if before is not None:
            found.append((before.start(), f"{before.group(1)} {name}",
                          text[before.start():match.end()]))
        else:
            found.append((start, name, match.group(0)))
    return found


TRICKY = [
    "Recommendation ITU-T L.1300 and the E.800-series; G.8275.1",
    ".1 at the start, X.1 Y.2.3 Z.4bis ITU-R M.2121, ITU-T  X.1254",
    "É.800 is no series, nor x.800, nor 1.13, nor v2.1, but Q.1/17 and ITU-T\tY.3172",
    "X.\u0661\u0662 (Arabic-Indic digits are \\d too), SG.5, WP5D.1, _X.1, a.X.1, AB.12",
    "ends with X.", "X.1", "", ".", "A.1A.2 XYZW.1 ABC.9999 ABC.99999",
]


def test_same_findings_as_the_capital_scan() -> None:
    for text in TRICKY:
        assert recommendations(text) == _old_recommendations(text), text
    rng = random.Random(17)
    alphabet = "ABXYZÉab .._-\t\n0123456789\u0661ITU-RT"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert recommendations(text) == _old_recommendations(text), repr(text)


def test_finds_them() -> None:
    assert [name for _, name, _ in recommendations(TRICKY[0])] == [
        "ITU-T L.1300", "E.800", "G.8275"]
