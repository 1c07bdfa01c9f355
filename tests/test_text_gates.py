"""Gated patterns are an optimisation only: the same matches as the plain search.

Each pattern the closure and reply readers search behind a substring gate
(:class:`~iscg_mailbot.analyse.text_gates.GatedPattern`: delivery statements,
promises, answers put off, work left, signature lines, the configured closure phrases)
is held to its plain ``pattern.search`` on every clause of the shipped sample archive
and of the labelled sentences, and on the same clauses in other cases and with the
letters a case-insensitive pattern reads as "i" and "s" (U+0131, U+0130, U+017F).
"""

from __future__ import annotations

import mailbox
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.analyse.action_closure import delivery_statement, is_acceptance
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.analyse.closure_items import closing_sentences
from iscg_mailbot.analyse.closure_reading import is_signoff, leaves_work
from iscg_mailbot.analyse.closure_reply import clauses
from iscg_mailbot.analyse.text_gates import GatedPattern, folded, gated_patterns, trie_pattern
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.settings.actions import DEFAULT_CLOSURE_PHRASES

ROOT = Path(__file__).resolve().parents[1]

# Sentences each gated pattern matches (so that no comparison below is vacuous), and
# near misses.
_EXTRA = [
    "The liaison was sent to SG17 yesterday.",
    "We have now finalised the report.",
    "BDT has already made available the slides.",
    "Passed it on to the rapporteurs.",
    "Please find attached TSB's input.",
    "Here is our reply.",
    "Ci-joint notre réponse.",
    "Adjuntamos el documento.",
    "TSAG approved its reply on Friday.",
    "I will come back to you next week.",
    "We are still checking with SG11.",
    "The highlights will follow tomorrow.",
    "One moderator is still to be confirmed.",
    "We need another week for the indicators.",
    "The translation is in progress.",
    "We'll send it on Monday.",
    "BDT will check the entries.",
    "Sure, will do.",
    "Tel: +41 22 730 5111",
    "Tél. +33 1 23 45 67 89",
    "Mob +1 555 0100",
    "International Telecommunication Union, Place des Nations, Geneva",
    "Unión Internacional de Telecomunicaciones",
    "This message is confidential.",
    "DISCLAIMER: the views expressed are personal.",
    "Aviso legal",
    "Telecommunication standardization, 2026 edition.",  # "tel" and a digit, no label
    "Nothing here to report.",
    "I am out of the office until 4 January.",
    "I am travelling with limited access to e-mail until Monday.",
    "Thanks!",
    "Noted with thanks.",
]


def _variants(text: str) -> list[str]:
    return [
        text,
        text.upper(),
        text.swapcase(),
        text.replace("i", "\u0131"),
        text.replace("s", "\u017f"),
        text.replace("I", "\u0130").replace("i", "\u0130"),
    ]


@pytest.fixture(scope="module")
def clause_texts() -> list[str]:
    texts = []
    for message in mailbox.mbox(sample_archive()):
        texts.append(parse_message(RawMessage(message.as_bytes(), Provenance())).new_text)
    data = yaml.safe_load((ROOT / "tests" / "data" / "action_sentences.yaml").read_text("utf-8"))
    texts += [entry["text"] for entry in data["sentences"]]
    found = list(_EXTRA) + [f"We have {p} it." for p in DEFAULT_CLOSURE_PHRASES]
    for text in texts:
        for sentence in split_sentences(text):
            found += [c.text for c in clauses(Sentence(sentence.text, 0, len(sentence.text)))]
    return [variant for text in found for variant in _variants(text)]


def test_every_gated_pattern_matches_as_its_plain_search(clause_texts: list[str]) -> None:
    closing_sentences("Done.", DEFAULT_CLOSURE_PHRASES)  # makes the phrases' patterns
    patterns = gated_patterns()
    matched = 0
    for gated in patterns:
        hits = 0
        for text in clause_texts:
            plain = gated.pattern.search(text)
            fast = gated.search(text)
            assert (fast and fast.span()) == (plain and plain.span()), (gated.words, text)
            hits += plain is not None
        matched += hits > 0
    # Not vacuous: the readers' patterns and every default phrase matched some clause
    # (other tests may have made patterns of phrases of their own).
    assert matched >= 7 + len(DEFAULT_CLOSURE_PHRASES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The report was \u017fent to SG17.", "delivered"),  # a long s
        ("Please f\u0131nd attached our reply.", "attached"),  # a dotless i
        ("The LS has been SENT.", "delivered"),
        ("The LS will be sent.", None),
        ("Here are the figures.", "attached"),
    ],
)
def test_delivery_statement_reads_every_spelling(text: str, expected: str | None) -> None:
    assert delivery_statement(text) == expected


def test_readers_behind_gates() -> None:
    assert is_acceptance(["We\u2019ll send it."]) and not is_acceptance(["We sent it."])
    assert leaves_work("The rest w\u0130ll follow.")  # "İ" is read as "i"
    assert is_signoff("Tel: +41 22 730 5111")
    assert not is_signoff("Telecommunication standardization, 2026 edition.")


