"""The overlap terms of ASCII text, read on the fast path (issue 17, perf-r10): the
concept phrases searched from the character before them, the marks taken as lower case,
the words of a text met before looked up without a set of them. The same terms, spelled
alike, in the same order as the reference reading (``tests/test_overlap_terms.py``),
wherever a phrase stands: at the start, right after another, after a hyphen, a digit or
an underscore (then not a phrase), before a hyphen or a letter (not one either)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import overlap_text
from iscg_mailbot.analyse.overlap_concepts import CONCEPTS, FORM_CONCEPTS
from iscg_mailbot.analyse.overlap_text import counted_terms, spelled_terms
from tests.test_overlap_terms import reference_terms

PHRASES = sorted({p for ps in CONCEPTS.values() for p in ps})
GLUE = [" ", "", "-", "_", "9", "x", "\n", ". ", "(", ")", "/", "'", "  ", "\t", ",", "=",
        " and ", " the "]
ASCII_TEXTS = st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(GLUE),
                                 st.sampled_from(["Guide", "AI", "5G", "e-waste", "IoT"])),
                       max_size=14).map("".join)


def test_concept_names_are_lower_case_ascii_words() -> None:
    """What the ASCII path relies on to leave the marked text as it is: a mark
    ("zzconcept" and the name) is lower-case ASCII and one word."""
    for table in (CONCEPTS, FORM_CONCEPTS):
        assert all(re.fullmatch(r"[a-z0-9_-]+", name) for name in table), table.keys()


@pytest.mark.parametrize("subjects", [True, False])
@pytest.mark.parametrize("text", [
    "guide", "guide to ai", "ai ml", "ai,ml", "-guide", "_guide", "9guide", "guide-",
    "guides", "xguide", "(incident response team)", "incident response teams",
    "e-waste\ne-waste", "The AI Guide", "", " ", "zzconceptfoo guide",
])
def test_edges_read_as_the_reference(text: str, subjects: bool) -> None:
    assert spelled_terms(text, subjects=subjects) == reference_terms(text, subjects=subjects)
    assert spelled_terms(text, subjects=subjects, procedure=False) == reference_terms(
        text, subjects=subjects, procedure=False)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(ASCII_TEXTS, st.booleans(), st.booleans())
def test_ascii_texts_read_as_the_reference(text: str, subjects: bool, known: bool) -> None:
    """With the word tables empty (every word new) or holding the text's words already
    (none new: the lookup without a set), the same terms as the reference."""
    if not known:
        overlap_text._WORD_TERMS.clear()
        overlap_text._TEXT_TERMS.clear()
    for procedure in (True, False):
        expected = reference_terms(text, subjects=subjects, procedure=procedure)
        assert spelled_terms(text, subjects=subjects, procedure=procedure) == expected
        assert spelled_terms(text, subjects=subjects, procedure=procedure) == expected


def test_counted_terms_of_known_words() -> None:
    """A text read twice (its words known the second time) counts the same."""
    text = "The guide to AI: a guide on AI-generated content and guides for regulators."
    first = counted_terms(text)
    assert counted_terms(text) == first
    assert [term for term, _, _ in first][:2] == ["guidance", "ai"]
