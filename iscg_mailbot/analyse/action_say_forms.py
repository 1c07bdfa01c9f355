"""How a request to say something is put, beyond "Could BDT tell us whether ...?".

The vocabulary of asking to say (whom, which verb, a date, a wh-word), read by
:mod:`iscg_mailbot.analyse.action_questions`, and forms that the writers label by a clear
majority (action kind round, act-kind): a request to say put as a statement
(:func:`stated_ask_to_say`), a request to check whether a thing is so
(:func:`asks_if_so`), an undated request to confirm a thing (:func:`confirms_thing`), all
questions; and a request told to the readers about their own (:func:`readers_own`), an
action.

    >>> stated_ask_to_say("We would request TSB to clarify whether the devices conform.")
    True
    >>> asks_if_so("Could TSB check whether the SG3 work covers agent liquidity?")
    True
    >>> readers_own("Please tell me by 6 August which of your attachments must be kept.")
    True
"""

from __future__ import annotations

import re

from iscg_mailbot.settings.action_rules import PARTIES

# The officers or contacts of named parties: "the NoW focal points in BR, TSB and BDT".
_OFFICERS_OF = (r"(?:the\s+)?(?:(?-i:[A-Z][A-Za-z]{1,6})\s+)?(?:focal\s+points|vice[- ]?chairs|"
                r"chairs|representatives)\s+(?:in|of|for)\s+")
# Whom a request to say something is put to: "you", or named parties (or their officers),
# but not each or all of them ("Could each Bureau indicate which ...?" collects a round
# of inputs). The party's people may follow its name: "Could TSB colleagues tell us
# whether ...?", "could the TDAG colleagues tell us whether ..." (`w21`, `w31`).
ASKED = (r"(?:you|(?:" + _OFFICERS_OF + r")?(?!(?:each|every|all)\b)(?:the\s+)?" + PARTIES
         + r"(?:\s+(?:colleagues|team|representatives))?)")
# Verbs that ask to say something, with whom to say it to.
SAY = (r"(?:tell|say|indicate|confirm|advise|explain|clarify|"
       r"let\s+(?:us|me|the\s+group|ISCG|(?-i:[A-Z]\w+))\s+know)(?:\s+(?:us|me|the\s+group))?")
# A date between the verb and what is to be said: "tell us by 30 October how many",
# "indicate until 15 September whether" (`w12`, `w13`: "until" for "by").
WHEN = r"(?:\s*,?\s*(?:by|before|within|in|at|until|no\s+later\s+than)\s+[^,?]{1,40}?,?)?"
WH = r"(?:whether|if|which|who|whom|what|how|when|where|why)"
# A request to say, stated: "We would like to ask BDT to indicate which countries
# ...", "We would request TSB to clarify whether ...", "I would like TSB to tell us
# whether ...", "I would be grateful if BR could tell us by 30 September how many ...".
# The writers split, two to one: questions in `w4`, `w13` (twice), `w14`, `w15`, `w17`,
# actions in `w1`, `w10`, `w13` ("I would ask the three Bureaux to indicate by 4 December
# which ..."); every writer labels the form put as a question ("Could BR tell us whether
# ...?", 84 of 86 dev items) one.
_ASKS_TO_SAY_STATED = re.compile(
    r"(?:\b(?:ask|request|like|want)\s+" + ASKED + r"\s+(?:\w+\s+)?to|\bif\s+" + ASKED
    + r"\s+(?:could|can|would))\s+(?:please\s+|kindly\s+|also\s+)?" + SAY
    + WHEN + r"\s+" + WH + r"\b",
    re.IGNORECASE)
# "Could TSB check whether the SG3 work covers agent liquidity?", "BR: could you check
# whether the Ku-band terminals need any coordination ...?", "Could TSB and BDT look at
# whether the funds could cover ...?": a question, undated, whether a thing is so asks for
# a yes or a no too (`w1`, `w2`, `w3`, `w6`, `w11`, `w15` label the form a question, `w8`
# once an action). So does the check asked bare, of the doubt said before it ("the figure
# seems to include webinars. Could BDT please check?", "my note says 20%. Can you
# check?": `w24`, `w30`, `w32`); "Could BR check it?" checks a thing, work.
_ASKS_IF_SO = re.compile(
    r"\b(?:could|can|would)\s+" + ASKED + r"\s+(?:please\s+|kindly\s+|also\s+)?"
    r"(?:(?:check|verify|look\s+at)\s+(?:whether|if)\s+"
    r"(?:the|a|an|this|that|these|those|its|their|our|your|such|any)\b[^?;]*|(?:double-)?"
    r"(?:check|verify)(?:,?\s+please)?)\?\s*$",
    re.IGNORECASE)
