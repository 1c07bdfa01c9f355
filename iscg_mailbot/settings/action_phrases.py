"""Phrases the action rules (:mod:`iscg_mailbot.settings.action_rules`) are built of
that are not English, or not native English: the verbs and days of promises made in
French, Spanish and Portuguese, requests that name the party after a verb of asking, and
requests written telegraphically, their verb dropped.

    >>> import re
    >>> bool(re.search(ASKS_PARTY, "I would ask BDT if the office could help", re.I))
    True
    >>> bool(re.search(PROMISE_ABROAD, "Te envío mañana la presentación", re.I))
    True
"""

from __future__ import annotations

# Verbs of delivering in French, Spanish and Portuguese (infinitives), and the first
# persons of their futures: a commitment in another language ("je vais envoyer",
# "enviaremos") owes something when it sends, prepares or confirms.
ABROAD_VERBS = (
    r"envoyer|transmettre|partager|pr[ée]parer|soumettre|diffuser|confirmer|circuler|"
    r"enviar|compartir|compartilhar|preparar|presentar|apresentar|remitir|transmitir|"
    r"circular|confirmar|revisar|verificar|v[ée]rifier|r[ée]viser"
)
ABROAD_FUTURES = (
    r"j['\u2019]enverrai|(?:je|nous)\s+(?:vous\s+|lui\s+|leur\s+)?(?:enverr|transmettr|"
    r"partager|pr[ée]parer|soumettr|confirmer)(?:ai|ons)|"
    r"(?:enviar|compartir|preparar|presentar|remitir|confirmar|compartilhar|apresentar)"
    r"(?:[ée]|emos|ei)"
)
# The same verbs in the first person of the present: "envío", "je vous envoie".
ABROAD_PRESENTS = (
    r"env[\u00edi]o|comparto|compartilho|preparo|presento|apresento|remito|transmito|"
    r"(?:je\s+(?:vous\s+|lui\s+|leur\s+|te\s+)?(?:les?\s+|la\s+|l['\u2019])?)(?:envoie|transmets|partage)"
)
# A coming day that makes such a present a promise ("mañana", "la semaine prochaine").
COMING_DAYS = (
    r"ma\u00f1ana|manana|(?:la\s+)?pr[\u00f3o]xima\s+semana|esta\s+semana|en\s+breve|"
    r"demain|(?:la\s+)?semaine\s+prochaine|cette\s+semaine|amanh[\u00e3a]|em\s+breve"
)
# French, Spanish, Portuguese: "Je vais envoyer ...", "Vou preparar ...", "Les
# enviaré ...": the sender's commitment, when it delivers something; and the present for
# a promise of a coming day: "Te envío mañana la presentación", "se lo envío la próxima
# semana", "je vous envoie demain le texte" (`w7`, `w10`).
PROMISE_ABROAD = (
    r"\b(?:je\s+vais|nous\s+allons|vou|vamos(?:\s+a)?|voy\s+a)\s+(?:(?:vous|lui|leur|les?|"
    r"la|lo|te|me)\s+)?(?:" + ABROAD_VERBS + r")(?:l[oa]s?|\b)"
    r"|\b(?:" + ABROAD_FUTURES + r")\b"
    r"|\b(?:" + ABROAD_PRESENTS + r")\b(?=[^.;?!]{0,60}?\b(?:" + COMING_DAYS + r")\b)"
    r"|\b(?:" + COMING_DAYS + r")\s+(?:(?:te|le|les|se\s+l[oa]s?|vous|lhe|lhes|o|a)\s+)?"
    r"(?:" + ABROAD_PRESENTS + r")\b"
)

# "Le TSB est invité à transmettre ...", "La BR es invitada a enviar ...", "O BDT é
# convidado a enviar ...": the passive request of a liaison statement, owed by the body
# named before it; "... à prendre note", "a tomar nota / conhecimento": a note.
INVITED_TO_ABROAD = (
    r"\b(?:est|sont|es|son|\u00e9|s\u00e3o)\s+(?:invit\u00e9e?s?|pri\u00e9e?s?|invitad[oa]s?|"
    r"solicitad[oa]s?|convidad[oa]s?)\s+(?:\u00e0|a|de|d['\u2019])"
)
INVITED_TO_NOTE_ABROAD = (
    r"\b(?:est|sont|es|son|\u00e9|s\u00e3o)\s+(?:invit\u00e9e?s?|invitad[oa]s?|convidad[oa]s?)\s+"
    r"(?:\u00e0|a)\s+(?:prendre\s+(?:note|connaissance)|tomar\s+(?:nota|conhecimento))\b"
)

