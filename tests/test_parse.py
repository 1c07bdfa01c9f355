"""parse_message and its helpers: headers, charsets, MIME structure, the error contract."""

from __future__ import annotations

import doctest
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse import body, headers, message
from iscg_mailbot.parse.body import decode_text, html_to_text
from iscg_mailbot.parse.headers import (
    clean_message_id,
    date_to_utc,
    decode_header_text,
    parse_addresses,
    parse_references,
    synthetic_message_id,
)
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Address, Attachment, ParsedMessage, Provenance, RawMessage

PROVENANCE = Provenance(mailbox="INBOX", uidvalidity=42, uid=7)


def raw(data: bytes, received_at: datetime | None = None) -> RawMessage:
    return RawMessage(data=data, provenance=PROVENANCE, received_at=received_at)


def parse(data: bytes, received_at: datetime | None = None) -> ParsedMessage:
    return parse_message(raw(data.replace(b"\n", b"\r\n"), received_at))


LIAISON_REPLY = b"""\
Return-Path: <bounce@lists.itu.int>
Received: from mx.itu.int by lists.itu.int; Tue, 14 May 2024 09:13:00 +0200
From: =?utf-8?q?Jos=C3=A9_Mart=C3=ADnez?= <Jose.Martinez@Example.ORG>
To: int-sect-team@lists.itu.int
Cc: "Doe, Jane" <jane.doe@itu.int>, tsbsg17@itu.int
Subject: Re: [int-sect-team] =?utf-8?q?R=C3=A9ponse?= LS to ITU-R WP 5D
Date: Tue, 14 May 2024 09:12:34 +0200
Message-ID: <CAF+reply-1@mail.example.org>
In-Reply-To: <CAF+draft-1@mail.example.org>
References: <CAF+root@mail.example.org>
 <CAF+draft-1@mail.example.org>
List-Id: ITU Inter-Sector Coordination <int-sect-team.lists.itu.int>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

We support the reply LS to WP 5D, with one change in =C2=A72.

On Mon, 13 May 2024 at 17:00, Jane Doe <jane.doe@itu.int> wrote:
> Please comment on the draft reply LS by Friday.

--=20
Jos=C3=A9 Mart=C3=ADnez
--alt
Content-Type: text/html; charset="utf-8"

<p>HTML version that must not be used</p>
--alt--
--outer
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;
 name="LS-reply-draft-v2.docx"
Content-Disposition: attachment; filename="LS-reply-draft-v2.docx"
Content-Transfer-Encoding: base64

UEsDBBQABgAIAAAAIQ==
--outer--
"""


def test_liaison_reply_fills_every_field() -> None:
    received = datetime(2024, 5, 14, 7, 20, tzinfo=UTC)
    parsed = parse(LIAISON_REPLY, received_at=received)
    assert parsed.message_id == "CAF+reply-1@mail.example.org"
    assert parsed.synthetic_id is False
    assert parsed.in_reply_to == "CAF+draft-1@mail.example.org"
    assert parsed.references == ("CAF+root@mail.example.org", "CAF+draft-1@mail.example.org")
    assert parsed.subject == "Re: [int-sect-team] Réponse LS to ITU-R WP 5D"
    assert parsed.normalised_subject == "réponse ls to itu-r wp 5d"
    assert parsed.sender == Address("José Martínez", "jose.martinez@example.org")
    assert parsed.to == (Address("", "int-sect-team@lists.itu.int"),)
    assert parsed.cc == (Address("Doe, Jane", "jane.doe@itu.int"), Address("", "tsbsg17@itu.int"))
    assert parsed.date == datetime(2024, 5, 14, 7, 12, 34, tzinfo=UTC)
    assert parsed.body_text.startswith("We support the reply LS to WP 5D, with one change in §2.")
    assert "HTML version" not in parsed.body_text
    assert parsed.new_text == "We support the reply LS to WP 5D, with one change in §2."
    assert parsed.quoted_text == (
        "On Mon, 13 May 2024 at 17:00, Jane Doe <jane.doe@itu.int> wrote:\n"
        "> Please comment on the draft reply LS by Friday."
    )
    assert parsed.signature == "José Martínez"
    assert parsed.attachments == (
        Attachment(
            "LS-reply-draft-v2.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            13,
        ),
    )
    assert parsed.raw_size == len(LIAISON_REPLY.replace(b"\n", b"\r\n"))
    assert parsed.list_id == "int-sect-team.lists.itu.int"
    assert parsed.provenance == PROVENANCE
    assert parsed.defects == ()


