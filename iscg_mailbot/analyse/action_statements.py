"""Sentences that read like work but owe nothing on the list: what a meeting will do,
and offers not yet taken up.

- :func:`drop_meeting_work`: "the reply will be prepared at the Q4/1 rapporteur group
  meeting", "a reply will be prepared there", "the revision is expected to be finalized
  at the May meeting": a passive future whose work a meeting does is a statement of what
  will happen there, not a commitment of the sender's unit. Said with a delivery to the
  readers ("... and copied to this list", "circulated to ISCG") it stays a commitment.
- :func:`drop_explanations`: "I ask because our ministry must decide in 2027", "they
  want to know what ITU-T has to offer": an obligation given as a reason, or the idiom
  "what X has to offer", is no work anybody owes the list.
- :func:`drop_offers`: "I can send you the relevant TDs", "If helpful, I can share
  their experience", "I am happy to present it": an offer owes nothing until it is taken
  up (eval/README.md: an action is something somebody *must* do). An offer that sets its
  own date ("I can share a case study by the end of July") is an undertaking and stays.
  Only when the deployment asks for it (``offers: drop`` in ``config/actions.yaml``).
- :func:`drop_purposes`: "The draft is attached for comments", "the revision is now open
  for comments": what a document is for, asked of nobody and by no day, is no item
  ("For action to: TSAG", "sent to RAG for comments by 5 May" name who and when).

    >>> from iscg_mailbot.records import ActionCandidate
    >>> said = ActionCandidate(kind="action", span=(0, 60), owner="BR", owner_kind="group",
    ...     sentence="The LS goes to the October meeting; a reply will be prepared there.",
    ...     due=None, due_text=None, confidence=0.65, rule="will_be_done")
    >>> drop_meeting_work([said])
    []
"""

from __future__ import annotations

import re
from dataclasses import replace

from iscg_mailbot.analyse.action_reading import drop_reading_notes
from iscg_mailbot.analyse.sectors import SECRETARIAT_UNITS
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import ACT_VERBS, ACTION, DELIVERED, NOTE, PROMISES
from iscg_mailbot.settings.members import MembersConfig

# A passive future, or a forecast in the passive: "will be prepared", "is expected to be
# finalized".
_PASSIVE_FUTURE = re.compile(
    r"\b(?:(?:will|shall)\s+(?:\w+ly\s+)?be|(?:is|are)\s+(?:\w+ly\s+)?(?:expected|scheduled|"
    r"planned|due)\s+to\s+be)\s+(?:\w+ly\s+)?(?:" + DELIVERED + r"|considered|discussed|"
    r"agreed|adopted|approved|finali[sz]ed|reviewed|examined|decided)\b", re.IGNORECASE)
# Where the work happens: at a meeting, or "there" when a meeting was just named.
_AT_MEETING = re.compile(
    r"\bat\s+(?:the|its|their|a|an|this|that|next)\s+(?:[\w/.'-]+\s+){0,5}?(?:meeting|session|"
    r"plenary|assembly|workshop|conference)s?\b|\bthere\b", re.IGNORECASE)
_MEETING = re.compile(r"\b(?:meeting|session|plenary|assembly|workshop|conference)s?\b",
                      re.IGNORECASE)
# A delivery to the readers makes the statement a commitment again.
TO_READERS = re.compile(
    r"\b(?:to|with)\s+(?:this|the|our)\s+(?:mailing\s+)?list\b|\b(?:to|with)\s+(?:you|all|"
    r"everyone|(?:the\s+)?ISCG|members)\b|\bcopied\b|\bcirculated\b", re.IGNORECASE)
_STATEMENT_RULES = frozenset({"will_be_done", "invited_to"})


def _meeting_work(sentence: str) -> bool:
    passive = _PASSIVE_FUTURE.search(sentence)
    if passive is None:
        return False
    place = _AT_MEETING.search(sentence, passive.end())
    if place is None:
        return False
    if place.group(0).lower() == "there" and not _MEETING.search(sentence, 0, place.start()):
        return False
    return not TO_READERS.search(sentence, passive.start())


def drop_meeting_work(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Passive futures of work a meeting does ("will be prepared at the meeting") are no
    items: the sender states what will happen, nobody on the list owes it."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule in _STATEMENT_RULES and " be " in c.sentence
        and _meeting_work(c.sentence))]


