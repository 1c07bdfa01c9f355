"""A report-back promised or asked only if something goes wrong is no item (action round
17; minimal pairs of our own wording, the first assertion of each test failed before):
"I will let you know if any problem occurs" (`w14`-023), "If it does not, please tell
me" (`w16`-013), "I'll brief our team and come back if we have something useful"
(`w6`-012) were items; no writer labels one. With a day of its own, or with "if" for
"whether", the report-back stays an item.
"""

from __future__ import annotations

import pytest

from tests.letter_items import letter_items


def kinds(text: str) -> list[str]:
    return [c.kind for c in letter_items(text)]


@pytest.mark.parametrize(("contingent", "owed"), [
    ("I will let you know if any problem occurs.", "I will let you know when it is out."),
    ("The digest should now show the accents. If it does not, please tell me.",
     "The digest should now show the accents. Please tell me by Friday whether it does."),
    ("I'll brief our legal team and come back if we have something useful.",
     "I'll brief our legal team and come back to you by 3 May."),
])
def test_a_contingent_report_back_is_no_item(contingent: str, owed: str) -> None:
    assert kinds(contingent) == []
    assert kinds(owed) != []


def test_if_for_whether_stays() -> None:
    assert kinds("I will let you know if it is possible.") == ["action"]
