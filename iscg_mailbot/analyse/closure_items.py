"""Which open items of a thread a reply closes, and for whom.

A reply closes an item with a sentence saying the work is done (a configured phrase or
:func:`~iscg_mailbot.analyse.action_closure.delivery_statement`), or by answering what
the item asked. Which items and whose share, read from the reply:

- the doer is who the sentence names as acting ("TSB's input is attached", "BDT has
  sent"), not a recipient ("passed to the Q6/2 co-rapporteurs", "sent to TSB"); "It was
  sent this afternoon" takes the doer of the sentence before; failing a name, the
  sender, the body the sender speaks for, then the groups of the sender's Sector (TSB
  staff for ITU-T study groups);
- part of the work still to come ("the highlights will follow", "one moderator is still
  to be confirmed") keeps open the item it talks about;
- passing the request on ("Forwarded to the co-rapporteurs") completes only an item that
  asked for it to be passed on;
- an item naming no owner ("please send me ...", "each Bureau is asked to ...") is
  everyone's: a reply completes the share of whoever it is from ("TSB's input
  attached"), and the item stays open for the others;
- a reply heading its answer with a share ("For BR: ...", "BDT: A = 46%") answers that
  owner's share of a request put to several (:mod:`~iscg_mailbot.analyse.closure_labels`);
- one thing asked of several people (a joint note, their unit's slides) is sent for all
  of them by whichever of them sends it (:func:`~iscg_mailbot.analyse.closure_people.one_thing_of_people`);
- a liaison's request to a group waits for the group's reply: not met by a draft reply
  sent round for comment, nor while the reply is "planned for the October meeting", nor
  (a study group's) by another delivery (:mod:`~iscg_mailbot.analyse.closure_liaison`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from iscg_mailbot.analyse.action_addressee import SECTOR_BUREAU, bodies_bureau
from iscg_mailbot.analyse.action_closure import DELIVERIES, asks_to_say
from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.action_tables import close_by_status_table
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.analyse.closure_accept import REFUSAL, accepts_request
from iscg_mailbot.analyse.closure_deeds import deeds_asked
from iscg_mailbot.analyse.closure_greetings import greeted
from iscg_mailbot.analyse.closure_labels import labelled_share
from iscg_mailbot.analyse.closure_later import COMES_BACK, not_awaiting_reply, still_to_come
from iscg_mailbot.analyse.closure_liaison import awaits_group_reply, meets_liaison
from iscg_mailbot.analyse.closure_people import names_people, one_thing_of_people, to_co_owner
from iscg_mailbot.analyse.closure_phrases import phrase_patterns
from iscg_mailbot.analyse.closure_points import on_points, points_referred, with_label
from iscg_mailbot.analyse.closure_reading import asks_to_pass, delegates, shared_words
from iscg_mailbot.analyse.closure_received import close_received
from iscg_mailbot.analyse.closure_reply import PRONOUN, Reply, later, reply_of
from iscg_mailbot.analyse.closure_speaker import (
    Speaker,
    acting_parts,
    asked_of_another,
    doers,
    owner_parts,
    shares_covered,
    speaker_of,
    standing_in,
)
from iscg_mailbot.analyse.closure_state import other_state, state_told
from iscg_mailbot.analyse.closure_tense import only_to_come
from iscg_mailbot.analyse.closure_yes import answered_yes_or_no
from iscg_mailbot.records import Address, Closure, OpenItem
from iscg_mailbot.settings.actions import DEFAULT_CLOSURE_PHRASES
from iscg_mailbot.settings.members import MembersConfig

_ALL_ITEMS = re.compile(
    r"\ball\s+(?:the\s+)?(?:items|actions|action\s+items|of\s+them|points)\b|\beverything\b|"
    r"\ball\s+(?:done|completed|closed)\b|"
    r"\b(?:the|all)\s+(?:two|three|four|five|\d)\s+(?:points|items|questions|requests)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class ClosingSentence:
    """A sentence of a reply saying something is done, and the phrase that says it."""

    sentence: Sentence
    phrase: str


def closing_sentences(text: str, phrases: Iterable[str]) -> list[ClosingSentence]:
    """Clauses of new text that say something is done (negations, questions and
    signatures skipped)."""
    patterns = phrase_patterns(tuple(phrases))
    found = []
    reply = reply_of(text)
    for sentence, clauses in reply.sentences:  # sign-off lines left out
        if sentence.text.rstrip().endswith("?"):
            continue
        # Completion said in other words: "was sent to the SG", "please find attached".
        for clause in clauses:
            phrase = patterns.find(clause.text, reply.words(clause.text)) \
                or reply.statement(clause.text) or state_told(clause.text, reply.words(clause.text))
            if phrase is not None:
                found.append(ClosingSentence(clause, phrase))
    return found


@dataclass(frozen=True)
class _Choice:
    items: list[OpenItem]
    by: frozenset[str]  # the names that chose them (case-folded)
    who: tuple[str, ...]  # who did it, for the share of an item naming no owner


def _closed_by(text: str, before: str, open_items: Sequence[OpenItem],
               members: MembersConfig | None, speaker: Speaker) -> _Choice:
    """The items a closing clause closes: those of the owners it names as acting, else
    the sender's own, else those of the body or Sector the sender speaks for, else
    those naming no owner (the one open, or those the clause talks about)."""
    acting = [m for m in doers(text, members) if not greeted(text, m)] or (
        doers(before, members) if PRONOUN.match(text) else [])
    named = frozenset(p for m in acting for p in acting_parts(m.owner))
    who = tuple(dict.fromkeys(m.owner for m in acting)) or (speaker.display,)
    if named:
        chosen = [i for i in open_items if owner_parts(i.owner) & named]
        if chosen:
            return _Choice(_asked_for(text, chosen), named, who)
    # The sender's own items and those of the body spoken for ("Here is the cleared
    # outline" closes BDT's request and Amara's "I will send it"); of several, those
    # the clause talks about when it talks about some.
    names = speaker.own | speaker.bodies
    chosen = [i for i in open_items if owner_parts(i.owner) & names]
    about = [i for i in chosen if shared_words(text, i.sentence)]
    if chosen:
        return _Choice(about or _asked_for(text, chosen), names, who)
    chosen = [] if named else [i for i in open_items if speaker.of_sector(i)]
    if chosen:
        return _Choice(chosen, frozenset(), who)
    if _ALL_ITEMS.search(text):
        return _Choice(list(open_items), frozenset(), who)
    if len(open_items) == 1 and open_items[0].owner and not speaker.listed and not named:
        # The only open item, done by a sender we cannot place; a listed member who
        # is not its owner ("Our lab has done a campaign") reports on something else.
        return _Choice(list(open_items), frozenset(), who)
    everyone = [i for i in open_items if not i.owner]
    if len(everyone) > 1:  # those it talks about, or whose points it names
        everyone = [i for i in everyone
                    if shared_words(text, i.sentence) or i.point in points_referred(text)]
    return _Choice(everyone, named, who)


def detect_closure(
    reply_new_text: str,
    open_items: Sequence[OpenItem],
    phrases: Iterable[str] = DEFAULT_CLOSURE_PHRASES,
    *,
    sender: Address | None = None,
    members: MembersConfig | None = None,
) -> list[Closure]:
    """The open items of a thread that a reply's new text closes (see the module).

    A clause closes items when it holds one of ``phrases``, reports a delivery (not
    negated, not a question) or tells the state the item's own deed left ("the room is
    booked"); ``Closure.owners`` names the shares done ("Done for BDT" of an item of TSB
    and BDT; the sender's body of one naming no owner). An item no clause closes, asking
    to say something, is answered by a reply saying it (:func:`answered_items`).
    """
    if not (open_items := not_awaiting_reply(reply_new_text, open_items)):
        return []
    speaker = standing_in(speaker_of(sender, members), reply_new_text, members)
    reply = reply_of(reply_new_text)
    closures: dict[int, Closure] = {}
    for found in closing_sentences(reply_new_text, phrases):
        text = found.sentence.text
        before = next((s.text for s, _ in reversed(reply.sentences)
                       if s.end <= found.sentence.start), "")
        on_them = on_points(open_items, with_label(reply_new_text, found.sentence.start, text))
        choice = _closed_by(text, before, on_them, members, speaker)
        for item in (i for i in choice.items if meets_liaison(text, before, i)):
            pending = still_to_come(reply.pending, item, choice.by, members)
            if later(item.sentence, [text], pending) or to_co_owner(text, item.owner, members) \
                    or (delegates(text) and not asks_to_pass(item.sentence)) \
                    or other_state(found.phrase, text, item.sentence):
                continue  # part to come, to a co-owner, passed on, or another deed's state
            shares = shares_covered(item.owner, choice.by) if item.owner else choice.who
            if shares and item.owner and found.phrase in DELIVERIES \
                    and one_thing_of_people(item.sentence, item.owner, members, text):
                shares = ()  # one of them sent the one thing asked of them all
            closures.setdefault(item.id, Closure(
                item.id, text, found.phrase, (found.sentence.start, found.sentence.end),
                shares))
    _deeds_done(reply, open_items, speaker, members, closures)
    close_received(reply_new_text, reply.answer.says, open_items, closures)  # "... reached me"
    close_by_status_table(reply_new_text, open_items, closures)  # "| 3 | closed |"
    # The items no clause reports done, answered by what else the reply says ("BR's contribution
    # was sent yesterday. We have no case to withhold."; if some closed, those it talks about).
    rest = [i for i in open_items if i.id not in closures
            and (not closures or reply.answer.about(i.sentence))]
    if rest:
        _answered_rest(reply_new_text, reply, rest, speaker, members, closures)
    return [closures[i.id] for i in open_items if i.id in closures]


def _answered_rest(reply_new_text: str, reply: Reply, rest: Sequence[OpenItem],
                   speaker: Speaker, members: MembersConfig | None,
                   closures: dict[int, Closure]) -> None:
    """The items no clause reported done that the reply answers (:func:`answered_items`),
    for the sender's share, or whole when one of several people sent the one thing asked
    of them all ("BR slides attached" of the slides asked of BR's two)."""
    delivered: bool | None = None  # read when first needed: most replies answer nothing
    rest = [i for i in rest if not awaits_group_reply(i)]  # (a liaison's: the group's reply)
    for item in answered_items(reply_new_text, on_points(rest, reply_new_text),
                               speaker.own | speaker.bodies, members):
        shares = shares_covered(item.owner, speaker.own | speaker.bodies) if item.owner \
            else (speaker.display,)
        if shares and item.owner and delivered is None:
            # (each clause's words as the reply has read them for its other gates)
            delivered = any(reply.statement(c) in DELIVERIES for c in reply.answer.says)
        if shares and item.owner and delivered \
                and one_thing_of_people(item.sentence, item.owner, members):
            shares = ()
        closures[item.id] = Closure(
            item.id, reply_new_text.strip()[:300], "answered", (0, len(reply_new_text)),
            shares)


def _asked_for(text: str, items: list[OpenItem]) -> list[OpenItem]:
    """Of an owner's items, those a delivery completes: a thing sent or attached
    ("Please find attached TSB's input") completes the requests for a thing, not one
    asking to say something else ("indicate any case of overlap"), unless it talks
    about it; a confirmation ("Done for BDT") completes them all."""
    if not _DELIVERS.search(text):
        return items
    things = [i for i in items if not _asks_to_say(i.sentence)]
    if not things or len(things) == len(items):
        return items
    return [i for i in items if i in things or shared_words(text, i.sentence)]


_DELIVERS = re.compile(r"\b(?:attach|enclos|sent\b|submitted|uploaded|posted|circulated|"
                       r"shared|provided|forwarded|transmitted)", re.IGNORECASE)


def _deeds_done(reply: Reply, open_items: Sequence[OpenItem], speaker: Speaker,
                members: MembersConfig | None, closures: dict[int, Closure]) -> None:
    """The owner's items whose deed a clause reports done in the past, in the item's own
    verb: "I replied to APT this morning" of "Could you reply to APT?", "Update: I
    asked the co-rapporteurs on Friday" of "I will ask the co-rapporteurs to ..."."""
    for item in open_items:
        if item.id in closures or not item.owner:
            continue
        for sentence, parts in reply.deeds:
            deed = next((c for c, done in parts if deeds_asked(done, item.sentence)), None)
            if deed is None:
                continue
            by = speaker.own | speaker.bodies | {p for m in doers(deed.text, members)
                                                 for p in owner_parts(m.owner)}
            # Not while part of it is still to come ("I checked the figures;
            # corrections will follow next week").
            if owner_parts(item.owner) & by and not reply.leaves(item.sentence):
                closures[item.id] = Closure(item.id, deed.text, "did",
                                            (sentence.start, sentence.end),
                                            shares_covered(item.owner, by))
                break


_INTERROGATIVE = re.compile(r"\b(?:whether|who|which|when|where|what|how\s+(?:many|much|to|can))\b",
                            re.IGNORECASE)
_TO_DELIVER = re.compile(r"\b(?:send|share|provide|submit|propose|suggest|nominate|prepare|"
                         r"circulate|post|upload|compile|give|forward|update)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # an open item is compared with every reply of its thread
def _asks_to_say(item_sentence: str) -> bool:
    """Whether an item asks for something said ("confirm", "say whether", "how many"),
    rather than for a thing delivered ("could BDT send an update on which labs ...?":
    the delivery verb comes first)."""
    if asks_to_say(item_sentence):
        return True
    asked = _INTERROGATIVE.search(item_sentence)
    if asked and item_sentence[:asked.start()].rstrip().endswith(",") \
            and not item_sentence.rstrip().endswith("?"):
        asked = None  # a relative clause: "a first list, which I will merge"
    deliver = _TO_DELIVER.search(item_sentence)
    return asked is not None and (deliver is None or asked.start() < deliver.start())


def question_owners(reply_new_text: str, owner: str | None, *, sender: Address | None = None,
                    members: MembersConfig | None = None,
                    question: str | None = None) -> tuple[str, ...] | None:
    """Whose share of a question asked of several owners a reply answers ("Yes for
    TSB", or TSB staff writing): ``()`` for the whole question, None for none of it.

    The owners the sender speaks for and those the reply names as acting ("Pierre
    confirms for BDT"; not in what it leaves for later: "BDT will answer separately");
    a reply from a member of the list who speaks for none of the owners ("Hiroshi" of
    TSB on a question asked of BDT) answers none of it, while one from a sender we
    cannot place answers the whole question, as does anybody's reply to a question
    asked of people, not bodies. Only a body the question itself names ("Will TSB
    organise ...?") keeps its share for itself: an owner inferred from around the
    question (the greeting, a heading, the Sector named before it) is whom the asker
    hoped would answer, and whoever answers instead ("Ahmed passed on the question")
    answers it; ``question`` None takes every owner as named. A question read with no
    owner is asked of the Bureaux it names ("BDT, in addition, could you let us know
    ...?", "Please BR and TSB kindly advise"), share by share."""
    parts = [p.strip() for p in (owner or "").split(",") if p.strip()] or (
        list(_bureaux_asked(question)) if question else [])
    speaker = speaker_of(sender, members)
    if not parts or (len(parts) == 1 and not speaker.listed):
        return ()  # (one owner and a sender not on the list: the whole, whoever acts)
    names = speaker.own | speaker.bodies
    if not all(owner_parts(p) & names for p in parts):
        # (Whom the reply names as acting is read only when it can change the answer:
        # the sender's own names do not cover every owner.)
        names = names | reply_of(reply_new_text).named(members)
    covered = tuple(p for p in parts if owner_parts(p) & names) or tuple(
        p for p in parts if speaker.of_sector(OpenItem(0, p)))
    if covered:
        return () if len(covered) == len(parts) else covered
    # A body's share is its own to give, and so is a person's the question names
    # (:func:`asked_of_another`); a question put to people ("Which room is booked?",
    # asked of whoever the reply answered) is answered by whoever knows.
    return None if speaker.listed and (any(
        _is_body(p) for p in parts if question is None or _named_in(p, question))
        or asked_of_another(question, parts, speaker, members)) else ()


@lru_cache(maxsize=1024)  # a question is compared with every later reply of its thread
def _bureaux_asked(question: str) -> tuple[str, ...]:
    """The Bureaux (and the General Secretariat) a question names as acting, not as
    receiving ("sent to TSB")."""
    return tuple(dict.fromkeys(m.owner for m in doers(question, None)
                               if m.owner.casefold() in _BUREAUX))


_BUREAUX = frozenset({"tsb", "br", "bdt", "general secretariat"})


def _named_in(owner: str, question: str) -> bool:
    """Whether a question names an owner itself ("Could BDT share ...?"), or the Sector
    whose Bureau it is ("Does ITU-T still have a Focus Group on ...?" is TSB's to answer,
    and another's guess, "I think it finished - TSB will know", does not answer it), or a
    study group whose Bureau serves it ("Does the ITU-D SG1 report cover it?" is BDT's,
    as the extraction reads it, and TSB's answer on ITU-T's work does not answer it)."""
    named = {m.owner for m in find_mentions(question, None)}
    served = {SECTOR_BUREAU.get(n) or bodies_bureau(n) or n for n in named}
    return bool(owner_parts(owner) & {p for m in named | served for p in owner_parts(m)})


def _is_body(owner: str) -> bool:
    """Whether an owner is a body (a Bureau, a study group ...), not a person."""
    return any(m.kind != "member" for m in find_mentions(owner, None))


def answers_question(reply_new_text: str, question: str = "", *, owner: str | None = None,
                     sender: Address | None = None, members: MembersConfig | None = None,
                     others: Sequence[str] = ()) -> bool:
    """Whether a reply answers a question: it says something beyond thanks, acceptance
    ("Sure, will do"), further questions and "I will come back to you" (unless that
    is about another question it leaves for later). A reply that only delivers what
    another open item asked for (``others``: "The template is attached" of "BDT: the
    template for national reports") answers the question of somebody it does not speak
    for (``owner``, when ``sender`` is given) only when it talks about it."""
    reply = reply_of(reply_new_text)
    if any(deeds_asked(done, question) for _, parts in reply.deeds for _, done in parts) \
            and not reply.leaves(question):
        return True  # the deed asked, reported done: "I replied to APT this morning"
    if labelled_share(reply, owner, speaker_of(sender, members).speaks_for, members):
        return True  # "For BR: we already reserve 30% of the seats ..."
    read = reply.answer
    # (What the reply talks about, all its words, is read last: most replies never need it.)
    if sender is not None and others and read.says \
            and (not owner or all(reply.statement(c) for c in read.says)) \
            and not read.about(question) and any(read.about(other) for other in others):
        speaker = speaker_of(sender, members)
        if not owner_parts(owner) & (speaker.own | speaker.bodies):
            return False
    if (read.rest_to_come and (read.points_left or not read.echoes(question))) \
            or (accepts_request(question, read.says, read.promised) and not _asks_to_say(question)):
        # A part reported, the rest to come ("For the other venues I'll check with
        # ..."); a part answered in the question's own word is an answer ("Feasible for
        # the contacts. For the funding, we are still looking": the first writer), or
        # the request only taken on ("Happy to do the RAG point": closure_accept).
        return False
    if _asks_to_say(question):
        return read.answers(question) or read.commits_to(question)
    if not _TO_DELIVER.search(question) and answered_yes_or_no(read, question):
        return True  # "Is a calendar planned?" - "Yes, the Regional Office will prepare one"
    # A request put as a question ("Could the conference service test the set-up?")
    # is not answered while the reply promises the deed more than it reports on it; a
    # promise telling what will be done answers a question on it ("Will the note be
    # public?" - "It will be public: once RAG has taken note of it we will move it").
    if not (read.answers(question) or (
            read.informs(question) and not _TO_DELIVER.search(question))):
        return False
    if not _REQUEST.match(question):
        return True
    to_come = [c for c in read.says if _FUTURE.search(c)] + list(read.promised)
    return not later(question, [c for c in read.says if c not in to_come], to_come)


_REQUEST = re.compile(r"^\W*(?:could|can|would)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall)\s+(?!be\b|not\b)\w+|'ll\s+\w+", re.IGNORECASE)


def answered_items(reply: str, open_items: Sequence[OpenItem], speaker: Iterable[str],
                   members: MembersConfig | None = None) -> list[OpenItem]:
    """Items answered by a reply that says something (not only thanks, acceptance or "I
    will come back to you"): an item asking to say something ("please confirm") by its
    owner's reply, or anybody's when it names no owner; any other by its owner's reply
    that reports rather than promises ("The nominee is Mr Mori") or names the people
    asked for (:func:`names_people`, of ``members`` too); a request to deliver, not by
    what is left for later ("the abstract follows tomorrow")."""
    names = frozenset(speaker)
    # Only the owner's items and those naming no owner can be answered: the rest first.
    mine = [(item, owned) for item in open_items
            if (owned := bool(owner_parts(item.owner) & names)) or not item.owner]
    if not mine:
        return []
    read = reply_of(reply).answer
    found = []
    for item, owned in mine:
        if owned and (names_people(item.sentence, reply_of(reply), names, members)
                      or labelled_share(reply_of(reply), item.owner, names, members)):
            found.append(item)  # (people named; "BDT: A = 46%" of "send me your figures")
            continue
        if owned and item.owner_kind in ("sender", "member") and COMES_BACK.search(
                item.sentence) and (read.says or read.informs(item.sentence)) \
                and not read.put_off:
            # The owner's own promise to check and come back ("For the trainer, I will
            # check availability and revert by Friday", "I'll check with our conference
            # services"), kept by the owner's next reply that says something, whatever
            # else it promises or words it uses.
            found.append(item)
            continue
        if owned and item.sentence.rstrip().endswith("?") and any(
                REFUSAL.search(c) for c in (*read.says, *read.promised)):
            found.append(item)  # "I'm afraid BR cannot commit to it: instead, a note ..."
            continue
        says = _asks_to_say(item.sentence)
        if not read.answers(item.sentence, delivered=not says) or read.rest_to_come or (not says and (
                read.leaves(item.sentence) or only_to_come(read, item.sentence))) or read.only_when:
            continue  # no delivery reported, part of the thing or the deed still to come
        # "Could BDT send an update?" is a request put as a question: "Thank you for the
        # offer. Sure, we will send it" promises it and says nothing about it.
        asking = says or (item.sentence.rstrip().endswith("?") and (
            read.about(item.sentence) or not read.promises))
        # Any other item of the owner's, by a report about it: "Unfortunately not: the
        # translations start later" reports nothing on Nadia's "I will compile them".
        if (asking and (owned or not item.owner)) or (
            owned and not read.promises and item.owner_kind in ("group", "member")
            and read.about(item.sentence)
        ):
            found.append(item)
    return found
