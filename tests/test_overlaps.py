"""The duplication watch: the rule on small records, precision and recall on the thread
pairs of the sample labelled by hand (tests/data/overlap_pairs.yaml, written before the
rule), dismissals on both databases, the commands, and the digest's section."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine

from iscg_mailbot.analyse.overlap_headlines import is_event, names_the_other, sectors_named
from iscg_mailbot.analyse.overlap_text import TextSimilarity, terms
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps, why_not
from iscg_mailbot.services.app import App
from iscg_mailbot.services.overlaps import find_flags
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.annual import dismiss_pair, dismissed_pairs
from iscg_mailbot.store.database import session_scope
from tests.sample_config import analysed_sample, invoke

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "overlap_pairs.yaml"
# The goal (docs/duties.md): precision >= 0.8 at recall >= 0.7, on both parts of the pairs.
# Measured 1.00 / 1.00 on dev and 1.00 / 0.75 held out: one more false positive or one
# more miss in either part falls below it. The rules were also chosen on the dev part of
# the blind sets, eval/overlaps, eval/overlaps2 and eval/overlaps3 (DEV_FLOORS below).
GOAL = (0.8, 0.7)
EMF = "The Supplement gives regulators a method for EMF exposure assessment of 5G small cells"


def view(ident: int, sector: str | None, text: str, topics: tuple[str, ...] = ("imt",),
         entities: tuple[tuple[str, str], ...] = (), month: int = 9,
         subject: str | None = None) -> ThreadView:
    when = datetime(2026, month, 1, tzinfo=UTC)
    return ThreadView(ident, subject or text[:40], text, sector, topics, entities, when, when)


FILLER = [view(10 + n, "ITU-R", f"unrelated words {word} spectrum broadcasting", ("spectrum",))
          for n, word in enumerate(("alpha", "beta", "gamma", "delta"))]


def test_two_sectors_on_one_subject_are_flagged_with_their_evidence() -> None:
    threads = [view(1, "ITU-T", EMF, entities=(("STUDY_GROUP", "ITU-T SG5"),)),
               view(2, "ITU-D", EMF + " in developing countries",
                    entities=(("STUDY_GROUP", "SG5"),)), *FILLER]
    [flag] = find_overlaps(threads)
    assert (flag.pair_key, flag.sector_a, flag.sector_b, flag.topics, flag.entities) == (
        "1-2", "ITU-T", "ITU-D", ("imt",), ("ITU-T SG5",))
    assert flag.evidence.startswith("topics imt; both name ITU-T SG5; subjects 5g, emf; "
                                    "text similarity ")
    # The words both threads weigh most, as a reader spells them ("supplement", not a stem).
    assert {"emf", "exposure", "supplement"} <= set(flag.terms)
    assert flag.evidence.endswith(f"({', '.join(flag.terms)})")


@pytest.mark.parametrize(("second", "why"), [
    (view(2, "ITU-T", EMF), "the same Sector"),
    (view(2, None, EMF), "no Sector leads it (the chair, an observer)"),
    (view(2, "ITU-D", EMF, month=3), "not active within the window"),
    (view(2, "ITU-D", EMF, entities=(("DOCUMENT", "SG5-TD12"),)), "they pass a document on"),
    (view(2, "ITU-D", EMF, subject="[list] EMF awareness webinar for regulators"),
     "an event about the subject is no duplicated work"),
    (view(2, "ITU-D", EMF, subject="EMF handbook: a speaker from ITU-T SG5?"),
     "its headline names the other's body: it addresses that work"),
])
def test_not_flagged(second: ThreadView, why: str) -> None:
    first = view(1, "ITU-T", EMF, entities=(("DOCUMENT", "SG5-TD12"),),
                 subject="ITU-T SG5: draft Supplement on EMF exposure")
    assert find_overlaps([first, second, *FILLER]) == [], why


@pytest.mark.parametrize(("subject", "event"), [
    ("[list] FW: Invitation: ITU Workshop on QoS regulation, 17 November", True),
    ("ISCG meeting, 9 September 2026 (virtual): convening letter", True),
    ("Atelier régional sur la gouvernance de l'IA, Dakar", True),
    ("CITS meeting and ITU-R WP 5A work on V2X", False),  # names work beside the meeting
    ("Q7/5 rapporteur meeting - 2nd draft on end-of-life handset return", False),
    ("ISCG meeting, 4 November 2026 (hybrid): registration and draft agenda", True),
    ("ITU-T SG5: draft Supplement on EMF exposure", False),
    # Event words in the plural: the headline's words are not lemmatised.
    ("Real-time captioning for Council 2027 sessions - provider contract", True),
    ("Guide for inclusive hybrid meetings at ITU - outline for comments", False),
])
def test_an_event_is_told_by_its_headline(subject: str, event: bool) -> None:
    assert is_event(subject) is event


def test_a_thread_naming_the_body_of_the_others_work_works_with_it() -> None:
    """One thread names, anywhere in its text, the body whose work the other thread's
    headline is about ("we reference the WP 6B Report and keep the two aligned"): it
    knows of that work and works with it, whatever its wording."""
    report = view(1, "ITU-R", EMF, entities=(("WORKING_PARTY", "WP6B"),),
                  subject="WP 6B preliminary draft new Report on EMF exposure")
    toolkit = view(2, "ITU-D", EMF + " in developing countries",
                   entities=(("WORKING_PARTY", "ITU-R WP6B"),),
                   subject="BDT toolkit for regulators on EMF exposure")
    assert find_overlaps([report, toolkit, *FILLER]) == []
    text = TextSimilarity({v.id: (v.subject, v.text) for v in [report, toolkit, *FILLER]})
    reason = why_not(report, toolkit, text)
    assert reason is not None and "names ITU-R WP6B" in reason
    # Without that name, the same two threads are one subject in two Sectors.
    alone = replace(toolkit, entities=())
    assert [f.pair_key for f in find_overlaps([report, alone, *FILLER])] == ["1-2"]
    # Another Sector's body of the same number is not the body of the work (ITU-T SG2,
    # numbering; ITU-D SG2), nor is a body the headline does not name.
    numbering = replace(report, sector="ITU-T", subject="ITU-T SG2 draft on EMF exposure",
                        entities=(("STUDY_GROUP", "ITU-T SG2"),))
    other = replace(toolkit, entities=(("STUDY_GROUP", "ITU-D SG2"),))
    assert [f.pair_key for f in find_overlaps([numbering, other, *FILLER])] == ["1-2"]
    # Written without its Sector, a number two Sectors use is the leading Sector's: a
    # TSAG member's "SG2 draft" is ITU-T SG2's, whichever way round the two are read.
    bare = replace(numbering, subject="SG2 draft on EMF exposure",
                   entities=(("STUDY_GROUP", "SG2"),))
    assert [f.pair_key for f in find_overlaps([bare, other, *FILLER])] == ["1-2"]
    heading = replace(other, subject="ITU-D SG2 toolkit for regulators on EMF exposure")
    mentions = replace(numbering, subject="Draft on EMF exposure",
                       entities=(("STUDY_GROUP", "SG2"),))
    assert [f.pair_key for f in find_overlaps([mentions, heading, *FILLER])] == ["1-2"]
    unnamed = replace(report, subject="Preliminary draft new Report on EMF exposure")
    assert [f.pair_key for f in find_overlaps([unnamed, toolkit, *FILLER])] == ["1-2"]


@pytest.mark.parametrize(("subject", "other", "named"), [
    ("Data from ITU-R SG6 for Facts and Figures 2026", "Facts and Figures 2026: inputs", True),
    ("Webinar: a speaker from ITU-T SG5?", "[list] ITU-T SG5: draft Supplement", True),
    ("LS from ITU-R WP 5D: IMT-2030 terms", "Comments on WP 5D's terms", True),
    # A subject both work on is no name of one's work: acronyms, ITU's structure words.
    ("QoS and QoE of satellite broadband", "QoS and QoE regulation", False),
    ("ITU-T Study Group 5: EMF", "ITU-D Study Group 2: EMF", False),
    ("ITU-T SG5: EMF Supplement", "ITU-T SG12: QoS", False),
    ("ITU-R WP 4B: quality", "ITU-R WP 5D: terms", False),
])
def test_a_headline_naming_the_others_work(subject: str, other: str, named: bool) -> None:
    assert names_the_other(subject, other) is named


@pytest.mark.parametrize(("subject", "sectors"), [
    ("FW: LS from ITU-T SG5 to ITU-D SG2 - comments invited", {"ITU-T", "ITU-D"}),
    ("BR assignment data offered for BDT's coverage indicators", {"ITU-R", "ITU-D"}),
    ("TSAG proposal - Technical Report on indicators", {"ITU-T"}),
    ("Report of the General Secretariat on Resolution 191", {"GS"}),
    ("Brief note on broadband", set()),  # "Brief", "broadband": no BR
])
def test_the_sectors_a_headline_names(subject: str, sectors: set[str]) -> None:
    assert sectors_named(subject) == sectors


def test_a_thread_addressed_to_the_other_sector_is_coordination() -> None:
    # An ITU-T liaison to ITU-D on the subject of an ITU-D toolkit: they work together.
    first = view(1, "ITU-D", EMF, subject="ITU-D toolkit on EMF exposure assessment")
    second = view(2, "ITU-T", EMF, subject="LS from ITU-T SG5 to ITU-D SG2 on EMF exposure")
    assert find_overlaps([first, second, *FILLER]) == []
    alone = view(2, "ITU-T", EMF, subject="ITU-T SG5 draft Supplement on EMF exposure")
    assert len(find_overlaps([first, alone, *FILLER])) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("national CIRTs", ["national", "cirt"]),
    ("computer security incident response teams", ["cirt"]),
    ("machine learning readiness", ["ai", "readiness"]),
    ("Collecting used and broken mobile devices", ["collect", "ewaste", "handset"]),
    ("the e-waste collection of María's municipality, 3 March", ["ewaste", "collect",
                                                                "maría", "locality"]),
])
def test_terms_are_lemmas_and_concepts(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


def test_paraphrase_is_close_and_other_work_is_not() -> None:
    # The same work in other words (no word of the headlines in common) is closer than
    # another work that shares the list's everyday words.
    texts = {
        1: ("SG17 Technical Report on a maturity model for incident response teams",
            "Five maturity levels for national computer security incident response teams."),
        2: ("BDT methodology to evaluate national CIRT capabilities",
            "The methodology evaluates the capabilities of national CIRTs in levels."),
        3: ("BDT study on reserve prices in spectrum auctions",
            "The study compares national methods to fix reserve prices in auctions."),
        4: ("ITU-R handbook on broadcasting coverage", "Coverage of national broadcasting."),
    }
    similarity = TextSimilarity(texts)
    close, other = similarity(1, 2), similarity(1, 3)
    assert close > 0.15 and other < 0.05, (close, other)
    assert similarity(1, 2) == pytest.approx(similarity(2, 1))
    assert set(similarity.shared(1, 2)[:2]) == {"cirt", "readiness"}


def test_a_process_topic_is_no_common_subject() -> None:
    # Below the similarity that decides alone, a topic in common is needed: a subject
    # topic, not one about the group's own process (governance, events). (The subject
    # concepts EMF and 5G both texts use are set aside here.)
    rules = OverlapRules(strong_similarity=1.5, concept_similarity=1.5,
                         text_similarity=1.5)
    first = view(1, "ITU-T", EMF, topics=("imt", "governance"))
    assert find_overlaps([first, view(2, "ITU-D", EMF, topics=("governance",)), *FILLER],
                         rules) == []
    assert len(find_overlaps([first, view(2, "ITU-D", EMF, topics=("imt",)), *FILLER],
                             rules)) == 1


def test_a_dismissed_pair_is_not_flagged_again() -> None:
    threads = [view(1, "ITU-T", EMF), view(2, "ITU-D", EMF), *FILLER]
    assert find_overlaps(threads, dismissed={"1-2"}) == []


def test_dismissals_are_stored_once(engine: Engine) -> None:
    with session_scope(engine) as session:
        assert dismiss_pair(session, 40, 12, "coordination, not duplication") is True
    with session_scope(engine) as session:
        assert dismiss_pair(session, 12, 40, None) is False
        assert dismissed_pairs(session) == {"12-40"}


# --- on the sample archive ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return analysed_sample(tmp_path_factory.mktemp("overlaps"))


def pair_id(pair: dict[str, object]) -> str:
    """A labelled pair's id: its two subject parts, sorted, joined by " | "."""
    first, second = sorted((str(pair["a"]), str(pair["b"])))
    return f"{first} | {second}"


