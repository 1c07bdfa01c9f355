"""Closure detection's shortcuts give what the general code gives.

Each shortcut (``bench/analysis.py`` measures why it is there: docs/performance-history.md,
"Closure detection, third round") skips work the general code would do for nothing;
these tests hold the two to the same answers on texts made of the pieces the shortcut
decides on.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import (
    action_closure,
    closure_deeds,
    closure_items,
    closure_later,
    closure_people,
    closure_phrases,
    closure_points,
    closure_reading,
)
from iscg_mailbot.analyse.action_closure import delivery_statement, promises
from iscg_mailbot.analyse.closure_deeds import deeds
from iscg_mailbot.analyse.closure_items import question_owners
from iscg_mailbot.analyse.closure_reading import deferral, is_signoff, signoff_lines
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.closure_speaker import owner_parts, speaker_of
from iscg_mailbot.analyse.closure_words import word_runs, words_of
from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.actions import DEFAULT_CLOSURE_PHRASES
from iscg_mailbot.settings.members import Member, MembersConfig

# Words and openings of the statements (anchored ones: "Done", "Here is", "Confirmed"),
# negations, letters a case-insensitive pattern reads as "i" and "s", and filler.
STATEMENT_PIECES = ["Done", "done", "Here is", "here are", "Confirmed", "Yes, we confirm",
                    "sent", "was sent", "has been uploaded", "attached", "please find",
                    "enclosed", "is attached", "not", "will be", "we", "I", "the report",
                    "BR slides", "-", ";", ",", ".", "?", " ", "\n", "There", "wh", "ere",
                    "\u0131", "\u017f", "\u0130", "Voici", "anbei", "approved its reply",
                    "it went to", "SG17", "passed it on",
                    # the words of the gate read from the clause's words (closure_words)
                    "finalised", "FINALIZED", "made available", "a \u00e9t\u00e9 envoy\u00e9",
                    "avons transmis", "ai soumis", "fue enviada", "ha sido publicado",
                    "hemos envi\u00f3", "wurde heute \u00fcbermittelt", "Ci-joint", "est jointe",
                    "en pi\u00e8ces jointes", "adjuntamos", "I am attaching", "in the attached",
                    "we attach", "_", "'", "\u2019", "\u212a", "\u00c9T\u00c9", "BDT has provided"]


def _plain_statement(sentence: str) -> str | None:
    """The statements searched whole, in order, with no gate and no shortcut."""
    if sentence.rstrip().endswith("?"):
        return None
    for name, pattern in action_closure._STATEMENT_PATTERNS:
        match = pattern.search(sentence)
        if match and not action_closure._NOT_YET.search(sentence[:match.start()]):
            return name
    return None


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(STATEMENT_PIECES), max_size=10).map(" ".join))
def test_delivery_statement_is_the_plain_search(text: str) -> None:
    # The one search of every gate word first; the anchored statements alone when the
    # clause holds none of them.
    assert delivery_statement(text) == _plain_statement(text)
    assert delivery_statement(text.replace(" ", "")) == _plain_statement(text.replace(" ", ""))


# What puts off an answer, leaves work or promises, at word boundaries of every kind.
DEFERRAL_PIECES = ["I", "we", "will", "WILL", "Will", "'ll", "\u2019ll", "shall", "am going to",
                   "are", "'m", "still", "checking", "looking into", "consulting", "waiting",
                   "asking", "come back", "get back", "revert", "leave it to", "leaving this to",
                   "Grace", "you", "let", "Grace reply", "collecting", "compiling", "preparing",
                   "working on", "is", "being cleared", "under way", "in progress", "pending",
                   "to be", "need another week", "follow", "follows", "tomorrow", "separately",
                   "be ready", "do", "BDT", "feedback", "willing", "letter", "-", "_", "'", ".",
                   "be added", "next", "expect it", "looking for", "for the other", "remaining",
                   "rest", "restless", "others", "expected",
                   "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "\n"]


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DEFERRAL_PIECES), max_size=10).map(" ".join))
def test_word_gates_are_the_plain_searches(text: str) -> None:
    # Each pattern searched only when the clause's words (read once) hold a word of
    # its gate: the same answers as the patterns searched always.
    for clause in (text, text.replace(" ", "")):
        assert deferral(clause) == (closure_reading._DEFERS_ANSWER.search(clause) is not None,
                                    closure_later.LEAVES_WORK.search(clause) is not None)
        assert promises(clause) == (action_closure._PROMISE.search(clause) is not None)


DEED_PIECES = ["I", "we", "We", "BDT", "TsB", "ITU-T", "SG17", "have", "has", "had", "just",
               "already", "quickly", "replied", "REPLIED", "sent", "\u017fent", "asked",
               "a\u017fked", "met", "made", "gave", "spoke", "need", "based", "will", "not",
               "if", "to APT", "the co-rapporteurs", "?", "-", "_", "'", ".", ",", "\u0130",
               "\u0131", "\u212a", "\u00e9", "\n", "ed", "Ied"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DEED_PIECES), max_size=10).map(" ".join))
def test_deeds_behind_their_runs(text: str) -> None:
    # The deeds pattern searched only when the clause's runs hold a verb ending in "ed"
    # (or an irregular one) and a subject ("I", "we", an acronym).
    for clause in (text, text.replace(" ", "")):
        read = (word_runs(clause), words_of(clause))
        assert deeds(clause, read) == closure_deeds._deeds.__wrapped__(clause)


# Sign-off lines: contact numbers, the Union's name, disclaimers, names and titles.
SIGNOFF_PIECES = ["Tel", "T\u00e9l.", ":", "+41", "22", "730", "5433", "Phone", "Fax", "mob",
                  "International Telecommunication Union", "Place des Nations",
                  "CONFIDENTIAL", "disclaimer", "Union", "uni\u00f3n", "nations", "Pierre",
                  "Lefebvre", "Counsellor", "the report", "is attached", "\u0131", "\u017f",
                  "\u0130", "0", "-", " ", "\u0663"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SIGNOFF_PIECES), max_size=6).map(" ".join),
                max_size=5))
def test_signoff_lines_are_each_sentence_read(sentences: list[str]) -> None:
    # One search of the whole reply for a digit or a word of the Union or a disclaimer
    # first; each sentence read only when the reply holds one.
    assert signoff_lines(sentences) == tuple(is_signoff(s) for s in sentences)


POINT_PIECES = ["first", "FIRST", "second", "third", "two", "three", "2", "b", "(b)", "(2)",
                "point", "points", "question", "Questions", "item", "items", "request",
                "part", "bullet", "and", "&", "-", "to", ",", "on the agenda", "of our agenda",
                "On the", ":", ".", "\n", " ", "\u0131", "\u017f", "\u0130", "I'll let Grace reply",
                "1)", "\u0663", "fir", "st"]


def _plain_points_named(text: str) -> set[int]:
    """The points named, every pattern searched, no gate."""
    found: set[int] = set()
    for match in closure_points._FIRST_N.finditer(text):
        word = folded(match.group(1))
        found |= set(range(1, (int(word) if word.isdigit() else closure_points._NUMBERS[word]) + 1))
    found |= {closure_points._ORDINALS[folded(m.group(1))]
              for m in closure_points._ORDINAL.finditer(text)}
    for match in closure_points._NUMBERED.finditer(text):
        found |= closure_points._numbered(match)
    leading = closure_points._LEADING.match(text)
    if leading:
        found.add(closure_points._number(leading.group(1)))
    return found


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(POINT_PIECES), max_size=12).map(" ".join))
def test_points_named_behind_their_gates(text: str) -> None:
    # Each pattern searched only when the folded text holds its words in their order.
    assert closure_points._points_named(text) == _plain_points_named(text)
    assert closure_points._points_named(text.replace(" ", "")) == \
        _plain_points_named(text.replace(" ", ""))


PHRASE_PIECES = ["has", "been", "sent", "have", "the", "liaison", "reply", "we", "done",
                 "not", "yet", "please", "find", "attached", "our", "is", "HAS", "Been",
                 "\u017fent", "ha\u017f", "\u0130s", "thi\u017f", "can be closed", "-", ".",
                 "\n", "been-sent", "e-mail", "done.", "_", "\u212a", "o\u017ft", "taken care of",
                 "clo\u017fed", "completed", "CLOSED", "this is now"]


def _longest_word_only(text: str, phrases: tuple[str, ...]) -> str | None:
    """The phrases' search behind their longest word alone (before the other words)."""
    patterns = closure_phrases.phrase_patterns(phrases)
    if not patterns.may_match(text):
        return None
    lowered = folded(text)
    for listed, pattern in patterns.each:
        if pattern.words[0] not in lowered:
            continue
        match = pattern.pattern.search(text)
        if match and not closure_phrases.NEGATION.search(text[:match.start()]):
            return listed
    return None


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=10).map(" ".join))
def test_phrases_behind_all_their_words(text: str) -> None:
    # A phrase searched only when the text holds all its words, not only the longest.
    for phrases in (DEFAULT_CLOSURE_PHRASES, ("has been sent", "d\u00e9j\u00e0 envoy\u00e9"),
                    ("e-mail sent", "done.", "been-sent", "O\u017fT")):
        assert closure_phrases.phrase_patterns(phrases).find(text) == \
            _longest_word_only(text, phrases)
        # and behind the clause's words (closure_words) when the caller has them
        assert closure_phrases.phrase_patterns(phrases).find(text, words_of(text)) == \
            _longest_word_only(text, phrases)


