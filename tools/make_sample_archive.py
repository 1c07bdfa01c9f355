#!/usr/bin/env python3
"""Write the sample archive shipped with iscg-mailbot: ``iscg_mailbot/data/sample-iscg.mbox``.

The archive is four months (July to October 2026) of fictional but realistic traffic on
the ITU Inter-Sector Coordination Group list int-sect-team@lists.itu.int: liaison
statements, requests with deadlines, replies that close some of them, logistics. All
people are invented; member addresses use ``example`` domains.

The texts are written out below, thread by thread. The script is deterministic (fixed
dates, Message-IDs derived from a hash of each message's key, fixed MIME boundaries),
so running it again reproduces the committed file byte for byte; tests check that.

    python tools/make_sample_archive.py [--output PATH]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import mailbox
import re
import textwrap
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.policy import default as default_policy
from email.utils import format_datetime
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"

LIST_ADDRESS = "int-sect-team@lists.itu.int"
LIST_ID = "ITU Inter-Sector Coordination Group <int-sect-team.lists.itu.int>"
LIST_TAG = "[int-sect-team] "
WRAP = 72
# Central European Summer Time ends on Sunday 25 October 2026 at 01:00 UTC.
CEST_ENDS = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)


class SpaceFoldedHeader(UnstructuredHeader):
    """A header folded at spaces the way mail clients do it.

    The stdlib folds unstructured headers differently: it turns an over-long token (a
    long Outlook message ID) into RFC 2047 encoded words, and it may move a whole
    subject to a continuation line after an empty "Subject:". Non-ASCII values are
    left to the stdlib, which encodes them as RFC 2047 encoded words.
    """

    name: str  # provided by BaseHeader, which the registry mixes in

    def fold(self, *, policy: EmailPolicy) -> str:
        value = str(self)
        if not value.isascii():
            return str(BaseHeader.fold(cast(BaseHeader, self), policy=policy))
        limit = policy.max_line_length or 78
        lines = [f"{self.name}:"]
        for token in value.split(" "):
            if len(lines[-1]) + 1 + len(token) > limit and lines[-1] != f"{self.name}:":
                lines.append("")
            lines[-1] += " " + token
        return policy.linesep.join(lines) + policy.linesep


_REGISTRY = HeaderRegistry()
for _name in ("in-reply-to", "references", "subject"):
    _REGISTRY.map_to_type(_name, cast("type[BaseHeader]", SpaceFoldedHeader))
POLICY = default_policy.clone(header_factory=_REGISTRY)


# --- people -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A list member: how they are named, where they write from and what client they use.

    ``client`` decides the reply prefix, the quoting style and the Message-ID shape.
    """

    name: str
    address: str
    client: str
    utc_offset: float
    signature: str
    european: bool = False  # follows the European summer-time change

    def offset_at(self, utc: datetime) -> timezone:
        hours = self.utc_offset - (1 if self.european and utc >= CEST_ENDS else 0)
        return timezone(timedelta(hours=hours))


def _itu_signature(name: str, title: str, unit: str, phone: str, address: str) -> str:
    return (
        f"Best regards,\n\n{name}\n{title}\n{unit}\n"
        "International Telecommunication Union (ITU)\n"
        "Place des Nations, CH-1211 Geneva 20, Switzerland\n"
        f"Tel: +41 22 730 {phone} | {address} | www.itu.int"
    )


TSB = "Telecommunication Standardization Bureau (TSB)"
BR = "Radiocommunication Bureau (BR)"
BDT = "Telecommunication Development Bureau (BDT)"
GS = "General Secretariat"

DISCLAIMER = (
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for\n"
    "the sole use of the intended recipient(s) and may contain confidential and\n"
    "privileged information. Any unauthorized review, use, disclosure or\n"
    "distribution is prohibited. If you are not the intended recipient, please\n"
    "contact the sender by reply e-mail and destroy all copies of the original\n"
    "message."
)

PEOPLE: dict[str, Person] = {
    "lucia": Person(
        "Lucia Bianchi",
        "lucia.bianchi@itu.int",
        "outlook_it",
        2,
        _itu_signature("Lucia Bianchi", "ISCG Secretariat", GS, "5511", "lucia.bianchi@itu.int"),
        european=True,
    ),
    "nadia": Person(
        "Nadia Haddad",
        "nadia.haddad@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Nadia Haddad",
            "Senior Strategic Planning Officer",
            f"Strategic Planning and Membership Department, {GS}",
            "6274",
            "nadia.haddad@itu.int",
        ),
        european=True,
    ),
    "hiroshi": Person(
        "Hiroshi Takemura",
        "hiroshi.takemura@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Hiroshi Takemura", "Counsellor, TSAG", TSB, "5862", "hiroshi.takemura@itu.int"
        ),
        european=True,
    ),
    "chen": Person(
        "Chen Lihua",
        "chen.lihua@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Chen Lihua",
            "Counsellor, ITU-T Study Group 17 (Security)",
            TSB,
            "5866",
            "chen.lihua@itu.int",
        ),
        european=True,
    ),
    "elena": Person(
        "Elena Petrova",
        "elena.petrova@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Elena Petrova",
            "Counsellor, ITU-T Study Group 16; accessibility focal point",
            TSB,
            "6131",
            "elena.petrova@itu.int",
        ),
        european=True,
    ),
    "ahmed": Person(
        "Ahmed El-Sayed",
        "ahmed.elsayed@itu.int",
        "outlook_original",
        2,
        _itu_signature(
            "Ahmed El-Sayed",
            "Programme Coordinator, Conformance and Interoperability",
            TSB,
            "5094",
            "ahmed.elsayed@itu.int",
        ),
        european=True,
    ),
    "sofia": Person(
        "Sofia Lindqvist",
        "sofia.lindqvist@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Sofia Lindqvist",
            "Counsellor, RAG and ITU-R Working Party 5D",
            f"Study Groups Department, {BR}",
            "5733",
            "sofia.lindqvist@itu.int",
        ),
        european=True,
    ),
    "rajesh": Person(
        "Rajesh Iyer",
        "rajesh.iyer@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Rajesh Iyer",
            "Senior Engineer",
            f"Space Services Department, {BR}",
            "5402",
            "rajesh.iyer@itu.int",
        ),
        european=True,
    ),
    "pierre": Person(
        "Pierre Lefebvre",
        "pierre.lefebvre@itu.int",
        "outlook_fr",
        2,
        _itu_signature(
            "Pierre Lefebvre", "Counsellor, TDAG", BDT, "5947", "pierre.lefebvre@itu.int"
        ),
        european=True,
    ),
    "amara": Person(
        "Amara Diallo",
        "amara.diallo@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Amara Diallo",
            "Emergency Telecommunications Coordinator",
            BDT,
            "5228",
            "amara.diallo@itu.int",
        ),
        european=True,
    ),
    "tomas": Person(
        "Tomás Herrera",
        "tomas.herrera@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Tomás Herrera",
            "Statistician, ICT Data and Analytics Division",
            BDT,
            "5677",
            "tomas.herrera@itu.int",
        ),
        european=True,
    ),
    "grace": Person(
        "Grace Mwangi",
        "grace.mwangi@itu.int",
        "outlook",
        2,
        _itu_signature(
            "Grace Mwangi",
            "Programme Officer, Digital Skills, Gender and Youth",
            BDT,
            "6019",
            "grace.mwangi@itu.int",
        ),
        european=True,
    ),
    "chair": Person(
        "Ingrid Solheim (ISCG Chair)",
        "ingrid.solheim@example.no",
        "thunderbird",
        2,
        "-- \nIngrid Solheim\nChair, ITU Inter-Sector Coordination Group (ISCG)\n"
        "Norwegian Communications Administration (example)\n+47 22 00 00 00",
        european=True,
    ),
    "klaus": Person(
        "Klaus Brenner (TSAG Vice-Chair)",
        "klaus.brenner@example.de",
        "outlook_de",
        2,
        "Best regards / Mit freundlichen Grüßen\n\nKlaus Brenner\nVice-Chair, TSAG\n"
        "Federal Network Administration (example), Bonn, Germany\n"
        "Tel. +49 228 0000 0000",
        european=True,
    ),
    "maria": Person(
        "María Fernández (TDAG Vice-Chair)",
        "maria.fernandez@example.gob.ar",
        "gmail",
        -3,
        "-- \nMaría Fernández\nVice-Chair, Telecommunication Development Advisory Group\n"
        "Argentine Administration (example)",
    ),
    "joao": Person(
        "João Pereira da Silva (RAG Vice-Chair)",
        "joao.silva@example.gov.br",
        "gmail",
        -3,
        "-- \nJoão Pereira da Silva\nVice-Chair, Radiocommunication Advisory Group\n"
        "Brazilian Administration (example)\nBrasília, Brazil",
    ),
    "wei": Person(
        "Zhang Wei (TSAG Vice-Chair)",
        "zhang.wei@example.cn",
        "thunderbird",
        8,
        "-- \nZHANG Wei\nVice-Chair, TSAG\nChinese Administration (example), Beijing",
    ),
    "andres": Person(
        "Andrés Gutiérrez (TDAG Vice-Chair)",
        "andres.gutierrez@example.gov.co",
        "outlook_original",
        -5,
        "Saludos cordiales / Kind regards,\n\nAndrés Gutiérrez\nVice-Chair, TDAG\n"
        "Colombian Administration (example), Bogotá D.C.",
    ),
    "fatou": Person(
        "Fatou Ndiaye (RAG Vice-Chair)",
        "fatou.ndiaye@example.sn",
        "outlook_fr",
        0,
        "Cordialement / Best regards,\n\nFatou Ndiaye\nVice-Présidente, GCR / Vice-Chair, RAG\n"
        "Administration du Sénégal (exemple), Dakar",
    ),
    "priya": Person(
        "Priya Raman (TDAG Vice-Chair)",
        "priya.raman@example.gov.in",
        "gmail",
        5.5,
        "-- \nPriya Raman\nVice-Chair, TDAG\nIndian Administration (example), New Delhi",
    ),
    "yuki": Person(
        "Yuki Sato (RAG Vice-Chair)",
        "yuki.sato@example.go.jp",
        "thunderbird",
        9,
        "-- \nYuki SATO\nVice-Chair, RAG\nJapanese Administration (example), Tokyo",
    ),
    "james": Person(
        "James Whitfield",
        "james.whitfield@example-telecom.com",
        "outlook_original",
        -4,
        "Regards,\n\nJames Whitfield\nDirector, Standards and Spectrum Policy\n"
        "Example Telecom Inc. (ITU-T and ITU-R Sector Member)\n"
        "Washington, DC, USA\n\n" + DISCLAIMER,
    ),
    "omar": Person(
        "Omar Khalil",
        "omar.khalil@example.edu.eg",
        "gmail",
        3,
        "-- \nDr. Omar Khalil\nAssociate Professor, Faculty of Engineering\n"
        "Example University, Cairo (ITU Academia member)",
    ),
    "luis": Person(
        "Luis Ramírez",
        "luis.ramirez@example.gob.mx",
        "gmail",
        -6,
        "-- \nLuis Ramírez\nVice-Chair, ITU-D Study Group 2\nMexican Administration (example)",
    ),
    "docs": Person("ITU Documents", "no-reply@itu.int", "robot", 2, "", european=True),
}


# --- message specifications ---------------------------------------------------------------


@dataclass(frozen=True)
class Forwarded:
    """A message from outside the list, forwarded in the body of a list message."""

    name: str
    address: str
    when: str  # "YYYY-MM-DD HH:MM +HHMM"
    to: str
    subject: str
    body: str


@dataclass
class Mail:
    """One list message as written by a person; see :func:`mail` for the options."""

    key: str
    sender: str
    when: str
    body: str
    subject: str | None = None
    parent: str | None = None
    prefix: str | None = None
    quote: bool = True
    threading: str = "full"  # "full", "irt" (In-Reply-To only) or "none"
    message_id: bool = True
    cc: tuple[str, ...] = ()
    kind: str = "plain"  # "plain", "html", "alternative", "latin1"
    attachment: tuple[str, bytes] | None = None
    delivered: str | None = None  # delivery time when held (e.g. for moderation)
    tag: bool = True
    forward: Forwarded | None = None
    sign: bool = True
    html: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


