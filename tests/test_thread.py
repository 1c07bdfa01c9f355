"""JWZ threading (iscg_mailbot.thread.jwz): pure tests on ThreadRef records.

Trees are compared as nested ``(message_id, [children])`` tuples; a ghost root has
message_id None.
"""

from __future__ import annotations

import random
import re
import time
from datetime import UTC, datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.parse.subjects import is_reply_subject, normalise_subject
from iscg_mailbot.records import ThreadNode, ThreadRef
from iscg_mailbot.thread.jwz import build_threads, parent_map

HARD_MAIL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "hard-mail"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def ref(
    mid: str,
    minutes: int | None,
    *,
    irt: str | None = None,
    refs: tuple[str, ...] = (),
    subject: str = "",
    reply: bool | None = None,
) -> ThreadRef:
    """A ThreadRef; ``subject`` is the raw subject, normalised like the parser does."""
    return ThreadRef(
        message_id=mid,
        in_reply_to=irt,
        references=refs,
        normalised_subject=normalise_subject(subject),
        is_reply=is_reply_subject(subject) if reply is None else reply,
        date=None if minutes is None else at(minutes),
    )


def shape(nodes: list[ThreadNode]) -> list[tuple[str | None, Any]]:
    return [(node.message_id, shape(node.children)) for node in nodes]


def leaf(mid: str | None) -> tuple[str | None, list[Any]]:
    return (mid, [])


# --- References / In-Reply-To ------------------------------------------------------


def test_reply_chain_builds_one_tree_with_siblings_in_date_order() -> None:
    roots = build_threads(
        [
            ref("a", 0, subject="LS on IMT-2030"),
            ref("b", 10, irt="a", refs=("a",), subject="Re: LS on IMT-2030"),
            ref("d", 5, irt="a", refs=("a",), subject="Re: LS on IMT-2030"),
            ref("c", 20, irt="b", refs=("a", "b"), subject="Re: LS on IMT-2030"),
        ]
    )
    assert shape(roots) == [("a", [leaf("d"), ("b", [leaf("c")])])]
    assert parent_map(roots) == {"a": None, "d": "a", "b": "a", "c": "b"}


def test_child_before_parent_gives_the_same_tree() -> None:
    messages = [
        ref("c", 20, irt="b", refs=("a", "b")),
        ref("b", 10, irt="a", refs=("a",)),
        ref("a", 0),
    ]
    expected = [("a", [("b", [leaf("c")])])]
    assert shape(build_threads(messages)) == expected
    assert shape(build_threads(reversed(messages))) == expected


def test_in_reply_to_is_used_when_references_is_missing() -> None:
    roots = build_threads([ref("a", 0), ref("b", 1, irt="a")])
    assert shape(roots) == [("a", [leaf("b")])]


def test_references_last_id_wins_over_a_disagreeing_in_reply_to() -> None:
    # Both parents are present: References is the fuller statement, its last id wins.
    roots = build_threads([ref("a", 0), ref("x", 1), ref("b", 2, irt="x", refs=("a",))])
    assert shape(roots) == [("a", [leaf("b")]), leaf("x")]


def test_in_reply_to_wins_when_the_last_reference_is_absent() -> None:
    roots = build_threads([ref("a", 0), ref("x", 1), ref("b", 2, irt="x", refs=("a", "gone"))])
    assert shape(roots) == [("a", []), ("x", [leaf("b")])]


def test_in_reply_to_wins_when_references_are_out_of_order() -> None:
    roots = build_threads(
        [ref("a", 0), ref("b", 1, irt="a", refs=("a",)), ref("c", 2, irt="b", refs=("b", "a"))]
    )
    assert shape(roots) == [("a", [("b", [leaf("c")])])]


def test_missing_middle_message_is_pruned_and_its_child_moves_up() -> None:
    roots = build_threads([ref("a", 0), ref("c", 2, irt="b", refs=("a", "b"))])
    assert shape(roots) == [("a", [leaf("c")])]
    assert parent_map(roots) == {"a": None, "c": "a"}


