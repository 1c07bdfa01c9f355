"""Review of session 36's merges: "look forward" points at no forwarded mail.

A reply's quote is read as mail it forwards when the quote's header names another
message's subject and the answer points at it (round 7, :mod:`parse.forwarded_replies`).
The pointer "forward" also matched the courtesy "Looking forward to ...", the "way
forward" and "put forward", which point at nothing: the quote was read again as new
content, its requests made items of the reply. "Forwarding it", "I forward the LS",
"forwarded below" still point (the first case of each pair failed before).
"""

from __future__ import annotations

import pytest

from tests.test_forwarded_round7 import ASKED, read


@pytest.mark.parametrize("answer", [
    "Looking forward to the discussion in May.",
    "We look forward to discussing it in May.",
    "The way forward is for BDT to decide.",
    "Going forward, BDT will track them.",
    "The text was put forward at the last meeting.",
])
def test_looking_forward_points_at_no_forward(answer: str) -> None:
    assert read(pointer=answer) == []


@pytest.mark.parametrize("answer", [
    "Forwarding it in full so that the addressees have it.",
    "I forward the LS as received.",
    "We hereby forward the liaison from SG3.",
    "The liaison was forwarded to us by TSB.",
])
def test_a_forward_still_points(answer: str) -> None:
    assert read(pointer=answer) == ASKED
