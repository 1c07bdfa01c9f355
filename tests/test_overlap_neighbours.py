"""The meaning ranks of the duplication watch (analyse/overlap_meaning.py) from its matrix
product and kept nearest candidates are those of a straightforward reference: each
thread's exact cosine to every candidate (another Sector, active within the window),
counted one by one, ties included."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from iscg_mailbot.analyse.overlap_meaning import NEAREST_KEPT
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, meaning_neighbours

RULES = OverlapRules()
SECTORS = ("ITU-R", "ITU-T", "ITU-D", "GS")
START = datetime(2026, 1, 1, tzinfo=UTC)


def generated(seed: int, size: int) -> list[ThreadView]:
    """Threads with vectors of small integers (exact cosines, many equal), copies of one
    vector (exact ties, more than the nearest kept), threads without dates or vector,
    and one led by no Sector."""
    rnd = random.Random(seed)
    copied = tuple(float(rnd.randint(-2, 2)) for _ in range(8))
    threads = []
    for n in range(1, size + 1):
        kind = rnd.random()
        if kind < 0.3:
            vector = copied
        elif kind < 0.35:
            vector = ()
        elif kind < 0.4:
            vector = tuple(0.0 for _ in range(8))
        elif kind < 0.7:
            vector = tuple(float(rnd.randint(-2, 2)) for _ in range(8))
        else:
            vector = tuple(rnd.gauss(0.0, 1.0) for _ in range(8))
        first = START + timedelta(days=rnd.randrange(365), seconds=rnd.randrange(86400))
        last = first + timedelta(days=rnd.randrange(60))
        undated = rnd.random() < 0.05
        sector = None if rnd.random() < 0.03 else rnd.choice(SECTORS)
        threads.append(ThreadView(n, f"thread {n}", "", sector, (), (),
                                  None if undated else first, None if undated else last,
                                  vector))
    return threads


def reference_cosines(threads: list[ThreadView], a: ThreadView,
                      cosine: Callable[[int, int], float | None]) -> list[float]:
    """``a``'s exact cosine to each of its candidates, one by one."""
    window = timedelta(days=RULES.window_days)

    def candidate(y: ThreadView) -> bool:
        if a.sector == y.sector or y.sector not in SECTORS or not y.meaning:
            return False
        if a.first is None or a.last is None or y.first is None or y.last is None:
            return True
        return a.first - window <= y.last and y.first - window <= a.last

    return [cosine(a.id, t.id) or 0.0 for t in threads if t.id != a.id and candidate(t)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ranks_are_those_of_the_exact_cosines(seed: int) -> None:
    threads = generated(seed, 160)
    neighbours = meaning_neighbours(threads, RULES)
    assert neighbours is not None
    led = [t for t in threads if t.sector in SECTORS and t.meaning]
    rows = {a.id: reference_cosines(threads, a, neighbours.cosine) for a in led}
    ties = 0
    for a in led:
        for b in led:
            if a.id == b.id:
                continue
            own = neighbours.cosine(a.id, b.id)
            assert own is not None
            expected = 1 + sum(1 for value in rows[a.id] if value > own)
            back = 1 + sum(1 for value in rows[b.id] if value > own)
            assert neighbours.rank(a.id, b.id) == expected
            for most in (1, 2, 3, NEAREST_KEPT + 2):
                assert neighbours.within(a.id, b.id, most) == (max(expected, back) <= most)
            ties += a.meaning == b.meaning
    assert ties > NEAREST_KEPT  # more equal cosines than the nearest kept
    # A thread without a vector, or led by no Sector, has no rank.
    missing = next(t for t in threads if not t.meaning)
    assert neighbours.rank(missing.id, led[0].id) is None
    assert not neighbours.within(missing.id, led[0].id, 3)


def test_the_window_and_the_sector_decide_the_candidates() -> None:
    one = (1.0, 0.0)
    threads = [ThreadView(1, "a", "", "ITU-T", (), (), START, START, one),
               # nearer, but of the same Sector, or too late: no candidate
               ThreadView(2, "b", "", "ITU-T", (), (), START, START, (1.0, 0.01)),
               ThreadView(3, "c", "", "ITU-R", (), (), START + timedelta(days=200),
                          START + timedelta(days=200), (1.0, 0.02)),
               ThreadView(4, "d", "", "ITU-D", (), (), START + timedelta(days=89),
                          START + timedelta(days=90), (1.0, 0.5)),
               ThreadView(5, "e", "", "GS", (), (), START + timedelta(days=90),
                          START + timedelta(days=91), (1.0, 0.03))]
    neighbours = meaning_neighbours(threads, RULES)
    assert neighbours is not None
    # Thread 5 begins exactly 90 days after thread 1 ends: within the window, nearer.
    assert neighbours.rank(1, 4) == 2
    assert neighbours.rank(1, 5) == 1
    shifted = [*threads[:4], ThreadView(5, "e", "", "GS", (), (),
                                        START + timedelta(days=90, microseconds=1),
                                        START + timedelta(days=91), (1.0, 0.03))]
    neighbours = meaning_neighbours(shifted, RULES)
    assert neighbours is not None and neighbours.rank(1, 4) == 1