# "I can ...", "we could ...", "I am happy to ...", "we would be glad to ...".
_OFFER = re.compile(
    r"\b(?:I|we)\s+(?:can|could|(?:am|are|would\s+be|'d\s+be|\u2019d\s+be)\s+(?:very\s+|more\s+"
    r"than\s+)?(?:happy|glad|pleased|willing)\s+to)\s", re.IGNORECASE)
# "..., so that I can close the list": a purpose, not an offer.
_PURPOSE = re.compile(r"\bso(?:\s+that)?\s+(?:I|we)\s+can\b", re.IGNORECASE)
_OFFER_WORDS = ("can", "could", "happy", "glad", "pleased", "willing")


def is_offer(sentence: str) -> bool:
    """Whether the sentence offers to do something ("I can send you the TDs")."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _OFFER_WORDS):
        return False
    return bool(_OFFER.search(sentence)) and not _PURPOSE.search(sentence)


# "Our national lab has offered to host two engineers", "The government offered to
# translate the modules": an offer told, not yet taken up (the second and twelfth
# writers' dev parts label neither); "has agreed / volunteered to" is a promise.
_OFFERED = re.compile(r"\boffered\s+to\b", re.IGNORECASE)


def drop_offers(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Offers without a date of their own are no items: the sender's ("I can send you
    the TDs") and those told of somebody ("Our lab has offered to host two engineers")."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.due is None and (
            (c.rule == "commitment" and is_offer(c.sentence))
            or (c.rule == "entity_will" and _OFFERED.search(c.sentence))))]


# "WHO has asked ITU to promote ...", "I have asked the SG13 secretariat to share ...",
# "the envoys have asked for a chance to ...": a report that a request was made.
_REPORTED_REQUEST = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:already\s+)?(?:asked|requested|invited|tasked)\b",
    re.IGNORECASE)
_REPORT_WORDS = ("asked", "requested", "invited", "tasked")


# "with a request to reply", "the request to ...": the noun, asking nobody here; "the
# questionnaire asks whether ...": a document's question, put to its readers elsewhere.
_ASKING = re.compile(r"\b(?:invites?|requests?|asks?|encourages?|urges?)\b", re.IGNORECASE)
_NOUN_OR_DOCUMENT = re.compile(
    r"\b(?:a|an|the|this|that|our|your|their|his|her|its|(?:questionnaire|survey|form|template|"
    r"document|draft|report|text|letter|circular)s?(?:\s+of\s+(?:the\s+)?[\w\s-]{1,50}?)?)\s+$",
    re.IGNORECASE)


def _asks_nobody(sentence: str) -> bool:
    words = list(_ASKING.finditer(sentence))
    return bool(words) and all(
        _NOUN_OR_DOCUMENT.search(sentence, max(0, w.start() - 80), w.start()) for w in words)


def drop_reported_requests(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A report that somebody has asked somebody ("WHO has asked ITU to promote the
    standard", "I have asked the SG13 secretariat to share the text") tells the list of a
    request made elsewhere: no item of the list's. Passed on with a date of its own ("I
    have asked BDT to prepare an overview by the end of March") it is a task the list
    follows, and stays. Nor is "a request to reply" (the noun) or "the questionnaire
    asks whether ..." (a document's question)."""
    return [c for c in candidates if not (c.due is None and reports_a_request(c))]


def reports_a_request(candidate: ActionCandidate) -> bool:
    """Whether the item reads as a request made elsewhere, or a document's question (see
    :func:`drop_reported_requests`, which drops it when it has no date of its own)."""
    return (candidate.kind == ACTION and candidate.rule == "we_request"
            and ((any(word in candidate.sentence.lower() for word in _REPORT_WORDS)
                  and _REPORTED_REQUEST.search(candidate.sentence) is not None)
                 or _asks_nobody(candidate.sentence)))


# "..., because our ministry must decide ...": the obligation explains; "what ITU-T has to
# offer": what exists, not what is owed.
_MODAL = re.compile(r"\b(?:will|shall|should|must|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to)\b",
                    re.IGNORECASE)
_BECAUSE = re.compile(r"\bbecause\b", re.IGNORECASE)
_WHAT = re.compile(r"\bwhat\b", re.IGNORECASE)
_HAS_TO_OFFER = re.compile(r"\b(?:has|have)\s+to\s+offer\b", re.IGNORECASE)


def _explains(sentence: str) -> bool:
    modal = _MODAL.search(sentence)
    if modal is None:
        return False
    if (_HAS_TO_OFFER.match(sentence, modal.start()) and _WHAT.search(sentence, 0, modal.start())
            and not _MODAL.search(sentence, modal.end())):
        return True
    because = _BECAUSE.search(sentence, 0, modal.start())
    return because is not None


