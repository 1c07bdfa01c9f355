"""The benchmarks' distinct corpus (bench/corpus.py, issue 17): deterministic, its copies
after the first say the same things in sentences that mostly differ, and a reply quotes
its parent as varied."""

from __future__ import annotations

import mailbox
import re

import pytest

from bench.corpus import Distinct, cache_name, new_sentences
from iscg_mailbot.services.demo import sample_archive

#: Messages of the sample archive varied (its first threads).
COUNT = 60


@pytest.fixture(scope="module")
def base() -> list[bytes]:
    return [m.as_bytes() for m in mailbox.mbox(sample_archive())]


def copies(base: list[bytes], cycles: range) -> list[list[bytes]]:
    corpus = Distinct(base)
    return [[corpus.variant(i, cycle) for i in range(COUNT)] for cycle in cycles]


def test_deterministic_and_first_copy_unchanged(base: list[bytes]) -> None:
    once, again = copies(base, range(3)), copies(base, range(3))
    assert once == again
    assert once[0] == base[:COUNT]
    assert once[1] != once[2]


def test_later_copies_keep_ids_of_their_cycle(base: list[bytes]) -> None:
    [second] = copies(base, range(1, 2))
    for raw in second:
        head = raw.partition(b"\n\n")[0].decode("utf-8", "replace")
        for field in ("Message-ID", "In-Reply-To"):
            found = re.search(rf"^{field}:\s*<([^>]+)>", head, re.MULTILINE | re.IGNORECASE)
            if found:
                assert found.group(1).startswith("c1.")


def test_sentences_mostly_distinct(base: list[bytes]) -> None:
    first, *later = copies(base, range(4))
    original = [s for raw in first for s in new_sentences(raw)]
    varied = [s for copy in later for raw in copy for s in new_sentences(raw)]
    assert len(varied) > 0.9 * 3 * len(original)  # the same mail, about as many sentences
    everything = original + varied
    # Repeated 4 times, the texts would give a quarter of distinct sentences at most.
    assert len(set(everything)) / len(everything) > 0.45
    assert sum(s in set(original) for s in varied) / len(varied) < 0.55


def test_reply_quotes_its_parent_as_varied(base: list[bytes]) -> None:
    [second] = copies(base, range(1, 2))
    # The sample's third message quotes the first with "> ".
    parent = second[0].partition(b"\n\n")[2].decode("utf-8")
    reply = second[2].partition(b"\n\n")[2].decode("utf-8")
    quoted = [line[2:] for line in reply.splitlines() if line.startswith("> ")]
    assert len(quoted) > 10
    assert all(line in parent.splitlines() for line in quoted)
    original = base[0].partition(b"\n\n")[2].decode("utf-8")
    assert parent != original


def test_cache_names() -> None:
    assert cache_name(20000, "repeated") == "corpus-20000.mbox"
    assert "distinct" in cache_name(20000, "distinct")
