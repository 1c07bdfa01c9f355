"""Splitting an address header at its top-level commas, quotes, comments and <...> kept.

    >>> split_address_list('"Doe, Jane" <jane@example.org>, bob@example.org')
    ['"Doe, Jane" <jane@example.org>', 'bob@example.org']
    >>> split_address_list("team: a@example.org, b@example.org;") is None  # group syntax
    True
"""

from __future__ import annotations

import re

# Anything that needs the scan: quotes, comments, escapes, group syntax, a comma in <...>.
_SPLIT_NEEDS_SCAN = re.compile(r'["(\\:;]|<[^>]*,')


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