MEMBERS = MembersConfig(members=[
    Member(name="Rosa Marin", address="rosa.marin@itu.int", role="secretariat",
           organisation="BR"),
    Member(name="Pierre Lefebvre", address="pierre@itu.int", role="secretariat",
           organisation="BDT")])
REPLY_PIECES = ["Yes", "for BDT", "for TSB", "Pierre confirms for BDT", "BR will answer",
                "separately", "TSB has sent it", "Rosa", "the figures are attached", ".",
                "SG17 agrees", "Dear Ahmed,", "I will come back to you"]
OWNERS = ["BDT", "TSB", "BDT, TSB", "ITU-T SG17", "Ahmed Hassan", "BR, BDT", ""]
SENDERS = [None, Address("", "someone@example.org"), Address("Rosa Marin", "rosa.marin@itu.int"),
           Address("Pierre", "pierre@itu.int")]


def _owners_reading_all(reply: str, owner: str, sender: Address | None,
                        question: str) -> tuple[str, ...] | None:
    """question_owners with whom the reply names as acting always read."""
    # (A question read with no owner is asked of the Bureaux it names.)
    parts = [p.strip() for p in owner.split(",") if p.strip()] or \
        list(closure_items._bureaux_asked(question))
    if not parts:
        return ()
    speaker = speaker_of(sender, MEMBERS)
    names = speaker.own | speaker.bodies | reply_of(reply).named(MEMBERS)
    covered = tuple(p for p in parts if owner_parts(p) & names) or tuple(
        p for p in parts if speaker.of_sector(OpenItem(0, p)))
    if covered:
        return () if len(covered) == len(parts) else covered
    return None if speaker.listed and any(
        closure_items._is_body(p) for p in parts
        if closure_items._named_in(p, question)) else ()


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(REPLY_PIECES), max_size=6).map(" ".join),
       st.sampled_from(OWNERS), st.sampled_from(SENDERS),
       st.sampled_from(["Could BDT share it?", "Which room is booked?", "Will TSB host it?"]))
