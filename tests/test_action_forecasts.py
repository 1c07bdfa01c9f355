"""Forecasts told to the list that nobody on it owes (minimal pairs; each failed before):
a body off the list weighing or hearing something at its meeting, a promise made only
if somebody asks, and a known text expected in a month rather than by a day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 2, 17, 10, 30, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday
DROP = ActionRules(offers="drop")


def items(text: str, members: MembersConfig, *, sender: str = "pierre.lefebvre@itu.int",
          rules: ActionRules | None = None) -> list[tuple[str | None, date | None]]:
    member = members.by_address(sender)
    message = ActionInput(text, SENT, sender=Address(member.name if member else "", sender))
    found = extract_actions(message, rules or ActionRules(), members=members)
    return [(c.owner, c.due) for c in found if c.kind != "note"]


def test_what_a_body_off_the_list_will_weigh_is_news(members: MembersConfig) -> None:
    # Minimal pair: a study group's agenda is a forecast; a Bureau's plan is owed.
    assert items("ITU-T SG20 will consider the smart-city indicators at its July meeting.",
                 members) == []
    assert items("TSB will consider the smart-city indicators at its July meeting.",
                 members) == [("TSB", None)]
    assert items("Per the chair, the Q4/2 rapporteur will present the roadmap in person.",
                 members) == []
    # What the body will produce, for a day or for the readers, stays its item.
    assert items("ITU-T SG20 will draft a reply to the LS.", members) == [("ITU-T SG20", None)]
    assert items("ITU-T SG20 will consider the indicators and copy the outcome to this list.",
                 members) == [("ITU-T SG20", None)]


def test_a_promise_made_only_if_asked_is_an_offer(members: MembersConfig) -> None:
    # Minimal pair: "if requested" waits for a request nobody has made yet.
    assert items("BDT will brief the regional groups on the toolkit if requested.", members,
                 rules=DROP) == []
    assert items("BDT will brief the regional groups on the toolkit.", members,
                 rules=DROP) == [("BDT", None)]
    assert items("BDT will brief the regional groups if there is interest.", members,
                 rules=DROP) == []
    # With a day of its own it is an undertaking; counted as offers, it stays.
    assert items("BDT will brief the regional groups by 5 March if requested.", members,
                 rules=DROP) == [("BDT", date(2027, 3, 5))]
    assert items("BDT will brief the regional groups on the toolkit if requested.",
                 members) == [("BDT", None)]


def test_a_known_text_expected_in_a_month_is_no_deadline(members: MembersConfig) -> None:
    # Minimal pair: "in September" says when; "by 30 September" is a deadline kept.
    assert items("The handbook on spectrum pricing will be published in September.",
                 members) == []
    assert items("The handbook on spectrum pricing will be published by 30 September.",
                 members) == [("BDT", date(2027, 9, 30))]
    assert items("The training slides will be ready in late March.", members) == []
    # A new step announced ("A call will be issued ...") or sent to the readers stays,
    # due by the month's end (act-r6, test_action_month_commitments).
    assert items("A call for experts will be issued in April.", members) == [
        ("BDT", date(2027, 4, 30))]
    assert items("The handbook will be circulated to the list in September.",
                 members) == [("BDT", date(2027, 9, 30))]


def test_a_wish_put_to_nobody_on_the_list_is_no_item(members: MembersConfig) -> None:
    # Minimal pair: "would be welcome" with nobody on the list to owe it is a wish; with
    # a day, or wanted from a Bureau, it is a request.
    assert items("Case studies from Ghana would be very welcome.", members) == []
    assert items("Case studies from Ghana would be very welcome by 12 March.", members) == [
        (None, date(2027, 3, 12))]
    assert items("Comments from ITU-R WP 1B would be welcome.", members) == []
    assert items("Comments from BR would be welcome.", members) == [("BR", None)]
