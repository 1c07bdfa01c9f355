"""The overlap terms' shortcuts give what the general code gives.

``bench/analysis.py`` measures why each is there: the acronym patterns whose
look-behind comes after the first capital, the test for an acronym spelled out that
stops at the first one, and the first message's parts read from the stored JSON without
decoding the others.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import overlap_acronyms, overlap_text
from iscg_mailbot.analyse.overlap_acronyms import defined, defines_other
from iscg_mailbot.services.overlap_meaning import _first_part

_ACRONYM = r"[A-Z][A-Za-z0-9]{1,7}"
# The patterns as they were, the look-behind first.
_BEFORE = re.compile(rf"(?<![\w-])(?P<acr>{_ACRONYM})\s*\((?P<words>[^()]{{3,80}})\)")
_MEANS = re.compile(rf"(?<![\w-])(?P<acr>{_ACRONYM})(?:,)?\s+(?:(?:we|I)\s+mean|means|"
                    rf"stands\s+for|refers\s+to|=)\s+(?P<rest>[^.;:()\n]{{3,100}})")

PIECES = ["DPI", "D2D", "ISCG", "RAG", "Qos", "QoS", "x", " ", "(", ")", "-", "_", "\n",
          "deep packet inspection", "device-to-device", "means ", "stands for ", "= ",
          "we mean ", "9", "é", "Éa", "by ", "of ", "International Standards Coordination Group",
          "Rapporteur Advisory Group"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_acronym_patterns_match_as_before(text: str) -> None:
    assert _matches(overlap_acronyms._BEFORE, text) == _matches(_BEFORE, text)
    assert _matches(overlap_acronyms._MEANS, text) == _matches(_MEANS, text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(TEXTS, st.sets(st.sampled_from(["dpi", "d2d", "iscg", "rag", "qos"])))
def test_defines_other_answers_as_defined(text: str, keep: set[str]) -> None:
    found = defined(text)
    expected = any(acronym.lower() not in keep for acronym in found)
    assert defines_other(text, keep) is expected
    assert overlap_text.spells_out_acronyms("", text) is any(
        acronym.lower() not in overlap_text.KEEP_ACRONYMS for acronym in defined("\n" + text))


@settings(max_examples=500, deadline=None)
@given(st.recursive(st.one_of(st.integers(), st.text(max_size=5)),
                    lambda inner: st.lists(inner, max_size=4), max_leaves=12),
       st.sampled_from([None, 2]), st.sampled_from([(", ", ": "), (",", ":")]))
def test_first_part_is_the_first_element(value: object, indent: int | None,
                                         separators: tuple[str, str]) -> None:
    parts = value if isinstance(value, list) else [value]
    text = json.dumps(parts, indent=indent, separators=separators)
    assert _first_part(text) == json.loads(text)[:1]
