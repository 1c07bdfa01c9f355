"""The quoting split's cheap tests before its patterns rule out only lines no pattern matches.

Each shortcut is held to the pattern (or formula) it stands in front of: on random lines
built from the patterns' own words in several cases and languages, with white space,
punctuation and the non-ASCII letters that match ASCII ones when case is ignored (the
long s, the dotless and dotted i, the Kelvin sign), and on every line of the shipped sample archive.
"""

from __future__ import annotations

import mailbox
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.parse import quote_headers, quoting
from iscg_mailbot.parse.quote_headers import header_block_end, is_outlook_header, may_be_field
from iscg_mailbot.parse.quote_lines import (
    ATTRIBUTION_END,
    FORWARD_MARKER,
    OUTLOOK_FROM,
    OUTLOOK_SENT,
    OUTLOOK_TO_OR_SUBJECT,
    OUTLOOK_WINDOW,
    ends_attribution,
    is_forward_marker,
    may_start_with,
)
from iscg_mailbot.services.demo import sample_archive

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


@pytest.fixture(scope="module")
def archive_lines() -> list[str]:
    lines: list[str] = []
    for message in mailbox.mbox(sample_archive()):
        payload = message.get_payload(decode=True) if not message.is_multipart() else b""
        lines += (payload or b"").decode("utf-8", "replace").split("\n")
    return lines


# Each gate: its heads and the pattern it stands in front of.
_GATES = [
    (quoting._OPENER_HEADS, quoting._OPENS_SIGNATURE),
    (quoting._OPENER_HEADS_AFTER_TEXT, quoting._OPENS_SIGNATURE_AFTER_TEXT),
    (quoting._BANNER_HEADS, quoting._EXTERNAL_BANNER),
    (quote_headers._OUTLOOK_FROM_HEADS, OUTLOOK_FROM),
]


def _check_gates(line: str) -> None:
    for heads, pattern in _GATES:
        if not may_start_with(line, heads):
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
    assert quoting._opens_signature(line, after_text=True)


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
