"""attach_to_threads on SQLite and PostgreSQL: repair, merge, subject threads, idempotency."""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

import iscg_mailbot.store
from iscg_mailbot.parse.subjects import normalise_subject
from iscg_mailbot.store.all_models import Base
from iscg_mailbot.store.models import MailingList, Message, MessageReference, Thread
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_topics import ThreadEntity, ThreadTopic
from iscg_mailbot.store.threads import (
    SUBJECT_WINDOW,
    THREAD_REFERENCES,
    _thread_ref,
    attach_to_threads,
    merge_threads,
)
from iscg_mailbot.thread.jwz import build_threads, parent_map

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def list_id(session: Session) -> int:
    row = MailingList(key="iscg", address="int-sect-team@lists.itu.int", name="ISCG")
    session.add(row)
    session.commit()
    return row.id


def store(session: Session, list_id: int, *specs: dict[str, Any]) -> list[Message]:
    """Add messages and their MessageReference rows as the storing code does, then flush."""
    messages = []
    for spec in specs:
        subject = spec.get("subject", "")
        messages.append(
            Message(
                list_id=list_id,
                message_id=spec["id"],
                in_reply_to=spec.get("irt"),
                references=list(spec.get("refs", ())),
                subject=subject,
                normalised_subject=normalise_subject(subject),
                sender_address=spec.get("sender", ""),
                date=spec.get("date"),
            )
        )
    session.add_all(messages)
    session.flush()
    for message in messages:
        targets = dict.fromkeys([*message.references, message.in_reply_to])
        targets.pop(message.message_id, None)
        targets.pop(None, None)
        session.add_all(MessageReference(message_pk=message.id, referenced_id=t) for t in targets)
    session.flush()
    return messages


def msg(mid: str, hours: float | None, **spec: Any) -> dict[str, Any]:
    return {"id": mid, "date": None if hours is None else at(hours), **spec}


def layout(session: Session) -> dict[str, tuple[int | None, str | None]]:
    """Message-ID -> (thread id, parent Message-ID), read back from the database."""
    rows = session.execute(select(Message.message_id, Message.thread_id, Message.parent_message_id))
    return {mid: (thread_id, parent) for mid, thread_id, parent in rows}


def thread_rows(session: Session) -> dict[int, dict[str, Any]]:
    session.expire_all()
    return {
        t.id: {
            "root": t.root_message_id,
            "subject": t.subject,
            "normalised_subject": t.normalised_subject,
            "first": t.first_activity,
            "last": t.last_activity,
            "count": t.message_count,
            "participants": t.participants,
        }
        for t in session.scalars(select(Thread))
    }


def test_child_stored_before_its_parent_is_repaired_into_one_thread(
    session: Session, list_id: int
) -> None:
    reply = store(
        session,
        list_id,
        msg("b", 2, irt="a", refs=["a"], subject="Re: LS on IMT-2030", sender="bob@itu.int"),
    )
    touched = attach_to_threads(session, list_id, reply)
    session.commit()
    (thread_id,) = touched
    assert layout(session) == {"b": (thread_id, None)}

    parent = store(session, list_id, msg("a", 0, subject="LS on IMT-2030", sender="alice@itu.int"))
    assert attach_to_threads(session, list_id, parent) == {thread_id}
    session.commit()
    assert layout(session) == {"a": (thread_id, None), "b": (thread_id, "a")}
    assert thread_rows(session) == {
        thread_id: {
            "root": "a",
            "subject": "LS on IMT-2030",
            "normalised_subject": "ls on imt-2030",
            "first": at(0),
            "last": at(2),
            "count": 2,
            "participants": ["alice@itu.int", "bob@itu.int"],
        }
    }


def test_replies_to_the_same_missing_message_share_a_thread_across_batches(
    session: Session, list_id: int
) -> None:
    first = store(session, list_id, msg("r1", 1, irt="gone", refs=["gone"], sender="x@a.org"))
    (thread_id,) = attach_to_threads(session, list_id, first)
    second = store(session, list_id, msg("r2", 2, irt="gone", refs=["gone"], sender="y@b.org"))
    assert attach_to_threads(session, list_id, second) == {thread_id}
    assert layout(session) == {"r1": (thread_id, None), "r2": (thread_id, None)}
    assert thread_rows(session)[thread_id]["root"] == "r1"  # first message under the ghost
    assert thread_rows(session)[thread_id]["participants"] == ["x@a.org", "y@b.org"]


