"""A reply without a subject of its own forwarding mail below its answer (issue 13,
hostile).

`forwards_in_reply` compares the quote's subject with the reply's: the quote is another
message's when neither subject starts the other. The empty subject starts any, so a
reply with no subject (none, blank, a bare "Re:") never forwarded: "Text below for
convenience." above another message's header block was read as its own thread's quote.
"""

from __future__ import annotations

import pytest

from iscg_mailbot.parse.forwarded_replies import forwards_in_reply
from iscg_mailbot.services.forwards import text_to_read

QUOTE = ("-----Original Message-----\nFrom: TSB SG3 <tsbsg3@itu.int>\n"
         "Sent: Thursday, April 29, 2027 10:05 AM\nTo: BDT <bdt@itu.int>\n"
         "Subject: LS on termination rates\n\nAction required: please reply by 5 May.")
NO_SUBJECT_QUOTE = ("-----Original Message-----\nFrom: TSB SG3 <tsbsg3@itu.int>\n"
                    "Sent: Thursday, April 29, 2027 10:05 AM\nTo: BDT <bdt@itu.int>\n\nHi")


@pytest.mark.parametrize("subject", ["", "   ", "Re:", "RE: ", "Fwd:", "[iscg] Re:"])
def test_a_reply_without_a_subject_forwards_what_it_points_at(subject: str) -> None:
    assert forwards_in_reply("Text below for convenience.", QUOTE, subject)
    assert not forwards_in_reply("Received, thanks.", QUOTE, subject)


@pytest.mark.parametrize("subject", [None, "", "Re:"])
@pytest.mark.parametrize("quote", ["", "\n\n", "> x", NO_SUBJECT_QUOTE,
                                   "-----Original Message-----\nFrom:\nSubject:\n\n"])
def test_no_subject_anywhere_is_no_forward_and_no_error(subject: str | None, quote: str) -> None:
    assert not forwards_in_reply("See below.", quote, subject)


def test_a_reply_under_its_threads_subject_still_quotes() -> None:
    assert not forwards_in_reply("See below.", QUOTE, "RE: LS on termination rates")
    assert not forwards_in_reply("See below.", QUOTE, "Re: LS on termination")  # cut


def test_the_forward_is_read_for_a_reply_without_a_subject() -> None:
    new = "Text below for convenience."
    body = f"{new}\n\n{QUOTE}"
    read, forwarded = text_to_read(new, QUOTE, body, "<parent@itu.int>", [], subject="")
    assert forwarded and "please reply by 5 May" in read
    assert text_to_read(new, QUOTE, body, "<parent@itu.int>", [], subject=None) == (new, False)
