"""``read_message`` builds exactly the tree ``email.message_from_bytes`` (compat32) builds.

It reads the header block itself (the stdlib parser's header loop without its line
buffer), takes the rest of the text as the body of a message that is not
``multipart/*`` or ``message/*``, and has the stdlib parser read the body of one that
is, given only the two fields it reads for that; so these tests compare every attribute
of every part, defects and their order included, on the shipped samples, on hand-made
edge cases, and on messages generated from the same pieces.
"""

from __future__ import annotations

from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.parse.mime import read_message
from iscg_mailbot.source.archive import read_archive

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARCHIVE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"
SAMPLE_DIRS = (ROOT / "tests" / "samples" / "hard", ROOT / "tests" / "samples" / "reliability")


def tree(message: Message) -> tuple[object, ...]:
    """Everything the parser stores on a message and its parts."""
    state = dict(vars(message))
    payload = state.pop("_payload")
    if isinstance(payload, list):
        payload = [tree(part) for part in payload]
    defects = [(type(defect).__name__, str(defect)) for defect in state.pop("defects")]
    state.pop("policy")
    return payload, defects, sorted(state.items(), key=lambda item: item[0])


def stdlib_tree(data: bytes) -> tuple[object, ...]:
    return tree(message_from_bytes(data, policy=compat32))


def sample_messages() -> list[bytes]:
    messages = []
    archives = [SAMPLE_ARCHIVE]
    for folder in SAMPLE_DIRS:
        messages += [path.read_bytes() for path in sorted(folder.glob("*.eml"))]
        archives += sorted(folder.glob("*.mbox"))
    for archive in archives:
        for batch in read_archive(archive):
            messages += [bytes(raw.data) for raw in batch.messages]
    return messages


def test_samples_give_the_stdlib_tree() -> None:
    messages = sample_messages()
    assert len(messages) > 250
    for data in messages:
        assert tree(read_message(data)) == stdlib_tree(data)


EDGE_CASES = {
    "plain": b"Subject: Hi\n\nBody\n",
    "crlf": b"Subject: Hi\r\nFrom: a@b.org\r\n\r\nBody\r\nmore\r\n",
    "cr only": b"Subject: Hi\rFrom: a@b.org\r\rBody\rmore\r",
    "cr then crlf empty line": b"Subject: Hi\r\r\nBody\n",
    "lf then cr empty line": b"Subject: Hi\n\rBody\n",
    "folded": b"Subject: a\n  long\n\tsubject\nTo: x@y.org\n\nBody\n",
    "folded crlf at end": b"Subject: a\r\n b\r\n\r\nBody",
    "envelope line": b"From ann@itu.int Mon Jan  1 00:00:00 2024\nSubject: Hi\n\nBody\n",
    "envelope line crlf": b"From ann@itu.int Mon Jan 1\r\nSubject: Hi\r\n\r\nBody\r\n",
    "misplaced envelope": b"Subject: Hi\nFrom ann@itu.int Mon\nTo: x@y.org\n\nBody\n",
    "envelope line last": b"Subject: Hi\nFrom ann@itu.int Mon\n\nBody\n",
    "envelope line last, no empty line": b"Subject: Hi\nFrom ann@itu.int\nBody line\n\nmore\n",
    "only an envelope line": b"From ann@itu.int Mon\n\nBody\n",
    "continuation first": b" leading\nSubject: Hi\n\nBody\n",
    "continuation after envelope": b"From ann@itu.int\n cont\nSubject: Hi\n\nBody\n",
    "continuation after a nameless field": b"Subject: x\n: nameless\n cont\n\nBody\n",
    "nameless field": b": no name\nSubject: Hi\n\nBody\n",
    "no separator": b"Subject: Hi\nThis is the body\n\nmore\n",
    "no separator, defects in order": b" cont\nSubject: Hi\nbody line\n\nmore\n",
    "empty value": b"Subject:\nX-Empty:   \n\nBody\n",
    "colon in value": b"Subject: a: b: c\n\nBody\n",
    "tab after colon": b"Subject:\t \tHi\nTo:\tx@y.org\n\nBody\n",
    "8-bit header": "Subject: Genève\nFrom: Zoë <z@itu.int>\n\nBody é\n".encode("latin-1"),
    "8-bit name": b"X-\xe9t\xe9: 1\n\nBody\n",
    "vertical tab and form feed": b"Subject: a\x0bb\x0cc\n\nBody\x0b\x1c\n",
    "empty line first": b"\nSubject: not a header\n\nBody\n",
    "no body": b"Subject: Hi\n\n",
    "no empty line": b"Subject: Hi\nFrom: a@b.org\n",
    "no line end": b"Subject: Hi",
    "multipart": b"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n",
    "folded multipart": b"Content-Type:\n multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n",
    "message/rfc822": b"Content-Type: message/rfc822\n\nSubject: inner\n\nBody\n",
    "delivery-status": b"Content-Type: message/delivery-status\n\nA: 1\n\nB: 2\n",
    "multipart without boundary": b"Content-Type: multipart/mixed\n\nBody\n",
    "type with spaces": b"Content-Type: message /rfc822\n\nSubject: x\n\nBody\n",
    "two content types": b"Content-Type: text/plain\nContent-Type: multipart/mixed\n\nBody\n",
    "html": b"Content-Type: text/html; charset=utf-8\n\n<p>Hi</p>\n",
    "multipart, base64": b"Content-Transfer-Encoding: base64\nContent-Type: multipart/mixed; "
                         b"boundary=b\n\n--b\n\nx\n--b--\n",
    "multipart, header defects": b" cont\nFrom a Mon\nContent-Type: multipart/mixed; boundary=b\n"
                                 b"From b Tue\n\npreamble\n--b\n\nx\n--b--\nepilogue\n",
    "multipart, no empty line": b"Content-Type: multipart/mixed; boundary=b\n--b\n\nx\n--b--\n",
    "multipart, envelope line last": b"Content-Type: multipart/mixed; boundary=b\nFrom a Mon\n"
                                     b"\n--b\n\nx\n--b--\n",
    "digest": b"Content-Type: multipart/digest; boundary=b\n\n--b\n\nSubject: in\n\nx\n--b--\n",
    "folded type, crlf": b"Content-Type: multipart/mixed;\r\n\tboundary=b\r\n\r\n--b\r\n\r\nx\r\n"
                         b"--b--\r\n",
    "type after a blank continuation": b"Content-Type:\n multipart/mixed; boundary=b\n\n--b\n\nx\n",
    "8-bit type": b"Content-Type: multipart/mixed; boundary=\xe9\n\n--\xe9\n\nx\n--\xe9--\n",
}


