"""Forwarded mail in a message that replies to nothing on the list.

The parse stage splits a body by its subject: under "Fwd:" the first header block
introduces forwarded content, otherwise it starts a quote. A message that answers no
message (no In-Reply-To, no References) quotes nothing the list has seen, so whatever
it holds below a header block is new to the list ("LS from WP 5D", a liaison statement
pasted below the sender's own header, a forward whose subject says "Re:"): its text
is read again as a forward by topic tagging and action extraction. Given the message's
subject, action extraction also reads a reply's quote as a forward when it is another
message the answer points at ("the LS below", :mod:`iscg_mailbot.parse.forwarded_replies`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from iscg_mailbot.parse.forwarded_replies import forwards_in_reply
from iscg_mailbot.parse.quoting import split_new_text


def replies_to_nothing(in_reply_to: str | None, references: Sequence[Any] | None) -> bool:
    """Whether a message names no parent (the first of its thread, or a forward)."""
    return not in_reply_to and not references


def text_to_read(new_text: str, quoted_text: str, body_text: str,
                 in_reply_to: str | None, references: Sequence[Any] | None,
                 subject: str | None = None) -> tuple[str, bool]:
    """The text analysis reads, and whether it holds forwarded mail. With ``subject``
    (the message's), a reply forwarding another message below its answer holds it too.

    >>> text_to_read("FYI", "From: A <a@b.org>\\nSent: 5 Oct 2026 10:15\\nTo: c@d.org\\n\\nHi",
    ...              "FYI\\n\\nFrom: A <a@b.org>\\nSent: 5 Oct 2026 10:15\\nTo: c@d.org\\n\\nHi",
    ...              None, [])[1]
    True
    """
    if not quoted_text or not (replies_to_nothing(in_reply_to, references) or (
            subject is not None and forwards_in_reply(new_text, quoted_text, subject))):
        return new_text, False
    forwarded = split_new_text(body_text, forwarded=True)[0]
    if len(forwarded) <= len(new_text):
        return new_text, False
    return forwarded, True
