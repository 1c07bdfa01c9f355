"""A reply read once, however many open items it is compared with.

Closure detection asks several questions of a reply (which of its clauses say something
is done, which leave work for later, whether it answers a question, whom it speaks for)
for each open item of its thread and for each question asked in it. What depends on the
reply alone (its sentences, their clauses, what each clause reports) is read here, the
first time it is asked for, and kept with the reply: :func:`reply_of` returns the same
:class:`Reply` for the same text while the reply is being compared with its items.

    >>> [c.text for c in clauses(Sentence("The table is missing; I have added it", 0, 37))]
    ['The table is missing', 'I have added it']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial

from iscg_mailbot.analyse.action_closure import delivery_statement, promises, says_something
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.analyse.closure_deeds import deeds
from iscg_mailbot.analyse.closure_handoff import leaves_points, passes_on
from iscg_mailbot.analyse.closure_later import REST_TO_COME
from iscg_mailbot.analyse.closure_reading import (
    asks_onto_agenda,
    content_words,
    deferral,
    lead_stem,
    on_agenda,
    shared_words,
    signature_start,
    signoff_lines,
)
from iscg_mailbot.analyse.closure_speaker import doers, owner_parts
from iscg_mailbot.analyse.closure_words import word_runs, words_of
from iscg_mailbot.settings.members import MembersConfig

# A clause going on about the same deed ("...; it has been sent to SG17") stays with the
# clause before; a name after these is whom the work went to, not who did it.
PRONOUN = re.compile(r"^\W*(?:it|this|they|these|both)\b", re.IGNORECASE)
_CUTS = re.compile(r"[();]")


def clauses(sentence: Sentence) -> list[Sentence]:
    """A sentence cut at its semicolons outside brackets: "TSB's table is still missing;
    I have included last year's figures" says two things about two items."""
    text = sentence.text
    if ";" not in text:  # most sentences: one clause
        stripped = text.strip()
        if stripped == text and sentence.end == sentence.start + len(text):
            return [sentence]  # (the sentence itself: most are read stripped, one line)
        return [Sentence(stripped, sentence.start, sentence.start + len(text))] \
            if stripped else []
    parts, depth, start = [], 0, 0
    for cut in _CUTS.finditer(text):
        char, i = cut.group(), cut.start()
        depth += (char == "(") - (char == ")")
        if char == ";" and depth <= 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(text)))
    for k in range(len(parts) - 1, 0, -1):
        if PRONOUN.match(text[parts[k][0]:parts[k][1]]):
            parts[k - 1:k + 1] = [(parts[k - 1][0], parts[k][1])]
    return [Sentence(text[a:b].strip(), sentence.start + a, sentence.start + b)
            for a, b in parts if text[a:b].strip()]


def later(item_sentence: str, done: Sequence[str], pending: Sequence[str]) -> bool:
    """Whether what is left for later is more about an item than what is done."""
    if not pending:
        return False
    left = max(shared_words(s, item_sentence) for s in pending)
    return left > max((shared_words(s, item_sentence) for s in done), default=0)




def words_of_all(texts: Sequence[str]) -> frozenset[str]:
    """The content words of any of ``texts``: ``any(shared_words(t, s) for t in texts)``
    is ``not words_of_all(texts).isdisjoint(content_words(s))``, one set test for each
    item compared with a reply instead of one a clause."""
    return frozenset().union(*(content_words(t) for t in texts))