def test_missing_message_id_gets_a_stable_synthetic_one() -> None:
    data = b"From: a@example.org\nSubject: No id\nDate: Tue, 14 May 2024 09:12:34 +0200\n\nHello\n"
    first = parse(data)
    second = parse(data)
    lf_only = parse_message(raw(data))  # the same message as an mbox export would hold it
    assert first.synthetic_id is True
    assert first.message_id.startswith("synthetic-")
    assert first.message_id.endswith("@iscg-mailbot.invalid")
    assert first.message_id == second.message_id == lf_only.message_id
    other = parse(data.replace(b"Hello", b"Goodbye"))
    assert other.message_id != first.message_id


def test_date_falls_back_to_delivery_date_and_defect_is_recorded() -> None:
    received = datetime(2024, 5, 14, 9, 0)  # naive From_ line date: taken as UTC
    parsed = parse(b"From: a@example.org\nDate: someday soon\n\nHi\n", received_at=received)
    assert parsed.date == datetime(2024, 5, 14, 9, 0, tzinfo=UTC)
    assert "unreadable-date" in parsed.defects
    assert parse(b"From: a@example.org\n\nHi\n").date is None


def test_html_only_message_becomes_text() -> None:
    parsed = parse(
        b"From: tsb@itu.int\nSubject: Circular\nContent-Type: text/html; charset=windows-1252\n\n"
        b"<html><head><style>p {color: red}</style></head><body>"
        b"<p>TSB Circular 123: \x93Call for contributions\x94</p><ul><li>Deadline: 1 July</li>"
        b"</ul><script>alert(1)</script></body></html>\n"
    )
    assert "TSB Circular 123: \u201cCall for contributions\u201d" in parsed.body_text
    assert "* Deadline: 1 July" in parsed.body_text
    assert "color" not in parsed.body_text
    assert "alert" not in parsed.body_text


@pytest.mark.parametrize(
    ("content_type", "payload", "expected", "defect"),
    [
        (b"text/plain; charset=iso-8859-1", "Genève".encode("latin-1"), "Genève", None),
        (b"text/plain; charset=utf-8", "Genève".encode("latin-1"), "Genève",
         "charset-fallback:utf-8->cp1252"),
        (b"text/plain; charset=x-unknown", "Genève".encode(), "Genève",
         "charset-fallback:x-unknown->utf-8"),
        (b"text/plain", "Genève".encode(), "Genève", None),
        (b"text/plain; charset=us-ascii", "Genève".encode(), "Genève", None),
        (b"text/plain; charset=gb2312", "会议".encode("gb18030"), "会议", None),
        (b"text/plain; charset=koi8-r", "Привет".encode("koi8-r"), "Привет", None),
    ],
)
def test_body_charsets(
    content_type: bytes, payload: bytes, expected: str, defect: str | None
) -> None:
    parsed = parse_message(raw(b"From: a@b.c\nContent-Type: " + content_type + b"\n\n" + payload))
    assert parsed.body_text == expected
    if defect:
        assert defect in parsed.defects


def test_undecodable_bytes_become_replacement_characters_not_errors() -> None:
    text, codec = decode_text(b"caf\xe9 \x81", "utf-8")
    assert (text, codec) == ("café \ufffd", "cp1252")


def test_raw_8bit_subject_uses_the_body_charset() -> None:
    parsed = parse_message(raw(
        b"From: a@b.c\nSubject: \xb4\xfa\xb8\xd5\nContent-Type: text/plain; charset=big5\n\nx\n"
    ))
    assert parsed.subject == "測試"


