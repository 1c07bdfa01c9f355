"""A request somebody outside makes of the writer's side, told as background, is no
item (action round 15; the eighth, ninth and tenth writers' dev parts label none;
minimal pairs of our own wording, each first assertion failed before): "UNESCO asks ITU
to nominate an expert", "the regulator asks us which limits apply", "My minister will
ask me this first". The writer's own request of the same shape stays one, and so does
the request that follows the background.
"""

from __future__ import annotations

from tests.letter_items import letter_items


def found(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.owner) for c in letter_items(text)]


def test_an_outside_body_asking_itu_is_background() -> None:
    assert found("UNESCO is preparing a guide on school connectivity and asks ITU to "
                 "nominate an expert.") == []
    assert found("I would ask TSB to nominate an expert.") == [("action", "TSB")]


def test_the_request_after_the_background_stays() -> None:
    assert found("UNESCO is preparing a guide on school connectivity and asks ITU to "
                 "nominate an expert. Could BDT propose a name?") == [("action", "BDT")]


def test_somebody_asking_us_or_me_is_background() -> None:
    assert found("Mines are being connected, and the regulator asks us which limits "
                 "they should set in the licences.") == []
    assert found("My minister will ask me this first.") == []
    assert found("BDT will ask the regional offices to propose speakers.") == [
        ("action", "BDT")]
