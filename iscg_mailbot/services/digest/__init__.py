"""The weekly digest as services, one module per job; this package lists what the shells call.

- :mod:`.sending` — ``digest send`` and the worker's jobs: record the period's digests
  in the outbox, then deliver them, once per member (``send_digests``).
- :mod:`.outbox` — the operator's settling of uncertain or failed digests
  (``release_uncertain_digests``, ``confirm_delivery``).
- :mod:`.run` — what one run's steps share, and its report (``SendReport``).
- :mod:`.preview` — a digest shown, never sent: ``digest preview`` and the website's
  pages (``preview_digest``, ``live_digest``, ``sent_periods``, ``sent_digest``); the
  overlaps of the next preview kept ahead by whoever changed them
  (``keep_overlaps_current``).
- :mod:`.members` — ``members list`` and ``members check``.
- :mod:`.status` — ``digest status``.

A missing digest can be sent later, a duplicate cannot be taken back: an entry whose
fate is unknown is ``uncertain`` and never re-sent on its own. See docs/operations.md,
"Sent exactly once".
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Each name is imported from its module at first use: ``digest preview`` needs neither
# the sending code nor the mail composer and scheduler it imports (start-up time).
if TYPE_CHECKING:
    from iscg_mailbot.services.digest.members import (
        MemberRow,
        MembersCheck,
        check_member_list,
        member_list,
    )
    from iscg_mailbot.services.digest.outbox import confirm_delivery, release_uncertain_digests
    from iscg_mailbot.services.digest.preview import (
        DigestPreview,
        SentPeriod,
        keep_overlaps_current,
        live_digest,
        preview_digest,
        sent_digest,
        sent_periods,
    )
    from iscg_mailbot.services.digest.run import SEND_LOCK_LEASE, Sender, SendItem, SendReport
    from iscg_mailbot.services.digest.sending import send_digests
    from iscg_mailbot.services.digest.status import (
        DigestStatus,
        OutboxProblem,
        RunSummary,
        digest_status,
    )

_MODULES = {
    "MemberRow": "members", "MembersCheck": "members", "check_member_list": "members",
    "member_list": "members",
    "confirm_delivery": "outbox", "release_uncertain_digests": "outbox",
    "DigestPreview": "preview", "SentPeriod": "preview", "live_digest": "preview",
    "keep_overlaps_current": "preview",
    "preview_digest": "preview", "sent_digest": "preview", "sent_periods": "preview",
    "SEND_LOCK_LEASE": "run", "Sender": "run", "SendItem": "run", "SendReport": "run",
    "send_digests": "sending",
    "DigestStatus": "status", "OutboxProblem": "status", "RunSummary": "status",
    "digest_status": "status",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "SEND_LOCK_LEASE",
    "DigestPreview",
    "DigestStatus",
    "MemberRow",
    "MembersCheck",
    "OutboxProblem",
    "RunSummary",
    "SendItem",
    "SendReport",
    "Sender",
    "SentPeriod",
    "check_member_list",
    "confirm_delivery",
    "digest_status",
    "keep_overlaps_current",
    "live_digest",
    "member_list",
    "preview_digest",
    "release_uncertain_digests",
    "send_digests",
    "sent_digest",
    "sent_periods",
]
