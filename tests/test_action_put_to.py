"""Whom a question is put to (action round 18; a question to whoever knows, "Does
anyone know whether ...?", was put to the Bureau of the paragraph before it, `w16`-004,
`w17`-012), and a Bureau asked through one of its staff (minimal pairs of our own
wording, the first assertion of each test failed before): "Name, could BDT ...?" was
the Bureau's when a request rule read it, but a question rule, a colon or a label after
the name, or a Spanish modal left it with the person named ("Sofia/Rajesh: does BR
collect ...?", `w16`-028; "Hiroshi, one factual question: how many ... did TSB host?",
`w17`-003; "And Amara: could BDT share ...?", `w17`-004; "Amara: ¿puede BDT activar
...?", `w16`-038). The person keeps what is put to them ("could you ...", "has BDT
received it?").
"""

from __future__ import annotations

from iscg_mailbot.settings.members import MembersConfig
from tests.letter_items import owners_asked as owners


def test_a_question_naming_a_bureau_as_its_subject_is_the_bureaus(
        members: MembersConfig) -> None:
    assert owners("Hiroshi, one question: how many workshops did TSB hold last year?",
                  members) == ["TSB"]
    assert owners("Hiroshi, one question: how many workshops did you hold last year?",
                  members) == ["Hiroshi Takemura"]


def test_names_before_a_colon_pass_the_request_to_the_bureau(members: MembersConfig) -> None:
    assert owners("Sofia/Rajesh: does BR keep a list of such rules?", members) == ["BR"]
    assert owners("And Amara: could BDT share the evaluation with this list?",
                  members) == ["BDT"]
    assert owners("And Amara: could you share the evaluation with this list?",
                  members) == ["Amara Diallo"]


def test_a_spanish_modal_asks_the_bureau(members: MembersConfig) -> None:
    assert owners("Amara: ¿puede BDT publicar el informe?", members) == ["BDT"]
    assert owners("Amara: ¿puedes publicar el informe?", members) == ["Amara Diallo"]


def test_what_the_bureau_has_had_is_asked_of_the_person(members: MembersConfig) -> None:
    assert owners("Pierre, has BDT received the letter?", members) == ["Pierre Lefebvre"]



def test_a_question_to_whoever_knows_is_nobodys(members: MembersConfig) -> None:
    assert owners("Could BDT name a focal point for FAO? And does anyone know whether the "
                  "challenge on plant health is still running?", members) == ["BDT", None]
    assert owners("Could BDT name a focal point for FAO? And is the challenge on plant "
                  "health still running?", members) == ["BDT", "BDT"]