MAILS: list[Mail] = []


def mail(key: str, sender: str, when: str, body: str, **options: object) -> None:
    """Add a message. ``when`` is the sender's local time, "YYYY-MM-DD HH:MM"."""
    MAILS.append(Mail(key, sender, when, body, **options))  # type: ignore[arg-type]


# A minimal, valid one-page PDF standing in for a TSAG temporary document.
FAKE_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
    b"4 0 obj << /Length 88 >> stream\n"
    b"BT /F1 14 Tf 72 770 Td (TSAG-TD409: Reply LS to RAG on Resolution 191) Tj ET\n"
    b"endstream endobj\n"
    b"5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)


# ==========================================================================================
# The traffic, thread by thread (roughly in the order the threads start).
# ==========================================================================================

# --- T01 Convening of the September meeting (logistics, no topic) -------------------------

mail(
    "t01a",
    "lucia",
    "2026-07-01 10:12",
    """
Dear ISCG members,

On behalf of the Chair, Ms Ingrid Solheim, I am pleased to inform you that the next meeting of the Inter-Sector Coordination Group will be held virtually on Wednesday, 9 September 2026, from 13:00 to 16:00 CEST (Geneva time).

Draft agenda:

1. Opening of the meeting and adoption of the agenda
2. Review of action items from the previous meeting (ISCG-26/1)
3. Updates from the advisory groups (RAG, TSAG, TDAG)
4. Mapping of topics of mutual interest
5. Preparations for PP-26
6. Any other business

Contributions should reach the secretariat (iscg@itu.int) by 24 July 2026 so that they can be posted in time. Registration is open until 2 September 2026; the Zoom link will be sent to registered participants only.
""",
    subject="ISCG meeting, 9 September 2026 (virtual): convening letter and draft agenda",
)

mail(
    "t01b",
    "klaus",
    "2026-07-02 09:40",
    """
Dear Lucia,

Thank you. TSAG would like to report under item 3 on the review of WTSA-24 Resolution 18 that the TSAG management team started in June. I will send a short contribution (two pages at most) by 24 July.

Could the agenda also foresee ten minutes for the follow-up of the liaison from ITU-T SG17 on cybersecurity capacity building?
""",
    parent="t01a",
)

mail(
    "t01c",
    "yuki",
    "2026-07-03 16:05",
    """
Dear Lucia,

Thank you for the invitation. 13:00 CEST is 20:00 in Tokyo, which is fine for us.

Will interpretation be provided, or will the meeting be held in English only? Some RAG colleagues asked me.

Best regards,
Yuki
""",
    parent="t01a",
    sign=True,
)

mail(
    "t01d",
    "lucia",
    "2026-07-06 11:30",
    """
Dear Yuki,

As for previous ISCG meetings, the meeting will be held in English only, without interpretation. Participants may of course send written comments in any of the six official languages and the secretariat will arrange the translation.

I will circulate a revised agenda including Klaus's item after the contribution deadline.
""",
    parent="t01c",
)

mail(
    "t01e",
    "lucia",
    "2026-07-27 09:05",
    """
Dear ISCG members,

Please find below the revised draft agenda (ISCG-26/2/1 Rev.1). Changes from the first version are marked with [new].

1. Opening of the meeting and adoption of the agenda
2. Review of action items from the previous meeting (ISCG-26/1)
3. Updates from the advisory groups (RAG, TSAG, TDAG)
   3bis. TSAG review of WTSA-24 Resolution 18 (ISCG-26/2/3) [new]
   3ter. Follow-up of the ITU-T SG17 liaison on cybersecurity capacity building [new]
4. Mapping of topics of mutual interest (ISCG-26/2/4)
5. Preparations for PP-26: draft report on Resolution 191 (Rev. Dubai, 2018)
6. Any other business

Four contributions were received and are now posted on the ISCG SharePoint site. Registration remains open until 2 September 2026.
""",
    parent="t01a",
)

# --- T02 LS from ITU-T SG17 on cybersecurity capacity building --------------------------

mail(
    "t02a",
    "chen",
    "2026-07-07 14:20",
    """
Dear colleagues,

For information and action as appropriate, please find below the text of a liaison statement agreed by ITU-T Study Group 17 at its meeting in Geneva (22 June - 3 July 2026). It is addressed to TDAG and to ITU-D Study Group 2, with ISCG in copy.

                        LIAISON STATEMENT

Source:   ITU-T Study Group 17 (Security)
Title:    Cybersecurity capacity building and the implementation of ITU-T security Recommendations in developing countries
For:      Action: TDAG, ITU-D SG2 Question 3/2; Information: ISCG
Deadline: 15 September 2026
Contact:  Chen Lihua, TSB Counsellor SG17 (chen.lihua@itu.int)

Abstract:
SG17 has started a new work item on guidelines for establishing and running national computer incident response teams (CIRTs). This liaison statement asks ITU-D for information on capacity building needs in developing countries, so that the guidelines can address them from the start.

Summary:
In line with Resolution 130 (Rev. Bucharest, 2022) and WTDC Resolution 45 (Rev. Kigali, 2022), SG17 wishes to avoid duplication with ITU-D SG2 Question 3/2 (Securing information and communication networks) and to reuse the case studies already collected by ITU-D. The draft outline of the guidelines is in the Annex.

Action required: TDAG is invited to note this document and provide guidance as deemed appropriate. ITU-D SG2 Question 3/2 is requested to provide comments on the draft outline by 15 September 2026.

Annex: Draft outline of the guidelines (SG17-TD1123)

The full liaison is also available as SG17-LS45 on the SG17 web page.
""",
    subject="LS from ITU-T SG17 on cybersecurity capacity building in developing countries (SG17-LS45)",
    cc=("pierre", "priya"),
)

mail(
    "t02b",
    "pierre",
    "2026-07-08 09:10",
    """
Dear Chen,

Thank you, noted. BDT will register the liaison as an input document to TDAG (TDAG-25/4) and will forward it today to the Rapporteur and Vice-Rapporteurs of Question 3/2.

Since the next Question 3/2 meeting is only in October, we may need to reply through a correspondence group rather than in a meeting. I will come back to you on the procedure.
""",
    parent="t02a",
)

mail(
    "t02c",
    "priya",
    "2026-07-10 12:45",
    """
Dear Chen, dear Pierre,

Thank you for sharing. Question 3/2 has already collected more than forty national CIRT case studies for its 2026 output report, and the Global Cybersecurity Index questionnaire asks Member States similar questions. I would suggest that SG17 and Question 3/2 hold a short joint session rather than exchanging several rounds of liaisons: it would save time for everybody.

Could SG17 share the list of topics it expects from ITU-D?

Best,
Priya
""",
    parent="t02a",
)

mail(
    "t02d",
    "chen",
    "2026-07-13 10:02",
    """
Dear Priya,

A joint session is a very good idea. The SG17 management team agreed to offer a two-hour joint session with Question 3/2 during the next SG17 meeting (remote participation will be possible). The list of topics is in section 3 of the draft outline; in short, the staffing of a national CIRT, incident information sharing and training.
""",
    parent="t02c",
    threading="irt",
)

mail(
    "t02e",
    "pierre",
    "2026-09-11 17:20",
    """
Dear Chen, dear colleagues,

We have sent the liaison: the reply from ITU-D Study Group 2 (SG2-LS12) went to SG17 on 10 September 2026, after agreement by correspondence in Question 3/2. TDAG noted the original liaison and supports the joint session proposed by Priya.

This closes ISCG action item 26/1-4 from our side.
""",
    parent="t02a",
)

# --- T03 LS from ITU-R WP 5D on IMT-2030 -------------------------------------------------

mail(
    "t03a",
    "sofia",
    "2026-07-09 10:00",
    """
Dear ISCG colleagues,

ITU-R Working Party 5D, at its meeting in June 2026, sent the following liaison statement to TSAG, with copy to ITU-T Study Groups 11 and 13 and to ISCG. I share it here for information.

                        LIAISON STATEMENT

Source:   ITU-R Working Party 5D (IMT Systems)
Title:    Terms and definitions for IMT-2030 and the AI-native air interface
For:      Information
Contact:  Sofia Lindqvist, BR (sofia.lindqvist@itu.int)

Summary:
WP 5D informs TSAG of its progress on the technical performance requirements of IMT-2030 (6G), following Recommendation ITU-R M.2160 on the IMT-2030 framework, and of a draft list of terms, including "AI-native air interface", "integrated sensing and communication" and "ubiquitous connectivity". WP 5D would welcome alignment of the terminology used by ITU-T for networks beyond IMT-2030.

Action required: TSAG is invited to note this liaison statement and to forward it to ITU-T Study Groups 11 and 13 as appropriate. No reply is expected.

Attachment: WP 5D list of IMT-2030 terms (5D/TEMP/412)
""",
    subject="LS from ITU-R WP 5D: IMT-2030 terms and the AI-native air interface (for information)",
)

mail(
    "t03b",
    "wei",
    "2026-07-10 21:30",
    """
Sofia, all,

On 09/07/2026 10:00, Sofia Lindqvist wrote:
> WP 5D would welcome alignment of the terminology used by ITU-T for
> networks beyond IMT-2030.

Thank you. ITU-T SG13 is working on the requirements of networks beyond IMT-2030 and already uses "AI-native" in two draft Recommendations, not always with the meaning WP 5D gives to it. I propose that the SG13 and WP 5D rapporteurs meet online before the end of September to compare the definitions; SG13 could then reply with a short liaison.

> Action required: TSAG is invited to note this liaison statement

Yes. TSAG will note it at its October meeting.

Best regards,
Wei
""",
    parent="t03a",
    quote=False,
)

mail(
    "t03c",
    "hiroshi",
    "2026-07-10 16:15",
    """
Dear Sofia,

Thank you. The liaison is registered as TSAG-TD398 and has been forwarded to the SG11 and SG13 secretariats. TSAG will be invited to note it at its next meeting.
""",
    parent="t03a",
)

mail(
    "t03d",
    "james",
    "2026-07-14 08:55",
    """
Dear colleagues,

Speaking as an observer for a Sector Member active in both ITU-R and ITU-T: industry strongly supports the alignment of 6G terminology across the two Sectors. Our engineers currently track three different definitions of "AI-native", which is costly and confusing for implementers.

We would also caution against any terminology that presumes a particular spectrum arrangement for IMT-2030 before the WRC-27 studies are concluded.

We would be happy to contribute to the joint SG13 / WP 5D discussion suggested by Mr Zhang.
""",
    parent="t03b",
    kind="alternative",
)

mail(
    "t03e",
    "yuki",
    "2026-07-15 18:20",
    """
Dear Sofia,

For RAG, I would add that the next WP 5D meeting is in October and that contributions for it are due by 2026-10-05. If SG13 replies with a liaison, it would be useful to receive it before that date.

Best regards,
Yuki
""",
    parent="t03a",
)

mail(
    "t03f",
    "sofia",
    "2026-07-20 14:00",
    """
Dear all,

Thank you for the comments. The WP 5D Chair welcomes the proposal for an online meeting of the rapporteurs; I am in contact with the SG13 secretariat to find a date in September. I will report on the outcome at the ISCG meeting on 9 September.
""",
    parent="t03a",
)

# --- T04 Early warnings and emergency telecommunications ----------------------------------

