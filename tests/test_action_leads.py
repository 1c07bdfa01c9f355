"""Owners a lead gives what follows it, and the canonical names of ITU-T's joint
coordination activities and focus groups (action round act-owner; minimal pairs of our
own wording, the first assertion of each test failed before): "Two questions for TSB
and BR:" above a list puts its questions that name nobody to TSB and BR (`w12`-015),
"- To Klaus: ... Could you tell us ...?" puts the line's question to Klaus (`w14`-011),
and "JCA-AHF is invited to note" is owed by "ITU-T JCA-AHF" (`w17`-032, `w23`-038).
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.action_leads import _BLANK, _LEAD, _LIST_LINE, _scope, put_by_leads
from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.records import ActionCandidate, Address
from iscg_mailbot.settings.members import MembersConfig
from tests.action_found import found

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=-3)))
MARIA = Address("María Fernández", "maria.fernandez@example.gob.ar")


def owners(text: str, members: MembersConfig) -> list[str | None]:
    return [c.owner for c in found(text, members, sent=SENT, sender=MARIA)]


def test_a_heading_puts_its_list_to_its_parties(members: MembersConfig) -> None:
    listed = ("- are you planning similar pilots for your own documents?\n"
              "- could you share your glossaries with us?\n\nBest regards")
    assert owners("Dear colleagues,\n\nTwo questions for TSB and BR:\n" + listed,
                  members) == ["TSB, BR", "TSB, BR"]
    assert owners("Dear colleagues,\n\nTwo questions:\n" + listed, members) == [None, None]


def test_a_list_line_lead_puts_its_line_to_its_party(members: MembersConfig) -> None:
    line = ("I understand that Germany tested detectors near airports. Could you tell us "
            "how your agency handled it?\n\nThanks")
    assert owners("Dear colleagues,\n\nMy questions:\n- To Klaus: " + line,
                  members) == ["Klaus Brenner"]
    assert owners("Dear colleagues,\n\nMy questions:\n- " + line, members) == [None]


def test_a_lead_that_names_no_party_puts_nothing(members: MembersConfig) -> None:
    assert owners("Dear colleagues,\n\nTo update the table for TSB:\n- could you send "
                  "the figures?\n\nThanks", members) == [None]


def test_a_date_after_a_line_lead_takes_no_owner(members: MembersConfig) -> None:
    items = found("Hi all,\n\nQuestion for BDT: which labs could run the acoustic tests? "
                  "Reply by 6 October please.\n", members, sent=SENT, sender=MARIA)
    assert [(c.owner, c.sentence[:5]) for c in items] == [("BDT", "Quest")]


def test_joint_coordination_activities_are_itu_t(members: MembersConfig) -> None:
    assert [m.owner for m in find_mentions("JCA-AHF is invited to note the LS.", None)] \
        == ["ITU-T JCA-AHF"]
    assert [m.owner for m in find_mentions("ITU-T JCA-AHF and FG-AI4H are invited.", None)] \
        == ["ITU-T JCA-AHF", "ITU-T FG-AI4H"]
    assert [m.owner for m in find_mentions("CWG-Internet is invited.", None)] \
        == ["CWG-Internet"]


def test_a_line_of_blanks_under_a_lead_is_read_in_linear_time(members: MembersConfig) -> None:
    """review2: the blanks before and after a list marker were two runs that could share
    a line of blanks in any of its places (20,000 spaces took 17 s)."""
    text = "Hi,\n\nCould you check the file?\n\nNotes:\n" + " " * 20_000 + "x\n"
    started = time.process_time()
    assert owners(text, members) == [None]
    assert time.process_time() - started < 2.0
    # The same leads read: blanks before the marker, after it, and with none.
    assert owners("Questions for BR:\n \t-  \tcould you check it?\n", members) == ["BR"]
    assert owners("   Questions for BR:\n  could you check it?\n", members) == ["BR"]


def _plain_scope(text: str, lead: re.Match[str]) -> tuple[int, int]:
    """The scope as first written (act-owner): the rest of the text copied at each line."""
    if lead.group("rest").strip():
        start = lead.start("rest")
        end = text.find("\n", start)
        while end != -1:
            following = text[end + 1:]
            if not following.strip() or not following.split("\n", 1)[0].strip() \
                    or _LIST_LINE.match(following) or _LEAD.match(following):
                break
            end = text.find("\n", end + 1)
        return start, len(text) if end == -1 else end
    start = lead.end()
    first = len(text) - len(text[start:].lstrip())
    for blank in _BLANK.finditer(text, first):
        if not _LIST_LINE.match(text, blank.end()):
            return start, blank.start()
    return start, len(text)


_LINES = st.lists(st.sampled_from(["Questions for BR:", "- To Klaus: could you?", "- a?",
                                   "1. b", "text", "", " \t", "To TSB:", "\u00a0x", "  c"]),
                  max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.booleans())
def test_a_scope_is_read_as_the_plain_reading(lines: list[str], ends: bool) -> None:
    """review2: each line below a lead is read where it stands, not in a copy of the
    rest of the text: the same scopes."""
    text = "\n".join(lines) + ("\n" if ends else "")
    for lead in _LEAD.finditer(text):
        assert _scope(text, lead, len(text)) == _plain_scope(text, lead)


def test_many_lines_under_a_line_lead_are_read_in_linear_time() -> None:
    text = "- To Klaus: could you?\n" + "x\n" * 200_000
    lead = _LEAD.match(text)
    assert lead is not None
    started = time.process_time()
    assert _scope(text, lead, len(text)) == (11, len(text) - 1)
    assert time.process_time() - started < 1.0  # 3 s when the rest was copied at each line


def test_the_nearest_lead_puts_what_follows_it(members: MembersConfig) -> None:
    """review2: a lead heading a block held to the end of the text when no blank line
    ended its list, over the next block's lead; a list line's lead inside a block lost
    its line to the block's parties."""
    assert owners("Hi,\n\nQuestions for BDT:\n- could you send the list?\n"
                  "Questions for BR:\n- is the portal open?\n\nThanks", members) \
        == ["BDT", "BR"]
    assert owners("Hi,\n\nQuestions for BDT:\n- could you send the list?\n\n"
                  "Questions for BR:\n- is the portal open?\n\nThanks", members) \
        == ["BDT", "BR"]
    assert owners("Hi,\n\nTwo questions for TSB and BR:\n- To Klaus: Germany tested "
                  "detectors. Could you tell us how?\n- are you planning trials?\n\n"
                  "Thanks", members) == ["Klaus Brenner", "TSB, BR"]
    assert owners("Hi,\n\nTwo questions for TSB and BR:\n- Germany tested detectors. "
                  "Could you tell us how?\n- are you planning trials?\n\nThanks",
                  members) == ["TSB, BR", "TSB, BR"]


def test_many_leads_are_read_in_linear_time(members: MembersConfig) -> None:
    """review2: each lead's block was read to the end of the text (2.7 s for 100,000
    characters of leads and lists), and each item tested against every lead."""
    text = "Questions for BR:\n\n- is it open?\n" * 6_000
    asked = [ActionCandidate(kind="question", sentence="is it open?", span=(s, s + 11),
                             owner=None, owner_kind=None, due=None, due_text=None,
                             confidence=0.5, rule="question")
             for s in range(21, len(text), 33)]
    started = time.process_time()
    assert {c.owner for c in put_by_leads(asked, text, members)} == {"BR"}
    assert time.process_time() - started < 1.5
