"""Pairs the duplication watch leaves out as not separate work (ov-r4): a headline about
ITU's own house, a text naming the other Sector's deliverable; and the ``[overlaps]
near_in_wording`` key that switches the near-in-wording rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from iscg_mailbot.analyse.overlap_bodies import names_work_of
from iscg_mailbot.analyse.overlap_headlines import is_house
from iscg_mailbot.analyse.overlap_rules import NEAR_IN_WORDING
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import ThreadView, find_overlaps, why_not
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.overlaps import overlap_rules
from iscg_mailbot.settings.main import OverlapsConfig, Settings, load_settings

WHEN = datetime(2026, 9, 1, tzinfo=UTC)
EMF = "The Supplement gives regulators a method for EMF exposure assessment of 5G small cells"


def view(ident: int, sector: str, subject: str, text: str = EMF) -> ThreadView:
    return ThreadView(ident, subject, text, sector, ("imt",), (), WHEN, WHEN)


FILLER = [view(10 + n, "ITU-R", f"Note {word}", f"unrelated words {word} spectrum broadcasting")
          for n, word in enumerate(("alpha", "beta", "gamma", "delta"))]
SUPPLEMENT = view(1, "ITU-T", "SG5 draft Supplement on EMF exposure of small cells")


@pytest.mark.parametrize(("subject", "house"), [
    ("New Wi-Fi networks at HQ and CICG from 1 October", True),
    ("Exchange rates and the draft 2028-2029 budget - information", True),
    ("ITU Library & Archives - digitization of conference sound recordings", True),
    ("Survey of Recommendation editors' drafting skills - TSB training plan", True),
    ("Model decision: licence-exempt Wi-Fi at 6 GHz", False),
    ("BDT guide on setting up Internet exchange points", False),
    ("SG13 draft Supplement on cold storage tiers for archives", False),
])
def test_a_headline_about_itus_own_house(subject: str, house: bool) -> None:
    assert is_house(subject) is house


def test_a_thread_about_itus_own_house_is_no_duplicated_work() -> None:
    """The same wording, once under a headline about the Union's premises: not flagged."""
    work = view(2, "ITU-D", "BDT handbook on EMF exposure of small cells")
    assert len(find_overlaps([SUPPLEMENT, work, *FILLER])) == 1
    house = replace(work, sector="GS", subject="EMF measurements at HQ and CICG")
    assert find_overlaps([SUPPLEMENT, house, *FILLER]) == []
    threads = [SUPPLEMENT, house, *FILLER]
    text = TextSimilarity({t.id: (t.subject, t.text) for t in threads})
    assert why_not(SUPPLEMENT, house, text) == (
        "about ITU's own house: 'EMF measurements at HQ and CICG'")


TOOLKIT = "[list] Toolkit idea: free satellite imagery for farmers"
GUIDELINES = "[list] Guidelines - doctor-at-a-distance services for health posts"


@pytest.mark.parametrize(("text", "headline", "named"), [
    ("SG20 plans to offer the data model as input to the ITU-D toolkit on imagery.",
     TOOLKIT, "ITU-D toolkit"),
    ("We will draw on the BDT guidelines on remote consultations.", GUIDELINES,
     "ITU-D guideline"),
    ("TDAG's toolkit will be useful.", TOOLKIT, "ITU-D toolkit"),
    # Another Sector's toolkit; a deliverable the headline does not name; a body, work.
    ("SG20 plans to offer the data model as input to the ITU-T toolkit.", TOOLKIT, None),
    ("We will draw on the BDT guidelines on remote consultations.", TOOLKIT, None),
    ("The ITU-D Study Group 1 meets in May; ITU-D work on farming is welcome.",
     "[list] ITU-D study and work plan on farming", None),
])
def test_a_text_naming_the_other_sectors_deliverable(text: str, headline: str,
                                                     named: str | None) -> None:
    assert names_work_of(text, headline, "ITU-D") == named


def test_a_thread_naming_the_others_deliverable_works_with_it() -> None:
    """One text names the other's deliverable with the other's Sector ("input to the
    ITU-D toolkit"): it knows of that work, whatever its wording."""
    toolkit = view(2, "ITU-D", "Toolkit on EMF exposure of small cells",
                   EMF + " in developing countries")
    assert len(find_overlaps([SUPPLEMENT, toolkit, *FILLER])) == 1
    feeding = replace(SUPPLEMENT, text=EMF + ". SG5 will offer it as input to the BDT toolkit.")
    assert find_overlaps([feeding, toolkit, *FILLER]) == []
    other = replace(SUPPLEMENT, text=EMF + ". SG5 will offer it as input to the BR toolkit.")
    assert len(find_overlaps([other, toolkit, *FILLER])) == 1


def test_near_in_wording_is_a_key_of_the_overlaps_table() -> None:
    assert overlap_rules(Settings()).meaning_wording == NEAR_IN_WORDING
    off = Settings(overlaps=OverlapsConfig(near_in_wording=False))
    assert overlap_rules(off).meaning_wording is None
    # Without the meaning evidence the rule has nothing to rank by: off, not an error.
    assert overlap_rules(Settings(overlaps=OverlapsConfig(meaning=False))).meaning_wording \
        is None


@pytest.mark.parametrize(("table", "message"), [
    ("near_in_wording = 'yes'", "overlaps.near_in_wording"),
    ("meaning = false\nnear_in_wording = true",
     "set meaning = true or near_in_wording = false"),
])
def test_a_bad_near_in_wording_names_file_key_and_fix(tmp_path: Path, table: str,
                                                      message: str) -> None:
    config = tmp_path / "iscg-mailbot.toml"
    config.write_text(f"[overlaps]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(config)
    assert str(config) in str(raised.value) and message in str(raised.value)


def test_near_in_wording_false_loads() -> None:
    assert not Settings.model_validate(
        {"overlaps": {"near_in_wording": False}}).overlaps.wording_on
