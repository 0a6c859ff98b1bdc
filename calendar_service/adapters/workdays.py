"""Chinese working days from the `chinese_calendar` library: public holidays and 调休.

The library carries the State Council's announced schedule, one year at a time; for a year it
does not know yet it raises NotImplementedError. Then the calendar falls back to Monday-Friday
and says so through `known(day)`, so that the planner can report the guess.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar  # type: ignore[import-untyped]

from calendar_service.domain.planning import Weekdays


class ChineseWorkdays:
    """A WorkdayCalendar: chinese_calendar where it has data, Monday-Friday elsewhere."""

    def __init__(self) -> None:
        self._fallback = Weekdays()

    def is_workday(self, day: dt.date) -> bool:
        known = _lookup(day)
        return self._fallback.is_workday(day) if known is None else known

    def known(self, day: dt.date) -> bool:
        return _lookup(day) is not None

    def holiday(self, day: dt.date) -> str | None:
        """The public holiday `day` falls in (English name, e.g. "Spring Festival"), or None.

        None for a plain weekend, a working day, and a year the library has no data for.
        """
        return _holiday(day)


# The holiday data verdicts, feeds and mails read: the reminders' (chinese_calendar).
HOLIDAYS = ChineseWorkdays()


@lru_cache(maxsize=4096)
def _holiday(day: dt.date) -> str | None:
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return str(name) if on_holiday and name else None


@lru_cache(maxsize=4096)
def _lookup(day: dt.date) -> bool | None:
    """Whether the library says `day` is a working day; None when it has no data for the year."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None
