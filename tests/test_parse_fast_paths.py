"""The parse stage's shortcuts give what the general code gives.

Each shortcut (``bench/parse.py`` measures why it is there) answers a common case at C
speed and leaves the rest to the general code; these tests hold the two to the same
answers through the public functions.
"""

from __future__ import annotations

import base64
import contextlib
import mailbox
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.parse import forwarded_replies
from iscg_mailbot.parse.address_lists import _split_by_scan, split_address_list
from iscg_mailbot.parse.body import clean_text, encoded_size
from iscg_mailbot.parse.headers import parse_addresses
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.parse.mime import first_fields, read_message
from iscg_mailbot.records import Address, Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive

# -- address lists: quoted names without a character-by-character scan ------------------

ADDRESS_PIECES = ['"', "<", ">", ",", ":", ";", " ", "a", "@", "Doe, Jane", "x.org",
                  '"Doe, Jane" <jane@x.org>', "bob@x.org", "\t"]


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ADDRESS_PIECES), max_size=16).map("".join))
def test_lists_with_quotes_split_as_the_scan_splits_them(text: str) -> None:
    # A quote always sent a list to the scan (lists without one are split on commas).
    assert split_address_list('"' + text) == _split_by_scan('"' + text)
    assert split_address_list(text + '"x"') == _split_by_scan(text + '"x"')


@pytest.mark.parametrize(("text", "items"), [
    ('"Doe, Jane" <jane@x.org>, bob@x.org', ['"Doe, Jane" <jane@x.org>', "bob@x.org"]),
    ('"Re: <b>, c" <b@x.org>', ['"Re: <b>, c" <b@x.org>']),
    ('"Doe, Jane" <jane@x.org>, <odd,one@x.org>', ['"Doe, Jane" <jane@x.org>', "<odd,one@x.org>"]),
    ('"Doe, Jane <jane@x.org>, bob@x.org', None),  # the quote never closes
    ('"a" <b@x.org>>, c@x.org', None),  # a stray ">"
    ('"a" <b@x.org, c@x.org', None),  # a "<" never closed
    ('team: "a" <a@x.org>;', None),  # group syntax
    ('"a" <a@x.org>, , "b" <b@x.org>,', ['"a" <a@x.org>', '"b" <b@x.org>']),
])
def test_quoted_lists_split_at_their_top_level_commas(text: str, items: list[str] | None) -> None:
    assert split_address_list(text) == items
    assert _split_by_scan(text) == items


def test_a_cc_line_of_quoted_names_reads_every_address() -> None:
    found = parse_addresses('"Doe, Jane" <Jane@X.org>, "Smith, Bob (ITU)" <bob@x.org>, '
                            '"Lee, Ann" <ann@x.org>')
    assert found == (Address("Doe, Jane", "jane@x.org"), Address("Smith, Bob (ITU)", "bob@x.org"),
                     Address("Lee, Ann", "ann@x.org"))


# -- base64 sizes: padding cut without a pattern along the attachment -------------------


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["", "\n", "\r\n", " \n", "\n\n", "\t \r\n"]),
       st.integers(min_value=10, max_value=20))
def test_base64_attachment_size_is_its_decoded_size(data: bytes, tail: str, quads: int) -> None:
    # Lines of whole 4-character groups, as encoders write them (76 = 19 x 4): the "="
    # padding is never split by a line break (the size is an estimate where it is).
    width = 4 * quads
    encoded = base64.b64encode(data).decode()
    body = "\n".join(encoded[i : i + width] for i in range(0, len(encoded), width)) + tail
    part = read_message(f"Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
                        f"{body}".encode())
    assert encoded_size(part) == len(data)


@pytest.mark.parametrize("payload", ["SGk=\n", "SGk=", "SGk= \n\n", "SGk=\r\n", "SGk=\n=\n",
                                     "SGk", "SGkh\n", "S=Gk=\n", "==\n", "", "\n"])
