"""The one-pass rule gate is an optimisation only: the same items as asking every rule.

Runs on every message of the shipped sample archive (and the labelled sentences),
with the shipped members: the items extracted through :class:`RuleGate` equal those
of the plain path that asks every rule's pattern of every sentence, and the gate
picks, for each sentence, exactly the rules whose words (``Rule.may_match``) it holds.
"""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.action_clauses import ASKING_WORDS
from iscg_mailbot.analyse.action_gate import RuleGate, pattern_needs
from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.analyse.actions import RULES, ActionRules, Rule, extract_actions
from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ActionInput, Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.settings.members import MembersConfig

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def messages() -> list[ActionInput]:
    found = []
    for message in mailbox.mbox(sample_archive()):
        parsed = parse_message(RawMessage(message.as_bytes(), Provenance()))
        found.append(ActionInput(parsed.new_text, parsed.date, sender=parsed.sender,
                                 to=parsed.to, subject=parsed.subject or ""))
    data = yaml.safe_load((ROOT / "tests" / "data" / "action_sentences.yaml").read_text("utf-8"))
    when = datetime(2026, 11, 25, 12, tzinfo=UTC)
    found += [ActionInput(entry["text"], when) for entry in data["sentences"]]
    return found


def test_gated_extraction_equals_asking_every_rule(messages: list[ActionInput],
                                                   members: MembersConfig) -> None:
    total = 0
    for message in messages:
        fast = extract_actions(message, members=members)
        assert fast == extract_actions(message, members=members, exhaustive=True), message
        total += len(fast)
    assert total > 300  # the archive and the labelled sentences hold many items


def test_custom_phrases_are_gated_like_the_built_in_rules(messages: list[ActionInput]) -> None:
    rules = ActionRules(action_phrases=("shall look at",), note_phrases=("for the record",))
    for message in messages[:200]:
        assert extract_actions(message, rules) == extract_actions(message, rules,
                                                                  exhaustive=True)


def test_gate_picks_the_rules_whose_words_a_sentence_holds(messages: list[ActionInput]) -> None:
    gate = RuleGate(RULES)
    sentences = [s.text.lower() for m in messages for s in split_sentences(m.new_text)]
    assert len(sentences) > 900
    for sentence in sentences:
        assert gate.applicable(sentence) == tuple(r for r in RULES if r.may_match(sentence))
    # Words overlap ("requested" holds "request"): both rules are picked.
    names = [r.name for r in gate.applicable("tsag has requested bdt to reply.")]
    assert {"invited_to", "we_request"} <= set(names)


# Pieces of the rules' words, cut and joined at and across spaces, with other
# characters: the words' parts meet in every way a sentence can hold them.
_PIECES = sorted({w for r in RULES for w in r.keywords}
                 | {p for r in RULES for w in r.keywords for p in w.split(" ") if p}
                 | {"ask", "could", "x", "ed", ",", ".", "  ", "\t", "\u0131"})


# One gate for every example, as a process keeps one: what it keeps of the pieces it has
# seen must not change its answers.
_GATE = RuleGate(RULES, extra=ASKING_WORDS)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12),
       st.lists(st.sampled_from(["", " "]), min_size=12, max_size=12))
def test_the_word_pass_picks_what_asking_every_rule_picks(pieces: list[str],
                                                          joins: list[str]) -> None:
    gate = _GATE
    sentence = "".join(p + j for p, j in zip(pieces, joins, strict=False))
    found = gate.scan(sentence)
    assert gate.rules_for(found) == tuple(r for r in RULES if r.may_match(sentence))
    assert gate.holds(found) == any(w in sentence for w in ASKING_WORDS)
    assert gate.applicable(sentence) == gate.rules_for(found)


def test_anchored_rules_match_at_the_start_or_after_a_colon(messages: list[ActionInput]) -> None:
    gate = RuleGate(RULES)
    anchored = [r for r in RULES if r.name in gate.anchored]
    assert [r.name for r in anchored] == ["minutes_action"]
    sentences = [s.text for m in messages for s in split_sentences(m.new_text)]
    sentences += ["TSB to circulate the draft.", "Actions: BR and TSB to prepare it.",
                  "As agreed, TSB to circulate it.", "All three Bureaux to send it"]
    hits = 0
    for sentence in sentences:
        for rule in anchored:
            plain = rule.pattern.search(sentence)
            if ":" not in sentence:
                fast = rule.pattern.match(sentence)
                assert (fast and fast.span()) == (plain and plain.span()), sentence
            hits += plain is not None
    assert hits >= 3


_NEEDING = ["Please send it for your input.", "For review by SG17.",
            "The slides will be posted tomorrow.", "The summary will shortly be ready.",
            "Comments are welcome by Friday.", "Contributions should be submitted by May.",
            "I would be grateful if BDT could share it.", "Any chance that TSB were to help?",
            "We would welcome one speaker from each of TSB and BR.",
            "Input is expected from the Bureaux.", "FOR YOUR FEEDBACK.",
            "The report will be \u017fent tomorrow.", "Nominations are inv\u0131ted."]