# Infinitives of what a courteous request in French, Spanish or Portuguese asks for:
# to say, send, propose ("de bien vouloir nous indiquer", "confirmar", "enviar").
ASK_VERBS_ABROAD = (
    r"indiquer|confirmer|envoyer|transmettre|communiquer|pr[\u00e9e]ciser|proposer|partager|"
    r"r[\u00e9e]pondre|faire\s+(?:parvenir|savoir)|informer|examiner|fournir|soumettre|"
    r"d[\u00e9e]signer|indicar|confirmar|enviar|remitir|compartir|proponer|responder|informar|"
    r"aclarar|precisar|facilitar|designar|examinar|revisar|presentar|compartilhar|propor|"
    r"encaminhar|apresentar|verificar|fornecer|transmitir"
)
_PRONOUNS_ABROAD = r"(?:(?:nous|me|lui|leur|nos|les|le|lo|la)\s+)?"
# The French of "we would be grateful if X could ...": "Nous vous saurions gré(, chers
# collègues du BR,) de bien vouloir nous indiquer ...", "je vous serais reconnaissante
# de ...", "merci de bien vouloir ...", "veuillez bien vouloir ..." (`w22`). The party
# put between commas is the owner (``obj``); without it, whom the message addresses.
GRATEFUL_ABROAD = (
    r"\b(?:(?:nous|je)\s+vous\s+(?:saurions|saurais|serions|serais)\s+"
    r"(?:gr[\u00e9e]|(?:tr[\u00e8e]s\s+)?reconnaissante?s?|oblig[\u00e9e]e?s?)"
    r"(?:\s*,\s*(?P<obj>[^.;:,]{1,60}?)\s*,)?\s+d(?:e\s+|['\u2019]\s*)"
    r"|\b(?:merci|veuillez)\s+(?:de\s+)?(?=bien\s+vouloir\b))"
    r"(?:bien\s+vouloir\s+)?" + _PRONOUNS_ABROAD + r"(?:" + ASK_VERBS_ABROAD + r")\b"
)
# The Spanish and Portuguese: "Le agradeceríamos que nos enviara ...", "Agradecería a
# Hiroshi confirmar si ...", "Agradeceríamos que o BDT enviasse ...", "favor de enviar
# ...", "pedimos a gentileza de confirmar ..." (`w22`): an infinitive asked for, or the
# subjunctive after "que". The party after "a"/"ao", or named after "que", is the owner
# (``obj``).
AGRADECERIA = (
    r"\b(?:(?:(?:le|les|te|lhe|lhes)\s+)?agradecer(?:[\u00edi]a(?:mos)?|emos|ei)\s+"
    r"(?:(?:a|al|\u00e0|ao|aos|\u00e0s|que\s+(?:(?:o|a|os|as|el|la|los|las)\s+)?(?=(?-i:[A-Z])))"
    r"\s*(?P<obj>[^.;:,]{1,60}?)\s+(?=(?:que\b|(?:" + ASK_VERBS_ABROAD + r")\b|"
    r"[a-z\u00e0-\u00fa]+(?:ara|iera|asse|esse|isse)[nm]?\b)))?(?:que\s+)?"
    r"|\bfavor\s+de\s+|\b(?:pedimos|solicitamos|pe[\u00e7c]o|solicito)\s+a\s+"
    r"(?:gentileza|amabilidade|fineza)\s+de\s+)"
    r"(?:[^.;:?]{0,40}?\s)?" + _PRONOUNS_ABROAD
    + r"(?:(?:" + ASK_VERBS_ABROAD + r")(?:l[oa]s?|nos)?|[a-z\u00e0-\u00fa]+(?:ara|iera|asse|"
    r"esse|isse)[nm]?)\b"
)

