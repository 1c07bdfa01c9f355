"""An acronym a thread spells out is compared as its words: one acronym in two meanings
("DPI", "D2D", "DFS") is no shared subject, one acronym in one meaning still is."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.overlap_acronyms import defined, expand, spelled_out
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import ThreadView, find_overlaps


@pytest.mark.parametrize(("text", "expected"), [
    ("a toolkit on open payment switches (OPS) for ministries", {"OPS": "open payment switches"}),
    ('revise H.999 "Rules for bulk traffic shaping in core networks" (BTS). Editors',
     {"BTS": "bulk traffic shaping"}),
    ("By RPS we mean remote patient sensing, nothing else.", {"RPS": "remote patient sensing"}),
    ("RPS (remote patient sensing) pilots", {"RPS": "remote patient sensing"}),
    ("a draft on machine-to-machine (M2M) relays", {"M2M": "machine-to-machine"}),
    ("the Internet of Senses (IoS) roadmap", {"IoS": "Internet of Senses"}),
    # Brackets that hold no spelling of the word before them define nothing.
    ("send it to BDT (English or French are fine)", {}),
    ("input from the Study Group (SG17) on it", {}),
    # A run of "_" alone has no words to spell with (it raised IndexError).
    ("The DPI means DPI _ here.", {}),
    ("RAG means RAG _", {}),
])
def test_what_a_thread_defines(text: str, expected: dict[str, str]) -> None:
    assert defined(text) == expected


def test_expansion_keeps_other_words_and_case() -> None:
    definitions = {"BTS": "bulk traffic shaping"}
    assert expand("BTS rules; not bts, BTS-2 or XBTS", definitions) == (
        "bulk traffic shaping rules; not bts, BTS-2 or XBTS")


OPS_D = ("A toolkit on OPS", ("We are writing a toolkit on open payment switches (OPS) "
                              "for ministries: OPS governance, OPS procurement and country "
                              "cases."))
OPS_T = ("Draft requirements for OPS", ("The group starts a draft on optical path "
                                        "supervision (OPS) in metro rings: OPS alarms, OPS "
                                        "timing and requirements."))
OPS_T_SAME = ("Draft requirements for OPS", ("The group starts a draft on open payment "
                                             "switches (OPS) for ministries: OPS "
                                             "interfaces and requirements."))
OTHERS = {10 + n: (f"Note {n}", f"unrelated words {w} spectrum broadcasting")
          for n, w in enumerate(("alpha", "beta", "gamma", "delta"))}


def test_one_acronym_in_two_meanings_is_no_common_wording() -> None:
    text = TextSimilarity({1: OPS_D, 2: OPS_T, **OTHERS})
    assert "ops" not in text.shared(1, 2)
    assert text(1, 2) < 0.12
    same = TextSimilarity({1: OPS_D, 2: OPS_T_SAME, **OTHERS})
    assert "payment" in same.shared(1, 2) and same(1, 2) > 0.3


def _view(ident: int, sector: str, subject_text: tuple[str, str]) -> ThreadView:
    when = datetime(2026, 5, 1, tzinfo=UTC)
    return ThreadView(ident, *subject_text, sector, ("digital-finance",), (), when, when)


def test_the_watch_leaves_two_meanings_of_one_acronym_alone() -> None:
    others = [_view(k, "ITU-R", v) for k, v in OTHERS.items()]
    assert find_overlaps([_view(1, "ITU-D", OPS_D), _view(2, "ITU-T", OPS_T), *others]) == []
    [flag] = find_overlaps([_view(1, "ITU-D", OPS_D), _view(2, "ITU-T", OPS_T_SAME),
                            *others])
    assert flag.pair_key == "1-2"


def test_the_list_s_own_names_stay_as_they_are() -> None:
    # "ISCG" and "TSAG" are words every thread uses (left out of the comparison, which
    # passes them as ``keep``): spelled out, they would become terms unrelated threads
    # share.
    text = ("The Inter-Sector Coordination Group (ISCG) met; the Telecommunication "
            "Standardization Advisory Group (TSAG) noted it. ISCG and TSAG will reply.")
    subject, body = spelled_out("ISCG and TSAG", text, keep={"iscg"})
    assert subject == "ISCG and Telecommunication Standardization Advisory Group"
    assert body.endswith("ISCG and Telecommunication Standardization Advisory Group "
                         "will reply.")
