"""ITU's bodies by their official names in the other languages the list writes
(action round 20): "le Sénégal prie le Secrétariat général de ..." (`w15`-026), "Bureau
des radiocommunications", "Oficina de Desarrollo de las Telecomunicaciones", the French
and Spanish acronyms of the advisory groups (GCDT, GCNT, GCR) and study groups as "CE 2
de l'UIT-D". Minimal pairs of our own wording; the first assertion of each test failed
before (no owner, so no item).
"""

from __future__ import annotations

from iscg_mailbot.settings.members import MembersConfig
from tests.letter_items import owners_asked as owners


def test_the_bureaux_and_the_general_secretariat_in_french(members: MembersConfig) -> None:
    assert owners("Le Sénégal prie le Secrétariat général de publier la liste avant le "
                  "3 juin.", members) == ["General Secretariat"]
    assert owners("Le Sénégal prie le Bureau des radiocommunications de publier la liste "
                  "avant le 3 juin.", members) == ["BR"]
    # A bureau that is no ITU body names nobody the list knows: no item.
    assert owners("Le Sénégal prie le bureau de l'atelier de publier la liste avant le "
                  "3 juin.", members) == []


def test_advisory_groups_by_their_french_acronyms(members: MembersConfig) -> None:
    assert owners("Le Sénégal prie le GCDT de noter la liste.", members) == ["TDAG"]
    assert owners("Le Sénégal prie le GCNT de noter la liste.", members) == ["TSAG"]


def test_a_spanish_bureau_asked_in_english(members: MembersConfig) -> None:
    assert owners("Could the Oficina de Desarrollo de las Telecomunicaciones publish the "
                  "list by 3 June?", members) == ["BDT"]


def test_a_french_label_keeps_its_party_before_a_body_named_later(
        members: MembersConfig) -> None:
    # With "Commission d'études 1 de l'UIT-D" now a body, the label must say who is asked
    # (`w4`-006), as "Question to BR:" does in English.
    assert owners("Une question pour le BR: pouvez-vous confirmer que la LS a aussi été "
                  "envoyée à la Commission d'études 1 de l'UIT-D ?", members) == ["BR"]
    # No label: the question names no party but the body the LS went to.
    assert owners("Pouvez-vous confirmer que la LS a aussi été envoyée à la Commission "
                  "d'études 1 de l'UIT-D ?", members) != ["BR"]