def held_out(pair: dict[str, object]) -> bool:
    """The held-out third of the labelled pairs: sha1 of the pair id divisible by 3 (as
    eval/threads). Stable when pairs are added; never used to choose the rule."""
    return int(hashlib.sha1(pair_id(pair).encode("utf-8")).hexdigest(), 16) % 3 == 0


def figures(labelled: dict[frozenset[int], bool],
            flagged: set[frozenset[int]]) -> tuple[int, int, int, float, float]:
    """tp, fp, fn, precision, recall of the flags on labelled pairs."""
    tp = sum(1 for pair, label in labelled.items() if label and pair in flagged)
    fp = sum(1 for pair, label in labelled.items() if not label and pair in flagged)
    fn = sum(1 for pair, label in labelled.items() if label and pair not in flagged)
    return tp, fp, fn, tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn)


def test_precision_and_recall_on_the_labelled_pairs(sample_config: Path) -> None:
    pairs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["pairs"]
    assert len(pairs) >= 60 and {p["overlap"] for p in pairs} == {True, False}
    app = App.open(load_settings(sample_config))
    try:
        flags, subjects = find_flags(app, now=datetime(2026, 12, 31, tzinfo=UTC))
    finally:
        app.close()

    def thread(part: str) -> int:
        found = [tid for tid, subject in subjects.items() if part in subject]
        assert len(found) == 1, (part, found)
        return found[0]

    flagged = {frozenset((f.thread_a, f.thread_b)) for f in flags}
    parts: dict[bool, dict[frozenset[int], bool]] = {False: {}, True: {}}
    for p in pairs:
        parts[held_out(p)][frozenset((thread(p["a"]), thread(p["b"])))] = p["overlap"]
    assert sum(map(len, parts.values())) == len(pairs)  # no pair twice
    dev, held = figures(parts[False], flagged), figures(parts[True], flagged)
    for name, (tp, fp, fn, precision, recall) in (("dev", dev), ("held-out", held)):
        print(f"overlaps {name}: tp={tp} fp={fp} fn={fn}, precision={precision:.2f} "
              f"recall={recall:.2f}")
    print(f"{len(flags)} flags in all")
    # The rule was chosen on the dev part only (2 overlaps in 48 pairs), which holds it
    # to the goal. The held-out part (4 overlaps) is printed, not asserted: a test that
    # fails on it makes it tuning data. Its figure is reported in the README; since the
    # watch treats a thread naming the other's study group as coordination it is
    # precision 1.00, recall 0.50 (one pair labelled an overlap, where one thread asks
    # ITU-T SG17 to review the other's questions, is no longer flagged; the label was
    # left as written).
    assert dev[3] >= GOAL[0] and dev[4] >= GOAL[1], dev


