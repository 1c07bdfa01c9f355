"""Who a reply names as acting is read in linear time: whether a name is a recipient
("sent to Klaus", "cc BR") was searched for in the whole text before each name, the
square of a long reply ("sent to Klaus and BR ..." repeated to 52,000 characters: ~10 s
of the closure reading). It is now searched in the 300 characters before the name."""

from __future__ import annotations

import time

from iscg_mailbot.analyse.closure_speaker import doers
from iscg_mailbot.settings.members import MembersConfig


def test_a_long_reply_naming_many_recipients_is_read_in_linear_time(
        members: MembersConfig) -> None:
    text = "sent to Klaus and BR " * 2500
    started = time.process_time()  # this process's CPU: holds under other jobs' load
    named = doers(text, members)
    assert time.process_time() - started < 2.0
    assert [m.owner for m in named] == []  # each name is within three words of a "to"


def test_recipients_are_still_not_doers(members: MembersConfig) -> None:
    named = [m.owner for m in doers("The list was sent to Klaus yesterday; BR sent it.",
                                    members)]
    assert named == ["BR"]
    # A "to" more than three words before a name does not make it a recipient.
    named = [m.owner for m in doers("I wrote to the group about the venue and then Klaus "
                                    "sent the list.", members)]
    assert named == ["Klaus Brenner"]
