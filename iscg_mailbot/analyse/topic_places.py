"""An event named by its place: a thread whose subject names only where an event was held
("Windhoek outcome report - who writes which part", "Panama - recordings and photos
online") is about the event its messages name with that place ("the outcome report of
the Windhoek workshop", "photos of the Panama forum", "the workshop in Windhoek"). The
subject then names the event: the event's phrase counts once in the subject (issue 13,
tk-w30: `w32` dev threads; the reading is the one that tags "Joint TSB/BDT session at
the CIS regional forum, Almaty" or "anyone at the Madrid workshop?" in `w12`, `w13`,
whose subjects hold the event word too). Read by both scorers (:mod:`topic_scoring`,
:mod:`topics`) for the phrases of the topic list with ``by_place: true``.

A place is a name (up to four capitalised words) right after "the" and before the event
word in lower case ("the Panama forum", "the Kigali joint workshop"; "the Global
Symposium" is a title), or after the event word and "in" ("the forum in Panama", "the
forum in New Delhi"); not a month or a weekday ("the workshop in March"), a language
("the webinar in Portuguese"), nor an acronym ("the ITU workshop"). The subject must
hold the whole name, spelled alike: "New" of "New Delhi" is not the place of a subject
"New dates for the liaison"::

    >>> place_of("Photos of the Panama forum are online.", 21, 26)
    'Panama'
    >>> place_of("Register for the workshop in Windhoek now.", 17, 25)
    'Windhoek'
    >>> place_of("The workshop in March is full.", 4, 12) is None
    True
    >>> place_of("See you at the forum in New Delhi on 8 May.", 15, 20)
    'New Delhi'
    >>> place_of("We met at the Global Symposium for Regulators.", 21, 30) is None
    True
    >>> subject_names("Panama - recordings and photos online", ["Panama"])
    'Panama'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from iscg_mailbot.analyse.nlp_text import matching_text

# Capitalised words that are no place: a month or a weekday ("the workshop in March"), and
# the languages an event is held or interpreted in ("the webinar in Portuguese": the list
# writes in English, French, Spanish and Portuguese; the UN's other three beside).
_NOT_PLACES = (r"(?!(?:January|February|March|April|May|June|July|August|September|October"
               r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
               r"|Sunday|English|French|Spanish|Portuguese|Arabic|Chinese|Russian)\b)")
# A word of a name: capitalised, at least one lower-case letter after the first (not
# "ITU").
_WORD = _NOT_PLACES + r"[A-Z][\w'-]*[a-z][\w'-]*"
# A name: its words together ("New Delhi", "Addis Ababa"), so that the subject must
# hold all of it ("New" alone is a subject's common first word), at most four.
_NAME = rf"({_WORD}(?:[^\S\n]+{_WORD}){{0,3}})"
# "the <Name> [joint ]" right before the event word, on its line.
_BEFORE = re.compile(r"(?<!\w)[Tt]he[^\S\n]+" + _NAME + r"[^\S\n]+(?:joint[^\S\n]+)?$")
# " in <Name>" right after it.
_AFTER = re.compile(r"[^\S\n]+in[^\S\n]+" + _NAME + r"(?!\w)")
# How far before the event word its place is looked for ("the Addis Ababa joint ").
_WINDOW = 60


def place_of(text: str, start: int, end: int) -> str | None:
    """The place written with the event word at ``text[start:end]``, or None. A
    capitalised event word is a title's ("the Global Symposium for Regulators", "the
    Regional Forum"): the word before it is the title's, not a place."""
    before = (_BEFORE.search(text, max(0, start - _WINDOW), start)
              if text[start:start + 1].islower() else None)
    if before is not None:
        return before.group(1)
    after = _AFTER.match(text, end)
    return after.group(1) if after is not None else None


def subject_names(subject: str, places: Iterable[str]) -> str | None:
    """The first of ``places`` the subject holds as a whole word, or None."""
    for place in places:
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", subject):
            return place
    return None


def place_note(topic: str, phrase: str, place: str) -> str:
    """What ``topics explain`` says of an event the subject names by its place."""
    return (f"{topic}: the subject names {place!r}, the place of the {phrase!r} the messages "
            "name: the event's phrase counts once in the subject")


def first_named(subject: str, candidates: Iterable[tuple[int, str, str]],
                named: Iterable[str]) -> tuple[int, str] | None:
    """Of ``candidates`` -- (phrase index, its topic, its place) of each event word of
    the messages written with a place, in message order -- the first whose place the
    subject names, for a topic the subject does not name already (``named``): its
    (phrase index, place), or None. Both scorers choose with it."""
    done = set(named)
    for spec, topic, place in candidates:
        if topic not in done and subject_names(subject, (place,)):
            return spec, place
    return None


def add_subject_hit(subject: str, hits: list[tuple[int, str]],
                    candidates: Iterable[tuple[int, str, str]], key_topic: Sequence[str],
                    key_points: Sequence[Sequence[float]], places: int) -> None:
    """The tagger's fast path (:class:`~iscg_mailbot.analyse.topics.TopicTagger`): add to
    a thread's ``hits`` -- (phrase index * ``places`` + place, form), place 0 the
    subject -- the subject hit of the event the subject names by its place, as
    :meth:`.topic_scoring.TopicRule.named_by_place` adds its occurrence: once, for a
    topic with no positive subject hit (``key_topic``, ``key_points``: each hit key's
    topic and points per count). The subject is read as the phrase finder reads it
    (:func:`.nlp_text.matching_text`), like the plain rule's."""
    named = {key_topic[key] for key, _ in hits if key % places == 0 and key_points[key][1] > 0}
    chosen = first_named(matching_text(subject), candidates, named)
    if chosen is not None:
        hits.append((chosen[0] * places, chosen[1]))


def collect_places(text: str, hits: Iterable[tuple[str, int, int, int]],
                   places: Sequence[tuple[int, int]], topics: Mapping[str, tuple[int, str]],
                   found: dict[int, list[tuple[int, str, str]]]) -> None:
    """The fast path's candidates: for each hit (key, text index, start, end) of a group
    of texts (``text``, joined) whose key is a ``by_place`` phrase's (``topics``: key ->
    (phrase index, topic)) in a message text (``places``: each text's (thread, place)),
    written with a place, append (phrase index, topic, place) to ``found[thread]``."""
    for key, index, start, end in hits:
        if key in topics and places[index][1]:
            place = place_of(text, start, end)
            if place is not None:
                found.setdefault(places[index][0], []).append((*topics[key], place))