def test_list_dismiss_and_the_digest_section(sample_config: Path, tmp_path: Path) -> None:
    code, out, _ = invoke(sample_config, "overlaps", "list", "--since", "2026-01-01",
                           "--json")
    assert code == 0
    rows = json.loads(out)
    emf = next(r for r in rows if "EMF" in r["subject_a"] and "EMF" in r["subject_b"])
    assert (emf["sector_a"], emf["sector_b"]) == ("ITU-T", "ITU-D")
    assert "WTSA RESOLUTION 72" in emf["entities"]
    # The week of the EMF handbook's message shows the section; an early week does not.
    code, _, _ = invoke(sample_config, "digest", "preview", "--week", "2026-10-01",
                         "--out", str(tmp_path / "oct.html"))
    text = (tmp_path / "oct.txt").read_text(encoding="utf-8")
    assert "== Possible overlaps ==" in text and "ITU-D handbook on EMF exposure" in text
    assert "Possible overlaps" in (tmp_path / "oct.html").read_text(encoding="utf-8")
    invoke(sample_config, "digest", "preview", "--week", "2026-07-06",
            "--out", str(tmp_path / "jul.html"))
    assert "Possible overlaps" not in (tmp_path / "jul.txt").read_text(encoding="utf-8")
    # Dismissed: gone from the list and from the digest, for good.
    code, out, _ = invoke(sample_config, "overlaps", "dismiss", emf["id"], "--note",
                           "SG5 and Q7/2 already coordinate")
    assert (code, out) == (0, f"dismissed {emf['id']}\n")
    code, out, _ = invoke(sample_config, "overlaps", "list", "--since", "2026-01-01",
                           "--json")
    assert emf["id"] not in {r["id"] for r in json.loads(out)}
    invoke(sample_config, "digest", "preview", "--week", "2026-10-01",
            "--out", str(tmp_path / "again.html"))
    # The section is gone, or holds other flags only (partition: "" when there is none).
    _, _, section = (tmp_path / "again.txt").read_text(encoding="utf-8").partition(
        "== Possible overlaps ==")
    assert "ITU-D handbook on EMF exposure" not in section
    code, _, err = invoke(sample_config, "overlaps", "dismiss", emf["id"])
    assert (code, err) == (1, f"error: overlap {emf['id']} is already dismissed\n")
    code, _, err = invoke(sample_config, "overlaps", "dismiss", "twelve")
    assert (code, err) == (1, ("error: 'twelve' is not an overlap id; write two thread ids, "
                              "e.g. 12-40\n"))
    code, _, err = invoke(sample_config, "overlaps", "dismiss", "1-99999")
    assert (code, err) == (1, "error: no thread 99999\n")


