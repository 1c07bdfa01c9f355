"""The rules of action extraction, as data: one named row per pattern.

Each :class:`Rule` says which kind of item a sentence is ("action" or "note"), how its
owner is found (see :class:`Rule`), and how sure the match is. The first rule that
matches a sentence *and passes its checks* decides; notes come before the actions
whose wording they share ("invited to note" before "invited to").

:class:`~iscg_mailbot.settings.actions.ActionRules` holds what a deployment may tune in
``config/actions.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The tunable part (ActionRules, the default closure phrases) is in settings/actions.py,
# which reading actions.yaml needs without compiling this module's patterns (the
# start-up of every query that knows what "today" is).
from iscg_mailbot.settings import action_phrases as phrases
from iscg_mailbot.settings.action_rule_keywords import KEYWORDS
from iscg_mailbot.settings.actions import ActionRules

ACTION, NOTE = "action", "note"
# The rules of promises: the sender's ("I will", "we will") or a body's ("BDT will").
PROMISES = frozenset({"commitment", "i_will", "entity_will"})

DEFAULT_RULES = ActionRules()

# Verbs of work: "invited to note ... and <verb>" is an action, and a commitment
# ("I will <verb>") or an assignment ("TSB to <verb>") needs one of them.
ACT_VERBS = (
    r"provide|send|submit|comment|respond|reply|revert|consider|take\s+(?:appropriate\s+|the\s+"
    r"necessary\s+)?action|review|prepare|advise|inform|share|update|report|nominate|contribute|"
    r"coordinate|include|identify|indicate|confirm|propose|develop|study|liaise|forward|endorse|"
    r"approve|agree|support|align|give|offer|circulate|draft|(?:double-|cross-)?check|complete|"
    r"fill|register|upload|return|compile|consolidate|present|organi[sz]e|arrange|appoint|"
    r"designate|clarify|investigate|assess|evaluate|analy[sz]e|explore|revise|finali[sz]e|"
    r"distribute|convene|schedule|contact|reach\s+out|look\s+into|follow\s+up|come\s+back|"
    r"get\s+back|let|post|add|make|ensure|invite|request|ask|encourage|collect|gather|seek|work|"
    r"continue|establish|set\s+up|host|lead|chair|reflect|incorporate|transmit|notify|publish|"
    r"bring|suggest|elaborate|verify|examine|decide|determine|reconsider|amend|modify|"
    r"act\s+as|edit|translate|summari[sz]e|book|reserve|invite|brief|remind|tell|say|explain|"
    r"specify|list|nominate|suggest|look\s+at|go\s+through|test|write"
)
# Participles of delivering something: "will be posted / circulated / made available".
DELIVERED = (
    r"posted|circulated|sent|shared|published|uploaded|made\s+available|distributed|provided|"
    r"issued|prepared|updated|submitted|forwarded|transmitted|compiled|finali[sz]ed|revised|"
    r"drafted|announced|added|included|placed|put|reflected|incorporated|translated"
)
# Participles of what happens or is felt, not delivered ("The meeting will be held on
# 5 May", "we will be pleased to", "comments will be received until 3 May").
NOT_DELIVERY = (
    r"(?:held|hosted|opened|closed|organi[sz]ed|attended|chaired|moderated|invited|asked|"
    r"informed|required|needed|expected|interested|pleased|delighted|based|located|"
    r"scheduled|postponed|cancell?ed|delayed|extended|allowed|welcomed|accepted|received|"
    r"considered|discussed|examined|celebrated|joined|seen|given|taken|open|broadcast|"
    r"streamed|reminded|notified|contacted|affected|concerned|involved|used)\b"
)
# What follows "I will" without promising work: being somewhere, feelings, hedges, going
# on as before ("We will keep working together", "I will keep reading the list").
NOT_WORK_VERBS = (
    r"be\b|not\b|never\b|have\b|need\b|see\b|miss\b|wait\b|hear\b|remember\b|"
    r"look\s+forward|keep\s+(?:you|it|this)\b|keep\s+(?:on\s+)?[a-z]+ing\b|let\s+you\s+know\s+if\b|leave\b|retire\b|"
    r"return\b|come\s+back\s+to\s+the\s+office|continue\s+to\s+be|stay\b|travel\b|"
    r"attend\b|join\b|discuss\b|meet\b|talk\b|focus\b|concentrate\b|aim\b|do\s+my\s+best|say\b|assume\b|hope\b|think\b|guess\b|try\b(?!\s+to)"
)
# Mail that owes nobody anything: auto-replies, hand-overs, farewells.
NOT_WORK = re.compile(
    r"\bout\s+of\s+(?:the\s+)?office\b|\b(?:limited|no)\s+access\s+to\s+(?:my\s+)?e-?mail|"
    r"\bautomatic\s+reply\b|\bauto(?:matic)?[- ]?(?:reply|response)\b|\bI\s+am\s+(?:currently\s+)?"
    r"(?:away|on\s+(?:leave|mission|holiday|vacation))\b|\bwill\s+be\s+back\s+(?:on|in|after)\b|"
    r"\bhand(?:ing|ed)?\s+over\b|\bhandover\b|\btake\s+over\s+(?:from\s+me|my)\b|"
    r"\bwill\s+(?:now\s+)?be\s+your\s+(?:new\s+)?(?:contact|focal\s+point)|"
    r"\bmy\s+last\s+day\b|\b(?:I\s+am|I'm)\s+(?:leaving|retiring)\b|\bfarewell\b|"
    r"\bI\s+will\s+be\s+leaving\b",
    re.IGNORECASE,
)
# The subject of an auto-reply ("Automatic reply:", "Out of Office:", "Abwesenheitsnotiz").
AUTO_REPLY_SUBJECT = re.compile(
    r"^\s*(?:automatic\s+reply|auto(?:matic)?[- ]?(?:reply|response)|out\s+of\s+(?:the\s+)?office|"
    r"r[ée]ponse\s+automatique|abwesenheitsnotiz|respuesta\s+autom[áa]tica|"
    r"risposta\s+automatica|resposta\s+autom[áa]tica|autosvar)\b",
    re.IGNORECASE,
)
ACT_VERB_RE = re.compile(r"\b(?:" + ACT_VERBS + r")\b", re.IGNORECASE)
_BE = r"(?:is|are|be|being|remain|remains)"
_ADVERBS = (
    r"(?:(?:kindly|hereby|also|further|therefore|again|respectfully|cordially|warmly|strongly|"
    r"once\s+again|thus|now)\s+)*"
)
# Not "expected": "WP 5D is also expected to send WP 4C a liaison", "it is expected to be
# handled by Q27/16 in July" forecast what a body will do (no item: `w2`, `w3`, `w7`, `w14`).
_REQUEST_PARTICIPLES = (
    r"(?:invited|requested|asked|encouraged|urged|tasked|instructed|called\s+upon|"
    r"required|mandated|entrusted)"
)
_NOTE_OBJECT = (
    # "take into account", "take this information into account" (a short object between).
    r"(?:take\s+(?:due\s+|careful\s+|good\s+)?note|note|take\s+(?:(?!(?:and|to)\b)[\w'/.-]+\s+)"
    r"{0,8}?into\s+(?:account|consideration)|"
    r"be\s+(?:informed|aware|advised))\b"
)
_CAPITALISED = r"(?-i:[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*(?:/[\w-]+)?){0,3})"
# One or more parties, named or counted: "TSB and BDT", "the three Bureaux", "each (of
# the) Sector(s)", "ITU-T SG5, SG17 Q4/17 and BDT" (a subject; a Question's number).
_PARTY = (r"(?:(?:each|all|both|every\s+one)\s+of\s+(?=the\s))?"
          r"(?:(?:the|each|all|both|every|our|your)\s+)?(?:(?:two|three|four|relevant|"
          r"respective|other)\s+)?(?:" + _CAPITALISED + r"|(?-i:advisory\s+groups?|bureaux|"
          r"sectors?)\b)")
# Each separator scans its own spaces (one "\s*" before "\s+and" was quadratic in a run).
PARTIES = _PARTY + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)" + _PARTY + r"){0,4}"
# "BDT colleagues", "TDAG members", "the advisory group vice-chairs": the people of the
# body just named, who answer for it (a singular "chair" is a person of their own).
PEOPLE_OF_BODY = (r"(?:colleagues|team|staff|experts|members|delegates|vice[- ]?chairs?|chairs|"
                  r"management\s+teams?|" + phrases.BODY_ROLES + ")")
# "Could colleagues in BDT ...?", "Could someone at TSB ...?", "could the vice-chairs for
# RAG, TSAG and TDAG each send me ...?" (`w20`-020, `w21`-001): the people of a body.
PEOPLE_OF = (r"(?:(?:our|the|your)\s+)?(?:(?-i:[A-Z][A-Za-z]{1,6})\s+)?"
             r"(?:colleagues|someone|somebody|staff|experts|people|focal\s+points|"
             r"vice[- ]?chairs|chairs|representatives)\s+(?:in|from|at|of|for)\s+")

# Sentences that look like requests but are mail furniture.
BOILERPLATE = re.compile(
    r"intended\s+recipient|unsubscribe|mailing\s+list\s+(?:information|options)|"
    r"this\s+e-?mail\s+(?:and\s+any\s+attachments?\s+)?(?:is|are|may\s+be)\s+confidential|"
    r"do\s+not\s+hesitate|don't\s+hesitate|feel\s+free|"
    r"let\s+(?:me|us)\s+know\s+if\s+you\s+(?:have|need)\s+any|if\s+you\s+have\s+any\s+questions|"
    r"(?:do\s+not|don't)\s+reply\s+to\s+this|no-?reply",
    re.IGNORECASE,
)
# "No reply is expected", "no action is required": the request is explicitly not made.
NOT_REQUESTED = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}(?:is|are)\s+(?:expected|required|needed|necessary|requested)\b|"
    r"\b(?:is|are)\s+not\s+(?:expected|required|needed|necessary|requested)\b|"
    r"\bno\s+(?:further\s+)?action\b",
    re.IGNORECASE,
)
PAST = re.compile(r"\b(?:was|were|had)\b", re.IGNORECASE)
# Words that make a request optional: lower the confidence.
SOFTENERS = re.compile(
    r"\bas\s+(?:deemed\s+)?appropriate\b|\bif\s+(?:deemed\s+)?(?:appropriate|needed|necessary|any|"
    r"so\s+desired|you\s+wish|they\s+wish)\b|\bmay\s+wish\s+to\b|\bwhere\s+appropriate\b|"
    r"\bif\s+that\s+helps\b",
    re.IGNORECASE,
)


# A standing instruction after "please" (see the rule "please_do"): a prohibition, being
# kept in copy, copying someone in, how to cite a thing; and how to conduct oneself, which
# leaves nothing to deliver: how to come ("please travel light", "please allow 15
# minutes", "please leave by the emergency staircase", phrases.ARRIVAL), what to use
# ("please use:" a link, "please use the template on the SG2 page", with no day to do it
# by), where to write ("please write to them, not to me").
_STANDING = (r"(?:do\s+not|don't|don\u2019t|never)\s+(?!forget\b)|"
             r"keep\s+(?:me|us|him|her|them|(?-i:[A-Z])[\w-]+)\s+(?:in\s+(?:copy|cc|the\s+loop)"
             r"|informed|posted|copied)\b|"
             r"(?:copy|cc)\s+(?:me|us|him|her|them)\b|cite\s+(?:it|them|this|these)\s+as\b|"
             r"travel\s+light\b|" + phrases.ARRIVAL + r"|leave\s+(?:by|through|via)\b|"
             r"use\s*(?::|the\s+(?:template|form|link|new\s+link|following|same)\b)"
             # A day to do it by in what follows: within 200 characters, so that a
             # sentence of many "please use" is not read to its end from each of them.
             r"(?![^.;]{0,200}\b(?:by|before|until|no\s+later\s+than)\b)|"
             r"write\s+to\s+[^.;]{1,40}?,?\s+not\s+(?:to\s+)?me\b")


@dataclass(frozen=True)
class Rule:
    """One pattern: the kind it gives, how the owner is found, a base confidence, checks.

    ``owner`` strategies: "before" (the body named just before the match: "TSAG is
    invited"), "after" (the body or person in the match's ``obj`` group: "we invite
    TSAG to"), "subject" (the body opening the sentence), "recipient" (the body after
    "to": "for information to ITU-R"), "from" ("comments from RAG"), "please" (the body
    or member addressed before "please", or by name at the start), "sender" ("I will"),
    "addressees". Checks: ``needs_owner`` (only when a body or member is named, as in
    "TSB to circulate"), ``needs_date`` ("deadline" without a date is no item),
    ``skip_past`` (not in a sentence in the past tense), ``skip_past_due`` (not when the
    date has already passed when the message was written: a report, not a request),
    ``needs_deadline`` (a date by which it is to be done: "by 12 February", or the day or
    week said after the verb, "this week"; not an event's day, "on 1 March").
    """

    name: str
    kind: str
    pattern: re.Pattern[str]
    owner: str
    confidence: float
    needs_owner: bool = False
    needs_date: bool = False
    skip_past: bool = False
    skip_past_due: bool = False
    needs_deadline: bool = False
    keywords: tuple[str, ...] = ()

    def may_match(self, lowered: str) -> bool:
        """A cheap test before the regex: one of the rule's words is in the sentence."""
        return not self.keywords or any(word in lowered for word in self.keywords)


def rule(name: str, kind: str, pattern: str, owner: str, confidence: float,
         **checks: bool) -> Rule:
    """A :class:`Rule` with a case-insensitive pattern and the keywords it needs."""
    return Rule(name, kind, re.compile(pattern, re.IGNORECASE), owner, confidence,
                keywords=KEYWORDS.get(name, ()), **checks)


RULES: tuple[Rule, ...] = (
    # --- notes ---------------------------------------------------------------------
    rule("invited_to_note", NOTE,
         rf"\b{_BE}\s+{_ADVERBS}{_REQUEST_PARTICIPLES}\s+to\s+{_ADVERBS}{_NOTE_OBJECT}",
         "before", 0.9),
    rule("we_invite_to_note", NOTE,
         r"\b(?:invites?|requests?|asks?|encourages?)\s+(?P<obj>[^.;]{1,80}?)\s+to\s+"
         + _ADVERBS + _NOTE_OBJECT, "after", 0.85),
    rule("may_wish_to_note", NOTE, r"\bmay\s+wish\s+to\s+" + _NOTE_OBJECT, "before", 0.75),
    rule("please_note", NOTE,
         r"\b(?:please|kindly)\s+(?:take\s+(?:due\s+)?note|note|be\s+(?:informed|advised|aware))\b",
         "please", 0.7),
    rule("for_information", NOTE,
         r"\bfor\s+(?:your\s+)?(?:information|info|awareness|reference)\b|\bFYI\b",
         "recipient", 0.8),
    rule("invited_to_note_abroad", NOTE, phrases.INVITED_TO_NOTE_ABROAD, "before", 0.9),
    # --- requests in liaison statements ----------------------------------------------
    rule("invited_to_abroad", ACTION, phrases.INVITED_TO_ABROAD, "before", 0.85),
    rule("invited_to", ACTION, rf"\b{_BE}\s+{_ADVERBS}{_REQUEST_PARTICIPLES}\s+to\b",
         "before", 0.9),
    rule("we_request", ACTION,
         r"\b(?:(?:invites?|requests?|asks?|encourages?|urges?|calls?\s+upon|count(?:ing)?\s+on"
         r"|rely(?:ing)?\s+on)|(?:have|has|had)\s+"
         r"(?:\w+ly\s+)?(?:asked|requested|invited|tasked))\s+(?:that\s+)?(?P<obj>[^.;]{1,80}?)\s+"
         r"(?:to\s+(?!the\b|a\b|an\b|this\b|its\b)|(?:should|shall|will)\s+)", "after", 0.85),
    # "I would ask BDT if ...", "le Sénégal invite le TSB à ..." (action_phrases).
    rule("asks_party", ACTION, phrases.ASKS_PARTY, "after", 0.7, needs_owner=True),
    # A question announced in a statement (action_phrases.WANTS_TO_KNOW), read as a
    # question (analyse.action_question_requests.asks_whether). Only when it names the
    # party it asks: "We would like to know whether ITU has guidance ..." before "Could
    # TSB and BDT share relevant material?" leads in to the request (`w1`).
    rule("wants_to_know", ACTION, phrases.WANTS_TO_KNOW, "after", 0.7, needs_owner=True,
         skip_past=True),
    rule("kindly_requested", ACTION, r"\bkindly\s+requested\b", "before", 0.85),
    rule("proposed_that", ACTION,
         phrases.PROPOSED + r"\s+that\s+(?P<obj>[^.;]{1,60}?)\s+(?:should\s+|could\s+|would\s+)?(?:"
         + ACT_VERBS + r")s?\b", "after", 0.7),
    rule("may_wish", ACTION, r"\bmay\s+wish\s+to\b", "before", 0.6),
    # "Would it be possible for BDT to share ...?": the party it asks of.
    rule("possible_for", ACTION,
         r"\b(?:possible|feasible|useful|helpful|good|great|ideal|important)\s+for\s+"
         r"(?P<obj>[^.;?]{1,60}?)\s+to\s+(?:please\s+|also\s+)?(?:"
         + ACT_VERBS + r")\b", "after", 0.7),
    # --- requests in list mail -------------------------------------------------------
    rule("could_you", ACTION,
         r"\b(?:could|can|would|will|might)\s+(?P<obj>you(?:\s+(?:both|all|two))?|(?:" + PEOPLE_OF
         + r")?" + PARTIES + r"(?:\s+" + PEOPLE_OF_BODY + r")?"
         + r")(?:\s*,\s*[^,?]{1,60},)?\s+(?:(?:each|both|all|jointly|together)\s+)?"
         r"(?:please\s+|kindly\s+)?(?:be\s+(?:able|in\s+a\s+position)"
         r"\s+to\s+)?(?:"
         # "Could BR and BDT point us to any ITU material?": asks for references, a
         # thing to send (the third and tenth writers' dev parts label it an action).
         + ACT_VERBS + r"|point\s+(?:us|me|them)\s+to)\b", "after", 0.7),
    # Not a task to track: "please find ...", and a standing instruction on how to go
    # about things rather than a thing to do ("Please do not quote individual scores",
    # "please keep us in cc", "Please copy him on the programme", "Please cite them as
    # ..."): nothing is ever done with it (the fifth, eighth, ninth, eleventh and twelfth
    # writers' dev parts label none of them). "Please do not forget to send ..." reminds
    # of a task, and stays one.
    rule("please_do", ACTION,
         r"\bplease\b(?!\s+(?:find|see|refer|accept|excuse|forgive|note|ignore|disregard|"
         r"be\s+(?:informed|advised|aware)|(?:join\s+me\s+in\s+|help\s+me\s+)?welcom|"
         + _STANDING + r"))"
         r"|\bkindly\s+(?=(?:" + ACT_VERBS + r")\b)",
         "please", 0.7),
    rule("grateful_if", ACTION,
         r"\b(?:(?:grateful|appreciate(?:\s+it)?|thankful|helpful|useful|appreciated|good|great|ideal"
         r"|wonderful|help|wonder(?:ing)?)\s+if|(?:any|a)\s+chance(?:\s+that)?)\s+"
         r"(?P<obj>[^.;]{1,60}?)\s+(?:could|would|can|will|might|were\s+to)\b", "after", 0.75),
    # The same in French ("nous vous saurions gré de ..."), Spanish, Portuguese.
    rule("grateful_abroad", ACTION, phrases.GRATEFUL_ABROAD, "after", 0.75),
    rule("agradeceria", ACTION, phrases.AGRADECERIA, "after", 0.75),
    rule("we_would_appreciate", ACTION,
         r"\b(?:would|will|is|are)\s+be\s+(?:most\s+|very\s+|much\s+|greatly\s+|highly\s+|very\s+much\s+)?"
         r"(?:appreciated|welcome[d]?|grateful|helpful)\b|\b(?:is|are)\s+(?:most\s+|very\s+|much\s+|"
         r"greatly\s+|highly\s+)?appreciated\b|\b(?:we|I)\s+would\s+(?:be\s+grateful|appreciate)\b|"
         r"\b(?:we|I)\s+would\s+welcome\b(?=[^.;]*\b(?:by|before|your|within|no\s+later)\b)|"
         r"\bwe\s+look\s+forward\s+to\s+(?:receiving|your)\b", "from", 0.7),
    rule("commitment", ACTION,
         r"\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll|am\s+going\s+to|are\s+going\s+to|plan\s+to|"
         r"intend\s+to|undertake\s+to|commit\s+to|would\s+be\s+happy\s+to|am\s+happy\s+to|"
         r"are\s+happy\s+to|will\s+try\s+to|can)\s+(?:\w+\s+){0,2}?(?:" + ACT_VERBS + r")\b",
         "sender", 0.75),
    # French, Spanish, Portuguese: "Je vais envoyer ...", "Vou preparar ...", "Les
    # enviaré ...": the sender's commitment, when it delivers something.
    rule("commitment_abroad", ACTION, phrases.PROMISE_ABROAD, "sender", 0.7),
    # "Let me check with BDT and come back to you", "let us look into it": the sender's
    # commitment ("let me know" asks the reader; "let me remind you" only says).
    rule("let_me", ACTION,
         r"\blet\s+(?:me|us)\s+(?:(?:first|quickly|also)\s+)?(?:check|verify|look\s+into|"
         r"come\s+back|get\s+back|revert|circulate|send|share|forward|follow\s+up|find\s+out|"
         r"ask|consult|coordinate|prepare|draft|compile|investigate|raise)\b",
         "sender", 0.65, skip_past=True),
    rule("i_will", ACTION,
         r"\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll)\s+(?:\w+ly\s+)?(?!" + NOT_WORK_VERBS
         # "We will look at it next week": accepting the request in hand, not a new one;
         # but "I will raise it with the chair", "put it on the agenda": a further step,
         # taking it to somebody or somewhere else.
         + r")(?![a-z]+\s+(?:at\s+|into\s+|on\s+)?(?:it|this|that|them|so)\b(?!\s+(?:by|before)\b"
         r"|\s+(?:up\s+)?(?:with|to|on)\s+(?:the|our|their|all|both|each)\b))"
         r"[a-z]+\b", "sender", 0.6, skip_past=True),
    # "We agreed that Senegal would review the French version", "it was agreed that TSB
    # would circulate the draft": an agreement reported, owed by the party it names.
    rule("agreed_that", ACTION,
         r"\b(?:agreed|decided|confirmed)\s+(?:with\s+[^.;,]{1,40}?\s+)?that\s+(?P<obj>[^.;,]{1,60}?)"
         r"\s+(?:would|will|should|is\s+to|are\s+to)\s+(?:\w+\s+){0,2}?(?:" + ACT_VERBS + r")\b",
         "after", 0.7, needs_owner=True),
    rule("entity_will", ACTION,
         r"\b(?:will|shall|should|needs?\s+to|has\s+to|have\s+to|must|is\s+to|are\s+to|"
         r"(?:has|have)\s+(?:\w+ly\s+)?(?:agreed|undertaken|volunteered|offered)\s+to|"
         r"(?:volunteered|offered|undertook)\s+to)\s+(?:\w+\s+){0,2}?(?:" + ACT_VERBS + r")\b",
         "before", 0.7, needs_owner=True),
    rule("minutes_action", ACTION,
         # "BR and TSB to prepare ...", "TSB, BR and BDT to update ...": one or more.
         # "All three Bureaux to send ...", "Each advisory group to nominate ...": a
         # counted party. Under a numbered action-item label ("AI 5 - Lucia to find a
         # room"), whatever the verb: the label says it is work.
         r"(?:^|:\s*)(?P<label>\s*(?:(?:AI|AP|A)\s*-?\s*\d{1,2}\s*)?[-\u2013]\s+)?"
         r"(?P<obj>" + PARTIES + r")\s+to\s+(?(label)(?!be\b)[a-z]+|(?:" + ACT_VERBS + r"))\b",
         "after", 0.8, needs_owner=True),
    rule("for_action", ACTION,
         r"\bfor\s+(?:action|comments?|review|approval|endorsement|consideration|(?:your\s+)?"
         r"(?:input|feedback|guidance|reply|response))\b", "recipient", 0.7, skip_past=True,
         skip_past_due=True),
    # "We would welcome one speaker from each of TSB and BR", "the team needs from each
    # Bureau, by 16 April:": what is wanted and from whom (only when a body is named).
    rule("wanted_from", ACTION,
         r"\b(?:welcome|need|needs|require|requires|seek|seeks|(?:is|are)\s+(?:expected|awaited|due))\s+"
         r"(?:[^.;?]{0,60}?\s)?from\s+(?:each\s+of\s+|each\s+|both\s+|all\s+)?(?:the\s+)?\S",
         "from", 0.7, needs_owner=True, skip_past=True, skip_past_due=True),
    rule("passive_request", ACTION,
         r"\b(?:contributions?|comments?|inputs?|replies|reply|responses?|nominations?|proposals?|"
         r"feedback|views|candidatures?|registrations?|documents?|papers?|presentations?|slides)"
         r"\s+(?:\w+\s+){0,4}?(?:(?:are|is|will\s+be)\s+(?:\w+ly\s+)?(?:welcome[d]?|invited|"
         r"requested|sought|solicited|expected|due|appreciated|needed|required)|(?:should|must|"
         r"shall|can|need\s+to)\s+be\s+(?:\w+ly\s+)?(?:welcome[d]?|invited|requested|sought|"
         r"solicited|expected|submitted|sent|provided|due|appreciated|needed|required|uploaded|"
         r"posted))\b",
         "from", 0.7, skip_past=True, skip_past_due=True),
    # The same request telegraphically, its verb dropped (action_phrases.CLIPPED_REQUEST).
    rule("clipped_request", ACTION, phrases.CLIPPED_REQUEST, "from", 0.65, skip_past=True,
         skip_past_due=True, needs_deadline=True),
    # "The summary will be posted within a week", "your badge will be ready", written by
    # secretariat staff: their unit's commitment (a plain "are posted" is a statement).
    rule("will_be_done", ACTION,
         r"\b(?:will|shall)\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?:" + DELIVERED + r"|ready)\b",
         "sender_unit", 0.65, needs_owner=True, skip_past=True),
    # "The backlog will be cleared by 28 June", "the videos will be online by the end of
    # October", written by secretariat staff: their unit's delivery in the passive,
    # whatever the participle, when a day says by when (not an event's: "will be held";
    # not what is done to a person: "She will be subscribed"; not a period counted from
    # another event: "within ten days after the webinar").
    rule("dated_passive", ACTION,
         r"(?<!\bshe\s)(?<!\bhe\s)(?<!\bthey\s)(?<!\byou\s)(?<!\bI\s)(?<!\bwe\s)"
         r"\b(?:will|shall)\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?!" + NOT_DELIVERY
         + r")(?:[a-z]{3,}(?:ed|en)|online|available)\b(?![^.;]{0,80}\bafter\b)", "sender_unit",
         0.6, needs_owner=True, skip_past=True, skip_past_due=True, needs_deadline=True),
    # "The highlights will follow by the end of next week", "the abstract follows
    # tomorrow": a delivery promised for a day, the sender's (their unit's, if staff).
    rule("will_follow", ACTION,
         r"\b(?:will|shall)\s+(?:\w+ly\s+)?follow\b(?!\s+(?:up|the|this|that|these|your|our|its"
         r"|their|a|an)\b)|\bfollows\s+(?=(?:tomorrow|today|shortly|next|by|on|within|before|"
         r"later)\b)", "sender_unit_or_sender", 0.65, needs_date=True, skip_past=True),
    # "Speakers will receive a briefing note by 12 February", "the Regional Office will
    # reach out this week", written by secretariat staff: a delivery their unit promises
    # for a day, whoever the grammatical subject (not "I"/"we"/"you", read above).
    rule("dated_delivery", ACTION,
         r"(?<!\bI\s)(?<!\bwe\s)(?<!\byou\s)\b(?:will|shall)\s+(?:\w+ly\s+)?(?!"
         + NOT_WORK_VERBS + r")[a-z]+\b", "sender_unit", 0.6, needs_owner=True, skip_past=True,
         skip_past_due=True, needs_deadline=True),
    # "Participants who do not hold an ITU badge must register ... by 8 March", "Staff who
    # need to work late should request the activation ... by 22 June": what a kind of
    # reader has to do by a day, owed by whoever it describes (nobody named).
    rule("people_must", ACTION,
         r"^\W*(?:(?:the|all|any)\s+)?(?:[\w-]+\s+)?(?:participants|staff|observers|guests|"
         r"delegates|visitors|speakers|attendees|applicants|candidates|presenters|those|anyone"
         r"|everyone)\b(?:\s+(?:who|that|without|with|wishing|travelling|traveling|needing|"
         r"planning|not)\b[^.;:?!]{0,100}?)?(?:\s+(?:must|should|need\s+to|needs\s+to|have\s+to|"
         r"has\s+to|are\s+to|(?:will|would)\s+(?:need|have)\s+to|are\s+required\s+to)\s+"
         r"(?:\w+ly\s+)?|\s*:\s*(?:please\s+)?)(?:" + ACT_VERBS + r"|apply)\b",
         "before", 0.65, skip_past=True, needs_deadline=True),
    # "Speakers' slides should reach Lucia by 9 June", "their passport details have to
    # reach the travel unit by 10 October", "anything to translate must be with me by
    # Friday": a thing that has to arrive somewhere by a day, asked of whoever sends it
    # (the request put as the thing's journey, not as anyone's act: `w12`, `w14`, `w23`,
    # `w37`). Only with a day to arrive by ("should reach the region next year" forecasts),
    # and not on its way to the reader ("the annex should reach you by April": a forecast).
    # "Requests must reach TSB by 15 January" tells a procedure to whoever wants to apply
    # (`w4`, `w32`: no item), as "registration opens on 1 March" does.
    rule("must_reach", ACTION,
         r"(?<!\brequests\s)(?<!\bapplications\s)"
         r"\b" + phrases.ARRIVAL_MODAL + r"\s+(?:\w+ly\s+)?"
         r"(?:reach|be\s+with|get\s+to|arrive\s+(?:with|at|in))\b(?!\s+(?:you|your)\b)",
         "from", 0.65, skip_past=True, skip_past_due=True, needs_deadline=True),
    rule("we_need", ACTION, r"\b(?:we|you)\s+(?:need|must|have)\s+to\b", "subject", 0.6),
    rule("no_later_than", ACTION, r"\b(?:no|not)\s+later\s+than\b|\bat\s+the\s+latest\b",
         "subject", 0.75, needs_date=True, skip_past=True, skip_past_due=True),
    rule("deadline", ACTION, r"\b(?:deadline|due\s+date|cut-?off\s+date|(?:requested\s+)?"
         r"(?:reply|response)\s+date|date\s+limite|fecha\s+l[i\u00ed]mite|prazo|frist)s?\b",
         "subject", 0.7,
         needs_date=True, skip_past=True, skip_past_due=True),
    rule("action_header", ACTION,
         r"^\s*(?:actions?(?:\s+(?:required|requested|items?|points?))?(?:\s+(?:for|on)\s+[^:\n]{1,40}?)?"
         r"|to\s+do)\s*[:\-\u2013]",
         "subject", 0.8),
)


def custom_rules(action_phrases: tuple[str, ...], note_phrases: tuple[str, ...]) -> tuple[Rule, ...]:
    """Rules for the phrases a deployment adds, placed before the built-in ones."""
    return tuple(
        Rule(f"custom_{kind}", kind,
             re.compile(r"\b" + r"\s+".join(map(re.escape, p.split())) + r"\b", re.IGNORECASE),
             "subject", 0.7)
        for kind, phrases in ((NOTE, note_phrases), (ACTION, action_phrases))
        for p in phrases if p.strip()
    )
