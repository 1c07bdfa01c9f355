"""The lines of a plain-text body, and the patterns that say which quote them.

Shared by the quoting split (:mod:`iscg_mailbot.parse.quoting`) and by analysis, which
reads new text with the same rules (one definition of what a quote looks like):

    >>> is_quoted_line("> Draft LS attached."), is_quoted_line("Bob> yes"), is_quoted_line("Yes.")
    (True, True, False)
    >>> is_attribution("On Tue, 3 May 2024, Ann wrote:"), is_attribution("Le 3 mai, Ann a écrit :")
    (True, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

# -- line patterns (each one named after the convention it recognises) ------------

# ">" quoting, and supercite's "Name> " (old Emacs users on technical lists).
QUOTED = re.compile(r"[ \t]{0,3}(?:>|[A-Za-z][\w.-]{0,15}> )")
PGP_ARMOR = re.compile(r"-----BEGIN PGP SIGNED MESSAGE-----$|Hash: \S+$")

# Attribution endings in the languages ISCG members write in: a verb right before the
# colon (at most 10 characters), or German and Dutch's, up to 80 characters before it.
_ATTRIBUTION_VERB = (r"\bwrote|\bwrites|\bsaid|a écrit|escribió|ha scritto|escreveu|skrev|"
                     r"kirjoitti|napisał\(a\)|napisał|написал\(а\)|написал|写道|寫道|のメッセージ")
_ATTRIBUTION_FAR_VERB = r"schrieb[^:]{0,80}|schreef[^:]{0,80}"
_ATTRIBUTION_COLON = r"\s*[:：]\s*$"
ATTRIBUTION_END = re.compile(
    rf"(?:{_ATTRIBUTION_VERB}|{_ATTRIBUTION_FAR_VERB}){_ATTRIBUTION_COLON}", re.IGNORECASE)
# The two halves, each searched only where a match of it can start (ends_attribution).
_ATTRIBUTION_VERB_END = re.compile(rf"(?:{_ATTRIBUTION_VERB}){_ATTRIBUTION_COLON}",
                                   re.IGNORECASE)
_ATTRIBUTION_FAR_VERB_END = re.compile(rf"(?:{_ATTRIBUTION_FAR_VERB}){_ATTRIBUTION_COLON}",
                                       re.IGNORECASE)
# A dated attribution ("On 3 May 2024, at 10:12, A wrote:"): safe to treat as the
# start of a top-posted quote even when the quote has no ">" marks.
DATED_ATTRIBUTION_START = re.compile(
    r"(?:On|Le|Am|El|Il giorno|Il|Em|Op|Den|Dnia|在)\b.*\d", re.IGNORECASE
)
# Elision marks between an attribution and its quote: "[...]", "<snip>", "[ . . . ]".
SNIP = re.compile(
    r"\s*(?:\[\s*(?:\.\s*){2,}\]|\[\s*snip[^\]]*\]|<\s*snip[^>]*>|\.{3}|…)\s*$", re.IGNORECASE
)
# What an elision mark starts with once leading spaces are stripped ("" for none: blank).
_SNIP_FIRST = "[<.…"
ATTRIBUTION_START = re.compile(r"\s*(?:On|Le|Am|El|Il|Em|Op|Den|Dnia|Quoting|在)\b", re.IGNORECASE)

# Outlook's reply header block, as it appears in the plain-text part. White space is
# possessive (\s*+) where two runs of it meet around an optional "*", so that a long run
# of spaces is not tried every way of sharing it out.
OUTLOOK_FROM = re.compile(
    r"\s*+\*?(?:From|De|Von|Van|Da|Od|Fra|Från|Lähettäjä|От|发件人|寄件者|差出人)\s*+\*?\s*+[:：]",
    re.IGNORECASE,
)
OUTLOOK_SENT = re.compile(
    r"\s*+\*?(?:Sent|Date|Envoyé|Gesendet|Verzonden|Enviado|Enviada|Fecha|Inviato|Data|"
    r"Datum|Wysłano|Sendt|Skickat|Lähetetty|Отправлено|发送时间|日期|寄件日期|送信日時)"
    r"\s*+\*?\s*+[:：]",
    re.IGNORECASE,
)
_SUBJECT_LABELS = (r"Subject|Objet|Betreff|Onderwerp|Asunto|Assunto|Oggetto|Temat|Emne|Ämne|"
                   r"Aihe|Тема|主题|主旨|件名")
OUTLOOK_TO_OR_SUBJECT = re.compile(
    r"\s*+\*?(?:To|À|A|An|Aan|Para|Per|Do|Til|Till|Vastaanottaja|Кому|收件人|"
    rf"{_SUBJECT_LABELS})\s*+\*?\s*+[:：]",
    re.IGNORECASE,
)
# The subject field alone, its value in group "value" (a quoted message's own subject).
OUTLOOK_SUBJECT = re.compile(rf"\s*+\*?(?:{_SUBJECT_LABELS})\s*+\*?\s*+[:：]\s*(?P<value>.*)",
                             re.IGNORECASE)
ORIGINAL_MESSAGE = re.compile(
    r"\s*-{2,}\s*(?:Original Message|Message d'origine|Ursprüngliche Nachricht|"
    r"Originalnachricht|Mensaje original|Messaggio originale|Mensagem original|"
    r"Oorspronkelijk bericht|Oprindelig meddelelse|Originalmeddelande|Alkuperäinen viesti|"
    r"Wiadomość oryginalna|Исходное сообщение|原始邮件|原始郵件)\s*-{2,}\s*$",
    re.IGNORECASE,
)
UNDERSCORE_RULE = re.compile(r"\s*_{20,}\s*$")

FORWARD_MARKER = re.compile(
    r"\s*(?:-{2,}\s*(?:Forwarded message|Message transféré|Weitergeleitete Nachricht|"
    r"Mensaje reenviado|Messaggio inoltrato|Mensagem encaminhada|Doorgestuurd bericht|"
    r"Videresendt melding|Vidarebefordrat meddelande|Пересылаемое сообщение|转发邮件)"
    r"\s*-{2,}|Begin forwarded message:|Début du message réexpédié\s*:|"
    # Apple Mail's marker in its other languages (German, Spanish, Italian, Portuguese,
    # Dutch): its forwards are often ">"-quoted below it (quoted_forwards).
    r"Anfang der weitergeleiteten Nachricht\s*:|Inicio del mensaje reenviado\s*:|"
    r"Inizio messaggio inoltrato\s*:|In[ií]cio da mensagem (?:re)?encaminhada\s*:|"
    r"Begin doorgestuurd bericht\s*:|"
    r"-{3,}\s*Forwarded by .*)\s*$",
    re.IGNORECASE,
)
# A separator line ("-----", "_____", "*****") above a header block or a signature.
RULE_LINE = re.compile(r"\s*[-_=*~#]{3,}\s*$")
OUTLOOK_WINDOW = 8


class Lines:
    """The lines of a body and what the rules ask about each, computed once.

    Every rule looks at a bounded window or uses these precomputed facts, so a
    hostile body (thousands of "x wrote:" or "[...]" lines) costs linear time.
    """

    def __init__(self, lines: list[str], text: str | None = None) -> None:
        """``text``, when given, is ``"\\n".join(lines)`` (the caller split it): not joined again."""
        self.lines = lines
        # NBSP-only lines are blank lines in text converted from Outlook HTML.
        self.blank = [not line.strip() for line in lines]
        # A quote mark needs a ">", an elision mark a "[", "<", "..." or "\u2026": a text
        # without them (most new text) has neither, and no line is matched. In a text
        # with them, substring tests still rule out most lines at C speed (a quote mark
        # has a ">", an elision mark starts with one of "[<.…" once spaces are gone); a
        # line that starts with ">" is a quote line without the pattern.
        self.text = whole = "\n".join(lines) if text is None else text
        self.marked = marked = (
            [line[:1] == ">" or (">" in line and QUOTED.match(line) is not None)
             for line in lines]
            if ">" in whole else [False] * len(lines))
        self.snip = (
            [line.lstrip()[:1] in _SNIP_FIRST and line.strip() != ""
             and SNIP.match(line) is not None for line in lines]
            if "[" in whole or "<" in whole or "..." in whole or "\u2026" in whole
            else [False] * len(lines))
        count = len(lines)
        self.last_marked = count - 1 - marked[::-1].index(True) if True in marked else -1
        # quote_headers.header_block_end at a line, kept by quote_headers the first time
        # it is asked: the split asks up to three times at a forwarded message's header.
        self.header_ends: dict[int, int] = {}

    def part(self, start: int, end: int) -> Lines:
        """``Lines(self.lines[start:end])``, its facts sliced from these rather than found
        again (each is a fact of its own line: a text-wide shortcut, such as no ">" in the
        text, only ever stands for the per-line answer)."""
        part = Lines.__new__(Lines)
        part.lines = lines = self.lines[start:end]
        part.blank = self.blank[start:end]
        part.text = "\n".join(lines)
        part.marked = marked = self.marked[start:end]
        part.snip = self.snip[start:end]
        part.last_marked = (len(marked) - 1 - marked[::-1].index(True) if True in marked
                            else -1)
        part.header_ends = {}
        return part

    @cached_property
    def next_content(self) -> list[int]:
        """``next_content[i]``: the next line after ``i`` that is neither blank nor an
        elision mark (``len(lines)`` if none). Computed when a rule first asks (a line
        past a quote mark, a "-- " delimiter...): most bodies never need it."""
        blank, snip = self.blank, self.snip
        count = len(blank)
        next_content = [count] * count
        following = count
        for index in range(count - 1, -1, -1):
            next_content[index] = following
            if not blank[index] and not snip[index]:
                following = index
        return next_content

    def __len__(self) -> int:
        return len(self.lines)

    def introduces_marked_quote(self, index: int) -> bool:
        """True when the next content line (past blanks and "[...]") is ``>``-quoted."""
        following = self.next_content[index]
        return following < len(self.lines) and self.marked[following]

    def content_count(self, start: int, end: int, limit: int) -> int:
        """Content lines in ``[start, end)``, counting no further than ``limit + 1``."""
        count = 0
        index = start
        if index < end and (self.blank[index] or self.snip[index]):
            index = self.next_content[index]
        while index < end and count <= limit:
            count += 1
            index = self.next_content[index]
        return count


def attribution_span(lines: Sequence[str], index: int) -> int:
    """Number of lines (1 or 2) of an attribution ending at ``index``, or 0."""
    line = lines[index].rstrip()
    # Cheap test first: this runs on every line of every body.
    if not line.endswith((":", "：")) or len(line) > 300 or not ends_attribution(line):
        return 0
    if ATTRIBUTION_START.match(line) or index == 0:
        return 1
    previous = lines[index - 1]
    # Clients wrap long attributions: "On Wed, …, James Bottomley\nwrote:".
    if previous.strip() and not QUOTED.match(previous) and ATTRIBUTION_START.match(previous):
        return 2
    return 1


def ends_attribution(line: str) -> bool:
    """``ATTRIBUTION_END.search(line)`` for a line that ends with its colon (no white space
    after it), at a tenth of the cost: searching a whole line tries every alternative at
    every position (~8 us a line), but a match ends at the colon, so its verb ends where
    the white space before the colon starts (the last 10 characters at most) or, for
    "schrieb"/"schreef", starts at most 87 characters before that.

    >>> ends_attribution("On Mon, Ann wrote:"), ends_attribution("Am Mo. schrieb Ann <a@b.de>:")
    (True, True)
    """
    verb_end = len(line[:-1].rstrip())
    return bool(_ATTRIBUTION_VERB_END.search(line, max(0, verb_end - 10))
                or _ATTRIBUTION_FAR_VERB_END.search(line, max(0, verb_end - 87)))


def is_unmarked_attribution(text: Lines, index: int) -> bool:
    """A dated "On … wrote:" followed by text that is not ``>``-quoted (lost HTML quote)."""
    span = attribution_span(text.lines, index)
    if not span or text.next_content[index] >= len(text.lines):
        return False
    if text.last_marked > index:
        return False  # the sender quotes with ">": this is prose, not a lost quote
    first = text.lines[index - span + 1]
    whole = first if span == 1 else first + " " + text.lines[index]
    return bool(DATED_ATTRIBUTION_START.match(whole))



def is_quoted_line(line: str) -> bool:
    """A ``>``-quoted line (or supercite's ``Name> ``)."""
    return ">" in line and bool(QUOTED.match(line))  # (every quote mark has a ">")


def is_attribution(line: str) -> bool:
    """An attribution line of a quote, in any of the languages: "On … wrote:"."""
    stripped = line.rstrip()
    return (stripped.endswith((":", "：")) and len(stripped) <= 300
            and bool(ATTRIBUTION_START.match(stripped)) and ends_attribution(stripped))


def is_forward_marker(line: str) -> bool:
    """"---------- Forwarded message ---------", "Begin forwarded message:"."""
    # Every marker has a dash or a colon and starts with a dash or one of a few words:
    # most lines are ruled out without the regex.
    return (("-" in line or ":" in line) and may_start_with(line, _FORWARD_MARKER_HEADS)
            and bool(FORWARD_MARKER.match(line)))


# What FORWARD_MARKER's words start with (the first four letters, lower case).
_FORWARD_MARKER_HEADS = frozenset({"begi", "anfa", "inic", "iniz"})


def may_start_with(line: str, heads: frozenset[str], size: int = 4) -> bool:
    """False when ``line`` (past its leading white space) starts with a letter or digit
    and its first ``size`` characters are ASCII and, lower-cased, none of ``heads`` (all
    ``size`` long): then no case-insensitive pattern of words starting with ``heads``,
    after white space or other non-word characters, matches the line.

    A line starting with another character, or with non-ASCII ones (which a pattern's
    ASCII letters may match when case is ignored: the long s, the Kelvin sign), may match:
    test it.

    >>> heads = frozenset({"sent", "get "})
    >>> may_start_with("  Sent from my phone", heads), may_start_with("Thanks", heads)
    (True, False)
    >>> may_start_with("-- ", heads), may_start_with("Ge", heads)
    (True, False)
    """
    head = line.lstrip()[:size]
    if head.isascii() and head[:1].isalnum():
        return head.lower() in heads
    return True


def is_original_message(line: str) -> bool:
    """"-----Original Message-----" in any of the languages."""
    return "--" in line and bool(ORIGINAL_MESSAGE.match(line))
