"""split_new_text on ISCG-style replies: inline quotes, Outlook blocks, forwards, signatures.

The texts are written to look like the mail the secretariat receives: liaison statement
replies, Outlook replies from ITU staff, French and German clients, list regulars who
reply inline.
"""

from __future__ import annotations

import doctest
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.parse import quoting
from iscg_mailbot.parse.quoting import split_new_text

OUTLOOK_REPLY_FROM_ITU_STAFF = """\
Dear ISCG members,

TSB has no objection to the proposed reply LS. We suggest adding a reference to
Resolution 18 (Rev. Dubai, 2012) in the second paragraph.

Best regards,

Jane Doe
Counsellor, ITU-T Study Group 17
Telecommunication Standardization Bureau
International Telecommunication Union
Tel: +41 22 730 0000

________________________________
From: Smith, John <john.smith@example.org>
Sent: Tuesday, 14 May 2024 09:12
To: int-sect-team@lists.itu.int
Cc: tsbsg17@itu.int
Subject: [int-sect-team] Draft reply LS to ITU-R WP 5D on IMT-2030

Dear colleagues,

Please find attached the draft reply LS to ITU-R WP 5D for comments by 20 May.

Regards,
John
"""


def test_outlook_reply_new_text_quote_and_sign_off() -> None:
    new, quoted, signature = split_new_text(OUTLOOK_REPLY_FROM_ITU_STAFF)
    assert new == (
        "Dear ISCG members,\n\n"
        "TSB has no objection to the proposed reply LS. We suggest adding a reference to\n"
        "Resolution 18 (Rev. Dubai, 2012) in the second paragraph."
    )
    assert quoted.startswith("________________________________\nFrom: Smith, John")
    assert quoted.endswith("Regards,\nJohn")
    assert signature.startswith("Best regards,\n\nJane Doe\nCounsellor, ITU-T Study Group 17")
    assert signature.endswith("Tel: +41 22 730 0000")


def test_original_message_separator_starts_the_quote() -> None:
    text = (
        "Agreed, please send it.\n\n"
        "-----Original Message-----\n"
        "From: TSB <tsbmail@itu.int>\n"
        "Sent: Monday, 13 May 2024 17:00\n"
        "To: ISCG\n"
        "Subject: Reply LS\n\n"
        "Here is the reply LS.\n"
    )
    new, quoted, signature = split_new_text(text)
    assert new == "Agreed, please send it."
    assert quoted.startswith("-----Original Message-----\nFrom: TSB")
    assert quoted.endswith("Here is the reply LS.")
    assert signature == ""


def test_original_message_line_above_marked_quote_is_an_attribution() -> None:
    text = (
        "---- Original message ----\n"
        "> From: Linus Torvalds <torvalds@example.org>\n"
        "> Subject: Re: C aggregate passing\n"
        ">\n"
        "> I've ranted about the crazy C alias rules before.\n\n"
        "The unsafe subset of Rust has way stricter aliasing rules than C.\n"
    )
    new, quoted, _ = split_new_text(text)
    assert new == "The unsafe subset of Rust has way stricter aliasing rules than C."
    assert quoted.startswith("---- Original message ----\n> From: Linus Torvalds")


def test_localised_outlook_header_french() -> None:
    text = (
        "D'accord avec la proposition.\n\n"
        "De : Dupont, Marie <marie.dupont@example.fr>\n"
        "Envoyé : lundi 13 mai 2024 17:00\n"
        "À : int-sect-team@lists.itu.int\n"
        "Objet : Projet de réponse\n\n"
        "Chers collègues,\n"
    )
    new, quoted, _ = split_new_text(text)
    assert new == "D'accord avec la proposition."
    assert quoted.startswith("De : Dupont, Marie")


INLINE_REPLY = """\
On Tue, 14 May 2024 at 09:12, John Smith <john.smith@example.org> wrote:
> Should the reply LS go to ITU-R WP 5D only,
> or also to 3GPP TSG SA?
>
> We need a decision by Friday.

Both, I think: 3GPP asked for it in their last LS.

> Any objections to the timeline?

None from ITU-D.

Thanks,
Ahmed
--
Ahmed Ali
ITU-D Study Group 2 vice-chair
"""