@dataclass(frozen=True)
class Answer:
    """A reply's clauses sorted by what they do: say something, put off the answer,
    leave work for later, promise."""

    says: tuple[str, ...]  # substantive, neither a promise nor an answer put off
    put_off: tuple[str, ...]
    pending: tuple[str, ...]
    promises: bool
    promised: tuple[str, ...] = ()  # the clauses of sentences that promise
    # :func:`words_of` a clause, when the reply has read them (its gates' words).
    words: Callable[[str], frozenset[str]] | None = field(default=None, compare=False,
                                                          repr=False)

    @classmethod
    def read(cls, text: str) -> Answer:
        return Reply(text).answer

    @classmethod
    def of(cls, sentences: Sequence[str], each: Sequence[Sequence[str]],
           read: Callable[[str], tuple[bool, bool]] = deferral,
           accepts: Callable[[str], bool] | None = None,
           words: Callable[[str], frozenset[str]] | None = None) -> Answer:
        """The answer of a reply's sentences before its signature (none a sign-off
        line), each with the texts of its clauses (:func:`clauses`); ``read``:
        :func:`deferral`, ``accepts``: :func:`promises` and ``words``: :func:`words_of`
        (or the reply's readings)."""
        accepting = [(accepts or promises)(s) for s in sentences]
        # A clause of a sentence that promises goes with the promise ("Yes, we have the
        # template; I will send it this week").
        promised = {c for parts, accepts in zip(each, accepting, strict=True) if accepts for c in parts}
        whole = set(sentences)  # (a clause that is its whole sentence is no sign-off line)
        texts = [c for parts in each for c in parts]
        deferred = {c: read(c) for c in texts}  # (answer put off, work left)
        return cls(
            # (a point passed on to somebody else, "[for TSB]", says nothing now)
            tuple(c for c in texts if c not in promised and not deferred[c][0]
                  and says_something(c, False if c in whole else None)
                  and not passes_on(c, words(c) if words is not None else None)),
            tuple(c for c in texts if deferred[c][0]),
            tuple(c for c in texts if deferred[c][1]),
            any(accepting),
            tuple(c for c in texts if c in promised and not deferred[c][0]),
            words,
        )

    def commits_to(self, question: str) -> bool:
        """Whether the reply answers a question about what will be done by saying what
        will be done ("Who will coordinate the reply?" - "I will coordinate the reply
        for BDT"): a promise going on about the deed asked about (two words shared),
        not a bare "Sure, will do". Of a question asking who will do it ("could you tell
        me who in your Bureau coordinates the reply?"), a person named as doing it is the
        answer (:func:`names_the_doer`), whatever the words: "For BDT I will coordinate",
        "Sofia, for TSB it is Ahmed", "I will be the focal point for this LS"."""
        return any(shared_words(c, question) >= 2 for c in self.promised) \
            or names_the_doer(question, self.says, self.promised)

    def informs(self, question: str) -> bool:
        """Whether what the reply promises tells the asker something: a promise that
        brings three content words of its own ("BDT will cover Bhutan, Nepal and
        Bangladesh through the regional initiative" to "Could BDT co-fund
        fellowships?"), while no answer is put off; not "Sure, we will do it", nor a
        thing still to deliver ("I will send it with the case study this week")."""
        if self.put_off:
            return False
        asked = content_words(question)
        return any(len(content_words(c) - asked) >= 3 for c in self.promised
                   if c not in self.pending)

    @cached_property
    def _leads(self) -> dict[str, str]:
        """The stem each clause said or promised (not left for later) opens with
        (:func:`lead_stem`), for the clauses opening with one: an answer taking up the
        question's own word."""
        found = {}
        for clause in (*self.says, *self.promised):
            if clause not in self.pending and (lead := lead_stem(
                    clause, self.words(clause) if self.words is not None else None)) is not None:
                found[clause] = lead
        return found

    def echoes(self, item_sentence: str, reports: Sequence[str] | None = None) -> bool:
        """Whether a clause said or promised (of ``reports``, else of all said) opens
        with the question's own word: "Feasible for the contacts - ..." of "Could BDT
        tell us whether this is feasible?"."""
        return bool(self._leads) and any(
            self._leads[c] in content_words(item_sentence)
            for c in (*(self.says if reports is None else reports), *self.promised)
            if self._leads.get(c) is not None)

    @cached_property
    def rest_to_come(self) -> bool:
        """Whether a clause left for later says the rest of what was asked is still to
        come (:data:`~iscg_mailbot.analyse.closure_later.REST_TO_COME`): what the
        reply reports is then a part, whatever words the rest shares with the item."""
        return any(REST_TO_COME.search(c) or leaves_points(c) for c in self.pending)

    @cached_property
    def points_left(self) -> bool:
        """Whether a clause leaves numbered points with somebody or for later ("5 and 6
        need the SG12 counsellor"): an answer in the question's own word to the other
        points is still a part."""
        return any(leaves_points(c) for c in self.pending)

    @cached_property
    def only_when(self) -> bool:
        """Whether all the reply says is when the work will come: each clause said is
        left for later ("the TSB figures will be sent by our gender focal point early
        next week", the tenth writer) or, beside a promise, a date alone ("Rajesh will
        draft the note on AI 1.4, and I will do AI 1.5. Both by 5 April.", the ninth)."""
        return bool(self.says) and (all(
            c in self.pending or (self.promises and _DATE_ALONE.match(c)) for c in self.says)
            # or all it says is that the deed is not done: "Not yet - Wednesday." (the
            # thirty-fourth writer; of a request for a deed, never of a question, which
            # "Not yet - it will be published in April" answers)
            or all(_NOT_YET.match(c) for c in self.says))

    @cached_property
    def _said_words(self) -> frozenset[str]:
        """The content words of all the clauses said, read once a reply: a clause shares
        a word with an item exactly when their union does."""
        return words_of_all(self.says)

    @cached_property
    def _pending_words(self) -> frozenset[str]:
        return words_of_all(self.pending)

    def about(self, item_sentence: str) -> bool:
        """Whether a clause said shares a content word with the item (:func:`talks_about`)."""
        return not self._said_words.isdisjoint(content_words(item_sentence))

    def leaves(self, item_sentence: str) -> bool:
        """Whether a clause left for later shares a content word with the item."""
        return not self._pending_words.isdisjoint(content_words(item_sentence))

    def answers(self, item_sentence: str, *, delivered: bool = False) -> bool:
        """Whether the reply answers an item: it says something (for a thing to
        deliver, something not left for later), and what it puts off is not this item
        (what it says is more about the item than what it puts off)."""
        reports = [c for c in self.says if not (delivered and c in self.pending)]
        put_off = self.put_off
        if put_off and asks_onto_agenda(item_sentence):
            # "It is now on the agenda" of an item asking to put it there: the deed done.
            reports += [c for c in put_off if on_agenda(c)]
            put_off = tuple(c for c in put_off if not on_agenda(c))
        # A part answered, the rest put off: a clause taking up the question's own word
        # ("Feasible for the contacts - the office will reach out. For the funding, I
        # will come back to you"), of something to say, not a thing to deliver.
        echo = not delivered and self.echoes(item_sentence, reports)
        if not (reports or echo) or (delivered and later(item_sentence, reports, self.pending)):
            return False
        if not put_off or echo:
            return True
        # What might be ("SG13 would be ready to hold a joint session") answers nothing
        # beside an answer put off ("I will raise it with the chair and come back").
        said = max((shared_words(s, item_sentence) for s in reports if not HEDGED.search(s)),
                   default=0)
        most = max(shared_words(s, item_sentence) for s in put_off)
        return said >= 2 and said > most


