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

# -- line patterns (each one named after the convention it recognises) ------------

# ">" quoting, and supercite's "Name> " (old Emacs users on technical lists).
_QUOTED = re.compile(r"[ \t]{0,3}(?:>|[A-Za-z][\w.-]{0,15}> )")
_PGP_ARMOR = re.compile(r"-----BEGIN PGP SIGNED MESSAGE-----$|Hash: \S+$")
_PGP_SIGNATURE = re.compile(r"-----BEGIN PGP SIGNATURE-----\s*$")

# Attribution endings in the languages ISCG members write in.
_ATTRIBUTION_END = re.compile(
    r"(?:\bwrote|\bwrites|\bsaid|a écrit|schrieb[^:]{0,80}|escribió|ha scritto|escreveu|"
    r"schreef[^:]{0,80}|skrev|kirjoitti|napisał\(a\)|napisał|написал\(а\)|написал|"
    r"写道|寫道|のメッセージ)\s*[:：]\s*$",
    re.IGNORECASE,
)
# A dated attribution ("On 3 May 2024, at 10:12, A wrote:"): safe to treat as the
# start of a top-posted quote even when the quote has no ">" marks.
_DATED_ATTRIBUTION_START = re.compile(
    r"(?:On|Le|Am|El|Il giorno|Il|Em|Op|Den|Dnia|在)\b.*\d", re.IGNORECASE
)
# Elision marks between an attribution and its quote: "[...]", "<snip>", "[ . . . ]".
_SNIP = re.compile(
    r"\s*(?:\[\s*(?:\.\s*){2,}\]|\[\s*snip[^\]]*\]|<\s*snip[^>]*>|\.{3}|…)\s*$", re.IGNORECASE
)
_ATTRIBUTION_START = re.compile(r"\s*(?:On|Le|Am|El|Il|Em|Op|Den|Dnia|Quoting|在)\b", re.IGNORECASE)

