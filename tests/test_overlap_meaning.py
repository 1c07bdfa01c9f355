"""The duplication watch's paraphrase evidence (analyse/overlap_meaning.py): one subject
in other words is flagged, one liaison form on two subjects is not, and the model loads
from the installed package without a network call."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse import overlap_meaning
from iscg_mailbot.analyse.overlap_meaning import meaning_similarity, meaning_vectors
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps

pytest.importorskip("wordllama")  # an optional experiment: not in the lock files

WHEN = datetime(2026, 3, 2, tzinfo=UTC)
# The evidence on, at the threshold chosen on the eval/overlaps sets' dev pairs.
ON = OverlapRules(meaning_similarity=0.38)

# One subject (the energy outdoor network cabinets use) in two Sectors' own words: no
# subject concept, no topic and hardly a word in common.
CABINETS = ("Draft Recommendation on the energy use of street cabinets",
             ("We are drafting a Recommendation on how much electricity roadside cabinets of "
             "fixed networks consume, with cooling, batteries and rectifiers measured over a "
             "year."))
KERBSIDE = ("Study on power consumption of outdoor broadband equipment",
              ("The study measures the power drawn by outdoor broadband equipment by the kerb: "
              "air conditioning, battery backup and rectifiers, and their yearly energy."))
ORBITS = ("LS on satellite filings",
          ("Liaison statement. Action required: members are invited to note this document "
          "and provide comments by the deadline. Summary: the Bureau revised its procedure "
          "for coordinating geostationary satellite orbit filings."))
CHILDREN = ("LS on online safety of children",
            ("Liaison statement. Action required: members are invited to note this document "
            "and provide comments by the deadline. Summary: the revised guidelines on "
            "protecting children online for parents and educators."))
# Threads on other subjects, so that the weights of the words are those of a list.
OTHERS = [("Budget of the regional forum", "The forum's budget for interpretation and travel."),
          ("Spectrum for IMT-2030", "Frequency bands above 7 GHz for the next generation."),
          ("Cybersecurity capacity building", "Training on national incident response."),
          ("Accessibility of broadcasting", "Captions and audio description on television.")]


def views(*threads: tuple[str, str, str], meaning: bool = True) -> list[ThreadView]:
    """(sector, subject, text) threads, then OTHERS (led by ITU-R), as the watch reads them."""
    given = [*threads, *(("ITU-R", s, t) for s, t in OTHERS)]
    vectors = meaning_vectors([(s, t) for _, s, t in given]) if meaning else [()] * len(given)
    return [ThreadView(n, s, f"{s}\n{t}", sector, (), (), WHEN, WHEN, tuple(v))
            for n, ((sector, s, t), v) in enumerate(zip(given, vectors, strict=True), 1)]


def test_one_subject_in_other_words_is_flagged_with_its_closeness() -> None:
    threads = views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE))
    flags = [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    assert len(flags) == 1
    assert flags[0].meaning is not None and flags[0].meaning >= 0.38
    assert f"texts close in meaning: {flags[0].meaning:.2f}" in flags[0].evidence
    # Without the evidence (or without the vectors) the wording alone is too far apart.
    off = OverlapRules(meaning_similarity=None)
    assert not [f for f in find_overlaps(threads, off) if f.pair_key == "1-2"]
    assert not [f for f in find_overlaps(views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE),
                                               meaning=False), ON) if f.pair_key == "1-2"]


def test_one_liaison_form_on_two_subjects_is_not_flagged() -> None:
    threads = views(("ITU-R", *ORBITS), ("ITU-D", *CHILDREN))
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    # The form's words are left out of what is embedded: the subjects are far apart.
    first, second = meaning_vectors([ORBITS, CHILDREN])
    assert meaning_similarity(first, second) < 0.38


def test_the_same_sector_is_never_flagged_however_close() -> None:
    threads = views(("ITU-D", *CABINETS), ("ITU-D", *KERBSIDE))
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]


def test_the_model_loads_from_the_package_without_the_network(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network call")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    overlap_meaning._model.cache_clear()
    [vector] = meaning_vectors([CABINETS])
    assert len(vector) == 256 and meaning_similarity(vector, vector) == pytest.approx(1.0)


def test_a_view_without_vector_keeps_the_old_rules() -> None:
    threads = views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE))
    stripped = [replace(threads[0], meaning=()), *threads[1:]]
    assert not [f for f in find_overlaps(stripped, ON) if f.pair_key == "1-2"]