def drop_explanations(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A named party's obligation that only explains ("I ask because our ministry must
    decide this year") or the idiom "what X has to offer" is no item."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule == "entity_will" and _explains(c.sentence))]


# "must", "has to", "needs to": an obligation, not a promise ("will").
_OBLIGATION = re.compile(r"\b(?:must|needs?\s+to|has\s+to|have\s+to)\b", re.IGNORECASE)


def drop_own_needs(candidates: list[ActionCandidate], message: ActionInput,
                   members: MembersConfig | None) -> list[ActionCandidate]:
    """The sender's own side's obligation that a request of others follows ("The
    secretariat must present a report to Council. Could the three Bureaux send me ...?",
    from secretariat staff) is the reason for the request, no item of its own. Another
    party's obligation, one with a date, or one that nothing follows stays."""
    sender = message.sender
    member = (members.by_address(sender.address)
              if members is not None and sender is not None else None)
    if member is None or member.organisation not in SECRETARIAT_UNITS:
        return candidates
    own = {member.organisation, "Secretariat"}
    result: list[ActionCandidate] = []
    for index, candidate in enumerate(candidates):
        if (candidate.kind == ACTION and candidate.rule == "entity_will"
                and candidate.due is None and candidate.owner in own
                and _OBLIGATION.search(candidate.sentence)
                and any(later.owner and later.owner not in own
                        for later in candidates[index + 1:])):
            continue
        result.append(candidate)
    return result


