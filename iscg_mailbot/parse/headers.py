"""Header fields: Message-IDs, addresses, dates and free text, read tolerantly.

Every function here takes the raw header value as the stdlib ``compat32`` parser stores
it (a ``str`` in which 8-bit bytes are kept as surrogate escapes) or ``None``, and
never raises on bad input: it returns ``None``, an empty value, or its best reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import warnings
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.errors import HeaderParseError
from email.header import decode_header
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache

from dateutil import parser as dateutil_parser
from mailparser.utils import get_addresses

from iscg_mailbot.parse.address_lists import simple_mailbox, split_address_list
from iscg_mailbot.parse.plain_dates import plain_date
from iscg_mailbot.records import Address

#: Longest Message-ID kept as is; the store's column holds 998 characters (RFC 5322's
#: line limit). Longer ones keep a prefix and a hash of the whole, so they stay unique
#: and References that name them still match.
MAX_MESSAGE_ID = 998
MAX_MESSAGE_ID_BYTES = 900
#: Longest address kept (the store's column size; RFC 5321 allows 254).
MAX_ADDRESS = 320
#: Headers hashed, with the body, into a synthetic Message-ID.
SYNTHETIC_ID_HEADERS: tuple[str, ...] = ("from", "to", "cc", "date", "subject")
SYNTHETIC_ID_DOMAIN = "iscg-mailbot.invalid"

_SURROGATES = re.compile(r"[\udc80-\udcff]")
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BRACKETED_ID = re.compile(r"<([^<>]*)>")
# Pipermail archives obfuscate addresses as "jjl at pobox.com".
_OBFUSCATED_ADDRESS = re.compile(r"^\s*([^\s@<>()\"]+) at ([^\s@<>()\"]+\.[^\s@<>()\"]+)")
_COMMENT = re.compile(r"\([^()]*\)")
# A Message-ID clean_message_id() returns as it is (if short): printable ASCII, no <> or spaces.
_PLAIN_ID = re.compile(r"[!-;=?-~]+")
# Dates from before e-mail, or far in the future, are garbage, not history.
_EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)
_NO_YEAR = datetime(1, 1, 1)


def raw_to_text(value: object, fallback_charset: str | None = None) -> str:
    """Turn a raw header value into text: 8-bit bytes decoded (UTF-8, else Windows-1252).

    ``fallback_charset`` (the charset the body declares) is tried after UTF-8: raw
    header bytes are usually in the sender's local charset. No RFC 2047 decoding
    happens here; see :func:`decode_header_text`. Other objects (an
    ``email.header.Header`` from ``Message.get``) are converted with ``str()``.

    >>> raw_to_text("Gen\\udce8ve")
    'Genève'
    >>> raw_to_text("\\udcb4\\udcfa\\udcb8\\udcd5", fallback_charset="big5")
    '測試'
    """
    if value is None:
        return ""
    if isinstance(value, bytes):
        data = value
    elif not isinstance(value, str):
        return str(value)
    elif not value.isascii() and _SURROGATES.search(value):
        data = value.encode("utf-8", "surrogateescape")
    else:
        return value
    for codec in ("utf-8", fallback_charset):
        if codec:
            try:
                return data.decode(_python_codec(codec))
            except (LookupError, ValueError):  # a bad byte, or a NUL in the charset's name
                continue
    return data.decode("cp1252", "replace")


def unfolded(text: str) -> str:
    """Each line break (CRLF first, then LF) as a space: ``re.sub(r"\\r?\\n", " ", text)``
    at C speed."""
    return text.replace("\r\n", " ").replace("\n", " ")


def _squeezed(text: str) -> str:
    """``_WHITESPACE.sub(" ", text).strip()``: ``\\s`` and ``str.split()`` both take
    what ``str.isspace()`` takes (checked over all of Unicode); this is C speed."""
    return " ".join(text.split())


def _without_controls(text: str) -> str:
    """``_CONTROL.sub("", text)``, skipped for printable text (no control characters)."""
    return text if text.isprintable() else _CONTROL.sub("", text)


def _decode_word(data: bytes | str, charset: str | None) -> str:
    if isinstance(data, str):
        return data
    if charset is None:
        # decode_header() encodes unencoded runs with raw-unicode-escape.
        return data.decode("raw-unicode-escape", "replace")
    for codec in (charset, "utf-8"):
        try:
            return data.decode(_python_codec(codec))
        except (LookupError, ValueError):  # a bad byte, or a NUL in the charset's name
            continue
    return data.decode("cp1252", "replace")


def _python_codec(charset: str) -> str:
    name = charset.strip().strip("\"'").lower()
    # gb2312 mail is routinely gbk/gb18030 in practice; ks_c_5601 is cp949.
    return {"gb2312": "gb18030", "gbk": "gb18030", "ks_c_5601-1987": "cp949"}.get(name, name)


def decode_header_text(value: object, fallback_charset: str | None = None) -> str:
    """Decode a free-text header (Subject, List-Id): 8-bit bytes, RFC 2047 words, folding.

    Runs of whitespace become one space and control characters are removed;
    ``fallback_charset`` is as for :func:`raw_to_text`.

    >>> decode_header_text("=?utf-8?q?R=C3=A9union_du_groupe?=\\n =?utf-8?q?_ISCG?=")
    'Réunion du groupe ISCG'
    >>> decode_header_text("=?x-unknown?q?caf=E9?=")
    'café'
    """
    text = raw_to_text(value, fallback_charset)
    if "=?" in text:
        # A broken encoded word stays as written; the rest is still readable.
        with contextlib.suppress(HeaderParseError, ValueError, LookupError, UnicodeError,
                                 AssertionError):
            text = "".join(_decode_word(data, charset) for data, charset in decode_header(text))
    if not text.isascii():
        text = _SURROGATES.sub("\ufffd", text)
    return _squeezed(_without_controls(text))


def clean_message_id(value: str | bytes | None) -> str | None:
    """Return the first Message-ID in a header value, without angle brackets or spaces.

    Values without brackets (some archive exports) are accepted when a token holds an
    ``@`` or is the only token. Case is kept: Message-IDs are case-sensitive.

    >>> clean_message_id(" <CAFoo123@mail.gmail.com> (added by list)")
    'CAFoo123@mail.gmail.com'
    >>> clean_message_id("abc.def@example.org")
    'abc.def@example.org'
    >>> clean_message_id("<>") is None
    True
    """
    text = raw_to_text(value)
    if not text.strip():
        return None
    match = _BRACKETED_ID.search(text)
    if match:
        candidate = "".join(match.group(1).split())
    else:
        tokens = _COMMENT.sub(" ", text).split()
        with_at = [token for token in tokens if "@" in token]
        if with_at:
            candidate = with_at[0]
        elif len(tokens) == 1:
            candidate = tokens[0]
        else:
            return None
    candidate = _without_controls(candidate).strip("<>")
    if not candidate or candidate == "@":
        return None
    encoded = candidate.encode("utf-8", "surrogatepass")
    if len(candidate) > MAX_MESSAGE_ID or len(encoded) > MAX_MESSAGE_ID_BYTES:
        # Cap by bytes, not characters: PostgreSQL's btree entries hold at most
        # 2,704 bytes, and 998 four-byte characters would not fit the unique index.
        digest = hashlib.sha256(encoded).hexdigest()[:32]
        prefix = encoded[: MAX_MESSAGE_ID_BYTES - 33].decode("utf-8", "ignore")
        candidate = f"{prefix}~{digest}"
    # Lone surrogates (undecodable bytes) cannot be stored as text by PostgreSQL.
    return candidate.encode("utf-8", "surrogatepass").decode("utf-8", "ignore") or None


def parse_references(value: str | bytes | None) -> tuple[str, ...]:
    """All Message-IDs of a References (or In-Reply-To) value, in order, without repeats.

    >>> parse_references("<a@x> <b@y>\\n\\t<a@x>")
    ('a@x', 'b@y')
    """
    text = raw_to_text(value)
    found = _BRACKETED_ID.findall(text)
    candidates = found if found else text.replace(",", " ").split()
    ids: dict[str, None] = {}
    for candidate in candidates:
        if len(candidate) <= MAX_MESSAGE_ID_BYTES and candidate != "@" and _PLAIN_ID.fullmatch(
            candidate
        ):
            ids.setdefault(candidate, None)  # the common case, as clean_message_id() has it
            continue
        cleaned = clean_message_id(f"<{candidate}>")
        if cleaned:
            ids.setdefault(cleaned, None)
    return tuple(ids)


def synthetic_message_id(headers: Mapping[str, str | None], body: str | bytes) -> str:
    """A stable Message-ID for a message that has none, from its main headers and body.

    ``headers`` maps lower-case names to raw values; only :data:`SYNTHETIC_ID_HEADERS`
    are used, with whitespace runs collapsed so refolding or CRLF/LF conversion between
    an IMAP fetch and an mbox export gives the same ID. A ``bytes`` body (the raw body,
    which does not depend on how this version decodes it) is read as Latin-1, losslessly.

    >>> synthetic_message_id({"from": "a@example.org", "subject": "Hello"}, "Hi\\r\\n")
    'synthetic-ffa4ac4aa47d7281ead0df14cc70d8f6@iscg-mailbot.invalid'
    """
    digest = hashlib.sha256()
    for name in SYNTHETIC_ID_HEADERS:
        value = _squeezed(raw_to_text(headers.get(name)))
        digest.update(f"{name}:{value}\n".encode("utf-8", "surrogatepass"))
    digest.update(b"\n")
    text = body.decode("latin-1") if isinstance(body, bytes) else body
    digest.update(_squeezed(text).encode("utf-8", "surrogatepass"))
    return f"synthetic-{digest.hexdigest()[:32]}@{SYNTHETIC_ID_DOMAIN}"


def parse_addresses(value: object, fallback_charset: str | None = None) -> tuple[Address, ...]:
    """Parse an address header into :class:`Address` records (names decoded, addresses lower-cased).

    mail-parser's address reader does the work: it decodes RFC 2047 names in their
    lexical context and recovers what it safely can from malformed lists. Entries without
    an address are dropped, as are repeats; pipermail's "user at host" obfuscation is
    undone. ``fallback_charset`` is as for :func:`raw_to_text`.

    >>> parse_addresses('=?utf-8?q?J=C3=B6rg?= <Joerg@Example.DE>, "Doe, Ann" <ann@itu.int>')
    (Address(name='Jörg', address='joerg@example.de'), Address(name='Doe, Ann', address='ann@itu.int'))
    >>> parse_addresses("jjl at pobox.com (John J. Lee)")
    (Address(name='John J. Lee', address='jjl@pobox.com'),)
    >>> parse_addresses("undisclosed-recipients:;")
    ()
    """
    text = raw_to_text(value, fallback_charset)
    if "\n" in text:
        text = unfolded(text)
    text = text.strip()
    if not text:
        return ()
    if len(text) <= _CACHED_LIST_LENGTH:
        return _read_address_list_cached(text)
    return _read_address_list(text)


#: Whole address headers up to this length are memoised too: on a list To and Cc lines recur.
_CACHED_LIST_LENGTH = 2000


@lru_cache(maxsize=4096)
def _read_address_list_cached(text: str) -> tuple[Address, ...]:
    return _read_address_list(text)


def _read_address_list(text: str) -> tuple[Address, ...]:
    items = split_address_list(text)
    if items is None:  # group syntax or unbalanced quoting: read the header as a whole
        return _read_addresses(text)
    found: dict[str, Address] = {}
    for item in items:
        if len(item) <= _CACHED_ITEM_LENGTH:
            addresses = _read_addresses_cached(item)
        else:
            addresses = _read_addresses(item)
        for address in addresses:
            found.setdefault(address.address, address)
    return tuple(found.values())


#: Single mailboxes up to this length are memoised. mail-parser's careful reader costs
#: ~0.5 ms per header; on a list the same people recur in every From and Cc line, so
#: reading each distinct mailbox once makes address parsing nearly free.
_CACHED_ITEM_LENGTH = 1000


@lru_cache(maxsize=8192)
def _read_addresses_cached(text: str) -> tuple[Address, ...]:
    return _read_addresses(text)


def _read_addresses(text: str) -> tuple[Address, ...]:
    pairs = simple_mailbox(text)  # the plainest mailboxes, as mail-parser reads them
    if pairs is None:
        if "@" not in text:
            text = _OBFUSCATED_ADDRESS.sub(r"\1@\2", text)
        try:
            pairs = get_addresses(text, decode_names=True)
        except Exception:  # noqa: BLE001 - fall back to the stdlib reader on any parser bug
            pairs = getaddresses([text])
    result: list[Address] = []
    for name, address in pairs:
        address = _CONTROL.sub("", address).strip().strip("<>").lower()
        if not address or len(address) > MAX_ADDRESS:
            continue
        name = _WHITESPACE.sub(" ", _CONTROL.sub("", name)).strip().strip("\"'").strip()
        if "=?" in name:
            # Encoded words inside quotes are not allowed, so mail-parser keeps them
            # literally; but clients write them and every mail reader decodes them.
            name = decode_header_text(name)
        if name.lower() == address:
            name = ""
        result.append(Address(name=name, address=address))
    return tuple(result)


def date_to_utc(value: str | bytes | None, fallback: datetime | None = None) -> datetime | None:
    """Read a Date header as an aware UTC datetime; ``fallback`` when it is unreadable.

    RFC 5322 dates and their obsolete forms are read by the stdlib; other layouts
    ("04-Jan-93 13:22:13", ISO 8601) by python-dateutil. A result without
    a year, before 1970 or after 2200 counts as unreadable. A naive ``fallback`` (such as
    an mbox ``From_`` date) is taken as UTC.

    >>> date_to_utc("Tue, 3 May 2024 10:12:00 +0200")
    datetime.datetime(2024, 5, 3, 8, 12, tzinfo=datetime.timezone.utc)
    >>> date_to_utc("04-Jan-93 13:22:13")
    datetime.datetime(1993, 1, 4, 13, 22, 13, tzinfo=datetime.timezone.utc)
    >>> date_to_utc("soon", fallback=datetime(2024, 1, 1))
    datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
    """
    text = _squeezed(raw_to_text(value))
    parsed = _plausible_utc(_parse_date(text)) if text else None
    return parsed if parsed is not None else _plausible_utc(fallback)


def utc_offset_minutes(value: str | bytes | None) -> int | None:
    """The UTC offset a Date header was written in, in minutes; None when it has none.

    >>> utc_offset_minutes("Fri, 10 Jul 2026 23:30:00 -0500")
    -300
    >>> utc_offset_minutes("Fri, 10 Jul 2026 23:30:00 -0000") is None  # "unknown zone"
    True
    """
    text = _squeezed(raw_to_text(value))
    return _offset_minutes(_parse_date(text) if text else None)


def date_and_offset(value: str | bytes | None) -> tuple[datetime | None, int | None]:
    """``date_to_utc(value)`` and, when that is a date, ``utc_offset_minutes(value)``, in one read.

    >>> date_and_offset("Fri, 10 Jul 2026 23:30:00 -0500")
    (datetime.datetime(2026, 7, 11, 4, 30, tzinfo=datetime.timezone.utc), -300)
    """
    text = _squeezed(raw_to_text(value))
    parsed = _parse_date(text) if text else None
    moment = _plausible_utc(parsed)
    return (None, None) if moment is None else (moment, _offset_minutes(parsed))


def _offset_minutes(parsed: datetime | None) -> int | None:
    offset = parsed.utcoffset() if parsed is not None else None
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    return minutes if -16 * 60 <= minutes <= 16 * 60 else None


def _plausible_utc(moment: datetime | None) -> datetime | None:
    """``moment`` in UTC (naive taken as UTC), or None when it is out of range."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return moment if _EARLIEST <= moment < _LATEST else None