# A request made by naming the party after a verb of asking, however the clause that
# says what is asked opens: "I would ask BDT if/whether ...", "We suggest TSB to
# organize ...", "we wish if ITU-T SG5 experts can review it" (non-native forms, `w13`,
# `w14`); "le Sénégal prie le Secrétariat général de ...", "invite le TSB à ...",
# "souhaiterait que le BR précise ...", "Pedimos à TSB e ao BDT que indiquem" (`w15`,
# `w7`). Only when a body or member is named (needs_owner). A question passed on, a
# third party's "The rapporteur asks BR whether ...", "BDT asks TSB if ..." (a summary of
# mail forwarded, a report: `w28`, `w29`), is put to the party named
# (ASKS_PASSED_ON, which analyse.action_question_requests also reads, so that the two
# agree on what is such a question: "asks BDT, as agreed in May, whether ...").
ASKS_PASSED_ON = r"\basks\s+(?=(?-i:[A-Z])[^.;:?]{0,60}?\s(?:whether|if)\b)"
ASKS_PARTY = (
    r"(?:\b(?:I|we)\s+(?:(?:would|also|therefore|kindly)\s+)*(?:(?:ask|suggest)\s+(?!whether\b|if\b)"
    r"|wish\s+(?:if\s+|that\s+)?)"
    r"|\b(?:prie|prions|invite|invitons|demande|demandons)\s+(?=(?:le|la|les|l['\u2019])\b)"
    r"|\b(?:souhaiterai[st]?|souhaiterions|souhaite|souhaitons)\s+que\s+"
    r"|\b(?:pedimos|solicitamos)\s+(?=(?:[aà]s?|ao|aos)\b)"
    r"|" + ASKS_PASSED_ON + r")"
    r"(?P<obj>[^.;:]{1,60}?)\s+(?:(?:if|whether|to|can|could)\s+(?!the\b|a\b|an\b|this\b|its\b)"
    r"|(?:de|d['\u2019]|\u00e0|que|pr[\u00e9e]cise|indique)\b)"
)

# The obligation a thing has to arrive under ("Inputs should reach ...", "the forms have
# to be with ..."): the ``must_reach`` rule's modal, and where
# analyse.action_arrivals reads the end of the thing's name.
ARRIVAL_MODAL = r"(?:should|must|shall|(?:has|have|need|needs)\s+to|is\s+to|are\s+to)"

# A question announced by the wish to know it, in a statement, not with "?": "What I
# would like to know from TSB is which study group ...", "My question to TSB is whether
# ...", "what would be useful for us is to know whether ...", "I would therefore be
# grateful to know whether ..." (narrative mail: `w15`, `w37`). The party asked, if
# named, follows "from"/"to"/"for" (``obj``); the question opens with whether, if or a
# wh-word. A wish to know a thing ("we would like to know the dates") is no question.
WANTS_TO_KNOW = (
    r"\b(?:(?:I|we)\s+(?:would|'d|\u2019d)\s+(?:(?:therefore|also|really)\s+)?"
    r"(?:like|love|want|be\s+(?:grateful|glad|happy|interested))\s+to\s+know"
    r"|(?:my|our)\s+(?:(?:only|main|one|other|second|first)\s+)?question"
    r"|what\s+would\s+be\s+(?:\w+\s+){0,2}?(?:useful|helpful)\s+(?:for|to)\s+(?:us|me)\s+is\s+to\s+know)"
    r"(?:\s+(?:from|to|for)\s+(?P<obj>[^.;:,?]{1,60}?))?(?:\s*,?\s+is)?\s+"
    r"(?:whether|if|which|what|who|when|where|how)\b"
)

