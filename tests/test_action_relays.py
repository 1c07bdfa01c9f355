"""Another party's promise passed on by the sender on that party's word is no item
(minimal pairs; each relayed form failed before): "I understand from X that ...",
"..., I understand from X", "X asked me to tell you that ...", against the same promise
made by its party, or a request in the same sentence."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 2, 17, 10, 30, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday


def actions(text: str, members: MembersConfig,
            sender: str = "pierre.lefebvre@itu.int") -> list[tuple[str | None, date | None]]:
    member = members.by_address(sender)
    message = ActionInput(text, SENT, sender=Address(member.name if member else "", sender))
    return [(c.owner, c.due) for c in extract_actions(message, members=members)
            if c.kind == "action"]


def test_a_promise_relayed_after_the_statement_is_news(members: MembersConfig) -> None:
    assert actions("Done for BDT; BR will follow next week, I understand from Sofia.",
                   members) == []
    # The same promise made by the party itself is its item.
    assert actions("Done for BDT; BR will follow next week.", members,
                   sender="sofia.lindqvist@itu.int") != []


def test_a_promise_relayed_before_the_statement_is_news(members: MembersConfig) -> None:
    assert actions("I understand from Luis that ITU-D SG2 is still collecting material "
                   "from the rapporteur group and will reply separately.", members) == []
    assert actions("Sofia asked me to tell you that the BR rows will only be done next "
                   "week, she is at the WP 4A meeting.", members,
                   sender="hiroshi.takemura@itu.int") == []
    # Without the attribution, the sender's own word stays an item.
    assert actions("The TSB rows will only be done next week.", members,
                   sender="hiroshi.takemura@itu.int") != []


def test_a_request_beside_the_relay_stays(members: MembersConfig) -> None:
    assert actions("I understand from Sofia that BR is late, so could TSB send its part "
                   "by Friday?", members) != []
