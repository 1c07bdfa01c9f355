"""The owners' patterns of ``closure_received`` are built once and skipped when unneeded.

"BDT's mapping reached me", "Omar sent his form to me": each open item's owner is put
into a pattern. They were compiled at every call, more distinct patterns than the re
module keeps, ~5% of the closures' time (docs/performance-history.md, perf-r13). The
names are now tested as substrings first, and each name's patterns built once; these
tests hold the two readings to the patterns compiled afresh, as the code before did.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import closure_received
from iscg_mailbot.analyse.closure_reading import content_words


def _owned_afresh(clause: str, name: str, asked: frozenset[str]) -> bool:
    pattern = re.compile(rf"\b{re.escape(name)}['\u2019]s\s+((?:[\w-]+\s+){{0,3}}?[\w-]+)")
    return any(asked & content_words(m.group(1)) for m in pattern.finditer(clause))


def _did_afresh(clause: str, name: str, asked: frozenset[str]) -> bool:
    pattern = re.compile(rf"\b{re.escape(name)}{closure_received._DEED}"
                         r"((?:[\w-]+\s+){0,3}?[\w-]+)")
    return any(asked & content_words(m.group(1)) for m in pattern.finditer(clause))


_NAMES = ["BDT", "Omar", "Priya", "João", "Dr. Seo-yeon", "A+B", "Luis"]
_PIECES = [*_NAMES, "'s", "\u2019s", "s", " ", "  ", "sent", "has sent", "returned",
           "submitted", "me", "his", "her", "their", "mapping", "form", "forms", "text",
           "summary", "reached", "Xomar", "omar", "-", ",", ".", "BDTs", "the"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10), st.sampled_from(_NAMES))
def test_the_readings_match_the_patterns_compiled_afresh(pieces: list[str], name: str) -> None:
    clause = "".join(pieces)
    asked = frozenset({"mapping", "form", "text", "summary"})
    assert closure_received._owned(clause, name, asked) == _owned_afresh(clause, name, asked)
    assert closure_received._did(clause, name, asked) == _did_afresh(clause, name, asked)


@pytest.mark.parametrize(("clause", "owned", "did"), [
    ("BDT's mapping reached me directly on 18 February", True, False),
    ("BDT\u2019s mapping reached me", True, False),
    ("BDT sent their mapping to me", False, True),
    ("The mapping reached me", False, False),
])
def test_found_as_before(clause: str, owned: bool, did: bool) -> None:
    asked = content_words("Could BDT send the mapping?")
    assert closure_received._owned(clause, "BDT", asked) is owned
    assert closure_received._did(clause, "BDT", asked) is did


def test_no_pattern_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fails on the code before: each call compiled its owner's pattern.
    asked = frozenset({"form"})
    closure_received._did("Omar sent his form to me", "Omar", asked)
    closure_received._owned("Omar's form reached me", "Omar", asked)
    compiled: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a, **k: compiled.append(a[0]) or real(*a, **k))
    for _ in range(3):
        assert closure_received._did("Omar sent his form to me", "Omar", asked)
        assert closure_received._owned("Omar's form reached me", "Omar", asked)
        assert not closure_received._owned("Nobody named here", "Omar", asked)
    assert compiled == []
