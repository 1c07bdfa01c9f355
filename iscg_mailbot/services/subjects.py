"""Subjects as the tables and the digest show them.

Its own module (re-exported by :mod:`iscg_mailbot.services.threads`): ``threads list
--open`` prints subjects without importing the thread service, whose read models are
ORM classes (issue 17, start-up; see ``report/thread_lists.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iscg_mailbot.parse.subjects import display_subject
from iscg_mailbot.report.list_tags import list_tags

if TYPE_CHECKING:
    from iscg_mailbot.settings.main import Settings


def shown_subject(settings: Settings, subject: str | None) -> str:
    """A subject as tables and the digest show it: without reply markers and the
    configured lists' own ``[tags]`` (JSON output keeps subjects as written)."""
    return display_subject(subject, [tag for config in settings.lists for tag in list_tags(config)])
