"""Units of the secretariat named by what they do (action round 16; minimal pairs of our
own wording, the first assertion of each test failed before): a request to "the
conference service" was owed by the member greeted ("Hi Lucia, ... Could the conference
service test the set-up ...?", `w2`-067, labelled the General Secretariat's), one to
"the regional office" by everybody greeted ("Dear Nadia, dear BDT colleagues, ... could
the regional office co-brand the webinar?", `w2`-051, labelled BDT's). What such a unit
will do, told in passing, stays no item ("The regional office will send the invitation
letters after that", `w10`-026; "For BDT: yes - the Brasília area office will host the
meeting", `w7`-027, was an item of BDT's).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
OMAR = Address("Omar Khalil", "omar.khalil@example.edu.eg")
TOMAS = Address("Tomás Herrera", "tomas.herrera@itu.int")


def items(text: str, members: MembersConfig,
          sender: Address = OMAR) -> list[tuple[str | None, str]]:
    message = ActionInput(text, SENT, sender=sender)
    found = extract_actions(message, members=members)
    found = found + find_questions(message, found, members)
    return [(c.owner, c.sentence) for c in found]


def test_the_conference_service_is_the_general_secretariats(members: MembersConfig) -> None:
    asked = items("Hi Lucia,\n\nThe sound was bad yesterday. Could the conference service "
                  "check the microphones before the next meeting?\n\nOmar", members)
    assert [owner for owner, _ in asked] == ["General Secretariat"]
    asked = items("Hi Lucia,\n\nThe sound was bad yesterday. Could you check the "
                  "microphones before the next meeting?\n\nOmar", members)
    assert [owner for owner, _ in asked] == ["Lucia Bianchi"]


def test_the_regional_office_is_bdts(members: MembersConfig) -> None:
    asked = items("Dear Nadia, dear BDT colleagues,\n\nWe plan a webinar in Arabic for "
                  "parents. Could the regional office co-brand the webinar?\n\nOmar", members)
    assert [owner for owner, _ in asked] == ["BDT"]
    asked = items("Dear Nadia, dear BDT colleagues,\n\nWe plan a webinar in Arabic for "
                  "parents. Could you co-brand the webinar?\n\nOmar", members)
    assert [owner for owner, _ in asked] == ["Nadia Haddad, BDT"]


def test_a_units_plans_told_in_passing_are_no_item(members: MembersConfig) -> None:
    told = items("Dear Rajesh,\n\nFor BDT: yes - the area office will host the meeting on "
                 "its platform.\n\nTomás", members, TOMAS)
    assert told == []
    assert items("Dear Rajesh,\n\nFor BDT: yes - BDT will host the meeting on its "
                 "platform.\n\nTomás", members, TOMAS) != []
    assert items("Dear colleagues,\n\nCould TSB and BR propose a speaker each by 20 April? "
                 "The regional office will send the invitation letters after that.\n\n"
                 "Omar", members) == [
        ("TSB, BR", "Could TSB and BR propose a speaker each by 20 April?")]


def test_a_body_addressed_by_name_and_named_again(members: MembersConfig) -> None:
    # The label's end is where its own names stop, not a later name of the same body
    # (the regional offices above, or the body's own projects).
    asked = items("Dear colleagues,\n\nBDT, could you send me the list of BDT projects on "
                  "AI by 3 May?\n\nOmar", members)
    assert [owner for owner, _ in asked] == ["BDT"]
    asked = items("Dear colleagues,\n\nBDT, could you send me the list of projects on AI "
                  "by 3 May?\n\nOmar", members)
    assert [owner for owner, _ in asked] == ["BDT"]
