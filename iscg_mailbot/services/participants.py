"""The participant filter of the thread lists, as the services read it: a text naming a
member stands for all of the member's addresses.

``threads list --participant``, with or without ``--open``/``--stalled``, and the
website's lists take a name or an address. Each list once read it its own way: the plain
list matched any part of a name or address, the chair's lists an address whole and a
member's name as the main address only (a message from an alias was missed). One rule
now (``report/participants.participant_threads``):

- a member's name, a part of it that names one member only ("Brenner"), or any of a
  member's addresses: the threads in which the member wrote from any of their addresses
  (found by the index on the sender's address);
- another address: that address, whole;
- any other text: the threads a sender whose name or address contains it wrote in
  (every message read: ~100 ms at 100,000 messages).
"""

from __future__ import annotations

import unicodedata

from iscg_mailbot.report.participants import Participant
from iscg_mailbot.services.app import App


def participant_filter(app: App, participant: str | None) -> Participant | None:
    """The filter for ``participant`` (None: none): a member's addresses where it names
    a member, else the text itself."""
    if participant is None or not participant.strip():
        return None
    wanted = participant.strip()
    members = app.config.members()
    if "@" in wanted and " " not in wanted:
        member = members.by_address(wanted)
    else:
        member = members.by_name(wanted)
        if member is None:
            folded = _folded(wanted)
            found = [m for m in members.members if folded in _folded(m.name)]
            member = found[0] if len(found) == 1 else None
    if member is None:
        return wanted
    return frozenset(address.lower() for address in member.addresses)


def _folded(text: str) -> str:
    """``text`` without case, accents or repeated spaces ("Ramírez" finds "ramirez")."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
