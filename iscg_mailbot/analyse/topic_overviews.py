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

from collections.abc import Mapping

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
