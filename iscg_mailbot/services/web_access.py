"""Who may do what on the website, read from ``members.yaml`` on every request.

Every member reads; the chair and the secretariat act on action items and tags; the
secretariat edits topics. The file is read again when it changes (its modification
time), so removing a member or changing a role takes effect on their next click.

>>> user = web_user(app, "ingrid.solheim@example.no")          # doctest: +SKIP
>>> user.can_act, user.can_edit_topics                         # doctest: +SKIP
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.members import Role
from iscg_mailbot.store import versions

ACTING_ROLES = frozenset({Role.CHAIR, Role.SECRETARIAT})
TOPIC_ROLES = frozenset({Role.SECRETARIAT})


@dataclass(frozen=True)
class WebUser:
    """A signed-in member: their main address, name, role and advisory group."""

    address: str
    name: str
    role: str
    group: str | None

    @property
    def can_act(self) -> bool:
        """Close, reopen and drop action items; correct a thread's topics."""
        return Role(self.role) in ACTING_ROLES

    @property
    def can_edit_topics(self) -> bool:
        """Edit topics.yaml from the Topics page."""
        return Role(self.role) in TOPIC_ROLES


@dataclass(frozen=True)
class GroupSeat:
    """The representatives of one advisory group, for the public About page."""

    group: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Composition:
    """The group as its Terms of Reference describe it, from members.yaml's roles."""

    chair: tuple[str, ...]
    groups: tuple[GroupSeat, ...]
    other_representatives: tuple[str, ...]
    secretariat: tuple[str, ...]
    observers: int


def web_user(app: App, address: str) -> WebUser | None:
    """The member with ``address`` (main address or alias) as a web user, or None."""
    member = app.config.members_now().by_address(address)
    if member is None:
        return None
    return WebUser(member.address, member.name, member.role.value, member.group)


def composition(app: App) -> Composition:
    """Chair, each advisory group's representatives, the secretariat and how many observers."""
    members = app.config.members_now()
    by_group: dict[str, list[str]] = {}
    others: list[str] = []
    for member in members.with_role(Role.REPRESENTATIVE):
        if member.group is None:
            others.append(member.name)
        else:
            by_group.setdefault(member.group, []).append(member.name)
    order = ("RAG", "TSAG", "TDAG")
    groups = tuple(GroupSeat(group, tuple(by_group[group]))
                   for group in sorted(by_group, key=lambda g: (order.index(g)
                                                                if g in order else 9, g)))
    return Composition(
        chair=tuple(m.name for m in members.with_role(Role.CHAIR)),
        groups=groups,
        other_representatives=tuple(others),
        secretariat=tuple(m.name for m in members.with_role(Role.SECRETARIAT)),
        observers=len(members.with_role(Role.OBSERVER)),
    )


TERMS_FILE_NAME = "terms-of-reference.txt"


def terms_of_reference(app: App) -> list[str]:
    """The paragraphs of ``terms-of-reference.txt`` in the configuration directory (the
    text the About page publishes), or [] when there is none."""
    path = app.config.config_dir / TERMS_FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return [" ".join(p.split()) for p in "\n".join(lines).split("\n\n") if p.strip()]


def topic_choices(app: App) -> list[tuple[str, str]]:
    """(id, name) of every topic in topics.yaml, for the pages' topic filters; [] without
    a readable file."""
    if not app.config.has_topics():
        return []
    try:
        return [(topic.id, topic.name) for topic in app.config.topics().topics]
    except ConfigError:
        return []


def data_version(app: App) -> int | None:
    """The database's data version (``store/versions.py``): it moves with every commit
    that changes what a page shows; None when the database keeps none."""
    with app.engine.connect() as connection:
        return versions.data_version(connection)