def test_a_nul_in_the_declared_charset_is_an_unknown_charset_not_a_quarantine() -> None:
    # Found by bench/fuzz_parse.py: "embedded null character" (a ValueError) escaped
    # the header decoding and the message was quarantined.
    parsed = parse_message(raw(
        b"From: Jos\xc3\xa9 <j@b.c>\nSubject: Caf\xe9\n"
        b"Content-Type: text/plain; charset=\"utf\x008\"\n\nx\n"
    ))
    assert (parsed.sender.name if parsed.sender else None, parsed.subject) == ("José", "Café")


def test_nested_message_is_shown_under_a_forward_marker_and_listed() -> None:
    parsed = parse(
        b"From: a@b.c\nSubject: Fwd: LS\nContent-Type: multipart/mixed; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\nSee below.\n"
        b"--b\nContent-Type: message/rfc822\n\n"
        b"From: tsb@itu.int\nSubject: LS on IMT\nDate: Mon, 3 Jun 2024 10:00:00 +0200\n\n"
        b"The LS text.\n--b--\n"
    )
    assert parsed.body_text == (
        "See below.\n\n"
        "---------- Forwarded message ----------\n"
        "From: tsb@itu.int\nDate: Mon, 3 Jun 2024 10:00:00 +0200\nSubject: LS on IMT\n\n"
        "The LS text."
    )
    assert parsed.new_text == parsed.body_text
    assert [(a.filename, a.content_type) for a in parsed.attachments] == [
        ("LS on IMT.eml", "message/rfc822")
    ]


def test_attachment_bytes_are_not_kept_and_size_is_exact() -> None:
    import base64

    content = bytes(range(256)) * 40
    encoded = base64.encodebytes(content)
    parsed = parse_message(raw(
        b"From: a@b.c\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
        b"Content-Type: text/plain\n\nSee attached.\n--b\n"
        b"Content-Type: application/octet-stream\nContent-Disposition: attachment;"
        b" filename*=UTF-8''R%C3%A9sum%C3%A9.bin\nContent-Transfer-Encoding: base64\n\n"
        + encoded + b"--b--\n"
    ))
    assert parsed.attachments == (Attachment("Résumé.bin", "application/octet-stream", 10240),)
    assert not any(isinstance(value, bytes) for value in vars(parsed).values())


def test_sloppy_transfer_encoding_is_decoded() -> None:
    parsed = parse_message(raw(
        b"From: a@b.c\nContent-Transfer-Encoding: base64 \n\nSGVsbG8sIElTQ0cu\n"
    ))
    assert parsed.body_text == "Hello, ISCG."


def test_broken_boundary_keeps_the_text_and_reports_the_defect() -> None:
    parsed = parse(
        b"From: a@b.c\nContent-Type: multipart/mixed; boundary=missing\n\n"
        b"--other\nContent-Type: text/plain\n\nThe agenda is attached.\n"
    )
    assert "The agenda is attached." in parsed.body_text
    assert "StartBoundaryNotFoundDefect" in parsed.defects


def test_text_is_safe_for_any_database() -> None:
    parsed = parse_message(raw(b"From: a@b.c\nSubject: a\x00b\n\nnul\x00here\n"))
    assert "\x00" not in parsed.body_text
    assert "\x00" not in parsed.subject


def test_sender_falls_back_to_sender_header_then_empty() -> None:
    assert parse(b"Sender: list@x.org\nSubject: s\n\nb\n").sender == Address("", "list@x.org")
    assert parse(b"Subject: s\n\nb\n").sender == Address("", "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty message"),
        (b" \r\n\r\n\t", "empty message"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(32)) * 20, "binary content"),
    ],
)
def test_unparseable_input_raises_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnparseableMessage, match=reason):
        parse_message(raw(data))


def test_size_limit() -> None:
    data = b"From: a@b.c\n\n" + b"x" * 1000
    with pytest.raises(UnparseableMessage, match="exceeds the 500-byte limit"):
        parse_message(raw(data), max_bytes=500)
    assert parse_message(raw(data), max_bytes=5000).body_text == "x" * 1000


