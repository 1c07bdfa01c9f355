"""A forwarded message sent ``>``-quoted: content new to the list, one quote level off.

Apple Mail's plain-text forward ("Begin forwarded message:") and some clients' inline
forwards put ``> `` before every line of the message they forward, header block and
liaison statement alike. The quote marks then say "forwarded", not "replied to": the
message was never on the list. :func:`dequote_forwards` takes one level of marks off a
``>`` run that a forward opens (its marker, then optionally its unquoted header block,
then the run, to the end of the forwarded part), so the statement's "Action required:"
and "Deadline:" are read as new text. Deeper levels stay quoted, and so does a quote
that a forwarded reply opens with (text of its own follows it): a reply quoted inside
the forwarded message is still a quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from iscg_mailbot.parse.quote_headers import block_end, is_outlook_header, kept_header_block_end
from iscg_mailbot.parse.quote_lines import RULE_LINE, Lines, is_forward_marker, is_original_message

# One quote level: the ">" (with up to three spaces before it) and one space after it.
_ONE_LEVEL = re.compile(r"[ \t]{0,3}> ?")


def dequote_forwards(text: Lines, starts: Sequence[int], cut: int) -> Lines:
    """``text`` with one ``>`` level taken off each quoted run a forward opens.

    ``starts`` are the forwarded messages' first lines (:func:`quote_and_forwards`);
    a run counts only when it lasts to the next forward or to ``cut``.
    Returns ``text`` itself when no forward opens a quoted run.

    >>> lines = Lines(["FYI", "Begin forwarded message:", "", "> From: A <a@b.org>",
    ...                "> To: c@d.org", ">", "> TSAG is invited to comment.", "> > old"])
    >>> dequote_forwards(lines, [1], 8).lines[3:]
    ['From: A <a@b.org>', 'To: c@d.org', '', 'TSAG is invited to comment.', '> old']
    """
    if not starts or text.last_marked < 0:
        return text
    bounds = [*sorted(s for s in set(starts) if s < cut), cut]
    changed = list(text.lines)
    for start, end in pairwise(bounds):
        run = _quoted_run(text, start, end)
        for index in range(*run):
            if text.marked[index]:
                changed[index] = _ONE_LEVEL.sub("", text.lines[index], count=1)
    return text if changed == text.lines else Lines(changed)


def _quoted_run(text: Lines, start: int, end: int) -> tuple[int, int]:
    """``[first, last)`` of the ``>`` run opening the forward at ``start`` (empty: none)."""
    index = past_forward_header(text, start, end)
    following = text.next_content[index - 1] if index > 0 else index
    if following >= end or not text.marked[following]:
        return (0, 0)
    last = following
    while last < end and (text.marked[last] or text.blank[last] or text.snip[last]):
        last += 1
    # Text of its own below the run: the forwarded message is a reply that opens with a
    # quote ("> your question\n\nOur answer ..."), and its quote stays one.
    return (following, last) if last >= end else (0, 0)


def past_forward_header(text: Lines, start: int, end: int) -> int:
    """The first line of a forwarded message's body: past its marker, rules and unquoted
    header block (from ``start``, its first line, to ``end``).

    >>> past_forward_header(Lines(["---------- Forwarded message ---------",
    ...     "From: A <a@b.org>", "Date: Mon, 5 Oct 2026 10:15", "To: TSAG", "", "Hi"]), 0, 6)
    4
    """
    lines, index = text.lines, start
    while index < end and (text.blank[index] or RULE_LINE.match(lines[index])
                           or is_forward_marker(lines[index])
                           or is_original_message(lines[index])):
        index += 1
    # (The block's end first: the split found it already, reading the forward's header.)
    if index < end and not text.marked[index] and (
            kept_header_block_end(text, index) > index or is_outlook_header(text, index)):
        index = min(end, block_end(text, index))
    return index
