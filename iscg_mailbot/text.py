"""Text as people see it: invisible characters neutralised, long values shortened.

Ground floor (no stage imports): the digest renderer, the CLI tables and the analysis
service all use it. JSON output keeps values as written; only what is shown to a
person passes through :func:`shown`.
"""

from __future__ import annotations

import re

#: Longest subject or name shown (digest, CLI tables); longer ones end in "…".
MAX_SHOWN = 200
ELLIPSIS = "…"

# Characters that change the direction of the text around them or are invisible:
# bidi embeddings/overrides (U+202A-202E) and isolates (U+2066-2069), the directional
# marks LRM/RLM (U+200E/U+200F) and the Arabic letter mark (U+061C), zero-width space,
# non-joiner and joiner (U+200B-200D), word joiner (U+2060) and the BOM / zero-width
# no-break space (U+FEFF). A crafted subject can use them to reorder or hide what
# follows it on a line, or to make two different names look the same.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def neutralise(text: str) -> str:
    """``text`` without direction-changing and invisible characters.

    >>> neutralise("Pay \\u202eann\\u200b.exe\\u200f")
    'Pay ann.exe'
    """
    return INVISIBLE.sub("", text)


# ... and, in a body, C0/C1 control characters too (all but tab and newline): they
# have no business in a mail body or a page.
_UNSAFE_IN_BODY = re.compile(INVISIBLE.pattern[:-1] + r"\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` as a body shows it: line breaks as "\\n", invisible, direction-changing
    and control characters (but tab and newline) removed.

    >>> printable("Pay\\r\\n\\u202eann\\x07.exe")
    'Pay\\nann.exe'
    """
    return _UNSAFE_IN_BODY.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, ending in "…".

    A text without a space in its last half is cut mid-word rather than losing most
    of it.

    >>> shorten("Report of the ITU-T SG17 meeting in Geneva", 26)
    'Report of the ITU-T SG17…'
    >>> shorten("short", 25)
    'short'
    """
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(ELLIPSIS), 1)]
    space = cut.rfind(" ")
    if space >= len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    """A subject or name as shown to a person: neutralised, then shortened.

    >>> shown("\\u200fRe: " + "very " * 100 + "long", 30)
    'Re: very very very very very…'
    """
    return shorten(neutralise(text), limit)


#: Characters of the forwarded text (its forward header block) looked for in the new
#: text: the quote splitter usually keeps a forward inline, and it must count once.
_FORWARD_HEAD = 120


def analysis_text(new_text: str, forwarded_text: str, max_chars: int) -> str:
    r"""What analysis reads of one message: its new text, then the text it forwarded
    unless the new text already holds it, together at most ``max_chars`` characters
    (the whole message stays stored and searchable).

    >>> analysis_text("See the LS below.", "LS on IMT-2030", 30)
    'See the LS below.\n\nLS on IMT-2'
    >>> analysis_text("FYI\n\nLS on IMT-2030", "LS on IMT-2030", 100)
    'FYI\n\nLS on IMT-2030'
    """
    text = new_text[:max_chars]
    forwarded = forwarded_text.strip()
    if forwarded and forwarded[:_FORWARD_HEAD] not in new_text and len(text) + 2 < max_chars:
        text = f"{text}\n\n{forwarded}" if text else forwarded
    return text[:max_chars]


# A case-insensitive pattern takes U+0131 (dotless i) and U+0130 (capital I with a dot)
# for i, and U+017F (long s) for s, which str.lower() keeps (U+0131, U+017F) or writes as
# two characters (U+0130: "i" and a combining dot above, U+0307): folded() reads them as
# the letters the pattern takes them for.
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s", "\u0307": None})


def folded(text: str) -> str:
    """``text`` in lower case as a case-insensitive pattern reads it: a word such a
    pattern can match in ``text`` is a substring of ``folded(text)``.

    >>> folded("W\u0130ll \u017fend"), folded("Will send")
    ('will send', 'will send')
    """
    lowered = text.lower()
    if lowered.isascii() or not ("\u0131" in lowered or "\u017f" in lowered or "\u0307" in lowered):
        return lowered
    return lowered.translate(_FOLD)
