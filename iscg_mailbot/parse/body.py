"""Message bodies: readable text from any MIME structure and charset, attachment metadata.

The walk keeps to what a reader of the list sees: in ``multipart/alternative`` the
plain-text part wins over HTML; HTML-only mail is turned into text with inscriptis;
forwarded messages (``message/rfc822``) are shown inline under a forward marker, a
few levels deep; everything else becomes :class:`Attachment` metadata — the bytes are
never kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message
from html import unescape

from inscriptis import get_text
from inscriptis.model.config import ParserConfig

from iscg_mailbot.parse.charsets import ASCII_COMPATIBLE, codec_for, decode_text
from iscg_mailbot.parse.headers import decode_header_text, raw_to_text
from iscg_mailbot.parse.mime import (
    ascii_payload,
    content_charset,
    content_type,
    decoded_payload,
    first_fields,
    lenient_base64,
    read_message,
    without_padding,
)
from iscg_mailbot.records import Attachment

#: Text subtypes read as plain text when they are not attachments.
PLAIN_SUBTYPES = frozenset({"plain", "enriched", "richtext", "x-patch", "x-diff", "markdown"})
#: ``message/*`` subtypes that hold a whole forwarded message.
ENCLOSED_SUBTYPES = frozenset({"rfc822", "global"})
#: How deep forwarded messages are shown inline (deeper ones are listed as attachments).
MAX_INLINE_DEPTH = 3
#: HTML larger than this is stripped of tags by a regex rather than laid out.
MAX_HTML_LAYOUT = 2_000_000
#: Text beyond this many characters is cut. Analysis reads far less of each message
#: (``analysis_max_chars``); this only bounds what one message may store.
MAX_TEXT = 5_000_000

_HTML_CONFIG = ParserConfig(display_links=False, display_images=False)
_HIDDEN_OPEN = re.compile(r"<(style|script|head)\b", re.IGNORECASE)
_UNSAFE_CHARACTERS = re.compile(r"[\x00\ud800-\udfff]")
_BLANK_RUNS = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")


@dataclass
class BodyContent:
    """What :func:`extract_body` found: the text, attachments and problems noticed."""

    text: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    # The text of enclosed (forwarded) messages, with their forward headers: also in
    # ``text``, where a reader sees it inline, and kept apart for analysis.
    forwarded: str = ""


def clean_text(text: str) -> str:
    """Remove what no database will store (NUL, lone surrogates) and normalise newlines.

    >>> clean_text("a\\r\\nb\\x00c\\udce9")
    'a\\nbc\\ufffd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # no surrogates: only NUL to remove, found at C speed
        return text.replace("\x00", "")
    return _UNSAFE_CHARACTERS.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def html_to_text(html: str) -> str:
    """Lay out HTML as readable plain text (inscriptis); scripts and styles are dropped.

    >>> html_to_text("<p>Dear colleagues,</p><ul><li>LS on IMT-2030</li></ul>")
    'Dear colleagues,\\n\\n  * LS on IMT-2030'
    """
    if not html.strip():
        return ""
    if len(html) <= MAX_HTML_LAYOUT:
        try:
            text = get_text(html, _HTML_CONFIG)
        except (ValueError, RecursionError, TypeError, AttributeError):
            text = _strip_tags(html)
    else:
        text = _strip_tags(html)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _strip_tags(html: str) -> str:
    """Crude, linear-time HTML to text: drop script/style/head elements, then all tags."""
    kept: list[str] = []
    position = 0
    while opening := _HIDDEN_OPEN.search(html, position):
        kept.append(html[position : opening.start()])
        closing = re.compile(rf"</{opening.group(1)}\s*>", re.IGNORECASE).search(html, opening.end())
        position = closing.end() if closing else len(html)
    kept.append(html[position:])
    return unescape(_without_tags(" ".join(kept)))


