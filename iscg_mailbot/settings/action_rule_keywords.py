"""The words each action rule (:mod:`iscg_mailbot.settings.action_rules`) needs in a sentence.

Most sentences of a message match no rule, and a substring test is much cheaper than
the regex (see bench/): a rule is tried only on a sentence holding one of its words
(:meth:`~iscg_mailbot.settings.action_rules.Rule.may_match`). Kept apart from the rules'
patterns so that the rule table stays one module; a rule not listed here is always tried.
"""

from __future__ import annotations

_PARTICIPLE_WORDS = ("invited", "requested", "asked", "encouraged", "urged", "tasked",
                     "instructed", "called", "required", "mandated", "entrusted")
# Lower-case words one of which each rule's pattern needs: most sentences of a message
# match no rule, and a substring test is much cheaper than the regex (see bench/).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "invited_to_note": _PARTICIPLE_WORDS,
    "we_invite_to_note": ("invite", "request", "ask", "encourag"),
    "may_wish_to_note": ("may wish",),
    "please_note": ("please", "kindly"),
    "for_information": ("for information", "for your", "for info", "for awareness",
                        "for reference", "fyi"),
    "invited_to": _PARTICIPLE_WORDS,
    "invited_to_note_abroad": ("invit", "convidad"),
    "invited_to_abroad": ("invit", "pri\u00e9", "convidad", "solicitad"),
    "we_request": ("invite", "request", "ask", "encourag", "urge", "call", "tasked", "count on",
                   "counting on", "rely"),
    "kindly_requested": ("kindly",),
    "asks_party": ("ask", "suggest", "wish", "prie", "prions", "invite", "demand", "souhait",
                   "pedimos", "solicitamos"),
    "proposed_that": ("propos", "suggest", "recommend"),
    "may_wish": ("may wish",),
    "possible_for": ("possible for", "feasible for", "useful for", "helpful for", "good for",
                     "great for", "ideal for", "important for"),
    "could_you": ("could", "can", "would", "will", "might"),
    "please_do": ("please", "kindly"),
    "grateful_if": (" if ", "chance"),
    "grateful_abroad": ("gr\u00e9", "gre ", "reconnaissant", "oblig", "bien vouloir"),
    "agradeceria": ("agradecer", "favor de", "gentileza", "amabilidade", "fineza"),
    "we_would_appreciate": ("appreciat", "welcome", "grateful", "helpful", "look forward"),
    "will_be_done": ("be ",),
    "let_me": ("let me", "let us"),
    "i_will": ("will", "shall", "'ll", "\u2019ll"),
    "commitment_abroad": ("vais", "allons", "vou ", "vamos", "voy ", "enverr", "transmettr",
                          "partager", "parer", "soumettr", "confirmer", "enviar", "compartir",
                          "preparar", "presentar", "remitir", "confirmar", "compartilhar",
                          "apresentar", "env\u00edo", "envio", "envoie", "transmets", "partage",
                          "comparto", "compartilho", "preparo", "presento", "apresento",
                          "remito", "transmito"),
    "commitment": ("will", "shall", "'ll", "\u2019ll", "going to", "plan to", "intend",
                   "undertake", "commit", "happy to", "try to", "can"),
    "agreed_that": ("agreed", "decided", "confirmed"),
    "entity_will": ("will", "shall", "should", "need", "has to", "have to", "must", "is to",
                    "are to", "agreed", "undertaken", "volunteered", "offered", "undertook"),
    "minutes_action": (" to ",),
    "for_action": ("for ",),
    "passive_request": ("contribution", "comment", "input", "repl", "response", "nomination",
                        "proposal", "feedback", "views", "candidature", "registration",
                        "document", "paper", "presentation", "slides"),
    "dated_delivery": ("will", "shall"),
    "we_need": ("need", "must", "have to"),
    "people_must": ("must", "should", "need", "have to", "has to", "are to", "required", ":"),
    "clipped_request": ("contribution", "comment", "input", "nomination", "proposal",
                        "feedback", "views", "names", "suggestions", "replies", "response",
                        "slides", "candidature"),
    "will_follow": ("follow",),
    "dated_passive": ("be ",),
    "wanted_from": ("from",),
    "wants_to_know": ("to know", "question"),
    "must_reach": ("reach", "be with", "get to", "arrive"),
    "no_later_than": ("later than", "at the latest"),
    "deadline": ("deadline", "due date", "cut-off", "cutoff", "reply date", "response date",
                 "date limite", "fecha l", "prazo", "frist"),
    "action_header": ("action", "to do"),
}


__all__ = ["KEYWORDS"]