EVAL_SET = ROOT / "eval" / "overlaps"
# The floors on the dev parts of the blind sets, just below what the watch reaches there
# (eval/overlaps: precision 1.00, recall 1.00, 8 of 8 found since the meaning evidence;
# eval/overlaps2: 1.00 / 1.00, 6 of 6; eval/overlaps3: 11 found, 1 false, 0 missed, 0.92
# / 1.00; eval/overlaps4: 6 found, 0 false, 4 missed, 1.00 / 0.60 since the nearest in
# meaning alone and the body of the other's work): one false positive or one more miss
# fails. The held-out parts are printed, not guarded; they were never used to choose the
# rules (docs/duties.md has their figures).
DEV_FLOORS = {"overlaps": (0.95, 0.95), "overlaps2": (0.95, 0.9), "overlaps3": (0.88, 0.95),
              "overlaps4": (0.95, 0.55)}


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_the_independent_set_is_scored_by_thread_split(sample_config: Path,
                                                       name: str) -> None:
    """``overlaps evaluate`` runs a blind set through the whole pipeline and scores every
    labelled pair once, in the part its threads put it in; the dev part stays at the
    figures the rules reached there (:data:`DEV_FLOORS`), and each dev miss says which
    condition kept it out."""
    folder = ROOT / "eval" / name
    code, out, err = invoke(sample_config, "overlaps", "evaluate", "--set", str(folder),
                            "--json", "--misses")
    assert code == 0, err
    figures = json.loads(out)
    pairs = yaml.safe_load((folder / "pairs.yaml").read_text(encoding="utf-8"))["pairs"]
    assert sum(f["pairs"] for f in figures.values()) == len(pairs) >= 60
    assert sum(f["overlaps"] for f in figures.values()) == sum(p["overlap"] for p in pairs)
    for split, f in figures.items():
        print(f"{name}, {split}: precision {f['precision']} recall {f['recall']} "
              f"({f['found']} found, {f['false']} false, {f['missed']} missed)")
        assert f["found"] + f["missed"] == f["overlaps"]
        assert f["recall"] == pytest.approx(f["found"] / f["overlaps"], abs=1e-3)
    dev = figures["dev"]
    assert all("[not flagged: " in line for line in dev["missed_pairs"])
    assert "missed_pairs" not in figures["held-out"]
    assert dev["precision"] >= DEV_FLOORS[name][0] and dev["recall"] >= DEV_FLOORS[name][1]
    # No dev part has a flag between two of its threads that no label names (each is a
    # false flag the labels do not count: docs/duties.md, "Issue 15, fourth round").
    assert dev["unlabelled_flagged"] == 0, dev["unlabelled_pairs"]


