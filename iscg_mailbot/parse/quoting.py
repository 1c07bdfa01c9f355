"""Split a plain-text body into the new text, the quoted text and the signature.

Each rule is a small named pattern over lines:

- ``>`` quoting (and supercite's ``Name>``), as used by list regulars who reply
  inline (interleaved quotes are taken out wherever they are, and the new text
  between them is kept);
- attributions ("On … wrote:", "Le … a écrit :", "Am … schrieb …:", "El … escribió:",
  …) go with the quote they introduce;
- an Outlook reply header ("From: … Sent: … To: … Subject: …", in several languages)
  or an "-----Original Message-----" line starts a top-posted quote that runs to the
  end; so does a dated attribution below new text when no ``>`` line follows it
  (an HTML reply whose blockquote was lost in conversion);
- forwarded messages ("---------- Forwarded message ---------", "Begin forwarded
  message:") are new to the list and stay in the new text, as does the first Outlook
  header block of a message whose subject says it is a forward;
- the signature is what follows a ``-- `` line, a "Sent from my …" line, a PGP
  signature block, a legal disclaimer ("This e-mail and any attachments are
  confidential…"), or a sign-off ("Best regards,") followed by a short name/title
  block at the end of the new text.

mail-parser-reply was evaluated and not used: it took ~1.4 ms per ksummit body (more
than the rest of parsing), returned only the attribution line for bottom-posted and
interleaved replies, and strips every line (losing patch and table indentation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from iscg_mailbot.parse.list_footers import list_footer
from iscg_mailbot.parse.quote_headers import (
    header_block_end,
    quote_and_forwards,
    readable_text,
    unquoted_text,
)
from iscg_mailbot.parse.quote_lines import (
    RULE_LINE,
    Lines,
    attribution_span,
    is_original_message,
    may_start_with,
)
from iscg_mailbot.parse.quoted_forwards import dequote_forwards

_PGP_SIGNATURE = re.compile(r"-----BEGIN PGP SIGNATURE-----\s*$")
# The signature delimiter: "--", with a space or a tab after it or not.
_SIGNATURE_DASHES = frozenset({"--", "-- ", "--\t"})
_SENT_FROM_DEVICE = re.compile(
    r"\s*(?:Sent from my |Sent from Outlook|Get Outlook for |Envoyé de mon |"
    r"Von meinem .* gesendet|Enviado desde mi |Inviato da )",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"\W{0,6}(?:"
    r"(?:confidentiality|privacy|legal|important) (?:notice|message|note|statement|warning)|"
    r"disclaimer\b|avertissement\s*:|privileged (?:and|&) confidential|"
    r"this (?:e-?mail|message|communication|transmission)(?: message)?"
    r"(?: and (?:any|all|its) (?:attachments?|files?|documents?|enclosures?))?[^.]{0,60}? "
    r"(?:is|are|may|contains?|might)\b[^.]{0,80}?(?:confidential|privileged|intended)|"
    r"the (?:information|contents?) (?:contained )?in this (?:e-?mail|message|communication)|"
    r"if you (?:are not the intended recipient|have received this (?:e-?mail|message|"
    r"communication) (?:in error|by mistake))|"
    r"(?:any )?views (?:or|and) opinions (?:expressed|presented|contained) (?:in this|herein)|"
    r"please consider the environment before printing|"
    r"ce (?:message|courriel|e-?mail)(?: et (?:toutes )?(?:les |ses )?pièces jointes)? "
    r"(?:est|sont|peut|peuvent|contient|contiennent)\b[^.]{0,80}?(?:confidentiel|destinataire)|"
    r"diese (?:e-?mail|nachricht)[^.]{0,80}?(?:vertraulich|bestimmt)|"
    r"este (?:mensaje|correo)[^.]{0,80}?(?:confidencial|destinatario)"
    r")",
    re.IGNORECASE,
)
# "[EXTERNAL] This email originated from outside …" banners at the top of the body.
_EXTERNAL_BANNER = re.compile(
    r"\W{0,4}(?:\[?external\]?|caution|warning|attention)\W{0,4}.{0,40}"
    r"(?:originated|came|was sent|is) (?:from )?outside|"
    r"\W{0,4}\[?external (?:e-?mail|sender|message)\]?",
    re.IGNORECASE,
)
_BANNER_HEADS = frozenset({"exte", "caut", "warn", "atte"})
# Possessive white space (\s*+) where two runs of it meet: with plain \s*, a line of
# spaces around "regards" was tried every way of sharing them out (minutes per line).
_SIGN_OFF = re.compile(
    r"\s*+(?:(?:with )?(?:best|kind|warm|warmest|kindest|many|my)?\s*(?:regards|wishes)|"
    r"regards|cheers|thanks(?: and regards| & regards| again| a lot| in advance)?|"
    r"thank you(?: very much| in advance)?|many thanks|sincerely|yours(?: sincerely| truly| "
    r"faithfully)?|best|br|bien cordialement|cordialement|salutations|"
    r"meilleures salutations|bien à vous|mit freundlichen grüßen|mit freundlichen gruessen|"
    r"viele grüße|beste grüße|freundliche grüße|grüße|gruß|saludos(?: cordiales)?|atentamente|"
    r"un saludo|cordiali saluti|distinti saluti|saluti|met vriendelijke groet(?:en)?|"
    r"pozdrawiam|с уважением|此致敬礼|此致|谢谢|顺祝商祺|よろしくお願いします)\s*+[,.!]?\s*+$",
    re.IGNORECASE,
)
# "Regards, Stephen" on one line: only the regards family, not "Thanks, will do".
_SIGN_OFF_WITH_NAME = re.compile(
    r"\s*(?:(?:best|kind|warm|many)\s+)?regards\s*,\s*[^\s,.!?:;][^.!?:;]{0,40}$", re.IGNORECASE
)

# The openers of _explicit_signature() as one pattern each, so a line costs one match:
# before any text, a device line or a PGP block; after text, a disclaimer too.
_OPENS_SIGNATURE = re.compile(
    rf"(?:{_SENT_FROM_DEVICE.pattern})|(?-i:{_PGP_SIGNATURE.pattern})", re.IGNORECASE
)
_OPENS_SIGNATURE_AFTER_TEXT = re.compile(
    rf"(?:{_SENT_FROM_DEVICE.pattern})|(?-i:{_PGP_SIGNATURE.pattern})|(?:{_DISCLAIMER.pattern})",
    re.IGNORECASE,
)
# What the openers' words start with (the first four letters, lower case), before any
# text (a device line) and after text (a disclaimer too): see quote_lines.may_start_with.
_OPENER_HEADS = frozenset({"sent", "get ", "envo", "von ", "envi", "invi"})
_OPENER_HEADS_AFTER_TEXT = _OPENER_HEADS | {
    "conf", "priv", "lega", "impo", "disc", "this", "the ", "if y", "any ", "view", "plea",
    "aver", "ce m", "ce c", "ce e", "dies", "este"}
# _SIGN_OFF or _SIGN_OFF_WITH_NAME, in one match.
_ANY_SIGN_OFF = re.compile(rf"(?:{_SIGN_OFF.pattern})|(?:{_SIGN_OFF_WITH_NAME.pattern})",
                           re.IGNORECASE)
# The ASCII letters a sign-off starts with (the phrases of _SIGN_OFF, _SIGN_OFF_WITH_NAME).
_SIGN_OFF_FIRST = frozenset("abcdfgkmprstuvwy")
_FULL_NAME_END = re.compile(r"[|,(]")

_MAX_SIGNATURE_LINES = 7
# A first name alone on a line ("Lucia", "Jean-Pierre"), and how many title words
# ("Dr.", "Prof.") may come before it in the full name below.
_FIRST_NAME = re.compile(r"[^\W\d_][^\W\d_'\-]*(?:[-'][^\W\d_]+)*")
_TITLE_WORDS = 2
_MAX_DASH_SIGNATURE_LINES = 15
_MAX_SIGNATURE_LINE_LENGTH = 90
_MAX_SIGNATURE_LINE_WORDS = 10

def split_new_text(text: str, *, forwarded: bool = False) -> tuple[str, str, str]:
    """Split a plain-text body into ``(new, quoted, signature)``.

    ``forwarded`` says the message is a forward (its subject starts with "Fwd:"),
    so the first Outlook header block introduces content new to the list rather
    than a quote. All three parts have their outer blank lines removed. Runs in
    time linear in the length of the text, whatever the text.

    >>> new, quoted, signature = split_new_text(
    ...     "We support the LS.\\n\\nOn Tue, 3 May 2024, Ann wrote:\\n> Draft LS attached.\\n"
    ...     "\\n-- \\nBob Smith, ITU-T SG17"
    ... )
    >>> new
    'We support the LS.'
    >>> quoted
    'On Tue, 3 May 2024, Ann wrote:\\n> Draft LS attached.'
    >>> signature
    'Bob Smith, ITU-T SG17'
    """
    if "\r" in text:  # (most texts have none: the two scans for it are skipped)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    whole = Lines(text.split("\n"), text)
    cut, forward_starts = quote_and_forwards(whole, forwarded=forwarded)
    # A forward sent ">"-quoted (Apple Mail) is new text: one level of marks comes off.
    whole = dequote_forwards(whole, forward_starts, cut)
    new_lines: list[str] = []
    quoted_lines: list[str] = []
    signature_lines: list[str] = []
    # The note above a forwarded message and each message forwarded end where the next
    # begins: a signature or disclaimer ends its own part, not the text forwarded below.
    bounds = [0, *(s for s in forward_starts if 0 < s < cut), cut]
    for start, end in pairwise(bounds):
        part = whole if (start, end) == (0, len(whole.lines)) else whole.part(start, end)
        quoted_flags = _quoted_flags(part)
        signature_flags = _signature_flags(part, quoted_flags)
        for line, quoted, signature in zip(part.lines, quoted_flags, signature_flags,
                                           strict=True):
            if quoted:
                quoted_lines.append(line)
            elif signature:
                if line not in _SIGNATURE_DASHES:  # the delimiter itself is not kept
                    signature_lines.append(line)
            else:
                new_lines.append(line)
    quoted_lines.extend(whole.lines[cut:])
    return _tidy(new_lines), _tidy(quoted_lines), _tidy(signature_lines)


def _quoted_flags(text: Lines) -> list[bool]:
    """Mark ``>`` lines, the attributions above them, elision marks and blanks inside quotes."""
    flags = list(text.marked)
    _mark_attributions(text, flags)
    _mark_elisions(text, flags)
    _mark_gaps(text, flags)
    return flags


def _mark_attributions(text: Lines, flags: list[bool]) -> None:
    """An attribution ("On ... wrote:", "--- Original message ---") above a ``>`` quote."""
    if text.last_marked < 0:
        return  # no ">" quote for an attribution to introduce
    lines = text.lines
    # Only a line right above a ">" quote can be its attribution.
    for index in _lines_above_quotes(text):
        span = attribution_span(lines, index) or (1 if is_original_message(lines[index]) else 0)
        if span:
            for offset in range(span):
                flags[index - offset] = True


def _lines_above_quotes(text: Lines) -> list[int]:
    """The lines that are neither blank nor ``>``-quoted and whose next content line
    (past blank lines and elision marks) is: the content line above each run of ``>``
    lines and the elision marks between them. The runs are found at C speed (most lines
    are in none or inside one)."""
    blank, marked, snip = text.blank, text.marked, text.snip
    count = len(marked)
    above: list[int] = []
    start = _position(marked, True, 0, count)
    while start < count:
        index = start - 1
        # Elision marks and blank lines (never ">" lines) up to the content line above.
        while index >= 0 and not marked[index] and (blank[index] or snip[index]):
            if not blank[index]:
                above.append(index)
            index -= 1
        if index >= 0 and not marked[index]:
            above.append(index)
        start = _position(marked, True, _position(marked, False, start, count), count)
    return sorted(above)


def _mark_elisions(text: Lines, flags: list[bool]) -> None:
    """An elision mark ("[...]", "<snip>") next to a quote is part of it."""
    if True not in text.snip:
        return
    previous_flag = False
    for index in range(len(text.lines)):
        if text.blank[index]:
            continue
        if text.snip[index] and not flags[index]:
            flags[index] = previous_flag or text.introduces_marked_quote(index)
        previous_flag = flags[index]


def _mark_gaps(text: Lines, flags: list[bool]) -> None:
    """A blank line between two quoted lines belongs to the quote."""
    count = len(flags)
    # From the end of each run of quoted lines to the start of the next, at C speed.
    gap = _position(flags, False, _position(flags, True, 0, count), count)
    while gap < count:
        following = _position(flags, True, gap, count)
        if following == count:
            break
        if False not in text.blank[gap:following]:
            flags[gap:following] = [True] * (following - gap)
        gap = _position(flags, False, following, count)


def _segments(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Runs ``[start, end)`` of unquoted lines."""
    runs: list[tuple[int, int]] = []
    count = len(flags)
    end = 0
    while end < count:
        # list.index finds the ends of the runs at C speed.
        start = _position(flags, False, end, count)
        if start == count:
            break
        end = _position(flags, True, start, count)
        runs.append((start, end))
    return runs


