"""Members and mails shared by the delivery fault tests and the secrets tests."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from tests.digest_week import LIST

MEMBERS_YAML = """\
members:
  - {name: Amina Diallo, address: amina.diallo@example.org, role: chair}
  - {name: Kenji Watanabe, address: kenji.watanabe@example.org, role: representative,
     advisory_group: TSAG}
  - {name: Henrik Solberg, address: henrik.solberg@example.org, role: representative,
     advisory_group: RAG}
  - {name: Wei Zhang, address: wei.zhang@example.org, role: observer}
  - {name: Sofia Marquez, address: sofia.marquez@example.int, role: secretariat}
  - {name: Priya Raman, address: priya.raman@example.org, role: representative,
     advisory_group: TDAG, digest: off}
"""
#: The five members who get the digest, in members.yaml order (the order of sending).
MEMBERS = ("amina.diallo@example.org", "kenji.watanabe@example.org",
           "henrik.solberg@example.org", "wei.zhang@example.org", "sofia.marquez@example.int")


def mail(n: int, when: datetime, subject: str, sender: str = "Marc Dubois <marc@example.int>",
         body: str = "Please send your inputs.\n") -> bytes:
    return (f"Message-ID: <fault{n}@example.org>\r\nDate: {format_datetime(when)}\r\n"
            f"From: {sender}\r\nTo: {LIST.address}\r\nSubject: {subject}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{body}").replace("\n", "\r\n").replace("\r\r\n", "\r\n").encode()
