"""A second infinitive of the same request ("ITU-D SG2 is invited to share X, and to
indicate a contact person", "We would ask TSB to provide one trainer ..., and to confirm
the name by 15 April") is one item with two parts, as five dev writers label it (`w7`-001,
`w8`-030, `w9`-017, `w10`-001, `w11`-036; `w3`-048 alone splits it). Each first
assertion failed before (two items). The other half of each pair keeps its split: a
second request put with a verb of its own ("Could TSB check the figures, and advise on
the footnotes?"), and a turn to asking for an answer ("..., and to tell us whether ...")."""

from __future__ import annotations

from datetime import UTC, datetime

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

WHEN = datetime(2027, 2, 9, 10, 0, tzinfo=UTC)
SENDER = Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")


def items(text: str) -> list[tuple[str, str | None]]:
    found = extract_actions(ActionInput(new_text=text, date=WHEN, sender=SENDER))
    return [(c.kind, c.owner) for c in found]


def test_a_second_infinitive_of_an_invitation_is_one_item() -> None:
    assert items("Action required: ITU-D SG2 is invited to share information on national "
                 "experiences with vehicle-mounted sensors, and to indicate a contact "
                 "person for the draft.") == [("action", "ITU-D SG2")]
    # The same second request put with a verb of its own after a question: two items.
    assert items("Could TSB check the figures, and advise on the footnotes?") == [
        ("action", "TSB"), ("question", "TSB")]


def test_a_second_infinitive_of_a_request_is_one_item() -> None:
    assert items("We would ask TSB to provide one trainer for the module on "
                 "interoperability testing, and to confirm the name by 15 April.") == [
        ("action", "TSB")]
    # A turn to asking for an answer is still a question of its own.
    assert items("We would ask TSB to provide one trainer for the module, and to tell us "
                 "whether the travel can be covered.") == [("action", "TSB"),
                                                            ("question", "TSB")]
