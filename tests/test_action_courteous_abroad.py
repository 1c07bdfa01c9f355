"""Courteous indirect requests in French, Spanish and Portuguese ("nous vous saurions
gré de bien vouloir nous indiquer ...", "le agradeceríamos que nos enviara ...",
"pedimos a gentileza de confirmar ...") are requests, as "we would be grateful if X
could ..." is: the party named in them owes it, and their date is read as the English
one's. Asking to say whether ("nous indiquer si ...") is a question; "Merci de nous
répondre avant le 3 décembre" dates what was asked before it. Our own wording; each
test failed before."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2029, 3, 7, 10, 0, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Fatou Ndiaye", "fatou@example.sn")


def items(text: str) -> list[tuple[str, str | None, str | None]]:
    message = ActionInput("Chers collègues,\n\n" + text, SENT, sender=SENDER)
    found = extract_actions(message)
    return [(c.kind, c.owner, c.due.isoformat() if c.due else None)
            for c in found + find_questions(message, found)]


@pytest.mark.parametrize(("text", "owner", "due"), [
    ("Nous vous saurions gré de bien vouloir nous transmettre la liste avant le 20 mars.",
     None, "2029-03-20"),
    ("Merci de bien vouloir nous envoyer vos commentaires avant le 20 mars.", None, "2029-03-20"),
    ("Le agradeceríamos que nos enviara la lista antes del 3 de abril.", None, "2029-04-03"),
    ("Agradeceríamos al TSB que enviara la lista antes del 3 de abril.", "TSB", "2029-04-03"),
    ("Agradeceríamos que o BDT enviasse os dados até 5 de maio.", "BDT", "2029-05-05"),
    ("Favor de enviar los nombres antes del 20 de marzo.", None, "2029-03-20"),
    ("Pedimos a gentileza de confirmar a data até 20 de março.", None, "2029-03-20"),
])
def test_a_courteous_request_abroad_is_an_action(text: str, owner: str | None,
                                                 due: str) -> None:
    ((kind, found_owner, found_due),) = items(text)
    assert kind == "action"
    assert found_due == due
    if owner is not None:
        assert found_owner == owner


@pytest.mark.parametrize("text", [
    "Merci de votre message.",
    "Pour toute urgence, merci de contacter le secrétariat.",
    "Agradecemos a todos la participación en la reunión.",
])
def test_thanks_and_furniture_are_no_request(text: str) -> None:
    assert items(text) == []


def test_the_party_between_commas_owes_it_and_whether_asks_a_question() -> None:
    assert items("Nous vous saurions gré, chers collègues du BR, de bien vouloir nous "
                 "indiquer si le Bureau prévoit de présenter ce LS en février.") == [
        ("question", "BR", None)]
    # The same request for a thing, not whether: an action.
    assert items("Nous vous saurions gré, chers collègues du BR, de bien vouloir nous "
                 "indiquer le nom de votre intervenant.") == [("action", "BR", None)]


def test_a_reply_date_abroad_dates_the_list_above_it() -> None:
    text = ("Nous aimerions :\n\n- deux intervenants à distance (TSB et BDT) ;\n"
            "- des attestations de participation (BDT).\n\n"
            "Merci de nous répondre avant le 3 avril.")
    assert [due for _, _, due in items(text)] == ["2029-04-03", "2029-04-03"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Le TSB est invité à transmettre ses commentaires avant le 20 mars.", "action"),
    ("La BR es invitada a enviar sus comentarios antes del 20 de marzo.", "action"),
    ("O BDT é convidado a enviar os seus comentários até 20 de março.", "action"),
    ("Le TSB est invité à prendre note de ce document.", "note"),
    ("El BDT es invitado a tomar nota de este documento.", "note"),
    ("O BDT é convidado a tomar conhecimento deste documento.", "note"),
])
def test_a_passive_request_or_note_abroad(text: str, kind: str) -> None:
    ((found_kind, owner, _),) = items(text)
    assert (found_kind, owner) == (kind, "TSB" if "TSB" in text else
                                   "BR" if "BR " in text else "BDT")