def test_inline_reply_keeps_every_new_paragraph() -> None:
    new, quoted, signature = split_new_text(INLINE_REPLY)
    assert new == (
        "Both, I think: 3GPP asked for it in their last LS.\n\nNone from ITU-D."
    )
    assert quoted.splitlines()[0] == (
        "On Tue, 14 May 2024 at 09:12, John Smith <john.smith@example.org> wrote:"
    )
    assert "> Any objections to the timeline?" in quoted
    assert "Both, I think" not in quoted
    assert signature == "Thanks,\nAhmed\nAhmed Ali\nITU-D Study Group 2 vice-chair"


def test_wrapped_attribution_line_goes_with_the_quote() -> None:
    text = (
        "On Wed, Apr 21, 2021 at 11:35:36AM -0700, James Bottomley\n"
        "wrote:\n"
        "> trivial patches\n\n"
        "I agree.\n"
    )
    new, quoted, _ = split_new_text(text)
    assert new == "I agree."
    assert quoted.startswith("On Wed, Apr 21, 2021 at 11:35:36AM -0700, James Bottomley\nwrote:")


def test_localised_attributions() -> None:
    cases = {
        "Le lun. 13 mai 2024 à 17:00, Marie Dupont <md@example.fr> a écrit :": "fr",
        "Am 13.05.2024 um 17:00 schrieb Hans Müller <hm@example.de>:": "de",
        "El lun, 13 may 2024 a las 17:00, Ana García (<ag@example.es>) escribió:": "es",
    }
    for attribution in cases:
        new, quoted, _ = split_new_text(f"{attribution}\n> Texte cité.\n\nRéponse.")
        assert new == "Réponse."
        assert quoted == f"{attribution}\n> Texte cité."


def test_dated_attribution_without_quote_marks_starts_a_top_posted_quote() -> None:
    # HTML mail converted to text loses the blockquote; the attribution still marks it.
    text = (
        "Fine with me.\n\n"
        "On Mon, 13 May 2024 at 17:00, TSB <tsbmail@itu.int> wrote:\n\n"
        "Dear colleagues, the meeting is moved to 21 May.\n"
    )
    new, quoted, _ = split_new_text(text)
    assert new == "Fine with me."
    assert quoted.endswith("the meeting is moved to 21 May.")


def test_elision_mark_between_attribution_and_quote() -> None:
    text = (
        "On Tue, Feb 18, 2025 at 04:58:27PM -0800, H. Peter Anvin wrote:\n"
        "[...]\n"
        "> David Howells did a patch set in 2018.\n\n"
        "That is great, but it does not give you memory safety.\n"
    )
    new, quoted, _ = split_new_text(text)
    assert new == "That is great, but it does not give you memory safety."
    assert quoted == (
        "On Tue, Feb 18, 2025 at 04:58:27PM -0800, H. Peter Anvin wrote:\n"
        "[...]\n"
        "> David Howells did a patch set in 2018."
    )


def test_attribution_whose_quote_was_deleted_is_not_a_quote_of_the_reply() -> None:
    text = (
        "On 10/2/22 22:08, Steven Rostedt wrote:\n\n"
        "Sometimes mailing lists are worth CC'ing.\n\n"
        "Best regards,\nArtem\n"
    )
    new, quoted, signature = split_new_text(text)
    assert new == "On 10/2/22 22:08, Steven Rostedt wrote:\n\nSometimes mailing lists are worth CC'ing."
    assert quoted == ""
    assert signature == "Best regards,\nArtem"


def test_dated_attribution_in_prose_above_a_quote_elsewhere_is_kept() -> None:
    text = (
        "> why remove it?\n\n"
        "Because clients show a blank message if the reply starts with:\n\n"
        "  On Wed, 25 Oct 2023 21:55:16 +0300\n"
        "  Jane Doe <jane.doe@example.com> wrote:\n\n"
        "and nothing else.\n"
    )
    new, quoted, _ = split_new_text(text)
    assert quoted == "> why remove it?"
    assert new.endswith("and nothing else.")


