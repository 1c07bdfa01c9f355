"""Hard mail from other mail libraries' test suites: parsed, or refused with a reason.

``tests/samples/hard/`` holds a selection (see its SOURCES.md); the whole shared corpus
(``../shared/corpus``: 557 hard messages and 4,492 list-archive messages) is parsed too
when it is present next to the repository.
"""

from __future__ import annotations

import mailbox
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Attachment, ParsedMessage, Provenance, RawMessage

SAMPLES = Path(__file__).resolve().parent / "samples" / "hard"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
#: The corpus files that are not e-mail at all, and why.
KNOWN_UNPARSEABLE = {
    "mail-parser-mail_outlook_1.eml": "no headers and binary content",  # an Outlook .msg file
}


def load(name: str) -> RawMessage:
    path = SAMPLES / name
    return RawMessage(path.read_bytes(), Provenance(archive_path=str(path)))


def parse_sample(name: str) -> ParsedMessage:
    return parse_message(load(name))


def sample_names() -> list[str]:
    return sorted(path.name for path in SAMPLES.glob("*.eml"))


def test_selection_is_documented() -> None:
    names = sample_names()
    sources = (SAMPLES / "SOURCES.md").read_text(encoding="utf-8")
    assert 60 <= len(names) <= 100
    assert sum((SAMPLES / name).stat().st_size for name in names) < 4_000_000
    assert [name for name in names if f"`{name}`" not in sources] == []


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_parses_or_is_refused_with_a_reason(name: str) -> None:
    try:
        parsed = parse_sample(name)
    except UnparseableMessage as exc:
        assert name in KNOWN_UNPARSEABLE
        assert KNOWN_UNPARSEABLE[name] in str(exc)
    else:
        assert name not in KNOWN_UNPARSEABLE
        assert parsed.message_id
        assert parsed.raw_size == (SAMPLES / name).stat().st_size
        for text in (parsed.subject, parsed.body_text, parsed.new_text, parsed.sender.name):
            assert "\x00" not in text
            text.encode("utf-8")  # no lone surrogates: storable in any database


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        ("mail-mime-parser-m0010.eml", "Die Hasen und die Frösche (Microsoft Outlook 00)"),
        ("mail-mime-parser-m0006.eml", "Die Hasen und die Frösche (Microsoft Outlook 00)"),
        ("mimekit-japanese.eml", "日本語メールテスト (testing Japanese emails)"),
        ("ruby-mail-plain_emails-raw_email.eml", "NOTE: 한국말로 하는 것"),
        ("flanker-bilingual-simple.eml", "Simple text. How are you? Как ты поживаешь?"),
        (
            "ruby-mail-plain_emails-raw_email_with_partially_quoted_subject.eml",
            'Re: Test: "漢字" mid "漢字" tail',
        ),
    ],
)
def test_rfc2047_subjects_are_decoded_exactly(name: str, subject: str) -> None:
    assert parse_sample(name).subject == subject


def test_rfc2047_display_name() -> None:
    parsed = parse_sample("ietf-mailarchive-encoded_word.eml")
    assert (parsed.sender.name, parsed.sender.address) == ("Järvinen", "jarvinen@example.com")


def test_html_only_mail_becomes_readable_text() -> None:
    parsed = parse_sample("mail-mime-parser-m1006.eml")
    assert "Die Hasen klagten einst über ihre mißliche Lage" in parsed.body_text
    assert "<" not in parsed.body_text
    assert [a.filename for a in parsed.attachments if a.filename == "greenball.png"]


def test_message_without_message_id_gets_the_same_synthetic_id_twice() -> None:
    first = parse_sample("ietf-mailarchive-bad_date.eml")
    second = parse_sample("ietf-mailarchive-bad_date.eml")
    assert first.synthetic_id and second.synthetic_id
    assert first.message_id == second.message_id
    assert first.message_id.startswith("synthetic-")
    # The same file also has an obsolete date: "Date: 04-Jan-93 13:22:13".
    assert first.date == datetime(1993, 1, 4, 13, 22, 13, tzinfo=UTC)


def test_tnef_winmail_dat_is_attachment_metadata() -> None:
    parsed = parse_sample("mail-mime-parser-m4006.eml")
    assert parsed.attachments == (Attachment("winmail.dat", "application/ms-tnef", 1325),)


