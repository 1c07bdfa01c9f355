"""A list of what each party owes under an introduction with no verb of request
(minimal pairs; each failed before): labels set off by a dash ("1. BDT - ..."), an
introduction that names what is wanted ("Requested inputs, all by 23 April:", "I would
like short status notes:"), and the request said once after the list ("Please send them
by 2 March.")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 2, 9, 10, 0, tzinfo=timezone(timedelta(hours=1)))
APR_23 = date(2027, 4, 23)
MAR_2 = date(2027, 3, 2)


def items(text: str) -> list[tuple[str | None, date | None]]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT))
    return [(item.owner, item.due) for item in found]


def test_labels_set_off_by_a_dash() -> None:
    dashed = ("We would need the following, all by 23 April 2027:\n"
              "1. BDT - the number of countries supported;\n"
              "2. BR - relevant spectrum work;\n3. TSB - standards on common alerting.")
    assert items(dashed) == [("BDT", APR_23), ("BR", APR_23), ("TSB", APR_23)]
    # A dash after a topic, not a party, labels nobody.
    topics = ("We would need the following, all by 23 April 2027:\n"
              "1. Alerting - the number of countries supported;\n"
              "2. Spectrum - relevant work;\n3. Standards - common alerting.")
    assert [owner for owner, _ in items(topics)] in ([], [None], [None, None, None])


def test_an_introduction_naming_what_is_wanted() -> None:
    text = ("Requested inputs, all by 23 April 2027:\n"
            "1. BDT: the number of countries supported;\n2. BR: relevant spectrum work.")
    assert items(text) == [("BDT", APR_23), ("BR", APR_23)]
    # Things listed under it with no party labelling them are asked of nobody.
    assert items("Requested inputs, all by 23 April 2027:\n"
                 "1. the number of countries supported;\n2. relevant spectrum work.") == []


def test_the_request_said_after_the_list() -> None:
    text = ("For item 2 I would like short written status notes:\n"
            "- BR: the coordination note on direct-to-device services;\n"
            "- TSB: the list of sessions proposed for AI for Good;\n"
            "- BDT: the timeline of the regional preparatory meetings.\n"
            "Please send them by 2 March so that they can be posted a week ahead.")
    assert items(text) == [("BR", MAR_2), ("TSB", MAR_2), ("BDT", MAR_2)]
    # A request after the list that asks for something else stays an item of its own.
    other = text.replace("Please send them by 2 March",
                         "Please also book a room by 2 March")
    assert ("BR", MAR_2) not in items(other)