def _without_tags(html: str) -> str:
    """``re.sub(r"<[^>]*>", " ", html)`` in linear time.

    The pattern, tried at each "<", runs to the end of the text when no ">" follows:
    quadratic in the length of HTML full of "<" (2 MB of it took over 20 minutes).
    The leftmost "<" with a ">" after it starts a tag, which ends at that first ">";
    once a "<" has no ">" after it, no later one has.
    """
    pieces: list[str] = []
    position = 0
    while (start := html.find("<", position)) != -1:
        end = html.find(">", start)
        if end == -1:
            break
        pieces += (html[position:start], " ")
        position = end + 1
    pieces.append(html[position:])
    return "".join(pieces)


def _transfer_encoding(part: Message) -> str:
    value = raw_to_text(raw_header(part, "content-transfer-encoding"))
    return value.strip().strip(";").strip().lower()


def raw_header(part: Message, name: str) -> str | None:
    """The first raw value of a header (8-bit bytes kept as surrogate escapes), or None.

    ``Message.get`` would wrap 8-bit values in an ``email.header.Header`` instead.

    >>> from email import message_from_bytes
    >>> raw_header(message_from_bytes(b"Subject: Gen\\xe8ve\\n\\nx"), "SUBJECT")
    'Gen\\udce8ve'
    """
    return first_fields(part).get(name.lower())


def payload_bytes(part: Message) -> bytes:
    """The decoded bytes of a leaf part, tolerating sloppy Content-Transfer-Encoding values.

    The stdlib ignores ``"base64 "`` (trailing space) and ``"base64;"``: those are
    decoded here, leniently (bad padding and stray characters are skipped).

    >>> from email import message_from_bytes
    >>> payload_bytes(message_from_bytes(b"Content-Transfer-Encoding: base64 \\n\\nSGk="))
    b'Hi'
    """
    payload = raw_payload(part)
    if isinstance(payload, list):
        return b""
    if isinstance(payload, bytes):
        return payload
    if _transfer_encoding(part) == "base64":
        raw = payload.encode("ascii", "ignore") if isinstance(payload, str) else bytes(payload)
        return lenient_base64(raw)
    data = decoded_payload(part)
    return data if isinstance(data, bytes) else b""


def raw_payload(part: Message) -> str | bytes | list[Message]:
    """``part.get_payload()``, or the decoded bytes where the stdlib cannot give it.

    For a leaf holding 8-bit bytes the stdlib decodes the text with the raw charset
    parameter, which raises on RFC 2231 (``charset*=``) or a NUL in the name.
    """
    payload = vars(part).get("_payload")
    if isinstance(payload, str) and payload.isascii():
        return payload  # what get_payload() returns for it, without its header lookup
    try:
        payload = part.get_payload()
    except (TypeError, ValueError, LookupError):
        data = part.get_payload(decode=True)
        return data if isinstance(data, bytes) else b""
    if isinstance(payload, list):
        return [item for item in payload if isinstance(item, Message)]
    return payload if isinstance(payload, str) else b""


def encoded_size(part: Message) -> int:
    """Size in bytes of a part's decoded payload, computed without decoding base64.

    >>> from email import message_from_bytes
    >>> encoded_size(message_from_bytes(b"Content-Transfer-Encoding: base64\\n\\nSGVsbG8=\\n"))
    5
    """
    total = 0
    pending = [part]  # iterative: enclosed messages may nest hundreds deep
    while pending:
        current = pending.pop()
        payload = raw_payload(current)
        if isinstance(payload, list):
            # Enclosed messages and delivery reports: count their headers too (roughly).
            for child in payload:
                if isinstance(child, Message):
                    total += sum(len(name) + len(value) + 3 for name, value in child.raw_items())
                    pending.append(child)
        elif _transfer_encoding(current) == "base64" and isinstance(payload, str):
            # Decoding a 20 MB base64 attachment only to measure it would dominate parse time.
            text = without_padding(payload.encode("ascii", "ignore"))
            total += (len(text) - sum(text.count(c) for c in (b"\n", b"\r", b" ", b"\t"))) * 3 // 4
        else:
            total += len(payload_bytes(current))
    return total


