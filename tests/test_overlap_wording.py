"""Near in wording among the candidates (``OverlapRules.meaning_wording``,
``analyse/overlap_wording.py``): minimal pairs with given vectors, no model."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from iscg_mailbot.analyse.overlap_meaning import Candidates
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlap_wording import WordingRanks
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps

WHEN = datetime(2027, 5, 3, tzinfo=UTC)
# The rule as chosen leaving one set out (off as shipped: OverlapRules.meaning_wording).
ON = replace(OverlapRules(), meaning_wording=3)
DIMENSIONS = 16

# One piece of work in two Sectors' words (the seventh writer's class: "spectrum leasing"
# beside "letting operators sublet frequencies"): two words in common among many, a text
# cosine of any two threads of one area.
LEASING = ("ITU-R", "WP 1B draft Report on spectrum leasing and secondary trading",
           ("Administrations describe transfer of usage rights between licensees, leasing by "
            "area or period, approval procedures, competition safeguards, caps and the "
            "technical conditions that follow the rights."))
SUBLET = ("ITU-D", "Proposal for ITU-D SG1 guidelines on operators subletting frequencies",
          ("Regulators in developing countries could let operators rent out unused blocks to "
           "rural cooperatives without speculation: legal basis, approval steps, fees, country "
           "examples."))
# A workshop near both in meaning (an event: never flagged, but a candidate that ranks).
WORKSHOP = ("GS", "Workshop on markets, 12 June",
            "Programme, registration and visas for the Geneva workshop.")
# Threads on other subjects, of two other Sectors than the pair's.
OTHERS = [("GS", "Budget of the regional office", "Interpretation, travel and translation."),
          ("GS", "Council working group on languages", "Glossaries and documents."),
          ("GS", "Staff survey results", "Participation and follow-up of the survey."),
          ("GS", "Headquarters building project", "Construction milestones and tenders."),
          ("ITU-T", "SG12 draft Recommendation on video quality", "Mean opinion scores."),
          ("ITU-T", "SG17 Supplement on quantum-safe migration", "Cryptographic agility."),
          ("ITU-T", "SG5 Report on cable lifetimes", "Copper, fibre and their recycling."),
          ("ITU-T", "SG20 draft on smart street lighting", "Poles, sensors and dimming."),
          ("GS", "Library acquisitions", "Journals and databases for delegates.")]


def _unit(*weights: tuple[int, float]) -> tuple[float, ...]:
    vector = [0.0] * DIMENSIONS
    for axis, weight in weights:
        vector[axis] = weight
    norm = sum(x * x for x in vector) ** 0.5
    return tuple(x / norm for x in vector)


def window(*extra: tuple[str, str, str], others: int = len(OTHERS)) -> list[ThreadView]:
    """The pair (1, 2), the workshop (3), ``others`` of OTHERS, then ``extra``. By their
    openings the pair is each other's 2nd nearest (the workshop nearer to both: not the
    nearest alone); by the whole vectors they are far apart (no other meaning rule)."""
    given = [LEASING, SUBLET, WORKSHOP, *OTHERS[:others], *extra]
    openings = {1: _unit((0, 1.0), (1, 0.8)), 2: _unit((0, 1.0), (2, 0.8)),
                3: _unit((0, 1.0), (1, 0.5), (2, 0.5))}
    wholes = {1: _unit((0, 1.0)), 2: _unit((3, 1.0))}
    views = []
    for n, (sector, subject, text) in enumerate(given, 1):
        other = _unit((4 + n % 12, 1.0), (0, 0.3), (3, 0.3))
        views.append(ThreadView(n, subject, f"{subject}\n{text}", sector, (), (), WHEN, WHEN,
                                wholes.get(n, other), openings.get(n, _unit((4 + n % 12, 1.0)))))
    return views


def ranks(threads: list[ThreadView]) -> WordingRanks:
    return WordingRanks(TextSimilarity({v.id: (v.subject, v.text) for v in threads}),
                        [v.id for v in threads],
                        Candidates.of([(v.id, v.sector or "", v.first, v.last) for v in threads],
                                      timedelta(days=ON.window_days)))


def flagged(threads: list[ThreadView], rules: OverlapRules = ON) -> set[str]:
    return {f.pair_key for f in find_overlaps(threads, rules)}


def test_near_in_meaning_and_nearest_in_wording_is_flagged() -> None:
    threads = window()
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    assert text.text_cosine(1, 2) < ON.meaning_text  # no rule of the wording flags it
    assert ranks(threads).within(1, 2, ON.wording_text, ON.wording_similarity)
    assert "1-2" in flagged(threads)
    assert "1-2" in {f.pair_key for f in find_overlaps(threads, ON, involving={2})}
    # Without the rule (as shipped) the pair is each other's 2nd nearest only.
    assert "1-2" not in flagged(threads, replace(ON, meaning_wording=None))
    assert "1-2" not in flagged(threads, OverlapRules())


def test_two_threads_nearer_in_wording_take_the_place() -> None:
    # Two threads of a third Sector share more of the leasing thread's words: the
    # sublet thread is its 3rd nearest in wording, and the pair is not flagged.
    nearer = [("GS", "Note on leasing of usage rights",
               ("Transfer of usage rights between licensees, leasing by area or period, caps "
                "and competition safeguards.")),
              ("GS", "Brief on licensees' usage rights",
               ("Usage rights, licensees, approval procedures and competition safeguards, "
                "leasing by period."))]
    threads = window(*nearer)
    assert not ranks(threads).within(1, 2, ON.wording_text, ON.wording_similarity)
    assert "1-2" not in flagged(threads)


def test_among_few_candidates_the_nearest_say_nothing() -> None:
    # Fewer than 8 threads of other Sectors (an early week's digest): no ranks.
    assert "1-2" not in flagged(window(others=3))


def test_headlines_that_name_no_work_are_not_flagged() -> None:
    threads = window()
    threads[1] = replace(threads[1], subject="Operators subletting frequencies")
    assert "1-2" not in flagged(threads)