def test_ghost_root_is_kept_only_with_two_or_more_children() -> None:
    alone = build_threads([ref("b", 1, irt="gone", refs=("gone",))])
    assert shape(alone) == [leaf("b")]
    pair = build_threads(
        [ref("c", 2, irt="gone", refs=("gone",)), ref("b", 1, irt="gone", refs=("gone",))]
    )
    assert shape(pair) == [(None, [leaf("b"), leaf("c")])]
    assert parent_map(pair) == {"b": None, "c": None}


def test_siblings_under_a_shared_missing_ancestor_stay_together() -> None:
    # Two replies to different missing messages that share a missing root.
    roots = build_threads(
        [
            ref("x", 3, irt="m1", refs=("root", "m1")),
            ref("y", 4, irt="m2", refs=("root", "m2")),
        ]
    )
    assert shape(roots) == [(None, [leaf("x"), leaf("y")])]


def test_a_message_own_headers_beat_what_other_references_imply() -> None:
    # c claims b's parent is "a"; b itself says it starts a thread (JWZ step 1C).
    roots = build_threads([ref("a", 0), ref("b", 1), ref("c", 2, irt="b", refs=("a", "b"))])
    assert shape(roots) == [leaf("a"), ("b", [leaf("c")])]


def test_undated_messages_sort_after_dated_siblings() -> None:
    roots = build_threads(
        [ref("a", 0), ref("n", None, irt="a"), ref("z", 9, irt="a"), ref("m", 9, irt="a")]
    )
    assert shape(roots) == [("a", [leaf("m"), leaf("z"), leaf("n")])]


# --- broken input -------------------------------------------------------------------


def test_two_messages_referencing_each_other_form_one_thread_oldest_on_top() -> None:
    roots = build_threads(
        [ref("new", 5, irt="old", refs=("old",)), ref("old", 1, irt="new", refs=("new",))]
    )
    assert shape(roots) == [("old", [leaf("new")])]


def test_longer_reference_loop_is_cut_below_the_oldest_message() -> None:
    roots = build_threads([ref("a", 0, irt="b"), ref("b", 1, irt="c"), ref("c", 2, irt="a")])
    assert shape(roots) == [("a", [("c", [leaf("b")])])]


def test_self_reference_is_ignored() -> None:
    roots = build_threads(
        [ref("a", 0, irt="a", refs=("a",)), ref("b", 1, irt="a", refs=("a", "b"))]
    )
    assert shape(roots) == [("a", [leaf("b")])]


def test_loop_through_ghost_references_does_not_hang_or_lose_messages() -> None:
    roots = build_threads(
        [
            ref("m1", 0, refs=("g1", "g2", "g1")),
            ref("m2", 1, refs=("g2", "g1")),
            ref("m3", 2, refs=("m1", "m2", "m3", "m1")),
        ]
    )
    ids = [mid for root in roots for mid in root.walk()]
    assert sorted(ids) == ["m1", "m2", "m3"]


def test_duplicate_message_ids_appear_once_using_the_richer_copy() -> None:
    roots = build_threads(
        [
            ref("a", 0),
            ref("b", 1),  # a copy without headers (e.g. a Bcc copy)
            ref("b", 1, irt="a", refs=("a",)),
        ]
    )
    assert shape(roots) == [("a", [leaf("b")])]


def test_empty_input() -> None:
    assert build_threads([]) == []
    assert parent_map([]) == {}


# --- subject grouping ---------------------------------------------------------------


def test_reply_without_headers_joins_the_root_with_its_subject() -> None:
    roots = build_threads(
        [
            ref("a", 0, subject="[int-sect-team] Draft agenda ISCG-12"),
            ref("b", 5, subject="AW: [int-sect-team] Draft agenda ISCG-12"),
            ref("c", 9, subject="Re: RE: draft agenda iscg-12"),
        ]
    )
    assert shape(roots) == [("a", [leaf("b"), leaf("c")])]


def test_non_replies_with_the_same_subject_are_not_merged() -> None:
    roots = build_threads(
        [ref("w1", 0, subject="Weekly agenda"), ref("w2", 60 * 24 * 7, subject="Weekly agenda")]
    )
    assert shape(roots) == [leaf("w1"), leaf("w2")]