def test_gate_words_are_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        GatedPattern(re.compile("Sent", re.IGNORECASE), ("Sent",))


@given(
    st.sampled_from(["will", "sent", "still", "attach", "tel", "union"]),
    st.lists(
        st.sampled_from(
            ["i", "I", "\u0131", "\u0130", "s", "S", "\u017f", "K", "\u212a", " ", "a", "-"]
        ),
        max_size=6,
    ),
)
def test_folded_holds_every_word_a_pattern_matches(word: str, noise: list[str]) -> None:
    # The word in any case a case-insensitive pattern accepts, amid other letters.
    spellings = {"i": "i\u0131\u0130I", "s": "s\u017fS", "k": "k\u212aK"}
    pattern = re.compile(re.escape(word), re.IGNORECASE)
    for n in range(len(word)):
        for other in spellings.get(word[n], word[n].upper()):
            text = "".join(noise) + word[:n] + other + word[n + 1 :] + "".join(noise)
            if pattern.search(text):
                assert word in folded(text), text


def test_find_dates_finds_what_every_pattern_finds(
    clause_texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dates: each pattern is searched only in sentences holding its words (and a digit
    where it needs one); the same mentions as searching every pattern."""
    from datetime import UTC, datetime

    from iscg_mailbot.analyse import action_dates

    sent = datetime(2026, 11, 25, 12, tzinfo=UTC)
    texts = [
        *clause_texts,
        "Please reply by 2027-01-15.",
        "Due 15/01/2027 at the latest.",
        "By mid-March please.",
        "Deadline: 4 December 2026.",
        "Send it by December 4th.",
        "By tomorrow EOD.",
        "Within two weeks, please.",
        "By the end of next month.",
        "Before next week.",
        "Next week is fine.",
        "By Friday, please.",
        "Two weeks before the meeting.",
        "Before the next TSAG meeting.",
        "By close of business on Monday.",
    ]

    def dates(text: str) -> object:
        try:
            return action_dates.find_dates(text, sent)
        except KeyError as error:  # "Fr\u0131day": the weekday is not read (either way)
            return repr(error)

    gated = [dates(text) for text in texts]
    monkeypatch.setattr(
        action_dates, "_SEARCHED",
        [(kind, pattern, False, 0) for kind, pattern in action_dates._PATTERNS],
    )
    plain = [dates(text) for text in texts]
    assert gated == plain
    assert sum(len(d) for d in plain if isinstance(d, list)) > len(texts) // 50


def test_points_referred_behind_gates() -> None:
    from iscg_mailbot.analyse.closure_points import points_referred

    assert points_referred("On the FIRST TWO POINTS: done.") == {1, 2}
    assert points_referred("Your second question: yes. Items 3 and 4 follow.") == {2, 3, 4}
    assert points_referred("Thanks, all done.") == set()


@given(
    st.lists(st.text(alphabet="abc -'", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(alphabet="abc -'x", max_size=30),
)
def test_trie_pattern_finds_a_word_where_one_is(words: list[str], text: str) -> None:
    assert (re.search(trie_pattern(words), text) is not None) == any(w in text for w in words)


def test_configured_phrases_are_found_behind_their_gate() -> None:
    def found(text: str, phrases: tuple[str, ...]) -> list[str]:
        return [c.phrase for c in closing_sentences(text, phrases)]

    assert found("We FINISHED the review.", ("finished", "sorted out")) == ["finished"]
    assert found("It is sorted\nout now.", ("finished", "sorted out")) == ["sorted out"]
    assert found("We finished the review.", ()) == []
    assert found("We have not finished the review.", ("finished",)) == []  # negated


def test_delivery_statement_is_the_unsplit_search(clause_texts: list[str]) -> None:
    """The "attached" statement is searched as groups of its alternatives, each behind
    its own words: the same statement as searching every pattern whole, on every
    clause (a test clause matches each group, so that none is vacuous)."""
    from iscg_mailbot.analyse import action_closure

    def plain(sentence: str) -> str | None:
        if sentence.rstrip().endswith("?"):
            return None
        for name, pattern in action_closure._STATEMENT_PATTERNS:
            match = pattern.search(sentence)
            if match and not action_closure._NOT_YET.search(sentence[:match.start()]):
                return name
        return None

    texts = [*clause_texts, "Please see TSB's two notes attached.", "Attached is the list.",
             "Voici le document.", "There are three slides attached.", "Here is it - attached",
             "The plan was approved; see the attached draft, which is enclosed."]
    assert [delivery_statement(t) for t in texts] == [plain(t) for t in texts]
    (_, _, groups), = [s for s in action_closure._STATEMENTS if s[0] == "attached"]
    assert groups is not None
    assert all(any(g.pattern.search(t) for t in texts) for g in groups)
