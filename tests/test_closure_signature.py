"""The signature's name and title lines, read in linear time (closure reading)."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.closure_reading import _TITLE_LINE, without_signature
from iscg_mailbot.analyse.closure_reply import Answer

# The pattern before its runs were made possessive: the same lines, in exponential time
# on a failing line of capitals, digits and underscores.
_OLD_TITLE_LINE = re.compile(
    r"^[\W\d]*(?:(?:(?-i:[A-Z])[\w'.-]*|of|and|for|de|des|du|la|et|y)[\W\d]*)+$")
_PIECES = ["A", "B", "Z", "d", "e", "o", "f", "s", "y", "x", "1", "9", "_", ".", "-", "'", " ",
           ",", "\n", "\u00e9", "\u00dc", "\u00b2", "of", "and", "des", "de", "la", "Mr", "A1"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_title_lines_are_those_of_the_old_pattern(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert bool(_TITLE_LINE.match(line)) == bool(_OLD_TITLE_LINE.match(line))


def test_a_line_of_list_names_is_read_at_once() -> None:
    # A mailing-list archive's page title run into the text (the old pattern: ~14 s).
    line = "LIST.ETSI.ORG TSG_TSG_TSG_TSG_TSG a report"
    started = time.process_time()
    assert without_signature([line]) == [line]
    assert Answer.read(f"{line}. Best regards, Kyunghun Jung").says == (line + ".",)
    assert time.process_time() - started < 0.5
