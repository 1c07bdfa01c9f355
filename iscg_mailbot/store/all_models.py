"""Every table model, declared: one metadata (``Base.metadata``) for Alembic's
autogenerate (``migrations/env.py``) and the schema tests.

The application imports each ``models_*`` module where it uses it (a query process
declares only the tables it reads); import this module where the whole schema is
needed.
"""

from __future__ import annotations

from iscg_mailbot.store import (
    models,  # noqa: F401
    models_action_shares,  # noqa: F401
    models_actions,  # noqa: F401
    models_archive,  # noqa: F401
    models_delivery,  # noqa: F401
    models_duties,  # noqa: F401
    models_ingest,  # noqa: F401
    models_topics,  # noqa: F401
    models_web,  # noqa: F401
    models_work,  # noqa: F401
)
from iscg_mailbot.store.base import Base

__all__ = ["Base"]
