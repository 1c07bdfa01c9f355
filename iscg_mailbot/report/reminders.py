"""What a reminder says and to whom: pure functions over items, members and dates.

* :func:`step_due` - which reminder step ("7 days before") is due today for an item;
* :func:`owners_to_remind` - the members behind an item's owner: the member named, or the
  secretariat staff whose ``organisation`` is the owning unit (BR, TSB, BDT, General
  Secretariat);
* :func:`reminder_mail` / :func:`overdue_mail` - subject and plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from iscg_mailbot.settings.members import Member, MembersConfig, Role

# Owners written in the traffic for the secretariat's units, and the organisation
# members.yaml gives their staff.
_UNITS = {
    "br": "BR", "radiocommunication bureau": "BR",
    "tsb": "TSB", "telecommunication standardization bureau": "TSB",
    "bdt": "BDT", "telecommunication development bureau": "BDT",
    "general secretariat": "General Secretariat", "gs": "General Secretariat",
    "sg": "General Secretariat",
}
_GROUPS = {"rag": "RAG", "tsag": "TSAG", "tdag": "TDAG"}
# Joint owners as extraction writes them ("BR, BDT", "A, B +1").
_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\+\d+)\s*")


@dataclass(frozen=True)
class Mail:
    """A short notice: subject and plain text."""

    subject: str
    text: str


def step_due(due: date, today: date, steps: Sequence[int]) -> int | None:
    """The reminder step due today: the smallest N with ``due - N <= today < due``.

    Only the most urgent step is sent: an item found 3 days before its day gets the
    "1 day" reminder later, never a late "7 days" one.

    >>> step_due(date(2026, 9, 15), date(2026, 9, 8), (7, 1))
    7
    >>> step_due(date(2026, 9, 15), date(2026, 9, 14), (7, 1)), step_due(date(2026, 9, 15), date(2026, 9, 15), (7, 1))
    (1, None)
    """
    if today >= due:
        return None
    reached = [n for n in steps if (due - today).days <= n]
    return min(reached) if reached else None


def owners_to_remind(owner: str | None, owner_kind: str | None, members: MembersConfig,
                     *, reminded_only: bool = True) -> list[Member]:
    """The members behind an item owned by ``owner``: those with reminders on, or all of
    them (``reminded_only=False``, for a member's calendar).

    Each name of a joint owner ("BR, BDT", "Klaus Brenner, Hiroshi Takemura") counts: a
    member by name; a Bureau or the General Secretariat by the ``organisation`` of its
    secretariat staff; an advisory group (RAG, TSAG, TDAG) by the members speaking for it.
    """
    if not owner:
        return []
    found: list[Member] = []
    for name in _SPLIT.split(owner):
        key = " ".join(name.split()).casefold()
        if not key:
            continue
        member = members.by_name(name)
        if member is not None:
            found.append(member)
        elif key in _UNITS:
            found.extend(m for m in members.members
                         if m.role is Role.SECRETARIAT and m.organisation.strip() == _UNITS[key])
        elif key in _GROUPS:
            found.extend(m for m in members.members if m.group == _GROUPS[key])
    unique = list({m.address: m for m in found}.values())
    return [m for m in unique if m.reminders or not reminded_only]


def _days(count: int) -> str:
    return "tomorrow" if count == 1 else f"in {count} days"


def reminder_mail(*, item_id: int, sentence: str, thread_subject: str, due: date,
                  step: int, owner: str, meeting: str | None, list_name: str) -> Mail:
    """The owner's reminder: what, by when, where it was asked, how to close it."""
    why = f" (from the meeting {meeting})" if meeting else ""
    text = (
        f"Reminder: an item for {owner} on the {list_name} list is due {_days(step)}, "
        f"on {due:%A} {due.day} {due:%B %Y}{why}.\n\n"
        f"  {' '.join(sentence.split())}\n\n"
        f"Thread: {' '.join(thread_subject.split()) or '(no subject)'}\n"
        f"Item: #{item_id}\n\n"
        "A reply in the thread saying it is done closes the item; the secretariat can also "
        f"close it with: iscg-mailbot actions close {item_id}\n"
        "You receive this because members.yaml lists you as the owner or in the owning "
        "unit; ask the secretariat to set 'reminders: off' to stop these.\n"
    )
    subject = f"Reminder: due {due.isoformat()} - {' '.join(sentence.split())[:80]}"
    return Mail(subject, text)


@dataclass(frozen=True)
class OverdueLine:
    """One newly overdue item in the chair's weekly list."""

    item_id: int
    due: date
    owner: str | None
    sentence: str
    thread_subject: str


def overdue_mail(week: str, lines: Sequence[OverdueLine], list_name: str) -> Mail:
    """The chair's weekly list of items that fell overdue since the last list."""
    body = [(f"Items on the {list_name} list that became overdue in the week before {week} "
            f"and are still open ({len(lines)}):"), ""]
    for line in lines:
        body.append(f"- #{line.item_id} due {line.due.isoformat()}, "
                    f"{line.owner or 'owner unknown'}: {' '.join(line.sentence.split())}")
        body.append(f"  Thread: {' '.join(line.thread_subject.split()) or '(no subject)'}")
    body += ["", "All overdue items: iscg-mailbot actions list --overdue"]
    count = len(lines)
    return Mail(f"Newly overdue: {count} item{'s' if count != 1 else ''} ({week})",
                "\n".join(body) + "\n")
