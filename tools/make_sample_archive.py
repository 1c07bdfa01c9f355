#!/usr/bin/env python3
"""Write the sample archive shipped with iscg-mailbot: ``iscg_mailbot/data/sample-iscg.mbox``.

The archive is four months (July to October 2026) of fictional but realistic traffic on
the ITU Inter-Sector Coordination Group list int-sect-team@lists.itu.int: liaison
statements, requests with deadlines, replies that close some of them, logistics. All
people are invented; member addresses use ``example`` domains.

What people write lives in ``tools/sample_archive/`` (see its README.md): who writes
(``people.yaml``) and one file per thread (``threads/*.yaml``). This script only turns
them into mail: subjects with each client's prefixes, quoted parents, signatures,
threading headers, MIME. It is deterministic (fixed dates, Message-IDs derived from a
hash of each message's key, fixed MIME boundaries), so running it again reproduces the
committed file byte for byte; tests check that.

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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.policy import default as default_policy
from email.utils import format_datetime
from pathlib import Path
from typing import cast

from sample_archive_data import (
    LOCAL_TIME,
    ZONED_TIME,
    DataError,
    Forwarded,
    Mail,
    Person,
    load_people,
    load_threads,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "sample_archive"
DEFAULT_OUTPUT = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"

LIST_ADDRESS = "int-sect-team@lists.itu.int"
LIST_ID = "ITU Inter-Sector Coordination Group <int-sect-team.lists.itu.int>"
LIST_TAG = "[int-sect-team] "
WRAP = 72


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


# --- rendering ----------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
LOCAL_NAMES = {  # Outlook writes the dates of quoted messages in its own language
    "outlook_fr": (
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"),
    ),
    "outlook_de": (
        ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
         "September", "Oktober", "November", "Dezember"),
    ),
    "outlook_it": (
        ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
        ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
         "settembre", "ottobre", "novembre", "dicembre"),
    ),
}

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
    naive = datetime.strptime(when, LOCAL_TIME)
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
    weekdays, months = LOCAL_NAMES.get(client, (WEEKDAYS, MONTHS))
    day, month = weekdays[when.weekday()], months[when.month - 1]
    if client == "outlook_de":
        return f"{day}, {when.day}. {month} {when.year} {when:%H:%M}"
    if client in ("outlook_fr", "outlook_it"):
        return f"{day} {when.day} {month} {when.year} {when:%H:%M}"
    return f"{day}, {when.day} {month} {when.year} {when:%H:%M}"


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
    when = datetime.strptime(fwd.date, ZONED_TIME).astimezone(replier_tz)
    body = wrap(fwd.text.strip("\n")) + "\n"
    if person.client in ("gmail", "thunderbird"):
        sent = (
            f"{WEEKDAYS[when.weekday()][:3]}, {when.day} {MONTHS[when.month - 1][:3]}"
            f" {when.year} at {when:%H:%M}"
        )
        return (
            "---------- Forwarded message ---------\n"
            f"From: {fwd.sender} <{fwd.address}>\nDate: {sent}\n"
            f"Subject: {fwd.subject}\nTo: {fwd.to}\n\n{body}"
        )
    block = header_block(person.client, fwd.sender, fwd.address, when, fwd.to, fwd.subject)
    return f"________________________________\n{block}\n{body}"


def reply_subject(prefix: str, parent_subject: str) -> str:
    """Prefix a parent subject the way mail clients do: no doubled "Re: Re:"."""
    if parent_subject.lower().startswith(prefix.strip().lower()):
        return parent_subject
    return prefix + parent_subject


def _subject(spec: Mail, person: Person, parent: Rendered | None) -> str:
    if parent is not None:
        subject = reply_subject(spec.prefix or REPLY_PREFIX[person.client], parent.subject)
    elif spec.forward is not None:
        subject = (spec.prefix or FORWARD_PREFIX[person.client]) + spec.forward.subject
    else:
        subject = (LIST_TAG if spec.list_tag else "") + (spec.subject or "")
    if spec.forward is not None and spec.list_tag:
        subject = LIST_TAG + subject
    return subject


def _text(spec: Mail, person: Person, date: datetime, parent: Rendered | None) -> str:
    """The plain-text body: what was written, signature, forwarded message, quoted parent."""
    zone = cast(timezone, date.tzinfo)
    text = wrap(spec.text.strip("\n")) + "\n" if spec.text.strip() else ""
    if spec.signature and person.signature:
        text += "\n" + person.signature + "\n"
    if spec.forward is not None:
        text += "\n" + forward_block(person, spec.forward, zone)
    if parent is not None and spec.quote:
        text += "\n" + quote_parent(person, zone, parent)
    return text


@dataclass(frozen=True)
class _Threading:
    """What a message's headers say about where it belongs."""

    message_id: str | None
    references: tuple[str, ...]  # the parent's references, then the parent itself


