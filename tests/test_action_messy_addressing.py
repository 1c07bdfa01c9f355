"""Whom a question or request speaks to when the mail says it before the request itself
(the messy-threads round, issue 13): a question the sender announces to its party ("My
question to BDT: ...?", "I want to ask BDT: ...?", `w14`, `w31` dev), and a request to
"you" in a paragraph that opened by addressing a member ("Rajesh, you said ... Could you
share it?", `w24`, `w31` dev), and a party's colleagues asked to tell ("Could TSB
colleagues tell us whether ...?", `w21`, `w31` dev). Minimal pairs of our own wording;
the first assertion of each test failed on the round's base (f26fd92).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from iscg_mailbot.settings.members import MembersConfig
from tests.action_found import found

SENT = datetime(2033, 3, 1, 10, tzinfo=UTC)


def _read(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    return [(c.kind, c.owner) for c in found(text, members, sent=SENT)]


def test_a_question_announced_to_a_bureau_is_its_question(members: MembersConfig) -> None:
    asked = ("Dear colleagues,\n\nMy question to BDT: which figure should we send to ITU "
             "for the national indicator, and is there a way to reconcile the two?\n\nKlaus")
    assert _read(asked, members) == [("question", "BDT")]
    # The question told as past news asks nothing of BDT.
    told = ("Dear colleagues,\n\nMy question to BR was answered at the meeting, so I will "
            "organise the clinic myself before the CPM.\n\nKlaus")
    assert ("question", "BR") not in _read(told, members)


def test_wanting_to_ask_a_party_a_question_is_a_question(members: MembersConfig) -> None:
    asked = ("Dear colleagues,\n\nI want to ask BDT: will the regional office host the "
             "spring workshop on this topic?\n\nKlaus")
    assert _read(asked, members) == [("question", "BDT")]
    # Asking the party to do something stays a request for work.
    requested = ("Dear colleagues,\n\nI want to ask BDT to host the spring workshop on this "
                 "topic.\n\nKlaus")
    assert _read(requested, members) == [("action", "BDT")]


def test_you_is_the_member_the_paragraph_opened_by_addressing(
        members: MembersConfig) -> None:
    named = ("Hello all,\n\nRajesh, you said in March that BR keeps a list of the monitoring "
             "stations. Could\nyou share it with me by 30 June?\n\nThanks, Klaus")
    assert _read(named, members) == [("action", "Rajesh Iyer")]
    # A new paragraph starts afresh: the name addressed above it is not the "you".
    apart = ("Hello all,\n\nRajesh, thanks for the stations list.\n\nCould you share the "
             "coverage maps with me by 30 June?\n\nThanks, Klaus")
    assert ("action", "Rajesh Iyer") not in _read(apart, members)
    # A name inside a sentence addresses nobody.
    cited = ("Hello all,\n\nAs Rajesh said, BR keeps a list of the monitoring stations. "
             "Could you share it with me by 30 June?\n\nThanks, Klaus")
    assert ("action", "Rajesh Iyer") not in _read(cited, members)


def test_a_partys_colleagues_asked_to_tell_owe_an_answer(members: MembersConfig) -> None:
    # "Could TSB colleagues tell us whether ...?" (`w21`, `w31`): the party's people asked
    # to say, as "Could TSB tell us whether ...?" is.
    told = ("Dear all,\n\nCould the BR colleagues tell us whether the monitoring handbook "
            "covers drones?\n\nKlaus")
    assert _read(told, members) == [("question", "BR")]
    sent = "Dear all,\n\nCould the BR colleagues send us the monitoring handbook?\n\nKlaus"
    assert _read(sent, members) == [("action", "BR")]


def test_a_contracted_wish_to_ask_a_party_is_a_question(members: MembersConfig) -> None:
    # (review2) "I'd like to ask BDT:" announces the question as "I would like to ask
    # BDT:" does; the contraction has no space before its "'d".
    for wish in ("I'd", "I\u2019d", "I would"):
        asked = (f"Dear colleagues,\n\n{wish} like to ask BDT: will the regional office "
                 "host the spring workshop on this topic?\n\nKlaus")
        assert _read(asked, members) == [("question", "BDT")], wish


def test_a_paragraph_opening_on_two_members_speaks_to_both(members: MembersConfig) -> None:
    # (review2) "Rajesh, Yuki: ..." opens the paragraph on both, up to the colon, as the
    # sentence opening so does; "Rajesh, Yuki has ..." only on Rajesh.
    both = ("Hello all,\n\nRajesh, Yuki: thanks for the station lists. Could you merge them "
            "into one by 30 June?\n\nThanks, Klaus")
    assert _read(both, members) == [("action", "Rajesh Iyer, Yuki Sato")]
    one = ("Hello all,\n\nRajesh, Yuki has the station lists. Could you merge them into one "
           "by 30 June?\n\nThanks, Klaus")
    assert _read(one, members) == [("action", "Rajesh Iyer")]


def test_a_long_paragraph_of_requests_to_you_is_read_in_linear_time(
        members: MembersConfig) -> None:
    # (review2) Each request read the whole paragraph before it for its opening names: a
    # 45 KB paragraph of 1,200 requests took 2.4 s (0.4 s without the name).
    text = ("Hello,\n\nRajesh, you have the lists.\n"
            + "Could you check the file by 30 June? " * 1_200 + "\n\nKlaus")
    started = time.process_time()
    read = _read(text, members)
    assert time.process_time() - started < 1.5
    assert read[0] == ("action", "Rajesh Iyer")
