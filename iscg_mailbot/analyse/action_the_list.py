"""Items the list as a whole owes (the ISCG): what the members are invited to note or
to do, and what a note to the list points to.

:func:`noted_by_the_list` gives such items, owned by nobody named, to the ISCG, in mail to
the list only (mail to one person stays that person's)::

    >>> from datetime import datetime
    >>> from iscg_mailbot.records import ActionCandidate, ActionInput, Address
    >>> item = ActionCandidate(kind="action", sentence="All members are invited to send "
    ...     "comments by 14 May.", span=(0, 51), owner=None, owner_kind=None, due=None,
    ...     due_text=None, confidence=0.9, rule="invited_to")
    >>> message = ActionInput(item.sentence, datetime(2027, 5, 3), to=(Address("",
    ...     "iscg@lists.itu.int"),), list_address="iscg@lists.itu.int")
    >>> [c.owner for c in noted_by_the_list([item], message)]
    ['ISCG']
"""

from __future__ import annotations

import re
from dataclasses import replace

from iscg_mailbot.analyse.action_silence import SILENCE
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import ACTION, NOTE

# What a note points its reader to: something sent with the message.
_SENT_WITH = re.compile(r"\b(?:attach\w*|enclos\w*|below|herewith|forward\w*|copied)\b",
                        re.IGNORECASE)
_BY_NOTE_RULE = ("please_note", "for_information")


def noted_by_the_list(candidates: list[ActionCandidate],
                      message: ActionInput) -> list[ActionCandidate]:
    """A note that names nobody but points to what the message brings ("I attach the
    checklist for your information"), in mail to the list, is the group's to note (ISCG).
    So is a note to the members as a whole ("Members are invited to note the updated
    tracker", "All are invited to note that ..."), and so is what the members as a whole
    are invited to do ("All members are invited to send comments to me by 14 May",
    "Members who wish to add an item are invited to tell me by 2 June"). A fact told to
    nobody in particular ("Please note that the meeting is in room H2") stays a note of
    nobody's, and so does what a reply brings "for information" ("The draft reply is
    attached for your information", "The compiled inventory is attached for
    information"): the thread's work delivered, which nobody labels a note to take
    (`w10`-024, `w15`-032), not a document put before the list."""
    if not _to_list(message):
        return candidates
    # The list's convention for a request to everyone (config/actions.yaml
    # requests_to_all): the group's when the members are invited to it; never under
    # "nobody" (a note to the members stays the group's to note); under "ISCG" (the
    # default), also every other request to the list left with no owner (to_the_list).
    return [_as_the_lists(c, message) for c in candidates]


def _as_the_lists(candidate: ActionCandidate, message: ActionInput) -> ActionCandidate:
    """One candidate of mail to the list, owned as :func:`noted_by_the_list` says."""
    c, to_all = candidate, message.conventions.requests_to_all
    greeted = _greeted_only(c)
    members = c.rule in _INVITED and _THE_MEMBERS.match(c.sentence) is not None
    sent_note = (c.kind == NOTE and c.rule in _BY_NOTE_RULE and not c.owner
                 and _SENT_WITH.search(c.sentence) is not None
                 and message.parent_sender is None)
    if (not c.owner or greeted) and (
            sent_note or (members and (c.kind == NOTE or to_all != "nobody"))):
        return replace(c, owner="ISCG", owner_kind="group")
    # Under "nobody", the members read as the one greeted are nobody's either.
    if to_all == "nobody" and c.kind == ACTION and greeted and members:
        return replace(c, owner=None, owner_kind=None)
    return c


def to_the_list(candidates: list[ActionCandidate],
                message: ActionInput) -> list[ActionCandidate]:
    """Under the list's convention ``requests_to_all: ISCG``, the requests in mail to the
    list that every other reading left with no owner ("Colleagues, please send your
    comments by 14 May", "Could you all let me know ...") are the group's; run last, so
    that no owner found otherwise (a Bureau, a person greeted) is overruled. Requests to
    some of the readers ("anyone who needs a visa letter") stay nobody's."""
    if message.conventions.requests_to_all != "ISCG" or not _to_list(message):
        return candidates
    # A silence ("unless somebody objects by Friday") is put to every reader, though it
    # names "somebody" (action_silence).
    return [replace(c, owner="ISCG", owner_kind="group")
            if not c.owner and c.kind == ACTION and (
                c.rule == SILENCE or not _SOME.search(c.sentence)) else c
            for c in candidates]


def _to_list(message: ActionInput) -> bool:
    return message.list_address is not None and any(
        a.address.lower() == message.list_address.lower() for a in message.to)


# "Anyone who needs a visa letter", "those coming in person", "if you bring an expert":
# some of the readers, not all of them.
_SOME = re.compile(r"\b(?:any(?:one|body)|some(?:one|body)|those|whoever|if\s+you)\b",
                   re.IGNORECASE)


def _greeted_only(candidate: ActionCandidate) -> bool:
    """Whether the item's owner is a member the sentence does not name: the one the
    mail greets ("Dear Lucia, dear colleagues, ... Members are kindly invited to send
    comments", `w19`-034), whom "members" was read to mean."""
    owner = candidate.owner or ""
    return (candidate.owner_kind == "member" and bool(owner) and "," not in owner
            and owner.split()[0] not in candidate.sentence)


# The rules of an invitation in the passive ("... are invited to note / to send ...").
_INVITED = ("invited_to_note", "invited_to")


# "Members are invited to note ...", "All are invited to note that ...", "Members who
# wish to propose an item are invited to ...": the readers of the list as a whole, named
# by no body (a body's members, "TDAG members are invited", are the body's); "Members of
# the Group are invited to note ..." names the list's own group.
_THE_MEMBERS = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?(?:(?:all|the)\s+)?(?:members|all|everyone|"
                          r"everybody|colleagues)(?:\s+of\s+(?:the|this)\s+(?:group|list|ISCG))?"
                          r"(?:\s+(?:who|that|wishing|willing|interested)\b"
                          r"[^.;:?]{0,80}?)?\s+(?:are|is)\b", re.IGNORECASE)