def test_header_threads_with_the_same_subject_stay_apart() -> None:
    roots = build_threads(
        [
            ref("a", 0, subject="Topic"),
            ref("a1", 1, irt="a", refs=("a",), subject="Re: Topic"),
            ref("b", 60, subject="Topic"),
            ref("b1", 61, irt="b", refs=("b",), subject="Re: Topic"),
        ]
    )
    assert shape(roots) == [("a", [leaf("a1")]), ("b", [leaf("b1")])]


def test_reply_joins_the_latest_same_subject_root_not_after_it() -> None:
    week = 60 * 24 * 7
    roots = build_threads(
        [
            ref("w1", 0, subject="Weekly agenda"),
            ref("w2", week, subject="Weekly agenda"),
            ref("r1", 10, subject="Re: Weekly agenda"),
            ref("r2", week + 10, subject="Re: Weekly agenda"),
            ref("early", -5, subject="Re: Weekly agenda"),  # before any: joins the first
        ]
    )
    assert shape(roots) == [("w1", [leaf("early"), leaf("r1")]), ("w2", [leaf("r2")])]


def test_replies_whose_original_is_missing_are_gathered_under_a_ghost() -> None:
    roots = build_threads(
        [
            ref("r1", 1, subject="Re: Liaison from SG17"),
            ref("r2", 2, subject="RE: Liaison from SG17"),
            ref("other", 3, subject="Re: something else"),
        ]
    )
    assert shape(roots) == [(None, [leaf("r1"), leaf("r2")]), leaf("other")]


def test_non_reply_with_the_subject_of_a_ghost_root_joins_it() -> None:
    roots = build_threads(
        [
            ref("r1", 1, irt="gone", refs=("gone",), subject="Re: Budget"),
            ref("r2", 2, irt="gone", refs=("gone",), subject="Re: Budget"),
            ref("n", 3, subject="Budget"),
        ]
    )
    assert shape(roots) == [(None, [leaf("r1"), leaf("r2"), leaf("n")])]


def test_reply_root_whose_parent_is_missing_joins_its_subject_root() -> None:
    # JWZ groups the root set: a reply whose parent never arrived still finds its topic.
    roots = build_threads(
        [ref("a", 0, subject="Budget"), ref("r", 5, irt="gone", subject="Re: Budget")]
    )
    assert shape(roots) == [("a", [leaf("r")])]


def test_subject_window_keeps_a_late_reply_out_of_an_old_thread() -> None:
    day = 60 * 24
    messages = [
        ref("agenda", 0, subject="Agenda"),
        ref("again", 7 * day, subject="Agenda"),
        ref("late", 200 * day, subject="RE: Agenda"),
    ]
    assert shape(build_threads(messages)) == [leaf("agenda"), ("again", [leaf("late")])]
    windowed = build_threads(messages, subject_window=timedelta(days=90))
    assert shape(windowed) == [leaf("agenda"), leaf("again"), leaf("late")]


def test_subject_window_follows_a_thread_that_keeps_going() -> None:
    day = 60 * 24
    roots = build_threads(
        [
            ref("a", 0, subject="Budget"),
            ref("a1", 80 * day, irt="a", refs=("a",), subject="Re: Budget"),
            ref("r", 160 * day, subject="Re: Budget"),  # 80 days after the last reply
            ref("r2", 400 * day, subject="Re: Budget"),
            ref("r3", 401 * day, subject="Re: Budget"),
        ],
        subject_window=timedelta(days=90),
    )
    assert shape(roots) == [("a", [leaf("a1"), leaf("r")]), (None, [leaf("r2"), leaf("r3")])]


def test_empty_subjects_are_never_grouped() -> None:
    roots = build_threads([ref("a", 0, subject="Re:"), ref("b", 1, subject="RE: ")])
    assert shape(roots) == [leaf("a"), leaf("b")]


# --- determinism and scale ----------------------------------------------------------