# A request written telegraphically, its verb dropped: "Comments welcome until 7 January",
# "Contributions by Thu 2 March", "Names please by 2 October", "BR: slides by 5/3 pls"
# (the fifth, fourteenth and eighteenth writers' dev parts label each an item). The thing
# asked for opens the clause (after a party addressed: "BR:", "All -"), at most a few
# words of its own follow (no verb, no participle: "Comments received by 5 March"
# reports), then the word of a day it is wanted by (the rule needs that day). Anchored
# at the clause's start: tried once per clause.
CLIPPED_REQUEST = (
    r"^\W*(?:(?-i:[A-Z][\w-]*)(?:\s*,\s*(?-i:[A-Z][\w-]*)){0,3}\s*[:\-\u2013]\s*)?"
    r"(?:(?:your|any|the|all|short|written|final)\s+)?"
    r"(?:contributions?|comments?|inputs?|nominations?|proposals?|feedback|views|names|"
    r"suggestions|replies|responses?|slides|candidatures?)\b"
    r"(?:\s+(?!(?:are|is|was|were|will|would|should|must|can|could|have|has|had)\b)"
    r"(?![a-z]+ed\b)[\w/+'-]+){0,5}?"
    r"(?:\s+(?:welcome|wanted|needed|please|pls|asap|back|to\s+(?:me|us|[A-Z][\w-]*)))*"
    r",?\s+(?:by|before|until|till|til|no\s+later\s+than|latest)\b"
)

# What proposes that a party do something: "it is proposed that", "we suggest that", and
# "I would propose that each Bureau provide ..." (`w19`-008), but not "I would propose
# that we track only ...": a way of working, put to nobody (`w7` dev).
PROPOSED = (r"\b(?:it\s+is\s+(?:proposed|suggested|recommended)|(?:we|I)\s+(?:propose|suggest|"
            r"recommend)|(?:we|I)\s+(?:would\s+(?:like\s+to\s+)?|should\s+like\s+to\s+)"
            r"(?:propose|suggest|recommend)(?=\s+that\s+(?!(?:we|I)\b)))")


# The one person who stands for a body in a role: "the TSAG rep", "the BR focal point",
# "the TDAG side", "RAG, TSAG and TDAG reps" ("rep" the short form). A request to them is
# the body's (`w32` notes; the plural "representatives" is the groups' for `w8`-`w10`,
# `w19`, `w20`, `w23`); a named person in the role ("Hiroshi, as TSB focal point") stays
# the person's, read from the name. A singular "chair" is a person of their own, and so
# is a "delegate": at ITU a Member State's ("a TSAG delegate from Brazil" is Brazil's).
# Plurals too, so that "the TSAG representatives and the BR focal points" is both bodies
# as "the TSAG reps and the BR focal point" is.
BODY_ROLES = r"(?:reps?|representatives?|focal\s+points?|side)\b"


# When to come to a venue and what to show at its door, after "please": "please allow
# 15 minutes", "please allow time on the first morning", "please come early with your
# passport", "please arrive in good time", "please bring a photo ID" (the thirty-fourth
# and thirty-fifth writers' venue logistics, labelled by nobody): a standing instruction,
# no item. Time allowed for work due by a day is a request all the same: "please allow
# time to review the text before Friday" (review3, session 42); the day is looked for in
# the next 200 characters of the sentence only, so that a long sentence stays linear.
_BY_A_DAY = (r"(?![^.;]{0,200}\b(?:by|before|until|no\s+later\s+than)\s+(?:\d|the\s+end\b"
             r"|tomorrow\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
             r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))")
ARRIVAL = (r"allow\s+(?:(?:about\s+|at\s+least\s+)?(?:\d+|some|extra|enough|an?\s+(?:extra\s+)?"
           r"(?:hour|minute|day))|(?:more\s+|plenty\s+of\s+)?time)\b" + _BY_A_DAY +
           r"|(?:come|arrive)\s+(?:early|in\s+good\s+time)\b"
           r"|bring\s+(?:your|a|an)\s+(?:photo\s+)?(?:passport|ID|identity|badge)\b")


__all__ = [
    "ABROAD_FUTURES",
    "ABROAD_PRESENTS",
    "ABROAD_VERBS",
    "AGRADECERIA",
    "ARRIVAL",
    "ARRIVAL_MODAL",
    "ASKS_PARTY",
    "ASKS_PASSED_ON",
    "ASK_VERBS_ABROAD",
    "BODY_ROLES",
    "CLIPPED_REQUEST",
    "COMING_DAYS",
    "GRATEFUL_ABROAD",
    "INVITED_TO_ABROAD",
    "INVITED_TO_NOTE_ABROAD",
    "PROMISE_ABROAD",
    "PROPOSED",
    "WANTS_TO_KNOW",
]

