"""Forwarded statements, round 6 (minimal pairs; the first of each pair failed before).

- the forwarding note's account of whom the statement is for ("It is addressed to
  ITU-D SG2 for action and ITU-R WP 6B for information") is no item when the statement
  asks those bodies itself;
- a forwarded request naming nobody on the list ("ITU is kindly invited to nominate a
  focal point") is the forwarder's to hand out: the note's own item stands for it, and
  takes its date when it retells it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 9, 29, 9, 30, tzinfo=timezone(timedelta(hours=1)))

LS = (
    "---------- Forwarded message ---------\n"
    "From: TSB SG9 <tsbsg9@itu.int>\n"
    "Date: Thu, 1 Jul 2027 at 17:40\n"
    "Subject: LS on alerts\n\n"
    "Source: ITU-T SG9\n"
    "For action: ITU-D Study Group 2\n"
    "For information: ITU-R Working Party 6B\n\n"
    "Action required:\n"
    "ITU-D SG2 is invited to consider referencing J.1403 in its work.\n"
    "ITU-R WP 6B is invited to note this work.\n\n"
    "Deadline: 1 November 2027\n"
)
ADDRESSED = ("Dear all,\n\nAn LS from SG9. It is addressed to ITU-D SG2 for action and "
             "ITU-R WP 6B for information.\n\nHiroshi\n\n")

REQUEST = (
    "-------- Forwarded Message --------\n"
    "Subject: Safe listening working group\n"
    "Date: Mon, 28 Sep 2026 15:22:40 +0200\n"
    "From: WHO <mls@who.example.int>\n"
    "To: tsbsg16@itu.int\n\n"
    "Dear colleagues at ITU,\n\n"
    "WHO is establishing a technical working group on safe listening.\n\n"
    "Action required: ITU is kindly invited to nominate a focal point (and an alternate) "
    "to the working group.\n"
    "Deadline: 15 October 2026\n"
)


def items(text: str, subject: str = "FW: LS on alerts"
          ) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(text, SENT, subject=subject)
    return [(c.kind, c.owner, c.due) for c in extract_actions(message)]


def test_the_notes_account_of_the_addressees_is_no_item() -> None:
    assert items(ADDRESSED + LS) == [("action", "ITU-D SG2", date(2027, 11, 1)),
                                     ("note", "ITU-R WP6B", None)]


def test_an_addressee_the_statement_asks_nothing_of_keeps_the_notes_item() -> None:
    # The statement has no request for ITU-D SG2: the note's line is all there is.
    without = LS.replace("ITU-D SG2 is invited to consider referencing J.1403 in its work.\n",
                         "")
    assert ("action", "ITU-D SG2", None) in items(ADDRESSED + without)


def test_a_sector_named_in_the_note_covers_its_study_groups() -> None:
    note = "Dear all,\n\nIt is mainly for ITU-D, with ITU-R WP 6B for information.\n\nH.\n\n"
    assert [owner for _, owner, _ in items(note + LS)] == ["ITU-D SG2", "ITU-R WP6B"]


def test_a_request_naming_nobody_is_handed_out_by_the_note() -> None:
    note = ("Dear colleagues,\n\nSee WHO's request below. TSB will nominate the SG16 "
            "counsellor as ITU focal point.\n\nElena\n\n")
    assert items(note + REQUEST, "FW: WHO request") == [
        ("action", "TSB", date(2026, 10, 15))]


def test_without_an_item_in_the_note_the_forwarded_request_stays() -> None:
    note = "Dear colleagues,\n\nSee WHO's request below.\n\nElena\n\n"
    assert items(note + REQUEST, "FW: WHO request") == [
        ("action", None, date(2026, 10, 15))]


def test_a_note_item_about_other_work_keeps_its_own_date() -> None:
    note = ("Dear colleagues,\n\nSee WHO's request below. BDT, could you update the "
            "regional calendar?\n\nElena\n\n")
    assert items(note + REQUEST, "FW: WHO request") == [("action", "BDT", None)]


ASKED = (
    "De: Dirección de Inclusión Digital <inclusion@example-regulador.mx>\n"
    "Enviado el: viernes, 6 de noviembre de 2026 18:12\n"
    "Para: Luis Ramírez <luis.ramirez@example.gob.mx>\n"
    "Asunto: Consulta sobre agentes de dinero móvil\n\n"
    "Estimado Luis:\n\n"
    "Los agentes no cuentan con efectivo suficiente. ¿Existe alguna guía de la UIT sobre "
    "la gestión de liquidez de los agentes?\n"
)


def questions(note: str) -> list[tuple[str, str | None]]:
    message = ActionInput(note + ASKED, SENT, subject="FW: Consulta")
    found = extract_actions(message)
    return [(c.kind, c.owner) for c in found + find_questions(message, found)]


def test_a_forwarded_question_naming_nobody_is_handed_out_by_the_note() -> None:
    note = ("Dear colleagues,\n\nBelow a question from our regulator. Could TSB check "
            "the Focus Group output, and BDT its report on agent networks?\n\nLuis\n\n")
    assert questions(note) == [("action", "TSB"), ("action", "BDT")]


def test_under_a_note_asking_nothing_the_forwarded_question_stays() -> None:
    note = "Dear colleagues,\n\nBelow a question from our regulator.\n\nLuis\n\n"
    assert questions(note) == [("question", None)]
