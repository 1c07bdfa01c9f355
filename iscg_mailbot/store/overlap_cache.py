"""Reads and writes of ``overlap_flag_cache`` (revision 0021): the possible overlaps a
digest shows, kept under a key and the data version they were read at."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from iscg_mailbot.store.models_duties import OverlapFlagCache


def kept_flags(session: Session, key: str, data_version: int) -> list[Any] | None:
    """The rows kept under ``key`` at ``data_version``, or None."""
    return session.scalar(select(OverlapFlagCache.flags).where(
        OverlapFlagCache.key == key, OverlapFlagCache.data_version == data_version))


def keep_flags(session: Session, key: str, data_version: int, flags: list[Any]) -> None:
    """Keep these rows under ``key`` at ``data_version``; entries of older data
    versions, which no new reader can match, are dropped."""
    session.execute(delete(OverlapFlagCache).where(or_(
        OverlapFlagCache.data_version < data_version, OverlapFlagCache.key == key)))
    session.execute(insert(OverlapFlagCache).values(
        key=key, data_version=data_version, flags=flags))


__all__ = ["keep_flags", "kept_flags"]
