"""A mailing list manager's footer at the end of a body (Mailman's): a rule of underscores,
then a line naming the list ("int-sect-team mailing list"), its address and pages.
:func:`~iscg_mailbot.parse.quoting.split_new_text` puts it with the signature before
reading the rest, so a long signature above it ("-- ", a name block, a disclaimer) is
read as one, and the footer is never new text."""

from __future__ import annotations

import re

from iscg_mailbot.parse.quote_lines import Lines

_RULE = re.compile(r"\s*_{10,}\s*$")
# Mailman names the list by its one-word name ("int-sect-team mailing list", Mailman 3
# adding " -- its address"): a line of prose ending "... the new regional mailing list"
# under a rule of underscores is the sender's text, not the footer.
_NAMES_LIST = re.compile(r"[ \t]*+[^\s]{1,80}[ \t]+mailing[ \t]+list(?:[ \t]+--[ \t]+\S+@\S+)?\s*$"
                         r"|.*\blistinfo\b", re.IGNORECASE)
# The footer's lines at most (the rule, the list's name, address, pages, unsubscribing).
_MAX_LINES = 8


def list_footer(text: Lines, start: int, end: int) -> int | None:
    """The first line of a list's footer ending ``[start, end)``: a rule of underscores
    followed by a line naming the list, with at most a few lines below; None if none."""
    content: list[int] = []
    index = end - 1
    while index >= start and len(content) < _MAX_LINES:
        if not text.blank[index]:
            content.append(index)
        index -= 1
    content.reverse()
    for position, line in enumerate(content[:-1]):
        if _RULE.match(text.lines[line]) and _NAMES_LIST.match(text.lines[content[position + 1]]):
            return line
    return None
