"""A long request to say something is read in linear time (review of session 36's later
merges). Whether a sentence that is no question asks the readers about their own
(``action_say_forms.readers_own``, act-kind: "Please tell me by 6 August which of your
attachments must be kept.") was one pattern, ``^[^?]*\\b<wh>\\b[^?]*\\b(?:you|your)\\b[^?]*$``:
every wh-word of the sentence retried the whole rest for a "you", and a "?" at the end
failed every pair. A 50,000-character line "Please tell us which which if which if ..."
took ~18 s to extract, one with "which you ... ?x" more than 20 s; the same reading is
made in one pass now.
"""

from __future__ import annotations

import time

import pytest

from tests.letter_items import kinds, letter_items


@pytest.mark.parametrize("text", [
    "Please tell us which " + "which if " * 5_500 + "?",
    "Please tell me which " + "which you " * 5_000 + "?x",
    "Please tell us which " + "which " * 8_000,
])
def test_a_long_request_to_say_is_read_in_linear_time(text: str) -> None:
    started = time.process_time()
    letter_items(text)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(("text", "kind"), [
    # Told about the readers' own: each reader owes a reply (an action) ...
    ("Please tell me by 6 August which of your attachments must be kept.", "action"),
    ("Please let me know by 19 February who from your group can take part.", "action"),
    # ... about a thing, or with the "you" before the wh-word, a question.
    ("Please tell me by 6 August which attachments must be kept.", "question"),
])
def test_readers_own_reading_is_unchanged(text: str, kind: str) -> None:
    assert kinds(text) == [kind]