def _position(flags: Sequence[bool], value: bool, start: int, count: int) -> int:
    """The first index from ``start`` holding ``value``, or ``count``."""
    try:
        return flags.index(value, start)
    except ValueError:
        return count


def _signature_flags(text: Lines, quoted: Sequence[bool]) -> list[bool]:
    flags = [False] * len(text)
    blank = text.blank
    segments = [(start, end) for start, end in _segments(quoted) if False in blank[start:end]]
    seen_text = False
    for number, (start, end) in enumerate(segments):
        if number == 0:
            start = _skip_external_banner(text, start, end, flags)
        if number == len(segments) - 1 and (footer := list_footer(text, start, end)) is not None:
            flags[footer:end] = [True] * (end - footer)  # the list's footer, put apart first
            end = footer
        signature_start, signature_end = _explicit_signature(text, start, end, seen_text)
        if number == len(segments) - 1:
            # "Thanks,\nJan\n-- \n…": the sign-off above the delimiter goes too.
            before = signature_start if signature_start is not None else end
            sign_off = _sign_off_start(text, start, before)
            if sign_off is not None:
                signature_start = sign_off
        if signature_start is not None:
            signature_start = _include_rules_above(text, start, signature_start)
            for index in range(signature_start, signature_end):
                flags[index] = True
        text_end = signature_start if signature_start is not None else end
        seen_text = seen_text or False in blank[start:text_end]
    return flags