def test_forwarded_message_is_inline_and_listed() -> None:
    parsed = parse_sample("flanker-enclosed.eml")
    assert "---------- Forwarded message ----------\nFrom: Kirk Douglas <dan@example.com>" in (
        parsed.body_text
    )
    assert [(a.filename, a.content_type) for a in parsed.attachments] == [
        ("thanks.eml", "message/rfc822")
    ]


def test_base64_encoded_forwarded_message_is_decoded() -> None:
    parsed = parse_sample("mime4j-base64encoded-rfc822message-nested.eml")
    assert parsed.body_text.endswith("Text body")


def test_windows_1252_body() -> None:
    parsed = parse_sample("ietf-mailarchive-windows1252.eml")
    assert "\u201cquoted term\u201d" in parsed.body_text


def test_invalid_charset_falls_back_and_says_so() -> None:
    parsed = parse_sample("mail-mime-parser-invalid-charset.eml")
    assert parsed.body_text.startswith("The Hare and the Tortoise")
    assert "charset-fallback:invalid-charset->utf-8" in parsed.defects


def test_message_with_no_headers_at_all() -> None:
    parsed = parse_sample("ietf-mailarchive-mail_bad.1.eml")
    assert parsed.body_text == "Hello,\n\nThis is a test email. It has no headers."
    assert parsed.synthetic_id
    assert "no-headers" in parsed.defects


def test_list_id() -> None:
    assert parse_sample("ietf-mailarchive-mail_listid.1.eml").list_id == "mpls.ietf.org"


def test_huge_headers_parse_quickly() -> None:
    started = time.perf_counter()
    long_header = parse_sample("flanker-long-header.eml")
    stack_overflow = parse_sample("mimekit-stack-overflow.eml")  # 135 KB To: header
    assert time.perf_counter() - started < 2.0
    assert long_header.subject.startswith("Die heiße Zypernsonne quälte Max und Victoria")
    assert stack_overflow.sender.address == "test@test.com"


def test_address_header_that_crashes_the_stdlib_default_policy() -> None:
    parsed = parse_sample("ietf-mailarchive-bad_to_address.eml")
    assert parsed.sender.address == "foo@example.com"
    assert parsed.body_text == "Hello. Testing"


def test_sloppy_transfer_encoding_header() -> None:
    # "Content-Transfer-Encoding: base64 " (trailing space) is ignored by the stdlib.
    parsed = parse_sample("ietf-mailarchive-bad_transfer_encoding.eml")
    assert parsed.body_text == "Hello. Testing\n\nHello. Testing"


# -- the whole shared corpus -------------------------------------------------------


def corpus_messages() -> list[tuple[str, RawMessage]]:
    found: list[tuple[str, RawMessage]] = []
    for path in sorted((CORPUS / "hard-mail").glob("*.eml")):
        found.append((path.name, RawMessage(path.read_bytes(), Provenance(archive_path=str(path)))))
    for path in sorted((CORPUS / "archive").glob("*.mbox")):
        box = mailbox.mbox(path, create=False)
        try:
            for key in box.iterkeys():
                found.append(
                    (f"{path.name}#{key}", RawMessage(box.get_bytes(key), Provenance(str(path))))
                )
        finally:
            box.close()
    return found


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_whole_shared_corpus_parses_or_is_refused_with_a_reason() -> None:
    messages = corpus_messages()
    started = time.perf_counter()
    outcomes: Counter[str] = Counter()
    refused: dict[str, str] = {}
    synthetic_in_mtce = 0
    for name, raw in messages:
        try:
            parsed = parse_message(raw)
        except UnparseableMessage as exc:
            refused[name] = str(exc)
            outcomes["refused"] += 1
            continue
        assert parsed.message_id, name
        outcomes["parsed"] += 1
        if "MTCE" in name and parsed.synthetic_id:
            synthetic_in_mtce += 1
    elapsed = time.perf_counter() - started

    assert len(messages) == 557 + 4492
    assert outcomes["parsed"] == len(messages) - len(KNOWN_UNPARSEABLE)
    assert set(refused) == set(KNOWN_UNPARSEABLE)
    for name, reason in refused.items():
        assert KNOWN_UNPARSEABLE[name] in reason
    # The 3GPP MTCE reflector log: 43 of its 57 messages have no Message-ID.
    assert synthetic_in_mtce == 43
    assert elapsed < 60, f"parsing the corpus took {elapsed:.1f} s"
