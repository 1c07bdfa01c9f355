"""The meaning vectors embedded one text at a time are the bytes the model's own batches
give (analyse/overlap_meaning.py embeds without padding: a batch pads every text to its
longest one's tokens, which only adds zeros)."""

from __future__ import annotations

import random

import pytest

from iscg_mailbot.analyse import overlap_meaning
from iscg_mailbot.analyse.overlap_meaning import embedded, packed_vector

_WORDS = (
    "spectrum satellite liaison recommendation cabinets batteries rectifiers cooling budget "
    "forum interpretation accessibility captions broadcasting security incident response "
    "training frequency bands generation orbit filings children guidelines energy kerb "
    "outdoor broadband e-waste producer responsibility Q4/17 TD-409 ITU-T SG17 5G IMT-2030 "
    "na\u00efve caf\u00e9")
WORDS = _WORDS.split()


def texts(count: int) -> list[str]:
    """Texts from one word to a few thousand, in no order of length."""
    rng = random.Random(17)
    lengths = [1, 2, 3000, 5, 40, 800, 7, 1500, 120, 64, 65, 300]
    lengths += [rng.choice((rng.randint(1, 30), rng.randint(30, 400), rng.randint(400, 3000)))
                for _ in range(count - len(lengths))]
    return [" ".join(rng.choice(WORDS) for _ in range(n)) for n in lengths]


@pytest.mark.slow
def test_one_at_a_time_gives_the_batches_bytes() -> None:
    given = texts(150)
    batched = overlap_meaning._model().embed(given, norm=True)  # its default: 64 a batch
    mine = embedded(given)
    assert len(mine) == len(given)
    assert [packed_vector(v) for v in mine] == [
        packed_vector([float(x) for x in row]) for row in batched]


def test_nothing_to_embed() -> None:
    assert embedded([]) == []
