"""Use case: plan the reminder rows due within a horizon, for every active subscription.

Idempotent: rows are keyed by (subscription, occurrence, kind) and written with INSERT … ON
CONFLICT DO NOTHING, so planning twice, or from two processes at once, adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.planning import WINDOW_FIGURES, WorkdayCalendar, plan_reminders
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.subscriptions import Subscription

HORIZON = dt.timedelta(days=60)


class ReminderStore(Protocol):
    def subscriptions(
        self, store_id: str | None = None, active_only: bool = True
    ) -> list[Subscription]: ...

    def add_reminders(self, rows: Iterable[ReminderRow]) -> int: ...


@dataclass(frozen=True)
class PlanReport:
    added: int  # rows new to the database
    considered: int  # rows planned, new or not
    unknown_holiday_years: tuple[int, ...]  # due days guessed Monday-Friday: log these years
    guessed: frozenset[str] = frozenset()  # keys of the rows planned on a guessed working day


def dates_to_plan(now: dt.datetime, until: dt.datetime, tz: ZoneInfo) -> tuple[dt.date, dt.date]:
    """The days whose occurrences can have reminders due in [now, until): a `prepare` reminder
    falls up to a measuring window before its sign-up opens, so the end looks further."""
    lead = dt.timedelta(days=max(WINDOW_FIGURES.values(), default=0) + 1)
    return now.astimezone(tz).date(), (until + lead).astimezone(tz).date()


def plan(
    catalog: Catalog,
    repository: ReminderStore,
    now: dt.datetime,
    tz: ZoneInfo,
    horizon: dt.timedelta = HORIZON,
    workdays: WorkdayCalendar | None = None,
) -> PlanReport:
    """Add the reminders due in [now, now + horizon) (plus one catch-up per occurrence)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    until = now + horizon
    found = occurrences(catalog, *dates_to_plan(now, until, tz), tz)
    planned = plan_reminders(
        catalog,
        repository.subscriptions(active_only=True),
        found,
        now,
        until,
        tz,
        workdays or ChineseWorkdays(),
    )
    added = repository.add_reminders(planned.rows)
    return PlanReport(added, len(planned.rows), planned.unknown_years, planned.guessed)