def _headers(msg: EmailMessage, spec: Mail, people: Mapping[str, Person], subject: str,
             date: datetime, threading: _Threading) -> None:
    """The headers, in the order mail clients write them."""
    person = people[spec.sender]
    msg["From"] = Address(person.name, addr_spec=person.address)
    msg["To"] = f"int-sect-team <{LIST_ADDRESS}>"
    if spec.cc:
        msg["Cc"] = ", ".join(
            str(Address(people[k].name, addr_spec=people[k].address)) for k in spec.cc
        )
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    if threading.message_id:
        msg["Message-ID"] = threading.message_id
    references = threading.references
    if references and spec.threading in ("full", "in-reply-to"):
        msg["In-Reply-To"] = references[-1]
    if references and spec.threading == "full":
        msg["References"] = " ".join(references)
    if person.client == "thunderbird":
        msg["User-Agent"] = "Mozilla Thunderbird"
    for name, value in spec.headers.items():
        msg[name] = value
    msg["List-Id"] = LIST_ID
    msg["List-Post"] = f"<mailto:{LIST_ADDRESS}>"
    msg["Precedence"] = "list"


def render_all(data: Path = DATA) -> list[tuple[datetime, int, bytes, str]]:
    """Build every message; return (delivery time, position, bytes, envelope sender)."""
    people = load_people(data / "people.yaml")
    done: dict[str, Rendered] = {}
    out: list[tuple[datetime, int, bytes, str]] = []
    for position, spec in enumerate(load_threads(data / "threads", people)):
        person = people[spec.sender]
        date = local_time(person, spec.date)
        parent = done[spec.reply_to] if spec.reply_to else None
        subject = _subject(spec, person, parent)
        text = _text(spec, person, date, parent)
        threading = _Threading(message_id_for(spec, person) if spec.message_id else None, ())
        if parent is not None and parent.message_id is not None:
            threading = _Threading(
                threading.message_id, (*parent.references, parent.message_id)
            )
        msg = EmailMessage(policy=POLICY)
        _headers(msg, spec, people, subject, date, threading)
        _set_body(msg, spec, text, data)

        done[spec.key] = Rendered(
            spec, person, date, subject, text, threading.message_id, threading.references
        )
        # Lists deliver within a minute or two; a held message goes out when released.
        delay = timedelta(seconds=40 + hashlib.sha256(spec.key.encode()).digest()[0])
        delivered = local_time(person, spec.delivered) if spec.delivered else date + delay
        out.append((delivered.astimezone(UTC), position, msg.as_bytes(), person.address))
    return out


def _set_body(msg: EmailMessage, spec: Mail, text: str, data: Path) -> None:
    boundary = f"=_iscg_{hashlib.sha256(spec.key.encode()).hexdigest()[:24]}"
    if spec.format == "html":
        msg.set_content(spec.html or "", subtype="html")
    elif spec.format == "latin1":
        msg.set_content(text, charset="iso-8859-1", cte="quoted-printable")
    elif spec.format == "alternative":
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
        content = (data / "attachments" / spec.attachment).read_bytes()
        msg.add_attachment(content, maintype="application", subtype="pdf",
                           filename=spec.attachment)
        msg.set_boundary(boundary)
    for part in msg.iter_parts():
        del part["MIME-Version"]  # the stdlib repeats it in each part; mail clients do not


def write_archive(output: Path, data: Path = DATA) -> int:
    """Write the archive to ``output`` (replacing it); return the number of messages."""
    messages = sorted(render_all(data), key=lambda item: (item[0], item[1]))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    box = mailbox.mbox(output)
    try:
        for delivered, _, content, sender in messages:
            # A leading From_ line tells mailbox.mbox the envelope; it quotes body "From ".
            envelope = f"From {sender} {time.asctime(delivered.timetuple())}\n".encode()
            box.add(envelope + content)
        box.flush()
    finally:
        box.close()
    return len(messages)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the mbox (default: {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help=f"the data folder (default: {DATA})"
    )
    args = parser.parse_args()
    try:
        count = write_archive(args.output, args.data)
    except DataError as error:
        parser.exit(1, f"error: {error}\n")
    print(f"wrote {count} messages to {args.output}")


if __name__ == "__main__":
    main()
