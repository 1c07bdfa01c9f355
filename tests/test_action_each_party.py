"""A floating "each" / "both" / "jointly" between the parties asked and the verb ("Could
BR, BDT and the General Secretariat each nominate one focal point by ...?", "Could María,
Andrés and Priya each test it ...?") leaves the request theirs, all of them, as "Could
you each ...?" and "Could BR and BDT nominate ...?" already were. Our own wording; the
first test failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def items(text: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT,
                          sender=Address("", "someone@example.org"))
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


def test_each_between_the_parties_and_the_verb(members: MembersConfig) -> None:
    assert items("Could BR, BDT and the General Secretariat each nominate one focal point "
                 "by 21 November?", members) == [
        ("BR, BDT, General Secretariat", date(2026, 11, 21))]
    assert items("Could TSB and BDT jointly prepare a short note by 2 November?", members) == [
        ("TSB, BDT", date(2026, 11, 2))]
    assert items("Could María, Andrés and Priya each test it with one national secretariat "
                 "and send comments by 12 November?", members) == [
        ("María Fernández, Andrés Gutiérrez, Priya Raman", date(2026, 11, 12))]


def test_without_it_as_before(members: MembersConfig) -> None:
    assert items("Could BR and BDT nominate one focal point by 21 November?", members) == [
        ("BR, BDT", date(2026, 11, 21))]