def test_a_message_linking_two_threads_merges_them_into_the_larger(
    session: Session, list_id: int
) -> None:
    big = store(
        session,
        list_id,
        msg("a", 0, subject="Budget", sender="chair@itu.int"),
        msg("b", 1, irt="a", refs=["a"], subject="Re: Budget", sender="bob@itu.int"),
    )
    (big_id,) = attach_to_threads(session, list_id, big)
    small = store(session, list_id, msg("d", 3, irt="c", refs=["a", "c"], subject="Re: Budget"))
    # "d" hangs under "a" through the missing "c": JWZ joins it to the big thread at once.
    assert attach_to_threads(session, list_id, small) == {big_id}

    other = store(
        session,
        list_id,
        msg("y", 5, irt="x", refs=["x"], subject="Re: Rooms", sender="eve@itu.int"),
    )
    (other_id,) = attach_to_threads(session, list_id, other)
    assert other_id != big_id
    # "x" replies to "b" and is the missing parent of "y": the two threads become one.
    late = store(
        session,
        list_id,
        msg("x", 4, irt="b", refs=["a", "b"], subject="Re: Budget", sender="dan@itu.int"),
    )
    assert attach_to_threads(session, list_id, late) == {big_id}
    session.commit()
    assert layout(session) == {
        "a": (big_id, None),
        "b": (big_id, "a"),
        "d": (big_id, "a"),
        "x": (big_id, "b"),
        "y": (big_id, "x"),
    }
    rows = thread_rows(session)
    assert list(rows) == [big_id]  # the other Thread row was deleted
    assert rows[big_id]["count"] == 5
    assert rows[big_id]["last"] == at(5)
    assert rows[big_id]["participants"] == [
        "bob@itu.int",
        "chair@itu.int",
        "dan@itu.int",
        "eve@itu.int",
    ]


def test_merge_keeps_the_thread_holding_most_messages(session: Session, list_id: int) -> None:
    small = store(session, list_id, msg("s", 0, subject="Small"))
    (small_id,) = attach_to_threads(session, list_id, small)
    big = store(
        session,
        list_id,
        msg("b1", 1, irt="p", refs=["p"]),
        msg("b2", 2, irt="b1", refs=["p", "b1"]),
        msg("b3", 3, irt="b2", refs=["p", "b1", "b2"]),
    )
    (big_id,) = attach_to_threads(session, list_id, big)
    assert big_id != small_id
    parent = store(session, list_id, msg("p", 0.5, irt="s", refs=["s"]))
    assert attach_to_threads(session, list_id, parent) == {big_id}
    assert {thread for thread, _ in layout(session).values()} == {big_id}
    assert thread_rows(session)[big_id]["root"] == "s"
    assert session.get(Thread, small_id) is None


def test_reply_without_headers_joins_the_recent_thread_of_its_subject(
    session: Session, list_id: int
) -> None:
    start = store(
        session,
        list_id,
        msg("agenda", 0, subject="[int-sect-team] Draft agenda ISCG-12", sender="chair@itu.int"),
        msg("unrelated", 1, subject="Rooms for the meeting"),
    )
    touched = attach_to_threads(session, list_id, start)
    assert len(touched) == 2
    agenda_id = layout(session)["agenda"][0]

    replies = store(
        session,
        list_id,
        msg("aw", 24 * 3, subject="AW: [int-sect-team] Draft agenda ISCG-12", sender="k@bnetza.de"),
        msg("late", 24 * 200, subject="RE: Draft agenda ISCG-12"),  # outside 90 days
        msg("again", 24 * 7, subject="Draft agenda ISCG-12"),  # a new post, not a reply
    )
    touched = attach_to_threads(session, list_id, replies)
    session.commit()
    placed = layout(session)
    assert placed["aw"] == (agenda_id, "agenda")
    assert placed["late"][0] not in (None, agenda_id)
    assert placed["again"][0] not in (None, agenda_id, placed["late"][0])
    assert touched == {agenda_id, placed["late"][0], placed["again"][0]}
    assert thread_rows(session)[agenda_id]["participants"] == ["chair@itu.int", "k@bnetza.de"]