def _skip_external_banner(text: Lines, start: int, end: int, flags: list[bool]) -> int:
    """Put an "[EXTERNAL] … from outside" banner paragraph at the top into the signature."""
    first = _position(text.blank, False, start, end)  # the first content line, at C speed
    if (first >= end or not may_start_with(text.lines[first], _BANNER_HEADS)
            or not _EXTERNAL_BANNER.match(text.lines[first])):
        return start
    index = first
    while index < end and not text.blank[index]:
        flags[index] = True
        index += 1
    return index


def _explicit_signature(
    text: Lines, start: int, end: int, seen_text: bool
) -> tuple[int | None, int]:
    """``[start, end)`` of a signature opened by "-- ", "Sent from my …" or a disclaimer.

    A delimiter followed by a long text is not taken at its word: after "-- " only the
    first paragraph is the signature (people paste documents below their sig), and a
    bare "--" is then just a separator.
    """
    # Before any text, a device line or PGP block opens a signature; after text, a
    # disclaimer too. Most lines start with a word that starts no opener: they are ruled
    # out without the pattern (quote_lines.may_start_with).
    heads, opener = ((_OPENER_HEADS_AFTER_TEXT, _OPENS_SIGNATURE_AFTER_TEXT) if seen_text
                     else (_OPENER_HEADS, _OPENS_SIGNATURE))
    blank, lines = text.blank, text.lines
    for index in range(start, end):
        if blank[index]:
            continue
        line = lines[index]
        if line in _SIGNATURE_DASHES:
            following = text.content_count(index + 1, end, _MAX_DASH_SIGNATURE_LINES)
            if following <= _MAX_DASH_SIGNATURE_LINES:
                return index, end
            if line.startswith("-- "):
                return index, _paragraph_end(text, text.next_content[index], end)
        elif may_start_with(line, heads) and opener.match(line):
            return index, end
        heads, opener = _OPENER_HEADS_AFTER_TEXT, _OPENS_SIGNATURE_AFTER_TEXT  # text above
    return None, end


