"""Reply headers recognised by their structure, and forwarded content read as new.

Minimal pairs: the same block with labels of a language no list names, the Outlook
"on behalf of" form wrapped over two lines, a liaison statement's own header (which is
not a reply header), and a forwarded LS against the same LS quoted in a reply.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.parse.quoting import header_block_end, readable_text, split_new_text
from iscg_mailbot.records import ActionInput

SPANISH_ON_BEHALF = (
    "Estimados colegas,\n\n"
    "Adjunto la contribución de BR.\n\n"
    "Saludos,\nSofia\n\n"
    "________________________________\n"
    "De: int-sect-team <int-sect-team-bounces@lists.itu.int> En nombre de Sofia\n"
    "Lindqvist\n"
    "Enviado el: lunes, 5 de octubre de 2026 10:15\n"
    "Para: int-sect-team@lists.itu.int\n"
    "Asunto: RE: [int-sect-team] Contribuciones\n\n"
    "TSB is requested to send the list of focal points by 6 November 2026.\n"
)


def test_spanish_on_behalf_of_block_wrapped_over_two_lines_is_a_quote() -> None:
    new, quoted, signature = split_new_text(SPANISH_ON_BEHALF)
    assert new == "Estimados colegas,\n\nAdjunto la contribución de BR."
    assert quoted.startswith("________________________________\nDe: int-sect-team")
    assert quoted.endswith("by 6 November 2026.")
    assert "Lindqvist" not in signature


@pytest.mark.parametrize("labels", [
    ("Kimden", "Gönderildi", "Kime", "Konu"),          # Turkish Outlook
    ("Feladó", "Elküldve", "Címzett", "Tárgy"),          # Hungarian
    ("Від", "Надіслано", "Кому", "Тема"),                # Ukrainian
    ("Date", "From", "To", "Subject"),                   # another order
])
def test_a_header_block_in_any_language_and_order_is_a_quote(labels: tuple[str, ...]) -> None:
    values = {0: "Klaus Brenner <klaus.brenner@example.de>", 1: "5.10.2026 10:15",
              2: "int-sect-team@lists.itu.int", 3: "Workshop"}
    if labels[0] == "Date":
        values = {0: "Mon, 5 Oct 2026 10:15", 1: "Klaus <k@example.de>",
                  2: "int-sect-team@lists.itu.int", 3: "Workshop"}
    block = "\n".join(f"{label}: {values[i]}" for i, label in enumerate(labels))
    text = f"Agreed, thanks.\n\n{block}\n\nBDT is invited to propose speakers by 30 October.\n"
    new, quoted, _ = split_new_text(text)
    assert new == "Agreed, thanks."
    assert quoted.endswith("by 30 October.")


def test_a_liaison_statement_header_with_a_wrapped_title_is_not_a_reply_header() -> None:
    text = ("Please find below the LS.\n\nSource:   RAG\nTitle:    Coordination under "
            "Resolution 191 and the\n          joint ISCG work plan for 2027\n"
            "For:      Action: TSAG\nDeadline: 15 September 2026\n"
            "Contact:  Sofia Lindqvist, BR (sofia.lindqvist@itu.int)\n\n"
            "Action required: TSAG is requested to provide comments.\n")
    new, quoted, _ = split_new_text(text)
    assert quoted == "" and new.endswith("to provide comments.")


def test_a_liaison_statement_header_is_not_a_reply_header() -> None:
    ls = ("Source: ITU-R WP 5D\nTitle: LS on IMT-2030\nFor action to: ITU-T SG13\n"
          "Deadline: 15 January 2027\nContact: Rajesh Iyer <rajesh.iyer@itu.int>\n")
    lines = ls.splitlines()
    assert header_block_end(lines, 0) == 0
    new, quoted, _ = split_new_text("Dear all,\n\n" + ls + "\nTSB is invited to comment.")
    assert quoted == ""
    assert "Deadline: 15 January 2027" in new


def test_blank_lines_between_fields_only_when_the_block_is_double_spaced() -> None:
    spaced = ["From: A <a@example.org>", "", "Sent: 5 October 2026 10:15", "",
              "To: list@example.org", "", "Subject: X", "", "The body, not a field."]
    assert header_block_end(spaced, 0) == 7
    tight = ["From: A <a@example.org>", "Sent: 5 October 2026 10:15", "To: b@example.org",
             "Subject: X", "", "Source: ITU-T SG5", "Deadline: 1 March 2027"]
    assert header_block_end(tight, 0) == 4


FORWARDED_LS = (
    "Dear colleagues,\n\nFor your information, please see the LS below.\n\n"
    "Best regards,\nSofia\n\n"
    "________________________________\n"
    "From: ITU-R WP 5D Secretariat <brwp5d@itu.int>\n"
    "Sent: Monday, 5 October 2026 10:15\n"
    "To: int-sect-team@lists.itu.int\n"
    "Subject: LS from ITU-R WP 5D on IMT-2030 frequency arrangements\n\n"
    "Source: ITU-R WP 5D\n"
    "Title: Liaison statement on IMT-2030 frequency arrangements\n"
    "For action to: ITU-T SG13\n"
    "Deadline: 15 January 2027\n\n"
    "Action required: ITU-T SG13 is invited to provide its views on the draft "
    "frequency arrangements.\n"
)


def _items(subject: str) -> list[tuple[str, str | None, object]]:
    forwarded = subject.upper().startswith("FW")
    new, _, _ = split_new_text(FORWARDED_LS, forwarded=forwarded)
    found = extract_actions(ActionInput(new, datetime(2026, 10, 6, tzinfo=UTC), subject=subject))
    return [(c.kind, c.owner, c.due) for c in found if c.kind == "action"]


def test_a_forwarded_ls_is_read_and_the_same_ls_quoted_in_a_reply_is_not() -> None:
    from datetime import date

    assert _items("FW: LS from ITU-R WP 5D on IMT-2030") == [
        ("action", "ITU-T SG13", date(2027, 1, 15))]
    assert _items("RE: LS from ITU-R WP 5D on IMT-2030") == []


def test_a_forward_marker_keeps_the_body_and_hides_the_forwarded_header() -> None:
    text = ("FYI.\n\n---------- Forwarded message ---------\nFrom: TSB <tsb@itu.int>\n"
            "Date: Mon, 5 Oct 2026 at 10:00\nSubject: Survey\nTo: ISCG <list@itu.int>\n\n"
            "BDT is requested to reply to the survey by 20 October 2026.\n")
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == ["FYI.", "BDT is requested to reply to the survey by 20 October 2026."]
    # Offsets are kept: the blanked header has the length it had.
    assert len(readable_text(text)) == len(text)


def test_a_pointer_to_forwarded_mail_is_no_item_of_its_own() -> None:
    new, _, _ = split_new_text(FORWARDED_LS, forwarded=True)
    sent = datetime(2026, 10, 6, tzinfo=UTC)
    forwarded = extract_actions(ActionInput(new, sent, subject="FW: LS from ITU-R WP 5D"))
    assert [c.kind for c in forwarded] == ["action"]
    inline = extract_actions(ActionInput(
        "For your information, please see the LS below.\n\nSource: ITU-R WP 5D\n", sent,
        subject="LS from ITU-R WP 5D"))
    assert [c.kind for c in inline] == ["note"]  # not a forward: the note stays