def test_each_match_of_a_rule_holds_the_words_read_from_its_pattern(
        messages: list[ActionInput]) -> None:
    """A rule is asked of an ASCII sentence only when it holds a word of each group
    read from the rule's pattern (``pattern_needs``): every sentence a rule matches
    holds them (as a case-insensitive pattern reads it), and the extraction is the same
    as asking every rule (above)."""
    needs = {r.name: pattern_needs(r) for r in RULES}
    # The groups the hand-kept list had before are among those read.
    assert ("shall", "will") in needs["will_be_done"]
    assert any({"input", "reply", "guidance"} <= set(g) for g in needs["for_action"])
    assert any({"could", "would", "were"} <= set(g) for g in needs["grateful_if"])
    sentences = [s.text for m in messages for s in split_sentences(m.new_text)] + _NEEDING
    sentences += [s.upper() for s in sentences] + [s.swapcase() for s in sentences]
    hits = dict.fromkeys((n for n, groups in needs.items() if groups), 0)
    for sentence in sentences:
        lowered = folded(sentence)
        for rule in RULES:
            if needs[rule.name] and rule.pattern.search(sentence):
                hits[rule.name] += 1
                assert all(any(w in lowered for w in group) for group in needs[rule.name]), (
                    rule.name, sentence)
    # Those most sentences with their words hold but few match, among others.
    assert all(hits[n] for n in ("for_action", "will_be_done", "passive_request", "grateful_if",
                                 "wanted_from", "entity_will", "could_you")), hits
    # A sentence that is not ASCII asks them all the same.
    gate = RuleGate(RULES)
    text = "tsag is invited to send it for your inp\u00fct."
    assert "for_action" in [r.name for r in gate.rules_for(gate.scan(text))]
    assert "for_action" in [r.name for r in gate.rules_for(gate.scan(text), ascii_text=False)]
    assert "for_action" not in [r.name for r in gate.rules_for(
        gate.scan("send it for your views."), ascii_text=True)]


_ASCII = st.characters(max_codepoint=127)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_any_ascii_text_a_rule_matches_holds_its_pattern_words(rule: Rule) -> None:
    """Texts made from each rule's pattern (hypothesis writes matches of it) hold a
    word of each of its groups: the groups are necessary, whatever the text."""
    groups = pattern_needs(rule)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
              database=None)
    @given(st.from_regex(rule.pattern, alphabet=_ASCII))
    def holds(text: str) -> None:
        if rule.pattern.search(text):
            lowered = text.lower()
            assert all(any(w in lowered for w in g) for g in groups), (rule.name, text)

    holds()


def test_a_rule_is_found_where_its_matches_can_start(messages: list[ActionInput]) -> None:
    """``RuleGate.search`` matches each rule only at the places of the strings its
    matches start with: the same match as the rule's plain search, in any case."""
    gate = RuleGate(RULES)
    sentences = [s.text for m in messages for s in split_sentences(m.new_text)] + _NEEDING
    sentences += [s.upper() for s in sentences[::3]] + [s.swapcase() for s in sentences[::3]]
    sentences += ["BR and TSB to prepare it: as agreed, TSB to circulate it.", "at the latest"]
    hits = 0
    for sentence in sentences:
        lowered = sentence.lower() if sentence.isascii() else None
        for rule in RULES:
            plain = rule.pattern.search(sentence)
            fast = gate.search(rule, sentence, lowered)
            assert (fast and (fast.span(), fast.groupdict())) == (
                plain and (plain.span(), plain.groupdict())), (rule.name, sentence)
            hits += plain is not None
    assert hits > 500


# The rules' words and the words of their needed groups (pattern_needs), with others.
_NEED_PIECES = sorted(set(_PIECES) | {w for r in RULES for g in pattern_needs(r) for w in g})


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NEED_PIECES), max_size=14),
       st.lists(st.sampled_from(["", " "]), min_size=14, max_size=14))
def test_an_ascii_sentence_gets_the_rules_whose_words_and_needed_words_it_holds(
        pieces: list[str], joins: list[str]) -> None:
    """The rules picked for an ASCII sentence (from the rules kept for its words, then
    those of them whose needed groups it holds) are those asking each rule picks."""
    sentence = "".join(p + j for p, j in zip(pieces, joins, strict=False))
    plain = tuple(r for r in RULES if r.may_match(sentence)
                  and all(any(w in sentence for w in group) for group in pattern_needs(r)))
    found = _GATE.scan(sentence)
    assert _GATE.rules_for(found, ascii_text=True) == plain
    assert _GATE.rules_for(found, ascii_text=True) == plain  # as kept
    assert _GATE.rules_for(found) == tuple(r for r in RULES if r.may_match(sentence))
