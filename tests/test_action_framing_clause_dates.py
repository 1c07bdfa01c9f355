"""A day said in a clause that frames the item, a condition or a thing borne in mind, is
when that happens, not the item's deadline: "if the ISCG agrees the ground rules on 1
June, TSB will add ..." (the seventeenth writer), "bearing in mind the workshop which we
will host on 18 November, it would be appreciated if TSB could circulate ..." (the
fifteenth). The item's clause may name the framed event as its deadline ("..., and if
BDT could advise, before the said workshop, whether ..."): then its day is the item's."""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 5, 7, 9, 0, tzinfo=UTC)


def _dues(text: str) -> list[tuple[str | None, date | None]]:
    return [(item.owner, item.due) for item in extract_actions(ActionInput(text, SENT))]


def test_a_conditions_day_is_no_deadline() -> None:
    text = ("If the ISCG agrees the ground rules on 1 June, TSB will add a one-page "
            "checklist to the guide for rapporteurs.")
    assert _dues(text) == [("TSB", None)]
    # Its pair: the day said for the work itself.
    assert _dues("TSB will add a one-page checklist to the guide for rapporteurs on "
                 "1 June.") == [("TSB", date(2027, 6, 1))]


def test_a_day_borne_in_mind_is_no_deadline() -> None:
    text = ("Bearing in mind the workshop which our Administration will host on 18 "
            "November, it would be highly appreciated if TSB could circulate the texts.")
    assert _dues(text) == [("TSB", None)]


def test_the_framed_event_named_as_the_deadline() -> None:
    text = ("Bearing in mind the workshop which our Administration will host on 18 "
            "November, it would be highly appreciated if TSB could circulate the texts, "
            "and if BDT could advise, before the said workshop, whether it has projects.")
    assert _dues(text) == [("TSB", None), ("BDT", date(2027, 11, 18))]


def test_a_marked_day_in_the_frame_stays() -> None:
    assert _dues("If possible by 9 June, could TSB prepare the slides?") == [
        ("TSB", date(2027, 6, 9))]


def test_the_occasion_its_for_keeps_its_day() -> None:
    assert _dues("For the meeting on 9 June, could TSB prepare the slides?") == [
        ("TSB", date(2027, 6, 9))]
