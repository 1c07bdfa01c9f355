"""Invitations that owe nothing (issue 13, action round 6; action_forecasts.drop_open_wishes
and action_invitations): an undated welcome put to
nobody ("Comments are welcome.", "Any help is very appreciated.") and a request to
correct the sender's own account ("Please tell me if I missed anything."): the fifth,
sixth and eighth writers' dev parts leave them unlabelled. A dated welcome is a call for
input (the first and fifth writers label it), and a welcome does not hide the request
beside it.
Our own wording; the first test failed before, the second holds its pairs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 2, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
STAFF = Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")


def items(text: str) -> list[tuple[str | None, date | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=STAFF)
    found = extract_actions(message)
    found += find_questions(message, found)
    return [(c.owner, c.due) for c in found]


def test_an_open_welcome_or_a_request_to_correct_me_is_no_item() -> None:
    assert items("Please find attached the concept note. Comments are welcome.") == []
    assert items("The call is open. Contributions from Sector Members are welcome.") == []
    assert items("We have little time left. Any help is very appreciated.") == []
    assert items("Below the actions we agreed. Please tell me if I missed anything.") == []
    assert items("Below the actions we agreed. Please correct me if needed by replying to "
                 "the list.") == []


def test_a_dated_welcome_or_a_party_welcomed_to_act_stays() -> None:
    assert items("Please find attached the concept note. Comments are welcome by 18 "
                 "February.") == [(None, date(2027, 2, 18))]
    assert items("Please tell me by 5 February if I missed anything.") != []
    assert items("Inputs from BDT are welcome; could BDT send them by 9 February?") == [
        ("BDT", date(2027, 2, 9))]
