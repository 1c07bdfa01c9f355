"""The declarative base every table model derives from, with the naming convention.

Its own module so that the model modules (``models``, ``models_*``) import it without
importing each other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.orm import DeclarativeBase

from iscg_mailbot.store.tables import NAMING_CONVENTION, metadata
from iscg_mailbot.store.types import UTCDateTime

__all__ = ["NAMING_CONVENTION", "Base"]


class Base(DeclarativeBase):
    # The metadata and the naming convention live in the Core module, whose tables the
    # chair's thread lists query without the ORM (store/tables.py).
    metadata = metadata
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's declarative hook
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }
