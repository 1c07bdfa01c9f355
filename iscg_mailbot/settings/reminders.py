"""The ``[reminders]`` section of ``iscg-mailbot.toml``: deadline reminders and the chair's
weekly list of newly overdue items::

    [reminders]
    enabled = true
    days_before = [7, 1]        # remind an item's owner 7 days and 1 day before it is due
    overdue_weekday = "mon"     # the chair's list of items that fell overdue last week

A member turns reminders off with ``reminders: off`` in ``members.yaml``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class RemindersConfig(BaseModel):
    """When reminders go out. Defaults: on, 7 and 1 days before, overdue list on Mondays."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    days_before: tuple[int, ...] = (7, 1)
    overdue_weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    # Look-back of "newly overdue": items whose due day fell in the last N days.
    overdue_window_days: int = Field(default=7, ge=1, le=31)

    @field_validator("days_before")
    @classmethod
    def _distinct_positive(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(day < 1 or day > 90 for day in value):
            raise ValueError("each entry is a number of days from 1 to 90, e.g. [7, 1]")
        return tuple(sorted(set(value), reverse=True))

    @property
    def overdue_weekday_number(self) -> int:
        """Monday = 0 ... Sunday = 6."""
        return WEEKDAYS.index(self.overdue_weekday)
