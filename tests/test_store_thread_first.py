"""Threading before the insert (store/messages.save_threaded_messages), held to threading
after it (save_messages, then attach_to_threads on the rows read back), on SQLite and
PostgreSQL: the same threads, the same places, the same changed threads; the facts
threading reads of a message not stored yet are those its row holds; and the new rows
are written once (no UPDATE of a message just inserted)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ParsedMessage, Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
from iscg_mailbot.source.archive import read_archive
from iscg_mailbot.store.messages import (
    ensure_list,
    new_message,
    save_messages,
    save_threaded_messages,
)
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.threads import THREADING_COLUMNS, attach_to_threads
from tests.test_store_threads import _random_mail

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def raw_mail(spec: dict[str, Any], zone: int = 0) -> bytes:
    """An RFC 5322 message of a ``tests/test_store_threads.py`` spec."""
    lines = [f"Message-ID: <{spec['id']}@x.org>", f"From: {spec.get('sender', 'a@x.org')}",
             f"Subject: {spec.get('subject', '')}"]
    if spec.get("irt"):
        lines.append(f"In-Reply-To: <{spec['irt']}@x.org>")
    if spec.get("refs"):
        lines.append("References: " + " ".join(f"<{r}@x.org>" for r in spec["refs"]))
    if spec.get("date") is not None:
        local = spec["date"].astimezone(timezone(timedelta(minutes=zone)))
        lines.append(f"Date: {local:%a, %d %b %Y %H:%M:%S %z}")
    return ("\r\n".join(lines) + f"\r\n\r\nmessage {spec['id']}\r\n").encode()


def _stored(session: Session, list_id: int, messages: list[Message]) -> set[int]:
    """Threading after the insert: the rows read back, then attach_to_threads."""
    return attach_to_threads(session, list_id, messages)


def _after(session: Session, list_id: int, batch: list[ParsedMessage]) -> set[int]:
    ids = save_messages(session, list_id, batch).new_message_ids
    rows = session.scalars(select(Message).options(THREADING_COLUMNS)
                           .where(Message.id.in_(ids)).order_by(Message.id)).all()
    return _stored(session, list_id, list(rows))


def _before(session: Session, list_id: int, batch: list[ParsedMessage]) -> set[int]:
    return save_threaded_messages(session, list_id, batch)[1]


def _outcome(session: Session, list_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each message's thread (by its root) and parent; each thread's summary."""
    session.expire_all()
    roots = dict(session.execute(select(Thread.id, Thread.root_message_id)
                                 .where(Thread.list_id == list_id)).all())
    places = {mid: (roots[thread], parent) for mid, thread, parent in session.execute(
        select(Message.message_id, Message.thread_id, Message.parent_message_id)
        .where(Message.list_id == list_id))}
    threads = {t.root_message_id: (t.subject, t.normalised_subject, t.first_activity,
                                   t.last_activity, t.message_count, t.participants)
               for t in session.scalars(select(Thread).where(Thread.list_id == list_id))}
    return places, threads


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.mark.parametrize("seed", [3, 21, 58])
def test_threading_before_the_insert_is_threading_after_it(session: Session, seed: int) -> None:
    """Random mail (missing parents, bare replies, undated, late parents, shuffled) in
    random batches: the two lists end with the same threads after every batch."""
    rng = random.Random(seed)
    specs = _random_mail(rng, 160)
    rng.shuffle(specs)
    zones = [rng.choice([0, 120, -300, 330]) for _ in specs]
    parsed = [parse_message(RawMessage(raw_mail(spec, zone), Provenance(uid=n)))
              for n, (spec, zone) in enumerate(zip(specs, zones, strict=True))]
    parsed += parsed[:5]  # already stored: left out by both
    after = ensure_list(session, "after", "after@x.org").id
    before = ensure_list(session, "before", "before@x.org").id
    start = 0
    while start < len(parsed):
        end = start + rng.randint(1, 40)
        batch = parsed[start:end]
        touched_after = _after(session, after, batch)
        touched_before = _before(session, before, batch)
        places_after, threads_after = _outcome(session, after)
        assert _outcome(session, before) == (places_after, threads_after)
        roots = dict(session.execute(select(Thread.id, Thread.root_message_id)).all())
        assert {roots[t] for t in touched_before} == {roots[t] for t in touched_after}
        start = end
    assert len(places_after) == 160


