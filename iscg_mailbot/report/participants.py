"""Who wrote in a thread: the participant filter of every thread list (``threads list``,
with or without ``--open``/``--stalled``), and the LIKE pattern the lists' substring
filters share (over the Core table ``messages``: no ORM)."""

from __future__ import annotations

from typing import TypeAlias

from sqlalchemy import ColumnElement, Select, func, or_, select

from iscg_mailbot.store.tables import messages

#: What the participant filter looks for: a member's addresses (main and aliases, lower
#: case, each matched whole), or a text (an address matched whole, else part of a name
#: or address). The services turn a member's name or address into the first
#: (``services/participants.py``).
Participant: TypeAlias = str | frozenset[str]


def like_pattern(value: str) -> str:
    """``value`` as a case-folded ``LIKE`` pattern matching it anywhere (escape ``\\``).

    >>> like_pattern("50%_a")
    '%50\\\\%\\\\_a%'
    """
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def participant_threads(participant: Participant) -> Select[int | None]:
    """Threads in which ``participant`` (a member's addresses, an address, or part of a
    name or address) wrote.

    Addresses use the index on ``messages.sender_address``; part of a name reads every
    message (~100 ms at 100,000 messages), so the services pass a member's addresses
    whenever the text names a member.
    """
    message = messages.c
    condition: ColumnElement[bool]
    if isinstance(participant, frozenset):
        condition = message.sender_address.in_(sorted(participant))
    elif "@" in (wanted := participant.strip()) and " " not in wanted:
        condition = message.sender_address == wanted.lower()
    else:
        pattern = like_pattern(wanted)
        condition = or_(func.lower(message.sender_name).like(pattern, escape="\\"),
                        message.sender_address.like(pattern, escape="\\"))
    return select(message.thread_id).where(condition, message.thread_id.is_not(None)).distinct()