def test_supercite_quotes_and_pgp_signature() -> None:
    text = (
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\n"
        "On Mon, 26 Nov 2001 08:21:40 +0100 Martin Wiechert wrote:\n\n"
        "Martin> Are there any plans to wrap GSL for Numpy2?\n\n"
        "Not that I know of.\n\n"
        "-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1.0.6\n\niD8DBQE8\n"
        "-----END PGP SIGNATURE-----\n"
    )
    new, quoted, signature = split_new_text(text)
    assert new.endswith("Not that I know of.")
    assert quoted == (
        "On Mon, 26 Nov 2001 08:21:40 +0100 Martin Wiechert wrote:\n\n"
        "Martin> Are there any plans to wrap GSL for Numpy2?"
    )
    assert signature.startswith("-----BEGIN PGP SIGNATURE-----")


def test_forwarded_message_stays_new_text() -> None:
    text = (
        "FYI, the LS from SG17 below.\n\n"
        "---------- Forwarded message ---------\n"
        "From: TSB SG17 <tsbsg17@itu.int>\n"
        "Date: Mon, 3 Jun 2024 at 10:00\n"
        "Subject: LS on quantum key distribution\n"
        "To: ISCG <int-sect-team@lists.itu.int>\n\n"
        "ITU-T SG17 agreed to start work on QKD security.\n"
    )
    new, quoted, _ = split_new_text(text)
    assert quoted == ""
    assert new.startswith("FYI, the LS from SG17 below.")
    assert new.endswith("ITU-T SG17 agreed to start work on QKD security.")


def test_outlook_forward_keeps_the_first_header_block_when_told_it_is_a_forward() -> None:
    text = (
        "For information.\n\n"
        "From: ITU-R BR <brmail@itu.int>\n"
        "Sent: Monday, 13 May 2024 17:00\n"
        "To: TSB\n"
        "Subject: Liaison statement on spectrum for IMT-2030\n\n"
        "WP 5D invites ITU-T SG13 to comment.\n"
    )
    as_reply = split_new_text(text)
    as_forward = split_new_text(text, forwarded=True)
    assert as_reply[0] == "For information."
    assert as_forward[0].endswith("WP 5D invites ITU-T SG13 to comment.")
    assert as_forward[1] == ""


def test_legal_disclaimer_is_signature() -> None:
    text = (
        "We will present the contribution on Thursday.\n\n"
        "This message and any attachments are intended solely for the addressees and may\n"
        "contain confidential information. If you have received this message in error,\n"
        "please notify the sender and delete it.\n"
    )
    new, _, signature = split_new_text(text)
    assert new == "We will present the contribution on Thursday."
    assert signature.startswith("This message and any attachments are intended solely")


def test_corporate_confidentiality_notice_is_signature() -> None:
    # As appended by a 3GPP delegate's mail server (bigbang 3GPP archive).
    text = (
        "Best regards\nMilan\n\n"
        "**********************************************\n"
        "CONFIDENTIALITY MESSAGE\n"
        "This email message is confidential and is intended for the exclusive use\n"
        "of the addressee.\n"
    )
    text = "The draft is in the folder.\n\n" + text
    new, _, signature = split_new_text(text)
    assert new == "The draft is in the folder."
    assert signature.startswith("Best regards\nMilan")
    assert "CONFIDENTIALITY MESSAGE" in signature


def test_external_mail_banner_at_the_top_is_not_new_text() -> None:
    text = (
        "[EXTERNAL] This email originated from outside of the organization.\n\n"
        "Please find our comments attached.\n"
    )
    new, _, signature = split_new_text(text)
    assert new == "Please find our comments attached."
    assert signature.startswith("[EXTERNAL]")


def test_sent_from_device_line_is_signature() -> None:
    new, _, signature = split_new_text("OK for me.\n\nSent from my iPhone\n")
    assert (new, signature) == ("OK for me.", "Sent from my iPhone")


def test_thanks_alone_or_in_a_sentence_stays_new_text() -> None:
    assert split_new_text("Thanks!") == ("Thanks!", "", "")
    text = "Thanks,\nI think we should also consider the WTSA-24 outcome.\nBob"
    assert split_new_text(text) == (text, "", "")


def test_long_text_after_dash_dash_line_is_not_all_signature() -> None:
    document = "\n".join(f"Guideline {n}: submit contributions on time." for n in range(20))
    text = f"Here is our guide.\n\n-- \nMartin\n\n{document}\n"
    new, _, signature = split_new_text(text)
    assert signature == "Martin"
    assert "Guideline 19" in new
    # A bare "--" used as a separator above a long text is no signature at all.
    new, _, signature = split_new_text(f"Topics:\n\n--\n\n{document}\n")
    assert signature == ""
    assert "Guideline 0" in new


