"""``parse_message``: the parse stage's entry point, raw bytes to :class:`ParsedMessage`.

The bytes are parsed once, by the stdlib ``compat32`` parser that mail-parser itself
builds on (``mailparser.parse_from_bytes`` is ``email.message_from_bytes`` plus work
done on the result). mail-parser's full pass was measured at ~750 msg/s on the ksummit
archives, two thirds of it spent on Received-header forensics and on parsing six
address headers we do not use, so this module calls mail-parser only for what it does
well and we need: reading From/To/Cc (:func:`.headers.parse_addresses`). Body, charset
and date handling are ours (see :mod:`.body`, :mod:`.headers`), because mail-parser
neither prefers text/plain in ``multipart/alternative`` nor falls back beyond UTF-8.
"""

from __future__ import annotations

import re
from email.message import Message

from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.body import extract_body
from iscg_mailbot.parse.headers import (
    clean_message_id,
    date_and_offset,
    date_to_utc,
    decode_header_text,
    is_automatic,
    parse_addresses,
    parse_references,
    synthetic_message_id,
)
from iscg_mailbot.parse.mime import (
    content_charset,
    content_type,
    read_message,
    remember_first_fields,
)
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.parse.subjects import normalise_and_forward
from iscg_mailbot.records import Address, ParsedMessage, RawMessage

#: Default size limit: larger input is quarantined rather than parsed.
DEFAULT_MAX_BYTES = 25_000_000
#: Longest List-Id kept.
MAX_LIST_ID = 255

_HEADER_BODY_SEPARATOR = re.compile(rb"\r?\n\r?\n")
_BRACKETED = re.compile(r"<([^<>]+)>")
_NO_SENDER = Address(name="", address="")


def parse_message(raw: RawMessage, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedMessage:
    """Parse one raw message; raise :class:`UnparseableMessage` with a reason if it cannot be.

    No other exception escapes: an unexpected one is reported as ``UnparseableMessage``
    naming its type and text, so the caller can quarantine the message and go on.

    >>> from iscg_mailbot.records import Provenance
    >>> parsed = parse_message(RawMessage(
    ...     b"From: Ann <ann@itu.int>\\r\\nSubject: Re: [iscg] LS on IMT-2030\\r\\n"
    ...     b"Message-ID: <1@itu.int>\\r\\n\\r\\nAgreed.\\r\\n\\r\\n> Draft attached.\\r\\n",
    ...     Provenance(mailbox="INBOX", uid=7)))
    >>> parsed.message_id, parsed.normalised_subject, parsed.new_text, parsed.quoted_text
    ('1@itu.int', 'ls on imt-2030', 'Agreed.', '> Draft attached.')
    >>> parse_message(RawMessage(b"  \\r\\n", Provenance()))
    Traceback (most recent call last):
    ...
    iscg_mailbot.errors.UnparseableMessage: empty message
    """
    data = raw.data
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise UnparseableMessage(f"message data is {type(data).__name__}, not bytes")
    data = bytes(data)
    if len(data) > max_bytes:
        raise UnparseableMessage(f"message of {len(data)} bytes exceeds the {max_bytes}-byte limit")
    if not data.strip():
        raise UnparseableMessage("empty message")
    try:
        return _parse(raw, data)
    except UnparseableMessage:
        raise
    except RecursionError as exc:
        raise UnparseableMessage("MIME structure nested too deeply to parse") from exc
    except Exception as exc:
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise UnparseableMessage(f"parser error {type(exc).__name__}: {detail}") from exc


def _parse(raw: RawMessage, data: bytes) -> ParsedMessage:
    message = read_message(data)
    headers = _header_values(message)
    body = extract_body(message)
    if not headers:
        if not body.text.strip() and not body.attachments:
            raise UnparseableMessage("no headers and no body")
        if _looks_binary(data):
            raise UnparseableMessage("no headers and binary content: not an e-mail message")

    charset = _body_charset(message)
    subject = decode_header_text(_first(headers, "subject"), charset)
    message_id = clean_message_id(_first(headers, "message-id"))
    synthetic = message_id is None
    if message_id is None:
        first_values = {name: values[0] for name, values in headers.items()}
        message_id = synthetic_message_id(first_values, _raw_body(data))

    normalised_subject, forwarded = normalise_and_forward(subject)
    new_text, quoted_text, signature = split_new_text(body.text, forwarded=forwarded)
    header_date, offset = date_and_offset(_first(headers, "date"))
    unreadable_date = header_date is None and _first(headers, "date") is not None
    defects = _defects(message, headers, body.defects, unreadable_date=unreadable_date)
    return ParsedMessage(
        message_id=message_id,
        synthetic_id=synthetic,
        in_reply_to=clean_message_id(_first(headers, "in-reply-to")),
        references=parse_references(" ".join(headers.get("references", ()))),
        subject=subject,
        normalised_subject=normalised_subject,
        sender=_sender(headers, charset),
        to=_addresses(headers, "to", charset),
        cc=_addresses(headers, "cc", charset),
        date=header_date or date_to_utc(None, raw.received_at),
        body_text=body.text,
        new_text=new_text,
        quoted_text=quoted_text,
        signature=signature,
        attachments=tuple(body.attachments),
        raw_size=len(raw.data),
        list_id=_list_id(_first(headers, "list-id")),
        provenance=raw.provenance,
        defects=defects,
        utc_offset_minutes=offset,
        forwarded_text=body.forwarded,
        automatic=is_automatic(headers),
    )


_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32)) + b"\x0b\x0c\x7f"


