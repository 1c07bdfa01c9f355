"""Sentences put as questions that ask for work, not for an answer given once.

A request put as a question in French, Spanish or Portuguese, or in English to people
named without a capital ("Could the data team check?"), asks for work
(:func:`asks_work`, :func:`as_request`). "Could BDT share the messages of its campaign?" is an action (the rule ``could_you``);
the same request in the writer's own language came out as a question, which waits only
for an answer: "Est-ce que le BDT pourrait partager les messages de sa campagne ... ?"
(`w6`-040), "Sofia, ¿podría el BR preparar 5-6 diapositivas en lenguaje sencillo?",
"Amara: ¿puede BDT activar el mapa de conectividad ...?", "Nadia, ¿podrías actualizar mi
suscripción a la lista ...?" (`w16`-005, -038, -037); the writers label each an action.
As in English, a request to say or check something ("pourriez-vous nous indiquer ...?",
"poderia verificar se ...?", "¿podría confirmar ...?") stays a question, and so does a
thing that could be or have something ("la session pourrait avoir une interprétation",
"ce scénario pourrait-il être inclus").

    >>> asks_work("Est-ce que le BDT pourrait partager les messages de sa campagne ?")
    True
    >>> asks_work("TSB : pourriez-vous nous indiquer des villes pilotes ?")
    False

"Please let me know by 29 September whether you will attend in person", "... whether
you will join" (`w14`-002, `w15`-033) ask each reader for a reply, the organiser's head
count: an action, as "please register" is, not a question answered once
(:func:`asks_attendance`).

    >>> asks_attendance("Please let me know by 1 December whether you will join.")
    True

A party asked, by name after "ask", whether something is so is asked a question: "I would
ask BDT whether the charts can still be changed", "que le BR précise si ...", "que
indiquem ... se podem apoiar" (`w14`-004, -037, `w15`-026, `w7`-027; :func:`asks_whether`).

    >>> asks_whether("I would ask BDT whether the charts can still be changed.")
    True
    >>> asks_whether("I will ask Sofia whether the room is free.")
    False
"""

from __future__ import annotations

import re
from dataclasses import replace

from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_phrases import ASKS_PASSED_ON, BODY_ROLES, WANTS_TO_KNOW
from iscg_mailbot.settings.action_rules import ACT_VERBS, ACTION

# "could / can" addressed to a party or to "you": FR pourrait/pourriez/peut/pouvez, ES
# podría/podrías/puede/pueden, PT poderia/pode/podem (with "-vous", "-il" after it).
_MODAL = (r"\b(?:pourr(?:ait|aient|iez|ais)|peu(?:t|vent)|pouvez|podr[ií]a[ns]?|pued(?:e|en|es)"
          r"|poderia[ms]?|pode[ms]?)(?:-(?:vous|tu|il|elle|ils|elles))?")
# Whom it asks, between the modal and the verb ("el BR", "BDT"), and a pronoun object
# ("nous", "nos", "me").
_BETWEEN = (r"(?:\s+(?:(?:el|la|le|les|l'|o|a|os|as)\s*)?(?-i:[A-Z][\w-]*))?"
            r"(?:\s+(?:nous|nos|me|lui|leur|les|lo|la|le))?")
# The work asked: a verb in the infinitive (with a Spanish or Portuguese pronoun joined).
_VERB = r"\s+(?P<verb>[a-zà-ÿ]+(?:er|ir|re|ar|or)(?:nos|me|lo|la|los|las|le|les)?)\b"
_REQUEST = re.compile(_MODAL + _BETWEEN + _VERB, re.IGNORECASE)
# Verbs that ask to say, check, be or have: a question's, as "tell", "confirm" are.
_NOT_WORK = re.compile(
    r"(?:dire|indiquer|confirmer|v[ée]rifier|pr[ée]ciser|expliquer|informer|renseigner|"
    r"savoir|[êe]tre|avoir|decir|indicar|confirmar|verificar|comprobar|informar|aclarar|"
    r"explicar|avisar|precisar|saber|ser|estar|haber|tener|dizer|esclarecer|ter)"
    r"(?:nos|me|lo|la|los|las|le|les)?$", re.IGNORECASE)


# The same in English, to people a rule for parties does not read as one (no capital):
# "BDT: could the regional offices help identify eligible delegates ...?", "Could the
# conference service test the set-up ...?", "Could the data team check?", "could one of
# you raise this at the TSAG meeting ...?", "could the TDAG vice-chairs (...) check ...?"
# (`w2`, `w7`, `w16`, `w17` label each an action). "Could the report include ...?" asks
# about a thing, and a request to say ("tell", "confirm") stays a question. The aside in
# brackets is bounded: an unclosed "(" read to the text's end from each "could the team"
# cost the text's length squared.
_PEOPLE = (r"(?:the\s+(?:(?-i:[A-Z])[\w-]*\s+|regional\s+|conference\s+|data\s+)?"
           r"(?:offices?|services?|teams?|units?|vice[- ]?chairs|chairs|colleagues|staff|"
           r"experts|secretariat|" + BODY_ROLES + r")(?:\s*\([^)]{0,120}\))?|one\s+of\s+you)")