def test_plain_message_is_all_new_text() -> None:
    text = "Dear all,\n\nThe next ISCG meeting is on 5 June.\n\n  - item 1\n  - item 2"
    assert split_new_text(text) == (text, "", "")


def test_crlf_input() -> None:
    new, quoted, _ = split_new_text("Yes.\r\n\r\n> Agree?\r\n")
    assert (new, quoted) == ("Yes.", "> Agree?")


@pytest.mark.parametrize(
    "text",
    [
        "On 1 Jan 2024, A wrote:\ntext\n" * 5000 + "> q\n",
        "--\ntext\n" * 10000,
        "[...]\n" * 20000 + "> q",
        "a wrote:\n" * 20000,
        ("> q\n" + "\n" * 30) * 1000,
    ],
    ids=["attributions", "dashes", "elisions", "wrote-lines", "quote-gaps"],
)
def test_hostile_bodies_take_linear_time(text: str) -> None:
    started = time.process_time()
    split_new_text(text)
    assert time.process_time() - started < 3.0


def test_docstring_examples() -> None:
    assert doctest.testmod(quoting).failed == 0


@given(st.text())
def test_split_new_text_never_raises_on_any_text(text: str) -> None:
    new, quoted, signature = split_new_text(text)
    assert all(isinstance(part, str) for part in (new, quoted, signature))


@given(st.lists(st.sampled_from([
    "> quoted", "On Mon, 1 Jan 2024, A wrote:", "From: a", "Sent: b", "To: c", "Subject: d",
    "-- ", "--", "Best regards,", "Bob", "", "text", "-----Original Message-----",
    "---------- Forwarded message ---------", "This e-mail is confidential.",
]), max_size=30), st.booleans())
def test_split_new_text_loses_no_content_line(lines: list[str], forwarded: bool) -> None:
    text = "\n".join(lines)
    parts = split_new_text(text, forwarded=forwarded)
    kept = "\n".join(parts)
    for line in lines:
        if line.strip() and line.strip() not in ("--",):
            # A forward sent ">"-quoted keeps its lines, less one level of marks.
            assert line.strip() in kept or line.lstrip(" >") in kept


def test_a_first_name_above_the_full_signature_is_a_sign_off() -> None:
    # Many sign with their first name and no "Best regards": the block below, starting
    # with the same name, is the signature (its department name is no topic of the mail).
    text = ("The survey is anonymous.\n\nMaria\n\nMaria Rossi\nStrategic Planning Division\n"
            "Example Ministry\nTel: +39 06 0000 0000\n")
    new, _, signature = split_new_text(text)
    assert new == "The survey is anonymous."
    assert signature.startswith("Maria\n\nMaria Rossi\nStrategic Planning")
    # With a title before the name, and a separator after it.
    new, _, _ = split_new_text("Noted.\n\nOmar\n\nDr. Omar Said | Director, Policy\nExample Univ.\n")
    assert new == "Noted."
    # Minimal pair: a sentence that starts with the name is the message, not a signature.
    new, _, signature = split_new_text("Plain text.\n\nPierre\n\nPierre will send it.\n")
    assert (new, signature) == ("Plain text.\n\nPierre\n\nPierre will send it.", "")


def test_a_phone_line_with_many_numbers_is_still_part_of_the_signature() -> None:
    text = ("Please comment by Friday.\n\nBest regards,\nAnna\n\nAnna Berg\nChair, Example Group\n"
            "Tel: +47 22 82 46 00 | Mob: +47 915 33 210\n")
    new, _, signature = split_new_text(text)
    assert new == "Please comment by Friday."
    assert signature.endswith("Mob: +47 915 33 210")


def test_a_sign_off_in_two_languages_is_a_sign_off() -> None:
    text = ("We will present the tool.\n\nMit freundlichen Grüßen / Best regards\nKarl Meier\n"
            "Example Regulator, Germany\n")
    new, _, signature = split_new_text(text)
    assert new == "We will present the tool."
    assert signature.startswith("Mit freundlichen Grüßen / Best regards")
