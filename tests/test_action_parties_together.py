"""Several parties in one request (action round 20): the names before a dash
("Klaus, Zhang Wei - could one of you raise this ...?", `w17`-011, owned by Klaus alone
before) and two bodies joined by another language's "and" with its articles ("Pedimos
à TSB e ao BDT que indiquem ...", `w7`-027, TSB's alone before). Minimal pairs of our
own wording; the first assertion of each test failed before.
"""

from __future__ import annotations

from iscg_mailbot.settings.members import MembersConfig
from tests.letter_items import owners_asked as owners


def test_names_before_a_dash_are_all_asked(members: MembersConfig) -> None:
    assert owners("Klaus, Hiroshi - could one of you present the draft at the TSAG meeting?",
                  members) == ["Klaus Brenner, Hiroshi Takemura"]
    # A name after the first that opens a statement is no addressee.
    assert owners("Klaus, Hiroshi has the draft - could you present it at the TSAG meeting?",
                  members) == ["Klaus Brenner"]


def test_bodies_joined_in_portuguese_spanish_and_french(members: MembersConfig) -> None:
    assert owners("Pedimos à TSB e ao BDT que indiquem, até 16 de julho, se podem apoiar "
                  "o encontro.", members) == ["TSB, BDT"]
    assert owners("Pedimos a TSB y al BDT que indiquen si pueden apoyar el taller.",
                  members) == ["TSB, BDT"]
    # One body asked, the other named after the request: not joined.
    assert owners("Pedimos à TSB que indique se pode apoiar o encontro com o BDT.",
                  members) == ["TSB"]