def test_evaluate_names_a_bad_set_in_one_line(sample_config: Path, tmp_path: Path) -> None:
    (tmp_path / "threads.yaml").write_text((EVAL_SET / "threads.yaml").read_text("utf-8"),
                                           encoding="utf-8")
    (tmp_path / "pairs.yaml").write_text("pairs:\n  - {a: ov-001, b: nope, overlap: true}\n",
                                         encoding="utf-8")
    code, _, err = invoke(sample_config, "overlaps", "evaluate", "--set", str(tmp_path))
    assert code != 0
    assert "names threads not in threads.yaml" in err and "nope" in err
    assert len(err.strip().splitlines()) == 1


def test_evaluate_refuses_a_set_without_threads(sample_config: Path, tmp_path: Path) -> None:
    (tmp_path / "threads.yaml").write_text("threads: []\n", encoding="utf-8")
    (tmp_path / "pairs.yaml").write_text("pairs: []\n", encoding="utf-8")
    code, _, err = invoke(sample_config, "overlaps", "evaluate", "--set", str(tmp_path))
    assert code != 0
    assert err.strip() == f"error: {tmp_path / 'threads.yaml'}: no readable thread"


CALLER_ID = ("Draft Recommendation on validating caller ID across borders",
             ("The draft sets out how transit carriers pass calling line identification on "
             "international calls, so that the terminating operator can trust it, and "
             "what it does with calls it cannot verify: block them or warn the called party."))
