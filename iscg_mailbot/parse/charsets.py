"""Body bytes to text: which codec a declared charset label really means, and what to
try when it is wrong.

Mail declares charsets loosely (Latin-1 for Windows-1252 text, ASCII for 8-bit bytes,
labels that name nothing), and some of it lies. :func:`decode_text` reads the declared
charset where it works, tolerates a few bad bytes, and falls back to UTF-8 and then
Windows-1252 only when the declared one fails broadly; it never raises.
"""

from __future__ import annotations

import codecs

#: Charset labels that name no real encoding: decode by trying UTF-8, then Windows-1252.
UNKNOWN_CHARSETS = frozenset(
    {"unknown", "unknown-8bit", "x-unknown", "x-user-defined", "default", "charset", "none", ""}
)
#: Declared labels replaced by the encoding mail clients really used (WHATWG practice):
#: Windows-1252 for Latin-1, GB18030 for GB2312/GBK, CP949 for KS C 5601, and UTF-8
#: (a superset) for ASCII, so 8-bit bytes mislabelled as ASCII still decode.
CHARSET_REPLACEMENTS: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "ansi_x3.4-1968": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "iso-8859-8-i": "iso-8859-8",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "utf8": "utf-8",
}
#: Last resort: every byte maps to something, undefined ones to U+FFFD.
FALLBACK_CODEC = "cp1252"


#: Codecs that read every ASCII byte as that same character (``tests/test_parse_fast_paths``
#: checks each): an ASCII payload declared in one of them is its own text.
ASCII_COMPATIBLE = frozenset({"ascii", "utf-8", "cp1250", "cp1251", "cp1252", "koi8-r",
                              "gb18030", *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8,
                                                                     9, 10, 13, 14, 15, 16))})


def codec_for(label: str | None) -> str | None:
    """The Python codec for a declared charset label, or None when it names none.

    >>> codec_for("ISO-8859-1"), codec_for(' "utf8" '), codec_for("x-unknown")
    ('cp1252', 'utf-8', None)
    """
    if not isinstance(label, str) or "\x00" in label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in UNKNOWN_CHARSETS:
        return None
    name = CHARSET_REPLACEMENTS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, charset: str | None) -> tuple[str, str]:
    """Decode body bytes; return the text and the codec that read them.

    Reads the declared charset (mapped by :data:`CHARSET_REPLACEMENTS`); where a few
    bytes are invalid in it, only those become U+FFFD. Another charset is tried only
    when the declared one fails broadly (see :func:`_fails_broadly`): then UTF-8, then
    Windows-1252 with replacement characters, which never fails.

    >>> decode_text("Genève".encode("latin-1"), "iso-8859-1")
    ('Genève', 'cp1252')
    >>> decode_text("Genève".encode("utf-8"), "x-unknown")
    ('Genève', 'utf-8')
    >>> decode_text("Genève".encode("latin-1"), "utf-8")
    ('Genève', 'cp1252')
    >>> decode_text("Genève, Zürich, Malmö".encode("utf-8") + b" \\xff", "utf-8")
    ('Genève, Zürich, Malmö \\ufffd', 'utf-8')
    """
    candidates: list[str] = []
    declared = codec_for(charset)
    if declared is not None:
        candidates.append(declared)
    if "utf-8" not in candidates:
        candidates.append("utf-8")
    for codec in candidates:
        text = _strict_decode(data, codec)
        if text is not None:
            return text, codec
    if declared is not None:
        lenient = _lenient_decode(data, declared)
        if lenient is not None:
            return lenient, declared
    return data.decode(FALLBACK_CODEC, "replace"), FALLBACK_CODEC


def _lenient_decode(data: bytes, codec: str) -> str | None:
    """The text in ``codec`` with invalid bytes replaced, or None when it fails broadly."""
    try:
        text = data.decode(codec, "replace")
    except Exception:  # noqa: BLE001 - codecs raise more than UnicodeError on junk
        return None
    replaced = text.count("\ufffd") - _strict_fffd_count(data, codec)
    return None if _fails_broadly(data, replaced) else text


def _strict_fffd_count(data: bytes, codec: str) -> int:
    # U+FFFD written in the message itself is not a decoding error.
    try:
        return data.count("\ufffd".encode(codec))
    except (UnicodeError, LookupError):
        return 0


def _fails_broadly(data: bytes, replaced: int) -> bool:
    """Whether a charset is the wrong one, not a few bad bytes in the right one.

    Text in the wrong charset (Latin-1 labelled UTF-8) breaks at nearly every 8-bit
    byte; a good UTF-8 text with a stray byte breaks once among many valid sequences.
    Broad: at least half of the 8-bit bytes were invalid.
    """
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return replaced * 2 > high


_HIGH_BYTES = bytes(range(128, 256))


def _strict_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except Exception:  # noqa: BLE001 - codecs raise more than UnicodeError on junk (utf-7)
        return None
