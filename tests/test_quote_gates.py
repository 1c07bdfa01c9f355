"""The quoting split's cheap tests before its patterns rule out only lines no pattern matches.

Each shortcut is held to the pattern (or formula) it stands in front of: on random lines
built from the patterns' own words in several cases and languages, with white space,
punctuation and the non-ASCII letters that match ASCII ones when case is ignored (the
long s, the dotless and dotted i, the Kelvin sign), and on every line of the shipped sample archive.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.parse import quote_headers, quoting
from iscg_mailbot.parse.quote_headers import (
    header_block_end,
    is_outlook_header,
    may_be_field,
    quote_and_forwards,
)
from iscg_mailbot.parse.quote_lines import (
    ATTRIBUTION_END,
    FORWARD_MARKER,
    OUTLOOK_FROM,
    OUTLOOK_SENT,
    OUTLOOK_TO_OR_SUBJECT,
    OUTLOOK_WINDOW,
    PGP_ARMOR,
    Lines,
    ends_attribution,
    is_forward_marker,
    is_original_message,
    is_unmarked_attribution,
    may_start_with,
)

# Words of the patterns (and near misses), in the cases people write them.
_WORDS = [
    "wrote", "WROTE", "Writes", "said", "a écrit", "schrieb", "SCHREEF", "escribió",
    "ha scritto", "escreveu", "skrev", "kirjoitti", "napisał(a)", "napisał", "написал(а)",
    "написал", "写道", "寫道", "のメッセージ", "On", "Am", "Le", "From", "De", "Von", "Van",
    "Da", "Od", "Fra", "Från", "Lähettäjä", "От", "发件人", "Sent", "Sent from my ", "Get Outlook for ",
    "Envoyé de mon ", "Von meinem ", "gesendet", "Enviado desde mi ", "Inviato da ",
    "-----BEGIN PGP SIGNATURE-----", "confidentiality notice", "Privacy Notice", "legal",
    "Important Message", "DISCLAIMER", "privileged and confidential", "This e-mail",
    "this message and any attachments", "is confidential", "The information in this email",
    "the contents", "If you are not the intended recipient", "any views or opinions expressed",
    "Views and opinions presented in this", "Please consider the environment before printing",
    "Ce message", "ce courriel est confidentiel", "Diese E-Mail ist vertraulich",
    "este mensaje es confidencial", "Begin forwarded message:", "Begin doorgestuurd bericht:",
    "Début du message réexpédié :", "Anfang der weitergeleiteten Nachricht:",
    "Inicio del mensaje reenviado:", "Inizio messaggio inoltrato:", "Início da mensagem encaminhada:",
    "---------- Forwarded message ---------", "----- Forwarded by", "[EXTERNAL]", "External email",
    "CAUTION:", "Warning", "Attention", "originated from outside", "Ann", "Bianchi", "x",
    "the", "this", "if", "I", "Begin", "Inic", "_", "2026", "10:15",
]
_BITS = ["", " ", "  ", "\t", "\u00a0", "\u2003", ":", "\uff1a", "*", "**", "-", "--", "[", "]",
         "<", ">", "(", ",", ".", "...", "\u017f", "\u0131", "\u0130", "\u212a", "s", "S", "e", "x" * 70]
_PIECE = st.sampled_from(_WORDS + _BITS) | st.text(max_size=3)
_LINE = st.lists(_PIECE, max_size=8).map("".join)


# Each gate: its heads and the pattern it stands in front of.
_GATES = [
    (quoting._OPENER_HEADS, 4, quoting._OPENS_SIGNATURE),
    (quoting._OPENER_HEADS_AFTER_TEXT, 4, quoting._OPENS_SIGNATURE_AFTER_TEXT),
    (quoting._BANNER_HEADS, 4, quoting._EXTERNAL_BANNER),
    (quote_headers._OUTLOOK_FROM_HEADS, 2, OUTLOOK_FROM),
]


def _check_gates(line: str) -> None:
    for heads, size, pattern in _GATES:
        assert {len(head) for head in heads} == {size}
        if not may_start_with(line, heads, size):
            assert pattern.match(line) is None, (line, pattern.pattern[:40])
    assert is_forward_marker(line) == bool(FORWARD_MARKER.match(line))
    stripped = line.rstrip()
    if stripped.endswith((":", "\uff1a")):
        assert ends_attribution(stripped) == bool(ATTRIBUTION_END.search(stripped)), stripped
    assert (line in quoting._SIGNATURE_DASHES) == bool(re.match(r"--[ \t]?$", line))
    name = line.strip().rstrip(",.!")
    if " " in name:
        assert not quoting._FIRST_NAME.fullmatch(name)


@given(_LINE)
def test_gated_lines_match_no_pattern(line: str) -> None:
    _check_gates(line)


@given(st.lists(_PIECE, max_size=8).map("".join), st.integers(0, 120), st.sampled_from(
    ["", " ", "\t", "  \u00a0 "]))
def test_attribution_verbs_far_from_the_colon(before: str, filler: int, space: str) -> None:
    """"schrieb"/"schreef" up to 80 characters (and any white space) before the colon."""
    for verb in ("schrieb", "Schreef", "wrote", "napisał(a)", "\u017fkrev"):
        line = f"{before}{verb}{'y' * filler}{space}:"
        assert ends_attribution(line) == bool(ATTRIBUTION_END.search(line)), line


def test_gated_archive_lines_match_no_pattern(archive_lines: list[str]) -> None:
    for line in archive_lines:
        _check_gates(line)


@pytest.mark.parametrize("line", [
    "Sent from my iPhone", "  GET OUTLOOK FOR iOS", "Envoyé de mon iPad", "Von meinem Handy gesendet",
    "Enviado desde mi móvil", "Inviato da iPhone", "-----BEGIN PGP SIGNATURE-----",
    "*** CONFIDENTIALITY NOTICE ***", "Privileged & Confidential", "This email is confidential.",
    "The information contained in this message", "If you are not the intended recipient",
    "Any views or opinions presented in this email", "Views and opinions expressed in this",
    "Please consider the environment before printing", "Ce message est confidentiel",
    "Diese E-Mail ist vertraulich", "Este mensaje es confidencial", "Disclaimer: none",
    "Legal notice", "Important note", "Ce courriel contient des informations confidentielles",
    "Ce e-mail est destiné au destinataire",
])
def test_every_opener_passes_its_gate(line: str) -> None:
    """A gate that dropped a word would lose that opener's signatures."""
    assert quoting._OPENS_SIGNATURE_AFTER_TEXT.match(line)
    assert may_start_with(line, quoting._OPENER_HEADS_AFTER_TEXT)
    text = Lines(["Our answer.", "", line])
    assert quoting._explicit_signature(text, 0, 3, seen_text=False) == (2, 3)