SPOOFED = ("Guide for regulators on spoofed calling numbers from abroad",
           ("Regulators ask how operators can authenticate the calling party number of "
           "international calls, and whether to block calls whose number cannot be "
           "validated or warn the called party."))


def test_itu_wordings_of_one_subject_are_one_concept() -> None:
    # ITU's vocabulary for the number shown to the called party, digital identity, media
    # made to deceive and age assurance: each wording is the one concept.
    assert terms("caller ID") == terms("calling line identification") == ["cli"]
    assert terms("calling numbers") == terms("CLI") == ["cli"]
    assert terms("identity wallets") == terms("digital ID") == terms("eID") == ["digitalid"]
    assert terms("deepfakes") == terms("manipulated video") == terms("synthetic audio") \
        == ["deepfake"]
    assert terms("age verification") == terms("minors") == ["child"]
    assert terms("undersea cables") == terms("submarine cable") == ["subsea"]
    # Two quantum subjects stay apart.
    assert terms("post-quantum migration")[0] != terms("quantum key distribution")[0]


def test_a_subject_concept_both_threads_use_stands_for_a_topic() -> None:
    # No topic in common (the tagger has none for calling-line identification), but both
    # threads are about one subject in their own words: flagged, with the concept shown.
    first = view(1, "ITU-T", CALLER_ID[1], topics=(), subject=CALLER_ID[0])
    second = view(2, "ITU-D", SPOOFED[1], topics=("governance",), subject=SPOOFED[0])
    [flag] = find_overlaps([first, second, *FILLER])
    assert (flag.concepts, flag.topics) == (("cli",), ())
    assert "subjects cli; text similarity" in flag.evidence
    # A concept is one phrase: it needs closer wording than a topic does.
    assert find_overlaps([first, second, *FILLER],
                        OverlapRules(concept_similarity=0.9, text_similarity=1.5)) == []


def test_a_shared_concept_with_different_work_is_not_flagged() -> None:
    # The same subject concept beside different work (a fallback after a cable cut, a
    # register of cable faults): the wording stays apart.
    first = view(1, "ITU-T", "A global register of submarine cable faults: where each "
                 "break happened, its cause and the repair time, reported by cable owners.",
                 topics=(), subject="Register of submarine cable faults")
    second = view(2, "ITU-R", "Which satellite capacity could carry traffic when an undersea "
                  "cable is cut, and how quickly the spectrum can be coordinated.",
                  topics=("spectrum",), subject="Satellite fallback after sea cable cuts")
    assert find_overlaps([first, second, *FILLER]) == []


def test_a_headline_naming_the_other_sectors_study_group_addresses_its_work() -> None:
    # A study group or Question written without its Sector belongs to the only Sector
    # with a study group of that number (SG15, Q4/12: ITU-T); SG5 (ITU-T or ITU-R) to none.
    assert sectors_named("Outage records offered to SG15's fault register") == {"ITU-T"}
    assert sectors_named("Traffic samples for the Q4/12 rapporteurs") == {"ITU-T"}
    assert sectors_named("WP 5D: a new Report") == {"ITU-R"}
    assert sectors_named("SG5 draft Supplement") == set()
    text = "A register of submarine cable faults with repair times, reported by operators."
    register = view(1, "ITU-T", text, subject="SG15 register of submarine cable faults")
    offer = view(2, "ITU-D", text, subject="Outage records offered to SG15's fault register")
    assert find_overlaps([register, offer, *FILLER]) == []
    assert len(find_overlaps([register, replace(offer, subject="Cable fault register"),
                              *FILLER])) == 1


