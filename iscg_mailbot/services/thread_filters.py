"""Thread ids for the website's combined filters (open or stalled threads that also
match an advisory group or a mentioned ITU body): ids only, no thread is loaded."""

from __future__ import annotations

from iscg_mailbot.report.threads import matching_thread_ids
from iscg_mailbot.services.app import App
from iscg_mailbot.services.threads import group_addresses
from iscg_mailbot.store.topics import threads_mentioning


def thread_ids(app: App, *, mentions: str | None = None, group: str | None = None) -> set[int]:
    """Ids of the threads that mention ``mentions`` and in which a member of ``group``
    wrote (each filter only when given)."""
    writers = None if group is None else group_addresses(app, group)
    with app.session() as session:
        found = None if mentions is None else threads_mentioning(session, mentions)
        if writers is None:
            return found if found is not None else matching_thread_ids(session)
        return matching_thread_ids(session, thread_ids=found, writers=writers)
