""""X is expected to ..." forecasts what a body will do; it asks nothing (action round
17; minimal pairs of our own wording, the first assertion of each test failed before):
"WP 5D is also expected to send WP 4C a liaison" (`w3`-003) and "it is expected to be
handled by Q27/16 at the July SG16 meeting" (`w14`-013) were items of the body; no
writer labels one (`w2`, `w7` dev say the same). "X is invited / requested to ..." stays
a request.
"""

from __future__ import annotations

from tests.letter_items import letter_items


def found(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.owner) for c in letter_items(text)]


def test_a_body_expected_to_act_is_a_forecast() -> None:
    assert found("SG13 is also expected to send SG20 a liaison on the test suites.") == []
    assert found("SG13 is also invited to send SG20 a liaison on the test suites.") == [
        ("action", "ITU-T SG13")]


def test_work_expected_to_be_handled_is_a_forecast() -> None:
    assert found("This has gone to the counsellor; it is expected to be handled by "
                 "Q4/13 in July.") == []