mail(
    "t04a",
    "amara",
    "2026-07-14 11:00",
    """
Dear colleagues,

ITU leads the third pillar (warning dissemination and communication) of the UN Early Warnings for All initiative. BDT is preparing the 2026 progress report, which will also feed the report on Resolution 136 (Rev. Bucharest, 2022) on the use of telecommunications/ICTs for humanitarian assistance and for monitoring and management in emergency and disaster situations.

To present a complete picture of ITU's work, I would be grateful if BR and TSB could send within two weeks a short list (half a page) of their 2026 activities on emergency telecommunications, for example:

- ITU-R: satellite and terrestrial radiocommunications for disaster relief, frequencies for public protection and disaster relief (PPDR);
- ITU-T: the Common Alerting Protocol (Recommendation ITU-T X.1303 bis), emergency numbers and network resilience;
- ITU-D: National Emergency Telecommunication Plans (NETPs) and the deployment of emergency equipment.

The report will be shared with the ISCG before publication.
""",
    subject="Early Warnings for All: ITU-R and ITU-T inputs to the 2026 progress report (Resolution 136)",
)

mail(
    "t04b",
    "rajesh",
    "2026-07-16 15:30",
    """
Dear Amara,

Thank you.

From the BR side, I will send by 28 July a short note on the satellite services used for disaster relief (including the updated handbook on the use of satellite systems in emergencies), the work of ITU-R WP 4B and the frequency bands identified for PPDR. Would half a page per Sector be enough, or do you also want figures?
""",
    parent="t04a",
)

mail(
    "t04c",
    "elena",
    "2026-07-17 10:20",
    """
Dear Amara,

TSB will contribute as well. In addition to the Common Alerting Protocol, please note the ongoing SG16 work on accessible emergency communications for persons with disabilities, which is relevant to the "reach everyone" principle of Early Warnings for All.

My colleagues in SG2 and SG20 will send their inputs through me next week.
""",
    parent="t04a",
)

mail(
    "t04d",
    "andres",
    "2026-07-21 09:15",
    """
Dear Amara, dear colleagues,

Colombia will host the regional workshop on National Emergency Telecommunication Plans for the Americas in Bogotá on 14-15 October 2026, organized with the BDT Regional Office for the Americas.

We would very much appreciate speakers from BR (satellite for disaster relief) and TSB (early-warning alerting standards). Remote presentations are possible. Could you please let me know the names before the end of August?
""",
    parent="t04a",
)

mail(
    "t04e",
    "rajesh",
    "2026-07-22 10:10",
    """
Dear Andrés,

I would be glad to present remotely on the regulatory aspects of satellite communications for disaster relief. Please count me in for the 14 October session.
""",
    parent="t04d",
)

mail(
    "t04f",
    "amara",
    "2026-07-29 16:40",
    """
Dear all,

Thank you: the inputs from BR and TSB were received in time and are now integrated in the draft progress report (ISCG-26/2/6). The report was sent to the WMO and UNDRR coordinators of Early Warnings for All yesterday.

From the BDT side, the NETP workshop in Bogotá is now confirmed with Rajesh as BR speaker; TSB will confirm its speaker later.
""",
    parent="t04a",
)

# --- T05 E-waste and climate change (with ICT statistics) ---------------------------------

mail(
    "t05a",
    "tomas",
    "2026-07-20 10:30",
    """
Dear colleagues,

BDT is starting the data collection for the next Global E-waste Monitor, together with UNITAR. In line with Resolution 182 (Rev. Bucharest, 2022) on the role of telecommunications/ICTs in regard to climate change and the protection of the environment, we would like to coordinate with ITU-T Study Group 5, whose Recommendations on the circular economy and e-waste statistics (ITU-T L.1000-series) we use as methodology.

Concretely, we propose:

1. a common set of definitions for e-waste indicators, agreed with SG5;
2. a joint session at the SG5 meeting in October;
3. a section of the Monitor describing the standards used.

Comments are welcome before 10 August.
""",
    subject="Global E-waste Monitor 2026: coordination with ITU-T Study Group 5",
)

mail(
    "t05b",
    "hiroshi",
    "2026-07-21 13:10",
    """
Dear Tomás,

On behalf of my colleague in the SG5 secretariat, who is on mission this week: SG5 welcomes the proposal. The SG5 management team suggests holding the joint session on the afternoon of the first day of the October meeting, and asks BDT to send a short liaison with the draft list of indicators beforehand.
""",
    parent="t05a",
)

mail(
    "t05c",
    "klaus",
    "2026-07-23 08:50",
    """
Dear Tomás,

Germany supports this coordination. Our national statistics office reports e-waste collection data under the European WEEE rules; it would be useful if the indicators in the Monitor remained comparable with these data. I can put you in contact with the relevant experts.
""",
    parent="t05a",
)

mail(
    "t05d",
    "tomas",
    "2026-08-03 11:00",
    """
Dear Hiroshi, dear Klaus,

Thank you both. The liaison to SG5 with the draft indicators was sent on 31 July, and the joint session is now in the draft SG5 agenda. Klaus, I will contact you separately about the WEEE data.

The questionnaire to Member States will be sent in September, with a deadline of 30 November 2026.
""",
    parent="t05a",
)

# --- T19 Strategic Plan 2028-2031 -------------------------------------------------------

mail(
    "t19a",
    "nadia",
    "2026-07-15 16:00",
    """
Dear ISCG members,

As you know, the Council Working Group on Strategic and Financial Plans (CWG-SFP) is finalizing the draft Strategic Plan of the Union for 2028-2031, which will be submitted to PP-26 under Resolution 71 (Rev. Bucharest, 2022).

The CWG-SFP Chair has asked for consolidated inputs from the three Sector advisory groups on:

(a) the Sector-specific outcomes and key performance indicators;
(b) the inter-Sector "enablers", in particular the coordination mechanisms under Resolution 191 (Rev. Dubai, 2018);
(c) the risks identified for the period.

Please send the inputs of RAG, TSAG and TDAG to the CWG-SFP secretariat (cwg-sfp@itu.int) by 2026-09-15 at the latest. Inputs received after that date cannot be reflected in the version sent to Member States.
""",
    subject="Draft Strategic Plan 2028-2031: inputs from RAG, TSAG and TDAG requested by 2026-09-15",
)

mail(
    "t19b",
    "klaus",
    "2026-07-16 08:30",
    """
Dear Nadia,

Thank you. The TSAG management team will prepare its input at its meeting on 3 September and send it right afterwards. We will focus on (a) and (b); TSAG has few comments on the risks.
""",
    parent="t19a",
)

mail(
    "t19c",
    "maria",
    "2026-07-20 09:10",
    """
Hello Nadia,

TDAG will reply too. Could you confirm whether the KPIs should follow the template used in the current plan (Council document C26/35), or whether CWG-SFP expects a new format? TDAG members asked me last week.

Thanks,
María
""",
    parent="t19a",
)

mail(
    "t19d",
    "joao",
    "2026-07-21 14:30",
    """
Dear Nadia,

For RAG, I will coordinate with my fellow Vice-Chairs and the BR. Since RAG does not meet before the deadline, we will agree on the text by correspondence. I expect to need until mid-September.

Best,
João
""",
    parent="t19a",
)

mail(
    "t19e",
    "nadia",
    "2026-09-16 11:00",
    """
Dear colleagues,

Thank you for the inputs from TSAG and TDAG, which were received before the deadline. The RAG input is still pending; the CWG-SFP Chair has agreed to wait until 25 September, but not later.

María, to answer your earlier question: please keep the current template.
""",
    parent="t19a",
)

mail(
    "t19f",
    "joao",
    "2026-09-24 18:10",
    """
Dear Nadia,

The RAG input was sent to the CWG-SFP secretariat today, after agreement by correspondence among the RAG Vice-Chairs. Thank you for your patience.

Best regards,
João
""",
    parent="t19e",
)

# --- T23 SharePoint access (logistics) -------------------------------------------------

mail(
    "t23a",
    "lucia",
    "2026-07-16 11:00",
    """
Dear ISCG members,

The ISCG SharePoint site has moved to the new ITU collaboration platform. Members who joined the group this year need an ITU account to access it. If you do not have one, please create it on the ITU user account page and send me your user name so that I can give you access.

The previous address will stop working on 31 July 2026.
""",
    subject="ISCG SharePoint site: access for new members",
)

mail(
    "t23b",
    "andres",
    "2026-07-17 08:05",
    """
Dear Lucia,

I created my ITU account last week (user name: agutierrez.co) but the site still tells me that I have no access. Could you please check?
""",
    parent="t23a",
)

mail(
    "t23c",
    "lucia",
    "2026-07-17 15:40",
    """
Dear Andrés,

Apologies, your account had been added to the wrong group. It is now fixed; please try again and let me know if it still does not work.
""",
    parent="t23b",
)

# --- T24 Focal points for the mapping exercise (logistics) ---------------------------------

mail(
    "t24a",
    "chair",
    "2026-07-21 09:00",
    """
Dear all,

To prepare the mapping of topics of mutual interest for our September meeting, I would like each advisory group and each Bureau to nominate one focal point. The focal points will check the entries of the mapping table that concern their group.

Please reply to the list by Friday with the name of your focal point.

Many thanks,
Ingrid
""",
    subject="Nominations of focal points for the mapping exercise, reply by Friday",
)

mail(
    "t24b",
    "yuki",
    "2026-07-22 17:10",
    """
Dear Ingrid,

For RAG, I will be the focal point, with João as alternate.

Best regards,
Yuki
""",
    parent="t24a",
)

mail(
    "t24c",
    "priya",
    "2026-07-23 13:00",
    """
Hi Ingrid,

TDAG: I will do it.

Priya
""",
    parent="t24a",
    sign=False,
)

mail(
    "t24d",
    "maria",
    "2026-07-24 10:30",
    """
Dear Ingrid,

Just to add that I will support Priya for TDAG, in particular for the entries on digital inclusion.

Best,
María
""",
    parent="t24a",
    threading="none",
    quote=False,
)

# --- T06 Child online protection ---------------------------------------------------------

mail(
    "t06a",
    "grace",
    "2026-07-22 14:00",
    """
Dear colleagues,

BDT is coordinating the 2026 update of the ITU Guidelines on Child Online Protection (COP), in line with Resolution 179 (Rev. Bucharest, 2022) and with the guidance of the Council Working Group on Child Online Protection.

We would like each Sector to review the chapter on technical measures and to suggest references to relevant ITU-R and ITU-T work (for example on age assurance, parental controls or content classification).

Please send your input by 15/09/2026, using the comment template on the ISCG SharePoint site.
""",
    subject="Child Online Protection guidelines 2026: Sector input requested by 15/09/2026",
)

mail(
    "t06b",
    "klaus",
    "2026-07-23 17:45",
    """
Dear Grace,

Thank you. From TSAG, we will ask SG17 (security aspects) and SG16 (content and accessibility) to look at the technical chapter. I expect a combined TSB reply in early September.
""",
    parent="t06a",
)

mail(
    "t06c",
    "fatou",
    "2026-07-27 10:30",
    """
Dear Grace,

ITU-R has little direct work on child online protection, but ITU-R Study Group 6 has discussed content labelling in broadcasting, which may be of interest. I will check with the BR whether a short contribution is possible.
""",
    parent="t06a",
)

mail(
    "t06d",
    "grace",
    "2026-09-16 09:30",
    """
Dear colleagues,

Thank you: the TSB input (from SG16 and SG17) was received on 11 September and is very helpful.

The input from the ITU-R side is still missing. Fatou, Sofia, could you let me know whether we can still expect something? We will send the draft to the editorial team at the end of September.
""",
    parent="t06a",
)

mail(
    "t06e",
    "sofia",
    "2026-09-18 15:10",
    """
Dear Grace,

Yes: the BR will send a short input on content labelling in broadcasting by the end of September. Apologies for the delay.
""",
    parent="t06d",
)

# --- T29 LS from RAG on Resolution 191 (with the TSAG reply as a PDF) ---------------------

