"""The present tense for a promise of a coming day, in Spanish, French or Portuguese
(action round 19; minimal pairs of our own wording, the first assertion of each test
failed before): "Te envío mañana la presentación del IFT" (`w10`-037), "se lo envío la
próxima semana" (`w7`-012) were no item; the sender's commitment, as "Le enviaré" is.
Without a coming day the present tells what is sent now ("Te envío adjunta la
presentación"): no item.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 7, 9, 9, 0, tzinfo=timezone(timedelta(hours=-6)))
PARENT = Address("Andrés Gutiérrez", "andres.gutierrez@example.gov.co")


def found(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=Address("Luis Ramírez",
                                                     "luis.ramirez@example.gob.mx"),
                          parent_sender=PARENT, parent_asks=True)
    return [(c.kind, c.owner) for c in extract_actions(message, members=members)]


def test_a_present_with_a_coming_day_is_a_promise(members: MembersConfig) -> None:
    assert found("Andrés, te envío mañana el informe de Toluca.",
                 members) == [("action", "Luis Ramírez")]
    assert found("Andrés, te envío adjunto el informe de Toluca.",
                 members) == []


def test_the_day_before_the_verb_and_other_languages(members: MembersConfig) -> None:
    assert found("Andrés, la próxima semana le comparto el informe final.", members) == [
        ("action", "Luis Ramírez")]
    assert found("Merci Andrés, je vous envoie demain la note révisée.", members) == [
        ("action", "Luis Ramírez")]
    assert found("Merci Andrés, je vous envoie ci-joint la note révisée.", members) == []