# A question asking who will do something ("tell me who in TSB and BDT will follow this
# up?", "who in your Bureau coordinates the reply"), and the answers naming the person:
# "it is Ahmed" / "that will be me" said, or a person's promise ("For BDT I will
# coordinate", "Grace will lead it", "I will be the focal point"), of the question's deed
# or a role (the sixteenth and twenty-seventh writers' dev parts close the share on it).
# The "who" opens a question, put directly or after a verb of telling ("Who will ...",
# "BDT: who in ...", "tell me by 20 May who ...", "confirm who ..."), not a relative
# clause after a noun ("could those of you who are travelling confirm ...", "each
# colleague who attends").
_ASKS_WHO = re.compile(r"(?:^|[.?!:;(\u2013]\s*|\b(?:know|tell|say|confirm|indicate|advise|"
                       r"clarify|decide|ask|check|specify|identify|inform|share|wonder)\b"
                       r"[^.?!;:]{0,40}?\s)"
                       r"who\s+(?!(?:is|are|was|were)\s+(?:asked|invited|affected)\b)"
                       r"(?:in|of|from|at|will|would|should|shall|can|could|is|are|\w+s)\b",
                       re.IGNORECASE)
_IT_IS = re.compile(r"\b(?:it|that)\s*(?:is|'s|\u2019s|will\s+be)\s+(?:me\b|"
                    r"(?-i:[A-Z][a-z\u00e0-\u00ff][\w'-]*)(?!\s+\d))", re.IGNORECASE)