mail(
    "t29a",
    "sofia",
    "2026-07-24 15:00",
    """
Dear ISCG colleagues,

Please find below a liaison statement from the Radiocommunication Advisory Group, addressed to TSAG and TDAG, with copy to ISCG.

                        LIAISON STATEMENT

Source:   Radiocommunication Advisory Group (RAG)
Title:    Coordination under Resolution 191 (Rev. Dubai, 2018) and the joint ISCG work plan for 2027
For:      Action: TSAG; Information: TDAG, ISCG
Deadline: 15 September 2026
Contact:  Sofia Lindqvist, BR (sofia.lindqvist@itu.int)

Summary:
RAG reviewed the draft joint ISCG work plan for 2027 (document RAG-C/12) and proposes that the three advisory groups exchange, twice a year, a list of the Questions and work items of mutual interest, using the ISCG mapping table as a common format.

Action required: TSAG is requested to provide comments by 15 September 2026 on the proposed common format. TDAG is invited to note this document and provide guidance as deemed appropriate.
""",
    subject="LS from RAG: coordination under Resolution 191 and the 2027 ISCG work plan (RAG-C/12)",
    cc=("hiroshi", "pierre"),
)

mail(
    "t29b",
    "hiroshi",
    "2026-07-27 11:20",
    """
Dear Sofia,

Thank you, noted. The TSAG management team will prepare a reply at its meeting on 3 September; the draft reply will be posted as TSAG-TD409.
""",
    parent="t29a",
)

mail(
    "t29c",
    "yuki",
    "2026-07-28 16:30",
    """
Dear Hiroshi, dear Sofia,

Thank you. RAG Vice-Chairs would appreciate it if the reply could also say whether TSAG agrees to a twice-yearly exchange or prefers an annual one.

Best regards,
Yuki
""",
    parent="t29b",
)

mail(
    "t29d",
    "hiroshi",
    "2026-09-10 18:00",
    """
Dear Sofia, dear Yuki,

Done — please find attached our reply, TSAG-TD409 (reply liaison statement from TSAG to RAG on coordination under Resolution 191), as agreed by the TSAG management team. In short: TSAG agrees with the common format and prefers a twice-yearly exchange, aligned with the ISCG meetings.

The reply will also be presented at the ISCG meeting tomorrow under agenda item 5.
""",
    parent="t29a",
    attachment=("TSAG-TD409.pdf", FAKE_PDF),
)

mail(
    "t29e",
    "sofia",
    "2026-09-11 09:15",
    """
Dear Hiroshi,

Thank you, received. The reply will be presented to RAG at its next meeting.
""",
    parent="t29d",
)

# --- T21 WTSA-24 Resolution 18 review ------------------------------------------------------

mail(
    "t21a",
    "klaus",
    "2026-07-28 10:45",
    """
Dear colleagues,

WTSA-24 revised Resolution 18 (Rev. New Delhi, 2024) on the principles and procedures for the allocation of work to, and strengthening coordination and cooperation among, ITU-R, ITU-T and ITU-D. TSAG has started to review the inter-Sector mapping of study Questions that the Resolution asks for.

The draft mapping (ISCG-26/2/3) lists 27 ITU-T Questions that overlap with ITU-R or ITU-D Questions. I would be grateful if BR and BDT could check the entries that concern their Sector before the next TSAG meeting, and send their comments to me by 15.09.2026.

Areas with the largest overlap are IMT and future networks, cybersecurity, and the environment.
""",
    subject="WTSA-24 Resolution 18: review of the inter-Sector mapping of Questions, comments by 15.09.2026",
)

mail(
    "t21b",
    "sofia",
    "2026-07-29 14:20",
    """
Dear Klaus,

Thank you. The BR will check the entries for ITU-R Study Groups 1, 4, 5 and 6. One quick remark: the mapping still lists the Questions of the previous ITU-R study period; the new Questions approved by RA-23 should be used instead.
""",
    parent="t21a",
)

mail(
    "t21c",
    "pierre",
    "2026-07-30 09:30",
    """
Dear Klaus,

BDT will check the ITU-D entries. The ITU-D Questions for 2026-2029 were adopted at WTDC-25, so some entries will need to be updated as well. I will send you the comments by the deadline.
""",
    parent="t21a",
)

mail(
    "t21d",
    "wei",
    "2026-08-03 19:40",
    """
Dear Klaus,

For the IMT and future networks lines, please also include the new SG13 Question on AI-native networks: it overlaps with WP 5D and with the ITU-D work on AI capacity building.

Best regards,
Wei
""",
    parent="t21a",
)

mail(
    "t21e",
    "klaus",
    "2026-09-15 17:05",
    """
Dear colleagues,

Thank you all for the comments received from the BR, the BDT and Wei. The updated mapping is posted as ISCG-26/2/3 Rev.1. We have sent the liaison to RAG and TDAG with the revised mapping, so that both groups can consider it at their next meetings.

The item is closed for TSAG until the next review.
""",
    parent="t21a",
)

# --- T22 WRC-27 direct-to-device (the reply arrives before its parent) --------------------

mail(
    "t22a",
    "rajesh",
    "2026-08-06 09:30",
    """
Dear colleagues,

For information of ITU-D colleagues: studies under WRC-27 agenda item 1.13 (possible new allocations to the mobile-satellite service for direct connectivity between space stations and IMT user equipment) are now well advanced in ITU-R Working Party 4C and in the related task groups.

Many developing countries have asked the BR about the implications for rural coverage and for national spectrum management. The BR plans an information session for ITU-D members, possibly during the ITU-D Study Group 1 meetings, and would welcome suggestions on the format.
""",
    subject="WRC-27 agenda item 1.13 (direct-to-device satellite): information for ITU-D members",
    delivered="2026-08-07 17:05",
)

mail(
    "t22b",
    "joao",
    "2026-08-07 08:45",
    """
Dear Rajesh,

Thank you, very timely. Brazil would support an information session; a short webinar in English, French and Spanish would reach more regulators than a session during the study group meeting.

From the RAG side, we could ask WP 4C to prepare a short non-technical summary.

Best,
João
""",
    parent="t22a",
)

mail(
    "t22c",
    "priya",
    "2026-08-10 15:30",
    """
Dear Rajesh, dear João,

Agree with the webinar. Please also cover the coordination with terrestrial IMT networks in neighbouring countries; this is what our regulators ask most often.

Best,
Priya
""",
    parent="t22b",
)

mail(
    "t22d",
    "rajesh",
    "2026-08-11 11:10",
    """
Dear João, dear Priya,

Thank you. We will organize a webinar with interpretation in October; the date will be announced on this list. Cross-border coordination with terrestrial IMT networks will be one of the main topics.
""",
    parent="t22a",
)

# --- T07 ICT accessibility ---------------------------------------------------------------

mail(
    "t07a",
    "elena",
    "2026-08-03 15:00",
    """
Dear colleagues,

The three Bureaux prepare every year a joint report to Council on the implementation of Resolution 175 (Rev. Bucharest, 2022) on telecommunication/ICT accessibility for persons with disabilities and persons with specific needs.

This year the Joint Coordination Activity on Accessibility and Human Factors (JCA-AHF) suggests a common structure: (1) standards, (2) capacity building, (3) ITU's own accessibility (meetings, documents, website). I would be grateful if BR and BDT could send their sections by 21 August 2026.
""",
    subject="Joint report on Resolution 175 (ICT accessibility): sections requested by 21 August 2026",
)

mail(
    "t07b",
    "grace",
    "2026-08-04 10:10",
    """
Dear Elena,

BDT will send its section on time. It will cover the ICT accessibility self-paced courses offered through the ITU Academy and the Digital Transformation Centres, the accessibility assessments carried out in three countries, and the accessibility toolkit update.
""",
    parent="t07a",
)

mail(
    "t07c",
    "joao",
    "2026-08-05 09:20",
    """
Hi Elena,

For the ITU-R part, please remember the Study Group 6 work on captioning, audio description and accessible broadcasting services. I will ask the BR to include it in their section.

Best,
João
""",
    parent="t07a",
)

mail(
    "t07d",
    "elena",
    "2026-08-20 11:45",
    """
Dear all,

Thank you. The BDT and BR sections were received and the consolidated draft is posted as ISCG-26/2/5. Comments are welcome until 2026-08-31; the report will then go to the Council secretariat.
""",
    parent="t07a",
)

# --- T08 Conformance and interoperability ------------------------------------------------

mail(
    "t08a",
    "ahmed",
    "2026-08-05 14:30",
    """
Dear colleagues,

Under Resolution 177 (Rev. Bucharest, 2022) and WTSA Resolution 76 (Rev. New Delhi, 2024), the Conformance and Interoperability (C&I) programme supports the establishment of test labs in developing countries. For 2026-2027, TSB and BDT plan a twinning programme that pairs experienced test labs with new ones.

We are looking for (a) labs willing to act as mentors and (b) countries interested in hosting a new lab. The programme will also cover training on the ITU-T Q.3900-series testing Recommendations.

Please send expressions of interest to tsbci@itu.int.
""",
    subject="Conformance and interoperability: test lab twinning programme 2026-2027",
)

mail(
    "t08b",
    "priya",
    "2026-08-06 19:05",
    """
Dear Ahmed,

India's national telecommunications testing centre would be interested in acting as a mentor lab, in particular for mobile device testing. I will ask them to send a formal expression of interest.

Best,
Priya
""",
    parent="t08a",
)

mail(
    "t08c",
    "andres",
    "2026-08-10 08:40",
    """
Dear Ahmed,

Several administrations in the Americas region would be interested in hosting a lab, but the main obstacle is the training of staff. Could the programme include remote training in Spanish?
""",
    parent="t08a",
)

mail(
    "t08d",
    "ahmed",
    "2026-08-11 09:00",
    """
Dear Priya, dear Andrés,

Thank you, both points will be included in the programme document. Remote training in Spanish is possible with the support of the BDT Regional Office for the Americas.

To finalize the programme document, please confirm your focal points by Friday (14 August).
""",
    parent="t08a",
)

# --- T25 Mapping table of topics of mutual interest ----------------------------------------

mail(
    "t25a",
    "chair",
    "2026-08-10 10:00",
    """
Dear all,

Thank you to the focal points for their work. The draft mapping table of topics of mutual interest (version 3) is on the SharePoint site as ISCG-26/2/4. It now has 19 topics, from IMT-2030 and spectrum matters to digital financial services and e-health. For each topic it lists the study groups, Questions and groups of the three Sectors, and the contact points in the Bureaux.

Please check the rows that concern you and send corrections before the meeting on 9 September. The table will then be annexed to our report to Council.

Best regards,
Ingrid
""",
    subject="Mapping table of topics of mutual interest: draft v3 for review",
)

mail(
    "t25b",
    "sofia",
    "2026-08-11 13:45",
    """
Dear Ingrid,

Thank you. Two corrections from the BR: the row on intelligent transport systems should list ITU-R WP 5A instead of WP 5D, and the row on emergency telecommunications should also list WP 4B.
""",
    parent="t25a",
)

mail(
    "t25c",
    "pierre",
    "2026-08-12 09:30",
    """
Dear Ingrid,

For the ITU-D rows, please use the new Question numbers adopted at WTDC-25. I have sent the list to the focal points in a separate message.
""",
    parent="t25a",
)

mail(
    "t25d",
    "wei",
    "2026-08-13 21:00",
    """
Dear Ingrid,

I would suggest adding a row on artificial intelligence: it is discussed in at least three threads on this list, and it appears in the work of SG13, WP 5D and ITU-D SG1.

Best regards,
Wei
""",
    parent="t25a",
)

# --- T09 Bridging the standardization gap ----------------------------------------------------

mail(
    "t09a",
    "hiroshi",
    "2026-08-11 16:00",
    """
Dear colleagues,

For the report on Resolution 123 (Rev. Bucharest, 2022) on bridging the standardization gap, TSB has compiled the following figures for the first half of 2026:

- fellowships granted for ITU-T meetings: 64 (of which 41 to least developed countries);
- remote participants from developing countries in ITU-T study group meetings: 1 180;
- regional groups of ITU-T study groups that met: 9.

BR and BDT figures would complete the picture; could you send comparable figures by 28 August?
""",
    subject="Bridging the standardization gap: fellowship and participation figures for the Resolution 123 report",
)

