"""The JWZ threading's fast paths (issue 17, perf-r19) against plain readings.

``_clean_references`` keeps first occurrences through a dict's keys; the loop below is
what it replaced. ``_Table`` makes a ghost container on a lookup that misses, as the
closure it replaced did.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.records import ThreadRef
from iscg_mailbot.thread.jwz import _clean_references, _Table


def _plain(ref: ThreadRef) -> list[str]:
    seen: set[str] = {ref.message_id, ""}
    cleaned = []
    for mid in ref.references:
        if mid not in seen:
            seen.add(mid)
            cleaned.append(mid)
    return cleaned


def _ref(own: str, references: tuple[str, ...]) -> ThreadRef:
    return ThreadRef(own, None, references, "s", True, datetime(2026, 3, 2, tzinfo=UTC))


_IDS = st.sampled_from(["", "a", "b", "c", "own", "<x@y>"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["own", "a", ""]), st.lists(_IDS, max_size=8))
def test_clean_references_as_the_loop(own: str, references: list[str]) -> None:
    ref = _ref(own, tuple(references))
    assert _clean_references(ref) == _plain(ref)


def test_clean_references_minimal_pairs() -> None:
    # repeats keep their first place; blanks and the own id go wherever they stand
    assert _clean_references(_ref("m", ("b", "a", "b", "", "m", "c", "a"))) == ["b", "a", "c"]
    assert _clean_references(_ref("m", ("m",))) == []
    assert _clean_references(_ref("m", ())) == []
    assert _clean_references(_ref("", ("", "a", ""))) == ["a"]


def test_table_makes_a_ghost_once_and_keeps_order() -> None:
    table = _Table({"a": "real"})  # type: ignore[dict-item]
    ghost = table["g"]
    assert ghost.ref is None and ghost.key == "g" and ghost.parent is None
    assert table["g"] is ghost
    assert list(table) == ["a", "g"]
    assert table.get("missing") is None and "missing" not in table
