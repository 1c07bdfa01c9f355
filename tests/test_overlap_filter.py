"""The duplication watch over every pair of a year's threads skips the pairs its
wording and meaning cannot flag (analyse/overlap_filter.py): the flags, their evidence
and their order are those of comparing every pair one by one (as the watch does for the
threads of a week, ``involving``), whatever the rules."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps

SUBJECTS = [
    ("spectrum", "satellite filings orbit frequency coordination interference earth station"),
    ("cybersecurity", "incident response team national readiness maturity assessment cirt"),
    ("accessibility", "captions sign language interpreter screen reader persons disabilities"),
    ("environment", "e-waste collection handsets recycling producers circular economy"),
    ("quality-of-service", "crowdsourced measurement mobile broadband speed regulators tests"),
]
FORMS = ["draft Recommendation", "toolkit", "handbook", "study", "guidelines", "report"]
FILLER = ["members", "colleagues", "comments", "welcome", "please", "thanks", "proposal",
          "update", "meeting", "contribution", "countries", "regional", "experts", "work",
          "plan", "next", "steps"]
SECTORS = ("ITU-R", "ITU-T", "ITU-D", "GS", None)
START = datetime(2026, 1, 1, tzinfo=UTC)


def generated(seed: int, size: int) -> list[ThreadView]:
    """Threads on a few subjects in their own mixes of the subject's words, some with
    copied or near meaning vectors, Sectors, dates and topics drawn at random."""
    rnd = random.Random(seed)
    centres = [[rnd.gauss(0.0, 1.0) for _ in range(16)] for _ in SUBJECTS]
    threads = []
    for n in range(1, size + 1):
        which = rnd.randrange(len(SUBJECTS))
        topic, words = SUBJECTS[which]
        chosen = rnd.sample(words.split(), rnd.randint(2, 6)) + rnd.sample(FILLER, 4)
        subject = f"{rnd.choice(FORMS)} on {' '.join(chosen[:2])}"
        text = f"{subject}\n" + " ".join(rnd.choice(chosen) for _ in range(rnd.randint(8, 40)))
        noise = rnd.choice((0.0, 0.3, 1.0))
        vector = tuple(round(x + rnd.gauss(0.0, noise), 1) for x in centres[which])
        # The opening (headline and first message) near the subject in its own way.
        opening = tuple(round(x + rnd.gauss(0.0, 1.0), 1) for x in centres[which])
        first = START + timedelta(days=rnd.randrange(200))
        topics = (topic,) if rnd.random() < 0.5 else ()
        threads.append(ThreadView(n, subject, text, rnd.choice(SECTORS), topics, (), first,
                                  first + timedelta(days=rnd.randrange(30)), vector,
                                  opening if n % 4 else ()))
    return threads


@pytest.mark.parametrize("seed", [5, 6])
@pytest.mark.parametrize("rules", [
    OverlapRules(),
    OverlapRules(meaning_neighbours=None),
    OverlapRules(meaning_neighbours=3, meaning_alone=2, meaning_cluster=4),
    OverlapRules(meaning_opening=2),
    OverlapRules(min_similarity=0.3, strong_similarity=0.5, text_similarity=0.25),
])
def test_every_pair_gives_the_flags_of_comparing_each_pair(seed: int,
                                                           rules: OverlapRules) -> None:
    threads = generated(seed, 120)
    every = find_overlaps(threads, rules)
    one_by_one = find_overlaps(threads, rules, involving=[t.id for t in threads])
    assert every == one_by_one
    assert len(every) >= 10
    assert any(f.meaning is not None for f in every) == (rules.meaning_neighbours is not None)
    if rules.meaning_neighbours is not None:
        # The openings flag pairs the whole threads' vectors do not.
        assert len(every) > len(find_overlaps(threads, replace(rules, meaning_opening=None)))
    # Dismissed pairs are left out alike. (A pair flagged as three Sectors on one subject
    # beside a dismissed pair may then name another third thread, or none: the same
    # either way it is compared.)
    dismissed = [f.pair_key for f in every[:3]]
    kept = find_overlaps(threads, rules, dismissed)
    assert kept == find_overlaps(threads, rules, dismissed, involving=[t.id for t in threads])
    assert [f for f in kept if f.beside is None] == [f for f in every[3:] if f.beside is None]


def test_threads_without_vectors_or_dates_are_compared_alike() -> None:
    threads = generated(7, 80)
    threads = [replace(t, meaning=()) if t.id % 5 == 0 else
               replace(t, first=None, last=None) if t.id % 7 == 0 else t for t in threads]
    assert (find_overlaps(threads) ==
            find_overlaps(threads, involving=[t.id for t in threads]))
