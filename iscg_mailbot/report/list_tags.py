"""The ``[tags]`` a list server puts in subjects, which tables and the digest leave out.

Its own module: the chair's thread lists show subjects without importing the thread
read models (``report/threads.py``, the ORM classes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iscg_mailbot.settings.main import ListConfig


def list_tags(list_config: ListConfig) -> tuple[str, ...]:
    """The ``[tags]`` the list server may put in subjects: the list's id and the local part
    of its address (``[int-sect-team]``). The digest and the tables of threads leave them
    out (defined here: a thread list shows subjects without importing the digest)."""
    return tuple(dict.fromkeys((list_config.id, list_config.address.split("@", 1)[0])))