def _messy_set() -> list[ThreadRef]:
    return [
        ref("a", 0, subject="Agenda"),
        ref("b", 1, irt="a", refs=("a",), subject="Re: Agenda"),
        ref("c", 2, irt="b", refs=("a", "b"), subject="Re: Agenda"),
        ref("d", 2, irt="gone", refs=("a", "gone"), subject="Re: Agenda"),
        ref("e", None, subject="Re: Agenda"),
        ref("loop1", 3, irt="loop2"),
        ref("loop2", 4, irt="loop1"),
        ref("g1", 5, irt="ghost", refs=("ghost",), subject="Re: Ghosts"),
        ref("g2", 5, irt="ghost", refs=("ghost",), subject="Re: Ghosts"),
        ref("g3", 6, subject="Ghosts"),
        ref("dup", 7, subject="Dup"),
        ref("dup", 7, irt="a", subject="Re: Dup"),
        ref("self", 8, irt="self", refs=("self",)),
        ref("r1", 9, subject="Re: Orphans"),
        ref("r2", 9, subject="Re: Orphans"),
    ]


def test_output_does_not_depend_on_input_order() -> None:
    messages = _messy_set()
    expected = shape(build_threads(messages))
    rng = random.Random(20260302)
    for _ in range(30):
        rng.shuffle(messages)
        assert shape(build_threads(messages)) == expected


def test_messy_set_keeps_every_message_exactly_once() -> None:
    roots = build_threads(_messy_set())
    ids = [mid for root in roots for mid in root.walk()]
    assert sorted(ids) == sorted({m.message_id for m in _messy_set()})
    assert set(parent_map(roots)) == set(ids)


_ids = st.sampled_from([f"m{i}" for i in range(12)] + ["x", "y"])
# Made once, not for each message drawn (Hypothesis builds and validates a new strategy
# object each time): the same choices with the same weights.
_PARENT = st.none() | _ids
_REFERENCES = st.lists(_ids, max_size=4)
_SUBJECTS = st.sampled_from(["", "s", "t"])
_DATES = st.none() | st.integers(0, 5).map(at)


@st.composite
def _random_refs(draw: st.DrawFn) -> list[ThreadRef]:
    count = draw(st.integers(0, 12))
    result = []
    for i in range(count):
        mid = f"m{i}" if draw(st.booleans()) or i == 0 else draw(_ids)  # some duplicates
        result.append(
            ThreadRef(
                message_id=mid,
                in_reply_to=draw(_PARENT),
                references=tuple(draw(_REFERENCES)),
                normalised_subject=draw(_SUBJECTS),
                is_reply=draw(st.booleans()),
                date=draw(_DATES),
            )
        )
    return result


@settings(max_examples=200, deadline=None)
@given(
    _random_refs(), st.randoms(), st.none() | st.integers(0, 3).map(lambda m: timedelta(minutes=m))
)
def test_any_input_gives_a_forest_holding_each_message_once(
    refs: list[ThreadRef], rng: random.Random, window: timedelta | None
) -> None:
    roots = build_threads(refs, subject_window=window)
    ids = [mid for root in roots for mid in root.walk()]
    assert sorted(ids) == sorted({r.message_id for r in refs})
    parents = parent_map(roots)
    for mid in ids:  # following parents always ends at a root: no loops
        seen = set()
        while mid is not None:
            assert mid not in seen
            seen.add(mid)
            mid = parents[mid]
    shuffled = list(refs)
    rng.shuffle(shuffled)
    assert shape(build_threads(shuffled, subject_window=window)) == shape(roots)


def test_ten_thousand_messages_thread_without_quadratic_work() -> None:
    """10,000 shuffled messages thread correctly. Not a speed test (bench/ingest.py times
    threading): the bound is ~30x the usual 0.3 s, so only quadratic work trips it."""
    rng = random.Random(7)
    refs: list[ThreadRef] = []
    for i in range(10_000):
        if i % 12 == 0:
            refs.append(ref(f"m{i}", i, subject=f"Topic {i // 12}"))
            continue
        parent = refs[rng.randrange(max(0, i - 24), i)]
        chain = (*parent.references, parent.message_id)[-15:]
        refs.append(
            ThreadRef(f"m{i}", parent.message_id, chain, parent.normalised_subject, True, at(i))
        )
    rng.shuffle(refs)
    started = time.process_time()
    roots = build_threads(refs)
    parents = parent_map(roots)
    elapsed = time.process_time() - started
    assert len(parents) == 10_000
    assert elapsed < 10.0, f"{elapsed:.2f}s: threading no longer grows linearly?"


