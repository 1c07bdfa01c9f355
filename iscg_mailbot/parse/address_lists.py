"""Splitting an address header at its top-level commas, quotes, comments and <...> kept.

    >>> split_address_list('"Doe, Jane" <jane@example.org>, bob@example.org')
    ['"Doe, Jane" <jane@example.org>', 'bob@example.org']
    >>> split_address_list("team: a@example.org, b@example.org;") is None  # group syntax
    True
"""

from __future__ import annotations

import re

# Anything that needs the scan: quotes, comments, escapes, group syntax, a comma in <...>.
# (A comma after a "<" with no ">" between: the last "<" before that comma has no "<"
# between either, so "<[^<>,]*," finds the same lists as "<[^>]*," did, without running
# from every "<" of "<a<a<a..." to the end: that was quadratic, 1 s for an 80 KB From.)
_SPLIT_NEEDS_SCAN = re.compile(r'["(\\:;]|<[^<>,]*,')


class _Scan:
    """Where a left-to-right scan of an address list is: in quotes, a comment, <...>."""

    def __init__(self) -> None:
        self.quoted = self.escaped = False
        self.angle = self.paren = 0

    def inside(self, char: str) -> bool:
        """Consume ``char`` if it is escaped, quoted or part of a comment."""
        if self.escaped:
            self.escaped = False
        elif char == "\\":
            self.escaped = True
        elif self.quoted:
            self.quoted = char != '"'
        elif self.paren:
            self.paren += (char == "(") - (char == ")")
        else:
            return False
        return True

    def bracket(self, char: str) -> bool:
        """Consume ``char`` if it opens a quote or a comment, or opens or closes <...>."""
        if char == '"':
            self.quoted = True
        elif char == "(":
            self.paren = 1
        elif char in "<>":
            self.angle += 1 if char == "<" else -1
        else:
            return False
        return True

    @property
    def balanced(self) -> bool:
        return not (self.quoted or self.angle or self.paren)


def split_address_list(text: str) -> list[str] | None:
    """Split an address list at top-level commas; None if it has group syntax or is unbalanced."""
    if not _SPLIT_NEEDS_SCAN.search(text):
        # The common case, checked at C speed: no quotes, comments, escapes or groups.
        return [item.strip() for item in text.split(",") if item.strip()]
    if "(" not in text and ")" not in text and "\\" not in text:
        return _split_by_tokens(text)
    return _split_by_scan(text)


# What a list without comments or escapes holds that the split must see: whole quoted
# strings (a "<", "," or ":" in them is a name's), an unterminated quote, angle brackets,
# commas, group syntax.
_TOKEN = re.compile(r'"[^"]*"|["<>,:;]')


def _split_by_tokens(text: str) -> list[str] | None:
    """:func:`_split_by_scan` for a list without "(", ")" or a backslash, by pattern: the
    scan of ``"Doe, Jane" <jane@example.org>`` character by character was most of the
    cost of reading a list's Cc line."""
    items: list[str] = []
    start = 0
    angle = 0
    for token in _TOKEN.finditer(text):
        char = token.group()
        if char[0] == '"':
            if len(char) == 1:
                return None  # a quote never closed
        elif char == "<":
            angle += 1
        elif char == ">":
            angle -= 1
        elif angle:
            continue  # inside <...> (or after a stray ">")
        elif char == ",":
            items.append(text[start : token.start()])
            start = token.end()
        else:
            return None  # group syntax
    if angle:
        return None
    items.append(text[start:])
    return [item.strip() for item in items if item.strip()]


def _split_by_scan(text: str) -> list[str] | None:
    """Split at top-level commas, a character at a time: quotes, nested comments, escapes."""
    items: list[str] = []
    start = 0
    scan = _Scan()
    for index, char in enumerate(text):
        if scan.inside(char) or scan.bracket(char) or scan.angle:
            continue
        if char in ":;":
            return None
        if char == ",":
            items.append(text[start:index])
            start = index + 1
    if not scan.balanced:
        return None
    items.append(text[start:])
    return [item.strip() for item in items if item.strip()]


# One mailbox of the plainest kind: an address (dot-atom local part, a domain of two or
# more labels) alone, or in <...> after nothing, after words of ASCII letters and digits
# (one space between them), or after a quoted name of letters, digits, spaces and
# ".,'-" (no escape, quote or encoded word). Every list mail header holds mostly these.
_DOT_ATOM_ADDRESS = (r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@"
                     r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                     r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
_SIMPLE_MAILBOX = re.compile(
    rf'(?:([A-Za-z0-9]+(?: [A-Za-z0-9]+)*)|"([A-Za-z0-9 .,\'-]*)"|) *<({_DOT_ATOM_ADDRESS})>'
    rf"|({_DOT_ATOM_ADDRESS})")


def simple_mailbox(text: str) -> list[tuple[str, str]] | None:
    """``[(name, address)]`` for one mailbox of the plainest kind, as mail-parser's
    ``get_addresses(text, decode_names=True)`` reads it (the name without its quotes);
    None for anything else, which mail-parser reads (~50 us a mailbox, where this takes
    ~1: a list's archive keeps bringing people not seen before).

    >>> simple_mailbox('"Doe, Ann" <Ann.Doe@itu.int>'), simple_mailbox("Bob Li <b@x.org>")
    ([('Doe, Ann', 'Ann.Doe@itu.int')], [('Bob Li', 'b@x.org')])
    >>> simple_mailbox("ann@itu.int"), simple_mailbox("=?utf-8?q?J=C3=B6rg?= <j@x.de>")
    ([('', 'ann@itu.int')], None)
    """
    match = _SIMPLE_MAILBOX.fullmatch(text)
    if match is None:
        return None
    words, quoted, address, bare = match.groups()
    if bare is not None:
        return [("", bare)]
    return [(words if words is not None else quoted or "", address)]
