"""A forwarded message sent ">"-quoted (Apple Mail's plain-text forward, inline
forwards) is new to the list: its liaison statement is read; a reply's quote of the
same forward, and a quote inside the forwarded message, are not."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.parse.quoting import split_new_text
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))

APPLE = """For those who missed it.

Begin forwarded message:

> From: BR WP1B <brwp1b@itu.int>
> Subject: LS on spectrum monitoring handbook
> Date: 28 September 2026 at 11:02:00 CEST
> To: tdag@lists.itu.int
>
> Source: ITU-R WP 1B
> For action to: TDAG
>
> TDAG is invited to comment on the revised handbook chapter.
>
> > Older text: ITU-D SG1 is invited to send its survey results.
>
> Deadline: 8 January 2027
"""

GMAIL_HEADER_THEN_QUOTED = """FYI - this one is for TDAG.

---------- Forwarded message ---------
From: TSB SG11 <tsbsg11@itu.int>
Date: Mon, 28 Sep 2026 at 11:02
Subject: LS on counterfeit devices
To: <tdag@lists.itu.int>

> Source: ITU-T SG11
> For action to: TDAG
>
> Action required: TDAG is invited to share information on national
> registers of device identifiers.
>
> Deadline: 15 December 2026
"""

REPLY_TO_FORWARD = """Thanks, noted.

On 5 Oct 2026, at 09:12, Fatou Diop <fatou.diop@itu.int> wrote:

> For those who missed it.
>
> Begin forwarded message:
>
> > From: BR WP1B <brwp1b@itu.int>
> > Subject: LS on spectrum monitoring handbook
> >
> > TDAG is invited to comment on the revised handbook chapter.
"""


def _items(body: str, subject: str) -> list[tuple[str, str | None, str]]:
    new_text = split_new_text(body, forwarded=subject.lower().startswith("fwd"))[0]
    found = extract_actions(ActionInput(new_text=new_text, date=SENT, subject=subject,
                                        forwarded=True))
    return [(item.kind, item.owner, str(item.due)) for item in found]


def test_apple_mail_quoted_forward_is_new_text() -> None:
    new, quoted, _ = split_new_text(APPLE)
    assert "TDAG is invited to comment on the revised handbook chapter." in new
    assert "Deadline: 8 January 2027" in new
    # The reply quoted inside the forwarded message stays a quote.
    assert "ITU-D SG1 is invited" in quoted and "ITU-D SG1" not in new
    assert _items(APPLE, "Fwd: LS on spectrum monitoring") == [("action", "TDAG", "2027-01-08")]


def test_quoted_statement_below_an_unquoted_forward_header_is_read() -> None:
    assert _items(GMAIL_HEADER_THEN_QUOTED, "Fwd: LS on counterfeit devices") == [
        ("action", "TDAG", "2026-12-15")]


def test_a_reply_quoting_the_forward_reads_none_of_it() -> None:
    new, quoted, _ = split_new_text(REPLY_TO_FORWARD)
    assert new == "Thanks, noted."
    assert "TDAG is invited" in quoted


def test_apple_mail_marker_in_german_opens_a_quoted_forward() -> None:
    body = APPLE.replace("Begin forwarded message:", "Anfang der weitergeleiteten Nachricht:")
    new, _, _ = split_new_text(body)
    assert "TDAG is invited to comment on the revised handbook chapter." in new
    assert _items(body, "WG: LS on spectrum monitoring") == [("action", "TDAG", "2027-01-08")]


def test_a_forwarded_reply_opening_with_a_quote_keeps_its_quote() -> None:
    body = GMAIL_HEADER_THEN_QUOTED + "\nWe will ask our experts and come back to you.\n"
    new, quoted, _ = split_new_text(body, forwarded=True)
    assert "We will ask our experts" in new
    assert "TDAG is invited to share information" in quoted
