"""``members list`` and ``members check``: the member list as the secretariat wrote it."""

from __future__ import annotations

from dataclasses import dataclass

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.settings.loaded import ConfigFiles
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.settings.members import check_members, load_members


@dataclass(frozen=True)
class MembersCheck:
    """``members check``: the file, how many members and recipients, and every problem."""

    path: str
    members: int
    recipients: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class MemberRow:
    """``members list``: one member as members.yaml describes them."""

    name: str
    address: str
    aliases: tuple[str, ...]
    role: str
    advisory_group: str | None
    organisation: str
    digest: bool
    topics_only: tuple[str, ...] | None
    topics_muted: tuple[str, ...]


def check_member_list(settings: Settings) -> MembersCheck:
    """Validate members.yaml (schema, duplicates, one chair, topic ids known to topics.yaml)."""
    files = ConfigFiles(settings.config_dir)  # a check reads the files as they are now
    path = files.members_path
    topics = set(files.topic_titles()) or None
    problems = check_members(path, known_topics=topics)
    try:
        members = load_members(path)
    except MailbotError:
        return MembersCheck(str(path), 0, 0, tuple(problems))
    return MembersCheck(str(path), len(members.members), len(members.digest_recipients()),
                        tuple(problems))


def member_list(config: ConfigFiles) -> list[MemberRow]:
    """The members of members.yaml in file order; ConfigError for a missing or broken file."""
    members = config.members(required=True)
    return [MemberRow(name=m.name, address=m.address, aliases=m.aliases, role=m.role.value,
                      advisory_group=m.group, organisation=m.organisation, digest=m.digest,
                      topics_only=m.topics_only, topics_muted=m.topics_muted)
            for m in members.members]