@pytest.mark.parametrize("line", [
    "Begin forwarded message:", "Begin doorgestuurd bericht:",
    "Anfang der weitergeleiteten Nachricht:", "Inicio del mensaje reenviado:", "Inizio messaggio inoltrato:",
    "Inicio da mensagem encaminhada:", "-- Forwarded message --", "----- Forwarded by Ann",
])
def test_every_forward_marker_passes_its_gate(line: str) -> None:
    assert is_forward_marker(line)


def _general_outlook_header(lines: list[str], index: int) -> bool:
    """is_outlook_header as written before its shortcuts (the definition)."""
    if ":" not in lines[index] and "\uff1a" not in lines[index]:
        return False
    if OUTLOOK_FROM.match(lines[index]):
        window = lines[index + 1 : index + 1 + OUTLOOK_WINDOW]
        if any(OUTLOOK_SENT.match(line) for line in window) and any(
            OUTLOOK_TO_OR_SUBJECT.match(line) for line in window
        ):
            return True
    line = lines[index]
    return (may_be_field(line) and bool(quote_headers._FIELD.match(line))
            and header_block_end(lines, index) > index)


_FIELD_LINE = st.tuples(
    st.sampled_from(["From", "De", "Von", "*From:*", "Od", "Fra", "От", "发件人", "Sent", "Enviado el",
                     "Gesendet", "Date", "To", "Para", "An", "Subject", "Asunto", "Betreff", "Cc",
                     "Objet", "Note that the point", "", "-----Original Message-----", "_" * 30]),
    st.sampled_from([":", "\uff1a", " :", "", " - "]),
    st.sampled_from(["", " Ann <ann@example.org>", " Mon, 5 Oct 2026 10:15", " list@x.org",
                     " RE: LS", " lunes, 5 de octubre de 2026", " text"]),
).map("".join)


@given(st.lists(_FIELD_LINE | _LINE, max_size=10), st.integers(0, 9))
def test_outlook_headers_read_as_the_definition_reads_them(lines: list[str], index: int) -> None:
    if index < len(lines):
        assert is_outlook_header(lines, index) == _general_outlook_header(lines, index)


@given(st.lists(st.sampled_from(["", " ", "\t", "\u00a0", " \u00a0\t", "x", "a b ", "\u2003"]),
                max_size=12))