def test_a_thread_whose_root_becomes_a_ghost_joins_its_subject_thread(
    session: Session, list_id: int
) -> None:
    # JWZ groups a non-reply root under a ghost root of the same subject. The ghost
    # appears only when the second reply to the missing message arrives, linked by
    # references to a thread other than the one its subject joins.
    first = store(session, list_id, msg("n", 0, subject="Budget"))
    (n_thread,) = attach_to_threads(session, list_id, first)
    second = store(session, list_id, msg("x1", 1, irt="gone", refs=["gone"], subject="Budget"))
    (x_thread,) = attach_to_threads(session, list_id, second)
    assert x_thread != n_thread  # two non-replies: not grouped
    third = store(session, list_id, msg("x2", 2, irt="gone", refs=["gone"], subject="Budget"))
    assert attach_to_threads(session, list_id, third) == {n_thread}
    assert layout(session) == {
        "n": (n_thread, None),
        "x1": (n_thread, None),
        "x2": (n_thread, None),
    }
    assert list(thread_rows(session)) == [n_thread]


def test_a_late_message_whose_headers_contradict_others_splits_the_thread(
    session: Session, list_id: int
) -> None:
    first = store(session, list_id, msg("a", 0), msg("b", 2, irt="c", refs=["a", "c"]))
    (thread_id,) = attach_to_threads(session, list_id, first)
    assert layout(session)["b"] == (thread_id, "a")
    # "c" arrives and says it starts a thread: JWZ trusts it over b's References.
    late = store(session, list_id, msg("c", 1))
    touched = attach_to_threads(session, list_id, late)
    placed = layout(session)
    assert placed["b"] == (placed["c"][0], "c")
    assert placed["a"][0] != placed["c"][0]
    assert thread_id in {placed["a"][0], placed["c"][0]}
    assert touched == {placed["a"][0], placed["c"][0]}
    counts = {row["root"]: row["count"] for row in thread_rows(session).values()}
    assert counts == {"a": 1, "c": 2}


def test_attaching_twice_changes_nothing(session: Session, list_id: int) -> None:
    batch = store(
        session,
        list_id,
        msg("a", 0, subject="Budget", sender="a@x.org"),
        msg("b", 1, irt="a", refs=["a"], subject="Re: Budget", sender="b@x.org"),
        msg("c", 2, subject="Re: Budget", sender="c@x.org"),
        msg("g1", 3, irt="gone", refs=["gone"]),
        msg("g2", 4, irt="gone", refs=["gone"]),
        msg("solo", None, subject="Undated"),
    )
    touched = attach_to_threads(session, list_id, batch)
    session.commit()
    before_layout, before_threads = layout(session), thread_rows(session)
    assert len(touched) == 3 and set(before_threads) == touched

    assert attach_to_threads(session, list_id, batch) == set()
    session.commit()
    assert layout(session) == before_layout
    assert thread_rows(session) == before_threads


def test_merge_threads_moves_messages_and_deletes_rows(session: Session, list_id: int) -> None:
    batch = store(session, list_id, msg("a", 0), msg("b", 1), msg("c", 2))
    ids = sorted(attach_to_threads(session, list_id, batch))
    merge_threads(session, ids[0], [*ids[1:], ids[0]])
    session.commit()
    assert {thread for thread, _ in layout(session).values()} == {ids[0]}
    assert session.scalar(select(func.count()).select_from(Thread)) == 1


def test_merge_moves_action_items_of_the_dropped_threads(session: Session, list_id: int) -> None:
    keep, drop = store(session, list_id, msg("a", 0), msg("b", 1))
    ids = sorted(attach_to_threads(session, list_id, [keep, drop]))
    session.add(ActionItem(list_id=list_id, message_pk=drop.id, thread_id=ids[1], sentence="x"))
    session.flush()
    merge_threads(session, ids[0], [ids[1]])
    session.commit()
    assert session.scalars(select(ActionItem.thread_id)).all() == [ids[0]]


