"""The duplication watch's paraphrase evidence (analyse/overlap_meaning.py): one subject
in other words is flagged when each thread is among the other's nearest in meaning, not
when the window holds nearer threads; one liaison form on two subjects is not flagged;
and the model loads from the installed package without a network call."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse import overlap_meaning
from iscg_mailbot.analyse.overlap_meaning import meaning_similarity, meaning_vectors
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import (
    OverlapRules,
    ThreadView,
    find_overlaps,
    meaning_neighbours,
    why_not,
)

WHEN = datetime(2026, 3, 2, tzinfo=UTC)
# The evidence as chosen on the dev pairs (each among the other's 2 nearest, text 0.11).
ON = OverlapRules()

# One subject (the energy outdoor network cabinets use) in two Sectors' own words: no
# subject concept, no topic and hardly a word in common.
CABINETS = ("Draft Recommendation on the energy use of street cabinets",
             ("We are drafting a Recommendation on how much electricity roadside cabinets of "
             "fixed networks consume, with cooling, batteries and rectifiers measured over a "
             "year."))
KERBSIDE = ("Study on power consumption of outdoor broadband equipment",
            ("The study measures the power drawn by outdoor broadband cabinets by the kerb: "
             "air conditioning, battery backup and rectifiers, and their yearly energy."))
# Two threads of a third Sector nearer to the cabinets' thread in meaning than KERBSIDE.
NEARER = [("Electricity of roadside cabinets", ("Roadside cabinets of fixed networks: the "
           "electricity their cooling, batteries and rectifiers consume in a year.")),
          ("Cooling street cabinets", ("How much electricity the cooling of street cabinets "
           "of fixed networks consumes, with their batteries, over a year."))]
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
    assert flags[0].meaning is not None
    assert f"texts close in meaning: {flags[0].meaning:.2f}" in flags[0].evidence
    # Without the evidence (or without the vectors) the wording alone is too far apart.
    off = OverlapRules(meaning_neighbours=None)
    assert not [f for f in find_overlaps(threads, off) if f.pair_key == "1-2"]
    assert not [f for f in find_overlaps(views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE),
                                               meaning=False), ON) if f.pair_key == "1-2"]


def test_nearer_threads_in_the_window_take_the_place() -> None:
    # The same pair, but the cabinets' thread has two nearer threads of another Sector:
    # KERBSIDE is only its third nearest, and the cosine alone says nothing.
    nearer = [("ITU-R", s, t) for s, t in NEARER]
    threads = views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE), *nearer)
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    # Led by the cabinets' own Sector, they are not its candidates: the pair is back.
    own = [("ITU-T", s, t) for s, t in NEARER]
    threads = views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE), *own)
    assert [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    # why_not names how near the pair is (for ``overlaps evaluate --misses``).
    threads = views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE), *nearer)
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    reason = why_not(threads[0], threads[1], text, ON, meaning_neighbours(threads, ON))
    assert reason is not None and "each among the other's 3 nearest in meaning" in reason


# One deliverable in two Sectors' words with hardly a word in common (text cosine ~0.03).
TWIN = ("Draft Recommendation on network digital twins",
        ("Requirements and reference architecture of a digital twin of an operator's "
         "network: the data repository, the models of the physical plant, what-if analysis "
         "before changes are pushed."))
MIRRORS = ("Guide on simulated mirrors of national broadband infrastructure",
           ("A living computer model of the whole national infrastructure, fibre, microwave "
            "and towers, kept in sync with live operational data, so that planners test "
            "outages and upgrades before money is spent."))
# A thread nearer to both in meaning.
COPY = ("Simulated copy of operator infrastructure",
        ("A computer model of an operator's physical plant kept in sync with live "
         "operational data, to test changes and outages before they are made."))


def test_each_the_others_nearest_needs_no_word_in_common() -> None:
    threads = views(("ITU-T", *TWIN), ("ITU-D", *MIRRORS))
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    assert text.text_cosine(1, 2) < ON.meaning_text
    assert [f.pair_key for f in find_overlaps(threads, ON) if f.pair_key == "1-2"] == ["1-2"]
    # Without the nearest alone, the wording is too far apart for the 2 nearest.
    assert not [f for f in find_overlaps(threads, replace(ON, meaning_alone=None))
                if f.pair_key == "1-2"]
    # A nearer thread makes the pair only each other's 2nd nearest: not enough alone
    # (of the first one's Sector, so that no third Sector is flagged beside both).
    threads = views(("ITU-T", *TWIN), ("ITU-D", *MIRRORS), ("ITU-T", *COPY))
    assert meaning_neighbours(threads, ON).mutual_rank(1, 2) == 2
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    # Meaning alone only for two headlines that each name a piece of work: a
    # newsletter that tells of the same subject is none.
    news = ("Connectivity centres: newsletter, October 2026", MIRRORS[1])
    threads = views(("ITU-T", *TWIN), ("ITU-D", *news))
    assert meaning_neighbours(threads, ON).mutual_rank(1, 2) == 1
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    reason = why_not(threads[0], threads[1], text, ON, meaning_neighbours(threads, ON))
    assert reason is not None and reason.endswith(
        "each among the other's 1 nearest in meaning, but a headline names no piece of work)")


def test_one_liaison_form_on_two_subjects_is_not_flagged() -> None:
    threads = views(("ITU-R", *ORBITS), ("ITU-D", *CHILDREN))
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    # The form's words are left out of what is embedded: the subjects are far apart.
    first, second = meaning_vectors([ORBITS, CHILDREN])
    assert meaning_similarity(first, second) < 0.3


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


def _cluster(vectors: dict[int, tuple[float, ...]], sector_c: str = "GS") -> list[ThreadView]:
    """Three Sectors on one subject: the repair of cut sea cables (ITU-T), the continuity
    of island connectivity (ITU-D), and a best practice that holds both (``sector_c``);
    the first two share no word. Threads 4-6 (ITU-R) are on other subjects."""
    texts = {1: ("ITU-T", "Technical Report on cable repair ships and fault localisation",
                 "repair ships, spare depots and fault localisation on optical cables"),
             2: ("ITU-D", "Toolkit on island continuity when links are down",
                 "backup satellite capacity, diverse landing routes and permits for islands"),
             3: (sector_c, "Best practice on repair and redundancy",
                 ("repair ships, spare depots and fault localisation on optical cables; "
                  "backup satellite capacity, diverse landing routes and permits for islands")),
             4: ("ITU-R", "Spectrum for IMT-2030", "frequency bands above 7 GHz"),
             5: ("ITU-R", "Accessibility of broadcasting", "captions and audio description"),
             6: ("ITU-R", "Budget of the regional forum", "interpretation and travel")}
    return [ThreadView(n, s, f"{s}\n{t}", sector, ("cables",), (), WHEN, WHEN, vectors[n])
            for n, (sector, s, t) in texts.items()]


def test_three_sectors_on_one_subject_flag_the_third_pair() -> None:
    # Each of the first two has the third nearest, then the other: 2nd nearest, no word
    # in common, so neither the wording nor the meaning alone flags them.
    vectors = {1: (1.0, 0.0, 0.0, 0.0), 2: (0.6, 0.8, 0.0, 0.0), 3: (0.9, 0.43, 0.0, 0.0),
               4: (0.0, 0.0, 1.0, 0.0), 5: (0.0, 0.0, 0.0, 1.0), 6: (0.0, 0.0, 0.7, 0.7)}
    threads = _cluster(vectors)
    flags = {f.pair_key: f for f in find_overlaps(threads, ON)}
    assert {"1-3", "2-3", "1-2"} <= set(flags)
    assert flags["1-2"].beside == 3 and flags["1-3"].beside is None
    assert "both flagged beside thread 3 of a third Sector" in flags["1-2"].evidence
    # The digest's way (only the pairs of a week's thread) finds the same flag.
    assert {f.pair_key for f in find_overlaps(threads, ON, involving={2})} == {"1-2", "2-3"}
    # Not without the rule, nor when the third thread is of the first one's Sector ...
    assert "1-2" not in {f.pair_key for f in find_overlaps(
        threads, replace(ON, meaning_cluster=None))}
    assert "1-2" not in {f.pair_key for f in find_overlaps(_cluster(vectors, "ITU-T"), ON)}
    # ... nor when the two are not among each other's 3 nearest.
    far = {**vectors, 2: (0.1, 0.0, 0.0, 0.995), 4: (0.45, 0.0, 0.89, 0.0),
           5: (0.3, 0.0, 0.0, 0.95), 6: (0.4, 0.0, 0.65, 0.65)}
    assert "1-2" not in {f.pair_key for f in find_overlaps(_cluster(far), ON)}


# One word in two uses: a handbook on UTC beside a note that a group's dates are in
# Geneva time, "not UTC". Each is the other's nearest in meaning and the one word weighs
# enough for a text cosine over ``meaning_text``; a headline names no work.
CLOCK = ("Handbook on UTC without leap seconds",
         "A handbook on UTC once leap seconds stop: atomic time for timestamps.")
HOURS = ("Times of the Council group: not UTC",
         "The group's dates are in Geneva time, not UTC: remote delegates please check.")


def test_one_heavy_word_in_common_is_not_wording_in_common() -> None:
    threads = views(("ITU-R", *CLOCK), ("ITU-T", *HOURS))
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    assert text.text_cosine(1, 2) >= ON.meaning_text and text.common(1, 2)[0] == 1
    assert meaning_neighbours(threads, ON).mutual_rank(1, 2) == 1
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    reason = why_not(threads[0], threads[1], text, ON, meaning_neighbours(threads, ON))
    assert reason is not None and "1 terms in common" in reason
    # The cosine alone, as before the terms were counted, flagged them.
    assert [f for f in find_overlaps(threads, replace(ON, meaning_terms=1))
            if f.pair_key == "1-2"]
    # Two Sectors' wordings of one subject share its particulars (5 terms): flagged by
    # the 2 nearest with wording in common, not only by the nearest alone.
    threads = views(("ITU-T", *CABINETS), ("ITU-D", *KERBSIDE))
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    assert text.common(1, 2)[0] >= ON.meaning_terms
    assert [f for f in find_overlaps(threads, replace(ON, meaning_alone=None))
            if f.pair_key == "1-2"]


# One subject (services older persons can use) proposed in two first messages, each
# followed by a reply about logistics: the replies take the whole threads apart in
# meaning (each only the other's 2nd nearest, one word in common), the openings are
# each other's nearest.
SENIORS = ("Older persons and online services",
           ("Pension payments and health appointments moved online, and older persons struggle "
           "with small letters, passwords and apps that change every month."),
           ("Thanks. Our ministry can host the call on Tuesday; please send the names of the "
           "delegates, their visas and the room booking to the secretariat before Friday."))
ELDERLY = ("Age-friendly digital services",
           ("Interfaces that elderly users can read, simple onboarding, help for declining "
           "vision and dexterity, protection of senior citizens from scams."),
           ("Noted. The regional office will circulate the travel arrangements, the hotel list "
           "and the interpretation budget for the next session in the coming days."))


def opened(*threads: tuple[str, tuple[str, str, str]]) -> list[ThreadView]:
    """(sector, (subject, first message, reply)) threads, then OTHERS, with the vectors of
    their whole texts and of their headline and first message (``opening``)."""
    whole = views(*[(sector, s, f"{first}\n{reply}") for sector, (s, first, reply) in threads])
    firsts = meaning_vectors([(s, first) for _, (s, first, _reply) in threads] + OTHERS)
    return [replace(v, opening=tuple(o)) for v, o in zip(whole, firsts, strict=True)]


def test_two_openings_each_the_others_nearest_are_flagged() -> None:
    threads = opened(("ITU-T", SENIORS), ("ITU-D", ELDERLY))
    text = TextSimilarity({v.id: (v.subject, v.text) for v in threads})
    neighbours = meaning_neighbours(threads, ON)
    assert text.text_cosine(1, 2) < ON.meaning_text
    assert neighbours.mutual_rank(1, 2) == 2
    assert neighbours.opening is not None and neighbours.opening.mutual_rank(1, 2) == 1
    flags = [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    assert len(flags) == 1 and flags[0].meaning == pytest.approx(
        neighbours.opening.cosine(1, 2), abs=1e-3)
    # Without the openings' evidence, or without their vectors, the pair is not flagged.
    assert not [f for f in find_overlaps(threads, replace(ON, meaning_opening=None))
                if f.pair_key == "1-2"]
    bare = [replace(v, opening=()) for v in threads]
    assert not [f for f in find_overlaps(bare, ON) if f.pair_key == "1-2"]
    # Led by one Sector, the openings are no candidates of each other.
    threads = opened(("ITU-T", SENIORS), ("ITU-T", ELDERLY))
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]
    # A newsletter tells of many pieces of work and is none: never flagged so.
    news = ("Digital inclusion newsletter, October 2026", *ELDERLY[1:])
    threads = opened(("ITU-T", SENIORS), ("ITU-D", news))
    near = meaning_neighbours(threads, ON).opening
    assert near is not None and near.mutual_rank(1, 2) == 1
    assert not [f for f in find_overlaps(threads, ON) if f.pair_key == "1-2"]


def test_terms_text_is_one_join_a_term() -> None:
    """``terms_text`` (one join of every word) gives what a join a term gave: counts of
    1, 2, 3 and more (capped at MOST_REPEATS), and a count of 0 (an empty word)."""
    from iscg_mailbot.analyse.overlap_meaning import MOST_REPEATS, terms_text
    from iscg_mailbot.analyse.overlap_text import ThreadTerms

    def reference(read: ThreadTerms) -> str:
        return " ".join(" ".join([word] * min(read.counts[term], MOST_REPEATS))
                        for term, word in read.spelled())

    counts = {"a": 1, "b": 2, "c": 3, "d": 7, "e": 0, "f": 1}
    read = ThreadTerms(counts, {term: f"w{term}" for term in counts}, ())
    assert terms_text(read) == reference(read) == "wa wb wb wc wc wc wd wd wd  wf"
    empty = ThreadTerms({}, {}, ())
    assert terms_text(empty) == reference(empty) == ""