# (Not "I will not coordinate", "I will be unable to": no one named.)
_PERSON_WILL = re.compile(r"(?<![\w-])(?-i:I|(?!(?:The|This|That|It|We|They|There|These|"
                          r"Those|Our|Your)\b)[A-Z][a-z\u00e0-\u00ff][\w'-]*)\s+will\s+"
                          r"(?!not\b|never\b|be\s+unable\b)"
                          r"(?:(?:also|then)\s+)?(be\s+(?:the|our)\b|\w+)")


def names_the_doer(question: str, says: Sequence[str], promised: Sequence[str]) -> bool:
    """Whether a reply names the person who will do what a question asks who will do:
    said ("for TSB it is Ahmed"), or promised by the person (:data:`_PERSON_WILL`) of
    the deed asked (a word shared) or of a role ("I will be the focal point")."""
    if "who" not in question.casefold() or not _ASKS_WHO.search(question):
        return False  # (most questions: no "who")
    if any(_IT_IS.search(c) for c in (*says, *promised)):
        return True
    for clause in promised:
        found = _PERSON_WILL.search(clause)
        if found and (found.group(1).startswith("be") or shared_words(clause, question)):
            return True
    return False


# A clause that is a date alone, after a promise: "Both by 5 April.", "All before Friday."
_NOT_YET = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?not\s+(?:yet|done\s+yet|so\s+far)\b",
                      re.IGNORECASE)
_DATE_ALONE = re.compile(r"^\W*(?:(?:both|all|each|all\s+three|the\s+two|everything)\s+)?"
                         r"(?:by|before|on|in|within|until)\s+[\w ,-]{1,30}?[.!]?\s*$",
                         re.IGNORECASE)


# A clause saying what somebody may be willing to do, not what is decided or done:
# "SG13 would be ready to hold a joint session", "BR may want to add the radio side";
# not "BDT could host it in May" (lower case: "in May 2027" is a month).
HEDGED = re.compile(r"\b(?:would|might|may|could)\s+(?:(?:also|well|perhaps)\s+)?(?:be\s+"
                    r"(?:ready|happy|willing|glad|open|prepared|interested|keen)|want|wish|"
                    r"like|consider)\b")


