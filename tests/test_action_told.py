"""A reply that tells a member greeted by name what a third party will do is no new
item (issue 13, action round 8): "Pierre, TSB will provide the trainer, name to
follow.", "Priya, Rajesh will give the briefing ...", "Yes Yuki, ... the regional office
will publish the link." were items, owned by the greeted member too. The second,
seventh, ninth and tenth writers' dev parts leave them unlabelled. The sender's own
promise after a greeting, a question, and the same sentence opening a thread stay
items. Our own wording; the first test failed before."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 4, 12, 10, 0, tzinfo=timezone(timedelta(hours=2)))
STAFF = Address("Ahmed El-Sayed", "ahmed.elsayed@itu.int")
ASKER = Address("Pierre Lefebvre", "pierre.lefebvre@itu.int")


def rules(text: str, members: MembersConfig, *, reply: bool = True) -> list[str]:
    message = ActionInput(text, SENT, sender=STAFF, parent_sender=ASKER if reply else None)
    return [c.rule for c in extract_actions(message, members=members)]


def test_a_third_party_told_to_a_greeted_member_is_no_item(members: MembersConfig) -> None:
    assert rules("Pierre, TSB will send the speaker's name on Monday.", members) == []
    assert rules("Yes Lucia, the regional office will publish the link on the event page.",
                 members) == []
    assert rules("Sofia, the slides will be shared by our focal point next week.",
                 members) == []


def test_own_promises_questions_and_first_messages_stay_items(members: MembersConfig) -> None:
    # The pairs: the sender's own promise, a question, and the same news in a first message.
    assert rules("Pierre, I will send the speaker's name on Monday.", members) != []
    assert rules("Pierre, TSB will send the name too, is that fine?", members) != []
    assert rules("Pierre, TSB will send the speaker's name on Monday.", members,
                 reply=False) != []
