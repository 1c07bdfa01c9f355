"""The people of a body as a label: "TSB colleagues: which ...?" (action round 11;
minimal pairs of our own wording, the first assertion failed before).

A label naming a body ("TSB: which ...?") and a body addressed with a comma ("TSB
colleagues, which ...?") gave the question to the body; "TSB colleagues:" did not, so
a study group the question names took it ("which SG5 Recommendations ...?" -> "SG5",
`w9`-004; `w8`-019 and `w9`-002 write the same label).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 1, 5, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def owners(text: str) -> list[str | None]:
    message = ActionInput(new_text="Dear all,\n\nOur study looks at fuel cells. " + text,
                          date=SENT)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [c.owner for c in found]


def test_colleagues_as_a_label() -> None:
    assert owners("TSB colleagues: which SG5 Recommendations on power feeding should we "
                  "cite?") == ["TSB"]
    assert owners("TSB team: which SG5 texts should we cite?") == ["TSB"]
    # Without the label the study group the question names stays.
    assert owners("Which SG5 Recommendations on power feeding should we cite?") == ["SG5"]


def test_the_forms_read_before_stay() -> None:
    assert owners("TSB colleagues, which SG5 Recommendations should we cite?") == ["TSB"]
    assert owners("BR colleagues: are there any coordination issues we should know "
                  "about?") == ["BR"]
