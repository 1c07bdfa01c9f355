"""A sentence that is itself a yes-or-no question owes an answer, whatever verb of work a
rule finds inside it (action round 14; the first, fourth, ninth and eleventh writers'
dev parts label such sentences questions; minimal pairs of our own wording, each first
assertion failed before):

- "Question to TSB: is there any text ... that we should include in the toolkit?"
  ("we should include" read as TSB's work before);
- "Is there an ITU-T text on how regulators should report outages, and would SG12 be
  interested in our data?";
- "Omar, is the annex optional for 2027, or should all countries include it?";
- "Will the handbook go to the study groups for approval, or is it only editorial?"
  ("for approval" read as a request for action).

A request put as a question ("Could TSB send ...?", "Will you send it?") stays an action.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput
from iscg_mailbot.settings.members import load_members

SENT = datetime(2027, 3, 3, 13, 40, tzinfo=timezone(timedelta(hours=1)))
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")


def items(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput(new_text="Dear colleagues,\n\n" + text + "\n\nBest regards,\nAmara",
                          date=SENT)
    found = extract_actions(message, members=MEMBERS)
    found += find_questions(message, found, MEMBERS)
    return [(c.kind, c.owner) for c in sorted(found, key=lambda c: c.span)]


def test_labelled_question_with_a_verb_of_work_inside() -> None:
    assert items("Question to TSB: is there any ITU-T text on outage reporting that we "
                 "should include in the toolkit?") == [("question", "TSB")]
    # The same thing asked for is a request.
    assert items("Could TSB send us any ITU-T text on outage reporting that we should "
                 "include in the toolkit?") == [("action", "TSB")]


def test_question_about_a_text_and_a_study_group() -> None:
    assert items("Is there an ITU-T text on how regulators should report outages, and "
                 "would SG12 be interested in our data?") == [("question", "TSB")]


def test_question_to_a_member_with_an_alternative() -> None:
    assert items("Omar, is the annex on affordability optional for 2027, or should all "
                 "countries include it?") == [("question", "Omar Khalil")]
    assert items("Omar, could you include the annex on affordability for 2027?") == [
        ("action", "Omar Khalil")]


def test_will_the_thing_question() -> None:
    assert items("Omar, will the revised handbook go to the study groups for approval, or "
                 "is it only an editorial update?") == [("question", "Omar Khalil")]
    assert items("Omar, will you send the revised handbook to the study groups for "
                 "approval?") == [("action", "Omar Khalil")]


def test_asking_to_be_pointed_to_material_is_a_request() -> None:
    # "point us to" asks for references to be sent (the third and tenth writers' dev
    # parts label it an action); asking whether there is any stays a question.
    assert items("Could TSB and BR point us to any ITU texts on tunnel coverage?") == [
        ("action", "TSB, BR")]
    assert items("Are there any ITU texts on tunnel coverage, TSB?")[0][0] == "question"
