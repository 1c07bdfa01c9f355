"""The list's conventions: how its secretariat reads what careful readers split on
(``config/actions.yaml``; docs/secretariat.md, "Conventions of your list"). Handed to
the action extractor with each message (:attr:`.records.ActionInput.conventions`) and
read where each decision is made."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Conventions:
    """How the list's secretariat reads what careful readers split on
    (``config/actions.yaml``, docs/secretariat.md "Conventions of your list").

    ``before``: "before 30 June" / "before the meeting on 4 May" due the day before
    (``day_before``), on that day (``that_day``), or the day before for an event's day
    only (``events``). ``requests_to_all``: a request to everyone owned by ``ISCG``, by
    nobody (``nobody``), or by ``ISCG`` only when "members are invited to" it
    (``members_invited``). ``staff_i_will``: secretariat staff's "I will ..." owned by the
    ``person`` or by their ``unit``. ``staff_asked``: a question or request put to one of a
    Bureau's staff by a salutation ("Dear Sofia,") or by replying to them, naming nobody
    in its sentence, owned by their ``unit`` (BR) or by the ``person`` (Sofia Lindqvist);
    several staff greeted stand for their Bureaux either way. ``commitments``: an undated commitment the sender
    announces ("We will prepare the contribution") an ``item``, or ``drop``-ped.
    The defaults are the rules' readings before these were settings, except where most
    evaluation writers read otherwise. ``before`` (was ``events``): eleven of the
    fourteen who state it read "before D" as the day before (docs/evaluation.md,
    "Conventions as settings"). ``requests_to_all`` (was ``members_invited``): thirteen
    of the nineteen who state it give a request to everyone to ``ISCG``, and the
    held-out threads and unseen writers gain by it though the tuned-on threads lose a
    little (docs/evaluation.md, "a request to everyone is the group's by default").
    """

    before: str = "day_before"
    requests_to_all: str = "ISCG"
    staff_i_will: str = "person"
    staff_asked: str = "unit"
    commitments: str = "item"


DEFAULT_CONVENTIONS = Conventions()


__all__ = ["DEFAULT_CONVENTIONS", "Conventions"]