def _printable() -> st.SearchStrategy[str]:
    return st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF,
                                 blacklist_categories=("Cs", "Cc")), max_size=700)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=st.one_of(_printable(), st.sampled_from(["Re: x", "AW: [iscg] Re: y", "Fwd:"])),
       prefix=st.sampled_from(["", "Re: ", "RE: RE: ", "Antw: "]),
       zone=st.integers(-14 * 60, 14 * 60), dated=st.booleans(),
       refs=st.lists(st.sampled_from(["a", "b", "c", "m"]), max_size=4))
def test_a_new_message_holds_what_its_row_holds(
    engine: Engine, subject: str, prefix: str, zone: int, dated: bool, refs: list[str]
) -> None:
    """The facts threading reads of a message before its row exists, against the row."""
    spec = {"id": "m", "subject": prefix + subject, "refs": refs, "irt": refs[-1] if refs else None,
            "date": T0 if dated else None, "sender": "Ann <ann@x.org>"}
    parsed = parse_message(RawMessage(raw_mail(spec, zone), Provenance(uid=1)))
    _same_facts(engine, [parsed])


def test_the_sample_archive_holds_what_its_rows_hold(engine: Engine) -> None:
    parsed = [parse_message(raw) for batch in read_archive(sample_archive())
              for raw in batch.messages]
    _same_facts(engine, parsed)


def _same_facts(engine: Engine, parsed: list[ParsedMessage]) -> None:
    with Session(engine) as session:
        list_id = ensure_list(session, "facts", "facts@x.org").id
        ids = save_messages(session, list_id, parsed).new_message_ids
        rows = {row.message_id: row for row in session.scalars(
            select(Message).options(THREADING_COLUMNS).where(Message.id.in_(ids)))}
        for message in parsed:
            new, row = new_message(message), rows[message.message_id]
            for name in ("message_id", "in_reply_to", "references", "subject",
                         "normalised_subject", "is_reply", "date", "sender_address"):
                ours, theirs = getattr(new, name), getattr(row, name)
                assert (ours, getattr(ours, "tzinfo", None)) == (theirs, getattr(
                    theirs, "tzinfo", None)), name
        session.rollback()


def test_new_rows_are_written_once(engine: Engine) -> None:
    """No UPDATE of messages while a batch of new mail is stored, replies to stored mail
    included (on main every new row was updated with its thread after the insert)."""
    updates: list[str] = []

    def watch(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE MESSAGES"):
            updates.append(statement)

    raws = [RawMessage(data, Provenance(uid=n)) for n, data in enumerate(
        raw_mail({"id": f"m{n}", "subject": "Budget" if n < 5 else "Re: Budget",
                  "irt": f"m{n - 5}" if n >= 5 else None, "refs": [f"m{n - 5}"] if n >= 5 else [],
                  "date": T0 + timedelta(hours=n)}) for n in range(10))]
    with Session(engine) as session:
        list_id = ensure_list(session, "once", "once@x.org").id
        report = IngestReport(source="once")
        event.listen(engine, "before_cursor_execute", watch)
        try:
            store_raw_batch(session, list_id, raws[:5], report)
            store_raw_batch(session, list_id, raws[5:], report)
        finally:
            event.remove(engine, "before_cursor_execute", watch)
        session.commit()
        assert report.stored == 10 and updates == []
        threads = session.execute(select(Message.message_id, Message.thread_id)).all()
        assert None not in {thread for _, thread in threads}