def _looks_binary(data: bytes) -> bool:
    """True when over a tenth of the first 4 KB are control bytes (an Outlook .msg, a zip)."""
    sample = data[:4096]
    return len(sample.translate(None, _CONTROL_BYTES)) < len(sample) * 0.9


def _header_values(message: Message) -> dict[str, list[str]]:
    """Lower-case header name -> raw values in order (8-bit bytes as surrogate escapes)."""
    values: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        values.setdefault(name.strip().lower(), []).append(value)
    remember_first_fields(message, values)  # the body walk asks for them next
    return values


def _first(headers: dict[str, list[str]], name: str) -> str | None:
    found = headers.get(name)
    return found[0] if found else None


def _raw_body(data: bytes) -> bytes:
    separator = _HEADER_BODY_SEPARATOR.search(data)
    return data[separator.end() :] if separator else data


def _body_charset(message: Message) -> str | None:
    """The first charset a text part declares: the best guess for raw 8-bit headers."""
    for part in message.walk():
        if content_type(part).startswith("text/"):
            readable, charset = content_charset(part)
            if not readable:
                return None
            if charset:
                return charset
    return None


def _addresses(headers: dict[str, list[str]], name: str, charset: str | None) -> tuple[Address, ...]:
    # Repeated To:/Cc: lines are invalid but seen; read them all.
    return parse_addresses(", ".join(headers.get(name, ())), charset)


def _sender(headers: dict[str, list[str]], charset: str | None) -> Address:
    for name in ("from", "sender", "reply-to", "return-path"):
        found = parse_addresses(_first(headers, name), charset)
        if found:
            return found[0]
    return _NO_SENDER


def _list_id(value: str | None) -> str | None:
    """``"ISCG <iscg.lists.itu.int>"`` -> ``"iscg.lists.itu.int"`` (RFC 2919)."""
    text = decode_header_text(value)
    if not text:
        return None
    match = _BRACKETED.search(text)
    list_id = (match.group(1) if match else text).strip().lower()
    return list_id[:MAX_LIST_ID] or None


def _defects(
    message: Message, headers: dict[str, list[str]], body: list[str], *, unreadable_date: bool
) -> tuple[str, ...]:
    """Short names of what was wrong: stdlib defect classes, then our own findings."""
    found: dict[str, None] = {}
    for part in message.walk():
        for defect in part.defects:
            found.setdefault(type(defect).__name__, None)
    if not headers:
        found.setdefault("no-headers", None)
    if unreadable_date:
        found.setdefault("unreadable-date", None)
    for item in body:
        found.setdefault(item, None)
    return tuple(found)

