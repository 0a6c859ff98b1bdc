"""When messages may go out (pure): at 09:00 local time on a working day.

`WorkdayCalendar` says which days are working days (holidays and make-up working days
included); `SendDays` turns a moment into the sending times around it; `WorkdayLog` is the
planner's view of a calendar, recording the years it had to guess.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

DUE_TIME = dt.time(9, 0)
DAY = dt.timedelta(days=1)
_SEARCH = 31  # no holiday lasts a month: how far a shift looks for a working day


class WorkdayCalendar(Protocol):
    """Which days are working days (holidays and make-up working days included)."""

    def is_workday(self, day: dt.date) -> bool: ...

    def known(self, day: dt.date) -> bool:
        """False when `is_workday` is a Monday-Friday guess (no holiday data for the year)."""
        ...


class Weekdays:
    """Monday to Friday, nothing known: the fallback, and a fake for pure tests."""

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5

    def known(self, day: dt.date) -> bool:
        return False


def at_nine(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """09:00 of `day` in the catalog's time zone."""
    return dt.datetime.combine(day, DUE_TIME, tzinfo=tz)


class WorkdayLog:
    """A WorkdayCalendar that records the days it had to guess."""

    def __init__(self, workdays: WorkdayCalendar) -> None:
        self._workdays = workdays
        self.unknown_years: set[int] = set()

    def workday(self, day: dt.date) -> tuple[bool, bool]:
        """Whether `day` is a working day, and whether that is known (not a guess)."""
        known = self._workdays.known(day)
        if not known:
            self.unknown_years.add(day.year)
        return self._workdays.is_workday(day), known

    def shift(self, day: dt.date, step: int) -> tuple[dt.date | None, bool]:
        """The working day nearest `day` in direction `step` (+1 later, -1 earlier), and
        whether every day consulted was known; None when there is none within a month."""
        known = True
        for _ in range(_SEARCH):
            if not self._workdays.known(day):
                known = False
                self.unknown_years.add(day.year)
            if self._workdays.is_workday(day):
                return day, known
            day += step * DAY
        return None, known

    def sending_from(self, now: dt.datetime, tz: ZoneInfo) -> tuple[dt.datetime, bool]:
        """The first sending time at or after `now`, and whether the days consulted were known:
        `now` itself on a working day at or after 09:00, else 09:00 of the next working day
        (today's when it is a working day before 09:00); `now` when none is found in a month."""
        today = now.astimezone(tz).date()
        if now >= at_nine(today, tz):
            workday, known = self.workday(today)
            if workday:
                return now, known
            start = today + DAY
        else:
            start = today
        day, known = self.shift(start, +1)
        return (now, known) if day is None else (at_nine(day, tz), known)


class SendDays:
    """When messages go out: at 09:00 on working days, at most one a day for an address."""

    def __init__(self, tz: ZoneInfo, workdays: WorkdayCalendar) -> None:
        self.tz = tz
        self._workdays = workdays

    def day_start(self, now: dt.datetime) -> dt.datetime:
        """Midnight starting `now`'s local day: a message sent since then was today's."""
        return dt.datetime.combine(now.astimezone(self.tz).date(), dt.time(), tzinfo=self.tz)

    def next_morning(self, now: dt.datetime) -> dt.datetime:
        """09:00 of the first working day after `now`'s local day (the day after when no
        working day is found within a month): where a second message of a day goes."""
        day = now.astimezone(self.tz).date() + DAY
        found, _known = WorkdayLog(self._workdays).shift(day, +1)
        return at_nine(found or day, self.tz)
