"""Which open questions a reply answers, and for whom (the closure scan's questions,
:mod:`~iscg_mailbot.services.actions.closures`)."""

from __future__ import annotations

from collections.abc import Sequence

from iscg_mailbot.analyse.actions import answers_question
from iscg_mailbot.analyse.closure_greetings import TITLES, addressees
from iscg_mailbot.analyse.closure_items import question_owners
from iscg_mailbot.records import QUESTION, Address
from iscg_mailbot.services.actions.context import Context
from iscg_mailbot.store.analysis_rows import ItemRow, MessageRow


def close_questions(items: Sequence[ItemRow], reply: MessageRow, senders: dict[int, Address],
                     context: Context, calls: frozenset[int]
                     ) -> list[tuple[ItemRow, tuple[str, ...]]]:
    """A question is answered by a later message from somebody else in its thread that
    says something (not only thanks, acceptance, another question or "I will come back
    to you"), unless the reply greets somebody else than the one who asked ("Dear
    Ahmed" answers Ahmed, not Klaus's question). Of a question asked of several owners,
    the reply answers the shares of those it speaks for (:func:`question_owners`).
    ``calls``: the ids of the questions put to everyone that call for a round
    (:func:`~iscg_mailbot.analyse.closure_rounds.is_call`), found once a scan."""
    theirs = [item for item in items
              if item.kind == QUESTION and item.message_pk in senders
              and senders[item.message_pk].address != (reply.sender_address or "")
              # (a call to everyone: one member's answer is not the round's end)
              and item.id not in calls]
    if not theirs:  # (most replies: whom the reply greets is not read)
        return []
    greeted = addressees(reply.new_text or "")
    asked = [item for item in theirs
             if not greeted or not greeted.isdisjoint(_names(senders[item.message_pk]))]
    sender = Address(reply.sender_name or "", reply.sender_address or "")
    found = []
    for item in asked:
        if not answers_question(reply.new_text or "", item.sentence, owner=item.owner,
                                sender=sender, members=context.members,
                                others=[i.sentence for i in items if i is not item]):
            continue
        shares = question_owners(reply.new_text or "", item.owner, sender=sender,
                                 members=context.members, question=item.sentence)
        if shares is not None:
            found.append((item, shares))
    return found


def _names(sender: Address) -> set[str]:
    """The words a greeting may use for a sender: those of the display name (or of the
    address) without titles, so "Dr. Seo-yeon Park" is greeted "Dear Seo-yeon" or "Dear
    Dr Park", and "Zhang Wei" "Dear Zhang Wei"."""
    name = sender.name or sender.address.split("@")[0].replace(".", " ")
    words = {word.strip(".,").casefold() for word in name.split()}
    return words - TITLES - {""}
