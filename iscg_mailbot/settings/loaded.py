"""The secretariat's files of one configuration directory, each read and validated once.

The application object holds one :class:`ConfigFiles`; services ask it for the topic
list, the members, the action rules, the meetings calendar and the ITU-structure table
instead of opening the files. Each file is read at its first use (a command that never
needs the topic list never parses it) and then kept: an edit takes effect at the next
:meth:`ConfigFiles.reload`, which the worker calls on SIGHUP and the website after a
topic edit. A file that does not validate raises ConfigError (file, key, fix) at each
use until it is fixed; it is never kept.

>>> files = ConfigFiles("config")            # doctest: +SKIP
>>> files.topics().ids()[:2]                 # doctest: +SKIP
['cybersecurity', 'e-health']
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from iscg_mailbot.settings.file_cache import cached, file_version

# Each file's module is imported where the file is first used: their schemas (and the
# action rules' compiled patterns) cost start-up time that a command which never reads
# the file, such as ``threads list``, should not pay.
if TYPE_CHECKING:
    from iscg_mailbot.settings.actions import ActionsConfig
    from iscg_mailbot.settings.itu_bodies import ItuBodies
    from iscg_mailbot.settings.itu_products import ItuProducts
    from iscg_mailbot.settings.meetings import MeetingsConfig
    from iscg_mailbot.settings.members import MembersConfig
    from iscg_mailbot.settings.topics import TopicsConfig

T = TypeVar("T")


class ConfigFiles:
    """The YAML files of ``config_dir``, loaded lazily, kept until :meth:`reload`."""

    def __init__(self, config_dir: Path | str) -> None:
        self.config_dir = Path(config_dir)
        self._lock = threading.RLock()
        self._loaded: dict[str, Any] = {}
        # The version of each file kept (see changed()): taken before it was read, so an
        # edit made while it was being read counts as a change.
        self._versions: dict[Path, tuple[int, int, int] | None] = {}
        self._generation = 0  # reloads so far

    # Where each file lives: for messages and for the services that edit a file.
    @property
    def topics_path(self) -> Path:
        from iscg_mailbot.settings.topics import topics_path

        return topics_path(self.config_dir)

    @property
    def members_path(self) -> Path:
        from iscg_mailbot.settings.members import members_path

        return members_path(self.config_dir)

    @property
    def actions_path(self) -> Path:
        from iscg_mailbot.settings.actions import actions_path

        return actions_path(self.config_dir)

    @property
    def meetings_path(self) -> Path:
        from iscg_mailbot.settings.meetings import meetings_path

        return meetings_path(self.config_dir)

    @property
    def itu_bodies_path(self) -> Path:
        from iscg_mailbot.settings.itu_bodies import itu_bodies_path

        return itu_bodies_path(self.config_dir)

    def topics(self) -> TopicsConfig:
        """The topic list; ConfigError when it is missing or does not validate."""
        from iscg_mailbot.settings.topics import load_topics

        return self._once("topics", self.topics_path, load_topics)

    def has_topics(self) -> bool:
        """Whether there is a topic list at all (without one nothing is tagged)."""
        return "topics" in self._loaded or self.topics_path.exists()

    def topic_titles(self) -> dict[str, str]:
        """Topic id -> name, empty when there is no topic list."""
        if not self.has_topics():
            return {}
        return {topic.id: topic.name for topic in self.topics().topics}

    def members(self, *, required: bool = False) -> MembersConfig:
        """The member list; no members when the file is missing, unless ``required``
        (then the ConfigError saying how to create it)."""
        if required and not self.members_path.exists():
            from iscg_mailbot.settings.members import load_members

            load_members(self.members_path)  # raises: not found, how to create it
        return self._once("members", self.members_path, _members_or_none)

    def members_now(self) -> MembersConfig:
        """The member list as the file is now (parsed again only when it changed), for
        who-may-do-what on the website: a member removed from the file loses access at
        the next request, without waiting for a reload."""
        return cached(self.members_path, _members_or_none)

    def actions(self) -> ActionsConfig:
        """The action-item settings; the defaults when ``actions.yaml`` is missing."""
        from iscg_mailbot.settings.actions import load_actions_config

        return self._once("actions", self.actions_path, load_actions_config)

    def meetings(self) -> MeetingsConfig:
        """The meetings calendar; none when ``meetings.yaml`` is missing."""
        from iscg_mailbot.settings.meetings import load_meetings

        return self._once("meetings", self.meetings_path, load_meetings)

    @property
    def itu_products_path(self) -> Path:
        from iscg_mailbot.settings.itu_products import itu_products_path

        return itu_products_path(self.config_dir)

    def itu_products(self) -> ItuProducts:
        """ITU's products by Bureau; an empty table when the file is missing."""
        from iscg_mailbot.settings.itu_products import load_itu_products

        return self._once("itu_products", self.itu_products_path,
                          lambda path: load_itu_products(path, missing_ok=True))

    def itu_bodies(self) -> ItuBodies:
        """The ITU-structure table; an empty one when the file is missing."""
        return self._once("itu_bodies", self.itu_bodies_path, _itu_bodies_or_none)

    def reload(self) -> None:
        """Forget every file read so far: the next use reads it again."""
        with self._lock:
            self._loaded.clear()
            self._versions.clear()
            self._generation += 1

    def changed(self) -> bool:
        """Whether a file kept so far was edited, replaced or removed since it was read
        (a few ``stat`` calls: cheap enough before every job of the worker)."""
        with self._lock:
            return any(file_version(path) != version
                       for path, version in self._versions.items())

    def stamp(self) -> tuple[object, ...]:
        """What tells the files in use now from those after a :meth:`reload` (and
        ``members.yaml``, read as it is now, from an edit of it): part of the key of a
        page the website keeps. A file first read after a page was kept is read as it is
        then, which no page kept before needed."""
        return self._generation, file_version(self.members_path)

    def _once(self, name: str, path: Path, load: Callable[[Path], T]) -> T:
        with self._lock:
            if name not in self._loaded:
                # A ConfigError leaves nothing kept; an unchanged file another
                # application object of this process parsed is not parsed again.
                version = file_version(path)
                self._loaded[name] = cached(path, load)
                self._versions[path] = version
            value: T = self._loaded[name]
            return value


def _members_or_none(path: Path) -> MembersConfig:
    from iscg_mailbot.settings.members import load_members

    return load_members(path, missing_ok=True)


def _itu_bodies_or_none(path: Path) -> ItuBodies:
    from iscg_mailbot.settings.itu_bodies import load_itu_bodies

    return load_itu_bodies(path, missing_ok=True)


__all__ = ["ConfigFiles"]