def test_deep_chain_does_not_hit_the_recursion_limit() -> None:
    chain = [
        ThreadRef(f"c{i}", f"c{i - 1}" if i else None, (), "deep", i > 0, at(i))
        for i in range(5_000)
    ]
    roots = build_threads(chain)
    assert len(roots) == 1
    assert roots[0].walk() == [f"c{i}" for i in range(5_000)]
    assert parent_map(roots)["c4999"] == "c4998"


# --- traps from notmuch's test corpus -----------------------------------------------

_MSGID = re.compile(r"<([^<>\s]+)>")


def _ids_in(value: str | None) -> tuple[str, ...]:
    return tuple(_MSGID.findall(value or ""))


def load_eml(name: str) -> ThreadRef:
    """The threading headers of a corpus file, read with the stdlib email package."""
    path = HARD_MAIL / name
    if not path.exists():
        pytest.skip(f"corpus file missing: {path}")
    headers = BytesHeaderParser(policy=compat32).parsebytes(path.read_bytes())
    subject = str(headers.get("Subject", ""))
    in_reply_to = _ids_in(headers.get("In-Reply-To"))
    return ThreadRef(
        message_id=_ids_in(headers["Message-ID"])[0],
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=_ids_in(headers.get("References")),
        normalised_subject=normalise_subject(subject),
        is_reply=is_reply_subject(subject),
        date=parsedate_to_datetime(headers["Date"]),
    )


def test_notmuch_in_reply_to_loop_is_one_thread_with_the_older_message_on_top() -> None:
    roots = build_threads(
        [load_eml("notmuch-broken-loop-loop-12.eml"), load_eml("notmuch-broken-loop-loop-21.eml")]
    )
    assert shape(roots) == [("mid-loop-12@example.org", [leaf("mid-loop-21@example.org")])]


def test_notmuch_parent_priority_in_reply_to_beats_a_mistyped_reference() -> None:
    roots = build_threads(
        load_eml(f"notmuch-threading-parent-priority-{n}.eml")
        for n in ("grand-child", "child", "root")
    )
    assert shape(roots) == [
        ("B00-root@example.org", [("B01-child@example.org", [leaf("B01-grand-child@example.org")])])
    ]


def test_notmuch_fake_root_lands_under_the_real_thread() -> None:
    names = ("fake-root", "great-grand-child", "grand-child2", "child", "grand-child", "real-root")
    roots = build_threads(load_eml(f"notmuch-threading-ghost-root-{n}.eml") for n in names)
    assert shape(roots) == [
        (
            "000-real-root@example.org",
            [
                (
                    "001-child@example.org",
                    [
                        leaf("001-fake-message-root@example.org"),  # via its ghost parent
                        (
                            "001-grand-child@example.org",
                            [leaf("001-great-grand-child@example.org")],
                        ),
                        leaf("001-grand-child2@example.org"),
                    ],
                )
            ],
        )
    ]


def test_notmuch_ticket_messages_follow_jwz_not_shared_references() -> None:
    # The "Resolved" mail shares only the ticket's ghost id with the others; JWZ step 1C
    # keeps the original (which has no References) at the top of its own thread.
    original = load_eml("notmuch-threading-ghost-root-1529425589.M615261P21663.len.eml")
    auto_reply = load_eml("notmuch-threading-ghost-root-1532672447.R3166642290392477575.len.eml")
    resolved = load_eml("notmuch-threading-ghost-root-1532672447.R6968667928580738175.len.eml")
    roots = build_threads([resolved, auto_reply, original])
    assert shape(roots) == [
        (original.message_id, [leaf(auto_reply.message_id)]),
        leaf(resolved.message_id),
    ]
