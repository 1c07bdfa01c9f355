"""Closure reading's cost on first-seen replies (issue 17, perf-ext; the first test of
each pair fails on `main` afab8f6): whether a reply delivers something is read only for
an item it answers for a share of several people (each clause once), and a liaison's request is held back only after a gate
of the words every draft or planned reply says; the closures stay the same."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from iscg_mailbot.analyse import closure_later, closure_reply
from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_items import answers_question
from iscg_mailbot.analyse.closure_later import not_awaiting_reply
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.text_gates import gated_patterns
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members

_MEMBERS = """\
members:
  - {name: Lucia Bianchi, address: lucia@example.int, role: secretariat}
  - {name: Sofia Lindqvist, address: sofia@example.int, role: secretariat, organisation: BR}
  - {name: Rajesh Iyer, address: rajesh@example.int, role: secretariat, organisation: BR}
"""
RAJESH = Address("Rajesh Iyer", "rajesh@example.int")
SLIDES = OpenItem(1, "Sofia Lindqvist, Rajesh Iyer", "member",
                  "Still missing the BR slides - Sofia, Rajesh, could you send them by "
                  "Monday noon at the latest?")
SURVEY = OpenItem(5, "ITU-D SG2", "group",
                  "Action required: ITU-D SG2 is invited to share the results of its survey "
                  "of national emergency telecommunication plans as regards short codes.")
ALLOCATE = OpenItem(7, "TSB", "group",
                    "TSB will make sure the LS is allocated to the right Question at the "
                    "opening plenary.")


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(_MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


# Asked of everyone: answered for the sender, no share of several people to weigh.
SESSION = OpenItem(2, None, None, "Please indicate whether your Sector plans a session on AI "
                                  "for good by Friday.")


@pytest.mark.parametrize("reply", [
    "Lucia, BR plans no session on AI this year. We covered it in May.\n\nRajesh\n",
    "Lucia, the dinner moved to 8 pm.\n\nRajesh\n",
])
def test_each_clause_is_read_for_a_delivery_once(
        members: MembersConfig, monkeypatch: pytest.MonkeyPatch, reply: str) -> None:
    reads: Counter[str] = Counter()
    plain = closure_reply.delivery_statement

    def counted(sentence: str, words: frozenset[str] | None = None) -> str | None:
        reads[sentence] += 1
        return plain(sentence, words)

    # (closure_items reads each clause's statement through the reply: closure_reply's)
    monkeypatch.setattr(closure_reply, "delivery_statement", counted)
    found = detect_closure(reply, [SESSION], sender=RAJESH, members=members)
    assert [(c.item_id, c.owners) for c in found] == [(2, ("BR",))]
    assert reads and max(reads.values()) == 1


@pytest.mark.parametrize(("reply", "shares"), [
    # The one thing asked of both, sent by one of them: whole, as before.
    ("Lucia, sorry for the delay - BR slides attached.\n\nRajesh\n", [()]),
    ("Lucia, the BR slides will follow on Monday.\n\nRajesh\n", []),
])
def test_a_reply_answering_an_item_still_reads_its_deliveries(
        members: MembersConfig, reply: str, shares: list[tuple[str, ...]]) -> None:
    found = detect_closure(reply, [SLIDES], sender=RAJESH, members=members)
    assert [c.owners for c in found] == shares


def test_the_groups_reply_to_come_is_gated() -> None:
    assert any(g.pattern is closure_later._REPLY_TO_COME for g in gated_patterns())


@pytest.mark.parametrize(("reply", "kept"), [
    # The group's reply a draft or planned, in any case and spelling: the liaison's
    # request waits for it.
    ("Please find attached the DRAFT REPLY LS for comments.", [7]),
    ("Reply planned for the October meeting.", [7]),
    ("The respon\u017fe is scheduled for March.", [7]),  # (a long s is an s to the pattern)
    ("The ANSWER will then be approved by SG2.", [7]),
    # No reply to come: both items.
    ("Please find attached the LS from ITU-D SG2, sent today.", [5, 7]),
    ("We replied to them on Monday; see the draft minutes.", [5, 7]),
])
def test_a_liaisons_request_waits_in_any_spelling(reply: str, kept: list[int]) -> None:
    assert [i.id for i in not_awaiting_reply(reply, [SURVEY, ALLOCATE])] == kept


def test_what_a_reply_talks_about_is_read_only_when_needed() -> None:
    # Fails on the code before: the words of all a reply says were read for every
    # question, though a question with an owner answered by a reply that is not all
    # deliveries never needs them (perf-r13).
    text = "Lucia, BR plans no session on AI in 2027. We covered it in May.\n\nRajesh\n"
    question = "Could BR say whether it plans a session on AI?"
    assert answers_question(text, question, owner="BR", sender=RAJESH,
                            others=["Please send the BR slides."])
    assert "_said_words" not in reply_of(text).answer.__dict__
    # With no owner, a reply talking about another item's thing is still weighed.
    answers_question(text, question, sender=RAJESH, others=["Please send the BR slides."])
    assert "_said_words" in reply_of(text).answer.__dict__