mail(
    "t09b",
    "maria",
    "2026-08-12 10:30",
    """
Hello Hiroshi,

Thanks for the figures. Would it be possible to break them down by region and by gender? TDAG members have asked for gender-disaggregated data on participation several times.

María
""",
    parent="t09a",
)

mail(
    "t09c",
    "hiroshi",
    "2026-08-13 09:15",
    """
Dear María,

Yes, the breakdown by region and by gender is available. I will add it to the table and circulate it next week.
""",
    parent="t09b",
)

mail(
    "t09d",
    "luis",
    "2026-08-14 12:00",
    """
Dear Hiroshi,

Thank you. From ITU-D Study Group 2, I would add that the mentoring programme for new delegates, started in 2025, has been very well received in the Americas. It could be mentioned in the report as a good practice.

Saludos,
Luis
""",
    parent="t09a",
)

# --- T10 AI / machine learning ---------------------------------------------------------------

mail(
    "t10a",
    "wei",
    "2026-08-17 20:10",
    """
Dear all,

The ITU-T Focus Group on AI-native networks will hold its next meeting in November. Many of the questions it studies (for example AI for network operation in countries with limited resources, energy consumption of AI models, data sets for machine learning) are also of interest to ITU-D.

Would BDT and ITU-D members be interested in contributing? The focus group is open to participants from non-members as well.

Best regards,
Wei
""",
    subject="ITU-T Focus Group on AI-native networks: involvement of ITU-D?",
)

mail(
    "t10b",
    "omar",
    "2026-08-18 13:25",
    """
Dear Mr Zhang,

Speaking for academia: several universities in Africa and the Arab region work on machine learning for network operation with small data sets. We would be happy to contribute to the focus group, and we suggest a joint webinar with the ITU-D AI capacity building programme to reach more researchers.

Best regards,
Omar
""",
    parent="t10a",
)

mail(
    "t10c",
    "priya",
    "2026-08-19 11:50",
    """
Dear Wei,

In principle yes. ITU-D SG1 has a new Question dealing with AI policy and regulation, so we should be careful to avoid duplication, as required by Resolution 18. Could the focus group share its terms of reference and list of deliverables?

Best,
Priya
""",
    parent="t10a",
)

mail(
    "t10d",
    "james",
    "2026-08-20 10:05",
    """
Dear all,

Industry is following this focus group closely. Machine learning for network operation is already deployed in our networks, and we would welcome guidance on data governance that is consistent across ITU-T and ITU-D.
""",
    parent="t10c",
)

mail(
    "t10e",
    "chair",
    "2026-08-24 09:30",
    """
Dear all,

Thank you for this discussion. AI clearly is a cross-Sector topic. I propose to:

1. add a row on artificial intelligence to the mapping table, as Wei suggested;
2. ask Wei and Priya to draft together a one-page note on AI work in the three Sectors before the 9 September meeting.

Wei, Priya: would this be possible?

Best regards,
Ingrid
""",
    parent="t10a",
)

# --- T11 IoT and smart sustainable cities ---------------------------------------------------

mail(
    "t11a",
    "klaus",
    "2026-08-19 16:20",
    """
Dear colleagues,

The United for Smart Sustainable Cities (U4SSC) key performance indicators, based on Recommendation ITU-T Y.4903, are now used by more than 150 cities. ITU-D SG2 Question 1/2 on smart societies studies similar topics from the policy side.

I propose that the ITU-T SG20 and ITU-D Question 1/2 management teams exchange their work plans, so that the next Question 1/2 output report can refer to the U4SSC KPIs and to the SG20 Recommendations on IoT.
""",
    subject="U4SSC KPIs for smart sustainable cities and ITU-D SG2 Question 1/2",
)

mail(
    "t11b",
    "priya",
    "2026-08-20 14:00",
    """
Dear Klaus,

Good idea. Question 1/2 would be interested, especially in the case studies from secondary cities. The Rapporteur will be in Geneva in October and could meet the SG20 management.

Priya
""",
    parent="t11a",
    sign=False,
)

mail(
    "t11c",
    "chen",
    "2026-08-21 10:00",
    """
Dear Klaus, dear Priya,

The SG20 secretariat confirms that the SG20 Chair would welcome such an exchange. The SG20 work plan for IoT and smart sustainable cities is available on the SG20 web page; the next SG20 meeting is in December 2026.
""",
    parent="t11a",
)

mail(
    "t11d",
    "klaus",
    "2026-08-26 08:30",
    """
Dear Chen, dear Priya,

Thank you. Let us then plan a joint session of SG20 and Question 1/2 at their 2027 meetings. I will propose it in a short contribution to TSAG.
""",
    parent="t11a",
)

# --- T12 Digital financial services ----------------------------------------------------------

mail(
    "t12a",
    "chen",
    "2026-08-24 11:15",
    """
Dear colleagues,

Following the Financial Inclusion Global Initiative (FIGI), ITU-T SG17 and SG3 continue to maintain the DFS Security Lab, which helps regulators test the security of mobile payment applications.

Several regulators and central banks have asked for capacity building. TSB proposes to run, with BDT, two regional workshops in 2027 on the security of digital financial services. We would welcome suggestions of host countries.
""",
    subject="Digital financial services: DFS Security Lab and capacity building in 2027",
)

mail(
    "t12b",
    "fatou",
    "2026-08-25 09:40",
    """
Dear Chen,

Senegal would be interested in hosting a workshop for West Africa, together with the regional central bank, which is very active on mobile money supervision.
""",
    parent="t12a",
)

mail(
    "t12c",
    "pierre",
    "2026-08-27 14:30",
    """
Dear Chen, dear Fatou,

BDT would support a workshop in Dakar and can co-fund the participation of regulators from least developed countries. The BDT Regional Office for Africa will contact you to discuss dates.
""",
    parent="t12a",
)

# --- T13 E-health (a forward from a gmail user) ---------------------------------------------

mail(
    "t13a",
    "omar",
    "2026-08-26 12:00",
    """
Dear colleagues,

Forwarding for information: the final deliverables of the ITU-WHO work on AI for health are now public. They may be useful for ITU-D SG2 Question 2/2 on e-health and for the ITU-D activities on digital health.

Best regards,
Omar
""",
    forward=Forwarded(
        "AI4H Secretariat",
        "ai4h-secretariat@example.org",
        "2026-08-25 17:30 +0200",
        "ai4h-participants@example.org",
        "AI for Health: final deliverables published",
        """Dear participants,

We are pleased to announce that the final deliverables on the assessment of AI models for health, including the framework for clinical evaluation and the data governance guidelines, are now published.

Thank you for your contributions over the past years.

The AI for Health secretariat
""",
    ),
)

mail(
    "t13b",
    "pierre",
    "2026-08-27 10:45",
    """
Dear Omar,

Thank you. I have forwarded this to the Rapporteur of Question 2/2 and to the BDT digital health team, who are preparing the ITU-WHO digital health capacity building plan for 2027.
""",
    parent="t13a",
)

mail(
    "t13c",
    "elena",
    "2026-08-28 09:30",
    """
Dear Omar, dear Pierre,

For completeness, ITU-T SG16 continues its work on personal connected health devices (the H.810-series). Any ITU-D case studies on e-health services in developing countries would be welcome input to SG16.
""",
    parent="t13a",
)

# --- T20 PP-26 report on Resolution 191 ------------------------------------------------------

mail(
    "t20a",
    "chair",
    "2026-08-31 09:00",
    """
Dear all,

As agreed at our last meeting, the secretariat and I prepared the draft report of ISCG to PP-26 on the implementation of Resolution 191 (Rev. Dubai, 2018), the strategy for the coordination of efforts among the three Sectors of the Union. It is posted as ISCG-26/2/7.

The report covers the period 2023-2026: the mapping table, the liaisons exchanged between the advisory groups, the joint events and the lessons learned.

Comments are welcome until 18 September 2026. The final text will be submitted to the General Secretariat for the PP-26 documents.

Best regards,
Ingrid
""",
    subject="PP-26: draft ISCG report on the implementation of Resolution 191 (Rev. Dubai, 2018)",
)

mail(
    "t20b",
    "nadia",
    "2026-09-01 10:30",
    """
Dear Ingrid,

Thank you. For your planning: the report will be part of the report of the Secretary-General to PP-26, and the General Secretariat needs the final text by 2 October 2026 for translation into the six languages.
""",
    parent="t20a",
)

mail(
    "t20c",
    "klaus",
    "2026-09-02 14:15",
    """
Dear Ingrid,

TSAG supports the draft. I suggest adding a table with the liaison statements exchanged between the advisory groups since 2023, with their status. I will prepare the list for ITU-T and would ask RAG and TDAG colleagues to do the same; please send your lists to me by 15.09.2026.
""",
    parent="t20a",
)

mail(
    "t20d",
    "fatou",
    "2026-09-04 11:00",
    """
Dear Ingrid,

RAG supports the draft as well. In section 4, please mention the joint RAG/TDAG session on spectrum management for developing countries held in 2025, which was considered very successful.
""",
    parent="t20a",
)

mail(
    "t20e",
    "chair",
    "2026-09-21 16:00",
    """
Dear all,

Thank you for the comments. The revised draft (ISCG-26/2/7 Rev.1) includes Klaus's table of liaisons and the RAG/TDAG session mentioned by Fatou. Unless there are objections by Friday, I will send it to the General Secretariat.

Best regards,
Ingrid
""",
    parent="t20a",
)

# --- T14 Intelligent transport systems (with spectrum) --------------------------------------

mail(
    "t14a",
    "yuki",
    "2026-09-01 17:00",
    """
Dear colleagues,

The Collaboration on ITS Communication Standards (CITS) will meet in November. ITU-R Working Party 5A has updated Recommendation ITU-R M.2121 on the harmonization of frequency bands for intelligent transport systems in the mobile service, and WP 5A would like CITS to present the work of ITU-T on vehicle communications at the same time.

Would TSB and TSAG support a joint ITU-R / ITU-T session at the CITS meeting?

Best regards,
Yuki
""",
    subject="Intelligent transport systems: CITS meeting and ITU-R WP 5A work on V2X",
)

mail(
    "t14b",
    "klaus",
    "2026-09-01 11:20",
    """
Dear Yuki,

Yes. The automotive industry in Germany follows this work closely, and a joint session would show that the two Sectors work together. ITU-T SG16 (vehicle gateway platforms) and SG17 (security of ITS) could both present.
""",
    parent="t14a",
)

mail(
    "t14c",
    "sofia",
    "2026-09-02 10:00",
    """
Dear Yuki, dear Klaus,

The WP 5A Chair agrees. I will coordinate the ITU-R presentation with the TSB secretariat of CITS.
""",
    parent="t14a",
)

mail(
    "t14d",
    "andres",
    "2026-09-03 08:15",
    """
Dear colleagues,

For many developing countries, ITS is first of all a road safety issue. I suggest that the session also present ITU-D activities, for example the road safety work with the UN regional commissions, so that the discussion is not limited to technology.
""",
    parent="t14a",
)

# --- T15 QoS / QoE (forwarded circular) ------------------------------------------------------

mail(
    "t15a",
    "hiroshi",
    "2026-09-02 15:45",
    """
Dear ISCG colleagues,

FYI: the invitation below may be of interest to ITU-D members. SG12 and BDT co-organize the workshop.
""",
    forward=Forwarded(
        "TSB Events",
        "tsbevents@itu.int",
        "2026-09-02 14:30 +0200",
        "tsbevents@itu.int",
        "Invitation: ITU Workshop on QoS and QoE regulation for mobile broadband, 17 November 2026",
        """Dear Sir/Madam,

ITU is organizing a Workshop on quality of service (QoS) and quality of experience (QoE) regulation for mobile broadband, to be held in Geneva on 17 November 2026, the day before the meeting of ITU-T Study Group 12.

The workshop will discuss crowdsourced measurements, QoS regulatory frameworks and the ITU-T E.800-series of Recommendations.

Participation is free of charge and open to all. Registration closes on 30 October 2026.

TSB Events
""",
    ),
)

