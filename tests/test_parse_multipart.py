"""``read_message`` reads multipart and ``message/*`` bodies into the stdlib's tree.

:mod:`iscg_mailbot.parse.multipart` reads such a body from offsets into its text rather
than through the stdlib parser's line loop; these tests compare every attribute of every
part (``tests/test_parse_mime.py``'s ``tree``) with ``email.message_from_bytes`` on
hand-made hostile bodies (no closing boundary, nested multiparts, boundaries that are
prefixes of each other, CR line ends, preambles and epilogues, repeated boundary lines)
and on generated nested messages, check what it leaves to the stdlib parser, and that
it stays linear in time on bodies made to be slow.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from email.message import Message

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iscg_mailbot.parse import mime, multipart
from iscg_mailbot.parse.mime import read_message
from tests.test_parse_mime import stdlib_tree, tree


def _mixed(boundary: str, body: str, kind: str = "mixed", end: str = "\n") -> bytes:
    head = f'Subject: x{end}Content-Type: multipart/{kind}; boundary="{boundary}"{end}{end}'
    return (head + body).encode("utf-8", "surrogateescape")


HOSTILE = {
    "no closing boundary": _mixed("b", "--b\n\nx\n"),
    "no closing boundary, part at the end": _mixed("b", "--b\n\nx"),
    "closing boundary only": _mixed("b", "pre\n--b--\npost\n"),
    "no boundary line": _mixed("b", "just text\n"),
    "empty body after the empty line": _mixed("b", "\n"),
    "preamble and epilogue": _mixed("b", "pre 1\npre 2\n--b\n\nx\n--b--\nepi 1\nepi 2\n"),
    "empty preamble line": _mixed("b", "\n--b\n\nx\n--b--\n\n"),
    "closing boundary without line end": _mixed("b", "--b\n\nx\n--b--"),
    "closing boundary, blanks": _mixed("b", "--b \t\n\nx\n--b-- \t\nepi"),
    "boundary with text after it": _mixed("b", "--b\n\nx\n--bx\n--b x\n--b--x\n--b--\n"),
    "repeated boundary lines": _mixed("b", "--b\n--b\n--b--\n\nx\n--b\n--b\n\ny\n--b--\n"),
    "boundary lines up to the end": _mixed("b", "--b\n\nx\n--b\n--b\n"),
    "two parts": _mixed("b", "--b\nContent-Type: text/html\n\n<p>x</p>\n--b\n\ny\n\n--b--\n"),
    "prefix boundaries": _mixed("b", "--b\nContent-Type: multipart/alternative; boundary=bb\n\n"
                                     "--bb\n\ninner\n--b\n\nouter\n--bb--\n--b--\n"),
    "prefix boundaries, inner first": _mixed("bb", "--bb\nContent-Type: multipart/mixed; "
                                                   "boundary=b\n\n--b\n\ninner\n--bb\n\nouter\n"
                                                   "--b--\n--bb--\n"),
    "closing line of the prefix": _mixed("b-", "--b-\n\nx\n--b--\n--b---\n"),
    "nested, the outer's boundary": _mixed("b", "--b\nContent-Type: multipart/mixed; boundary=b\n"
                                                "\n--b\n\nx\n--b--\n\n--b--\n"),
    "nested, the outer's boundary, no empty line": _mixed(
        "b", "--b\nContent-Type: multipart/mixed; boundary=b\n--b\n\nx\n--b--\n--b--\n"),
    "nested, inner not closed": _mixed("a", "--a\nContent-Type: multipart/mixed; boundary=c\n\n"
                                            "pre\n--c\n\nin\n--a\n\nnext\n--a--\nepi\n"),
    "nested, outer boundary in the preamble": _mixed(
        "a", "--a\nContent-Type: multipart/mixed; boundary=c\n\npre\n--a\n\nnext\n--a--\n"),
    "nested, epilogue": _mixed("a", "--a\nContent-Type: multipart/mixed; boundary=c\n\n--c\n\n"
                                    "in\n--c--\ninner epilogue\n\n--a--\n"),
    "nested, empty epilogue": _mixed("a", "--a\nContent-Type: multipart/mixed; boundary=c\n\n"
                                          "--c\n\nin\n--c--\n--a--\n"),
    "nested, no start boundary": _mixed("a", "--a\nContent-Type: multipart/mixed; boundary=c\n\n"
                                             "text\n--a--\n"),
    "nested, no boundary parameter": _mixed("a", "--a\nContent-Type: multipart/mixed\n\n"
                                                 "text\n--a--\n"),
    "crlf": _mixed("b", "pre\r\n--b\r\n\r\nx\r\n--b--\r\nepi\r\n", end="\r\n"),
    "cr only": _mixed("b", "pre\r--b\r\rx\r--b--\repi\r", end="\r"),
    "mixed line ends": _mixed("b", "pre\r\n--b\r\rx\n--b\n\r\ny\r--b--\r\nepi"),
    "boundary after a lone cr": _mixed("b", "--b\n\nx\r--b--\n"),
    "message/rfc822 part": _mixed("b", "--b\nContent-Type: message/rfc822\n\nSubject: in\n\n"
                                       "inner body\n--b--\n"),
    "message/rfc822 part holding a multipart": _mixed(
        "b", "--b\nContent-Type: message/rfc822\n\nContent-Type: multipart/mixed; boundary=c\n\n"
             "--c\n\nin\n--c--\nepi\n--b--\n"),
    "digest": _mixed("b", "--b\n\nSubject: one\n\n1\n--b\nContent-Type: text/plain\n\n2\n--b--\n",
                     kind="digest"),
    "digest, empty part": _mixed("b", "--b\n--b--\n", kind="digest"),
    "base64 multipart": _mixed("b", "--b\n\nx\n--b--\n").replace(
        b"Subject: x\n", b"Content-Transfer-Encoding: base64\n"),
    "part without empty line": _mixed("b", "--b\nContent-Type: text/plain\n--b--\n"),
    "part body without headers": _mixed("b", "--b\nnot a header\n\nx\n--b--\n"),
    "part with envelope line": _mixed("b", "--b\nFrom a Mon\nSubject: y\n\nx\n--b--\n"),
    "part with envelope line last": _mixed("b", "--b\nSubject: y\nFrom a Mon\n\nx\n--b--\n"),
    "part header defects": _mixed("b", "--b\n cont\n: nameless\nSubject: y\n\nx\n--b--\n"),
    "boundary with a line break": b'Content-Type: multipart/mixed; boundary="a\n b"\n\n--a\n b\n\nx\n',
    "empty boundary": _mixed("", "--\n\nx\n----\n"),
    "boundary of dashes": _mixed("--", "----\n\nx\n------\n"),
    "8-bit boundary": "Content-Type: multipart/mixed; boundary=é\n\n--é\n\nx\n--é--\n".encode(
        "latin-1"),
    "rfc 2231 boundary": b"Content-Type: multipart/mixed; boundary*=''b%20c\n\n--b c\n\nx\n"
                         b"--b c--\n",
    "message/rfc822 at the top": b"Content-Type: message/rfc822\n\nSubject: in\n\nbody\n",
    "message/rfc822 with an empty body": b"Content-Type: message/rfc822\n\n\n",
    "delivery-status part": _mixed("b", "--b\nContent-Type: message/delivery-status\n\nA: 1\n\n"
                                        "B: 2\n--b--\n"),
    "delivery-status in a message part": _mixed(
        "b", "--b\nContent-Type: message/rfc822\n\nContent-Type: message/delivery-status\n\n"
             "A: 1\n--b--\n"),
    "container part with envelope line given back": _mixed(
        "b", "--b\nContent-Type: message/rfc822\nFrom a Mon\n\nSubject: in\n\nx\n--b--\n"),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_bodies_give_the_stdlib_tree(data: bytes) -> None:
    assert tree(read_message(data)) == stdlib_tree(data)


def _nested(depth: int) -> bytes:
    body = "x\n"
    for level in reversed(range(depth)):
        body = (f"Content-Type: multipart/mixed; boundary=b{level}\n\n--b{level}\n{body}"
                f"--b{level}--\n")
    return f"Subject: deep\n{body}".encode()


@pytest.mark.parametrize("depth", [1, 2, multipart.MAX_DEPTH - 1, multipart.MAX_DEPTH + 5])
def test_nested_multiparts_give_the_stdlib_tree(depth: int) -> None:
    assert tree(read_message(_nested(depth))) == stdlib_tree(_nested(depth))


@pytest.mark.parametrize(("name", "read_here"), [
    ("two parts", True), ("delivery-status part", False),
    ("container part with envelope line given back", False),
])
def test_what_is_left_to_the_stdlib_parser(name: str, read_here: bool,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    left: list[bool] = []
    original = multipart.read_parts

    def read_parts(message: Message, body: str) -> None:
        try:
            original(message, body)
        except multipart.Unsupported:
            left.append(True)
            raise

    monkeypatch.setattr(mime, "read_parts", read_parts)
    read_message(HOSTILE[name])
    assert left == ([] if read_here else [True])


# -- generated nested messages -------------------------------------------------------

BOUNDARIES = ["b", "bb", "b-", "c"]
LINES = ["x", "", " ", "--", "--b", "--bb", "--b-", "--c", "--b--", "--bb--", "--b---", "--c--",
         "--b ", "--b--\t", "-- b", "Subject: y", "From a Mon", " cont",
         "Content-Type: text/html", "Content-Type: message/rfc822"]
LINE_ENDS = ["\n", "\r\n", "\r"]


# The strategies a draw uses, made once: Hypothesis spent most of this test's time
# building and validating a new strategy object for each draw (a new ``sampled_from`` per
# part, a new ``parts(depth + 1)`` per nested part, a list strategy per message), not in
# the parser. The same choices with the same weights; only the objects are shared.
_HEADER_LINES = st.lists(st.sampled_from(LINES[15:]), max_size=2)
_KINDS = st.sampled_from(["text", "multipart", "digest"])
_BOUNDARY = st.sampled_from(BOUNDARIES)
_LINE = st.sampled_from(LINES)
_LINE_END = st.sampled_from(LINE_ENDS)
_LINE_COUNT = st.integers(0, 6)
_NEST = st.integers(0, 4)
_PARTS: list[st.SearchStrategy[list[str]]] = []  # by depth, filled below


@st.composite
def parts(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """Lines of a part: some headers (maybe a multipart's), an empty line, a body whose
    lines may hold boundary lines and nested parts."""
    lines = draw(_HEADER_LINES)
    kind = draw(_KINDS) if depth < 3 else "text"
    if kind != "text":
        boundary = draw(_BOUNDARY)
        lines.append(f"Content-Type: multipart/{'mixed' if kind == 'multipart' else kind}; "
                     f"boundary={boundary}")
    if draw(st.booleans()):
        lines.append("")
    for _ in range(draw(_LINE_COUNT)):
        if depth < 3 and draw(_NEST) == 0:
            lines += draw(_PARTS[depth + 1])
        else:
            lines.append(draw(_LINE))
    return lines


_PARTS += [parts(depth) for depth in range(4)]


@st.composite
def nested_messages(draw: st.DrawFn) -> bytes:
    lines = ["Subject: generated", *draw(_PARTS[0])]
    text = "".join(line + draw(_LINE_END) for line in lines)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text.encode("ascii")


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(nested_messages())
# Found by this test (4 December 2026): an envelope line ending in a lone CR, given back
# to the body by the header block, then an empty line "\n": joined, they made one CRLF.
@example(b"Subject: generated\nContent-Type: message/rfc822\nFrom a Mon\r\r\n\nx\nx\n")
def test_generated_nested_messages_give_the_stdlib_tree(data: bytes) -> None:
    assert tree(read_message(data)) == stdlib_tree(data)


# -- time ------------------------------------------------------------------------------

SLOW_BODIES = {
    # Every line starts with "--" and with the separator, and none is a boundary.
    "separator lines that are not boundaries": lambda n: _mixed("b", "--b\n\n" + "--bx\n" * n),
    "dash lines": lambda n: _mixed("b", "--b\n\n" + "-" * (10 * n) + "\n--\n" * n),
    "many parts": lambda n: _mixed("b", "--b\n\nx\n" * (n // 4) + "--b--\n"),
    "many boundary lines in a row": lambda n: _mixed("b", "--b\n" * n),
    "nested, dash lines": lambda n: _nested(multipart.MAX_DEPTH)[:-200] + b"--b\n" * n,
}


def _seconds(data: bytes) -> float:
    """The least CPU time of three reads (other work on the machine only adds to it),
    the cyclic collector off: its passes over a tree of many parts come at whatever
    moment and made the figure swing several times over under a loaded test run."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            started = time.process_time()
            read_message(data)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("body", SLOW_BODIES.values(), ids=SLOW_BODIES.keys())
def test_multipart_bodies_are_read_in_linear_time(body: Callable[[int], bytes]) -> None:
    small, large = body(10_000), body(160_000)
    assert tree(read_message(small)) == stdlib_tree(small)
    # Sixteen times the lines: about sixteen times the time; quadratic work would be
    # 256 times. The bound leaves room for a loaded machine (the suite runs on every core).
    assert _seconds(large) < 64 * _seconds(small) + 0.5