# "Could TSB confirm the right Question in SG3?", "Could TSB confirm the room
# availability", "can you confirm SG13 will take this up ...?": undated, a thing confirmed
# is an answer (`w1`, `w3`, `w5` label it a question, no writer an action); with a
# deadline it settles what others plan on ("Could TSB and BR confirm their speakers by 18
# June?", "... confirm the name of the protocol contact by 9 February?": actions in `w2`,
# `w4`, `w7`, `w10`), as "Confirm the dates" does dated or not, and "confirm that the
# draft is attached" checks the text (action_questions reads "confirm that").
_CONFIRMS = re.compile(r"\b(?:could|can|would)\s+" + ASKED
                       + r"\s+(?:please\s+|kindly\s+|also\s+)?confirm\b(?!\s+that\b)"
                       r"(?!\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?dates?\b)",
                       re.IGNORECASE)
# The same request to say, in French, Spanish or Portuguese, after a courteous request
# (the rules "grateful_abroad", "agradeceria": "nous vous saurions gré de bien vouloir
# nous indiquer si ...", "Agradecería a Hiroshi confirmar si ..."): the verb to say, a
# date between commas at most, then whether or a wh-word (`w22` labels both questions;
# "nous indiquer, avant le 25 mai, le nom de ..." asks for a thing, an action).
_SAYS_ABROAD = re.compile(
    r"\b(?:indiquer|confirmer|pr[\u00e9e]ciser|faire\s+savoir|dire|indicar|confirmar|informar|"
    r"aclarar|precisar)(?:nos|-nos)?\s+(?:(?:nous|me|nos)\s+)?(?:,[^,]{1,40},\s*)?"
    r"(?:si|se|quel(?:le)?s?|quand|comment|o[\u00f9u]|cu[\u00e1a]l(?:es)?|cu[\u00e1a]ndo|"
    r"c[\u00f3o]mo|d[\u00f3o]nde|qual|quais|quando|onde)\b",
    re.IGNORECASE)
# Told, not asked, about the readers' own ("Please tell me by 6 August which of your
# attachments must be kept.", "Please let me know by 19 February who from your group can
# take part.", "please tell us which side events you organise"): each reader owes a reply,
# an action (`w1`, `w9`, `w14` label it so, none a question), as "whether you will attend"
# is (``asks_attendance``); "whether the room is free" stays a question. No "?" in
# the sentence, a wh-word, and "you" or "your" after it: the first wh-word, then a "you"
# after it, each found once (one pattern "^[^?]*<wh>[^?]*you[^?]*$" retried the rest
# after every wh-word: ~18 s for a 50,000-character sentence of them).
_WH_WORD = re.compile(r"\b" + WH + r"\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)


def stated_ask_to_say(text: str) -> bool:
    """Whether the sentence states a request to say something ("I would like TSB to tell
    us whether ...")."""
    return _ASKS_TO_SAY_STATED.search(text) is not None


def says_abroad(text: str) -> bool:
    """Whether a courteous request in French, Spanish or Portuguese asks to say whether
    or which ("nous indiquer si ...", "confirmar si ...")."""
    return _SAYS_ABROAD.search(text) is not None


def asks_if_so(text: str) -> bool:
    """Whether the question asks a party to check whether a thing is so."""
    return _ASKS_IF_SO.search(text) is not None


def confirms_thing(text: str) -> bool:
    """Whether the request asks a party to confirm a thing, not that a text is right nor
    dates (the caller reads whether it is dated)."""
    return _CONFIRMS.search(text) is not None


def readers_own(text: str) -> bool:
    """Whether a sentence that is no question asks the readers about their own."""
    if "?" in text:
        return False
    wh = _WH_WORD.search(text)
    return wh is not None and _YOU.search(text, wh.end()) is not None


__all__ = ["ASKED", "SAY", "WH", "WHEN", "asks_if_so", "confirms_thing", "readers_own",
           "says_abroad", "stated_ask_to_say"]


# A question the sender announces to its party: "My question to BDT: which survey should
# we report?", "I want to ask TSB: will SG20 meet with SG5?" (`w14`, `w31` dev); "I'd
# like to ask" has no space before its "'d".
_ANNOUNCED = re.compile(
    r"^\W*(?:(?:and|also)\s+)?(?:my|our)\s+question\s+(?:to|for)\s+[^:?]{1,60}:"
    r"|\b(?:I|we)(?:(?:\s+would|['’]d)\s+like|\s+(?:want|wish))\s+to\s+(?:also\s+)?ask\s+"
    + ASKED + r"\s*:", re.IGNORECASE)


def announced(text: str) -> bool:
    """Whether the sentence opens by announcing a question to a party ("My question to
    BDT: ..."): what follows is the question, whatever verb of work it holds."""
    return bool(_ANNOUNCED.search(text))
