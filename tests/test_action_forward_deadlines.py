"""A forwarded liaison statement's deadline line in other layouts dates its requests:
"Deadline for replies:", "Reply deadline (TSB):", "Deadline<tab>15 November", "Deadline -
15 November", the date on the next line, "Requested reply date:", and in French, Spanish
and Portuguese ("Date limite : 15 novembre 2026")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
FORWARD = """Dear colleagues,

FYI, please see the LS below.

Best, Chen

---------- Forwarded message ---------
From: TSB SG17 <tsbsg17@itu.int>
Date: Mon, 5 Oct 2026 at 09:00
Subject: LS on quantum-safe migration
To: <iscg@lists.itu.int>

LIAISON STATEMENT
Source: ITU-T SG17
For action to: ITU-D SG2, ITU-R WP 5A
For information to: TSAG
{deadline}

ITU-D SG2 is invited to share its experience with national migration plans.
ITU-R WP 5A is invited to comment on the draft.
"""


def requests(deadline: str) -> list[tuple[str | None, date | None]]:
    items = extract_actions(ActionInput(new_text=FORWARD.format(deadline=deadline), date=SENT,
                                        forwarded=True, subject="Fwd: LS on quantum-safe"))
    return [(item.owner, item.due) for item in items if item.kind == "action"]


DUE = date(2026, 11, 15)


@pytest.mark.parametrize("deadline", [
    "Deadline for reply: 15 November 2026",
    "Deadline (replies to TSB): 15 November 2026",
    "Reply deadline: 15 November 2026",
    "Response deadline: 15/11/2026",
    "Requested reply date: 2026/11/15",
    "Deadline\t15 November 2026",
    "Deadline - 15 November 2026",
    "Deadline 15 November 2026",
    "Deadline\n15 November 2026",
    "Date limite : 15 novembre 2026",
    "Fecha l\u00edmite: 15 de noviembre de 2026",
    "Prazo: 15 de novembro de 2026",
])
def test_each_layout_dates_both_requests(deadline: str) -> None:
    assert requests(deadline) == [("ITU-D SG2", DUE), ("ITU-R WP5A", DUE)]


def test_the_usual_layout_still_does() -> None:
    assert requests("Deadline: 15 November 2026") == [("ITU-D SG2", DUE), ("ITU-R WP5A", DUE)]


def test_a_sentence_about_deadlines_is_no_deadline_line() -> None:
    # Not a header: the requests stay undated (the sentence names no date).
    assert requests("Deadlines are tight this year.") == [("ITU-D SG2", None),
                                                          ("ITU-R WP5A", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Merci d'envoyer vos commentaires avant le 15 novembre.", date(2026, 11, 15)),
    ("Por favor env\u00eden sus comentarios antes del 20 de noviembre de 2026.",
     date(2026, 11, 20)),
    ("Please send it by 3 mars 2027.", date(2027, 3, 3)),
])
def test_month_names_in_other_languages(text: str, expected: date) -> None:
    found = find_due(text, SENT)
    assert found is not None and found.value == expected


def test_a_month_name_without_a_day_is_no_date() -> None:
    assert find_due("The meeting in Mai Chau went well.", SENT) is None