def test_why_not_names_the_condition_that_keeps_a_pair_out() -> None:
    first = view(1, "ITU-T", CALLER_ID[1], topics=(), subject=CALLER_ID[0])
    second = view(2, "ITU-D", SPOOFED[1], topics=(), subject=SPOOFED[0])
    threads = [first, second, *FILLER]
    text = TextSimilarity({t.id: (t.subject, t.text) for t in threads})
    assert why_not(first, second, text) is None
    assert why_not(first, replace(second, sector="ITU-T"), text) == "both led by ITU-T"
    assert why_not(first, replace(second, sector=None), text) == (
        f"no Sector leads {SPOOFED[0]!r}")
    webinar = replace(second, subject="Webinar on spoofed calling numbers")
    assert why_not(first, webinar, text).startswith("an event: ")
    low = why_not(first, second, text,
                  OverlapRules(concept_similarity=0.9, text_similarity=1.5))
    assert low is not None and low.startswith("similarity ")
    assert "(subject topics: none; subject concepts: cli, " in low


def test_the_watch_can_be_measured_without_the_subject_concepts() -> None:
    # The same two paraphrases: with the subject concepts, "caller ID" and "calling party
    # number" are one subject and the pair is flagged; without them (the dev check of
    # how far the figures rest on the table) the words alone are too far apart, and the
    # reason names no concept.
    first = view(1, "ITU-T", CALLER_ID[1], topics=(), subject=CALLER_ID[0])
    second = view(2, "ITU-D", SPOOFED[1], topics=(), subject=SPOOFED[0])
    threads = [first, second, *FILLER]
    assert len(find_overlaps(threads)) == 1
    bare = OverlapRules(subject_concepts=False)
    assert find_overlaps(threads, bare) == []
    text = TextSimilarity({t.id: (t.subject, t.text) for t in threads}, subjects=False)
    assert "subject concepts: none" in (why_not(first, second, text, bare) or "")
    assert "cli" not in terms("caller ID", subjects=False)


def test_evaluate_without_concepts_scores_the_dev_part_only(sample_config: Path) -> None:
    code, out, err = invoke(sample_config, "overlaps", "evaluate", "--set", str(EVAL_SET),
                            "--without-concepts", "--json")
    assert code == 0, err
    bare = json.loads(out)
    assert set(bare) == {"dev"}
    _, out, _ = invoke(sample_config, "overlaps", "evaluate", "--set", str(EVAL_SET), "--json")
    full = json.loads(out)
    # The table was written with the dev threads in view: without it, dev recall drops.
    assert bare["dev"]["pairs"] == full["dev"]["pairs"]
    assert bare["dev"]["recall"] < full["dev"]["recall"]


# One deliverable described by two Sectors in their own words: no topic the tagger
# knows, no subject concept, one headline word in common ("connection" and "connected"),
# and the texts sharing the particulars of the work (bandwidth, last upgrade, who pays).
SCHOOLS_T = ("Draft Recommendation: registers of school connections",
             ("The draft describes a register of schools and their connection: the "
              "bandwidth each school receives, the date of the last upgrade and who pays "
              "the monthly fee."))
SCHOOLS_D = ("Toolkit for ministries on tracking connected schools",
             ("Ministries asked how to keep track of which schools are online, at what "
              "bandwidth, when each had its last upgrade, and who pays the fee for the "
              "connection."))


def test_texts_close_in_their_particulars_are_flagged_without_a_topic() -> None:
    first = view(1, "ITU-T", SCHOOLS_T[1], topics=(), subject=SCHOOLS_T[0])
    second = view(2, "ITU-D", SCHOOLS_D[1], topics=(), subject=SCHOOLS_D[0])
    [flag] = find_overlaps([first, second, *FILLER])
    assert (flag.pair_key, flag.topics, flag.concepts) == ("1-2", (), ())
    assert {"bandwidth", "upgrade", "fee"} <= set(flag.terms)
    # The whole-text cosine is what decides: the mean of text and headline is far from
    # the similarity that decides alone.
    text = TextSimilarity({t.id: (t.subject, t.text) for t in (first, second, *FILLER)})
    rules = OverlapRules()
    assert text.text_cosine(1, 2) >= rules.text_similarity
    assert text(1, 2) < rules.strong_similarity
    assert find_overlaps([first, second, *FILLER], OverlapRules(text_similarity=0.5)) == []


