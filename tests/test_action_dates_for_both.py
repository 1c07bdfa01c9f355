"""A date said once for both (or all) requests or promises before it (action round 9;
minimal pairs of our own wording, each first assertion failed before):

- in the sentence, after the second party's request: "We would like to ask TSB to share
  the report, and BDT to indicate the countries, both by the end of October" dates
  TSB's request too;
- in the next sentence, after promises: "Rajesh will draft the note on 1.4, and I will
  do 1.5. Both by 5 April." dates the promise (a follow-up that does not say "both" still
  dates only what was asked, not the sender's side's promises).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 10, 5, 10, 0, tzinfo=timezone(timedelta(hours=-6)))
OCT_31 = date(2026, 10, 31)


def items(text: str, members: MembersConfig | None = None,
          sender: Address | None = None) -> list[tuple[str | None, date | None]]:
    message = ActionInput(new_text=text, date=SENT, sender=sender)
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


def test_both_by_at_the_end_of_the_second_request() -> None:
    text = ("Dear colleagues,\n\nWe would like to ask TSB to share the draft report on "
            "payment security, and BDT to indicate which countries take part in the "
            "pilot, both by the end of October if possible.")
    assert items(text) == [("TSB", OCT_31), ("BDT", OCT_31)]
    # Without "both" the date is the second request's own.
    own = text.replace("both by the end of October if possible",
                       "by the end of October if possible")
    assert items(own) == [("TSB", None), ("BDT", OCT_31)]


def test_both_by_after_promises(members: MembersConfig) -> None:
    sofia = Address("Sofia Lindqvist", "sofia.lindqvist@itu.int")
    text = ("Dear Luis,\n\nHappy to help. I will draft the note on AI 1.4, and Rajesh "
            "will do AI 1.5. Both by 5 April.\n\nBest,\nSofia")
    found = items(text, members, sofia)
    assert ("Sofia Lindqvist", date(2027, 4, 5)) in found
    plain = text.replace("Both by 5 April.", "The meeting is on 5 April.")
    assert all(due is None for _, due in items(plain, members, sofia))
