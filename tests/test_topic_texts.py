"""What the tagger reads of a stored thread: an automatic reply (out of office) is not
read, nor the subject of a thread only programs wrote to (it copies another thread's)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from iscg_mailbot.records import RawMessage
from iscg_mailbot.services.topics.texts import thread_texts
from iscg_mailbot.store.models import Message
from tests.action_samples import action_app, mail, store

ASK = ("Dear all,\n\nPlease send your comments on the household survey indicators by "
       "Friday.\n\nChen\n")
AWAY = "I am out of the office until 21 August and will reply on my return.\n"


def _automatic(raw: RawMessage) -> RawMessage:
    data = bytes(raw.data).replace(b"\nTo:", b"\nAuto-Submitted: auto-replied\nTo:", 1)
    return RawMessage(data, raw.provenance)


def _texts(engine: Engine, tmp_path: Path, *raws: RawMessage) -> list[tuple[str, tuple[str, ...]]]:
    app = action_app(engine, tmp_path)
    store(app, *raws)
    with app.session() as session:
        ids = sorted(set(session.scalars(select(Message.thread_id))))
        return [(t.subject, t.texts) for t in thread_texts(session, ids)]


def test_an_automatic_reply_in_a_thread_is_not_read(engine: Engine, tmp_path: Path) -> None:
    ask = mail("a1", "Chen Lihua <chen@example.int>", "2026-08-01T10:00:00+02:00", ASK,
               subject="Household survey indicators")
    away = mail("o1", "Klaus Brenner <klaus@example.de>", "2026-08-01T10:05:00+02:00", AWAY,
                subject="Household survey indicators", parent="a1")
    [(subject, texts)] = _texts(engine, tmp_path, ask, _automatic(away))
    assert subject.endswith("Household survey indicators")
    assert len(texts) == 1 and "comments" in texts[0]


def test_a_thread_of_automatic_replies_only_has_nothing_to_read(
        engine: Engine, tmp_path: Path) -> None:
    away = mail("o2", "Klaus Brenner <klaus@example.de>", "2026-08-01T10:05:00+02:00", AWAY,
                subject="Automatic reply: Household survey indicators")
    # Minimal pair: the same kind of mail written by a person is read, subject and all.
    person = mail("o3", "Pierre Lefebvre <pierre@example.int>", "2026-08-02T10:05:00+02:00",
                  AWAY, subject="Out of office: Facts and Figures 2026")
    read = _texts(engine, tmp_path, _automatic(away), person)
    assert ("", ()) in read
    [(subject, texts)] = [entry for entry in read if entry != ("", ())]
    assert "Facts and Figures" in subject and len(texts) == 1