def test_unexpected_errors_are_reported_as_unparseable(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(message, "extract_body", broken)
    with pytest.raises(UnparseableMessage, match="parser error KeyError: 'boom'"):
        parse_message(raw(b"From: a@b.c\n\nx\n"))


def test_deeply_nested_forwards_parse_and_only_the_first_levels_are_shown() -> None:
    data = b"From: a@b.c\n" + b"Content-Type: message/rfc822\n\nFrom: x@y.z\n" * 500 + b"\nbody\n"
    parsed = parse_message(raw(data))
    assert parsed.body_text.count("---------- Forwarded message ----------") == 3
    assert "enclosed-message-too-deep" in parsed.defects


def test_nesting_beyond_what_the_stdlib_parser_can_read_is_refused() -> None:
    levels = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i) for i in range(3000)
    )
    with pytest.raises(UnparseableMessage, match="nested too deeply"):
        parse_message(raw(b"From: a@b.c\n" + levels + b"Content-Type: text/plain\n\ndeep\n"))


def test_many_parts() -> None:
    parts = b"".join(b"--b\nContent-Type: text/plain\n\npart %d\n" % i for i in range(2000))
    parsed = parse_message(raw(
        b"From: a@b.c\nContent-Type: multipart/mixed; boundary=b\n\n" + parts + b"--b--\n"
    ))
    assert parsed.body_text.startswith("part 0\n\npart 1\n\n")
    assert parsed.body_text.endswith("part 1999")


def test_body_without_headers_is_still_a_message() -> None:
    parsed = parse_message(raw(b"Hello,\n\nThis is a test email. It has no headers.\n"))
    assert parsed.synthetic_id is True
    assert parsed.body_text == "Hello,\n\nThis is a test email. It has no headers."
    assert "no-headers" in parsed.defects


# -- headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<abc@example.org>", "abc@example.org"),
        ("  <abc@example.org>  (comment)", "abc@example.org"),
        ("<a@x> <b@y>", "a@x"),
        ("<abc@exa\r\n mple.org>", "abc@example.org"),
        ("abc@example.org", "abc@example.org"),
        ("Your message of Tuesday", None),
        ("", None),
        (None, None),
        ("<>", None),
    ],
)
def test_clean_message_id(value: str | None, expected: str | None) -> None:
    assert clean_message_id(value) == expected


def test_overlong_message_id_is_shortened_stably() -> None:
    long_id = "x" * 2000 + "@example.org"
    cleaned = clean_message_id(f"<{long_id}>")
    assert cleaned is not None and len(cleaned.encode()) == headers.MAX_MESSAGE_ID_BYTES
    assert cleaned == clean_message_id(long_id)
    assert parse_references(f"<{long_id}>") == (cleaned,)


@pytest.mark.parametrize("charset", [b"charset*=utf-8''%E2%82%AC", b'charset="utf\x00-8"'])
def test_odd_charset_parameters_with_8bit_body_are_read(charset: bytes) -> None:
    raw = (b"From: a@example.org\r\nMessage-ID: <odd@example.org>\r\n"
           b"Content-Type: text/plain; " + charset + b"\r\n\r\ncaf\xc3\xa9 au lait\r\n")
    assert parse_message(RawMessage(raw, Provenance())).body_text.strip() == "café au lait"


def test_multibyte_message_id_is_capped_by_bytes() -> None:
    # 990 CJK characters are under the 998-character cap but ~3,000 UTF-8 bytes,
    # more than a PostgreSQL index entry holds.
    wide = "\u4e2d" * 990 + "@example.org"
    cleaned = clean_message_id(f"<{wide}>")
    assert cleaned is not None and len(cleaned.encode()) <= headers.MAX_MESSAGE_ID_BYTES
    assert cleaned.startswith("\u4e2d") and cleaned == clean_message_id(wide)


