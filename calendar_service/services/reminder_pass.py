"""One reminder pass, as `calendar-service remind` runs it: plan what is due, notice the daily
activities' status changes, then send each address its message of everything due now."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.planning import SendDays
from calendar_service.services.compose import Composer
from calendar_service.services.delivery import Outbox
from calendar_service.services.dispatch import DispatchReport, Queue, Subscribers, run_dispatch
from calendar_service.services.eligibility import StoresReader
from calendar_service.services.planning import PlanningStore, plan
from calendar_service.services.status_watch import WatchedStores, watch_daily_statuses


class Reminders(PlanningStore, WatchedStores, Queue, Protocol):
    """The reminders as a pass plans, watches and dispatches them."""


class People(StoresReader, Subscribers, Protocol):
    """The stores' data, and the subscriptions a bounce ends."""


@dataclass(frozen=True)
class PassReport:
    planned: int  # new reminder rows
    unknown_holiday_years: tuple[int, ...]  # planned on Monday-Friday for want of holiday data
    status_changes: int
    dispatch: DispatchReport

    def summary(self) -> str:
        return (
            f"planned {self.planned} new reminders, {self.status_changes} status changes; "
            + self.dispatch.summary()
        )


def reminder_pass(
    catalog: Catalog,
    repository: People,
    store: Reminders,
    transport: Outbox,
    composer: Composer,
    now: dt.datetime,
    tz: ZoneInfo,
    stale_after: dt.timedelta,
    owner: str,
) -> PassReport:
    """Plan, watch and dispatch once at `now`; the composer stays open (the caller's)."""
    workdays = ChineseWorkdays()
    planned = plan(catalog, store, now, tz, workdays=workdays)
    noticed = watch_daily_statuses(catalog, repository, store, now, tz, workdays, stale_after)
    report = run_dispatch(
        repository,
        store,
        transport,
        composer,
        lambda: now,
        owner,
        random.Random(),
        SendDays(tz, workdays),
    )
    return PassReport(
        planned.added,
        tuple(sorted(planned.unknown_holiday_years)),
        noticed.status_changes,
        report,
    )
