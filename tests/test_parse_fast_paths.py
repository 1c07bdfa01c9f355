"""The parse stage's shortcuts give what the general code gives.

Each shortcut (``bench/parse.py`` measures why it is there) answers a common case at C
speed and leaves the rest to the general code; these tests hold the two to the same
answers through the public functions.
"""

from __future__ import annotations

import base64
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.parse.address_lists import _split_by_scan, split_address_list
from iscg_mailbot.parse.body import clean_text, encoded_size
from iscg_mailbot.parse.headers import parse_addresses
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.parse.mime import read_message
from iscg_mailbot.records import Address, Provenance, RawMessage

# -- address lists: quoted names without a character-by-character scan ------------------

ADDRESS_PIECES = ['"', "<", ">", ",", ":", ";", " ", "a", "@", "Doe, Jane", "x.org",
                  '"Doe, Jane" <jane@x.org>', "bob@x.org", "\t"]


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
       st.integers(min_value=40, max_value=80))
def test_base64_attachment_size_is_its_decoded_size(data: bytes, tail: str, width: int) -> None:
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
