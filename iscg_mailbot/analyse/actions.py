"""Action items in a message's new text, and replies that close them.

``extract_actions(message)`` reads only :attr:`ActionInput.new_text` (quoted lines and
anything after "On ... wrote:" are skipped even if the quoting split missed them) and
returns one :class:`ActionCandidate` per sentence that asks somebody to do something
("action") or to take note of something ("note")::

    >>> from datetime import datetime, timezone
    >>> item, = extract_actions(ActionInput(
    ...     "Action required: TDAG is invited to note this document and provide guidance "
    ...     "as deemed appropriate.", datetime(2027, 3, 1, tzinfo=timezone.utc)))
    >>> item.kind, item.owner, item.due
    ('action', 'TDAG', None)

The rules (:mod:`iscg_mailbot.settings.action_rules`) follow ITU liaison statements
("Action required:", "For action to:", "is invited to", "is requested to", "kindly
requested", "for information", "Deadline:", "no later than") and list replies ("please
send ... by Friday", "I will circulate ..."). Owners come from
:mod:`~iscg_mailbot.analyse.action_owners`, dates from
:mod:`~iscg_mailbot.analyse.action_dates`.

``detect_closure(reply_text, open_items, phrases)`` says which open items a reply
closes ("done", "please find attached our reply", "we have sent the liaison"); it
lives in :mod:`~iscg_mailbot.analyse.closure_items` (what a reply sentence reports in
:mod:`~iscg_mailbot.analyse.action_closure`, how it relates to an item in
:mod:`~iscg_mailbot.analyse.closure_reading`) and is re-exported here, as are the rules. Owners are found by :mod:`~iscg_mailbot.analyse.action_who`, the rules a
sentence may match by :mod:`~iscg_mailbot.analyse.action_gate`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse.action_addressee import sectors_as_bureaux
from iscg_mailbot.analyse.action_agenda_dates import date_from_agenda
from iscg_mailbot.analyse.action_arrivals import to_makers
from iscg_mailbot.analyse.action_asked_before import own_told_answers
from iscg_mailbot.analyse.action_asked_of_us import drop_requests_of_us
from iscg_mailbot.analyse.action_asker_told import drop_told_asker
from iscg_mailbot.analyse.action_back_dates import date_from_earlier_days
from iscg_mailbot.analyse.action_chases import chases
from iscg_mailbot.analyse.action_classify import Found, classify
from iscg_mailbot.analyse.action_clauses import ASKING_WORDS, split_clauses
from iscg_mailbot.analyse.action_contingencies import drop_contingencies
from iscg_mailbot.analyse.action_date_carriers import is_date_carrier
from iscg_mailbot.analyse.action_dates_told import drop_dates_told
from iscg_mailbot.analyse.action_each_unit import to_each_unit, to_the_bureaux
from iscg_mailbot.analyse.action_ellipsis import (
    split_coordinated,
    split_elliptic,
    split_semicolons,
)
from iscg_mailbot.analyse.action_followups import date_from_around, date_from_earlier_deadline
from iscg_mailbot.analyse.action_forecasts import drop_conditional_offers, drop_forecasts
from iscg_mailbot.analyse.action_forwards import (
    apply_list_tail,
    dated_by_deadline,
    drop_addressing,
    drop_retold,
    forward_parts,
    hand_out_requests,
    informed_only,
    part_index,
    pass_relays,
)
from iscg_mailbot.analyse.action_gate import RuleGate
from iscg_mailbot.analyse.action_invitations import drop_corrections_asked
from iscg_mailbot.analyse.action_offers_taken import takes_offer
from iscg_mailbot.analyse.action_outsiders import drop_outside_requests
from iscg_mailbot.analyse.action_own_news import drop_own_news
from iscg_mailbot.analyse.action_paragraph_dates import date_from_paragraph
from iscg_mailbot.analyse.action_put_to import bureaux_behind_names
from iscg_mailbot.analyse.action_questionnaires import (
    one_item_per_questionnaire,
    one_per_questionnaire,
)
from iscg_mailbot.analyse.action_questions import (
    QUESTION,
    as_question,
    asking_for_answers,
    find_question_candidates,
)
from iscg_mailbot.analyse.action_receipts import drop_receipts
from iscg_mailbot.analyse.action_reverts import drop_reverts
from iscg_mailbot.analyse.action_roles import drop_roles
from iscg_mailbot.analyse.action_scope import (
    apply_date_carriers,
    apply_list_frame,
    drop_answers,
    forwards_mail,
    owes_nothing,
    with_sectors,
)
from iscg_mailbot.analyse.action_silence import (
    silence_items,
    with_silences,
    without_objection_questions,
)
from iscg_mailbot.analyse.action_stances import drop_advice, drop_facts_told
from iscg_mailbot.analyse.action_statements import (
    STAND_IN,
    drop_explanations,
    drop_intentions,
    drop_meeting_work,
    drop_offers,
    drop_own_needs,
    drop_purposes,
    drop_recalled,
    drop_reported_requests,
    drop_role_changes,
    drop_summaries,
)
from iscg_mailbot.analyse.action_tables import table_items, with_tables
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.analyse.action_the_list import noted_by_the_list, to_the_list
from iscg_mailbot.analyse.action_told import drop_told
from iscg_mailbot.analyse.action_wished import to_wished_parties
from iscg_mailbot.analyse.action_you_named import you_named_before
from iscg_mailbot.analyse.closure_items import (
    ClosingSentence,
    answers_question,
    closing_sentences,
    detect_closure,
)
from iscg_mailbot.analyse.event_deadlines import before_as_agreed, date_in_month
from iscg_mailbot.analyse.forward_addressees import own_by_addressees
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import (
    ACTION,
    DEFAULT_RULES,
    NOTE,
    RULES,
    Rule,
    custom_rules,
)
from iscg_mailbot.settings.actions import DEFAULT_CLOSURE_PHRASES, ActionRules
from iscg_mailbot.settings.itu_products import NO_PRODUCTS, ItuProducts
from iscg_mailbot.settings.members import MembersConfig
from iscg_mailbot.text import folded

# (The marks before the words stay on their line: "^\W*" ran through every line break of
# a run of blank lines from each line start, 12,000 of them took 15 s; a mark after a
# blank line is found from its own line's start, so what is found is the same.)
_FORWARD_MARK = re.compile(r"^[^\w\n]*(?:--\s*forwarded\s+message|begin\s+forwarded\s+message)",
                           re.IGNORECASE | re.MULTILINE)
_POINTER = re.compile(r"\b(?:below|attached|forwarded|following|enclosed|copied|fyi)\b",
                      re.IGNORECASE)

_GATES: dict[tuple[tuple[str, ...], tuple[str, ...], bool], RuleGate] = {}


def _gate_for(rules: ActionRules, exhaustive: bool) -> RuleGate:
    """The built-in rules after those of the deployment's own phrases, gated."""
    key = (rules.action_phrases, rules.note_phrases, exhaustive)
    gate = _GATES.get(key)
    if gate is None:
        gate = _GATES[key] = RuleGate(custom_rules(*key[:2]) + RULES, exhaustive=exhaustive,
                                      extra=ASKING_WORDS)
    return gate


