"""Use case: plan the reminder rows due within a short horizon, for every active subscription,
a page of subscriptions at a time: the one code path of `remind` and the daemon's planners.

Idempotent: rows are keyed by (subscription, occurrence, kind) and written with INSERT … ON
CONFLICT DO NOTHING, so planning twice, or from two processes at once, adds nothing. Only
subscriptions not yet planned through the horizon less `FRESH` are planned, and each page is
planned under a lock named after it (PostgreSQL): a daemon passes over what another daemon is
planning or has just planned. What is passed over is at most `FRESH` short of the horizon and
is planned at the next run, days before anything in it is due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from calendar_service.adapters.db.reminder_store import (
    fresh_marks,
    insert_reminders,
    mark_planned,
)
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.planning import WINDOW_FIGURES, WorkdayCalendar, plan_reminders
from calendar_service.domain.subscriptions import Subscription

# Reminders are planned a week ahead: a message is written from the latest data on the day it
# goes, so planning further ahead only stores rows. Planning runs every few hours; a week
# covers the longest holiday the daemon might be stopped over without losing lead time.
HORIZON = dt.timedelta(days=7)
FRESH = dt.timedelta(days=3)  # planned through the horizon less this: nothing to plan yet
PAGE = 500  # subscriptions planned per transaction
# Part of the version planning is recorded under: a release that plans other rows changes it,
# and every subscription is planned again under the new rules.
RULES = "per-recipient-1"


class PlanningStore(Protocol):
    def unplanned_subscriptions(
        self, cycle: str, after_id: int, limit: int, fresh_from: dt.datetime, catalog_version: str
    ) -> tuple[list[Subscription], int | None]: ...

    def planning(self, page: str) -> AbstractContextManager[Connection | None]: ...


@dataclass
class PlanReport:
    added: int = 0  # rows new to the database
    considered: int = 0  # rows planned, new or not
    subscriptions: int = 0
    left_to_another_daemon: int = 0  # subscriptions another daemon was planning
    occurrences: int = 0
    unknown_holiday_years: set[int] = field(default_factory=set)  # due days guessed Mon-Fri
    stopped: bool = False

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "added": self.added,
            "considered": self.considered,
            "subscriptions": self.subscriptions,
            "left_to_another_daemon": self.left_to_another_daemon,
            "occurrences": self.occurrences,
        }
        if self.unknown_holiday_years:
            found["holidays_unknown"] = sorted(self.unknown_holiday_years)
        if self.stopped:
            found["stopped"] = True
        return found


def dates_to_plan(now: dt.datetime, until: dt.datetime, tz: ZoneInfo) -> tuple[dt.date, dt.date]:
    """The days whose occurrences can have reminders due in [now, until): a `prepare` reminder
    falls up to a measuring window before its sign-up opens, so the end looks further."""
    lead = dt.timedelta(days=max(WINDOW_FIGURES.values(), default=0) + 1)
    return now.astimezone(tz).date(), (until + lead).astimezone(tz).date()


def plan(
    catalog: Catalog,
    store: PlanningStore,
    now: dt.datetime,
    tz: ZoneInfo,
    *,
    cycles: Iterable[Cycle] = tuple(Cycle),
    workdays: WorkdayCalendar | None = None,
    horizon: dt.timedelta = HORIZON,
    page_size: int = PAGE,
    stopped: Callable[[], bool] = lambda: False,
) -> PlanReport:
    """Add the reminders due in [now, now + horizon) (plus one catch-up per occurrence) for
    these cycles, a page of subscriptions at a time."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    report = PlanReport()
    for cycle in cycles:
        _plan_cycle(
            catalog, store, now, tz, cycle, workdays or ChineseWorkdays(), horizon, page_size,
            stopped, report,
        )  # fmt: skip
    report.stopped = stopped()
    return report


def _plan_cycle(
    catalog: Catalog,
    store: PlanningStore,
    now: dt.datetime,
    tz: ZoneInfo,
    cycle: Cycle,
    workdays: WorkdayCalendar,
    horizon: dt.timedelta,
    page_size: int,
    stopped: Callable[[], bool],
    report: PlanReport,
) -> None:
    until = now + horizon
    # Every cycle's occurrences: a weekly summary rides with the first reminder of its week.
    found = occurrences(catalog, *dates_to_plan(now, until, tz), tz)
    report.occurrences += sum(o.cycle is cycle for o in found)
    version = f"{catalog.version}/{RULES}"
    after = 0
    fresh_from = until - min(FRESH, horizon / 2)
    while not stopped():
        page, last = store.unplanned_subscriptions(
            cycle.value, after, page_size, fresh_from, version
        )
        if last is None:
            break
        after = last
        if not page:  # all planned already
            continue
        with store.planning(f"plan:{cycle.value}:{page[0].id}") as mine:
            if mine is None:  # another daemon is planning this page now
                report.left_to_another_daemon += len(page)
                continue
            # Another daemon may have planned the page between its read and the lock: both
            # daemons walk the pages in the same order, so this is common, not a corner case.
            done = fresh_marks(mine, cycle.value, (s.id for s in page), fresh_from, version)
            if done:
                report.left_to_another_daemon += len(done)
                page = [s for s in page if s.id not in done]
                if not page:
                    continue
            planned = plan_reminders(catalog, page, found, now, until, tz, workdays, cycle)
            report.added += insert_reminders(mine, planned.rows)
            mark_planned(mine, cycle.value, (s.id for s in page), until, version)
        report.considered += len(planned.rows)
        report.subscriptions += len(page)
        report.unknown_holiday_years.update(planned.unknown_years)