def _paragraph_end(text: Lines, index: int, end: int) -> int:
    while index < end and not text.blank[index]:
        index += 1
    return index


def _sign_off_start(text: Lines, start: int, end: int) -> int | None:
    """A sign-off line followed by a short name/title block reaching the end of the text."""
    # The window: the last _MAX_SIGNATURE_LINES + 1 content lines (a sign-off and its
    # block), never the first content line: the lines it needs are the last + 2.
    content = _last_content(text, start, end, _MAX_SIGNATURE_LINES + 2)
    if len(content) < 2:
        return None
    for position in range(1, len(content)):
        line = text.lines[content[position]]
        rest = content[position + 1 :]
        if not (_is_sign_off(line) or (rest and _signs_with_full_name(line, text.lines[rest[0]]))):
            continue
        if len(rest) <= _MAX_SIGNATURE_LINES and all(
            _is_name_block_line(text.lines[i]) for i in rest
        ):
            return content[position]
    return None


def _last_content(text: Lines, start: int, end: int, count: int) -> list[int]:
    """The indexes of the last ``count`` non-blank lines in ``[start, end)``, in order."""
    found: list[int] = []
    blank = text.blank
    index = end - 1
    while index >= start and len(found) < count:
        if not blank[index]:
            found.append(index)
        index -= 1
    found.reverse()
    return found