def _apply_context(found: list[Found], parts: list[int]) -> list[ActionCandidate]:
    """Let liaison-statement header lines fill in owners and dates of the body's items,
    within each part of the message (:func:`forward_parts`): a forwarded statement's
    header lines speak for the statement, not for the note forwarding it."""
    groups: dict[int, list[Found]] = {}
    for item in found:
        groups.setdefault(part_index(parts, item.candidate.span[0]), []).append(item)
    return [c for _, group in sorted(groups.items()) for c in _apply_part_context(group)]


def _apply_part_context(found: list[Found]) -> list[ActionCandidate]:
    """"For action to: ITU-T SG17" names the owner of action items that name nobody;
    "Deadline: 15 March 2027" dates action items that carry no date (but not those due
    at the addressees' own next meeting: :func:`dated_by_deadline`). An addressee line marked for information only ("Copy:
    ISCG (for information)") is context too. A header line is an item of its own only when the body
    has no action item (for "For information to", no note either) for it to inform; "For action to" and "Deadline" together then
    make one item.
    """
    body_actions = [f for f in found if f.header is None and f.candidate.kind == ACTION]
    body_notes = [f for f in found if f.header is None and f.candidate.kind == NOTE]
    for_action = next((f for f in found if f.header == "for_action" and f.owner_explicit), None)
    deadline = next((f for f in found if f.header == "deadline" and f.candidate.due), None)
    result: list[ActionCandidate] = []
    for item in found:
        candidate = item.candidate
        if item.header in ("for_action", "deadline", "for_information", "addressees") and (
                body_actions):
            continue  # context only: the body says what is to be done (and by whom)
        if item.header in ("for_information", "addressees") and body_notes:
            continue  # "... is invited to take this into account" says what to note
        if item.header == "deadline" and for_action is not None:
            continue  # merged into the "For action to" item below
        if (candidate.kind == ACTION and item.header != "for_action"
                and for_action is not None and not item.owner_explicit
                and not is_date_carrier(candidate.sentence)):
            candidate = replace(candidate, owner=for_action.candidate.owner,
                                owner_kind=for_action.candidate.owner_kind)
        if candidate.kind == ACTION and deadline is not None and candidate.due is None and (
            dated_by_deadline(item.due_mention)
        ) and not informed_only(candidate.owner, [(f.header, f.candidate.owner)
                                                  for f in found if f.owner_explicit]):
            candidate = replace(candidate, due=deadline.candidate.due,
                                due_text=deadline.candidate.due_text)
        result.append(candidate)
    return result


