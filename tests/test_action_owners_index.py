"""Owner mentions: the patterns a sentence's words pick are those whose gate it passes.

:func:`find_mentions` looks up the sentence's words in an index of the patterns' gate
words instead of testing every pattern's gate, and asks the vocatives ("Olga, could
you ...") only of a sentence with the comma, colon or dash they end with. On every
sentence of the shipped sample archive, the labelled sentences and some sentences
naming members, with the shipped members and with none, it finds what testing every
pattern finds.
"""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
import yaml

from iscg_mailbot.analyse import action_owners
from iscg_mailbot.analyse.action_owners import OwnerMention, find_mentions
from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.settings.members import MembersConfig

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sentences(members: MembersConfig) -> list[str]:
    texts = [
        parse_message(RawMessage(m.as_bytes(), Provenance())).new_text
        for m in mailbox.mbox(sample_archive())
    ]
    data = yaml.safe_load((ROOT / "tests" / "data" / "action_sentences.yaml").read_text("utf-8"))
    texts += [entry["text"] for entry in data["sentences"]]
    for member in members.members:
        first, last = member.name.split()[0], member.name.split()[-1]
        texts += [
            f"{first}, could you send it?",
            f"Dear {first}: thanks.",
            f"{first} \u2013 please confirm.",
            f"Ms {last} will chair; {member.name} too.",
        ]
    return [s.text for text in texts for s in split_sentences(text)]


def _every_pattern(text: str, members: MembersConfig | None) -> list[OwnerMention]:
    """find_mentions as it was: every vocative, every pattern whose gate the words pass."""
    matcher = action_owners._matcher(members)
    words = action_owners._words(text)
    found = []
    for member, pattern in matcher.vocatives:
        match = pattern.match(text)
        if match:
            found.append(
                OwnerMention(member.name, "member", match.start("name"), match.end("name"))
            )
    for candidate in matcher.patterns:
        if candidate.gate.isdisjoint(words):
            continue
        for match in candidate.regex.finditer(text):
            owner, kind = candidate.name(match.group(0))
            found.append(OwnerMention(owner, kind, match.start(), match.end()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[OwnerMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


@pytest.mark.parametrize("with_members", [True, False])
def test_indexed_patterns_find_what_every_pattern_finds(
    sentences: list[str], members: MembersConfig, with_members: bool
) -> None:
    config = members if with_members else None
    found = 0
    for text in sentences:
        mentions = find_mentions(text, config)
        assert mentions == _every_pattern(text, config), text
        found += len(mentions)
    assert found > len(sentences) // 10  # not vacuous: owners were named


def test_vocative_needs_its_comma(members: MembersConfig) -> None:
    first = members.members[0].name.split()[0]
    assert [m.kind for m in find_mentions(f"{first}, please send it.", members)] == ["member"]
