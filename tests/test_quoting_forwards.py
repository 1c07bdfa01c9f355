"""A forwarded message below the forwarding note's signature is new text; a quoted
parent below a reply's signature is not (split_new_text)."""

from __future__ import annotations

import pytest

from iscg_mailbot.parse.quoting import split_new_text

NOTE = (
    "Hello all,\n\n"
    "The statement below came in from WP 3K; it asks the Bureaux for input.\n\n"
    "Kind regards,\n"
    "Marta\n\n"
    "Marta Ruiz\n"
    "Programme Officer, Example Bureau\n"
)
DISCLAIMER = (
    "This e-mail and any attachments are confidential and intended only for the\n"
    "addressees. If you received it in error, please delete it.\n"
)
LS = (
    "Source: WP 3K\n"
    "Action required: the Bureaux are invited to send their comments.\n"
    "Deadline: 2 March 2027\n"
)
HEADER = (
    "From: WP 3K secretariat <wp3k@example.org>\n"
    "Sent: Monday, 1 February 2027 09:00\n"
    "To: bureaux@example.org\n"
    "Subject: LS on the test plan\n\n"
)


@pytest.mark.parametrize("separator", [
    "-----Original Message-----\n" + HEADER,
    "---------- Forwarded message ---------\n" + HEADER,
    "________________________________\n" + HEADER,
    "-----Original Message-----\n",
])
@pytest.mark.parametrize("disclaimer", ["", DISCLAIMER])
def test_forwarded_text_below_the_note_signature_is_new_text(separator: str,
                                                             disclaimer: str) -> None:
    new, quoted, signature = split_new_text(
        f"{NOTE}\n{disclaimer}\n{separator}{LS}", forwarded=True)
    assert "The statement below came in" in new
    assert "the Bureaux are invited to send their comments" in new
    assert "Deadline: 2 March 2027" in new
    assert quoted == ""
    assert "Marta Ruiz" in signature and "Marta Ruiz" not in new
    assert ("confidential" in signature) == bool(disclaimer)


@pytest.mark.parametrize("disclaimer", ["", DISCLAIMER])
def test_a_replys_parent_below_its_signature_stays_quoted(disclaimer: str) -> None:
    new, quoted, _ = split_new_text(f"{NOTE}\n{disclaimer}\n-----Original Message-----\n"
                                    f"{HEADER}{LS}")
    assert "The statement below came in" in new
    assert "invited to send their comments" in quoted and "invited" not in new