def _found_in(sentences: list[Sentence], message: ActionInput, gate: RuleGate,
              members: MembersConfig | None) -> list[Found]:
    """Each clause's item, if any, in text order."""
    found: list[Found] = []
    for sentence in sentences:
        # One pass over the sentence's words picks the rules and tells whether it asks
        # anybody (a word that can start a second request); the plain reference
        # (exhaustive) leaves the clauses to their own test.
        lowered = sentence.text.lower()
        words = gate.scan(lowered)
        asking = None if gate.exhaustive else gate.holds(words)
        plain = gate.exhaustive or not lowered.isascii()
        for clause in split_semicolons(split_clauses(sentence, asking=asking,
                                                     lowered=None if plain else lowered,
                                                     members=members),
                                       members, message.date):
            if clause is not sentence and clause.text != sentence.text:
                lowered = clause.text.lower()  # a clause of its own
                words = gate.scan(lowered)
            ascii_text = lowered.isascii()
            rules = gate.rules_for(words, ascii_text=ascii_text)
            if not rules:
                continue  # (most clauses: classify would try none)
            item = classify(clause, message, rules, members, gate.search,
                            lowered if ascii_text else None)
            if item is not None:
                found.append(item)
    return found


def extract_actions(
    message: ActionInput,
    rules: ActionRules = DEFAULT_RULES,
    members: MembersConfig | None = None,
    *,
    exhaustive: bool = False,
    products: ItuProducts = NO_PRODUCTS,
) -> list[ActionCandidate]:
    """Actions and notes in the message's new text, in text order (one per sentence).

    ``members`` lets a sentence name a member ("Ms Petrova is requested to ...",
    "Olga, could you ...") and names the sender and addressees by their member names.
    ``products`` (itu_products.yaml) puts a question asked of nobody to the Bureau
    whose product it asks about. ``exhaustive`` asks every rule of every sentence instead of only those whose words
    the sentence holds, and runs every later pass even when no sentence is an item:
    slower, the same items (the reference the tests hold it to).
    """
    if owes_nothing(message):
        return []
    tables = table_items(message.new_text, message.date, members, message.conventions)
    candidates = _extract(message, rules, members, exhaustive, products)
    return with_tables(candidates, tables) if tables[1] else candidates


