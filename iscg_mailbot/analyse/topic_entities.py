"""What the tagger takes of the ITU entities the phrase finder found in a group of texts:
the entities of each thread (stored with its tags), and the ITU bodies and Sectors each
text names (evidence for the topics of ``itu_bodies.yaml``). Split from
:mod:`iscg_mailbot.analyse.topics`, which calls them once per group of texts."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Container, Sequence
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from iscg_mailbot.analyse.entities import SECTOR
from iscg_mailbot.analyse.itu_structure import (
    agenda_items,
    conferences,
    focus_groups_at,
    recommendations,
)
from iscg_mailbot.analyse.topic_roles import named_in_role
from iscg_mailbot.analyse.topic_scoring import BODY_LABELS

if TYPE_CHECKING:
    from iscg_mailbot.analyse.nlp import EntityHit, GroupFindings
    from iscg_mailbot.settings.topics import Scoring

_KEY = itemgetter(0)


def collect_entities(group: GroupFindings, places: list[tuple[int, int]],
                      entities: defaultdict[int, list[EntityHit]]) -> None:
    """Add the entities of a group to their threads: a thread's texts are consecutive,
    so its entities are one slice of the group's."""
    first_text = 0
    for thread, texts_of_thread in groupby(places, key=_KEY):
        stop = first_text + len(list(texts_of_thread))
        entities[thread].extend(group.entities_of(first_text, stop))
        first_text = stop


# A body named in a group's text: its name, the form written and where it is (start, end
# in the group's text, for the body's ``not_near`` words).
Named = tuple[str, str, tuple[int, int]]


def bodies_and_sectors(
    group: GroupFindings, places: Sequence[tuple[int, int]], scoring: Scoring,
) -> tuple[dict[int, list[Named]], dict[int, set[str]]]:
    """Per text of a group (``places``: the (thread, place) of each, place 0 the
    subject): the ITU bodies named, as (name, form, span), and the Sectors named (alone, or as
    the prefix of a body) with the conferences ("WRC-27"); WRC agenda items and
    Recommendations come after the focus groups, as :meth:`TopicRule.bodies_named`
    reads them. Without ``scoring.bodies_as_parties_count``, a body named as a party to
    a liaison ("LS from ITU-T SG17", :mod:`topic_roles`) is left out, and so is one named
    for its meeting in a message ("before the SG17 meeting"; a subject naming a body's
    meeting, "Q6/2 meeting report", is about its work)."""
    starts = group.starts
    subjects = {index for index, (_, place) in enumerate(places) if not place}
    names, sectors = _entity_bodies(group, scoring.bodies_as_parties_count, subjects)
    if "FG-" in group.text:
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(group.text)
            for at, fg in focus_groups_at(group.text[start:end]):
                names.setdefault(index, []).append((fg, fg, (start + at, start + at + len(fg))))
    # One pass over the joined text; an item cannot span two texts (_GAP in
    # itu_structure allows one line break, texts are joined with a blank line).
    for offset, name, form in agenda_items(group.text) + recommendations(group.text):
        names.setdefault(bisect_right(starts, offset) - 1, []).append(
            (name, form, (offset, offset + len(form))))
    for offset, conference in conferences(group.text):
        sectors.setdefault(bisect_right(starts, offset) - 1, set()).add(conference)
    return names, sectors


def _entity_bodies(group: GroupFindings, parties_count: bool, subjects: Container[int]
                   ) -> tuple[dict[int, list[Named]], dict[int, set[str]]]:
    """The bodies and Sectors the entity finder found, per text of the group
    (``subjects``: the indexes of the texts that are a subject)."""
    starts = group.starts
    names: dict[int, list[Named]] = {}
    sectors: dict[int, set[str]] = {}
    for entity, offset in zip(group.entities, group.entity_offsets, strict=True):
        label = entity.label
        if label not in BODY_LABELS and label != SECTOR:
            continue
        index = bisect_right(starts, offset) - 1
        if label == SECTOR:
            sectors.setdefault(index, set()).add(entity.key)
            continue
        if entity.key.startswith("ITU-"):
            sectors.setdefault(index, set()).add(entity.key.split(" ", 1)[0])
        end = offset + len(entity.text)
        if not parties_count and named_in_role(group.text, offset, end,
                                               starts[index], index not in subjects):
            continue  # "LS from ITU-T SG17", "the SG17 meeting": not what it is about
        names.setdefault(index, []).append((entity.key, entity.text, (offset, end)))
    return names, sectors
