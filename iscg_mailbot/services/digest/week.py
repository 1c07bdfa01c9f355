"""The one read of a digest's week, shared by the previews, the sending run, the
overlaps kept ahead and the website's live digest (so all of them see the same week,
and the kept overlaps' key matches by construction)."""

from __future__ import annotations

from datetime import datetime

from iscg_mailbot.report.digest import Week, collect_week
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import ListConfig


def read_week(app: App, list_config: ListConfig, period: tuple[datetime, datetime],
              now: datetime, as_of: datetime | None = None) -> Week:
    """What the digest of ``list_config`` shows for ``period`` as of ``now``, read in a
    session of its own (``as_of``: a past week as its digest showed it when it closed)."""
    with app.session() as session:
        return collect_week(session, list_config=list_config, period=period, now=now,
                            config=app.settings.digest,
                            topic_titles=app.config.topic_titles(), as_of=as_of)