def _extract(message: ActionInput, rules: ActionRules, members: MembersConfig | None,
             exhaustive: bool, products: ItuProducts) -> list[ActionCandidate]:
    """The items read sentence by sentence (:func:`extract_actions`)."""
    gate = _gate_for(rules, exhaustive)
    forwarded = forwards_mail(message)
    sentences = split_sentences(message.new_text, forwarded=forwarded)
    found = _found_in(sentences, message, gate, members)
    silences = silence_items(sentences, message.date, folded(message.new_text))
    if not found and not silences and not exhaustive and not any(
            s.text.rstrip().endswith(":") for s in sentences):
        # No sentence is an item, and none ends with a colon to frame a list's lines as
        # items (apply_list_frame): the passes below only change or drop items. Most
        # messages; the plain reference (exhaustive) runs them all the same.
        return []
    parts = forward_parts(message.new_text, forwarded=forwarded)
    framed = apply_list_frame(sentences, own_by_addressees(pass_relays(
        _apply_context(found, parts), members), message.new_text, parts, members),
                              message, members)
    framed = split_coordinated(split_elliptic(framed, members, message.date))
    candidates = drop_dates_told(drop_told_asker(drop_answers(drop_addressing(drop_retold(apply_date_carriers(
        with_sectors(apply_list_tail(sentences, framed, message.new_text, message.date),
                     message), message.new_text), parts), parts), message), message), message)
    if forwarded or _FORWARD_MARK.search(message.new_text):
        # "FYI, please see the LS below": a pointer to the forwarded mail, whose own
        # sentences are the items.
        candidates = [c for c in candidates if not (
            (c.kind == NOTE or c.rule in ("for_action", "for_information"))
            and _POINTER.search(c.sentence))]
    candidates = asking_for_answers([as_question(c, message, members, products) for c in candidates
                                     if not _said_before(message, c.sentence)],
                                    sentences, message, members)
    candidates = _addressed_and_dated(candidates, sentences, message, members)
    candidates = drop_told(date_in_month(_without_statements(candidates, message, members),
                                         message.date), message, members)
    # The paragraph's one deadline, once the sentences that owe nothing are left out.
    candidates = date_from_paragraph(candidates, sentences, message.new_text, message.date)
    # A silence put to the readers is the list's item, whatever the rules read in it.
    candidates = _as_configured(with_silences(hand_out_requests(drop_own_news(candidates), parts),
                                              silences), rules, message)
    return one_item_per_questionnaire(candidates, message.new_text)


def _addressed_and_dated(candidates: list[ActionCandidate], sentences: list[Sentence],
                         message: ActionInput, members: MembersConfig | None
                         ) -> list[ActionCandidate]:
    """The items with the owners the list, the Bureaux (asked through their staff too) or
    the sentence before give them, then the dates said around them or earlier in the
    message."""
    candidates = to_each_unit(bureaux_behind_names(candidates, message, members), message,
                              members)
    candidates = own_told_answers(to_the_bureaux(noted_by_the_list(candidates, message),
                                                 message, members),
                                  message.new_text, sentences, members)
    candidates = to_makers(to_wished_parties(you_named_before(
        candidates, message.new_text, members), message, members), sentences, message, members)
    return date_from_agenda(date_from_earlier_days(date_from_earlier_deadline(date_from_around(
        candidates, sentences, message.new_text, message.date)), message.new_text, message.date),
                            message.new_text, message.date, message.subject)


def _without_statements(candidates: list[ActionCandidate], message: ActionInput,
                        members: MembersConfig | None) -> list[ActionCandidate]:
    """The items less the sentences that read like work but owe nothing on the list
    (:mod:`.action_statements`, receipts, forecasts, contingencies), and those that are
    somebody else's business (:mod:`.action_outsiders`) or only promise to come back
    (:mod:`.action_reverts`)."""
    candidates = drop_reverts(drop_outside_requests(candidates, message))
    return drop_contingencies(drop_corrections_asked(drop_own_needs(drop_receipts(drop_forecasts(
        drop_explanations(drop_requests_of_us(drop_reported_requests(drop_meeting_work(
            drop_purposes(drop_role_changes(drop_recalled(drop_summaries(drop_intentions(
                drop_roles(drop_advice(drop_facts_told(candidates))))))))))))),
        message), message, members)))


def _said_before(message: ActionInput, sentence: str) -> bool:
    """A reply's sentence that chases what was asked or says yes to what was offered:
    the earlier item or offer stands, no new item."""
    return chases(message, sentence) or takes_offer(message, sentence)