def test_base64_size_reads_padding_as_the_padding_pattern_does(payload: str) -> None:
    part = read_message(f"Content-Transfer-Encoding: base64\n\n{payload}".encode())
    text = re.sub(rb"=+\s*$", b"", payload.encode())
    expected = (len(text) - sum(text.count(c) for c in (b"\n", b"\r", b" ", b"\t"))) * 3 // 4
    assert encoded_size(part) == expected


# -- clean_text: ASCII text without the pattern -----------------------------------------


@pytest.mark.parametrize(("text", "cleaned"), [
    ("a\r\nb\rc\x00d", "a\nb\ncd"),
    ("plain", "plain"),
    ("Gen\udce8ve\x00 caf\u00e9", "Gen\ufffdve caf\u00e9"),
])
def test_clean_text_drops_nul_and_replaces_lone_surrogates(text: str, cleaned: str) -> None:
    assert clean_text(text) == cleaned


def test_a_nul_in_an_ascii_body_is_dropped_from_the_parsed_text() -> None:
    parsed = parse_message(RawMessage(b"Subject: x\n\nHello\x00 world\n", Provenance()))
    assert parsed.body_text == "Hello world"


# -- header text: white space and control characters at C speed -------------------------

HEADER_CHARACTERS = st.sampled_from(
    [*"ab =?:<>@\t\r\n\x00\x07\x1b\x1c\x1f\x7f\x85\xa0\u2003\u2028é",
     "\udce9", "=?utf-8?q?caf=C3=A9?=", "=?x?q?a?=", "\r\n "]
)