mail(
    "t15b",
    "andres",
    "2026-09-04 07:55",
    """
Dear Hiroshi,

Thank you. Our regulator is revising its QoS regulation for mobile broadband and would be interested in presenting its experience with crowdsourced measurements. Who should we contact?
""",
    parent="t15a",
)

mail(
    "t15c",
    "tomas",
    "2026-09-07 10:20",
    """
Dear Hiroshi, dear Andrés,

The ICT Data and Analytics Division would also like to present the QoS indicators collected in the ITU ICT statistics. Hiroshi, could you put us in contact with the organizers?
""",
    parent="t15a",
)

# --- T16 ICT statistics -------------------------------------------------------------------

mail(
    "t16a",
    "tomas",
    "2026-09-07 14:00",
    """
Dear colleagues,

BDT is preparing Facts and Figures 2026 and the programme of the World Telecommunication/ICT Indicators Symposium (WTIS-26).

We would be grateful if BR and TSB could reply within two weeks with:

- any statistics from ITU-R or ITU-T work that could be shown in Facts and Figures (for example satellite coverage, IPv6 deployment, IMT deployment);
- suggestions of speakers for the WTIS-26 session on measurement standards.
""",
    subject="Facts and Figures 2026 and WTIS-26: request for inputs within two weeks",
)

mail(
    "t16b",
    "sofia",
    "2026-09-08 09:50",
    """
Dear Tomás,

The BR can provide statistics on IMT deployment based on the IMT-2020 and IMT-2030 submissions, and on satellite networks notified to the BR. I will send them next week.
""",
    parent="t16a",
)

mail(
    "t16c",
    "maria",
    "2026-09-09 10:15",
    """
Dear Tomás,

Argentina would be glad to share its experience with household ICT surveys at WTIS-26. Could TDAG also be given a slot to present the capacity building needs identified by developing countries?

Regards,
María
""",
    parent="t16a",
)

mail(
    "t16d",
    "tomas",
    "2026-09-22 16:30",
    """
Dear colleagues,

Thank you: the inputs from the BR and TSB were received, and the WTIS-26 programme now has a session on measurement standards. María, a TDAG slot is foreseen on the second day.

This closes the request.
""",
    parent="t16a",
)

# --- T17 Gender, youth and digital skills ------------------------------------------------------

mail(
    "t17a",
    "grace",
    "2026-09-09 17:30",
    """
Dear colleagues,

The Network of Women (NoW) initiatives of the three Sectors and the Generation Connect youth programme would like to organize a joint side event at PP-26 in Doha, on digital skills for women and young people, in line with Resolution 70 (Rev. Bucharest, 2022) and Resolution 198 (Rev. Bucharest, 2022).

We are looking for speakers from each Sector, ideally one woman delegate and one young professional each. Suggestions are welcome.
""",
    subject="Network of Women and Generation Connect: joint side event at PP-26",
)

mail(
    "t17b",
    "fatou",
    "2026-09-10 08:20",
    """
Dear Grace,

Excellent initiative. For ITU-R, NoW-in-ITU-R could propose a young spectrum engineer from the Africa region who took part in the 2025 mentoring programme.
""",
    parent="t17a",
)

mail(
    "t17c",
    "maria",
    "2026-09-10 11:40",
    """
Hi Grace,

TDAG fully supports this. I would be happy to moderate the panel if needed.

María
""",
    parent="t17a",
)

mail(
    "t17d",
    "luis",
    "2026-09-11 09:05",
    """
Dear Grace,

Generation Connect Americas would like to take part; we have two youth envoys who could speak about digital skills programmes in rural areas.

Saludos,
Luis
""",
    parent="t17a",
)

mail(
    "t17e",
    "grace",
    "2026-09-21 10:00",
    """
Dear all,

Thank you for the proposals. The speakers from ITU-R and ITU-D are confirmed, and María has kindly agreed to moderate. We still need one speaker from ITU-T: Klaus, Hiroshi, could you please confirm a name by Friday 25 September?
""",
    parent="t17a",
)

# --- T26 Summary of decisions of the 9 September meeting -----------------------------------------

mail(
    "t26a",
    "chair",
    "2026-09-11 12:00",
    """
Dear all,

Thank you for a productive meeting on Wednesday. Here is the summary of decisions and action items (the full report will follow as ISCG-26/2/10).

Decisions:
- The mapping table (ISCG-26/2/4 Rev.1) is approved, with a new row on artificial intelligence.
- The draft report on Resolution 191 will be revised and sent to the General Secretariat by 2 October 2026.

Action items:
1. Wei and Priya: one-page note on AI work in the three Sectors, by 30 September 2026.
2. Klaus: table of liaison statements since 2023 for the PP-26 report, by 15 September 2026.
3. Elena: send the joint accessibility report to the Council secretariat.
4. All Bureaux: update the contact points in the mapping table within two weeks.

Best regards,
Ingrid
""",
    subject="Summary of decisions and action items: ISCG meeting of 9 September 2026",
)

mail(
    "t26b",
    "klaus",
    "2026-09-14 09:20",
    """
Dear Ingrid,

Action item 2 is done: the table of liaison statements was sent to you and to the secretariat this morning.
""",
    parent="t26a",
)

mail(
    "t26c",
    "elena",
    "2026-09-15 10:40",
    """
Dear Ingrid,

Action item 3: the joint report on Resolution 175 was sent to the Council secretariat on 14 September.
""",
    parent="t26a",
)

mail(
    "t26d",
    "chair",
    "2026-09-29 15:10",
    """
Dear all,

Status of the action items: items 2 and 3 are closed, thank you Klaus and Elena. Item 4 is closed for the BR and the TSB; the BDT contact points are still missing. Item 1 (AI note) is due tomorrow.

Best regards,
Ingrid
""",
    parent="t26a",
)

# --- T18 Regional event: Africa standardization forum --------------------------------------------

mail(
    "t18a",
    "hiroshi",
    "2026-09-14 10:30",
    """
Dear colleagues,

TSB is organizing the Regional Standardization Forum for Africa in Nairobi on 20-21 October 2026, followed by the meeting of the SG5 Regional Group for Africa.

The programme has a session on "standards for resilient networks" where a speaker from BR and one from BDT would be very welcome. Could you suggest names by 25 September?
""",
    subject="Regional Standardization Forum for Africa, Nairobi, 20-21 October 2026: speakers from BR and BDT?",
)

mail(
    "t18b",
    "amara",
    "2026-09-15 12:10",
    """
Dear Hiroshi,

The BDT Regional Office for Africa will attend. I propose to present the National Emergency Telecommunication Plans in Africa and the lessons learned from recent floods, which fits the session on resilient networks.
""",
    parent="t18a",
)

mail(
    "t18c",
    "rajesh",
    "2026-09-16 16:45",
    """
Dear Hiroshi,

From the BR, I can present remotely on the use of satellite systems to restore connectivity after disasters.
""",
    parent="t18a",
)

# --- T27 French forward (iso-8859-1, quoted-printable) ------------------------------------------

mail(
    "t27a",
    "fatou",
    "2026-09-23 10:00",
    """
Chers collègues,

Pour information, je vous transmets l'invitation à l'atelier régional sur la gouvernance de l'intelligence artificielle et la normalisation, organisé à Dakar les 17 et 18 novembre 2026.

L'atelier intéresse les trois Secteurs : la normalisation (UIT-T), la réglementation et le renforcement des capacités (UIT-D), ainsi que l'utilisation du spectre pour les applications d'IA (UIT-R). Les inscriptions sont ouvertes jusqu'au 30 octobre 2026.

Pierre, la participation du BDT serait très appréciée.
""",
    kind="latin1",
    prefix="TR: ",
    cc=("pierre",),
    forward=Forwarded(
        "Secrétariat de l'atelier",
        "atelier-ia@example.sn",
        "2026-09-22 16:20 +0000",
        "fatou.ndiaye@example.sn",
        "Atelier régional sur la gouvernance de l'IA et la normalisation, Dakar, 17-18 novembre 2026",
        """Madame, Monsieur,

Nous avons le plaisir de vous inviter à l'atelier régional sur la gouvernance de l'intelligence artificielle et la normalisation, qui se tiendra à Dakar (Sénégal) les 17 et 18 novembre 2026.

L'atelier réunira des régulateurs, des opérateurs et des chercheurs de la région. Le programme provisoire est joint.

Veuillez agréer nos salutations distinguées.

Le secrétariat de l'atelier
""",
    ),
)

mail(
    "t27b",
    "pierre",
    "2026-09-23 14:30",
    """
Chère Fatou,

Merci pour l'information. Le BDT participera à l'atelier : le Bureau régional pour l'Afrique présentera le programme de renforcement des capacités en matière d'IA. Je vous confirme les noms des intervenants d'ici la fin de la semaine.
""",
    parent="t27a",
)

mail(
    "t27c",
    "chair",
    "2026-09-24 09:00",
    """
Dear Fatou, dear Pierre,

Thank you. For the colleagues who do not read French: this is an invitation to a regional workshop on AI governance and standardization in Dakar on 17-18 November 2026, with registration open until 30 October. BDT will take part.

Best regards,
Ingrid
""",
    parent="t27a",
)

# --- T38 An observer contribution that nobody answered -------------------------------------------

mail(
    "t38a",
    "james",
    "2026-09-30 13:00",
    """
Dear ISCG members,

Our company has published a study on dynamic spectrum sharing between satellite and terrestrial networks in the upper 6 GHz band, which may be of interest for both RAG and TDAG. It is available free of charge on our website.

We would be glad to present it at a future ISCG meeting, if the Chair considers it useful.
""",
    subject="Observer contribution: study on spectrum sharing between satellite and terrestrial networks",
)

# --- T28 HTML-only newsletter ------------------------------------------------------------------

mail(
    "t28a",
    "grace",
    "2026-10-01 16:00",
    "",
    kind="html",
    subject="Digital Transformation Centres: newsletter, October 2026",
    html="""<html>
<head><meta charset="utf-8"><title>DTC newsletter</title></head>
<body style="font-family: Arial, sans-serif; font-size: 11pt">
<p>Dear colleagues,</p>
<p>Please find below the October 2026 newsletter of the
<b>Digital Transformation Centres</b> (DTC) initiative.</p>
<h2>Highlights</h2>
<ul>
<li>More than 25&nbsp;000 people trained in basic and intermediate
digital skills since January 2026.</li>
<li>New course on <i>ICT accessibility</i>, developed with the TSB
accessibility team.</li>
<li>Three new centres joined the network in Latin America.</li>
</ul>
<h2>Upcoming</h2>
<p>The annual meeting of the DTC network will take place online on
12&nbsp;November&nbsp;2026. Centres are invited to register by
<b>30 October 2026</b>.</p>
<p>Best regards,<br>
Grace Mwangi<br>
Programme Officer, Digital Skills, Gender and Youth<br>
Telecommunication Development Bureau (BDT), ITU</p>
</body>
</html>
""",
    sign=False,
)

mail(
    "t28b",
    "luis",
    "2026-10-02 09:30",
    """
Dear Grace,

Thank you for the newsletter. Could the new centres in Latin America be presented at the next ITU-D Study Group 2 meeting? It would be a good example for the region.

Saludos,
Luis
""",
    parent="t28a",
)

# --- T30 List migration (logistics; one reply without Message-ID) --------------------------------

mail(
    "t30a",
    "lucia",
    "2026-10-05 10:00",
    """
Dear ISCG members,

The int-sect-team list will move to the new ITU list server on 19 October 2026. The list address does not change. You may receive a welcome message from the new server; no action is needed on your side.

During the migration (19 October, 08:00-12:00 CEST) messages sent to the list will be delayed.
""",
    subject="int-sect-team list: move to the new list server on 19 October",
)

mail(
    "t30b",
    "andres",
    "2026-10-05 09:12",
    """
Noted, thanks Lucia.

Andrés
""",
    parent="t30a",
    message_id=False,
    sign=False,
)