def test_question_owners_reads_what_can_change_the_answer(
        reply: str, owner: str, sender: Address | None, question: str) -> None:
    # Whom the reply names is read only when it can change the answer: not of one
    # owner asked by a sender who is not on the list, nor when the sender covers all.
    assert question_owners(reply, owner, sender=sender, members=MEMBERS, question=question) \
        == _owners_reading_all(reply, owner, sender, question)


# -- the person an item hands it on to: looked for once an item, not once a reply ---------

HANDED_PIECES = ["ask", "ASK", "asking", "check with", "CHECK  WITH", "consult", "Sofia",
                 "Elena", "task", "I", "will", "to", "confirm", "\u0130", "\u017f", "K",
                 " ", "\n", ",", "."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(HANDED_PIECES), max_size=8).map("".join))
def test_the_handing_on_is_found_as_its_plain_search(text: str) -> None:
    plain = closure_people._HANDS_TO.search(text)
    assert closure_people._handed_at(text) == (plain.end() if plain else None)


def test_the_handing_on_is_searched_once_an_item(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fails on the code before: each reply compared with the item searched it again.
    searched: list[str] = []
    pattern = closure_people._HANDS_TO

    class Counted:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(text)
            return pattern.search(text)

    monkeypatch.setattr(closure_people, "_HANDS_TO", Counted())
    item = "As for the presentation, I need to check with Sofia Rossi (perf-r13)."
    for text in ("I can present it remotely.", "Thanks.", "Noted, Sofia will confirm."):
        closure_people.answered_by_delegate(item, reply_of(text), ["sofia"], None)
    assert searched == [item]
