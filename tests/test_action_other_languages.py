"""A sender's commitment written in French, Spanish or Portuguese ("Je vais envoyer
notre étude de cas au rapporteur", "Vou preparar a nota e enviá-la à lista", "Les
enviaré el informe") is theirs, as "I will send ..." is; a plan that delivers nothing
to anybody ("vamos a medir la cobertura") is no item. Our own wording; the first test
failed before."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Fatou Ndiaye", "fatou@example.sn")


def owners(text: str) -> list[str | None]:
    message = ActionInput("Bonjour,\n\n" + text, SENT, sender=SENDER)
    return [c.owner for c in extract_actions(message)]


@pytest.mark.parametrize("text", [
    "Je vais envoyer notre étude de cas au rapporteur de la Question 2/1.",
    "Nous allons préparer une note conceptuelle.",
    "Je vous enverrai le rapport la semaine prochaine.",
    "Vou preparar a nota conceitual e enviá-la à lista.",
    "Les enviaré el informe final.",
    "Vamos a compartir los resultados con la lista.",
])
def test_a_commitment_in_another_language(text: str) -> None:
    assert owners(text) == ["Fatou Ndiaye"]


@pytest.mark.parametrize("text", [
    "Vamos a medir la cobertura de la red durante el segundo semestre.",
    "Je vais bien, merci.",
    "I will send the case study to the rapporteur.",
])
def test_no_delivery_no_item_and_english_as_before(text: str) -> None:
    assert owners(text) == (["Fatou Ndiaye"] if text.startswith("I will") else [])


@pytest.mark.parametrize(("text", "due"), [
    ("Vou preparar a nota e enviá-la à lista até o fim de outubro.", "2026-10-31"),
    ("Je vais envoyer nos commentaires avant la fin du mois.", "2026-10-31"),
    ("Les enviaré el informe a finales de noviembre.", "2026-11-30"),
    ("Je vais envoyer nos commentaires à la fin.", None),
])
def test_the_end_of_a_month_in_another_language(text: str, due: str | None) -> None:
    message = ActionInput("Bonjour,\n\n" + text, SENT, sender=SENDER)
    (item,) = extract_actions(message)
    assert (item.due.isoformat() if item.due else None) == due


def test_a_deadline_marked_in_another_language_dates_a_question() -> None:
    for text, due in (("Est-ce que le BDT pourrait partager ses messages avant le 13 novembre ?",
                       "2026-11-13"),
                      ("¿Podría el BDT compartir sus mensajes antes del 13 de noviembre?",
                       "2026-11-13"),
                      ("Est-ce que le BDT pourrait partager ses messages du 13 novembre ?",
                       None)):
        message = ActionInput("Bonjour,\n\n" + text, SENT, sender=SENDER)
        items = extract_actions(message)
        (question,) = items + find_questions(message, items)
        assert (question.due.isoformat() if question.due else None) == due