# --- T31 ITU-D SG1 Question 5/1: rural connectivity (one reply without threading headers) -------

mail(
    "t31a",
    "andres",
    "2026-10-06 08:30",
    """
Dear colleagues,

ITU-D SG1 Question 5/1 (telecommunications/ICTs for rural and remote areas) is collecting case studies on the use of satellite systems and high-altitude platform stations (HAPS) for rural connectivity.

Input from ITU-R on the regulatory framework for HAPS and for low Earth orbit constellations would be very valuable. Could BR colleagues contribute to the next Question 5/1 meeting?
""",
    subject="ITU-D SG1 Question 5/1: rural connectivity case studies, satellite and HAPS",
)

mail(
    "t31b",
    "rajesh",
    "2026-10-07 14:00",
    """
Dear Andrés,

Yes, the BR can present the regulatory framework for HAPS as revised by WRC-23 and the procedures for non-geostationary satellite systems. Please send me the date of the meeting.
""",
    parent="t31a",
)

mail(
    "t31c",
    "joao",
    "2026-10-08 10:10",
    """
Dear Andrés,

Brazil will submit a case study on satellite connectivity for schools in the Amazon region.

Best,
João
""",
    parent="t31a",
)

mail(
    "t31d",
    "priya",
    "2026-10-09 12:30",
    """
Dear Andrés,

India will also contribute a case study on rural connectivity, including the use of satellite backhaul for mobile sites.

Best,
Priya
""",
    parent="t31a",
    threading="none",
    quote=False,
)

# --- T32 Global Cybersecurity Index (with ICT statistics) ----------------------------------------

mail(
    "t32a",
    "tomas",
    "2026-10-08 11:00",
    """
Dear colleagues,

The Global Cybersecurity Index (GCI) 2026 questionnaire closed on 30 September with replies from 168 Member States. The validation phase runs until 15 December 2026.

As in previous editions, we would like ITU-T SG17 to review the questions on technical measures, so that they remain consistent with ITU-T security standards. Comments are welcome within three weeks.
""",
    subject="Global Cybersecurity Index 2026: validation phase and review of the technical measures",
)

mail(
    "t32b",
    "chen",
    "2026-10-09 10:45",
    """
Dear Tomás,

SG17 will review the technical questions by correspondence. I will send you the comments by 30 October.
""",
    parent="t32a",
)

mail(
    "t32c",
    "klaus",
    "2026-10-12 08:55",
    """
Dear Tomás,

TSAG supports the review. Please also consider asking about national CIRTs in the way the new SG17 guidelines do, so that the GCI and the guidelines use the same terms.
""",
    parent="t32a",
)

# --- T33 WTDC-25 follow-up (one reply with In-Reply-To only) -----------------------------------

mail(
    "t33a",
    "pierre",
    "2026-10-13 14:00",
    """
Dear colleagues,

WTDC-25 adopted the ITU-D study Questions for 2026-2029. BDT has prepared a table linking each new Question with the related ITU-R and ITU-T study groups and Questions, as required by Resolution 18 and WTDC Resolution 5. The table is posted as ISCG-26/3/2.

We would be grateful for corrections before the ISCG meeting on 4 November.
""",
    subject="WTDC-25 outcomes: links between the new ITU-D Questions and ITU-R / ITU-T work",
)

mail(
    "t33b",
    "hiroshi",
    "2026-10-14 09:40",
    """
Dear Pierre,

Thank you. The ITU-T links look correct; only the entry for Question 3/2 should also mention SG17 Question 4/17 on cybersecurity.
""",
    parent="t33a",
)

mail(
    "t33c",
    "sofia",
    "2026-10-15 11:30",
    """
Dear Pierre,

For ITU-R: the entry for rural connectivity should mention WP 4C and WP 5C, and the entry on emergency telecommunications WP 4B and WP 5A. Otherwise fine.
""",
    parent="t33a",
    threading="irt",
)

mail(
    "t33d",
    "maria",
    "2026-10-16 10:00",
    """
Dear Pierre,

Thank you for this very useful table. TDAG will use it to prepare the next ISCG report.

María
""",
    parent="t33a",
)

# --- T34 Automated document notification (no Message-ID) ---------------------------------------

mail(
    "t34a",
    "docs",
    "2026-10-19 07:00",
    """
A new document has been posted in ISCG (Inter-Sector Coordination Group):

  ISCG-26/3/1  Draft agenda of the ISCG meeting of 4 November 2026
  Source: ISCG Chair
  Posted: 2026-10-19

This is an automatic notification. Please do not reply to this message.
""",
    subject="New document posted: ISCG-26/3/1 Draft agenda",
    message_id=False,
    sign=False,
    extra={"Auto-Submitted": "auto-generated"},
)

# --- T35 November meeting logistics --------------------------------------------------------------

mail(
    "t35a",
    "lucia",
    "2026-10-19 11:00",
    """
Dear ISCG members,

The next ISCG meeting will take place on Wednesday, 4 November 2026, from 09:30 to 12:30 CET, in hybrid format (ITU headquarters, room H, and Zoom). The draft agenda is posted as ISCG-26/3/1.

Please register by 28 October 2026 and indicate whether you will attend in person. Contributions are due by 21 October.
""",
    subject="ISCG meeting, 4 November 2026 (hybrid): registration and draft agenda",
)

mail(
    "t35b",
    "klaus",
    "2026-10-20 09:15",
    """
Dear Lucia,

I will attend in person. The TSAG report on the outcome of the October TSAG meeting will be submitted by 21 October as requested.
""",
    parent="t35a",
)

mail(
    "t35c",
    "omar",
    "2026-10-21 12:40",
    """
Dear Lucia,

May observers from Academia attend the meeting remotely? I would like to follow the discussion on AI.

Best regards,
Omar
""",
    parent="t35a",
)

mail(
    "t35d",
    "lucia",
    "2026-10-22 10:05",
    """
Dear Omar,

Yes, ITU Academia members may attend as observers. Please register as usual and select "observer".
""",
    parent="t35c",
)

# --- T36 Outcome of the TSAG meeting (after the change to winter time) ------------------------

mail(
    "t36a",
    "hiroshi",
    "2026-10-26 10:00",
    """
Dear colleagues,

The TSAG meeting (Geneva, 19-23 October 2026) noted the liaison from ITU-R WP 5D on IMT-2030 terms (TSAG-TD398), approved the reply to RAG on Resolution 191 (TSAG-TD409), and agreed to propose a joint SG20 / ITU-D Question 1/2 session in 2027.

TSAG also set up a correspondence group on AI standardization coordination, open to ITU-R and ITU-D experts. The TSAG report will be available in two weeks.
""",
    subject="Outcome of the TSAG meeting (19-23 October 2026) relevant to ISCG",
)

mail(
    "t36b",
    "chair",
    "2026-10-27 08:45",
    """
Dear Hiroshi,

Thank you, very useful. I will add the correspondence group on AI to our agenda for 4 November.

Best regards,
Ingrid
""",
    parent="t36a",
)

# --- T37 PP-26 side event and information session ----------------------------------------------

mail(
    "t37a",
    "nadia",
    "2026-10-27 15:00",
    """
Dear ISCG members,

PP-26 will open in Doha on 9 November 2026. The General Secretariat has reserved a room for an ISCG information session on 12 November (13:30-14:30 local time), where the report on Resolution 191 could be presented to delegates.

Could the Chair and the Vice-Chairs present at PP-26 let me know by 2 November who will speak?
""",
    subject="PP-26 (Doha): ISCG information session on 12 November",
)

mail(
    "t37b",
    "joao",
    "2026-10-28 09:30",
    """
Dear Nadia,

I will be in Doha for the whole conference and can present the RAG part.

Best,
João
""",
    parent="t37a",
)

mail(
    "t37c",
    "nadia",
    "2026-10-29 11:00",
    """
Dear João,

Thank you. I have noted you as speaker. Ingrid will open the session.
""",
    parent="t37b",
)

# --- T39-T46 Parallel work in separate threads (for the duplication watch) ----------------
# Three subjects that two Sectors take up separately (EMF exposure, digital public
# infrastructure, the quality of satellite broadband), and two threads that only look
# alike (a webinar inviting the other Sector, a data contribution).

mail(
    "t39a",
    "chen",
    "2026-09-22 10:30",
    """
Dear ISCG colleagues,

For information: ITU-T Study Group 5 agreed at its September meeting to start a draft Supplement on the assessment of human exposure to electromagnetic fields (EMF) from 5G small cells, under Question 3/5 and in line with WTSA Resolution 72. The Supplement will give regulators a simple method for compliance assessment and for measurement campaigns near small cells.

The first draft is expected for the SG5 meeting in spring 2027. Experts from administrations in developing countries are welcome to contribute.
""",
    subject="ITU-T SG5: draft Supplement on EMF exposure assessment for 5G small cells",
)

mail(
    "t39b",
    "klaus",
    "2026-09-23 08:50",
    """
Dear Chen,

Thank you. TSAG will take note of the new Supplement; several administrations asked for practical guidance on EMF measurement campaigns for small cells.

Klaus
""",
    parent="t39a",
)

mail(
    "t40a",
    "grace",
    "2026-10-02 14:10",
    """
Dear ISCG members,

BDT is preparing a handbook for regulators in developing countries on human exposure to electromagnetic fields (EMF), with chapters on 5G small cells, compliance assessment, measurement campaigns and communication with the public, as foreseen in WTSA Resolution 72 and in the work of ITU-D Question 7/2.

We plan to publish it in the first half of 2027. Members with national experience of EMF measurement campaigns are invited to send case studies.
""",
    subject="ITU-D handbook on EMF exposure and 5G small cells for regulators in developing countries",
)

mail(
    "t41a",
    "hiroshi",
    "2026-09-24 09:00",
    """
Dear colleagues,

ITU-T Study Group 20 has opened a new work item on an interoperability framework for digital public infrastructure (DPI): digital identity, digital payments and data exchange platforms, and the standards they rely on. The work will include a catalogue of use cases from administrations.

The work item is open to all ITU-T members; the first rapporteur meeting is planned for December 2026.
""",
    subject="ITU-T SG20: new work item on digital public infrastructure (DPI) interoperability",
)

mail(
    "t42a",
    "tomas",
    "2026-10-06 11:20",
    """
Dear ISCG members,

BDT is developing a toolkit on digital public infrastructure (DPI) for developing countries, covering digital identity, digital payments, data exchange platforms and their interoperability, with a catalogue of use cases from administrations.

BDT is requested to circulate the draft outline to ISCG before the next Council session. Case studies are welcome until the end of November.
""",
    subject="DPI toolkit for developing countries: call for use cases",
)

mail(
    "t42b",
    "maria",
    "2026-10-07 15:40",
    """
Dear Tomás,

Thank you. TDAG members will be glad to contribute case studies on digital identity.

María
""",
    parent="t42a",
    sign=True,
)

mail(
    "t43a",
    "rajesh",
    "2026-09-29 10:00",
    """
Dear colleagues,

ITU-R Working Party 4B has started a draft Report on methods for measuring the quality of service and quality of experience of satellite broadband for end users (latency, throughput, availability), including non-geostationary systems.

Contributions are invited for the next WP 4B meeting.
""",
    subject="ITU-R WP 4B: measuring the quality of satellite broadband for end users",
)

mail(
    "t44a",
    "chen",
    "2026-10-08 09:45",
    """
Dear ISCG colleagues,

ITU-T Study Group 12 agreed to study the quality of service and quality of experience of satellite broadband access for end users, with measurement methods for latency, throughput and availability of non-geostationary satellite systems. A draft Recommendation is planned for 2027.
""",
    subject="ITU-T SG12: QoS and QoE of satellite broadband access",
)

mail(
    "t45a",
    "amara",
    "2026-10-09 13:00",
    """
Dear colleagues,

BDT will hold a webinar for African regulators on public awareness of electromagnetic fields (EMF) on 25 November 2026. We would welcome a speaker from ITU-T Study Group 5 to present the existing K-series Recommendations on EMF.
""",
    subject="EMF awareness webinar for African regulators: a speaker from ITU-T SG5?",
)

