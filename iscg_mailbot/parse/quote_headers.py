"""Reply and forward header blocks: where a top-posted quote starts, and what a reader
takes as new in a text.

An Outlook block ("From: … Sent: … To: … Subject: …") or "-----Original Message-----"
starts a quote that runs to the end; a forwarded message's header block introduces
content new to the list. :func:`header_block_end` recognises a block by its structure,
in any language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from iscg_mailbot.parse.quote_lines import (
    OUTLOOK_FROM,
    OUTLOOK_SENT,
    OUTLOOK_TO_OR_SUBJECT,
    OUTLOOK_WINDOW,
    PGP_ARMOR,
    RULE_LINE,
    UNDERSCORE_RULE,
    Lines,
    is_attribution,
    is_forward_marker,
    is_original_message,
    is_quoted_line,
    is_unmarked_attribution,
    may_start_with,
)
from iscg_mailbot.parse.subjects import is_forward_subject

# What OUTLOOK_FROM's labels start with (two letters, lower case; quote_lines.may_start_with).
_OUTLOOK_FROM_HEADS = frozenset({"fr", "de", "vo", "va", "da", "od"})

# A header field as any mail client writes it, in any language: a short label of
# letters (one to four words, optionally bold "*From:*"), a colon, and a value.
_FIELD = re.compile(
    r"[ \t]*\*{0,2}[^\W\d_][^\W\d_'.-]*(?:[ .'-]{1,2}[^\W\d_]+){0,3}\.?\*{0,2}[ \t]*[:：]"
    r"\*{0,2}(?:[ \t]+|$)(?P<value>.*)$"
)
_HAS_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[mailto:|<[^<>\s]+@", re.IGNORECASE)
# A date or a time of day, in any calendar notation mail clients use (a year, "10:15",
# "2026年"): the "Sent:" field whatever its label says. As written first,
#     (?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d:])\d{1,2}[:h.]\d\d(?![\d:])
# but opening with the digit that both start with, the look-behinds after it: a pattern
# that starts with a look-behind is tried at every character, one that starts with a
# class only where the class matches (a third of the cost on the fields' values).
_HAS_DATE = re.compile(
    r"\d(?:(?<!\d\d)(?:(?<=1)9|(?<=2)0)\d\d(?!\d)|(?<![\d:]\d)\d?[:h.]\d\d(?![\d:]))")
_MAX_FIELD_LABEL = 30
_MAX_BLOCK_LINES = 14
_MAX_CONTINUATION = 2
_MAX_FIELDS = 6  # From, Sent, To, Cc, Subject and one more (Importance, Attachments)


def header_block_end(lines: Sequence[str], index: int) -> int:
    """End (exclusive) of a reply/forward header block starting at ``index``, or ``index``.

    Recognised by structure, not by its labels: a run of at least three "label: value"
    lines (a label being one to four words of letters, in any language and order; a
    long value may wrap onto the next line, as Outlook's "De: list <...> En nombre de
    Sofia\\nLindqvist"), one of whose first two fields holds an address and another
    field a date or time. A liaison statement's own header ("Source:", "Title:", "Deadline:")
    has no address up front and is not taken.

    >>> header_block_end(["De: int-sect-team <int-sect-team-bounces@lists.itu.int> En "
    ...     "nombre de Sofia", "Lindqvist", "Enviado el: lunes, 5 de octubre de 2026 10:15",
    ...     "Para: int-sect-team@lists.itu.int", "Asunto: RE: [int-sect-team] LS", "", "Hola"], 0)
    5
    """
    if not _may_start_block(lines, index):
        return index  # a block starts after a blank line, a rule or a marker, not mid-text
    fields, end = _read_fields(lines, index)
    return end if _is_mail_header(fields) else index


def _may_start_block(lines: Sequence[str], index: int) -> bool:
    previous = lines[index - 1] if index > 0 else ""
    return not previous.strip() or bool(
        RULE_LINE.match(previous) or is_original_message(previous) or is_forward_marker(previous))


class _Fields:
    """The "label: value" fields of a header block, read line by line."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self.labels: set[str] = set()
        self.continuation = 0

    def add(self, line: str, previous: str) -> bool:
        """Take ``line`` as a new field or as the wrapped value of the last; False: neither."""
        match = _FIELD.match(line)
        label = line.split(":", 1)[0].split("：", 1)[0].strip(" \t*").casefold()
        if (match and len(label) <= _MAX_FIELD_LABEL and label not in self.labels
                and len(self.values) < _MAX_FIELDS):
            self.labels.add(label)
            self.values.append(match.group("value"))
            self.continuation = 0
            return True
        if self.values and previous.strip() and self.continuation < _MAX_CONTINUATION \
                and len(line) <= 120:
            self.values[-1] += " " + line.strip()
            self.continuation += 1
            return True
        return False


def _read_fields(lines: Sequence[str], index: int) -> tuple[list[str], int]:
    """The field values of the block at ``index`` and the end of the lines they took
    (no values: no block starts at ``index``)."""
    fields = _Fields()
    spaced = False
    end = position = index
    limit = min(len(lines), index + _MAX_BLOCK_LINES)
    while position < limit:
        if not lines[position].strip():
            # Outlook's HTML-to-text puts a blank line between every two fields: allow
            # one when another field follows, unless the first fields were contiguous
            # (then the blank line ends the block and the message body starts).
            following = position + 1
            if (len(fields.values) != 1 and not spaced) or following >= limit or not _FIELD.match(
                lines[following]
            ):
                break
            spaced = True
            position = following
            continue
        count = len(fields.values)
        if not fields.add(lines[position], lines[position - 1] if position > 0 else ""):
            break
        if spaced and count >= 1 and len(fields.values) > count and lines[position - 1].strip():
            # A field right below another in a double-spaced block: the block is not
            # double-spaced, its first "field" was a line of text above it ("One question
            # for BDT: will ...?" above a forwarded mail's "De: ... / Enviado el: ...").
            return [], index
        position += 1
        end = position
    return fields.values, end


def _is_mail_header(fields: Sequence[str]) -> bool:
    """Three fields or more, an address in one of the first two, a date in another.

    The sender's field comes first (Outlook, Gmail, Apple Mail; Thunderbird's forward
    header, Subject/Date/From, follows a forward marker); a liaison statement's
    Contact comes last.
    """
    if len(fields) < 3:
        return False
    if _has_address(fields[0]):
        addressed = 0
    elif _has_address(fields[1]):
        addressed = 1
    else:
        return False
    return any(_HAS_DATE.search(v) for i, v in enumerate(fields) if i != addressed)


def _has_address(value: str) -> bool:
    """``_HAS_ADDRESS.search(value)``: each of its forms has an "@" or a "[" (most values
    of a header block have neither, and are passed over without the pattern)."""
    return ("@" in value or "[" in value) and _HAS_ADDRESS.search(value) is not None


def top_posted_quote_start(text: Lines, *, forwarded: bool) -> int:
    """Index of the first line of a quote that runs to the end, or ``len(lines)``."""
    return quote_and_forwards(text, forwarded=forwarded)[0]


def quote_and_forwards(text: Lines, *, forwarded: bool) -> tuple[int, list[int]]:
    """Where the top-posted quote starts (``len(lines)`` when none), and where each
    forwarded message above it starts (its marker, else its header block and the rule
    above it): the sender's note ends there, and so does the note's signature."""
    lines = text.lines
    skip_first_header = forwarded
    after_forward_marker = -10
    has_text_above = False
    inside_block = 0  # the end of a forwarded message's header block just passed over
    starts: list[int] = []
    blank, marked = text.blank, text.marked
    passed = 0  # the lines before it have been read
    for index in _candidate_lines(text):
        if not has_text_above:
            has_text_above = any(not (blank[i] or marked[i])
                                 for i in range(max(passed, inside_block), index))
        passed = index + 1
        if marked[index] or index < inside_block:
            continue
        line = lines[index]
        if is_forward_marker(line) or (forwarded and "--" in line
                                       and _titled_separator(text, index)):
            after_forward_marker = index
            starts.append(index)
            continue
        original = "--" in line and is_original_message(line)
        if original or is_outlook_header(text, index):
            if text.introduces_marked_quote(index):
                continue  # "---- Original message ----" above "> " lines: an attribution
            # The header of a forwarded message is content, not a quote.
            if index - after_forward_marker <= 3 or skip_first_header:
                if index - after_forward_marker > 3:
                    starts.append(include_rule_above(text, index))
                after_forward_marker = index if original else -10
                inside_block = index + 1 if original else block_end(text, index)
                # "Subject: FW: ..." in the block: the message forwarded was a forward
                # itself ("FW: FW:"), so the next header block starts content too.
                skip_first_header = _forwards_again(lines, index, inside_block)
                continue
            return include_rule_above(text, index), starts
        # Top-posting puts new text above the quote; an attribution on the first line
        # whose quote was deleted is followed by the reply itself.
        if (has_text_above and line.rstrip().endswith((":", "："))
                and is_unmarked_attribution(text, index)):
            return index, starts
        has_text_above = has_text_above or not PGP_ARMOR.match(line)
    return len(lines), starts


# A rule of dashes with a short title in it: "---------- Forwarded LS ----------".
_TITLED_RULE = re.compile(r"[ \t]*-{3,}[ \t]*[^\W\d_][^\n-]{0,40}?[ \t]*-{3,}[ \t]*$")


def _titled_separator(text: Lines, index: int) -> bool:
    """Whether line ``index`` of a message that forwards is a separator, whatever its
    title says ("---------- Forwarded LS ----------"), above the forwarded text itself.
    Above a mail header block or a ``>`` quote the block or the quote decides, as
    below a line of dashes with no title; "-----Original Message-----" keeps its own
    reading.

    >>> _titled_separator(Lines(["FYI", "---- Forwarded LS ----", "Source: SG20"]), 1)
    True
    """
    line = text.lines[index]
    if not _TITLED_RULE.match(line) or is_original_message(line) or "PGP" in line:
        return False  # (PGP's armour, "-----BEGIN PGP SIGNED MESSAGE-----", is no title)
    following = text.next_content[index]
    return (following < len(text.lines) and not text.marked[following]
            and kept_header_block_end(text, following) == following)


def _candidate_lines(text: Lines) -> list[int]:
    """The lines :func:`quote_and_forwards` reads. A header line or attribution has a
    colon, a marker without one (or PGP's armour) a "--": most lines have neither and are
    passed over at C speed (text above, no more). Each substring is looked for in the
    lines only if the text has it."""
    lines, whole = text.lines, text.text
    if "\uff1a" in whole:
        return [i for i, line in enumerate(lines)
                if ":" in line or "--" in line or "\uff1a" in line]
    if "--" in whole:
        return [i for i, line in enumerate(lines) if ":" in line or "--" in line]
    return [i for i, line in enumerate(lines) if ":" in line]


def _forwards_again(lines: Sequence[str], start: int, end: int) -> bool:
    """Whether a field of the header block ``[start, end)`` is a forward's subject."""
    for line in lines[start:end]:
        match = _FIELD.match(line)
        if match and is_forward_subject(match.group("value")):
            return True
    return False


def is_outlook_header(text: Sequence[str] | Lines, index: int) -> bool:
    """Whether line ``index`` opens a reply or forward header block (Outlook's labels, or
    any client's by its structure). ``text`` may be a body's :class:`Lines`: then the
    blocks found are kept for the next question about the same line."""
    lines = text.lines if isinstance(text, Lines) else text
    if ":" not in lines[index] and "：" not in lines[index]:
        return False  # every header line has a colon: most lines are ruled out at once
    if may_start_with(lines[index], _OUTLOOK_FROM_HEADS, 2) and OUTLOOK_FROM.match(lines[index]):
        window = lines[index + 1 : index + 1 + OUTLOOK_WINDOW]
        if any(OUTLOOK_SENT.match(line) for line in window) and any(
            OUTLOOK_TO_OR_SUBJECT.match(line) for line in window
        ):
            return True
    # Labels of other languages and clients: the block's structure says it. A block's
    # first line is a field after a blank line or a rule (tested first: they rule out
    # most lines with a colon).
    line = lines[index]
    return (may_be_field(line) and _may_start_block(lines, index) and bool(_FIELD.match(line))
            and kept_header_block_end(text, index) > index)


def may_be_field(line: str) -> bool:
    """False where ``_FIELD`` cannot match: a field's label is at most four words, and
    its colon the first in the line (prose has a colon, if any, further on).

    >>> may_be_field("**Sent:** Monday"), may_be_field("Note that the point is: x")
    (True, False)
    """
    colon = line.find(":")
    wide = line.find("\uff1a")
    if wide != -1 and (colon == -1 or wide < colon):
        colon = wide
    return colon != -1 and len(line[:colon].split(None, 4)) <= 4


def include_rule_above(text: Lines, index: int) -> int:
    """Move the cut up over the "____" rule and blank lines Outlook puts above its header."""
    start = index
    probe = index - 1
    while probe >= 0 and (text.blank[probe] or UNDERSCORE_RULE.match(text.lines[probe])):
        if not text.blank[probe]:
            start = probe
        probe -= 1
    return start


def kept_header_block_end(text: Sequence[str] | Lines, index: int) -> int:
    """:func:`header_block_end`, read once a line of a :class:`Lines` (the split asks at a
    forwarded message's header up to three times: is it a header, where does it end,
    where does the forward's body start)."""
    if not isinstance(text, Lines):
        return header_block_end(text, index)
    ends = text.header_ends
    end = ends.get(index)
    if end is None:
        end = ends[index] = header_block_end(text.lines, index)
    return end


def block_end(text: Sequence[str] | Lines, index: int) -> int:
    """End of the header block at ``index`` (structural, else up to the next blank line);
    ``text`` as in :func:`is_outlook_header`."""
    end = kept_header_block_end(text, index)
    if end > index:
        return end
    lines = text.lines if isinstance(text, Lines) else text
    end = index
    while end < len(lines) and end < index + OUTLOOK_WINDOW + 1 and lines[end].strip():
        end += 1
    return end


# Analysis reads a text's quotes twice (its sentences, then where its forwarded
# messages start): the reading is kept for the last texts read.
@lru_cache(maxsize=64)
def _read_quotes(text: str, forwarded: bool) -> tuple[Lines, int, tuple[int, ...]]:
    """The lines of ``text`` ("\\r" removed), where its top-posted quote starts and where
    each forwarded message above it starts (:func:`quote_and_forwards`)."""
    # (Most texts hold no "\r": their lines are the split as it is, its text the text.)
    whole = (Lines([line.rstrip("\r") for line in text.split("\n")]) if "\r" in text
             else Lines(text.split("\n"), text))
    cut, starts = quote_and_forwards(whole, forwarded=forwarded)
    return whole, cut, tuple(starts)


def forward_starts(text: str, *, forwarded: bool) -> list[int]:
    """The lines (indices in ``text.split("\\n")``) where the forwarded messages of
    ``text`` start: :func:`quote_and_forwards` of its lines.

    >>> forward_starts("FYI\\n---------- Forwarded message ---------\\nFrom: A <a@b.org>",
    ...                forwarded=False)
    [1]
    """
    if "\r" in text:  # the lines as they are, carriage returns included
        return quote_and_forwards(Lines(text.split("\n")), forwarded=forwarded)[1]
    return list(_read_quotes(text, forwarded)[2])


def readable_text(text: str, *, forwarded: bool = False) -> str:
    """What a reader takes as new in ``text``, at the same offsets.

    The top-posted quote (from a reply header of any language or client to the end) is
    cut off; forward markers and the mail header blocks of forwarded messages are
    blanked (their words are not the sender's, but the forwarded body below them is new
    to the list and kept). ``forwarded`` as in :func:`split_new_text`.

    >>> readable_text("FYI\\n---------- Forwarded message ---------\\nFrom: A <a@b.org>\\n"
    ...               "Date: Mon, 5 Oct 2026 10:15\\nTo: x@y.org\\n\\nTSB is invited.").split()
    ['FYI', 'TSB', 'is', 'invited.']
    """
    raw_lines = text.split("\n")
    whole, cut, _ = _read_quotes(text, forwarded)
    kept = raw_lines[:cut]
    index = 0
    while index < cut:
        line = whole.lines[index]
        if whole.blank[index] or whole.marked[index] or not (
                ":" in line or "-" in line or "_" in line or "\uff1a" in line):
            index += 1  # (a marker, a rule or a header line has one of these)
            continue
        if (is_forward_marker(line) or is_original_message(line)
                or UNDERSCORE_RULE.match(line)):
            end = index + 1
        elif is_outlook_header(whole, index) and not whole.introduces_marked_quote(index):
            end = min(cut, block_end(whole, index))
        else:
            index += 1
            continue
        for blanked in range(index, end):
            kept[blanked] = " " * len(raw_lines[blanked])
        index = end
    return "\n".join(kept)


def unquoted_text(text: str, *, forwarded: bool = False) -> str:
    """:func:`readable_text` cut at the first attribution ("On ... wrote:") and with
    ``>``-quoted lines blanked: what analysis reads of a message's new text, even where
    the quoting split missed a quote. Offsets are kept (blanked lines become spaces).

    >>> unquoted_text("Agreed.\\n> old text\\nSee you.\\nOn Mon, Ann wrote:\\nmore").split()
    ['Agreed.', 'See', 'you.']
    """
    text = readable_text(text, forwarded=forwarded)
    if ">" not in text and ":" not in text and "\uff1a" not in text:
        return text  # no quoted line, no attribution ("... wrote:")
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        body = line.rstrip("\r\n")
        # An attribution ends with a colon, a quoted line holds a ">": the tests in C
        # first rule out most lines without a call.
        if (":" in body or "\uff1a" in body) and is_attribution(body):
            break
        out.append(" " * len(body) + line[len(body):] if ">" in body and is_quoted_line(body)
                   else line)
    return "".join(out)
