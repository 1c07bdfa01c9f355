"""Statements of what will happen, told to the list, that nobody on the list owes.

eval/README.md makes an action what somebody *must* do. Three kinds of future sentence
only forecast:

- :func:`drop_third_party_forecasts`: "SG13 will consider an LS to WP 4C at its December
  meeting", "the SG21 rapporteur will present the draft in person": what a body that
  does not sit on the list will weigh or hear (a study group, a working party, a rapporteur, a regional
  group). The list's parties are the Bureaux, the General Secretariat, the ISCG, the
  advisory groups and the members; what another body will do is news, unless it is
  owed for a day ("SG13 will send its reply by 30 June") or delivered to the readers
  ("... and copied to this list").
- :func:`drop_conditional_offers`: "BR will present the draft at each regional meeting if
  invited": a promise that waits for a request not yet made is an offer, owed by nobody
  until it is taken up; with a day of its own it stays. Only when the deployment drops
  offers (``offers: drop`` in ``config/actions.yaml``).
- :func:`drop_scheduled_releases`: "The study will be published in October", "the
  modules will be ready in April": a passive future placed at a month, a season or a
  year tells when a known text (a definite subject) is expected, where "by the end of
  next week", "within two weeks" or "at the end of April" sets a deadline the sender's
  unit keeps, and "A circular will be issued in early 2027" announces a new step.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> said = ActionCandidate(kind="action", span=(0, 40), owner="BDT", owner_kind="group",
    ...     sentence="The study will be published in October.", due=None, due_text=None,
    ...     confidence=0.65, rule="will_be_done")
    >>> drop_scheduled_releases([said])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_relays import drop_relayed
from iscg_mailbot.analyse.action_statements import TO_READERS
from iscg_mailbot.analyse.sectors import ADVISORY_GROUPS, SECRETARIAT_UNITS
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

# The parties that read and answer on the list (the advisory groups through their
# counsellors and chairs, see members.yaml's ``advisory_group``), and the list's own
# "secretariat" (the General Secretariat's staff: "It would be appreciated if the
# secretariat could update the list of focal points", `w19`-027).
_LIST_PARTIES = SECRETARIAT_UNITS | ADVISORY_GROUPS | {"ISCG", "Secretariat"}


def _third_party(candidate: ActionCandidate) -> bool:
    if candidate.owner is None or candidate.owner_kind != "group":
        return False
    return not any(owner.strip() in _LIST_PARTIES for owner in candidate.owner.split(","))


# What a meeting does with a text: weigh it or hear it, not produce something owed.
_DELIBERATE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to)\s+(?:\w+ly\s+)?(?:also\s+)?(?:consider|discuss|examine|"
    r"review|study|address|take\s+up|look\s+(?:at|into)|present|give|hold)\b", re.IGNORECASE)


def drop_third_party_forecasts(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """What a body off the list will weigh or hear ("SG13 will consider ... at its
    December meeting") is no item; what it will produce ("Q26/16 will prepare a reply"),
    a dated promise or a delivery to the readers stays."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule == "entity_will" and c.due is None and c.due_text is None
        and _third_party(c) and _DELIBERATE.search(c.sentence)
        and not TO_READERS.search(c.sentence))]


# "if invited", "if requested", "if so requested", "if needed", "if there is interest",
# "should it be useful": a condition somebody else has still to meet.
_ON_REQUEST = re.compile(
    r"\b(?:if|when|where|whenever)\s+(?:so\s+)?(?:invited|requested|asked|needed|required|"
    r"necessary|useful|helpful|wished|desired|appropriate|there\s+is\s+(?:an?\s+|any\s+)?"
    r"(?:interest|demand|need|request)|(?:you|they|the\s+\w+)\s+(?:so\s+)?(?:wish|prefer|"
    r"want|ask|request|invite\s+(?:us|it|them)))\b"
    r"|\bshould\s+(?:it|this|that)\s+be\s+(?:useful|helpful|needed|requested|required)\b",
    re.IGNORECASE)
_PROMISE_RULES = frozenset({"entity_will", "commitment"})


def drop_conditional_offers(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A promise made on a condition of being asked ("if invited") is an offer."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule in _PROMISE_RULES and c.due is None
        and _ON_REQUEST.search(c.sentence))]


_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December|spring|summer|autumn|fall|winter|20\d\d")
# "in October", "in late 2027", "in the spring", "in early April": a time, not a limit.
_SCHEDULED = re.compile(
    r"^\W*(?:the|this|that|these|those|our|its|their)\s+[^.;:]{0,80}?\b(?:will|shall)\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?\w+\s+(?:[^.;,]{0,60}?\s)?in\s+(?:the\s+)?"
    r"(?:(?:early|mid|late|mid-)\s*)?(?:" + _MONTHS + r")\b", re.IGNORECASE)
# A limit anywhere in the sentence makes it a deadline.
_LIMIT = re.compile(r"\b(?:by|before|within|until|no\s+later\s+than|at\s+the\s+latest)\b",
                    re.IGNORECASE)


def drop_scheduled_releases(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A passive future placed at a month, season or year ("will be published in
    October") forecasts a release; a deadline or a delivery to the readers keeps it."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule == "will_be_done" and c.due is None
        and _SCHEDULED.search(c.sentence) and not _LIMIT.search(c.sentence)
        and not TO_READERS.search(c.sentence))]


# "Contributions from Japan would be welcome", "References from SG17 would be very
# welcome": a wish in the conditional, put to nobody on the list; so is a welcome said
# now ("Comments are welcome.", "Contributions from Sector Members are welcome.", "Any
# help is very appreciated.": the sixth and eighth writers' dev parts leave them
# unlabelled; dated, "Comments are welcome by 18 June", the first and fifth label it).
_WISH = re.compile(r"\b(?:would\s+be|is|are)\s+(?:\w+ly\s+|very\s+|most\s+|much\s+|"
                   r"always\s+)?(?:welcome|appreciated)\b", re.IGNORECASE)


def drop_open_wishes(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A wish ("... would be welcome") without a day, owed by nobody or by a body off
    the list, is no item; "BDT inputs would be welcome by 26 February" stays."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.due is None and (c.owner is None or _third_party(c))
        and _WISH.search(c.sentence))]


def drop_forecasts(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Third parties' plans, scheduled releases, open wishes and promises relayed on
    another's word (:mod:`~iscg_mailbot.analyse.action_relays`); conditional offers go
    with the deployment's other offers (``offers: drop``)."""
    return drop_relayed(drop_open_wishes(drop_scheduled_releases(
        drop_third_party_forecasts(candidates))))