def test_blank_runs_squeezed_as_the_pattern_squeezes_them(lines: list[str]) -> None:
    text = "\n".join([line.rstrip() for line in lines])
    expected = quoting._EXTRA_BLANKS.sub("\n\n", text).strip("\n").strip()
    assert quoting._tidy(lines) == expected


# Line sequences with quote marks, attributions, markers and header blocks in several
# languages, for the passes that skip lines they cannot act on.
_SEQUENCE_LINE = st.sampled_from([
    "", " ", "> quoted", ">", "> > deeper", "Ann> supercite", "[...]", "<snip>", "...",
    "On Mon, 5 Oct 2026, Ann wrote:", "Le lundi 5 octobre 2026, Ann a écrit :",
    "Am 05.10.2026 um 10:15 schrieb Ann <a@b.de>:", "El 5 oct 2026, Ann escribió:",
    "-----Original Message-----", "---------- Forwarded message ---------",
    "Begin forwarded message:", "-----BEGIN PGP SIGNED MESSAGE-----", "Hash: SHA256",
    "---------- Forwarded LS ----------",
    "well-known text", "Note: text", "Text.", "x-y -- z",
]) | _FIELD_LINE | _LINE


def _general_quote_and_forwards(text: Lines, forwarded: bool) -> tuple[int, list[int]]:
    """quote_and_forwards as a loop over every line (the definition its candidate list
    and text-above test shortcut)."""
    lines, blank, marked = text.lines, text.blank, text.marked
    skip_first_header, after_forward_marker, has_text_above = forwarded, -10, False
    inside_block, starts = 0, []
    for index, line in enumerate(lines):
        if blank[index] or marked[index] or index < inside_block:
            continue
        if is_forward_marker(line) or (forwarded and quote_headers._titled_separator(text, index)):
            after_forward_marker = index
            starts.append(index)
            continue
        original = is_original_message(line)
        if original or is_outlook_header(lines, index):
            if text.introduces_marked_quote(index):
                continue
            if index - after_forward_marker <= 3 or skip_first_header:
                if index - after_forward_marker > 3:
                    starts.append(quote_headers.include_rule_above(text, index))
                after_forward_marker = index if original else -10
                inside_block = index + 1 if original else quote_headers.block_end(lines, index)
                skip_first_header = quote_headers._forwards_again(lines, index, inside_block)
                continue
            return quote_headers.include_rule_above(text, index), starts
        if (has_text_above and line.rstrip().endswith((":", "\uff1a"))
                and is_unmarked_attribution(text, index)):
            return index, starts
        has_text_above = has_text_above or not PGP_ARMOR.match(line)
    return len(lines), starts


@given(st.lists(_SEQUENCE_LINE, max_size=14), st.booleans())
def test_quote_and_forwards_read_as_every_line_reads_them(lines: list[str],
                                                          forwarded: bool) -> None:
    text = Lines(lines)
    assert quote_and_forwards(text, forwarded=forwarded) == _general_quote_and_forwards(
        text, forwarded)


@given(st.lists(_SEQUENCE_LINE, max_size=14), st.lists(st.booleans(), max_size=14))
def test_attributions_and_gaps_marked_as_every_line_marks_them(lines: list[str],
                                                               more: list[bool]) -> None:
    text = Lines(lines)
    count = len(lines)
    expected_above = [i for i in range(count) if not text.marked[i] and not text.blank[i]
                      and text.next_content[i] < count and text.marked[text.next_content[i]]]
    assert quoting._lines_above_quotes(text) == (expected_above if True in text.marked else [])
    flags = [marked or (index < len(more) and more[index])
             for index, marked in enumerate(text.marked)]
    expected = list(flags)
    last = -1
    for index in [i for i, flag in enumerate(flags) if flag]:
        gap = range(last + 1, index)
        if last >= 0 and gap and all(text.blank[i] for i in gap):
            for i in gap:
                expected[i] = True
        last = index
    quoting._mark_gaps(text, flags)
    assert flags == expected


def _facts(text: Lines) -> tuple[object, ...]:
    return (text.lines, text.text, text.blank, text.marked, text.snip, text.last_marked,
            text.next_content)


@given(st.lists(_SEQUENCE_LINE, max_size=14), st.integers(0, 15), st.integers(0, 15))
def test_a_part_of_lines_reads_as_those_lines_read_alone(lines: list[str], start: int,
                                                         end: int) -> None:
    """Lines.part slices the facts of the whole text: each is its own line's, even where
    the whole text's shortcut (no ">" in it, no "[") decided it."""
    assert _facts(Lines(lines).part(start, end)) == _facts(Lines(lines[start:end]))


@given(st.lists(_SEQUENCE_LINE, max_size=12),
       st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["end", "header", "block"])),
                max_size=12))
