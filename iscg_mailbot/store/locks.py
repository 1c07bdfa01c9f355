"""Named leases in the database: one worker per database, one digest sender at a time.

A lease is a row (name, holder, expires_at). Taking it is one atomic statement:
an INSERT when nobody holds it, else an UPDATE that only matches an expired lease
or one the caller already holds. The holder renews it well before it expires; a
holder that crashed stops renewing and the lease frees itself.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from iscg_mailbot.store.models_delivery import WorkerLock

WORKER_LOCK = "worker"
DIGEST_SEND_LOCK = "digest-send"


def new_holder() -> str:
    """An identity for this process: host, pid and a random suffix (pids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _session(engine: Engine) -> Session:
    return sessionmaker(engine, expire_on_commit=False)()


def acquire_lock(engine: Engine, name: str, holder: str, lease: timedelta,
                 now: datetime) -> bool:
    """Take or renew the lease ``name`` for ``holder``; False when someone else holds it."""
    with _session(engine) as session:
        result = session.execute(
            update(WorkerLock)
            .where(WorkerLock.name == name,
                   (WorkerLock.holder == holder) | (WorkerLock.expires_at < now))
            .values(holder=holder, acquired_at=now, heartbeat_at=now, expires_at=now + lease)
            .execution_options(synchronize_session=False))
        if getattr(result, "rowcount", 0) == 1:
            session.commit()
            return True
        session.rollback()
    with _session(engine) as session:
        session.add(WorkerLock(name=name, holder=holder, acquired_at=now, heartbeat_at=now,
                               expires_at=now + lease))
        try:
            session.commit()
        except IntegrityError:
            # Someone holds a live lease (the UPDATE above did not match it).
            session.rollback()
            return False
    return True


def renew_lock(engine: Engine, name: str, holder: str, lease: timedelta, now: datetime) -> bool:
    """Extend a lease we hold; False when it is no longer ours (it expired and was taken)."""
    with _session(engine) as session:
        result = session.execute(
            update(WorkerLock).where(WorkerLock.name == name, WorkerLock.holder == holder)
            .values(heartbeat_at=now, expires_at=now + lease)
            .execution_options(synchronize_session=False))
        session.commit()
        return bool(getattr(result, "rowcount", 0) == 1)


def release_lock(engine: Engine, name: str, holder: str) -> None:
    """Give the lease up (only if we hold it)."""
    with _session(engine) as session:
        session.execute(delete(WorkerLock).where(WorkerLock.name == name,
                                                 WorkerLock.holder == holder))
        session.commit()


def lock_info(session: Session, name: str) -> WorkerLock | None:
    """The current row of a lease (it may have expired)."""
    return session.scalar(select(WorkerLock).where(WorkerLock.name == name))