def test_merge_keeps_decisions_and_drops_derived_topics(session: Session, list_id: int) -> None:
    batch = store(session, list_id, msg("a", 0), msg("b", 1), msg("c", 2))
    keep, drop, other = sorted(attach_to_threads(session, list_id, batch))
    session.add_all([
        ThreadTopic(thread_id=keep, topic="ai", source="manual", assigned=False),
        ThreadTopic(thread_id=drop, topic="ai", source="manual", assigned=True),
        ThreadTopic(thread_id=drop, topic="imt", source="manual", assigned=True),
        ThreadTopic(thread_id=drop, topic="spectrum", source="auto", score=3.0),
        ThreadEntity(thread_id=drop, label="DOC", key="TSAG-TD409", search_key="TSAG-TD409",
                     text="TSAG-TD409"),
    ])
    session.flush()
    merge_threads(session, keep, [drop, other])
    session.commit()
    rows = session.execute(
        select(ThreadTopic.thread_id, ThreadTopic.topic, ThreadTopic.source, ThreadTopic.assigned)
        .order_by(ThreadTopic.topic)
    ).all()
    # The kept thread's own decision wins; the other decision moves; the automatic
    # tag and the entity go (the merged thread is analysed again).
    assert [tuple(r) for r in rows] == [(keep, "ai", "manual", False), (keep, "imt", "manual", True)]
    assert session.scalar(select(func.count()).select_from(ThreadEntity)) == 0


def test_every_table_pointing_at_threads_is_moved_by_merges() -> None:
    for module in pkgutil.iter_modules(iscg_mailbot.store.__path__):
        if module.name.startswith("models"):  # every table, wherever it is declared
            importlib.import_module(f"iscg_mailbot.store.{module.name}")
    pointing = {
        (fk.parent.table.name, fk.parent.name)
        for table in Base.metadata.tables.values()
        for fk in table.foreign_keys
        if fk.column.table.name == "threads"
    }
    assert pointing == {(model.__tablename__, column.key) for model, column in THREAD_REFERENCES}


def test_other_lists_are_left_alone(session: Session, list_id: int) -> None:
    other = MailingList(key="other", address="other@lists.itu.int")
    session.add(other)
    session.flush()
    theirs = store(session, other.id, msg("a", 0, subject="Budget"))
    (their_thread,) = attach_to_threads(session, other.id, theirs)
    ours = store(session, list_id, msg("r", 1, irt="a", refs=["a"], subject="Re: Budget"))
    (our_thread,) = attach_to_threads(session, list_id, ours)
    assert our_thread != their_thread
    assert session.get(Thread, their_thread) is not None


@pytest.mark.slow
def test_batch_of_500_into_20000_messages(session: Session, list_id: int) -> None:
    # 2,000 existing threads of 10 messages each, written directly (already threaded).
    # Core executemany (no RETURNING): ORM bulk inserts would take seconds here.
    session.execute(
        insert(Thread.__table__),
        [
            {
                "list_id": list_id,
                "root_message_id": f"t{t}-0",
                "subject": f"Topic {t}",
                "normalised_subject": f"topic {t}",
                "first_activity": at(t),
                "last_activity": at(t + 9),
                "message_count": 10,
                "participants": [],
            }
            for t in range(2000)
        ],
    )
    thread_ids = {mid: pk for mid, pk in session.execute(select(Thread.root_message_id, Thread.id))}
    rows = [
        {
            "list_id": list_id,
            "thread_id": thread_ids[f"t{t}-0"],
            "message_id": f"t{t}-{i}",
            "in_reply_to": f"t{t}-{i - 1}" if i else None,
            "references": [f"t{t}-{j}" for j in range(i)],
            "parent_message_id": f"t{t}-{i - 1}" if i else None,
            "subject": f"Re: Topic {t}" if i else f"Topic {t}",
            "normalised_subject": f"topic {t}",
            "date": at(t + i),
            "sender_address": f"s{i}@x.org",
        }
        for t in range(2000)
        for i in range(10)
    ]
    session.execute(insert(Message.__table__), rows)
    pks = {mid: pk for mid, pk in session.execute(select(Message.message_id, Message.id))}
    session.execute(
        insert(MessageReference.__table__),
        [
            {"message_pk": pks[row["message_id"]], "referenced_id": ref}
            for row in rows
            for ref in row["references"]
        ],
    )
    session.commit()

    specs = []
    for n in range(300):  # replies into existing threads, some to late parents
        t = (n * 7) % 2000
        specs.append(msg(f"new{n}", t + 20, irt=f"t{t}-9", refs=[f"t{t}-0", f"t{t}-9"]))
    for n in range(100):  # new threads with one reply each
        specs.append(msg(f"root{n}", 3000 + n, subject=f"Fresh {n}"))
        specs.append(msg(f"reply{n}", 3000.5 + n, irt=f"root{n}", refs=[f"root{n}"]))
    batch = store(session, list_id, *specs)
    # Speed is measured in bench/ingest.py, not here; this checks the result at scale.
    touched = attach_to_threads(session, list_id, batch)
    session.commit()
    assert len(touched) == 300 + 100  # 300 distinct existing threads, 100 new ones
    assert session.scalar(select(func.count()).select_from(Thread)) == 2100


