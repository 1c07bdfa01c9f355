"""A request put as a question in French, Spanish or Portuguese is an action, as "Could
BDT share ...?" is (action round 17; minimal pairs of our own wording, the first
assertion of each test failed before): "Est-ce que le BDT pourrait partager ...?"
(`w6`-040), "Hiroshi, pouvez-vous le faire suivre ...?" (`w11`-021), "¿podría el BR
preparar ...?", "¿puede BDT activar ...?", "¿podrías actualizar ...?" (`w16`-005, -037,
-038) were questions; the writers label each an action. A request to say or check, or
a thing that could be or have something, stays a question.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import find_questions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=-3)))


def kinds(text: str) -> list[str]:
    message = ActionInput("Estimados colegas,\n\n" + text + "\n\nSaludos,\nMaría", SENT,
                          sender=Address("María Fernández", "maria@example.gob.ar"))
    return [c.kind for c in find_questions(message)]


@pytest.mark.parametrize(("work", "say"), [
    ("¿Podría el BR preparar tres diapositivas sencillas?",
     "¿Podría el BR confirmar las fechas del seminario?"),
    ("¿Puede BDT activar el mapa de conectividad para la región?",
     "¿Puede BDT indicar si el mapa cubre la región?"),
    ("Est-ce que le TSB pourrait partager les supports du cours ?",
     "Est-ce que le TSB pourrait nous dire si le cours existe en français ?"),
    ("O TSB poderia enviar a lista dos laboratórios?",
     "O TSB poderia verificar se a lista está atualizada?"),
])
def test_a_request_for_work_is_an_action(work: str, say: str) -> None:
    assert kinds(work) == ["action"]
    assert kinds(say) == ["question"]


@pytest.mark.parametrize("text", [
    "¿La sesión podría tener interpretación al español?",
    "Ce scénario pourrait-il être inclus dans l'exercice ?",
])
def test_what_a_thing_could_be_or_have_stays_a_question(text: str) -> None:
    assert kinds(text) == ["question"]
