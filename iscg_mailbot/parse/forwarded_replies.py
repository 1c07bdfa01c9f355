"""Mail forwarded inside a reply: content new to the list below the answer, not a quote.

A reply may answer its parent and pass on, below the answer, a message the list never
saw: "SG13 sent the LS below to WP 5D and ITU-D SG1. Forwarding it in full", "Text
below for convenience." above "-----Original Message----- / From: TSB SG3 / Subject:
LS on termination rates". The quoting split reads that header block as the start of a
top-posted quote of the parent. :func:`forwards_in_reply` tells the forward apart; both
must hold:

- the header block the quote opens with names another message's subject: not a reply's
  ("RE: ..."), and not the reply's own (nor a part of it: a subject wrapped onto a
  second line, or cut, is the start of the reply's);
- the answer points at it ("below", "forwarding it", "for convenience").

A top-posted quote of the parent keeps its reading: its subject is the thread's.
"""

from __future__ import annotations

import re

from iscg_mailbot.parse.quote_headers import block_end
from iscg_mailbot.parse.quote_lines import (
    OUTLOOK_FROM,
    OUTLOOK_SUBJECT,
    RULE_LINE,
    is_forward_marker,
    is_original_message,
)
from iscg_mailbot.parse.subjects import is_reply_subject, normalise_subject
from iscg_mailbot.text import folded

# The answer's pointer at what follows it, in the languages the list writes in. A bare
# "forward" only when somebody does it ("I forward the LS", "we hereby forward"): "looking
# forward to", "the way forward", "put forward" point at nothing.
_POINTS_BELOW = re.compile(
    r"\b(?:below|forward(?:ed|ing)|(?:I|we)\s+(?:hereby\s+|herewith\s+)?forward|"
    r"for\s+(?:your\s+)?convenience|ci-dessous|"
    r"transf[eè]re|a\s+continuaci[oó]n|abajo|reenv[ií]o|unten|weitergeleitet)\b",
    re.IGNORECASE,
)
# Every match of it holds one of these, in the text as the pattern reads it (folded): a
# reply holding none (almost every reply) is not searched. The search, tried at every
# character, cost ~50 us a reply; the words ~6.
_POINTS_BELOW_WORDS = ("below", "forward", "convenience", "ci-dessous", "transf", "continuaci",
                       "abajo", "reenv", "unten", "weitergeleitet")
# A subject line cut short by the client: "... and the women in [...]".
_CUT_MARK = re.compile(r"\s*(?:\[\s*\.{3}\s*\]|\.{3}|\u2026)\s*$")


def quoted_subject(quoted_text: str) -> str | None:
    """The subject field of the mail header block ``quoted_text`` opens with, if any.

    >>> quoted_subject("-----Original Message-----\\nFrom: TSB SG3\\n"
    ...                "Sent: Thursday, April 29, 2027 10:05 AM\\nSubject: LS on rates\\n\\nHi")
    'LS on rates'
    >>> quoted_subject("On Mon, Ann wrote:\\n> Subject: LS on rates") is None
    True
    """
    lines = quoted_text.split("\n")
    index = 0
    while index < len(lines) and (not lines[index].strip() or RULE_LINE.match(lines[index])
                                  or is_original_message(lines[index])
                                  or is_forward_marker(lines[index])):
        index += 1
    if index == len(lines) or not OUTLOOK_FROM.match(lines[index]):
        return None
    for line in lines[index + 1:block_end(lines, index)]:
        found = OUTLOOK_SUBJECT.match(line)
        if found:
            return found.group("value").strip()
    return None


def _points_below(new_text: str) -> bool:
    """Whether an answer points at what follows it ("the LS below", "forwarding it")."""
    lowered = folded(new_text)
    return any(word in lowered for word in _POINTS_BELOW_WORDS) \
        and _POINTS_BELOW.search(new_text) is not None


def forwards_in_reply(new_text: str, quoted_text: str, subject: str | None) -> bool:
    """Whether a reply's quote is mail it forwards (module docstring), ``subject`` being
    the reply's own.

    >>> quote = ("-----Original Message-----\\nFrom: TSB SG3 <tsbsg3@itu.int>\\n"
    ...          "Sent: Thursday, April 29, 2027 10:05 AM\\nTo: BDT <bdt@itu.int>\\n"
    ...          "Subject: LS on termination rates\\n\\nAction required: ...")
    >>> forwards_in_reply("Received. Text below for convenience.", quote,
    ...                   "Re: SG3 liaison - has it reached BDT?")
    True
    >>> forwards_in_reply("Received, thanks.", quote, "Re: SG3 liaison - has it reached BDT?")
    False
    >>> forwards_in_reply("See below.", quote, "RE: LS on termination rates")
    False
    >>> forwards_in_reply("See below.", quote, None), forwards_in_reply("See below.", quote, "Re:")
    (True, True)
    """
    if not _points_below(new_text):
        return False
    quoted = quoted_subject(quoted_text)
    if not quoted or is_reply_subject(quoted):
        return False
    theirs = normalise_subject(_CUT_MARK.sub("", quoted))
    own = normalise_subject(subject)
    if not own:
        # No subject of its own (none, blank, a bare "Re:"): the quote's names another
        # message (the empty subject is the start of any, which read every such
        # reply's forward as its own thread's quote).
        return bool(theirs)
    return bool(theirs) and not (own.startswith(theirs) or theirs.startswith(own))
