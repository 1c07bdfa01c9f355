"""Subject normalisation: strip reply/forward prefixes and list tags for threading.

Mail clients in every language prepend their own reply and forward markers, list
servers insert ``[list-name]`` tags, and the two interleave freely
(``Re: [int-sect-team] AW: Re[2]: LS on ...``). Threading by subject needs the part
that stays the same, compared case-insensitively.

Each rule is a small named pattern; the prefixes are data (:data:`REPLY_PREFIXES`,
:data:`FORWARD_PREFIXES`) so a new language is one word in a tuple.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

#: Reply markers, lower-case, without the colon. ``r`` is Italian/Spanish Outlook,
#: ``ré`` and ``réf.`` French, ``aw`` German, ``sv`` Nordic, ``vs`` Finnish,
#: ``antw`` Dutch, ``odp`` Polish, ``rif`` Italian, ``res`` Portuguese, ``ynt`` Turkish,
#: ``απ``/``σχετ`` Greek, ``отв`` Russian, ``回复``/``答复``/``回覆`` Chinese.
REPLY_PREFIXES: tuple[str, ...] = (
    "re", "r", "ré", "réf.", "réf", "aw", "sv", "vs", "antw", "antwort", "odp", "rif",
    "res", "ynt", "απ", "σχετ", "отв", "回复", "答复", "回覆",
)

#: Forward markers, lower-case, without the colon. ``tr`` French, ``wg`` German,
#: ``doorst`` Dutch, ``rv``/``enc`` Spanish/Portuguese, ``vl`` Finnish, ``pd`` Polish,
#: ``i`` Italian Outlook ("Inoltro"), ``πρθ`` Greek, ``转发``/``轉寄``/``转寄`` Chinese.
FORWARD_PREFIXES: tuple[str, ...] = (
    "fwd", "fw", "tr", "wg", "doorst", "rv", "enc", "vl", "pd", "i", "πρθ",
    "пересл", "转发", "轉寄", "转寄",
)

_ALTERNATION = "|".join(
    re.escape(word) for word in sorted(REPLY_PREFIXES + FORWARD_PREFIXES, key=len, reverse=True)
)

# One marker: a word, an optional counter ("Re[2]", "Re(3)", "Re^2"), then a colon
# (ASCII or full-width) possibly preceded by a space ("Ré :", French typography).
_MARKER = re.compile(
    rf"(?P<word>{_ALTERNATION})\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s?[:：]\s*",
    re.IGNORECASE,
)
# A list or topic tag in square brackets: "[int-sect-team]", "[Ksummit-discuss]".
_TAG = re.compile(r"\[[^\[\]]{0,80}\]\s*")
# A version marker inside a tag: "[PATCH v2]", "[RFC]", "[PATCH RFC v3 1/4]", "[v2]".
_VERSION = re.compile(r"(?<![\w-])(v\d{1,3}|rfc)(?![\w-])", re.IGNORECASE)
# Pine and older clients append "(fwd)" instead of prefixing.
_FWD_SUFFIX = re.compile(r"\s*\((?:fwd|fw)\)\s*$", re.IGNORECASE)
_REPLY_WORDS = frozenset(REPLY_PREFIXES)


def _strip_wrapping_quotes(subject: str) -> str:
    """Drop quotes wrapping the whole subject, as some archive exports write them."""
    if len(subject) >= 2 and subject[0] == subject[-1] and subject[0] in "'\"":
        return subject[1:-1].strip()
    return subject


def _leading_markers(
    subject: str, versions: list[str] | None = None
) -> tuple[list[str], str]:
    """Split ``subject`` into its leading markers (lower-case words, tags as "[]") and the rest.

    The version markers found in the tags ("v2", "rfc") are added to ``versions``.
    """
    markers: list[str] = []
    rest = subject
    while rest:
        tag = _TAG.match(rest)
        if tag:
            markers.append("[]")
            if versions is not None:
                versions.extend(v.casefold() for v in _VERSION.findall(tag.group()))
            rest = rest[tag.end():]
            continue
        marker = _MARKER.match(rest)
        if marker:
            markers.append(marker.group("word").lower())
            rest = rest[marker.end():]
            continue
        break
    return markers, rest


def normalise_subject(subject: str | None) -> str:
    """Return the subject without reply/forward prefixes and list tags, case-folded.

    Prefixes may repeat, mix languages and sit on either side of list tags; runs of
    whitespace become one space. Version markers in the tags (``v2``, ``RFC``) are kept
    in front, so that the threads of two versions of a proposal are never joined by
    subject. The result is meant for comparison, not display.

    >>> normalise_subject("Re: [int-sect-team] AW: Re[2]:  LS on  IMT-2030")
    'ls on imt-2030'
    >>> normalise_subject("Ré : TR: Réunion du groupe")
    'réunion du groupe'
    >>> normalise_subject("回复: 转发: 会议安排")
    '会议安排'
    >>> normalise_subject("Re: [PATCH] [v2] Documentation: guidelines")
    '[v2] documentation: guidelines'
    >>> normalise_subject("[RFC PATCH v3 2/7] mm: fix")
    '[rfc v3] mm: fix'
    """
    if not subject:
        return ""
    return normalise_and_forward(subject)[0]


def normalise_and_forward(subject: str | None) -> tuple[str, bool]:
    """``(normalise_subject(subject), is_forward_subject(subject))``, the markers read once.

    >>> normalise_and_forward("[iscg] Fwd: Re: LS on IMT-2030")
    ('ls on imt-2030', True)
    """
    if not subject:
        return "", False
    text = _strip_wrapping_quotes(" ".join(subject.split()))
    versions: list[str] = []
    markers, rest = _leading_markers(text, versions)
    words = [word for word in markers if word != "[]"]
    # The "(fwd)" suffix has a "(": a subject without one is not searched (from every
    # position, as the pattern starts with white space) for it.
    forward = (words[0] not in _REPLY_WORDS if words
               else "(" in subject and bool(_FWD_SUFFIX.search(subject)))
    if "(" in rest:
        rest = _FWD_SUFFIX.sub("", rest)
    rest = rest.strip().casefold()
    if versions and rest:
        return f"[{' '.join(dict.fromkeys(versions))}] {rest}", forward
    return rest, forward


def display_subject(subject: str | None, list_tags: Iterable[str] = ()) -> str:
    """The subject as a digest shows it: without its leading reply/forward markers and the
    list's own ``[tag]`` (the digest is about that list), in its own case, other tags kept.

    >>> display_subject("RE: [int-sect-team] AW: LS on IMT-2030", ["int-sect-team"])
    'LS on IMT-2030'
    >>> display_subject("[URGENT] Re: Room booking", ["int-sect-team"])
    '[URGENT] Re: Room booking'
    >>> display_subject("Re:", ["int-sect-team"])
    'Re:'
    """
    if not subject:
        return ""
    text = _strip_wrapping_quotes(" ".join(subject.split()))
    own_tags = {f"[{tag.casefold()}]" for tag in list_tags}
    rest = text
    while rest:
        tag = _TAG.match(rest)
        if tag and tag.group().strip().casefold() in own_tags:
            rest = rest[tag.end():]
            continue
        marker = _MARKER.match(rest)
        if marker:
            rest = rest[marker.end():]
            continue
        break
    return rest.strip() or text


# The importing process asks it of every message stored; a thread's replies repeat
# their subject.
@lru_cache(maxsize=1024)
def is_reply_subject(subject: str | None) -> bool:
    """True when the subject starts (after list tags) with a reply marker.

    A forward of a reply ("Fwd: Re: x") is not a reply; a reply to a forward
    ("Re: Fwd: x") is.

    >>> is_reply_subject("[int-sect-team] RE: Liaison statement")
    True
    >>> is_reply_subject("FW: Re: Liaison statement")
    False
    >>> is_reply_subject("Report on ITU-R WP 5D")
    False
    """
    words = [word for word in _markers(subject) if word != "[]"]
    return bool(words) and words[0] in _REPLY_WORDS


# Analysis asks it of each message twice (items, questions); a thread's subjects repeat.
@lru_cache(maxsize=1024)
def is_forward_subject(subject: str | None) -> bool:
    """True when the first reply/forward marker is a forward marker (or "(fwd)" ends it).

    >>> is_forward_subject("[int-sect-team] Fwd: LS from ITU-T SG17")
    True
    >>> is_forward_subject("Re: Fwd: LS from ITU-T SG17")
    False
    """
    words = [word for word in _markers(subject) if word != "[]"]
    if words:
        return words[0] not in _REPLY_WORDS
    return bool(subject) and bool(_FWD_SUFFIX.search(subject or ""))


def _markers(subject: str | None) -> list[str]:
    if not subject:
        return []
    text = _strip_wrapping_quotes(" ".join(subject.split()))
    return _leading_markers(text)[0]
