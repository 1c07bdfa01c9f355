"""The sender's own side's obligation that motivates a request ("The secretariat must
present a report to Council. Could the three Bureaux send me a half-page each by 8
January?", from secretariat staff) is the reason for the request, not an item of its
own; said by somebody else, or of another party, or with a date of its own, it stays.
Our own wording; the first test failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 12, 7, 10, 0, tzinfo=timezone(timedelta(hours=1)))
STAFF = Address("Nadia Haddad", "nadia.haddad@itu.int")  # General Secretariat
DELEGATE = Address("Klaus Brenner", "klaus.brenner@example.de")


def items(text: str, members: MembersConfig, sender: Address = STAFF
          ) -> list[tuple[str | None, date | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=sender)
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


REQUEST = " Could the three Bureaux send me a half-page each by 8 January?"


def test_own_obligation_before_a_request_is_its_reason(members: MembersConfig) -> None:
    assert items("The secretariat must present a report to Council." + REQUEST, members) == [
        ("BR, TSB, BDT", date(2027, 1, 8))]
    assert items("The Secretary-General has to report to the UN panel." + REQUEST,
                 members) == [("BR, TSB, BDT", date(2027, 1, 8))]


def test_other_obligations_stay(members: MembersConfig) -> None:
    # Another party's obligation.
    assert items("BR has to confirm the venue." + REQUEST, members) == [
        ("BR", None), ("BR, TSB, BDT", date(2027, 1, 8))]
    # No request follows: the obligation is all the message says.
    assert items("The secretariat must present a report to Council.", members) == [
        ("Secretariat", None)]
    # A date of its own.
    assert items("The General Secretariat must send the report by 20 December." + REQUEST,
                 members) == [("General Secretariat", date(2026, 12, 20)),
                              ("BR, TSB, BDT", date(2027, 1, 8))]
