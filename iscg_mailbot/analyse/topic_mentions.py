"""The ITU entities a thread names, counted, for the tagger's verdict (``threads show``
lists them; the digest and overlap detection read them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from iscg_mailbot.analyse.entities import LABELS
from iscg_mailbot.records import EntityMention

if TYPE_CHECKING:
    from iscg_mailbot.analyse.nlp import EntityHit

_LABEL_ORDER = {label: index for index, label in enumerate(LABELS)}
_LABEL_AND_KEY = itemgetter(0, 1)
_TEXT = itemgetter(2)


def entity_mentions(entities: Sequence[EntityHit]) -> tuple[EntityMention, ...]:
    """Entities named in a thread, counted, each with its first spelling; by label,
    then most named first. Counting is done by ``Counter`` and ``dict`` in C: a thread
    names dozens of entities, mostly the same few.

    >>> from iscg_mailbot.analyse.nlp import EntityHit
    >>> entity_mentions([EntityHit("STUDY_GROUP", "ITU-T SG17", "SG17"),
    ...                  EntityHit("STUDY_GROUP", "ITU-T SG17", "Study Group 17")])
    (EntityMention(label='STUDY_GROUP', key='ITU-T SG17', text='SG17', count=2),)
    """
    if not entities:
        return ()
    keys = list(map(_LABEL_AND_KEY, entities))
    counts = Counter(keys)
    # Built from the end, so each key keeps the text of its first occurrence.
    first = dict(zip(reversed(keys), map(_TEXT, reversed(entities)), strict=True))
    return tuple(
        EntityMention(label, key, first[(label, key)], count)
        for (label, key), count in sorted(counts.items(), key=_mention_order)
    )


def _mention_order(item: tuple[tuple[str, str], int]) -> tuple[int, int, str]:
    (label, key), count = item
    return _LABEL_ORDER[label], -count, key
