"""The plainest mailboxes are read without mail-parser, exactly as mail-parser reads them.

``address_lists.simple_mailbox`` answers for one mailbox of the plainest kind (a
dot-atom address, alone or in <...> after plain words or a plain quoted name) and
leaves everything else to mail-parser; these tests hold its answers to mail-parser's.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mailparser.utils import get_addresses

from iscg_mailbot.parse.address_lists import simple_mailbox
from iscg_mailbot.parse.headers import _read_addresses
from iscg_mailbot.records import Address

_LABEL = st.text("abZ09-", min_size=1, max_size=5)
_ATOM = st.text("abcXYZ019_+-", min_size=1, max_size=4)
_ADDRESS = st.builds(
    lambda local, domain: ".".join(local) + "@" + ".".join(domain),
    st.lists(_ATOM, min_size=1, max_size=3), st.lists(_LABEL, min_size=1, max_size=3))
# Near misses: addresses mail-parser may read otherwise, which the shortcut must refuse.
_ODD_ADDRESS = st.sampled_from(["a@b", "a..b@c.d", ".a@b.c", "a.@b.c", "a@-b.c", "a@b-.c",
                                "a@b..c", "A@B.C", "a@b.c.", "a b@c.d", "a@b_c.d", "ä@b.c"])
_WORDS = st.lists(st.text("aZ09AMxy.'-\t", min_size=1, max_size=6), min_size=1, max_size=4)
_QUOTED = st.text("ab Z9.,'-\"\\=?<>@", max_size=12)
_BLANKS = st.sampled_from(["", " ", "  ", "\t", " \t "])
# Made once, not at each draw (a new ``one_of`` is built and validated each time).
_ANY_ADDRESS = st.one_of(_ADDRESS, _ODD_ADDRESS)
_KIND = st.integers(0, 3)


@st.composite
def mailboxes(draw: st.DrawFn) -> str:
    address = draw(_ANY_ADDRESS)
    blanks = draw(_BLANKS)
    kind = draw(_KIND)
    if kind == 0:
        return blanks + address + draw(_BLANKS)
    if kind == 1:
        return f"{blanks}<{address}>"
    if kind == 2:
        return draw(_BLANKS).join(draw(_WORDS)) + blanks + f"<{address}>"
    return f'"{draw(_QUOTED)}"{blanks}<{address}>'


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(mailboxes())
def test_a_plain_mailbox_reads_as_mail_parser_reads_it(text: str) -> None:
    pairs = simple_mailbox(text)
    if pairs is not None:
        assert pairs == [tuple(pair) for pair in get_addresses(text, decode_names=True)]


def test_the_common_mailboxes_take_the_shortcut() -> None:
    for text, name in [("ann.doe@itu.int", ""), ("<ann.doe@itu.int>", ""),
                       ("Ann Doe <Ann.Doe@ITU.int>", "Ann Doe"),
                       ('"Doe, Ann" <ann.doe@itu.int>', "Doe, Ann"),
                       ('"Artem S. Tashkinov"  <aros@gmx.com>', "Artem S. Tashkinov")]:
        pairs = simple_mailbox(text)
        assert pairs is not None and pairs[0][0] == name
        assert _read_addresses(text) == (Address(name=name, address="ann.doe@itu.int")
                                         if "ann" in text.lower() else
                                         Address(name=name, address="aros@gmx.com"),)
    for text in ["=?utf-8?q?J=C3=B6rg?= <j@x.de>", "jjl at pobox.com (John J. Lee)",
                 "Ann <a@b>", '"Doe \\"A\\"" <a@b.org>', "a@b.org, c@d.org"]:
        assert simple_mailbox(text) is None