def _parse_date(text: str) -> datetime | None:
    plain = plain_date(text)  # the layout nearly all mail writes, read by one pattern
    if plain is not None:
        return plain
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    cleaned = _COMMENT.sub(" ", text)
    with warnings.catch_warnings():
        # Unknown zone names ("MEZ") are read as UTC rather than warned about.
        warnings.simplefilter("ignore")
        try:
            # Not fuzzy: a fuzzy read of "3. Mai 2024" is 1 March; no date beats a wrong one.
            parsed: datetime = dateutil_parser.parse(cleaned, default=_NO_YEAR)
        except (ValueError, OverflowError, TypeError, dateutil_parser.ParserError):
            return None
    if parsed.year == _NO_YEAR.year:
        return None
    try:
        parsed.utcoffset()
    except (ValueError, OverflowError):
        return parsed.replace(tzinfo=None)
    return parsed


# The first token of an Auto-Submitted value ("auto-replied; owner-email=...").
_TOKEN = re.compile(r"[^\s;()]+")
_NEGATIVE = frozenset({"no", "false", "0", "off"})


def is_automatic(headers: Mapping[str, Sequence[str]]) -> bool:
    """Whether the header fields say the message was sent by a program, not a person.

    ``headers`` maps lower-case names to raw values (what the parse stage already has).
    Signals: ``Auto-Submitted`` with any value but ``no`` (RFC 3834: ``auto-replied``,
    ``auto-generated``, ``auto-notified``); ``X-Autoreply`` / ``X-Autorespond`` (set by
    vacation programs) unless they say no; ``Precedence: auto_reply``. Not signals:
    ``Precedence: bulk``/``junk``/``list``, which list servers and newsletters put on mail
    written by people, and ``X-Auto-Response-Suppress``, which Outlook puts on ordinary
    mail to ask the recipients' responders not to answer it.

    >>> is_automatic({"auto-submitted": ["Auto-Replied (vacation)"]})
    True
    >>> is_automatic({"auto-submitted": ["no"], "precedence": ["bulk"]})
    False
    """
    for value in headers.get("auto-submitted", ()):
        token = _TOKEN.search(raw_to_text(value))
        if token is not None and token.group(0).lower() != "no":
            return True
    for name in ("x-autoreply", "x-autorespond"):
        for value in headers.get(name, ()):
            text = raw_to_text(value).strip().lower()
            if text and text not in _NEGATIVE:
                return True
    return any(raw_to_text(value).strip().lower() == "auto_reply"
               for value in headers.get("precedence", ()))
