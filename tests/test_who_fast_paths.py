"""Owner reading's shortcuts give what the general code gives (issue 17, perf-r15).

- ``action_who``'s test of whether a sentence speaks to somebody ("please", "you", a
  question) searches its pattern only in a sentence holding one of the pattern's words:
  held here to the plain search, on sentences made of the pieces the gate decides on.
- ``action_owners``' matcher of the members' names is built once for equal members
  configurations (a fresh but equal ``MembersConfig``), not once for each object.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import action_owners, action_who
from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.settings.members import Member, MembersConfig

# The pattern's words in several cases, near misses, letters a case-insensitive pattern
# reads as "i", "s" and "k" (U+0131, U+017F, U+212A), white space and ends.
PIECES = ["you", "YOUR", "Please", "kindly", "Kindly", "?", " ?", "?\n", "asks", "ASKING",
          "wonder", "wonders", "wondering", "would", "Would like to know", "like", "to",
          "know", "whether", "if", "If", "yo", "plea", "ask", "\u212aindly", "a\u017fk",
          "\u0131f", "\u0130F", "Dear Rosa,", "BDT", "will send", " ", "  ", "\n", ",", ".",
          "-", "_", "the report", "thank", "everyone"]


def _plain(sentence: str) -> tuple[int, int] | None:
    match = action_who._ADDRESSED.search(sentence)
    return match and match.span()


def _gated(sentence: str) -> tuple[int, int] | None:
    match = action_who._GATED_ADDRESSED.search(sentence)
    return match and match.span()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_addressed_gate_matches_as_the_plain_search(pieces: list[str]) -> None:
    sentence = " ".join(pieces)
    assert _gated(sentence) == _plain(sentence)
    glued = "".join(pieces)
    assert _gated(glued) == _plain(glued)


def test_addressed_gate_on_examples() -> None:
    for sentence in ("Could you send the report?", "Please send it.", "Kindly confirm.",
                     "BDT asks whether the date holds.", "We wonder if TSB agrees.",
                     "I would like to know whether BR agrees", "The report is attached.",
                     "Is it late?  ", "Thanks, see the list.", "BR will \u212aindly send it"):
        assert _gated(sentence) == _plain(sentence), sentence


class _Counting:
    """A pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, text: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(text)


def test_a_sentence_without_the_words_is_not_searched(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counting = _Counting(action_who._ADDRESSED)
    monkeypatch.setattr(action_who._GATED_ADDRESSED, "pattern", counting)
    assert action_who._GATED_ADDRESSED.search("The report was sent to BDT.") is None
    assert counting.calls == 0
    assert action_who._GATED_ADDRESSED.search("Could you send it?") is not None
    assert counting.calls == 1


def _members() -> MembersConfig:
    return MembersConfig(members=[
        Member(name="Rosa Marin", address="rosa.marin@itu.int", role="secretariat",
               organisation="BR"),
        Member(name="Pierre Lefebvre", address="pierre@itu.int", role="secretariat",
               organisation="BDT")])


def test_equal_members_share_one_matcher(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built: list[MembersConfig | None] = []
    build = action_owners._build_matcher

    def counted(members: MembersConfig | None) -> action_owners._Matcher:
        built.append(members)
        return build(members)

    monkeypatch.setattr(action_owners, "_build_matcher", counted)
    monkeypatch.setattr(action_owners, "_MATCHERS", {})
    monkeypatch.setattr(action_owners, "_MATCHERS_BY_VALUE", {})
    text = "Rosa Marin and Pierre will send it; BDT too."
    first, second = _members(), _members()
    assert first is not second and first == second
    found = find_mentions(text, first)
    assert find_mentions(text, second) == found
    assert len(built) == 1
    # Other members: a matcher of their own, reading their names.
    other = MembersConfig(members=[Member(name="Olga Petrova", address="olga@itu.int",
                                          role="secretariat", organisation="TSB")])
    assert [m.owner for m in find_mentions("Olga Petrova will send it.", other)
            if m.kind == "member"] == ["Olga Petrova"]
    assert len(built) == 2