def attachment_metadata(part: Message) -> Attachment:
    """Describe a part as an attachment: decoded file name, content type and size.

    >>> from email import message_from_bytes
    >>> attachment_metadata(message_from_bytes(
    ...     b'Content-Type: application/pdf; name="=?utf-8?q?R=C3=A9sum=C3=A9.pdf?="\\n'
    ...     b"Content-Transfer-Encoding: base64\\n\\nJVBERi0xLjQK\\n"))
    Attachment(filename='Résumé.pdf', content_type='application/pdf', size=9)
    """
    return Attachment(
        filename=_filename(part),
        content_type=content_type(part),
        size=encoded_size(part),
    )


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename() or part.get_param("name")
    except (LookupError, ValueError, TypeError, UnicodeError):
        name = None
    if isinstance(name, tuple):  # an RFC 2231 value the stdlib could not collapse
        name = name[2]
    if not isinstance(name, str):
        return None
    decoded = decode_header_text(name)
    return decoded[:255] or None


def _kind(part: Message) -> tuple[str, str]:
    """``(part.get_content_maintype(), part.get_content_subtype())``."""
    maintype, _, subtype = content_type(part).partition("/")
    return maintype, subtype


def _is_attachment(part: Message) -> bool:
    disposition = ""
    if "content-disposition" in first_fields(part):  # else get_content_disposition() is None
        disposition = (part.get_content_disposition() or "").lower()
    if disposition == "attachment":
        return True
    maintype, subtype = _kind(part)
    if maintype == "text":
        return subtype not in PLAIN_SUBTYPES and subtype != "html"
    return maintype != "multipart" and maintype != "message"


def extract_body(message: Message) -> BodyContent:
    """Walk a parsed message and collect its readable text and attachment metadata.

    >>> from email import message_from_bytes
    >>> body = extract_body(message_from_bytes(
    ...     b"Content-Type: multipart/alternative; boundary=b\\n\\n--b\\n"
    ...     b"Content-Type: text/plain\\n\\nPlain version\\n--b\\n"
    ...     b"Content-Type: text/html\\n\\n<p>HTML version</p>\\n--b--\\n"))
    >>> body.text
    'Plain version'
    """
    content = BodyContent()
    texts: list[str] = []
    forwarded: list[str] = []
    # An explicit stack rather than recursion: hostile mail nests parts hundreds deep.
    work: list[_Work] = [(message, 0)]
    while work:
        item = work.pop()
        if isinstance(item, str):
            texts.append(item)
            forwarded.append(item)  # a forward header: always an enclosed message's
        else:
            start = len(texts)
            work.extend(reversed(_visit(*item, texts, content)))
            if item[1] > 0:
                forwarded.extend(texts[start:])
    content.text = _joined(texts, content)
    content.forwarded = _joined(forwarded, content)
    return content


def _joined(texts: list[str], content: BodyContent) -> str:
    text = "\n\n".join(t for t in texts if t.strip())
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        if "text-truncated" not in content.defects:
            content.defects.append("text-truncated")
    return _BLANK_RUNS.sub("\n\n", clean_text(text)).strip("\n")


#: A part still to visit (with its forwarding depth), or text to add as it is.
_Work = tuple[Message, int] | str


def _visit(part: Message, depth: int, texts: list[str], content: BodyContent) -> list[_Work]:
    """Take in a leaf part; for a container, return what to visit next, in order."""
    kind = _kind(part)
    # Leaves are read as bytes by payload_bytes(); only containers need their list here.
    payload = raw_payload(part) if part.is_multipart() else None
    if isinstance(payload, list):
        children = [child for child in payload if isinstance(child, Message)]
        return _visit_container(part, kind, children, depth, content)
    return _visit_leaf(part, kind, depth, texts, content)


def _visit_container(part: Message, kind: tuple[str, str], children: list[Message],
                     depth: int, content: BodyContent) -> list[_Work]:
    """A part the parser split into parts: which of them to visit next."""
    maintype, subtype = kind
    if maintype == "message" and subtype in ENCLOSED_SUBTYPES:
        return _visit_enclosed(part, _decoded_enclosed(part, children), content, depth)
    if maintype == "message":
        # delivery-status, disposition-notification: machine-readable blocks.
        content.attachments.append(attachment_metadata(part))
    elif subtype == "alternative":
        chosen = _preferred_alternative(children)
        return [] if chosen is None else [(chosen, depth)]
    elif subtype == "encrypted":
        content.attachments.extend(attachment_metadata(child) for child in children)
    else:
        return [(child, depth) for child in children]
    return []