class Reply:
    """A reply's new text and what it says, each reading made once, when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._named: tuple[MembersConfig | None, frozenset[str]] | None = None
        self._later: dict[str, tuple[bool, bool]] = {}
        self._read: dict[str, tuple[str, frozenset[str]]] = {}

    def read(self, text: str) -> tuple[str, frozenset[str]]:
        """:func:`word_runs` and :func:`words_of` a clause or sentence of the reply, read
        once for the gates of every pattern asked of it (statements, deferral,
        promises, deeds)."""
        return _read(self._read, text)

    def words(self, text: str) -> frozenset[str]:
        """:func:`words_of` a clause or sentence of the reply (:meth:`read`)."""
        return _read(self._read, text)[1]

    def deferral(self, text: str) -> tuple[bool, bool]:
        """:func:`deferral` of a clause or sentence of the reply, read once (for its
        answer, what it leaves for later and what it says now)."""
        found = self._later.get(text)
        if found is None:
            words = self.words(text)
            # Part of what was asked left with somebody ("5 and 6 need the SG12
            # counsellor"): its answer put off, and work left (closure_handoff).
            found = self._later[text] = (True, True) if leaves_points(text, words) \
                else deferral(text, words)
        return found

    def promises(self, sentence: str) -> bool:
        """:func:`promises` of a sentence of the reply (its words read once)."""
        return promises(sentence, self.words(sentence))

    def statement(self, clause: str) -> str | None:
        """:func:`delivery_statement` of a clause of the reply (its words read once)."""
        return delivery_statement(clause, self.words(clause))

    @cached_property
    def _split(self) -> tuple[tuple[Sentence, ...], tuple[bool, ...]]:
        """The sentences, and whether each is a sign-off line (read once for the
        sentences, the answer and what the reply says)."""
        split = tuple(split_sentences(self.text))
        return split, signoff_lines([s.text for s in split])

    @cached_property
    def sentences(self) -> tuple[tuple[Sentence, tuple[Sentence, ...]], ...]:
        """The sentences (sign-off lines left out), each with its clauses."""
        split, signoff = self._split
        return tuple((s, tuple(clauses(s))) for s, off in zip(split, signoff, strict=True)
                     if not off)

    @cached_property
    def deeds(self) -> tuple[tuple[Sentence, tuple[tuple[Sentence, frozenset[str]], ...]], ...]:
        """The sentences with clauses reporting deeds done (:func:`deeds`), each with
        those clauses and their deeds, in order: most replies have none, and each open
        item is compared with them."""
        found = []
        for sentence, parts in self.sentences:
            done = tuple((c, d) for c in parts if (d := deeds(c.text, self.read(c.text))))
            if done:
                found.append((sentence, done))
        return tuple(found)

    @cached_property
    def pending(self) -> tuple[str, ...]:
        """The clauses saying part of the work is still to come."""
        return tuple(c.text for _, parts in self.sentences for c in parts
                     if self.deferral(c.text)[1])

    def leaves(self, item_sentence: str) -> bool:
        """Whether a clause of :attr:`pending` shares a content word with the item."""
        return not self._pending_words.isdisjoint(content_words(item_sentence))

    @cached_property
    def _pending_words(self) -> frozenset[str]:
        return words_of_all(self.pending)

    @cached_property
    def answer(self) -> Answer:
        split, signoff = self._split
        texts = [s.text for s in split]
        cut = signature_start(texts, signoff)
        # The sentences before the signature are no sign-off lines: the first of those
        # read, with their clauses.
        return Answer.of(texts[:cut], [[c.text for c in parts]
                                       for _, parts in self.sentences[:cut]], self.deferral,
                         # (the words' cache, not the reply: no reference cycle)
                         self.promises, partial(_words, self._read))

    @cached_property
    def said(self) -> str:
        """What the reply says now, not what it leaves for later or what may be ("BR may
        want to add the radio side"; signature left out)."""
        texts = [s.text for s, _ in self.sentences]  # (no sign-off line among them)
        return " ".join(s for s in texts[:signature_start(texts, [False] * len(texts))]
                        if not any(self.deferral(s)) and not HEDGED.search(s)  # (:func:`defers`)
                        and not passes_on(s, self.words(s)))  # ("2. for BR" names no doer)

    def named(self, members: MembersConfig | None) -> frozenset[str]:
        """The owners (:func:`owner_parts`) that what the reply says now names as acting."""
        if self._named is None or self._named[0] is not members:
            self._named = (members, frozenset(
                p for m in doers(self.said, members) for p in owner_parts(m.owner)))
        return self._named[1]


def _read(found: dict[str, tuple[str, frozenset[str]]], text: str
          ) -> tuple[str, frozenset[str]]:
    """:meth:`Reply.read`, kept in ``found``."""
    read = found.get(text)
    if read is None:
        runs = word_runs(text)
        read = found[text] = (runs, words_of(text, runs))
    return read


def _words(found: dict[str, tuple[str, frozenset[str]]], text: str) -> frozenset[str]:
    return _read(found, text)[1]


@lru_cache(maxsize=32)
def reply_of(text: str) -> Reply:
    """The reading of a reply's text; the same one while it is compared with the items
    of its thread and the questions asked in it (a few replies at a time)."""
    return Reply(text)