# Outlook's reply header block, as it appears in the plain-text part.
_OUTLOOK_FROM = re.compile(
    r"\s*\*?(?:From|De|Von|Van|Da|Od|Fra|Från|Lähettäjä|От|发件人|寄件者|差出人)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_OUTLOOK_SENT = re.compile(
    r"\s*\*?(?:Sent|Date|Envoyé|Gesendet|Verzonden|Enviado|Enviada|Fecha|Inviato|Data|"
    r"Datum|Wysłano|Sendt|Skickat|Lähetetty|Отправлено|发送时间|日期|寄件日期|送信日時)"
    r"\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_OUTLOOK_TO_OR_SUBJECT = re.compile(
    r"\s*\*?(?:To|À|A|An|Aan|Para|Per|Do|Til|Till|Vastaanottaja|Кому|收件人|"
    r"Subject|Objet|Betreff|Onderwerp|Asunto|Assunto|Oggetto|Temat|Emne|Ämne|Aihe|Тема|"
    r"主题|主旨|件名)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_ORIGINAL_MESSAGE = re.compile(
    r"\s*-{2,}\s*(?:Original Message|Message d'origine|Ursprüngliche Nachricht|"
    r"Originalnachricht|Mensaje original|Messaggio originale|Mensagem original|"
    r"Oorspronkelijk bericht|Oprindelig meddelelse|Originalmeddelande|Alkuperäinen viesti|"
    r"Wiadomość oryginalna|Исходное сообщение|原始邮件|原始郵件)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_UNDERSCORE_RULE = re.compile(r"\s*_{20,}\s*$")

_FORWARD_MARKER = re.compile(
    r"\s*(?:-{2,}\s*(?:Forwarded message|Message transféré|Weitergeleitete Nachricht|"
    r"Mensaje reenviado|Messaggio inoltrato|Mensagem encaminhada|Doorgestuurd bericht|"
    r"Videresendt melding|Vidarebefordrat meddelande|Пересылаемое сообщение|转发邮件)"
    r"\s*-{2,}|Begin forwarded message:|Début du message réexpédié\s*:|"
    r"-{3,}\s*Forwarded by .*)\s*$",
    re.IGNORECASE,
)

_SIGNATURE_DASHES = re.compile(r"--[ \t]?$")
_SENT_FROM_DEVICE = re.compile(
    r"\s*(?:Sent from my |Sent from Outlook|Get Outlook for |Envoyé de mon |"
    r"Von meinem .* gesendet|Enviado desde mi |Inviato da )",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"\W{0,6}(?:"
    r"(?:confidentiality|privacy|legal|important) (?:notice|message|note|statement|warning)|"
    r"disclaimer\b|privileged (?:and|&) confidential|"
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
_SIGN_OFF = re.compile(
    r"\s*(?:(?:with )?(?:best|kind|warm|warmest|kindest|many|my)?\s*(?:regards|wishes)|"
    r"regards|cheers|thanks(?: and regards| & regards| again| a lot| in advance)?|"
    r"thank you(?: very much| in advance)?|many thanks|sincerely|yours(?: sincerely| truly| "
    r"faithfully)?|best|br|bien cordialement|cordialement|salutations|"
    r"meilleures salutations|bien à vous|mit freundlichen grüßen|mit freundlichen gruessen|"
    r"viele grüße|beste grüße|freundliche grüße|grüße|gruß|saludos(?: cordiales)?|atentamente|"
    r"un saludo|cordiali saluti|distinti saluti|saluti|met vriendelijke groet(?:en)?|"
    r"pozdrawiam|с уважением|此致敬礼|此致|谢谢|顺祝商祺|よろしくお願いします)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
# "Regards, Stephen" on one line: only the regards family, not "Thanks, will do".
_SIGN_OFF_WITH_NAME = re.compile(
    r"\s*(?:(?:best|kind|warm|many)\s+)?regards\s*,\s*[^\s,.!?:;][^.!?:;]{0,40}$", re.IGNORECASE
)
_RULE_LINE = re.compile(r"\s*[-_=*~#]{3,}\s*$")

_MAX_SIGNATURE_LINES = 7
_MAX_DASH_SIGNATURE_LINES = 15
_MAX_SIGNATURE_LINE_LENGTH = 90
_MAX_SIGNATURE_LINE_WORDS = 10
_OUTLOOK_WINDOW = 8


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
    whole = _Lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    cut = _top_posted_quote_start(whole, forwarded=forwarded)
    head = whole if cut == len(whole.lines) else _Lines(whole.lines[:cut])

    quoted_flags = _quoted_flags(head)
    signature_flags = _signature_flags(head, quoted_flags)

    new_lines: list[str] = []
    quoted_lines: list[str] = []
    signature_lines: list[str] = []
    for line, quoted, signature in zip(head.lines, quoted_flags, signature_flags):
        if quoted:
            quoted_lines.append(line)
        elif signature:
            if not _SIGNATURE_DASHES.match(line):  # the delimiter itself is not kept
                signature_lines.append(line)
        else:
            new_lines.append(line)
    quoted_lines.extend(whole.lines[cut:])
    return _tidy(new_lines), _tidy(quoted_lines), _tidy(signature_lines)


class _Lines:
    """The lines of a body and what the rules ask about each, computed once.

    Every rule looks at a bounded window or uses these precomputed facts, so a
    hostile body (thousands of "x wrote:" or "[...]" lines) costs linear time.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # NBSP-only lines are blank lines in text converted from Outlook HTML.
        self.blank = [not line.strip() for line in lines]
        self.marked = [bool(line) and bool(_QUOTED.match(line)) for line in lines]
        self.snip = [not b and bool(_SNIP.match(line)) for line, b in zip(lines, self.blank)]
        # next_content[i]: the next line after i that is neither blank nor an elision mark.
        self.next_content = [len(lines)] * len(lines)
        following = len(lines)
        for index in range(len(lines) - 1, -1, -1):
            self.next_content[index] = following
            if not self.blank[index] and not self.snip[index]:
                following = index
        self.last_marked = max((i for i, marked in enumerate(self.marked) if marked), default=-1)

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


def _top_posted_quote_start(text: _Lines, *, forwarded: bool) -> int:
    """Index of the first line of a quote that runs to the end, or ``len(lines)``."""
    lines = text.lines
    skip_first_header = forwarded
    after_forward_marker = -10
    has_text_above = False
    inside_block = 0  # the end of a forwarded message's header block just passed over
    for index, line in enumerate(lines):
        if text.blank[index] or text.marked[index] or index < inside_block:
            continue
        if _FORWARD_MARKER.match(line):
            after_forward_marker = index
            continue
        original = bool(_ORIGINAL_MESSAGE.match(line))
        if original or _is_outlook_header(lines, index):
            if text.introduces_marked_quote(index):
                continue  # "---- Original message ----" above "> " lines: an attribution
            # The header of a forwarded message is content, not a quote.
            if index - after_forward_marker <= 3 or skip_first_header:
                skip_first_header = False
                after_forward_marker = index if original else -10
                inside_block = index + 1 if original else _block_end(lines, index)
                continue
            return _include_rule_above(text, index)
        # Top-posting puts new text above the quote; an attribution on the first line
        # whose quote was deleted is followed by the reply itself.
        if has_text_above and _is_unmarked_attribution(text, index):
            return index
        has_text_above = has_text_above or not _PGP_ARMOR.match(line)
    return len(lines)


def _is_outlook_header(lines: Sequence[str], index: int) -> bool:
    if _OUTLOOK_FROM.match(lines[index]):
        window = lines[index + 1 : index + 1 + _OUTLOOK_WINDOW]
        if any(_OUTLOOK_SENT.match(line) for line in window) and any(
            _OUTLOOK_TO_OR_SUBJECT.match(line) for line in window
        ):
            return True
    # Labels of other languages and clients: the block's structure says it.
    line = lines[index]
    return (":" in line or "：" in line) and header_block_end(lines, index) > index


# A header field as any mail client writes it, in any language: a short label of
# letters (one to four words, optionally bold "*From:*"), a colon, and a value.
_FIELD = re.compile(
    r"[ \t]*\*{0,2}[^\W\d_][^\W\d_'.-]*(?:[ .'-]{1,2}[^\W\d_]+){0,3}\.?\*{0,2}[ \t]*[:：]"
    r"\*{0,2}(?:[ \t]+|$)(?P<value>.*)$"
)
_HAS_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[mailto:|<[^<>\s]+@", re.IGNORECASE)
# A date or a time of day, in any calendar notation mail clients use (a year, "10:15",
# "2026年"): the "Sent:" field whatever its label says.
_HAS_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d:])\d{1,2}[:h.]\d\d(?![\d:])")
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
    if index > 0 and lines[index - 1].strip() and not (
        _RULE_LINE.match(lines[index - 1]) or _ORIGINAL_MESSAGE.match(lines[index - 1])
        or _FORWARD_MARKER.match(lines[index - 1])
    ):
        return index  # a block starts after a blank line, a rule or a marker, not mid-text
    fields: list[str] = []
    labels: set[str] = set()
    continuation = 0
    spaced = False
    end = index
    position = index
    limit = min(len(lines), index + _MAX_BLOCK_LINES)
    while position < limit:
        line = lines[position]
        if not line.strip():
            # Outlook's HTML-to-text puts a blank line between every two fields: allow
            # one when another field follows, unless the first fields were contiguous
            # (then the blank line ends the block and the message body starts).
            following = position + 1
            if (len(fields) != 1 and not spaced) or following >= limit or not _FIELD.match(
                lines[following]
            ):
                break
            spaced = True
            position = following
            continue
        match = _FIELD.match(line)
        label = line.split(":", 1)[0].split("：", 1)[0].strip(" \t*").casefold()
        if (match and len(label) <= _MAX_FIELD_LABEL and label not in labels
                and len(fields) < _MAX_FIELDS):
            labels.add(label)
            fields.append(match.group("value"))
            continuation = 0
        elif fields and lines[position - 1].strip() and continuation < _MAX_CONTINUATION \
                and len(line) <= 120:
            fields[-1] += " " + line.strip()
            continuation += 1
        else:
            break
        position += 1
        end = position
    # The sender's field comes first (Outlook, Gmail, Apple Mail; Thunderbird's forward
    # header, Subject/Date/From, follows a forward marker); a liaison statement's
    # Contact comes last.
    if len(fields) < 3 or not any(_HAS_ADDRESS.search(v) for v in fields[:2]):
        return index
    addressed = next(i for i, v in enumerate(fields) if _HAS_ADDRESS.search(v))
    if not any(_HAS_DATE.search(v) for i, v in enumerate(fields) if i != addressed):
        return index
    return end


def _include_rule_above(text: _Lines, index: int) -> int:
    """Move the cut up over the "____" rule and blank lines Outlook puts above its header."""
    start = index
    probe = index - 1
    while probe >= 0 and (text.blank[probe] or _UNDERSCORE_RULE.match(text.lines[probe])):
        if not text.blank[probe]:
            start = probe
        probe -= 1
    return start


def _attribution_span(lines: Sequence[str], index: int) -> int:
    """Number of lines (1 or 2) of an attribution ending at ``index``, or 0."""
    line = lines[index].rstrip()
    # Cheap test first: this runs on every line of every body.
    if not line.endswith((":", "：")) or len(line) > 300 or not _ATTRIBUTION_END.search(line):
        return 0
    if _ATTRIBUTION_START.match(line) or index == 0:
        return 1
    previous = lines[index - 1]
    # Clients wrap long attributions: "On Wed, …, James Bottomley\nwrote:".
    if previous.strip() and not _QUOTED.match(previous) and _ATTRIBUTION_START.match(previous):
        return 2
    return 1


def _is_unmarked_attribution(text: _Lines, index: int) -> bool:
    """A dated "On … wrote:" followed by text that is not ``>``-quoted (lost HTML quote)."""
    span = _attribution_span(text.lines, index)
    if not span or text.next_content[index] >= len(text.lines):
        return False
    if text.last_marked > index:
        return False  # the sender quotes with ">": this is prose, not a lost quote
    first = text.lines[index - span + 1]
    whole = first if span == 1 else first + " " + text.lines[index]
    return bool(_DATED_ATTRIBUTION_START.match(whole))


def _quoted_flags(text: _Lines) -> list[bool]:
    """Mark ``>`` lines, the attributions above them, elision marks and blanks inside quotes."""
    lines = text.lines
    flags = list(text.marked)
    for index, line in enumerate(lines):
        if flags[index] or text.blank[index]:
            continue
        span = _attribution_span(lines, index) or (1 if _ORIGINAL_MESSAGE.match(line) else 0)
        if span and text.introduces_marked_quote(index):
            for offset in range(span):
                flags[index - offset] = True
    # An elision mark ("[...]", "<snip>") next to a quote is part of it.
    previous_flag = False
    for index in range(len(lines)):
        if text.blank[index]:
            continue
        if text.snip[index] and not flags[index]:
            flags[index] = previous_flag or text.introduces_marked_quote(index)
        previous_flag = flags[index]
    # A blank line between two quoted lines belongs to the quote.
    last_quoted = -1
    for index, flag in enumerate(flags):
        if flag:
            gap = range(last_quoted + 1, index)
            if last_quoted >= 0 and all(text.blank[i] for i in gap):
                for i in gap:
                    flags[i] = True
            last_quoted = index
    return flags


def _segments(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Runs ``[start, end)`` of unquoted lines."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, flag in enumerate(flags):
        if not flag and start is None:
            start = index
        elif flag and start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(flags)))
    return runs


def _signature_flags(text: _Lines, quoted: Sequence[bool]) -> list[bool]:
    flags = [False] * len(text)
    segments = [s for s in _segments(quoted) if not all(text.blank[i] for i in range(*s))]
    seen_text = False
    for number, (start, end) in enumerate(segments):
        if number == 0:
            start = _skip_external_banner(text, start, end, flags)
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
        seen_text = seen_text or not all(text.blank[i] for i in range(start, text_end))
    return flags


def _skip_external_banner(text: _Lines, start: int, end: int, flags: list[bool]) -> int:
    """Put an "[EXTERNAL] … from outside" banner paragraph at the top into the signature."""
    first = next((i for i in range(start, end) if not text.blank[i]), None)
    if first is None or not _EXTERNAL_BANNER.match(text.lines[first]):
        return start
    index = first
    while index < end and not text.blank[index]:
        flags[index] = True
        index += 1
    return index


def _explicit_signature(
    text: _Lines, start: int, end: int, seen_text: bool
) -> tuple[int | None, int]:
    """``[start, end)`` of a signature opened by "-- ", "Sent from my …" or a disclaimer.

    A delimiter followed by a long text is not taken at its word: after "-- " only the
    first paragraph is the signature (people paste documents below their sig), and a
    bare "--" is then just a separator.
    """
    has_text = seen_text
    for index in range(start, end):
        if text.blank[index]:
            continue
        line = text.lines[index]
        if _SIGNATURE_DASHES.match(line):
            following = text.content_count(index + 1, end, _MAX_DASH_SIGNATURE_LINES)
            if following <= _MAX_DASH_SIGNATURE_LINES:
                return index, end
            if line.startswith("-- "):
                return index, _paragraph_end(text, text.next_content[index], end)
            has_text = True
            continue
        if (
            _SENT_FROM_DEVICE.match(line)
            or _PGP_SIGNATURE.match(line)
            or (has_text and _DISCLAIMER.match(line))
        ):
            return index, end
        has_text = True
    return None, end


def _paragraph_end(text: _Lines, index: int, end: int) -> int:
    while index < end and not text.blank[index]:
        index += 1
    return index


def _sign_off_start(text: _Lines, start: int, end: int) -> int | None:
    """A sign-off line followed by a short name/title block reaching the end of the text."""
    content = [i for i in range(start, end) if not text.blank[i]]
    if len(content) < 2:
        return None
    first_in_window = max(1, len(content) - _MAX_SIGNATURE_LINES - 1)
    for position in range(first_in_window, len(content)):
        line = text.lines[content[position]]
        if not (_SIGN_OFF.match(line) or _SIGN_OFF_WITH_NAME.match(line)):
            continue
        rest = content[position + 1 :]
        if len(rest) <= _MAX_SIGNATURE_LINES and all(
            _is_name_block_line(text.lines[i]) for i in rest
        ):
            return content[position]
    return None


def _is_name_block_line(line: str) -> bool:
    """Short lines of a name, title, organisation or phone number, not prose."""
    stripped = line.strip()
    return (
        len(stripped) <= _MAX_SIGNATURE_LINE_LENGTH
        and len(stripped.split()) <= _MAX_SIGNATURE_LINE_WORDS
    )


def _include_rules_above(text: _Lines, start: int, index: int) -> int:
    """Separator lines ("____", "****") just above a signature belong to it."""
    probe = index - 1
    while probe >= start and (text.blank[probe] or _RULE_LINE.match(text.lines[probe])):
        if not text.blank[probe]:
            index = probe
        probe -= 1
    return index


_EXTRA_BLANKS = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")


def _tidy(lines: Sequence[str]) -> str:
    """Join lines, squeeze runs of blank lines to one, drop outer blank lines."""
    text = "\n".join(line.rstrip() for line in lines)
    return _EXTRA_BLANKS.sub("\n\n", text).strip("\n").strip()


def _block_end(lines: Sequence[str], index: int) -> int:
    """End of the header block at ``index`` (structural, else up to the next blank line)."""
    end = header_block_end(lines, index)
    if end > index:
        return end
    end = index
    while end < len(lines) and end < index + _OUTLOOK_WINDOW + 1 and lines[end].strip():
        end += 1
    return end


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
    whole = _Lines([line.rstrip("\r") for line in raw_lines])
    cut = _top_posted_quote_start(whole, forwarded=forwarded)
    kept = raw_lines[:cut]
    index = 0
    while index < cut:
        line = whole.lines[index]
        if whole.blank[index] or whole.marked[index]:
            index += 1
            continue
        if (_FORWARD_MARKER.match(line) or _ORIGINAL_MESSAGE.match(line)
                or _UNDERSCORE_RULE.match(line)):
            end = index + 1
        elif _is_outlook_header(whole.lines, index) and not whole.introduces_marked_quote(index):
            end = min(cut, _block_end(whole.lines, index))
        else:
            index += 1
            continue
        for blanked in range(index, end):
            kept[blanked] = " " * len(raw_lines[blanked])
        index = end
    return "\n".join(kept)