def _is_sign_off(line: str) -> bool:
    """"Best regards,", "Regards, Ann", or two of them side by side in two languages
    ("Mit freundlichen Grüßen / Best regards")."""
    if " / " not in line:
        return _signs_off(line)
    return any(_signs_off(part) for part in (line, *line.split(" / ")[:2]))


def _signs_off(text: str) -> bool:
    """``_ANY_SIGN_OFF.match(text)``, ruling out at once a text whose first letter (an
    ASCII one, past white space) starts no sign-off."""
    first = text.lstrip()[:1]
    if first.isascii() and first.lower() not in _SIGN_OFF_FIRST:
        return False
    return _ANY_SIGN_OFF.match(text) is not None


def _signs_with_full_name(line: str, next_line: str) -> bool:
    """A first name on its own line, then the full signature starting with that name:
    "Lucia" above "Lucia Bianchi" (or "Dr. Omar Khalil" below "Omar"), the way many
    sign without a "Best regards"."""
    name = line.strip().rstrip(",.!")
    # A name with a space (most lines) is more than a first name: no pattern needed.
    if " " in name or not _FIRST_NAME.fullmatch(name):
        return False
    full_name = _FULL_NAME_END.split(next_line, maxsplit=1)[0].split()
    return (name in full_name[:_TITLE_WORDS + 1]
            and len(full_name) <= _TITLE_WORDS + 3
            and all(word[0].isupper() for word in full_name))


def _is_name_block_line(line: str) -> bool:
    """Short lines of a name, title, organisation or phone number, not prose: numbers
    ("+47 22 82 46 00") are not words."""
    stripped = line.strip()
    words = [word for word in stripped.split() if any(char.isalpha() for char in word)]
    return (
        len(stripped) <= _MAX_SIGNATURE_LINE_LENGTH
        and len(words) <= _MAX_SIGNATURE_LINE_WORDS
    )


def _include_rules_above(text: Lines, start: int, index: int) -> int:
    """Separator lines ("____", "****") just above a signature belong to it."""
    probe = index - 1
    while probe >= start and (text.blank[probe] or RULE_LINE.match(text.lines[probe])):
        if not text.blank[probe]:
            index = probe
        probe -= 1
    return index


_EXTRA_BLANKS = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")


def _tidy(lines: Sequence[str]) -> str:
    """Join lines, squeeze runs of blank lines to one, drop outer blank lines."""
    text = "\n".join(map(str.rstrip, lines))
    # Blank lines are empty once stripped: a run of two or more has "\n\n\n".
    if "\n\n\n" in text:
        text = _EXTRA_BLANKS.sub("\n\n", text)
    return text.strip("\n").strip()



__all__ = ["header_block_end", "readable_text", "split_new_text", "unquoted_text"]
