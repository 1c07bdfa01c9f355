"""Questions: what a message asks to know, and who owes the answer.

A message that asks something waits for a reply. A request phrased as a question
("Could BDT share the list?") is an action item already; any other sentence ending with
"?" that asks something of somebody is a question (:func:`find_question_candidates`). A request
to *say* something ("Could BDT tell us whether ...?", "Could BR let me know by 19 June
which ...?", "When will TSB publish the list?") owes an answer, not a deliverable: it
is a question too (:func:`as_question`), as is a request to verify what may or should
be done with a thing ("Could BDT confirm that the courses can be listed?").

Who owes the answer (:func:`asked`): the member or body the question is put to, else
whom the message greets, else the Bureau of the one Sector it asks about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse import action_say_forms as say_forms
from iscg_mailbot.analyse.action_addressee import (
    SECTOR_BUREAU,
    asked_parties,
    bodies_bureau,
    product_bureau,
    role_holders_asked,
    sector_bureau,
)
from iscg_mailbot.analyse.action_chases import chases
from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.action_followups import date_from_around
from iscg_mailbot.analyse.action_forwards import without_handed_out
from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.action_put_to import asks_whoever_knows, bureaux_behind_names
from iscg_mailbot.analyse.action_question_requests import as_request, asks_attendance, asks_whether
from iscg_mailbot.analyse.action_say_forms import ASKED, SAY, WH, WHEN
from iscg_mailbot.analyse.action_scope import forwards_mail, is_date_carrier, owes_nothing
from iscg_mailbot.analyse.action_text import Sentence, frame_line, split_sentences
from iscg_mailbot.analyse.action_who import NOBODY, Owners, Who
from iscg_mailbot.analyse.item_spans import ItemSpans
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import ACTION, BOILERPLATE, PARTIES
from iscg_mailbot.settings.itu_products import NO_PRODUCTS, ItuProducts
from iscg_mailbot.settings.members import MembersConfig

QUESTION = "question"

# "Could BDT tell us whether ...?", "could BR let me know by 19 June which ...": the
# verb to say is the request's first verb ("Can BDT check the data, and tell us how"
# asks to check first).
_ASKS_TO_SAY = re.compile(
    r"\b(?:could|can|would)\s+" + ASKED + r"\s+(?:please\s+|kindly\s+|also\s+)?"
    + SAY + WHEN + r"\s+" + WH + r"\b", re.IGNORECASE)
# The second request of a sentence read on its own (action_ellipsis.split_coordinated):
# "tell us how to send a correction?" asks to say, as "Could BDT tell us how" does.
_SAYS_SECOND = re.compile(r"^\W*(?:please\s+|also\s+)?" + SAY + WHEN + r"\s+" + WH + r"\b",
                          re.IGNORECASE)
# A label or vocative opening the sentence: "Sofia, ", "Question to BR: ".
_OPENING = r"^\W*(?:(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,2}\s*[,:]\s+)?"
# "When will TSB publish the list?", "Will TSB organise a workshop in 2027?": asking
# what somebody plans or knows, not asking them to do it ("Will you send it?" does).
_ASKS_PLANS = re.compile(
    _OPENING + r"(?:(?:when|where|which|who|what|how|why)\b|will\s+(?!you\b)" + PARTIES
    + r"\s+\w+)[^?]*\?\s*$", re.IGNORECASE)

# "Sofia, is there an ITU-R text on how the detection must work, that we can cite?",
# "Question to BR: is there any service ... that we should include?", "Will the outcome
# go to the advisory groups, or is it an editorial clean-up?": a sentence that is itself
# a yes-or-no question (after labels or a name at most) owes an answer, whatever verb
# of work a rule found inside it ("should include", "can cite", "for approval"). A
# request put as a question opens with its modal and whom it asks ("Could BDT ...",
# "Would you ...", "Will you ...", read by the request rules), so those are left.
_LABELS = (r"^\W*(?:(?-i:[A-Z])[\w@-]*(?:\s+[\w-]+){0,2}\s*[,:]\s+)?"
           r"(?:[\w-]+(?:\s+[\w-]+){0,2}\s*:\s+)?")
_YES_NO = re.compile(
    _LABELS + r"(?:(?:is|are)\s+there\b|exists?\b|(?:is|are|does|do|has|have)\s+(?!you\b|it\s+"
    r"(?:possible|feasible|ok|okay)\b)(?:the|a|an|this|that|these|those|its|their|our|any|"
    r"(?-i:[A-Z]))|will\s+(?:the|this|that|these|those|its|their|our)\b)[^?]*\?\s*$",
    re.IGNORECASE)
# The rules that read such a sentence as a request to the reader ("could_you": "...,
# and could BDT include it?") keep it an action.
_REQUESTS_ABROAD = frozenset({"grateful_abroad", "agradeceria"})  # also say_forms.says_abroad
_REQUEST_RULES = frozenset({"could_you", "please_do", "possible_for", "grateful_if",
                            "we_would_appreciate"}) | _REQUESTS_ABROAD


def _asks_yes_no(item: ActionCandidate) -> bool:
    """Whether the item is a yes-or-no question that a rule read for a verb inside it."""
    return item.rule not in _REQUEST_RULES and bool(_YES_NO.match(item.sentence))


# "Could BDT confirm that the courses can be listed ...?", "could BR check whether the
# platforms should be covered?": asking to verify what may or should be done with a
# thing owes a yes or a no. Whether a party can or will act ("check whether Brazil can
# help") needs asking them, and "look into whether" an inquiry: tasks.
_ASKS_TO_VERIFY = re.compile(
    r"\b(?:could|can|would)\s+" + ASKED + r"\s+(?:please\s+|kindly\s+|also\s+)?"
    r"(?:confirm|check|verify)\s+(?:that|whether|if)\s+"
    r"(?:(?:the|a|an|this|that|these|those|its|their|our|your|such|any)\b|(?-i:[a-z]))"
    r"[^?;]{0,80}?\s(?:can|could|may|might|should|must)\s+(?:\w+\s+)?\w+", re.IGNORECASE)

# The request's own verb, after the modal and whom it asks ("Could BDT ...", "would you
# please ...", "... and advise on ..." read on its own): the sentence form decides.
_REQUEST_VERB = (r"(?:\b(?:could|can|would)\s+" + ASKED + r"\s+|^\W*(?:and\s+)?)"
                 r"(?:please\s+|kindly\s+|also\s+)?")
# Asking for an answer without a whether-clause: to reply ("Could TSB reply by 25
# June?"), to consider something (a yes or no: "would TSB consider a workshop?"), or to
# say a thing named by a noun ("Could BDT explain the procedure?", "advise on
# translation"). The last only when nothing sets a deadline ("Could TSB clarify the
# division of work before the TSAG meeting?" is work with a date). "Confirm the dates"
# stays an action: it settles them (the older labelled sentences count it so).
_ASKS_ANSWER = re.compile(_REQUEST_VERB + r"(?:reply|answer|respond|consider)\b", re.IGNORECASE)
_SAYS_THING = re.compile(_REQUEST_VERB + r"(?:(?:explain|clarify)\s+"
                         r"(?:the|its|their|your|our|this|these|any)|advise\s+on)\b",
                         re.IGNORECASE)
_DEADLINE_WORD = re.compile(r"\b(?:by|before|within|until|till|no\s+later\s+than|"
                            r"in\s+time\s+for|deadline)\b", re.IGNORECASE)
# A request put by its modal ("Could BDT explain ..."), whether or not it ends with "?".
_REQUEST_VERB_ONLY = re.compile(r"\b(?:could|can|would)\s+" + ASKED + r"\s", re.IGNORECASE)


def _asks_answer(text: str) -> bool:
    """Whether a request put as a question asks for an answer rather than a deliverable
    (see ``_ASKS_ANSWER``, ``_SAYS_THING``); only questions ("...?") or their second
    request ("..., and advise on translation?") are read."""
    if not text.rstrip().endswith("?") and not _REQUEST_VERB_ONLY.match(text):
        return False
    if _ASKS_ANSWER.search(text):
        return True
    says = _SAYS_THING.search(text) or say_forms.confirms_thing(text)
    return bool(says) and not _DEADLINE_WORD.search(text)


# "... - should BR add it, or is it out of scope?": asks whoever decides (whom the
# message greets or answers) what the party named should do.
_ASKS_DECISION = re.compile(r"(?:^|[-,;:]\s+)(?:should|shall)\s+(?:we|I|" + PARTIES
                            + r")\s+\w+[^?]*\?\s*$", re.IGNORECASE)


# Asking leave to ask, or asking a party to clarify what follows: "May I ask whether BDT
# can cover the travel?", "I would like to kindly ask BR to clarify: will the report be
# available ...?", "One clarification please: ... - is it also covered?" (the fifth,
# eighth and ninth writers' dev parts label each a question).
_ASKS_LEAVE = re.compile(
    r"\b(?:may|might|can|could)\s+I\s+(?:also\s+)?ask\s+(?:you\s+)?" + WH + r"\b"
    r"|\bask\s+" + ASKED + r"\s+to\s+(?:clarify|confirm|say|tell\s+us)\s*:"
    r"|^\W*(?:one|a)\s+(?:quick\s+|small\s+)?(?:clarification|question)\s+please\s*:",
    re.IGNORECASE)


# A line of a list that is itself a question: "- Is there an ITU-T Recommendation on
# ...?", "- Would BDT be interested in ...?", "b) whether the BDT programme could ...;"
# (after a label at most: "TSB: is ...?"). "- the latest handbook?" asks for a thing.
_LISTED_QUESTION = re.compile(
    r"^\W*(?:(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,2}\s*:\s+)?(?:(?:whether|if)\s+\S[^?]*[.;,?]?\s*$"
    r"|(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|shall|"
    r"which|what|who|whom|when|where|how)\s+[^?]*\?\s*$)", re.IGNORECASE)
# The request above such a list asks to say what its lines name: "Could BR confirm:",
# "Kindly advise:", "Please let us know:" (the second and eleventh writers' questions).
_SAY_FRAME = re.compile(r"\b" + SAY + r"\s*:\s*$", re.IGNORECASE)


def _listed_question(item: ActionCandidate, message: ActionInput) -> bool:
    """Whether a line of a list under a request is a question: it asks one itself, or
    the request above the list asks to say what its lines name."""
    if item.rule != "list_item":
        return False
    if _LISTED_QUESTION.match(item.sentence):
        return True
    return bool(_SAY_FRAME.search(frame_line(message.new_text, item.span[0])))



def as_question(item: ActionCandidate, message: ActionInput,
                members: MembersConfig | None = None,
                products: ItuProducts = NO_PRODUCTS) -> ActionCandidate:
    """An action item that asks its owner to say something, as a question: it is done
    when answered. Requests to deliver or do ("Could BDT send the list?") stay actions.
    One that asks what a named party should do is owed by whoever decides. A line of a
    list that asks a question, or under a request to say ("Kindly advise: - whether
    ..."), is one, put to whom it names when the list's request names nobody."""
    text = item.sentence
    if item.kind != ACTION or asks_attendance(text):
        return item
    if _listed_question(item, message):
        if item.owner is not None:
            return replace(item, kind=QUESTION, rule=f"{item.rule}_question")
        who = asked(Owners(text, message, members), message.new_text[:item.span[0]], products)
        return replace(item, kind=QUESTION, rule=f"{item.rule}_question", owner=who.owner,
                       owner_kind=who.kind)
    if _ASKS_DECISION.search(text):
        owners = Owners(text, message, members)
        decider = owners.vocative() or owners.addressees()
        who = decider if decider.owner is not None else owners.replied()
        return replace(item, kind=QUESTION, rule=f"{item.rule}_decision", owner=who.owner,
                       owner_kind=who.kind)
    if text.rstrip().endswith("?") and (_ASKS_LEAVE.search(text) or say_forms.announced(text)):
        if item.owner is not None:
            return replace(item, kind=QUESTION, rule=f"{item.rule}_to_say")
        who = asked(Owners(text, message, members), message.new_text[:item.span[0]], products)
        return replace(item, kind=QUESTION, rule=f"{item.rule}_to_say", owner=who.owner,
                       owner_kind=who.kind)
    if _asks_yes_no(item):
        if item.owner is not None:
            return replace(item, kind=QUESTION, rule=f"{item.rule}_yes_no")
        who = asked(Owners(text, message, members), message.new_text[:item.span[0]], products)
        return replace(item, kind=QUESTION, rule=f"{item.rule}_yes_no", owner=who.owner,
                       owner_kind=who.kind)
    says_second = _SAYS_SECOND.match(text) and not say_forms.readers_own(text)
    if (_ASKS_TO_SAY.search(text) or _ASKS_PLANS.match(text) or says_second
            or asks_whether(text) or _ASKS_TO_VERIFY.search(text) or say_forms.asks_if_so(text)
            or say_forms.stated_ask_to_say(text) or _asks_answer(text)
            or (item.rule in _REQUESTS_ABROAD and say_forms.says_abroad(text))):
        return replace(item, kind=QUESTION, rule=f"{item.rule}_to_say")
    return item


# An ITU-T Recommendation by its number: "H.870", "ITU-T L.1470" (not the letters ITU-R
# shares: F, M, P, S, V).
_T_RECOMMENDATION = re.compile(r"\b(?-i:[A-EG-LN-OQ-RT-UW-Z])\.\d{2,4}\b")


def context_bureau(before: str, owners: Owners) -> str | None:
    """The one Bureau whose Sector the message's text before a question names (or whose
    Recommendations it cites): a question that names nobody ("Is a revision planned?")
    asks about it."""
    unit = owners.unit()
    own = unit.owner if unit else None
    bureau = sector_bureau(find_mentions(before, owners.members), own)
    if bureau is None and _T_RECOMMENDATION.search(before) and own != "TSB":
        bureau = "TSB"
    return bureau


def _one_of(addressed: Who, owners: Owners, before: str) -> Who:
    """Of several parties greeted ("Dear colleagues of BDT and BR,"), the one whose
    Sector the question (or its paragraph before it) is about: "ITU-D Q1/1 was
    preparing a study. Is it published?" asks BDT."""
    greeted = (addressed.owner or "").split(", ")
    if len(greeted) < 2:
        return addressed
    paragraph = before.rsplit("\n\n", 1)[-1]
    bureau = sector_bureau(owners.mentions, None) or context_bureau(paragraph, owners)
    return Who(bureau, "group", addressed.explicit) if bureau in greeted else addressed


def asked(owners: Owners, before: str = "", products: ItuProducts = NO_PRODUCTS) -> Who:
    """Who owes a question's answer: the member or body it is put to ("Olga, ...?",
    "Does BDT plan to ...?", "Would TSB and BR be willing ...?"), whom the message
    greets, else the Bureau of the one Sector it asks about ("Is there work in ITU-T
    on ...?"), else whom a reply answers (the sender of its parent), else the Bureau
    of the one Sector the text ``before`` it names; nobody when none of these says.
    Before whom a reply answers: the Bureau of the ITU product it asks about."""
    if (vocative := owners.vocative()) is not None:
        return vocative
    subject = owners.subject()
    roles = role_holders_asked(owners.text, owners.mentions)  # "... - could the TSAG rep ...?"
    named = subject if subject.explicit and subject.kind == "group" and not roles else None
    inverted = roles or asked_parties(owners.text, owners.mentions)
    found = named or (Who(inverted, "group", True) if inverted else None)
    if found is not None:
        # "Does ITU-T still have a Focus Group on ...?": a Sector is asked what it has or
        # does, and its Bureau, which serves it, answers (the fifth and eighth writers'
        # dev parts put such questions to TSB).
        bureau = SECTOR_BUREAU.get(found.owner or "")
        if bureau and re.search(_SECTOR_ASKED + re.escape(found.owner or ""), owners.text,
                                re.IGNORECASE):
            return Who(bureau, "group", found.explicit)
        # So is a study group ("Does SG17 have any text on ...?", "Does the ITU-D SG1
        # report cover it?"): every writer's dev part puts what a study group has or
        # does to the Bureau that serves it, unless the asker works there.
        bureau = bodies_bureau(found.owner)
        unit = owners.unit()
        if bureau and not (unit and unit.owner in bureau.split(", ")):
            return Who(bureau, "group", found.explicit)
        return found
    addressed = owners.addressees()
    if addressed.owner is not None:
        return _one_of(addressed, owners, before)
    if asks_whoever_knows(owners.text):
        return NOBODY  # "Does anyone know whether ...?": nobody owes it
    unit = owners.unit()
    own = unit.owner if unit else None
    bureau = sector_bureau(owners.mentions, own, owners.text) or product_bureau(
        owners.text, before, own, products)
    if bureau:
        return Who(bureau, "group", False)
    replied = owners.replied()
    if replied.owner is not None or not before:
        return replied
    bureau = context_bureau(before, owners)
    return Who(bureau, "group", False) if bureau else replied


# The Sector as the question's subject, right after its verb ("Does ITU-T still have
# ...?", "and is ITU-R working on ...?"), not a thing the question is about ("Does the
# database include the ITU-R texts?").
_SECTOR_ASKED = r"\b(?:does|do|is|are|has|have|will|would|can|could)\s+"

# Where a request in a question starts: "Sofia and Pierre, could you ...?".
_MODAL = re.compile(r"\b(?:could|can|would|will)\s+you\b", re.IGNORECASE)

# Questions that ask nothing of anybody: "Why not?", "Right?". Possessive runs: each
# word is taken whole, so a question of three words or more fails at once; written
# "(?:\W*\w+){0,2}" it tried every split of a long word (quadratic: 7 s for a question
# of 20,000 letters). The same questions match: at most two words before the "?".
_IDLE_QUESTION = re.compile(r"^(?:\W*+\w++){0,2}\W*\?$")

# A request that opens with its verb of asking, after a name at most: "Could TSB answer
# before 26 March?", "Sofia, could you share it?", "Please let us know by Friday."
_REQUEST_OPENING = re.compile(
    r"^\W*(?:(?-i:[A-Z])[\w-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w-]*){0,3}\s*,\s*)?"
    r"(?:could|can|would|please|kindly)\b", re.IGNORECASE)


# The next sentence as a point of its own: numbered or bulleted on a new line ("1) Does
# SG17 have any text ...? / 2) Could BDT share the list ...?"), or a request added with
# "and" to somebody named ("... for such services? And Luis, could you check ...?"), or
# with "also" ("... for first-time operators? Also, would BR be able to give a briefing
# on 19 May?": the fourth, ninth and eleventh writers' dev parts make it an item of its
# own, whatever the question before it).
_OWN_POINT = re.compile(r"\n[ \t]*(?:\(?(?:\d{1,2}|[a-h])[.)]|[-*\u2022])[ \t]*$")
_ADDED_REQUEST = re.compile(r"^\W*(?:and\s+(?-i:[A-Z])|also\b|in\s+addition\b|additionally\b)",
                            re.IGNORECASE)


def _followed_by_request(sentences: Sequence[Sentence], index: int,
                         items: ItemSpans, text: str = "") -> bool:
    """Whether the sentence after the question at ``index`` is a request, found as an
    item or asked as a question ("Is there a testing programme? Could TSB answer before
    26 March?"): the request asks for the answer, so the question is no item of its own.
    A request that is a point of its own (numbered, or added with "and" to somebody
    named) asks something else; ``text`` is the text the sentences were cut from."""
    if index + 1 >= len(sentences):
        return False
    following = sentences[index + 1]
    if _ADDED_REQUEST.match(following.text) or (
            text and _OWN_POINT.search(text, sentences[index].end, following.start)):
        return False
    return bool(_REQUEST_OPENING.match(following.text)) and (
        following.text.endswith("?")
        or bool(items.starting_in(following.start, following.end)))


def asking_for_answers(candidates: list[ActionCandidate], sentences: Sequence[Sentence],
                       message: ActionInput | None = None,
                       members: MembersConfig | None = None) -> list[ActionCandidate]:
    """A request right after a question that is no item of its own asks for its answer
    ("Is the guide being updated? Could you send the timeline before March?"): it is a
    question, read with the question it asks to answer (a reply answering the question
    closes it, see :func:`find_question_candidates`). A request that names nobody ("Could you
    share it?") is put to whom the question is ("Does BDT have a model agreement?")."""
    if not any(s.text.endswith("?") for s in sentences):
        return candidates
    result = list(candidates)
    spans = {c.span for c in candidates}
    sorted_spans = ItemSpans(candidates)
    for index, sentence in enumerate(sentences[:-1]):
        if not sentence.text.endswith("?") or (sentence.start, sentence.end) in spans:
            continue
        if not _followed_by_request(sentences, index, sorted_spans,
                                    message.new_text if message is not None else ""):
            continue
        following = sentences[index + 1]
        # (a candidate made a question here starts before any later sentence's start)
        for position in sorted(sorted_spans.starting_in(following.start, following.end)):
            candidate = result[position]
            if candidate.kind == ACTION and following.start <= candidate.span[0] < following.end:
                owner, kind = candidate.owner, candidate.owner_kind
                if owner is None and message is not None:
                    owner, kind = _put_to(sentence.text, message, members)
                result[position] = replace(
                    candidate, kind=QUESTION, rule=f"{candidate.rule}_answer",
                    sentence=f"{sentence.text} {candidate.sentence}",
                    span=(sentence.start, candidate.span[1]), owner=owner, owner_kind=kind)
    return result


def _put_to(question: str, message: ActionInput,
            members: MembersConfig | None) -> tuple[str | None, str | None]:
    """The party a question is put to by name ("Does BDT have ...?", "Olga, is ...?"),
    else nobody."""
    owners = Owners(question, message, members)
    if inverted := asked_parties(question, owners.mentions):
        return inverted, "group"
    found = owners.vocative()
    return (found.owner, found.kind) if found is not None else (None, None)


def find_question_candidates(
    message: ActionInput,
    items: Sequence[ActionCandidate] = (),
    members: MembersConfig | None = None,
    products: ItuProducts = NO_PRODUCTS,
) -> list[ActionCandidate]:
    """The message's questions that are not already items, as kind "question" (the
    public reader, which also dates them by a meeting's agenda, is :func:`.actions.find_questions`).

    A message that asks something waits for a reply: the item stays open until somebody
    else writes in the thread. Each question is put to whom it names or asks about
    ("Is ITU using automatic captions? And is there ITU-T work on ...?" asks the
    secretariat, then TSB). ``items`` are the message's action candidates: a request
    phrased as a question is already one of them, and a question followed by a request
    to answer it ("... ? Could TSB answer by 26 March?") is that request's. A question's
    own deadline ("... by 26 March?") is its due date; ``products``, ITU's by Bureau."""
    if "?" not in message.new_text or owes_nothing(message):
        return []  # no question (the sentences are cut from the text, none added)
    taken = ItemSpans(items)
    found: list[ActionCandidate] = []
    sentences = split_sentences(message.new_text, forwarded=forwards_mail(message))
    asked_before: Sentence | None = None  # a question the next request asks to answer
    for index, sentence in enumerate(sentences):
        text = sentence.text
        if not text.endswith("?") or taken.holding(sentence.start):
            continue  # not a question, or an item's (or read with the request after it)
        if _IDLE_QUESTION.match(text) or BOILERPLATE.search(text) or chases(message, text):
            continue
        if (found or taken.ends_by(sentence.start)) and is_date_carrier(text):
            continue  # "Could you let me know by 31 August?": dates what was just asked
        if _followed_by_request(sentences, index, taken, message.new_text):
            asked_before = sentence
            continue
        before, asked_before = asked_before, None
        start = sentence.start
        if before is not None and sentences[index - 1] is before:
            text, start = f"{before.text} {text}", before.start
        owners = Owners(sentence.text, message, members)
        modal = _MODAL.search(sentence.text)
        owners.position = modal.start() if modal else 0
        who = asked(owners, message.new_text[max(0, sentence.start - 1000):sentence.start],
                    products)
        due = find_due(sentence.text, message.date)
        if due is not None and (due.value is None or not due.marked):
            due = None
        found.append(as_request(ActionCandidate(  # "¿Podría el BR preparar ...?": work
            kind=QUESTION, sentence=text, span=(start, sentence.end), owner=who.owner,
            owner_kind=who.kind, due=due.value if due else None,
            due_text=due.text if due else None, confidence=0.5, rule="question"), sentence.text))
    return _kept_and_dated(bureaux_behind_names(found, message, members), items, sentences, message)


def _kept_and_dated(found: list[ActionCandidate], items: Sequence[ActionCandidate],
                    sentences: list[Sentence], message: ActionInput) -> list[ActionCandidate]:
    """The questions less a forwarded one naming nobody on the list under a note that
    hands out the work ("Could TSB check ...?" above the regulator's "¿Existe ...?"),
    dated by what is said around them."""
    found = without_handed_out(found, items, message.new_text,
                               forwarded=forwards_mail(message))
    return date_from_around(found, sentences, message.new_text, message.date) if found else found
