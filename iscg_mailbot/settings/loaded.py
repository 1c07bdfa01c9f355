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
from typing import Any, TypeVar

from iscg_mailbot.settings.actions import ActionsConfig, actions_path, load_actions_config
from iscg_mailbot.settings.file_cache import cached
from iscg_mailbot.settings.itu_bodies import ItuBodies, itu_bodies_path, load_itu_bodies
from iscg_mailbot.settings.meetings import MeetingsConfig, load_meetings, meetings_path
from iscg_mailbot.settings.members import MembersConfig, load_members, members_path
from iscg_mailbot.settings.topics import TopicsConfig, load_topics, topics_path

T = TypeVar("T")


class ConfigFiles:
    """The YAML files of ``config_dir``, loaded lazily, kept until :meth:`reload`."""

    def __init__(self, config_dir: Path | str) -> None:
        self.config_dir = Path(config_dir)
        self._lock = threading.RLock()
        self._loaded: dict[str, Any] = {}

    # Where each file lives: for messages and for the services that edit a file.
    @property
    def topics_path(self) -> Path:
        return topics_path(self.config_dir)

    @property
    def members_path(self) -> Path:
        return members_path(self.config_dir)

    @property
    def actions_path(self) -> Path:
        return actions_path(self.config_dir)

    @property
    def meetings_path(self) -> Path:
        return meetings_path(self.config_dir)

    @property
    def itu_bodies_path(self) -> Path:
        return itu_bodies_path(self.config_dir)

    def topics(self) -> TopicsConfig:
        """The topic list; ConfigError when it is missing or does not validate."""
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
            load_members(self.members_path)  # raises: not found, how to create it
        return self._once("members", self.members_path, _members_or_none)

    def actions(self) -> ActionsConfig:
        """The action-item settings; the defaults when ``actions.yaml`` is missing."""
        return self._once("actions", self.actions_path, load_actions_config)

    def meetings(self) -> MeetingsConfig:
        """The meetings calendar; none when ``meetings.yaml`` is missing."""
        return self._once("meetings", self.meetings_path, load_meetings)

    def itu_bodies(self) -> ItuBodies:
        """The ITU-structure table; an empty one when the file is missing."""
        return self._once("itu_bodies", self.itu_bodies_path, _itu_bodies_or_none)

    def reload(self) -> None:
        """Forget every file read so far: the next use reads it again."""
        with self._lock:
            self._loaded.clear()

    def _once(self, name: str, path: Path, load: Callable[[Path], T]) -> T:
        with self._lock:
            if name not in self._loaded:
                # A ConfigError leaves nothing kept; an unchanged file another
                # application object of this process parsed is not parsed again.
                self._loaded[name] = cached(path, load)
            value: T = self._loaded[name]
            return value


def _members_or_none(path: Path) -> MembersConfig:
    return load_members(path, missing_ok=True)


def _itu_bodies_or_none(path: Path) -> ItuBodies:
    return load_itu_bodies(path, missing_ok=True)


__all__ = ["ConfigFiles"]