mail(
    "t46a",
    "sofia",
    "2026-10-12 10:15",
    """
Dear Tomás,

For the Facts and Figures 2026: ITU-R Study Group 6 can provide the data it holds on digital terrestrial television coverage. Please let me know the format you need.
""",
    subject="Broadcasting coverage data from ITU-R SG6 for Facts and Figures 2026",
)


# ==========================================================================================
# Rendering
# ==========================================================================================

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
DE_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
DE_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
IT_WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
IT_MONTHS = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)

REPLY_PREFIX = {
    "outlook": "RE: ",
    "outlook_original": "RE: ",
    "gmail": "Re: ",
    "thunderbird": "Re: ",
    "outlook_de": "AW: ",
    "outlook_fr": "RE : ",
    "outlook_it": "RIF: ",
    "robot": "Re: ",
}
FORWARD_PREFIX = {
    "outlook": "FW: ",
    "outlook_original": "FW: ",
    "gmail": "Fwd: ",
    "thunderbird": "Fwd: ",
    "outlook_de": "WG: ",
    "outlook_fr": "TR : ",
    "outlook_it": "I: ",
    "robot": "Fwd: ",
}


@dataclass
class Rendered:
    """What later messages need to know about an earlier one."""

    mail: Mail
    person: Person
    date: datetime
    subject: str
    text: str
    message_id: str | None
    references: tuple[str, ...]


def local_time(person: Person, when: str) -> datetime:
    """The sender's local time as an aware datetime (summer time handled for Europe)."""
    naive = datetime.strptime(when, "%Y-%m-%d %H:%M")
    guess = naive.replace(tzinfo=timezone(timedelta(hours=person.utc_offset)))
    return naive.replace(tzinfo=person.offset_at(guess.astimezone(UTC)))


def wrap(text: str) -> str:
    """Wrap hand-written paragraphs at 72 columns, with hanging indents for lists and fields."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= WRAP:
            out.append(line)
            continue
        # Hanging indent under list markers and under aligned LS fields ("Title:    ...").
        lead = re.match(r"(\s*(?:[-*]|\d+\.|\([a-z]\)|[A-Z][A-Za-z]{1,12}:(?= {2}))?\s*)", line)
        indent = " " * len(lead.group(1)) if lead else ""
        out.extend(
            textwrap.wrap(
                line, WRAP, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
            )
        )
    return "\n".join(out)


def message_id_for(spec: Mail, person: Person) -> str:
    digest = hashlib.sha256(f"iscg-sample/{spec.key}".encode()).digest()
    if person.client == "gmail":
        token = base64.b64encode(digest[:30]).decode().replace("/", "_")
        return f"<CA{token}@mail.gmail.com>"
    if person.address.endswith("@itu.int") or person.client == "outlook_original":
        host = f"GV0P278MB{1000 + int.from_bytes(digest[:2], 'big') % 9000}"
        return f"<{host}{digest[2:18].hex().upper()}@{host}.CHEP278.PROD.OUTLOOK.COM>"
    hexed = digest[:16].hex()
    if person.client == "thunderbird":
        uuid = f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:32]}"
        return f"<{uuid}@{person.address.split('@')[1]}>"
    return f"<{hexed.upper()}@EXMBX{digest[16] % 9 + 1:02d}.{person.address.split('@')[1]}>"


def outlook_time(client: str, when: datetime) -> str:
    wd, mo = when.weekday(), when.month - 1
    if client == "outlook_de":
        return f"{DE_WEEKDAYS[wd]}, {when.day}. {DE_MONTHS[mo]} {when.year} {when:%H:%M}"
    if client == "outlook_fr":
        return f"{FR_WEEKDAYS[wd]} {when.day} {FR_MONTHS[mo]} {when.year} {when:%H:%M}"
    if client == "outlook_it":
        return f"{IT_WEEKDAYS[wd]} {when.day} {IT_MONTHS[mo]} {when.year} {when:%H:%M}"
    return f"{WEEKDAYS[wd]}, {when.day} {MONTHS[mo]} {when.year} {when:%H:%M}"


def header_block(
    client: str, name: str, address: str, when: datetime, to: str, subject: str
) -> str:
    """The From/Sent/To/Subject block Outlook puts above a quoted or forwarded message."""
    labels = {
        "outlook_de": ("Von", "Gesendet", "An", "Betreff"),
        "outlook_fr": ("De ", "Envoyé ", "À ", "Objet "),
        "outlook_it": ("Da", "Inviato", "A", "Oggetto"),
    }.get(client, ("From", "Sent", "To", "Subject"))
    sent = outlook_time(client, when)
    return (
        f"{labels[0]}: {name} <{address}>\n{labels[1]}: {sent}\n"
        f"{labels[2]}: {to}\n{labels[3]}: {subject}\n"
    )


def quote_parent(person: Person, replier_tz: timezone, parent: Rendered) -> str:
    """The quoted parent as the replier's mail client would write it under the reply."""
    when = parent.date.astimezone(replier_tz)
    author = parent.person
    if person.client in ("gmail", "thunderbird"):
        if person.client == "gmail":
            intro = (
                f"On {WEEKDAYS[when.weekday()][:3]}, {when.day} {MONTHS[when.month - 1][:3]}"
                f" {when.year} at {when:%H:%M}, {author.name} <{author.address}> wrote:"
            )
        else:
            intro = f"On {when:%d/%m/%Y %H:%M}, {author.name} wrote:"
        text = parent.text
        if person.client == "thunderbird" and "\n-- \n" in text:
            text = text.split("\n-- \n", 1)[0]  # Thunderbird drops the quoted signature
        quoted = "\n".join(
            ">" if not line else f"> {line}" if not line.startswith(">") else f">{line}"
            for line in text.rstrip("\n").split("\n")
        )
        return f"{intro}\n{quoted}\n"
    block = header_block(
        person.client, author.name, author.address, when, LIST_ADDRESS, parent.subject
    )
    if person.client == "outlook_original":
        return f"-----Original Message-----\n{block}\n{parent.text}"
    return f"________________________________\n{block}\n{parent.text}"


def forward_block(person: Person, fwd: Forwarded, replier_tz: timezone) -> str:
    when = datetime.strptime(fwd.when, "%Y-%m-%d %H:%M %z").astimezone(replier_tz)
    body = wrap(textwrap.dedent(fwd.body).strip("\n")) + "\n"
    if person.client in ("gmail", "thunderbird"):
        sent = (
            f"{WEEKDAYS[when.weekday()][:3]}, {when.day} {MONTHS[when.month - 1][:3]}"
            f" {when.year} at {when:%H:%M}"
        )
        return (
            "---------- Forwarded message ---------\n"
            f"From: {fwd.name} <{fwd.address}>\nDate: {sent}\n"
            f"Subject: {fwd.subject}\nTo: {fwd.to}\n\n{body}"
        )
    block = header_block(person.client, fwd.name, fwd.address, when, fwd.to, fwd.subject)
    return f"________________________________\n{block}\n{body}"


def reply_subject(prefix: str, parent_subject: str) -> str:
    """Prefix a parent subject the way mail clients do: no doubled "Re: Re:"."""
    if parent_subject.lower().startswith(prefix.strip().lower()):
        return parent_subject
    return prefix + parent_subject


def render_all() -> list[tuple[datetime, int, bytes, str]]:
    """Build every message; return (delivery time, position, bytes, envelope sender)."""
    done: dict[str, Rendered] = {}
    out: list[tuple[datetime, int, bytes, str]] = []
    for position, spec in enumerate(MAILS):
        person = PEOPLE[spec.sender]
        date = local_time(person, spec.when)
        parent = done[spec.parent] if spec.parent else None

        if parent is not None:
            subject = reply_subject(spec.prefix or REPLY_PREFIX[person.client], parent.subject)
        elif spec.forward is not None:
            subject = (spec.prefix or FORWARD_PREFIX[person.client]) + spec.forward.subject
        else:
            subject = (LIST_TAG if spec.tag else "") + (spec.subject or "")
        if spec.forward is not None and spec.tag:
            subject = LIST_TAG + subject

        text = wrap(textwrap.dedent(spec.body).strip("\n")) + "\n" if spec.body.strip() else ""
        if spec.sign and person.signature:
            text += "\n" + person.signature + "\n"
        if spec.forward is not None:
            text += "\n" + forward_block(person, spec.forward, date.tzinfo)  # type: ignore[arg-type]
        if parent is not None and spec.quote:
            text += "\n" + quote_parent(person, date.tzinfo, parent)  # type: ignore[arg-type]

        message_id = message_id_for(spec, person) if spec.message_id else None
        references: tuple[str, ...] = ()
        if parent is not None and parent.message_id is not None:
            references = (*parent.references, parent.message_id)

        msg = EmailMessage(policy=POLICY)
        msg["From"] = Address(person.name, addr_spec=person.address)
        msg["To"] = f"int-sect-team <{LIST_ADDRESS}>"
        if spec.cc:
            msg["Cc"] = ", ".join(
                str(Address(PEOPLE[k].name, addr_spec=PEOPLE[k].address)) for k in spec.cc
            )
        msg["Subject"] = subject
        msg["Date"] = format_datetime(date)
        if message_id:
            msg["Message-ID"] = message_id
        if references and spec.threading in ("full", "irt"):
            msg["In-Reply-To"] = references[-1]
        if references and spec.threading == "full":
            msg["References"] = " ".join(references)
        if person.client == "thunderbird":
            msg["User-Agent"] = "Mozilla Thunderbird"
        for name, value in spec.extra.items():
            msg[name] = value
        msg["List-Id"] = LIST_ID
        msg["List-Post"] = f"<mailto:{LIST_ADDRESS}>"
        msg["Precedence"] = "list"
        _set_body(msg, spec, text)

        done[spec.key] = Rendered(spec, person, date, subject, text, message_id, references)
        # Lists deliver within a minute or two; a held message goes out when released.
        delay = timedelta(seconds=40 + hashlib.sha256(spec.key.encode()).digest()[0])
        delivered = local_time(person, spec.delivered) if spec.delivered else date + delay
        out.append((delivered.astimezone(UTC), position, msg.as_bytes(), person.address))
    return out


def _set_body(msg: EmailMessage, spec: Mail, text: str) -> None:
    boundary = f"=_iscg_{hashlib.sha256(spec.key.encode()).hexdigest()[:24]}"
    if spec.kind == "html":
        msg.set_content(spec.html or "", subtype="html")
    elif spec.kind == "latin1":
        msg.set_content(text, charset="iso-8859-1", cte="quoted-printable")
    elif spec.kind == "alternative":
        msg.set_content(text)
        paragraphs = "".join(
            f"<p>{p.replace(chr(10), '<br>')}</p>\n" for p in text.split("\n\n") if p.strip()
        )
        msg.add_alternative(
            '<html><body style="font-family: Calibri, sans-serif">\n'
            + paragraphs
            + "</body></html>\n",
            subtype="html",
        )
        msg.set_boundary(boundary)
    else:
        msg.set_content(text)
    if spec.attachment is not None:
        filename, data = spec.attachment
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=filename)
        msg.set_boundary(boundary)
    for part in msg.iter_parts():
        del part["MIME-Version"]  # the stdlib repeats it in each part; mail clients do not


def write_archive(output: Path) -> int:
    """Write the archive to ``output`` (replacing it); return the number of messages."""
    messages = sorted(render_all(), key=lambda item: (item[0], item[1]))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    box = mailbox.mbox(output)
    try:
        for delivered, _, data, sender in messages:
            # A leading From_ line tells mailbox.mbox the envelope; it quotes body "From ".
            envelope = f"From {sender} {time.asctime(delivered.timetuple())}\n".encode()
            box.add(envelope + data)
        box.flush()
    finally:
        box.close()
    return len(messages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the mbox (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args()
    count = write_archive(args.output)
    print(f"wrote {count} messages to {args.output}")


if __name__ == "__main__":
    main()
