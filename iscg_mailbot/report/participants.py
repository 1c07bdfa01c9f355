"""Who wrote in a thread: the participant filter of the chair's lists, and the LIKE
pattern the lists' substring filters share (over the Core table ``messages``: no ORM)."""

from __future__ import annotations

from sqlalchemy import Select, func, or_, select

from iscg_mailbot.store.tables import messages


def like_pattern(value: str) -> str:
    """``value`` as a case-folded ``LIKE`` pattern matching it anywhere (escape ``\\``).

    >>> like_pattern("50%_a")
    '%50\\\\%\\\\_a%'
    """
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def participant_threads(participant: str) -> Select[int | None]:
    """Threads in which ``participant`` (an address, or part of a name or address) wrote.

    An address uses the index on ``messages.sender_address``; part of a name reads every
    message (~100 ms at 100,000 messages), so the service passes a member's address
    whenever the name is a member's.
    """
    wanted = participant.strip()
    message = messages.c
    if "@" in wanted and " " not in wanted:
        condition = message.sender_address == wanted.lower()
    else:
        pattern = like_pattern(wanted)
        condition = or_(func.lower(message.sender_name).like(pattern, escape="\\"),
                        message.sender_address.like(pattern, escape="\\"))
    return select(message.thread_id).where(condition, message.thread_id.is_not(None)).distinct()
