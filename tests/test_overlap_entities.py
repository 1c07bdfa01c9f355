"""The ITU bodies two flagged threads both name: one body however it is written, and two
Sectors' bodies of one number kept apart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.overlaps import ThreadView, find_overlaps

# Two Sectors' threads on one piece of work (e-waste take-back), close enough in wording
# to be flagged whatever bodies they name: the test is about what the flag shows.
TAKE_BACK = (
    "Draft guidance on take-back schemes for end-of-life handsets: collection "
    "points, producer responsibility and annual collection targets"
)


def thread(ident: int, sector: str, entities: tuple[tuple[str, str], ...]) -> ThreadView:
    when = datetime(2026, 5, 4, tzinfo=UTC)
    return ThreadView(
        ident, TAKE_BACK[:50], TAKE_BACK, sector, ("environment",), entities, when, when
    )


FILLER = [
    ThreadView(
        10 + n,
        f"Broadcasting {word}",
        f"spectrum for broadcasting {word}",
        "ITU-R",
        ("spectrum",),
        (),
        datetime(2026, 5, 1, tzinfo=UTC),
        datetime(2026, 5, 1, tzinfo=UTC),
    )
    for n, word in enumerate(("alpha", "beta", "gamma", "delta"))
]


def shared(
    first: tuple[tuple[str, str], ...], second: tuple[tuple[str, str], ...]
) -> tuple[str, ...]:
    [flag] = find_overlaps([thread(1, "ITU-T", first), thread(2, "ITU-D", second), *FILLER])
    return flag.entities


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Study Group 2 of ITU-T (numbering) and of ITU-D (digital transformation) are two
        # bodies, though both are "SG2".
        ((("STUDY_GROUP", "ITU-T SG2"),), (("STUDY_GROUP", "ITU-D SG2"),), ()),
        # A Question is read with the study group its thread names: Q6/2 of ITU-T SG2 is
        # not Q6/2 of ITU-D SG2.
        (
            (("QUESTION", "Q6/2"), ("STUDY_GROUP", "ITU-T SG2")),
            (("QUESTION", "Q6/2"), ("STUDY_GROUP", "ITU-D SG2")),
            (),
        ),
        # ... and "Q7/5" in a thread naming ITU-T SG5 is the ITU-T Question the other thread
        # writes "Question 7/5 of ITU-T SG5" (found as Q7/5 beside ITU-T SG5).
        (
            (("QUESTION", "Q7/5"), ("STUDY_GROUP", "ITU-T SG5")),
            (("QUESTION", "Q7/5"),),
            ("ITU-T Q7/5",),
        ),
        # SG17 alone is ITU-T's: only ITU-T has a seventeenth study group.
        ((("STUDY_GROUP", "SG17"),), (("STUDY_GROUP", "ITU-T SG17"),), ("ITU-T SG17",)),
    ],
)
def test_a_body_is_shared_when_both_threads_name_the_same_one(
    first: tuple[tuple[str, str], ...],
    second: tuple[tuple[str, str], ...],
    expected: tuple[str, ...],
) -> None:
    assert shared(first, second) == expected
