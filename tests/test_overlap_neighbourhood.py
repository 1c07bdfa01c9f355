"""One neighbourhood in meaning (analyse/overlap_neighbourhood.py): two Sectors' threads
on one subject whose nearest candidates are taken by the subject's other threads (an
event, another Sector's work on a neighbouring subject) are flagged when one holds the
other among its 2 nearest threads of any Sector and they share a neighbour, with 4 terms
in common; two threads that only share neighbours, or that share fewer terms, are not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import (
    OverlapRules,
    ThreadView,
    find_overlaps,
    meaning_neighbours,
    why_not,
)

WHEN = datetime(2028, 2, 10, tzinfo=UTC)
ON = OverlapRules()
OFF = replace(ON, meaning_shared=None)

HIBS = ("WP 5D draft Report on base stations in the stratosphere",
        ("high altitude platforms serving rural villages: spectrum sharing, antenna beams, "
         "interference to terrestrial links, station keeping and payload power budgets"))
BALLOONS = ("Toolkit idea: balloons and solar aircraft as cell towers in the sky",
            ("bringing mobile service to remote rural villages: spectrum, licensing, "
             "airspace rules, costs for operators, community partnerships, station keeping "
             "and payload financing"))
FORUM = ("Workshop on connectivity from the sky: registration and venue",
         "registration, venue and travel for the workshop on platforms in the sky")
GRID = ("SG15 draft Recommendation on optical transport for power utilities",
        "optical transport, protection switching and timing for electricity grids")
# Threads on other subjects: a window of a list (a thread's 2 nearest among fewer than
# 8 threads say nothing, overlap_neighbourhood.FEWEST).
OTHERS = [("ITU-R", "Budget of the regional forum", "interpretation and travel costs"),
          ("ITU-D", "Accessibility of broadcasting", "captions and audio description"),
          ("ITU-T", "Numbering resources for machine type communication", "E.212 ranges"),
          ("GS", "Council working group on languages", "translation of documents"),
          ("ITU-R", "Maritime distress frequencies", "search and rescue channels"),
          ("ITU-D", "Digital skills for teachers", "curricula for schools"),
          ("ITU-T", "Quality of service of video calls", "latency and jitter targets")]


def threads(vectors: dict[int, tuple[float, ...]],
            balloons: tuple[str, str] = BALLOONS) -> list[ThreadView]:
    """ITU-R's report (1), ITU-D's toolkit (2), an ITU-T event on the subject (3), ITU-T
    work on another subject (4) and OTHERS (5-11), with ``vectors``."""
    given = [("ITU-R", *HIBS), ("ITU-D", *balloons), ("ITU-T", *FORUM), ("ITU-T", *GRID),
             *OTHERS]
    return [ThreadView(n, s, f"{s}\n{t}", sector, (), (), WHEN, WHEN, _padded(vectors, n))
            for n, (sector, s, t) in enumerate(given, 1)]


def _padded(vectors: dict[int, tuple[float, ...]], n: int) -> tuple[float, ...]:
    """Thread ``n``'s vector in 12 dimensions: threads 5 on (OTHERS) each one of its own."""
    given = vectors.get(n) or tuple(1.0 if d == n - 1 else 0.0 for d in range(12))
    return (*given, *(0.0,) * (12 - len(given)))


# 1's nearest are the event (3) and the grid work (4), then the toolkit (2); 2's are the
# event and the report: each is only the other's 3rd candidate, one neighbour shared.
NEAR = {1: (1.0, 0.0, 0.0, 0.0), 2: (0.8, 0.6, 0.0, 0.0), 3: (0.95, 0.3, 0.0, 0.0),
        4: (0.9, 0.0, 0.43, 0.0)}


def pair(found: list) -> bool:
    return any(f.pair_key == "1-2" for f in found)


def test_one_neighbourhood_flags_the_pair_the_nearest_rules_miss() -> None:
    views = threads(NEAR)
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views})
    neighbours = meaning_neighbours(views, ON)
    assert neighbours is not None and neighbours.shared is not None
    assert text.common(1, 2)[0] >= ON.meaning_terms
    assert neighbours.mutual_rank(1, 2) == 3 and neighbours.shared.score(1, 2) == 2
    assert why_not(views[0], views[1], text, OFF, meaning_neighbours(views, OFF))
    assert not pair(find_overlaps(views, OFF))
    flags = [f for f in find_overlaps(views, ON) if f.pair_key == "1-2"]
    assert len(flags) == 1 and flags[0].meaning is not None
    # The digest's way (the pairs of a week's thread) finds it too; the event never.
    assert pair(find_overlaps(views, ON, involving={2}))
    assert not [f for f in find_overlaps(views, ON) if 3 in (f.thread_a, f.thread_b)]


def test_sharing_neighbours_without_holding_each_other_is_no_neighbourhood() -> None:
    # 1 and 2 both have the event and the grid work nearest, not each other: two guides
    # near the same two threads are two subjects of one broad area.
    apart = {**NEAR, 2: (0.8, 0.0, 0.0, 0.6), 3: (0.95, 0.0, 0.0, 0.3),
             4: (0.9, 0.0, 0.3, 0.3)}
    neighbours = meaning_neighbours(threads(apart), ON)
    assert neighbours is not None and neighbours.shared is not None
    shared = neighbours.shared
    assert 2 not in shared.nearest(0, 1) and 1 not in shared.nearest(0, 2)
    assert shared.nearest(0, 1) & shared.nearest(0, 2)
    assert shared.score(1, 2) == 0 and not pair(find_overlaps(threads(apart), ON))


def test_one_neighbourhood_asks_wording_in_common() -> None:
    # The toolkit in words that share fewer than 4 terms with the report.
    other_words = ("Toolkit idea: balloons and solar aircraft as cell towers in the sky",
                   "licensing, airspace rules, costs for operators and community partnerships")
    views = threads(NEAR, other_words)
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views})
    assert text.common(1, 2)[0] < ON.meaning_terms
    neighbours = meaning_neighbours(views, ON)
    assert neighbours is not None and neighbours.shared is not None
    assert neighbours.shared.score(1, 2) == 2 and not pair(find_overlaps(views, ON))


def test_a_few_threads_make_no_neighbourhood() -> None:
    # Six threads: each one's 2 nearest are a third of the others (an early week's
    # digest: two liaisons on different subjects were "one neighbourhood").
    views = threads(NEAR)[:6]
    neighbours = meaning_neighbours(views, ON)
    assert neighbours is not None and neighbours.shared is not None
    assert neighbours.shared.score(1, 2) == 0 and not pair(find_overlaps(views, ON))
    assert neighbours.shared.nearest(0, 1) == frozenset()