@pytest.mark.parametrize("data", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_cases_give_the_stdlib_tree(data: bytes) -> None:
    assert tree(read_message(data)) == stdlib_tree(data)


HEADER_PIECES = [
    "Subject: Hello", "From: Ann <ann@itu.int>", "To: a@b.org,", " c@d.org", "\tfolded",
    "From ann@itu.int Mon Jan  1 00:00:00 2024", ": nameless", "X-Weird:", "X-Tab:\t value", "no colon here",
    "Content-Type: text/plain; charset=utf-8", "Content-Type: text/html",
    "Content-Type: multipart/mixed; boundary=b", "Content-Type: message/rfc822",
    "Content-Type: message/delivery-status", "Content-Type: multipart/alternative",
    "Content-Type: multipart/digest; boundary=b", "content-type: Multipart/Mixed;",
    "\tboundary=\"b\"", "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: 7bit",
    "Subject: Gen\udce8ve", "",
]
BODY_PIECES = ["Body text", "", "--b", "--b--", "Subject: inner", "> quoted", "From me", " ",
               "Content-Type: text/plain", "Content-Type: multipart/mixed; boundary=c", "--c",
               "--c--", "Content-Type: message/rfc822"]
LINE_ENDS = ["\n", "\r\n", "\r"]


# Made once, not at each draw: building and validating new strategy objects per example
# cost Hypothesis more than the parsers' work. The same choices, the same weights.
_HEADER_LINES = st.lists(st.sampled_from(HEADER_PIECES), max_size=8)
_BODY_LINES = st.lists(st.sampled_from(BODY_PIECES), max_size=8)
_LINE_END = st.sampled_from(LINE_ENDS)


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    pieces = draw(_HEADER_LINES) + draw(_BODY_LINES)
    text = "".join(piece + draw(_LINE_END) for piece in pieces)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text.encode("ascii", "surrogateescape")


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(messages())
def test_generated_messages_give_the_stdlib_tree(data: bytes) -> None:
    assert tree(read_message(data)) == stdlib_tree(data)
