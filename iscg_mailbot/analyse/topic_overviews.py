"""A message that names many topics is an overview: each is named there in passing.

BDT's plan listing its regional initiatives ("broadband policy, digital skills,
emergency telecommunications, spectrum management and cybersecurity"), questions to
each Bureau on its own subject, what WRC-27 means for ITU-T "(direct-to-device, IMT
identifications, the new satellite IoT rules)": such a message names each topic as an
item of a list, not as what the thread is about. With ``scoring.overview_topics`` on,
both scorers (:mod:`iscg_mailbot.analyse.topic_scoring` and the tagger's fast path)
ask :func:`is_overview` of the points each message gives each topic, and an overview's
phrases and bodies give ``overview_weight`` of their points (the place ``overview``).

    >>> from iscg_mailbot.settings.topics import Scoring
    >>> scoring = Scoring(overview_topics=3, overview_min_points=2)
    >>> is_overview({"spectrum": 3.0, "digital-skills": 3.0, "e-health": 2.0}, scoring)
    True
    >>> is_overview({"spectrum": 3.0, "digital-skills": 3.0, "e-health": 1.0}, scoring)
    False
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from iscg_mailbot.settings.topics import Scoring


def named_topics(points: Mapping[str, float], scoring: Scoring) -> list[str]:
    """The topics a message names: those it gives at least overview_min_points."""
    return sorted(topic for topic, value in points.items()
                  if round(value, 3) >= scoring.overview_min_points)


def is_overview(points: Mapping[str, float], scoring: Scoring) -> bool:
    """Whether a message giving these points per topic names at least
    ``overview_topics`` topics (never, with the rule off)."""
    return 0 < scoring.overview_topics <= len(named_topics(points, scoring))


def overview_note(points: Mapping[str, float], scoring: Scoring) -> str:
    """What ``topics explain`` says of an overview."""
    named = named_topics(points, scoring)
    return (f"a message naming {len(named)} topics ({', '.join(named)}) is an overview: "
            f"its evidence gives {scoring.overview_weight:g} of its points")


def overview_texts(found: Iterable[tuple[int, int, str]], places: Sequence[tuple[int, int]],
                   stride: int, key_points: Sequence[Sequence[float]],
                   key_topic: Sequence[str], scoring: Scoring) -> set[int]:
    """The tagger's fast path: which message texts of a group are overviews (none with
    the rule off). ``found`` holds (text index, spec index, form) per hit, ``places`` the
    (thread, place) of each text (place 1 a message text); ``key_points[key][count]`` and
    ``key_topic[key]`` are the tagger's tables, a message hit's key being spec index *
    ``stride`` + 1."""
    if not scoring.overview_topics:
        return set()
    counts: defaultdict[int, Counter[int]] = defaultdict(Counter)
    for index, spec, _ in found:
        if places[index][1]:
            counts[index][spec * stride + 1] += 1
    overviews: set[int] = set()
    for index, text_counts in counts.items():
        points: dict[str, float] = {}
        for key, count in text_counts.items():
            topic = key_topic[key]
            points[topic] = (points.get(topic, 0.0)
                             + key_points[key][min(scoring.max_count, count)])
        if is_overview(points, scoring):
            overviews.add(index)
    return overviews