def test_header_blocks_kept_read_as_the_lines_read_them(
        lines: list[str], questions: list[tuple[int, str]]) -> None:
    """A body's Lines keeps the header blocks it was asked about: every later question,
    in any order, gets the answer the plain lines get."""
    text = Lines(lines)
    for index, question in questions:
        if index >= len(lines):
            continue
        if question == "end":
            assert quote_headers.kept_header_block_end(text, index) == header_block_end(
                lines, index)
        elif question == "header":
            assert is_outlook_header(text, index) == is_outlook_header(lines, index)
        else:
            assert quote_headers.block_end(text, index) == quote_headers.block_end(lines, index)


# The date pattern as first written (its look-behinds first) and the mail-header test
# before the address gate: the definitions the faster forms stand in for.
_DATE_AS_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d:])\d{1,2}[:h.]\d\d(?![\d:])")
_VALUE = st.lists(st.sampled_from(
    ["1", "2", "9", "0", "19", "20", "2026", "10:15", "5", ":", "h", ".", " ", "x", "年", "\u0661",
     "\u0662\u0660", "@", "[", "[mailto:", "[MA\u0131LTO:", "<", ">", "a@b.org", "ann@", "-", "+"]),
    max_size=10).map("".join) | st.text(max_size=12)


@given(_VALUE)
def test_dates_found_as_the_pattern_written_first_finds_them(value: str) -> None:
    assert bool(quote_headers._HAS_DATE.search(value)) == bool(_DATE_AS_WRITTEN.search(value))
    assert quote_headers._has_address(value) == bool(quote_headers._HAS_ADDRESS.search(value))


@given(st.lists(_VALUE, max_size=5))
def test_mail_headers_read_as_the_definition_reads_them(fields: list[str]) -> None:
    address, date = quote_headers._HAS_ADDRESS, _DATE_AS_WRITTEN
    expected = len(fields) >= 3 and any(address.search(v) for v in fields[:2])
    if expected:
        addressed = next(i for i, v in enumerate(fields) if address.search(v))
        expected = any(date.search(v) for i, v in enumerate(fields) if i != addressed)
    assert quote_headers._is_mail_header(fields) == expected


# perf-r14: the analysis's reading of a new text, held to the per-line reading it stands for.
_LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r", "\x0c", "\x1c", "\u2028", "\x85"])


def _unquoted_as_first_written(text: str, forwarded: bool) -> str:
    """``unquoted_text`` before its per-line tests were gated by ":" and ">"."""
    text = quote_headers.readable_text(text, forwarded=forwarded)
    if ">" not in text and ":" not in text and "\uff1a" not in text:
        return text
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if quote_headers.is_attribution(body):
            break
        out.append(" " * len(body) + line[len(body):] if quote_headers.is_quoted_line(body)
                   else line)
    return "".join(out)


@given(st.lists(st.tuples(_SEQUENCE_LINE, _LINE_ENDS), max_size=14), st.booleans())
def test_unquoted_text_reads_as_every_line_reads_it(lines: list[tuple[str, str]],
                                                     forwarded: bool) -> None:
    text = "".join(line + end for line, end in lines)
    assert (quote_headers.unquoted_text(text, forwarded=forwarded)
            == _unquoted_as_first_written(text, forwarded))


@given(st.lists(_SEQUENCE_LINE, max_size=14), st.booleans(), st.booleans())
def test_quotes_read_with_and_without_carriage_returns(lines: list[str], crlf: bool,
                                                        forwarded: bool) -> None:
    """A text without "\\r" is read from its own split: the lines and facts that the
    "\\r"-stripping reading gives."""
    text = ("\r\n" if crlf else "\n").join(lines)
    quote_headers._read_quotes.cache_clear()
    whole, cut, starts = quote_headers._read_quotes(text, forwarded)
    reference = Lines([line.rstrip("\r") for line in text.split("\n")])
    assert whole.lines == reference.lines and whole.text == reference.text
    assert (whole.blank, whole.marked, whole.snip) == (
        reference.blank, reference.marked, reference.snip)
    assert (cut, list(starts)) == quote_and_forwards(reference, forwarded=forwarded)


@given(st.lists(_LINE | st.sampled_from(["", " ", "\t", "\u00a0", "x \u2003", "\x0c"]),
                max_size=12))
def test_tidy_strips_each_line_as_its_rstrip_does(lines: list[str]) -> None:
    joined = "\n".join([line.rstrip() for line in lines])
    if "\n\n\n" in joined:
        joined = quoting._EXTRA_BLANKS.sub("\n\n", joined)
    assert quoting._tidy(lines) == joined.strip("\n").strip()