def _visit_leaf(part: Message, kind: tuple[str, str], depth: int, texts: list[str],
                content: BodyContent) -> list[_Work]:
    """A part with a body of its own: its text, or its attachment metadata."""
    maintype, subtype = kind
    if maintype == "message" and subtype in ENCLOSED_SUBTYPES and depth < MAX_INLINE_DEPTH:
        # A forwarded message the stdlib left unparsed (base64-encoded message/rfc822).
        enclosed = read_message(payload_bytes(part))
        return _visit_enclosed(part, [enclosed], content, depth)
    if maintype == "multipart":
        # A multipart whose boundary never appears: its raw text is the best reading.
        content.defects.append("unsplit-multipart")
        texts.append(_decoded_text(part, content))
    elif _is_attachment(part):
        content.attachments.append(attachment_metadata(part))
    elif maintype == "text" and subtype == "html":
        texts.append(html_to_text(_decoded_text(part, content)))
    elif maintype in ("text", "message"):
        texts.append(_decoded_text(part, content))
    else:
        content.attachments.append(attachment_metadata(part))
    return []


def _visit_enclosed(
    part: Message, children: list[Message], content: BodyContent, depth: int
) -> list[_Work]:
    """A ``message/rfc822`` part: list it, and show it inline under a forward marker."""
    content.attachments.append(
        Attachment(
            filename=_filename(part) or _enclosed_name(children),
            content_type=content_type(part),
            size=encoded_size(part),
        )
    )
    if depth >= MAX_INLINE_DEPTH:
        content.defects.append("enclosed-message-too-deep")
        return []
    work: list[_Work] = []
    for child in children:
        work.extend((_forward_header(child), (child, depth + 1)))
    return work


def _decoded_enclosed(part: Message, children: list[Message]) -> list[Message]:
    """Re-read a base64-encoded ``message/rfc822``, which the stdlib parses as if it were not."""
    if _transfer_encoding(part) != "base64" or len(children) != 1:
        return children
    encoded = raw_payload(children[0])
    if not isinstance(encoded, str) or children[0].keys():
        return children
    return [read_message(lenient_base64(encoded.encode("ascii", "ignore")))]


def _enclosed_name(children: list[Message]) -> str | None:
    for child in children:
        subject = decode_header_text(raw_header(child, "subject"))
        if subject:
            return f"{subject[:200]}.eml"
    return None


def _forward_header(message: Message) -> str:
    lines = ["---------- Forwarded message ----------"]
    for name in ("From", "Date", "Subject", "To"):
        value = decode_header_text(raw_header(message, name))
        if value:
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def _preferred_alternative(children: list[Message]) -> Message | None:
    """Plain text if any alternative has some, else HTML, else the richest (last) part."""
    for wanted in ("plain", "html"):
        for child in children:
            if (
                content_type(child) == f"text/{wanted}"
                and not _is_attachment(child)
                and (wanted == "html" or _has_content(child))
            ):
                return child
    nested = [child for child in children if _kind(child)[0] == "multipart"]
    if nested:
        return nested[-1]
    return children[-1] if children else None


def _has_content(part: Message) -> bool:
    payload = raw_payload(part)
    return isinstance(payload, (str, bytes)) and bool(payload.strip())


def _decoded_text(part: Message, content: BodyContent) -> str:
    declared = content_charset(part)[1]
    text, codec = ascii_payload(part), codec_for(declared) or "utf-8"
    if text is None or codec not in ASCII_COMPATIBLE:  # else the payload is its own text
        data = payload_bytes(part)
        if not data:
            return ""
        text, codec = decode_text(data, declared)
    elif not text:
        return ""
    if declared is not None and codec != codec_for(declared):
        content.defects.append(f"charset-fallback:{declared[:40]}->{codec}")
    return text