def _as_configured(candidates: list[ActionCandidate], rules: ActionRules,
                   message: ActionInput) -> list[ActionCandidate]:
    """The deployment's choices: offers and notes kept, dropped or counted as actions;
    the list's conventions of "before <day>" and of commitments announced."""
    conventions = message.conventions
    candidates = to_the_list(candidates, message)
    if conventions.before != "events":
        candidates = [before_as_agreed(c, conventions.before) for c in candidates]
    if conventions.commitments == "drop":
        # "We will prepare the contribution": the sender's own undated promise, news of
        # work to come rather than work the list follows (a date keeps it).
        candidates = [c for c in candidates if not (
            c.kind == ACTION and c.due is None and _RULE_OWNERS.get(c.rule, "").startswith(
                "sender"))]
    if rules.offers == "drop":
        candidates = drop_conditional_offers(drop_offers(candidates))
    if rules.notes == "drop":
        candidates = [c for c in candidates if c.kind != NOTE]
    elif rules.notes == "addressed":
        # "Please note that the room has changed": news for whoever reads, owed by nobody;
        # and so when it is told to someone ("Kindly note that SG12 has no Recommendation
        # on it yet", to the asker): the courtesy "please note" addresses nobody a task.
        # A stand-in while somebody is away names whom to turn to: the list's record.
        candidates = [c for c in candidates if c.kind != NOTE or c.rule == STAND_IN
                      or (c.owner and c.rule != "please_note")]
    elif rules.notes == "action":
        candidates = [replace(c, kind=ACTION) if c.kind == NOTE else c for c in candidates]
    return [_owned_by_bureaux(_the_secretariat(c, rules.secretariat)) for c in candidates
            if c.confidence >= rules.min_confidence]


def _the_secretariat(candidate: ActionCandidate, unit: str | None) -> ActionCandidate:
    """The item with "the secretariat" of the list read as the unit that serves it
    (``secretariat`` in actions.yaml: the ISCG's is the General Secretariat), so that the
    unit's staff see it and close it ("The secretariat is requested to prepare a first
    draft", `w12`-037, `w19`-034; unset, the owner stays "Secretariat")."""
    owner = candidate.owner
    if unit is None or not owner or "Secretariat" not in owner:
        return candidate
    parts = [unit if p.strip() == "Secretariat" else p.strip() for p in owner.split(",")]
    joined = ", ".join(dict.fromkeys(parts))
    return candidate if joined == owner else replace(candidate, owner=joined)


# How each built-in rule finds its owner ("sender": "I will ...", "sender_unit": a
# staff passive): the commitments the sender announces.
_RULE_OWNERS = {rule.name: rule.owner for rule in RULES}


# A Sector invited as a whole, as a liaison statement addresses it ("ITU-D is invited to
# comment", "For information to: ITU-R, ITU-D"): its membership, not its Bureau.
_SECTOR_INVITED = re.compile(r"\b(?:is|are)\s+(?:kindly\s+)?(?:invited|requested)\b")


def _owned_by_bureaux(candidate: ActionCandidate) -> ActionCandidate:
    """The candidate with the Sectors among its owners read as their Bureaux, unless the
    Sector is addressed or invited as a liaison statement addresses it."""
    if candidate.rule in ("for_action", "for_information") or _SECTOR_INVITED.search(
            candidate.sentence):
        return candidate
    owner = sectors_as_bureaux(candidate.owner)
    return candidate if owner == candidate.owner else replace(candidate, owner=owner)


def find_questions(message: ActionInput, items: Sequence[ActionCandidate] = (),
                   members: MembersConfig | None = None,
                   products: ItuProducts = NO_PRODUCTS, *,
                   secretariat: str | None = None) -> list[ActionCandidate]:
    """The message's questions (:func:`.action_questions.find_question_candidates`), those
    asked in a meeting's agenda dated as its items are (:func:`.date_from_agenda`); a
    numbered list of questions put alike to the same readers one item (a questionnaire,
    :func:`.one_per_questionnaire`); "the secretariat" asked is the ``secretariat`` unit,
    as in the rules' items."""
    questions = to_wished_parties(you_named_before(
        find_question_candidates(message, items, members, products), message.new_text, members),
        message, members)
    questions = one_per_questionnaire(questions, message.new_text, items)
    questions = date_from_agenda(date_from_earlier_days(
        questions, message.new_text, message.date),  # "could you also check, by the same date"
        message.new_text, message.date, message.subject)
    questions = date_from_paragraph(questions, None, message.new_text, message.date, items)
    return [_the_secretariat(q, secretariat) for q in without_objection_questions(
        questions, items)]


# Re-exported so callers need one import.
__all__ = [
    "ACTION",
    "DEFAULT_CLOSURE_PHRASES",
    "DEFAULT_RULES",
    "NOTE",
    "QUESTION",
    "RULES",
    "ActionRules",
    "ClosingSentence",
    "Rule",
    "answers_question",
    "closing_sentences",
    "detect_closure",
    "extract_actions",
    "find_questions",
]