def drop_purposes(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Items read from "for comments" / "for review" that name no owner and no date, and
    requests that only say how to read what is sent (:mod:`.action_reading`)."""
    return drop_reading_notes([c for c in candidates
                               if not (c.rule == "for_action" and not c.owner and c.due is None)])


# "It is recalled that ...", "For ease of reference, it is recalled that ...", "It is
# noted, for information, that ...", "A reminder that the CPM meets in spring": a fact
# the list knows already, told again (`w19`-001, -028, -030; `w2`-047), owed by nobody.
_RECALLED = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?:\w[\w ]{0,39},\s*)?(?:it\s+(?:is|should\s+be|may\s+be)\s+"
    r"(?:recalled|noted)|(?:just\s+)?an?\s+(?:(?:friendly|gentle|quick|short)\s+)?reminder)"
    r"(?:\s*,\s*for\s+(?:your\s+)?information(?:\s+only)?\s*,)?\s+that\b", re.IGNORECASE)
# Asked of somebody all the same ("A reminder that members are invited to ..."): a
# request restated, left to the passes that read requests.
_ASKS = re.compile(r"\b(?:invited|requested|asked|please|kindly)\b", re.IGNORECASE)


def drop_recalled(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A sentence that recalls a known fact ("It is recalled that the questionnaire is
    due on 15 January", "A reminder that the CPM will take place in spring") is no item:
    another body's date or the sender's plans told again. One that asks somebody
    something ("... members are kindly invited to ...") stays."""
    return [c for c in candidates if not (
        _RECALLED.match(c.sentence) and not _ASKS.search(c.sentence))]


# A hand-over: who holds a role from when ("I will take up a new assignment in Bangkok",
# "I will take over Rajesh's ISCG files", "Mr Iyer will take over from me; I shall
# remain the BR counsellor for RAG"), where to write meanwhile ("as from 1 April,
# questions ... may be addressed to the Division's mailbox", "From 1 December please
# write to me at ..."): news of the people (`w10`-004, `w16`-037, `w19`-007, -027, -037),
# no work anybody owes the list.
_ROLE_CHANGE = re.compile(
    r"\b(?:will|shall|am\s+going\s+to)\s+(?:\w+ly\s+)?(?:"
    r"take\s+over\s+(?:from\b|as\b|\w+(?:'s|\u2019s)\s+(?:\w+\s+){0,2}?(?:files|work|portfolio|"
    r"role|duties|tasks|responsibilities)\b)"
    r"|take\s+up\s+(?:a|my|the|his|her)\s+(?:new\s+)?(?:assignment|post|position|role|duties|"
    r"function)s?\b"
    r"|remain\s+(?:the|as)\b)"
    r"|\b(?:questions|queries|enquiries|correspondence)\b[^.;:?!]{0,80}?\b(?:may|can|should)\s+"
    r"(?:now\s+|henceforth\s+)?be\s+(?:addressed|sent|directed)\s+to\b"
    r"|\bwrite\s+to\s+me\s+at\b", re.IGNORECASE)


# A stand-in while somebody is away: "Omar will act as TSB focal point during that time",
# "Grace has kindly agreed to act as chair until 3 May", "Nadia will look after the
# folder in my absence", "... will handle the list until my successor arrives": who
# holds a role for a while. News of the people that the list keeps on record, owed by
# nobody: a note with no owner (`w24`-029, `w36`-001, -007 label it so), whatever day
# the absence names. Each alternative is a fixed phrase or a bounded run: linear.
_STAND_IN = re.compile(
    r"\b(?:will|shall|agreed\s+to|(?:am|is|are)\s+going\s+to)\s+(?:\w+ly\s+)?"
    r"(?:act\s+as|stand\s+in\s+for|deputi[sz]e\s+for)\b"
    r"|\b(?:will|shall)\s+(?:\w+ly\s+)?(?:handle|cover|look\s+after|take\s+care\s+of)\b"
    r"[^.;:?!]{0,80}?\b(?:until\s+my\s+successor|in\s+my\s+absence|during\s+my\s+absence|"
    r"while\s+I\s+am\s+(?:away|on\s+leave|absent))\b", re.IGNORECASE)
STAND_IN = "stand_in"  # the rule of a stand-in's note: kept though addressed to nobody
# A promise of work added after the stand-in: "... will act as focal point during that
# time and will send the list by 5 May" still owes the list.
_AND_WORK = re.compile(r"\b(?:and|then)\s+(?:(?:will|shall)\s+)?(?:also\s+)?(?:"
                       + ACT_VERBS + r")\b", re.IGNORECASE)


def _as_stand_in(candidate: ActionCandidate) -> ActionCandidate:
    """A promise that names a stand-in, as the note it is (see ``_STAND_IN``), unless
    the sentence goes on to promise work as well (``_AND_WORK``). A request read in the
    same sentence ("..., and could you send him your inputs by 5 May?") stays one."""
    if candidate.kind != ACTION or candidate.rule not in PROMISES:
        return candidate
    stand_in = _STAND_IN.search(candidate.sentence)
    if stand_in is None or _AND_WORK.search(candidate.sentence, stand_in.end()):
        return candidate
    return replace(candidate, kind=NOTE, owner=None, owner_kind=None, due=None,
                   due_text=None, rule=STAND_IN)


def drop_role_changes(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A hand-over told to the list (a new post, files taken over, where to write) is no
    item; a contact notice that sets a day for something to be sent stays unless it only
    gives an address. A stand-in while somebody is away is a note owed by nobody."""
    return [_as_stand_in(c) for c in candidates if not (
        c.kind == ACTION and _ROLE_CHANGE.search(c.sentence)
        and (c.due is None or "write to me at" in c.sentence.lower()))]


# A liaison statement's "Summary:" field: what the statement is about, told in the third
# person ("Summary: WP 5D will accept registrations of evaluation groups until 31 March
# 2029", "Summary: Council 2027 will consider a document on ..."; `w8`-025, `w19`-022);
# its "Action required" and "Deadline" fields say what is asked.
_SUMMARY = re.compile(r"\W*(?:summary|abstract|r[\u00e9e]sum[\u00e9e]|resumen|resumo)\s*:",
                      re.IGNORECASE)


def drop_summaries(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """An item read from a statement's summary line is no item, unless the summary
    itself asks somebody ("Summary: TSAG is invited to ...")."""
    return [c for c in candidates if not (
        _SUMMARY.match(c.sentence) and not _ASKS.search(c.sentence))]


# "We plan to make a contribution", "the comparisons we intend to present to TDAG": the
# sender's intention, told without a day, promises the list nothing yet (`w13`-021,
# `w19`-006; "I will ..." and a dated plan stay).
_INTENTION = re.compile(r"\b(?:I|we)\s+(?:\w+ly\s+)?(?:plan|intend|hope|aim)\s+to\b",
                        re.IGNORECASE)
_PROMISE = re.compile(r"\b(?:will|shall)\b|['\u2019]ll\b", re.IGNORECASE)


def drop_intentions(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """An intention of the sender's ("we plan to ...") without a day and without a
    promise ("will") in the same sentence is no item."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.due is None and "?" not in c.sentence
        and _INTENTION.search(c.sentence) and not _PROMISE.search(c.sentence))]
