"""A seeded week in the database (through the real parse → store → thread pipeline) and
an App whose settings carry the delivery sections, shared by the digest and worker tests.

The week is Monday 4 to Sunday 10 March 2024, Geneva time; ``NOW`` is the Monday after.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, select

from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig, WorkerConfig
from iscg_mailbot.settings.main import ListConfig, Settings
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.messages import ensure_list
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.open_items import refresh_open_items

NOW = datetime(2024, 3, 11, 9, 0, tzinfo=UTC)
LIST = ListConfig(id="int-sect-team", address="int-sect-team@lists.itu.int",
                  name="ITU Inter-Sector Coordination Group",
                  archive_url="https://lists.example.org/arch/{message_id}")

MEMBERS_YAML = """\
members:
  - name: Amina Diallo
    address: amina.diallo@example.org
    role: chair
    digest: on
  - name: Kenji Watanabe
    address: kenji.watanabe@example.org
    role: representative
    advisory_group: TSAG
    digest: on
  - name: Henrik Solberg
    address: henrik.solberg@example.org
    role: representative
    advisory_group: RAG
    digest: on
    topics_only: [spectrum]
  - name: Priya Raman
    address: priya.raman@example.org
    role: representative
    advisory_group: TDAG
    digest: off
"""


class DeliverySettings(Settings):
    """Settings with the [smtp], [digest] and [worker] sections the lead will add."""

    smtp: SmtpConfig | None = None
    digest: DigestConfig = DigestConfig()
    worker: WorkerConfig = WorkerConfig()


def _mail(message_id: str, date: str, sender: str, subject: str, body: str,
          in_reply_to: str | None = None) -> bytes:
    headers = [
        f"Message-ID: <{message_id}>",
        f"Date: {date}",
        f"From: {sender}",
        "To: int-sect-team@lists.itu.int",
        f"Subject: {subject}",
        "List-Id: <int-sect-team.lists.itu.int>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if in_reply_to:
        headers += [f"In-Reply-To: <{in_reply_to}>", f"References: <{in_reply_to}>"]
    return ("\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()


WEEK = [
    # Started the week before; two replies in the week, one after it.
    _mail("wrc1@example.org", "Wed, 28 Feb 2024 10:00:00 +0100", "Amina Diallo <amina.diallo@example.org>",
          "WRC-27 agenda item 1.7: coordination", "Dear all,\nplease send your inputs.\n"),
    _mail("wrc2@example.org", "Tue, 05 Mar 2024 11:00:00 +0100", "Henrik Solberg <henrik.solberg@example.org>",
          "Re: WRC-27 agenda item 1.7: coordination",
          "Dear Amina,\n\nthe RAG input is attached.\nComments welcome.\n\n"
          "On Wed, 28 Feb 2024, Amina Diallo wrote:\n> Dear all,\n> please send your inputs.\n",
          in_reply_to="wrc1@example.org"),
    _mail("wrc3@example.org", "Fri, 08 Mar 2024 14:05:00 +0100", "Amina Diallo <amina.diallo@example.org>",
          "Re: WRC-27 agenda item 1.7: coordination",
          "Thanks Henrik, the secretariat will consolidate.\n\n> the RAG input is attached.\n",
          in_reply_to="wrc2@example.org"),
    _mail("wrc4@example.org", "Mon, 11 Mar 2024 08:30:00 +0100", "Kenji Watanabe <kenji.watanabe@example.org>",
          "Re: WRC-27 agenda item 1.7: coordination", "TSAG agrees.\n",
          in_reply_to="wrc3@example.org"),
    # New in the week, never answered, non-Latin subject and text.
    _mail("ai1@example.org", "Tue, 05 Mar 2024 10:30:00 +0100",
          "=?utf-8?b?RmF0aW1hIEFsLVNheWVk?= <fatima.alsayed@example.int>",
          "=?utf-8?b?2KfZhNiq2YbYs9mK2YIg2KjYtNij2YYg2KfZhNiw2YPYp9ihINin2YTYp9i12LfZhtin2LnZig==?=",
          "نرجو منكم مراجعة المسودة قبل الاجتماع القادم.\n"),
    # New in the week; the last message asks a question nobody answered.
    _mail("room1@example.org", "Wed, 06 Mar 2024 09:00:00 +0100", "Marc Dubois <marc.dubois@example.int>",
          "June meeting room", "The room is booked for 3 June.\n"),
    _mail("room2@example.org", "Thu, 07 Mar 2024 16:00:00 +0100", "Kenji Watanabe <kenji.watanabe@example.org>",
          "Re: June meeting room", "Is there remote participation?\n",
          in_reply_to="room1@example.org"),
    # Hostile content: markup in the subject, a crafted display name.
    _mail("evil1@example.org", "Sat, 09 Mar 2024 12:00:00 +0100",
          '"<img src=x onerror=alert(1)>" <eve@example.com>',
          "<script>alert('x')</script> agenda", "<b>not bold</b>\n"),
    # Before the period: not in the digest.
    _mail("old1@example.org", "Tue, 20 Feb 2024 09:00:00 +0100", "Wei Zhang <wei.zhang@example.org>",
          "SG17 liaison", "Old news.\n"),
]


def seed_week(engine: Engine, messages: list[bytes] | None = None) -> None:
    """Store the seeded week through the ingest pipeline."""
    raws = tuple(RawMessage(data=data, provenance=Provenance(archive_path="seed"))
                 for data in (WEEK if messages is None else messages))
    with session_scope(engine) as session:
        list_row = ensure_list(session, LIST.id, LIST.address, LIST.name)
        store_raw_batch(session, list_row.id, raws, IngestReport(source="seed"))


def seed_actions(engine: Engine) -> None:
    """Open, closed and non-action items, as the action feature stores them."""
    with session_scope(engine) as session:
        messages = {m.message_id: m for m in session.scalars(select(Message))}

        def item(message_id: str, sentence: str, owner: str | None, due: date | None,
                 kind: str = "action", status: str = "open") -> ActionItem:
            message = messages[message_id]
            return ActionItem(list_id=message.list_id, message_pk=message.id,
                              thread_id=message.thread_id, kind=kind, status=status,
                              sentence=sentence, span_start=len(sentence), owner=owner,
                              due=due)

        session.add_all([
            item("wrc2@example.org", "TSAG to send its comments by 1 March.", "TSAG",
                 date(2024, 3, 1)),
            item("room1@example.org", "Marc to circulate the room plan.", "Marc Dubois", None),
            item("wrc3@example.org", "Kenji to confirm the TSAG position by 20 March.",
                 "Kenji Watanabe", date(2024, 3, 20)),
            item("wrc1@example.org", "Please send your inputs.", None, date(2024, 2, 29),
                 status="done"),
            item("room2@example.org", "Is there remote participation?", "Marc Dubois", None,
                 kind="question"),
        ])
        session.flush()
        # As store/actions.py does after every write: the threads' open items counted.
        refresh_open_items(session, [m.thread_id for m in messages.values()])


def make_app(engine: Engine, config_dir: Path, *, smtp: SmtpConfig | None = None,
             digest: DigestConfig | None = None, worker: WorkerConfig | None = None,
             members: str = MEMBERS_YAML) -> App:
    """An App on ``engine`` with the seeded members.yaml in ``config_dir``."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "members.yaml").write_text(members, encoding="utf-8")
    settings = DeliverySettings(
        lists=(LIST,), config_dir=str(config_dir), smtp=smtp,
        digest=digest or DigestConfig(from_address="iscg-bot@example.org"),
        worker=worker or WorkerConfig())
    return App(settings=settings, engine=engine)
