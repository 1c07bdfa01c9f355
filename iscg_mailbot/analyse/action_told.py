"""A reply that tells someone by name what a third party will do: no new item.

"Pierre, TSB will provide the trainer, name to follow.", "Priya, Rajesh will give the
briefing remotely on 19 May.", "María, the TSB figures will be sent by our focal point
early next week.", "Yes Yuki, the forum is hybrid; the regional office will publish the
link.", "Klaus - yes, the SG17 chair will give a tutorial ...": the sender answers the
member they greet with news of who will do what (an acceptance, a relay, a schedule).
The seventh, ninth and tenth writers' dev parts and the second's leave every such
sentence unlabelled (w2-005, w7-017, w7-029, w9-017, w9-023, w10-016, w10-026). The
sentence's greeted member was also read as an owner ("[Pierre Lefebvre, TSB]").

Only a third party's future read by the ``entity_will`` or ``will_be_done`` rules, in a
reply, after a member greeted by name who is not the sender: the sender's own promise
("Sofia, I will ask the collaboration ...", "Thanks Elena - we will propose a session")
and a question ("Grace, Brazil will send too, is it ok?") stay items.

    >>> told("Pierre, TSB will provide the trainer.", "Ahmed El-Sayed", None)
    False
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.members import MembersConfig

# The rules that read a third party's future ("TSB will provide", "will be sent by").
_THIRD_PARTY_RULES = frozenset({"entity_will", "will_be_done"})
# A greeting by name at the sentence's start: "Pierre,", "Yes Yuki,", "Klaus - yes,".
_GREETED = re.compile(
    r"^\W*(?:(?i:yes|hi|hello|dear|thanks|thank\s+you|hola|ok(?:ay)?|sure)\s*,?\s+)?"
    r"(?P<name>[A-Z][^\W\d_]+(?:[-'][A-Z][^\W\d_]+)?)\s*(?:,|:|\s[-\u2013]\s)")
# The sender speaking for themselves after the greeting: their own promise.
_OWN = re.compile(r"\b(?:I|we)\b|\b(?:I|we)['\u2019](?:ll|m|ve)\b|\blet\s+(?:me|us)\b",
                  re.IGNORECASE)


def told(sentence: str, sender_name: str | None, members: MembersConfig | None) -> bool:
    """Whether the sentence opens by greeting a member (not the sender) and then tells
    them something in the third person (no "I", "we", no question)."""
    if members is None or sentence.rstrip().endswith("?"):
        return False
    greeted = _GREETED.match(sentence)
    if greeted is None:
        return False
    named = [m for m in find_mentions(greeted.group("name"), members) if m.kind == "member"]
    if not named or any(m.owner == sender_name for m in named):
        return False
    return not _OWN.search(sentence, greeted.end())


def drop_told(candidates: list[ActionCandidate], message: ActionInput,
              members: MembersConfig | None) -> list[ActionCandidate]:
    """A reply's items that tell a greeted member what a third party will do are
    dropped (see the module's note)."""
    if message.parent_sender is None or not any(
            c.rule in _THIRD_PARTY_RULES for c in candidates):
        return candidates
    sender = message.sender
    sender_name = None
    if sender is not None and members is not None:
        own = [m for m in find_mentions(sender.address, members) if m.kind == "member"]
        sender_name = own[0].owner if own else sender.name
    return [c for c in candidates if not (
        c.rule in _THIRD_PARTY_RULES and told(c.sentence, sender_name, members))]


__all__ = ["drop_told", "told"]