def _regex_decode(text: str) -> str:
    """decode_header_text's last steps as they were written, with patterns."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", re.sub(r"[\udc80-\udcff]", "\ufffd", text))
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.lists(HEADER_CHARACTERS, max_size=20).map("".join))
def test_header_text_is_cleaned_as_the_patterns_cleaned_it(text: str) -> None:
    from email.header import decode_header

    from iscg_mailbot.parse.headers import _decode_word, decode_header_text, raw_to_text

    decoded = raw_to_text(text)
    if "=?" in decoded:
        with contextlib.suppress(Exception):  # a broken word stays as written, as there
            decoded = "".join(_decode_word(data, charset) for data, charset in decode_header(decoded))
    assert decode_header_text(text) == _regex_decode(decoded)


@pytest.mark.parametrize(("value", "expected"), [
    ("Re:\u2003LS\x1c on\tIMT\x00-2030 ", "Re: LS on IMT-2030"),
    ("\x07Bell\x85and\xa0space", "Bell and space"),
])
def test_subject_white_space_and_control_characters(value: str, expected: str) -> None:
    from iscg_mailbot.parse.headers import decode_header_text

    assert decode_header_text(value) == expected


def test_message_ids_and_folded_addresses_read_through_the_shortcuts() -> None:
    raw = (b"Message-ID: < abc\x01def @ itu.int >\r\nTo: Ann <ann@itu.int>,\r\n\tBob <bob@itu.int>\r\n"
           b"Date: Tue,  3 May\t2024 10:12:00 +0200\r\nSubject:  Re:  [iscg]\t LS \r\n\r\nHi\r\n")
    parsed = parse_message(RawMessage(raw, Provenance()))
    assert parsed.message_id == "abcdef@itu.int"
    assert [a.address for a in parsed.to] == ["ann@itu.int", "bob@itu.int"]
    assert parsed.date is not None and parsed.date.hour == 8
    assert (parsed.subject, parsed.normalised_subject) == ("Re: [iscg] LS", "ls")


# -- the quoting split's sign-off window, read from the end of the text ------------------


@pytest.mark.parametrize(("block", "is_signature"), [(7, True), (8, False)])
def test_a_sign_off_takes_at_most_seven_lines_below_it(block: int, is_signature: bool) -> None:
    from iscg_mailbot.parse.quoting import split_new_text

    lines = ["Bob Smith", "ITU-T SG17", "+41 22 730 5111", "bob@itu.int", "Geneva", "Switzerland",
             "www.itu.int", "Room 1203"][:block]
    text = "We support the LS.\nSee the text.\n\nCheers,\n" + "\n".join(lines)
    new, _, signature = split_new_text(text)
    assert (signature.startswith("Cheers,"), "Cheers," in new) == (is_signature, not is_signature)


# -- a part's fields read once ------------------------------------------------------------


@pytest.mark.parametrize(("disposition", "listed"), [
    ("", False), ("Content-Disposition: attachment; filename=notes.txt\n", True),
    ("Content-Disposition: inline\n", False), ("content-disposition: ATTACHMENT\n", True),
])
def test_a_text_part_is_read_unless_its_disposition_says_attachment(disposition: str,
                                                                     listed: bool) -> None:
    raw = (f"Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
           f"Content-Type: text/plain\n\nHello\n--b\nContent-Type: text/plain\n{disposition}\n"
           f"Meeting notes\n--b--\n").encode()
    parsed = parse_message(RawMessage(raw, Provenance()))
    assert ("Meeting notes" in parsed.body_text, len(parsed.attachments)) == (not listed, listed)


def test_repeated_fields_are_read_as_the_stdlib_reads_them() -> None:
    from email import message_from_bytes

    from iscg_mailbot.parse.body import raw_header
    from iscg_mailbot.parse.mime import content_charset

    data = (b"Content-Type: text/plain; charset=koi8-r\nContent-type: text/plain; charset=utf-8\n"
            b"Subject: first\nSUBJECT: second\n\nx")
    stdlib = message_from_bytes(data)
    part = read_message(data)
    assert content_charset(part) == (True, stdlib.get_content_charset()) == (True, "koi8-r")
    assert raw_header(part, "Subject") == stdlib["subject"] == "first"


# -- header blocks of plain fields read by one pattern ------------------------------------

FIELD_LINES = ["Subject: Hello", "To: a@b.org,", " c@d.org", "\tfolded", "X-Empty:", "X-Blank:   ",
               "X-Tab:\t value", " ", "From: Ann <ann@itu.int>", "From ann@itu.int Mon",
               ": nameless", "no colon", "X-8bit: Gen\udce8ve", "X-\udce9: 1", "A:b:c", "Ü: x",
               "a b: c", "X: a\rb", "X: a\nb", "X: a\r\nb", " X: y", "X\t: y",
               # A name with a control character, values with line ends other than CR, LF.
               "X\x7f: y", "Y\x0c: z", "X: a\x85b", "X: a\u2028b\x0bc", "\t: y", "X:\t"]


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(FIELD_LINES), max_size=8),
       st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=9, max_size=9),
       st.sampled_from(["\n", "\r\n", "\r", ""]), st.integers(0, 2))
def test_plain_header_blocks_read_as_the_line_loop_reads_them(lines: list[str], ends: list[str],
                                                               empty: str, mixed: int) -> None:
    from iscg_mailbot.parse.header_block import _read_lines, read_head

    # Mostly one kind of line end, as written; sometimes mixed.
    ends = ends if mixed == 0 else [ends[0]] * len(ends)
    head = "".join(line + end for line, end in zip(lines, ends, strict=False)) + empty
    fast, slow = read_head(head), _read_lines(head)
    assert (list(fast[0].raw_items()), fast[0].get_unixfrom(), fast[1]) == (
        list(slow[0].raw_items()), slow[0].get_unixfrom(), slow[1])
    assert [(type(d), str(d)) for d in fast[0].defects] == [(type(d), str(d))
                                                            for d in slow[0].defects]
    assert vars(fast[0]).keys() == vars(slow[0]).keys()


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", ":", " ", "\n", "\r", "\r\n", "\n\n", "\r\r"]), max_size=14),
       st.integers(0, 5), st.integers(0, 5))
def test_the_empty_line_is_found_where_the_lines_say(pieces: list[str], skip: int,
                                                     cut: int) -> None:
    from io import StringIO

    from iscg_mailbot.parse.header_block import empty_line_end

    text = "".join(pieces)
    lines = StringIO(text, newline="").readlines()
    # A region from one line start to another, as the readers pass.
    skip, cut = min(skip, len(lines)), min(cut, len(lines) - min(skip, len(lines)))
    start = len("".join(lines[:skip]))
    stop = len(text) - len("".join(lines[len(lines) - cut :])) if cut else len(text)
    expected, offset = -1, start
    for line in StringIO(text[start:stop], newline="").readlines():
        offset += len(line)
        if line in ("\n", "\r", "\r\n"):
            expected = offset
            break
    assert empty_line_end(text, start, stop) == expected


# -- a part's type and decoded payload from the fields read once ------------------------

TYPE_FIELDS = ["Content-Type: text/plain", "Content-Type: Text/HTML; charset=utf-8",
               "content-type:  multipart/mixed ; boundary=b", "Content-Type: text",
               "Content-Type: a/b/c", "Content-Type: ;text/plain", "Content-Type:",
               "Content-Type: te\udce9xt/plain", "CONTENT-TYPE: message/rfc822",
               "Content-Type : text/plain", "Content-Type: multipart\n /mixed",
               "Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: Base64",
               "Content-Transfer-Encoding:  7bit ", "Content-Transfer-Encoding: x-uue",
               "Content-Transfer-Encoding: QUOTED-PRINTABLE", "Content-Transfer-Encoding: b\udce9",
               "content-transfer-encoding: 8bit", "Subject: x", "X-Message/Id: message/1"]
PAYLOADS = ["", "plain\n", "a=3Db=\nc\n", "=E9t=E9\n", "SGk=\n", "caf\udce9\n",
            "begin 644 x\n#86)C\n`\nend\n"]


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TYPE_FIELDS), max_size=4), st.sampled_from(PAYLOADS),
       st.booleans())
def test_type_and_payload_are_read_as_the_stdlib_reads_them(fields: list[str], payload: str,
                                                            in_digest: bool) -> None:
    from email import message_from_bytes

    from iscg_mailbot.parse.mime import content_type, decoded_payload

    data = ("".join(field + "\n" for field in fields) + "\n" + payload).encode(
        "ascii", "surrogateescape")
    ours, stdlib = read_message(data), message_from_bytes(data)
    if in_digest:
        ours.set_default_type("message/rfc822")
        stdlib.set_default_type("message/rfc822")
    assert content_type(ours) == stdlib.get_content_type()
    if not stdlib.is_multipart():
        assert decoded_payload(ours) == stdlib.get_payload(decode=True)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Subject", "SUBJECT", "subject ", "To", "X-\udce9",
                                           "A\nB", "", "Content-Type", "content-TYPE"]),
                          st.sampled_from(["a", "b", "", "c\udce9"])), max_size=8))
def test_first_fields_keep_the_first_value_of_each_name(fields: list[tuple[str, str]]) -> None:
    from email.message import Message

    from iscg_mailbot.parse.mime import first_fields

    part = Message()
    for name, value in fields:
        part.set_raw(name, value)
    expected: dict[str, str] = {}
    for name, value in fields:
        expected.setdefault(name.lower(), value)
    assert first_fields(part) == expected


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Subject", "SUBJECT", "subject ", " To", "X-\udce9",
                                           "A\nB", "", "  ", "a b", "Received", "x\ty"]),
                          st.sampled_from(["a", "b", "", "c\udce9"])), max_size=8))
def test_header_values_group_every_value_by_name(fields: list[tuple[str, str]]) -> None:
    from email.message import Message

    from iscg_mailbot.parse.message import _header_values

    message = Message()
    for name, value in fields:
        message.set_raw(name, value)
    expected: dict[str, list[str]] = {}
    for name, value in fields:
        expected.setdefault(name.strip().lower(), []).append(value)
    assert _header_values(message) == expected
    assert list(_header_values(message)) == list(expected)


# -- the quoting split's per-line patterns, ruled out by cheaper tests first ---------------

SIGN_OFF_WORDS = ["Best", "regards", "Kind", "kindest", "Many", "thanks", "Cheers", "BR", "bien",
                  "cordialement", "Mit", "freundlichen", "Grüßen", "gruessen", "Viele", "un",
                  "saludo", "Distinti", "saluti", "Met", "vriendelijke", "groet", "Pozdrawiam",
                  "\u0421", "уважением", "此致", "谢谢", "よろしくお願いします", "Yours", "truly",
                  "Sincerely", "Thank", "you", "Atentamente", "with", "warm", "wishes", "\u017fincerely", "\u212aind",
                  "Kind", "Ann", "Jean-Pierre", "I", "think", "so", "Hello", "1.", "-", "*", ",",
                  ".", "!", "/", "Regards,", "Dr.", "Omar", ":"]


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(SIGN_OFF_WORDS), max_size=5),
       st.sampled_from(["", " ", "\t", "  ", "\u00a0"]), st.sampled_from([" ", "", "  "]))
def test_sign_offs_are_ruled_out_only_where_the_pattern_fails(words: list[str], lead: str,
                                                              between: str) -> None:
    from iscg_mailbot.parse.quoting import _ANY_SIGN_OFF, _signs_off

    line = lead + between.join(words)
    assert _signs_off(line) == (_ANY_SIGN_OFF.match(line) is not None)


FIELD_WORDS = ["From", "Sent", "**De", ":**", ":", "\uff1a", "Envoyé", "le", "To", "Objet", "a",
               "b.", "c-d", "x'y", "1", "_", " ", "\t", "On Monday", "wrote", "<a@b.org>",
               "Note that the point is", "Cc", "*", "Date", "2026"]


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(FIELD_WORDS), max_size=7), st.sampled_from(["", " ", "  "]))
def test_header_fields_are_ruled_out_only_where_the_pattern_fails(words: list[str],
                                                                  between: str) -> None:
    from iscg_mailbot.parse.quote_headers import _FIELD, may_be_field

    line = between.join(words)
    assert may_be_field(line) or _FIELD.match(line) is None


@settings(max_examples=2000, deadline=None)
@given(st.text("\r\n \ta,", max_size=20))
def test_folded_address_headers_unfold_as_the_pattern_unfolded_them(text: str) -> None:
    from iscg_mailbot.parse.headers import unfolded

    assert unfolded(text) == re.sub(r"\r?\n(?=[ \t])|\r?\n", " ", text)


# -- an ASCII payload that no transfer encoding changes is its own text ------------------

def test_the_ascii_compatible_codecs_read_every_ascii_byte_as_itself() -> None:
    from iscg_mailbot.parse.charsets import ASCII_COMPATIBLE

    assert all(bytes(range(128)).decode(codec) == "".join(map(chr, range(128)))
               for codec in ASCII_COMPATIBLE)


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["", "Content-Transfer-Encoding: 7bit\n", "Content-Transfer-Encoding: 8BIT\n",
                        "Content-Transfer-Encoding: base64 \n", "Content-Transfer-Encoding: base64;\n",
                        "Content-Transfer-Encoding: Quoted-Printable\n",
                        "Content-Transfer-Encoding: x-uue\n", "Content-Transfer-Encoding: b\xe9\n",
                        "Content-Transfer-Encoding: binary\n"]),
       st.sampled_from(["", "; charset=utf-8", "; charset=us-ascii", "; charset=iso-8859-1",
                        "; charset=utf-16", "; charset=utf-7", "; charset=iso-2022-jp",
                        "; charset=x-unknown", "; charset=nonsense", "; charset=koi8-r",
                        '; charset="windows-1251"', "; charset=shift_jis"]),
       st.sampled_from(["Hi +AGEA-\n", "SGk=\n", "a=3Db\n", "", "\n", "caf\xe9\n", "~{<:Ky2;S{#,~}\n"]))
def test_ascii_payloads_decode_as_the_general_path_decodes_them(encoding: str, charset: str,
                                                                 payload: str) -> None:
    from iscg_mailbot.parse import body

    data = f"Content-Type: text/plain{charset}\n{encoding}\n{payload}".encode("latin-1")
    fast = body.extract_body(read_message(data))
    original = body.ascii_payload
    body.ascii_payload = lambda part: None  # type: ignore[assignment]
    try:
        general = body.extract_body(read_message(data))
    finally:
        body.ascii_payload = original
    assert (fast.text, fast.defects) == (general.text, general.defects)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(FIELD_LINES), max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_first_fields_given_by_the_grouped_values_are_the_fields_read_again(
        lines: list[str], end: str) -> None:
    from iscg_mailbot.parse.message import _header_values

    data = ("".join(line + end for line in lines) + end + "body").encode("utf-8",
                                                                          "surrogateescape")
    message = read_message(data)
    expected: dict[str, str] = {}
    for name, value in message.raw_items():
        expected.setdefault(name.lower(), value)
    _header_values(message)
    assert first_fields(message) == expected and list(first_fields(message)) == list(expected)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["(fwd)", "(FW)", "(Fw) ", " ", "\t", "Re:", "Fwd:", "[x]", "x",
                                 "(", ")", "fwd", "\uff08fwd\uff09"]), max_size=8))
def test_a_subject_without_a_parenthesis_has_no_fwd_suffix(pieces: list[str]) -> None:
    from iscg_mailbot.parse.subjects import _FWD_SUFFIX, normalise_and_forward

    subject = "".join(pieces)
    if "(" not in subject:
        assert _FWD_SUFFIX.search(subject) is None
        assert normalise_and_forward(subject)[0] == normalise_and_forward(subject + " (fwd)")[0]


def test_the_fwd_suffix_still_marks_a_forward() -> None:
    from iscg_mailbot.parse.subjects import normalise_and_forward

    assert normalise_and_forward("LS on IMT-2030 (fwd)") == ("ls on imt-2030", True)
    assert normalise_and_forward("LS on IMT-2030") == ("ls on imt-2030", False)
    assert normalise_and_forward("Re: LS (FW)") == ("ls", False)


# -- a reply's pointer at a forward below it: searched only in text holding its words ------

POINTER_PIECES = ["below", "BELOW", "Bel\u014dw", "forward", "FORWARDING", "forwarded", "I",
                  "we", "\u0130", "\u0131", "\u017f", "K", " ", "  ", "\n", "hereby", "for",
                  "your", "convenience", "CONVEN\u0130ENCE", "conven\u0131ence", "ci-de\u017f\u017fous",
                  "ci-dessous", "transfere", "TRANSF\u00c8RE", "a", "continuaci\u00f3n",
                  "CONTINUAC\u0130ON", "abajo", "reenv\u00edo", "REENVIO", "unten", "UNTEN",
                  "weitergeleitet", "looking", "the", "LS", ".", ",", "-", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(POINTER_PIECES), max_size=8).map("".join))
def test_the_pointer_is_found_as_its_plain_search(text: str) -> None:
    assert forwarded_replies._points_below(text) == (
        forwarded_replies._POINTS_BELOW.search(text) is not None)


def test_the_pointer_is_found_in_every_sample_reply_as_before() -> None:
    found = 0
    for message in mailbox.mbox(sample_archive()):
        text = parse_message(RawMessage(message.as_bytes(), Provenance())).new_text or ""
        plain = forwarded_replies._POINTS_BELOW.search(text) is not None
        assert forwarded_replies._points_below(text) == plain
        found += plain
    assert found  # (not vacuous)


def test_a_reply_without_the_words_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fails on the code before: the pattern was tried at every character of every reply.
    searched: list[str] = []
    pattern = forwarded_replies._POINTS_BELOW

    class Counted:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(text)
            return pattern.search(text)

    monkeypatch.setattr(forwarded_replies, "_POINTS_BELOW", Counted())
    quote = "-----Original Message-----\nFrom: TSB SG3 <tsbsg3@itu.int>\nSubject: LS\n\nHi"
    assert not forwarded_replies.forwards_in_reply("Thanks, noted.", quote, "Re: other")
    assert searched == []
    assert forwarded_replies.forwards_in_reply("Text below for convenience.", quote, "Re: other")
    assert searched == ["Text below for convenience."]