def test_synthetic_id_ignores_folding_and_line_ends() -> None:
    one = synthetic_message_id({"subject": "A\r\n long subject"}, b"Body\r\ntext\r\n")
    two = synthetic_message_id({"subject": "A long subject"}, b"Body\ntext\n")
    assert one == two
    assert len(one.split("@")[0]) == len("synthetic-") + 32


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"Doe, Jane" <Jane.Doe@ITU.int>', (Address("Doe, Jane", "jane.doe@itu.int"),)),
        ("=?iso-8859-1?q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>",
         (Address("André Pirard", "pirard@vm1.ulg.ac.be"),)),
        ('"=?utf-8?b?0JDQu9C10LrRgdCw0L3QtNGA?=" <a@example.com>',
         (Address("Александр", "a@example.com"),)),
        ("a@b.c, A@B.C", (Address("", "a@b.c"),)),
        ("Team: a@b.c, d@e.f;", (Address("", "a@b.c"), Address("", "d@e.f"))),
        ("jjl at pobox.com (John J. Lee)", (Address("John J. Lee", "jjl@pobox.com"),)),
        ("not an address", ()),
        ("", ()),
        (None, ()),
    ],
)
def test_parse_addresses(value: str | None, expected: tuple[Address, ...]) -> None:
    assert parse_addresses(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 14 May 2024 09:12:34 +0200", datetime(2024, 5, 14, 7, 12, 34, tzinfo=UTC)),
        ("14 May 2024 09:12 EDT", datetime(2024, 5, 14, 13, 12, tzinfo=UTC)),
        ("Tue, 14 May 2024 09:12:34 +0200 (CEST)",
         datetime(2024, 5, 14, 7, 12, 34, tzinfo=UTC)),
        ("04-Jan-93 13:22:13", datetime(1993, 1, 4, 13, 22, 13, tzinfo=UTC)),
        ("2024-05-14T09:12:34+02:00", datetime(2024, 5, 14, 7, 12, 34, tzinfo=UTC)),
        ("Mittwoch, 3. Mai 2024", None),  # a wrong guess would be worse than none
        ("Tue, 14 May 2024 25:12:34 +0200", None),
        ("Thu, 01 Jan 1970 00:00:00 +0000", None),
        ("garbage", None),
        ("", None),
    ],
)
def test_date_to_utc(value: str, expected: datetime | None) -> None:
    assert date_to_utc(value) == expected


def test_decode_header_text_handles_broken_encoded_words() -> None:
    assert decode_header_text("=?utf-8?b?not-base64!?= tail") == "=?utf-8?b?not-base64!?= tail"
    assert decode_header_text("=?no-such-charset?q?caf=C3=A9?=") == "café"


def test_html_to_text_survives_junk() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<<<>>>") in ("", "<<<>>>", "<<>>>", ">>>", "<<<>>")
    assert html_to_text("<?xml version='1.0' encoding='utf-8'?><p>x</p>") == "x"


def test_docstring_examples() -> None:
    for module in (headers, body, message):
        assert doctest.testmod(module).failed == 0, module.__name__


# -- the contract, on any input --------------------------------------------------

HEADER_LINES = st.sampled_from([
    b"From: a@b.c", b"Subject: =?utf-8?q?x?=", b"Content-Type: multipart/mixed; boundary=b",
    b"Content-Type: text/html; charset=x", b"Content-Transfer-Encoding: base64",
    b"Content-Type: message/rfc822", b"--b", b"--b--", b"Message-ID: <x@y>", b"Date: junk",
    b"To: ;;;<<>>", b"", b" continued", b"\xff\xfe", b"<p>x</p>", b"> quoted",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_raise_unparseable(data: bytes) -> None:
    try:
        parsed = parse_message(raw(data))
    except UnparseableMessage as exc:
        assert str(exc)
    else:
        assert parsed.message_id


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HEADER_LINES | st.binary(max_size=40), max_size=40))
def test_mail_shaped_bytes_parse_or_raise_unparseable(lines: list[bytes]) -> None:
    try:
        parsed = parse_message(raw(b"\r\n".join(lines)))
    except UnparseableMessage as exc:
        assert str(exc)
    else:
        assert parsed.message_id
        assert "\x00" not in parsed.body_text


def test_the_senders_utc_offset_is_kept() -> None:
    raw = (b"From: a@example.org\r\nMessage-ID: <tz@example.org>\r\n"
           b"Date: Fri, 10 Jul 2026 23:30:00 -0500\r\n\r\nbody\r\n")
    parsed = parse_message(RawMessage(raw, Provenance()))
    assert parsed.utc_offset_minutes == -300
    assert parsed.date is not None and parsed.date.hour == 4 and parsed.date.day == 11
    no_zone = raw.replace(b"-0500", b"-0000")
    assert parse_message(RawMessage(no_zone, Provenance())).utc_offset_minutes is None