def test_close_texts_need_a_headline_word_and_several_words_in_common() -> None:
    first = view(1, "ITU-T", SCHOOLS_T[1], topics=(), subject=SCHOOLS_T[0])
    # The same text under a headline with no word of the other's: not named alike, not
    # flagged on the body's wording alone (two long threads alike in their courtesies).
    apart = view(2, "ITU-D", SCHOOLS_D[1], topics=(), subject="Toolkit for ministries")
    assert find_overlaps([first, apart, *FILLER]) == []
    text = TextSimilarity({t.id: (t.subject, t.text) for t in (first, apart, *FILLER)})
    assert "text alone 0." in (why_not(first, apart, text) or "")
    # Two short notes with one word in common in headline and text: a high cosine from
    # a single shared word is not one piece of work.
    drive = view(3, "ITU-T", "Please ask for drive access by Friday.", topics=(),
                 subject="Shared drive access for new staff")
    clinics = view(4, "ITU-D", "Tariffs for broadband access in clinics.", topics=(),
                   subject="Broadband access tariffs")
    text = TextSimilarity({t.id: (t.subject, t.text) for t in (drive, clinics, *FILLER)})
    assert text.text_cosine(3, 4) >= OverlapRules().text_similarity
    assert find_overlaps([drive, clinics, *FILLER]) == []


# One deliverable under two headlines with no word in common: the texts share many of
# its particulars (meters, leaks, pressure, billing...), not a subject word or two.
PIPES_T = ("Draft Recommendation on indicators for smart pipe networks",
           ("The draft lists indicators for utilities: share of smart meters installed, "
            "leaks detected per kilometre, pressure sensors per district, hours of supply, "
            "billing accuracy, non-revenue losses and repair delays reported by crews."))
PIPES_D = ("Maturity levels for digital utilities",
           ("Ministries asked for a scale of maturity: smart meters installed, leaks "
            "detected each kilometre, pressure sensors in each district, supply hours, "
            "billing accuracy, non-revenue losses and the repair delays of field crews."))


def test_many_particulars_in_common_stand_in_for_a_headline_word() -> None:
    first = view(1, "ITU-T", PIPES_T[1], topics=(), subject=PIPES_T[0])
    second = view(2, "ITU-D", PIPES_D[1], topics=(), subject=PIPES_D[0])
    text = TextSimilarity({t.id: (t.subject, t.text) for t in (first, second, *FILLER)})
    shared, headlines = text.common(1, 2)
    assert not headlines and shared >= OverlapRules().wide_terms
    [flag] = find_overlaps([first, second, *FILLER])
    assert flag.pair_key == "1-2" and flag.terms
    assert find_overlaps([first, second, *FILLER], OverlapRules(wide_terms=99)) == []


def _liaison(title: str, ask: str) -> str:
    return (f"Please find below a liaison statement, for action as deemed appropriate.\n"
            f"LIAISON STATEMENT\nSource: TSAG\nTitle: {title}\nFor: Action: TDAG; "
            f"Information: RAG\nDeadline: 15 September 2026\nContact: TSB\n"
            f"Summary: {ask}\nAction required: TDAG is invited to note this document "
            f"and to provide comments; a reply is requested. Copy to RAG.")


def test_the_liaison_form_is_no_common_wording() -> None:
    # Two liaisons on unrelated subjects share their whole form, not their subject.
    tariffs = view(1, "ITU-T", _liaison("Roaming tariffs", "Harmonised roaming tariffs "
                                        "for island states."), topics=(),
                   subject="LS on roaming tariffs")
    planes = view(2, "ITU-R", _liaison("Aircraft altimeters", "Protection of radio "
                                       "altimeters near airports."), topics=(),
                  subject="LS on aircraft altimeters")
    text = TextSimilarity({t.id: (t.subject, t.text) for t in (tariffs, planes, *FILLER)})
    assert text.text_cosine(1, 2) < 0.05
    assert not {"liaison", "statement", "deadline", "tdag"} & set(text.shared(1, 2, 20))
