"""The lines of a list under a request that are questions (action round 9; minimal
pairs of our own wording, each first assertion failed before):

- a line that asks a question itself ("- Is there an ITU-T Recommendation on ...?",
  "- Would BDT be interested in ...?", "b) whether the BDT programme could ...;") under
  a request that names nobody ("I would be grateful for guidance on two points:",
  "Kindly advise:") is a question, put to the Bureau whose Sector or body it names;
- the lines under a request to say ("Could BR confirm:", "Kindly advise:") are
  questions to whom the request names.

Lines that name things to send ("- the latest version of the handbook?") under a
request to send stay actions.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 3, 3, 13, 40, tzinfo=timezone(timedelta(hours=2)))


def items(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput(new_text="Dear members of the ISCG,\n\n" + text, date=SENT)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [(c.kind, c.owner) for c in sorted(found, key=lambda c: c.span)]


def test_questions_listed_under_a_request_for_guidance() -> None:
    text = ("Our school nurses use an app to screen for hearing loss. I would be grateful "
            "for guidance on two points:\n"
            "1. Is there an ITU-T Recommendation on calibrating consumer headphones?\n"
            "2. Would BDT be interested in our results as a case study?\n")
    assert items(text) == [("question", "TSB"), ("question", "BDT")]
    # Things asked for under the same request stay actions.
    things = ("Our school nurses use an app to screen for hearing loss. I would be grateful "
              "for two things:\n"
              "1. the ITU-T Recommendation on calibrating consumer headphones;\n"
              "2. a contact in BDT for the case study.\n")
    assert [kind for kind, _ in items(things)] in ([], ["action", "action"])


def test_whether_lines_under_kindly_advise() -> None:
    text = ("Kindly advise:\n"
            "a) whether ITU-T SG5 has guidance on refurbished network equipment;\n"
            "b) whether the BDT conformity programme could test such equipment.\n")
    assert items(text) == [("question", "TSB"), ("question", "BDT")]


def test_lines_under_a_request_to_confirm() -> None:
    text = ("Could BR confirm:\n"
            "1. the first date when candidate technologies can be submitted,\n"
            "2. if the evaluation groups must register again?\n")
    assert items(text) == [("question", "BR"), ("question", "BR")]
    # Under a request to send, the lines are things to send, even with a "?" at the end.
    send = ("Could BR send us by 15 March:\n"
            "1. the updated modules on notification procedures,\n"
            "2. the latest version of the spectrum monitoring handbook?\n")
    assert items(send) == [("action", "BR"), ("action", "BR")]