def _random_mail(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Messages with real-looking defects: missing parents, bare "Re:" replies, no dates."""
    subjects = ["Budget", "Agenda", "LS on IMT-2030", "Rooms"]
    specs: list[dict[str, Any]] = []
    for n in range(count):
        subject = rng.choice(subjects)
        spec = msg(f"m{n}", None if rng.random() < 0.05 else rng.uniform(0, 24 * 200))
        spec["sender"] = f"p{rng.randrange(6)}@x.org"
        earlier = [s["id"] for s in specs] + [f"missing{k}" for k in range(5)]
        kind = rng.random()
        if kind < 0.55 and specs:
            parent = rng.choice(earlier)
            chain = [rng.choice(earlier) for _ in range(rng.randrange(3))] + [parent]
            spec.update(irt=parent, refs=chain)
            subject = "Re: " + subject
        elif kind < 0.7:
            subject = rng.choice(["Re: ", "AW: [int-sect-team] ", "Fwd: "]) + subject
        spec["subject"] = subject
        specs.append(spec)
    return specs


@pytest.mark.parametrize("seed", [1, 58])
def test_batches_in_any_order_give_the_threads_of_one_jwz_run(
    session: Session, list_id: int, seed: int
) -> None:
    rng = random.Random(seed)
    specs = _random_mail(rng, 160)
    rng.shuffle(specs)
    batches = []
    for start in range(0, len(specs), 20):
        batches.append(store(session, list_id, *specs[start : start + 20]))
        attach_to_threads(session, list_id, batches[-1])
    for batch in batches:  # everything settled: attaching again changes nothing
        assert attach_to_threads(session, list_id, batch) == set()
    session.commit()

    messages = session.scalars(select(Message)).all()
    roots = build_threads(map(_thread_ref, messages), subject_window=SUBJECT_WINDOW)
    expected = {frozenset(root.walk()) for root in roots}
    stored: dict[int | None, set[str]] = {}
    for message in messages:
        stored.setdefault(message.thread_id, set()).add(message.message_id)
    assert {frozenset(ids) for ids in stored.values()} == expected
    parents = parent_map(roots)
    assert {m.message_id: m.parent_message_id for m in messages} == parents
    rows = thread_rows(session)
    for thread_id, ids in stored.items():
        assert thread_id is not None
        assert rows[thread_id]["count"] == len(ids)


def test_unthreaded_messages_stored_around_a_batch_join_its_threads(
    session: Session, list_id: int
) -> None:
    # Messages never threaded (stored apart, thread_id NULL) whose ids sit just before,
    # inside and just after the batch's: the batch's lookups must still find them.
    before = store(session, list_id, msg("b1", 1, irt="p", refs=["p"]))
    parent = store(session, list_id, msg("p", 0, subject="LS"), msg("p2", 0, subject="Other"))
    inside = store(session, list_id, msg("i1", 2, irt="p2", refs=["p2"]))
    late = store(session, list_id, msg("x", 3, irt="p", refs=["p"]))
    after = store(session, list_id, msg("a1", 4, irt="x", refs=["p", "x"]))
    assert before[0].id < parent[0].id < inside[0].id < late[0].id < after[0].id
    touched = attach_to_threads(session, list_id, [*parent, *late])
    session.commit()
    placed = layout(session)
    assert {mid: parent_id for mid, (_, parent_id) in placed.items()} == {
        "p": None, "b1": "p", "x": "p", "a1": "x", "p2": None, "i1": "p2"}
    threads = {mid: thread_id for mid, (thread_id, _) in placed.items()}
    assert threads["p"] == threads["b1"] == threads["x"] == threads["a1"]
    assert threads["p2"] == threads["i1"] != threads["p"]
    assert touched == {threads["p"], threads["p2"]}
