"""The cycle engine: every activity's occurrences (sign-up windows and event periods) in a range.

Windows are whole days in the catalog's time zone. Sign-up opens at 00:00 of its first day and
closes at the end of its deadline day; an event runs from 00:00 of its first day to the end of its
last day. Datetimes are therefore half-open ranges, timezone-aware.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import (
    Activity,
    Catalog,
    Cycle,
    DailyWindow,
    MonthlyWindow,
    QuarterlyWindow,
    YearlyWindow,
)

DAY = dt.timedelta(days=1)
DAILY_PERIOD = "daily"


@dataclass(frozen=True)
class Occurrence:
    """One sign-up window of one activity, with the event it leads to."""

    activity: str
    cycle: Cycle
    period: str  # "2027", "2027-Q1", "2027-03" or "daily"
    opens_on: dt.date
    deadline_on: dt.date  # the last day of sign-up
    event_starts_on: dt.date
    event_ends_on: dt.date  # the last day of the event
    tz: ZoneInfo
    # The daily activities are one series: the first instance above, repeated every day until.
    repeats_until: dt.date | None = None
    overridden: bool = False

    @property
    def key(self) -> str:
        """Stable identity across runs: activity and period."""
        return f"{self.activity}:{self.period}"

    @property
    def opens_at(self) -> dt.datetime:
        return _midnight(self.opens_on, self.tz)

    @property
    def deadline_at(self) -> dt.datetime:
        """The instant sign-up closes: the end of the deadline day."""
        return _midnight(self.deadline_on + DAY, self.tz)

    @property
    def event_starts_at(self) -> dt.datetime:
        return _midnight(self.event_starts_on, self.tz)

    @property
    def event_ends_at(self) -> dt.datetime:
        """The instant the event is over: the end of its last day."""
        return _midnight(self.event_ends_on + DAY, self.tz)

    @property
    def is_series(self) -> bool:
        return self.repeats_until is not None

    def is_open(self, now: dt.datetime) -> bool:
        """Whether sign-up is open at `now` (for a series: on that day, within its range)."""
        if self.repeats_until is not None:
            return self.opens_at <= now < _midnight(self.repeats_until + DAY, self.tz)
        return self.opens_at <= now < self.deadline_at


def _midnight(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz)


def occurrences(
    catalog: Catalog,
    start: dt.date,
    end: dt.date,
    tz: ZoneInfo,
    cycle: Cycle | None = None,
) -> list[Occurrence]:
    """Every occurrence whose sign-up window or event touches the days [start, end).

    Sorted by sign-up deadline, then by the catalog's order of activities.
    """
    if end <= start:
        return []
    order = {a.key: i for i, a in enumerate(catalog.activities)}
    found = [
        occ
        for activity in catalog.in_cycle(cycle)
        for occ in _activity_occurrences(catalog, activity, start, end, tz)
        if occ.opens_on < end and occ.event_ends_on >= start
    ]
    return sorted(found, key=lambda o: (o.deadline_on, order[o.activity], o.period))


def _activity_occurrences(
    catalog: Catalog, activity: Activity, start: dt.date, end: dt.date, tz: ZoneInfo
) -> Iterator[Occurrence]:
    window = activity.window
    if isinstance(window, DailyWindow):
        last = end - DAY
        yield Occurrence(
            activity.key,
            activity.cycle,
            DAILY_PERIOD,
            start,
            start,
            start,
            start,
            tz,
            repeats_until=last,
        )
        return
    # Windows open at most a few months before their event: a year of margin covers every rule.
    for period, occ in _periods(activity, start.year - 1, end.year + 1, tz):
        override = catalog.override(activity.key, period)
        if override is None:
            yield occ
        else:
            yield Occurrence(
                activity.key,
                activity.cycle,
                period,
                override.opens_on,
                override.deadline_on,
                override.event_starts_on,
                override.event_ends_on,
                tz,
                overridden=True,
            )


def _periods(
    activity: Activity, first_year: int, last_year: int, tz: ZoneInfo
) -> Iterator[tuple[str, Occurrence]]:
    window = activity.window
    for year in range(first_year, last_year + 1):
        if isinstance(window, YearlyWindow):
            event = dt.date(year, window.event_month, window.event_day)
            yield (
                str(year),
                Occurrence(
                    activity.key,
                    activity.cycle,
                    str(year),
                    opens_on=event - window.opens_days_before * DAY,
                    deadline_on=event - window.deadline_days_before * DAY,
                    event_starts_on=event,
                    event_ends_on=event + (window.event_days - 1) * DAY,
                    tz=tz,
                ),
            )
        elif isinstance(window, QuarterlyWindow):
            for quarter in range(1, 5):
                first_month = 3 * (quarter - 1) + 1
                event_month = first_month + window.event_month_of_quarter - 1
                period = f"{year}-Q{quarter}"
                yield (
                    period,
                    Occurrence(
                        activity.key,
                        activity.cycle,
                        period,
                        opens_on=dt.date(year, first_month, window.opens_day),
                        deadline_on=dt.date(year, first_month, window.deadline_day),
                        event_starts_on=dt.date(year, event_month, 1),
                        event_ends_on=_month_end(year, event_month),
                        tz=tz,
                    ),
                )
        elif isinstance(window, MonthlyWindow):
            for month in range(1, 13):
                before = dt.date(year, month, 1) - DAY
                period = f"{year}-{month:02d}"
                yield (
                    period,
                    Occurrence(
                        activity.key,
                        activity.cycle,
                        period,
                        opens_on=before.replace(day=window.opens_day),
                        deadline_on=before.replace(day=window.deadline_day),
                        event_starts_on=dt.date(year, month, 1),
                        event_ends_on=_month_end(year, month),
                        tz=tz,
                    ),
                )


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - DAY


def period_pattern(cycle: Cycle) -> str:
    """The regular expression a period of this cycle matches (for validating overrides)."""
    return {
        Cycle.YEARLY: r"^\d{4}$",
        Cycle.QUARTERLY: r"^\d{4}-Q[1-4]$",
        Cycle.MONTHLY: r"^\d{4}-(0[1-9]|1[0-2])$",
        Cycle.DAILY: r"^daily$",
    }[cycle]
