"""A reply that opens with the deed after a name or a thanks ("Nadia - sent you my
details off-list.", "Thanks Amara - shared with the universities network.") or with a
participle in another language ("Enviado hoy al relator de la Cuestión 6/1.") reports
the work done, as "Sent to both teams." already did. Our own wording; the first test
failed before."""

from __future__ import annotations

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement


@pytest.mark.parametrize("sentence", [
    "Nadia - sent you my details off-list.",
    "Thanks Amara - shared with the universities network.",
    "Hiroshi \u2013 forwarded to the rapporteur this morning.",
    "Enviado hoy al relator de la Cuesti\u00f3n 6/1, con copia a Tom\u00e1s.",
    "Envoy\u00e9 ce matin au rapporteur.",
])
def test_the_deed_after_a_name_or_in_another_language(sentence: str) -> None:
    assert delivery_statement(sentence) == "done"


@pytest.mark.parametrize("sentence", [
    "Sent to both teams.",
    "Sure, will do.",
    "Nadia - will send you my details tomorrow.",
    "Nadia - sent to whom?",
    "Thanks Amara - see you in Geneva.",
])
def test_as_before(sentence: str) -> None:
    assert delivery_statement(sentence) == ("done" if sentence.startswith("Sent") else None)