_SAY_VERBS = r"(?:tell|say|explain|advise|indicate|confirm|clarify|consider|let|inform|specify)\b"
_PEOPLE_REQUEST = re.compile(
    r"\b(?:could|can|would)\s+" + _PEOPLE + r"\s+(?:please\s+|kindly\s+|also\s+)?(?:help\s+)?"
    r"(?!" + _SAY_VERBS + r")(?:" + ACT_VERBS + r"|raise)\b", re.IGNORECASE)


# A request put to "you" or a named party whose verb, outside the list of work verbs,
# takes a thing as its object: "could you resend the right one?", "Could GS correct
# this?", "Could TSB pass this point to the JCA?", "could you table it at ...?", "Could the
# secretariat replace it?", "could you take the booking?" (`w10`, `w12`, `w17`, `w20`,
# `w21`, `w23`, `w29`, `w31`, `w32` dev label each an action). The verb is read by its
# place (after the modal and the party, before a determiner or pronoun), not from a list;
# a verb of saying, knowing, perceiving, having, liking or suiting asks no work ("could
# you imagine the cost?", "would you like the long version?", "can you see the file?",
# "Would Monday suit the group?"). "I" is the writer, not a party asked: "Could I draw
# your attention to ...?" offers or asks leave.
_OBJECT_REQUEST = re.compile(
    r"\b(?:could|can|would)\s+(?:you(?:\s+(?:both|all|two))?|" + _PEOPLE
    + r"|(?-i:(?:the\s+)?(?!I\b)[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)?))"
    r"\s+(?:please\s+|kindly\s+|also\s+|perhaps\s+|maybe\s+|either\s+)?"
    r"(?P<verb>[a-z]+)(?:\s+(?:out|up|over|back|on|in))?"
    r"\s+(?:the|a|an|this|that|these|those|it|them|our|my|its|their|your|item|both)\b",
    re.IGNORECASE)
# Not a verb of work: those above, and a word in "-ed", "-ing", "-ly" or "-s" (a noun or
# participle read in the verb's place: "Could BDT members ...", "Could TSB staff ..."),
# but not "-ss": "pass", "discuss", "address", "process" are verbs of work.
_NOT_WORK_EN = re.compile(
    r"(?:be|have|has|had|do|see|hear|know|imagine|picture|think|believe|guess|mind|like|love|"
    r"prefer|rather|want|need|expect|remember|recall|find|suit|fit|"
    r"give|recommend|suggest|accept|afford|attend|join|live|use|help|get|point|agree|handle|"
    r"cover|reach|receive|open|access|read|" + _SAY_VERBS.removesuffix(r"\b") + r"|"
    r"\w+(?:ed|ing|ly|(?<!s)s))$")
_WORK_VERB = re.compile(r"(?:" + ACT_VERBS + r")$")


def _asks_object_work(text: str) -> bool:
    """Whether an English question asks "you" or a party to do something to a thing (its
    verb, not in the list of work verbs, takes an object)."""
    for match in _OBJECT_REQUEST.finditer(text):
        verb = match.group("verb")
        if not _NOT_WORK_EN.match(verb) and not _WORK_VERB.match(verb):
            return True
    return False


def asks_work(text: str) -> bool:
    """Whether a question asks its party to do work, not to say or check something: in
    French, Spanish or Portuguese ("¿Podría el BR preparar ...?"), or in English of
    people named without a capital ("Could the data team check?"), or in English with a
    verb that takes a thing as its object ("Could GS correct this?")."""
    if _PEOPLE_REQUEST.search(text) or _asks_object_work(text):
        return True
    match = _REQUEST.search(text)
    return match is not None and not _NOT_WORK.match(match.group("verb"))


def as_request(question: ActionCandidate, said: str) -> ActionCandidate:
    """The question as an action when ``said``, its own sentence (without a question
    read with it), asks for work in another language."""
    if not asks_work(said):
        return question
    return replace(question, kind=ACTION, rule="question_request")


# "whether you will attend / join / take part": each reader's reply.
_ATTENDANCE = re.compile(
    r"\b(?:whether|if)\s+(?:you|your\s+\w+)\s+(?:will|would|can|could|plan\s+to|intend\s+to|"
    r"wish\s+to|are\s+going\s+to)\s+(?:\w+\s+)?(?:attend|join|come|participate|take\s+part|"
    r"be\s+(?:there|present|joining))\b", re.IGNORECASE)


def asks_attendance(text: str) -> bool:
    """Whether the sentence asks each reader to say whether they will attend or join."""
    return _ATTENDANCE.search(text) is not None


_ASKS_WHETHER = re.compile(
    r"\b(?:I|we)\s+(?:(?:would|also|therefore|kindly)\s+)*ask\s+(?!whether\b|if\b)[^.;:,?]{1,60}?"
    r"\s+(?:if|whether)\b|" + ASKS_PASSED_ON
    + r"|\bpr[\u00e9e]cise\s+si\b|\bindiquem\b[^.;]{0,40}?\bse\b|" + WANTS_TO_KNOW, re.IGNORECASE)


def asks_whether(text: str) -> bool:
    """Whether the sentence asks a party, named after "ask", whether something is so (not
    "I will ask them whether": the sender's own errand, an action)."""
    return _ASKS_WHETHER.search(text) is not None


__all__ = ["as_request", "asks_attendance", "asks_whether", "asks_work"]
