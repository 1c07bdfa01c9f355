"""Sample ISCG mails and members for the action-item tests (store and CLI), and a helper
that stores mails through the real ingest step."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import Engine, select

from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.messages import ensure_list
from iscg_mailbot.store.models_actions import ActionItem

LIST = "iscg@lists.example.int"
MEMBERS = """members:
  - {name: Ingrid Solheim, address: ingrid@example.no, role: chair}
  - {name: Klaus Brenner, address: klaus@example.de, role: representative, advisory_group: TSAG}
  - {name: Chen Lihua, address: chen@example.int, role: secretariat, organisation: TSB}
  - {name: Pierre Lefebvre, address: pierre@example.int, role: secretariat,
     advisory_group: TDAG, organisation: BDT}
"""


def action_app(engine: Engine, tmp_path: Path, actions: str = "") -> App:
    """An App on ``engine`` whose configuration holds :data:`MEMBERS` and a Geneva
    ``actions.yaml`` (plus the lines ``actions``): what the action-item tests extract and
    close against."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (config / "actions.yaml").write_text("timezone: Europe/Zurich\n" + actions,
                                         encoding="utf-8")
    return App(settings=Settings(config_dir=str(config)), engine=engine)


def mail(mid: str, sender: str, when: str, body: str, subject: str = "LS on security",
         parent: str | None = None) -> RawMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = LIST
    message["Subject"] = ("Re: " if parent else "") + subject
    message["Message-ID"] = f"<{mid}@example.org>"
    message["Date"] = format_datetime(datetime.fromisoformat(when))
    if parent:
        message["In-Reply-To"] = f"<{parent}@example.org>"
        message["References"] = f"<{parent}@example.org>"
    message.set_content(body)
    return RawMessage(bytes(message), Provenance(archive_path="test.mbox"))


LS = mail("ls1", "Chen Lihua <chen@example.int>", "2026-09-01T10:00:00+02:00", """\
Dear ISCG colleagues,

For information and action, please find below a liaison statement from ITU-T SG17.

Action required: TSAG is requested to provide comments on the draft outline by
15 September 2026.
TDAG is invited to note this document.
BDT will prepare a summary of the regional workshops by 1 December 2026.

Best regards,
Chen
""")
REPLY = mail("r1", "Klaus Brenner <klaus@example.de>", "2026-09-14T16:00:00+02:00", """\
Dear Chen,

Done: please find attached our reply, agreed by the TSAG management team.

Klaus
""", parent="ls1")
QUESTION = mail("q1", "Pierre Lefebvre <pierre@example.int>", "2026-09-02T09:00:00+02:00", """\
Hello all,

Has anyone already booked a room for the joint session in October?

Pierre
""", subject="Joint session room")
OLD = mail("old1", "Ingrid Solheim <ingrid@example.no>", "2026-08-01T09:00:00+02:00", """\
Dear all,

TSB is requested to publish the call for experts on the ISCG website.

Ingrid
""", subject="Call for experts on spectrum sharing studies")


def store(app: App, *raws: RawMessage) -> list[int]:
    with app.session() as session:
        list_id = ensure_list(session, "iscg", LIST).id
        return store_raw_batch(session, list_id, list(raws), IngestReport(source="test"))


def statuses(app: App, width: int) -> dict[str, str]:
    """Each stored item's status, keyed by the first ``width`` characters of its sentence."""
    with app.session() as session:
        return {row.sentence[:width]: row.status for row in session.scalars(select(ActionItem))}
