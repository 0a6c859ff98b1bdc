"""What the daemon's jobs do: plan one cycle, notice imports, watch daily statuses, dispatch.

The database is the record of what is due and what was sent: every job reads it afresh, so a
job can run in any daemon, again, or after a crash. Work goes in pages (subscriptions, stores,
claimed batches), which keeps memory flat as the data grows and lets a stop request end a job
between pages: a claimed batch not yet sent is released (set pending again) rather than left
leased.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.reminder_store import (
    ReminderStore,
    insert_reminders,
    mark_planned,
)
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.planning import plan_reminders
from calendar_service.mail.transport import Transport
from calendar_service.services.compose import Composer
from calendar_service.services.dispatch import DispatchReport, run_dispatch
from calendar_service.services.planning import HORIZON, dates_to_plan
from calendar_service.services.status_watch import WATCH_PAGE, watch_daily_statuses

PAGE = 500  # subscriptions planned per transaction
FRESH = dt.timedelta(hours=1)  # planned through the horizon less this: nothing to plan yet


@dataclass
class Work:
    """Everything the jobs need, built once per daemon."""

    catalog: Catalog
    repository: Repository
    store: ReminderStore
    transport: Callable[[], Transport]
    tz: ZoneInfo
    clock: Callable[[], dt.datetime]
    owner: str
    lease: dt.timedelta
    stale_after: dt.timedelta
    composer: Composer
    stop: threading.Event = field(default_factory=threading.Event)
    rng: random.Random = field(default_factory=random.Random)
    page_size: int = PAGE  # subscriptions
    watch_page: int = WATCH_PAGE  # stores


def plan_cycle(work: Work, cycle: Cycle | None) -> dict[str, Any]:
    """`services.planning.plan` for one cycle (None: each in turn), page by page; idempotent.

    Only subscriptions not yet planned through the horizon less `FRESH` are planned, and each
    page is planned under a lock named after it (PostgreSQL): a daemon passes over what another
    daemon is planning or has just planned. What is passed over is at most `FRESH` short of the
    horizon, 60 days away, and is planned at the next run, long before anything in it is due.
    """
    if cycle is None:
        return _summed([plan_cycle(work, each) for each in Cycle])
    now = work.clock()
    until = now + HORIZON
    found = occurrences(work.catalog, *dates_to_plan(now, until, work.tz), work.tz, cycle)
    workdays = ChineseWorkdays()
    version = work.catalog.version
    added = considered = subscriptions = skipped = 0
    unknown_years: set[int] = set()
    after = 0
    while not work.stop.is_set():
        page, last = work.store.unplanned_subscriptions(
            cycle.value, after, work.page_size, until - FRESH, version
        )
        if last is None:
            break
        after = last
        if not page:  # all planned already
            continue
        with work.store.planning(f"plan:{cycle.value}:{page[0].id}") as mine:
            if mine is None:  # another daemon is planning this page now
                skipped += len(page)
                continue
            planned = plan_reminders(work.catalog, page, found, now, until, work.tz, workdays)
            added += insert_reminders(mine, planned.rows)
            mark_planned(mine, cycle.value, (s.id for s in page), until, version)
        considered += len(planned.rows)
        subscriptions += len(page)
        unknown_years.update(planned.unknown_years)
    result: dict[str, Any] = {
        "added": added,
        "considered": considered,
        "subscriptions": subscriptions,
        "left_to_another_daemon": skipped,
        "occurrences": len(found),
    }
    if unknown_years:
        result["holidays_unknown"] = sorted(unknown_years)
    if work.stop.is_set():
        result["stopped"] = True
    return result


def _summed(results: list[dict[str, Any]]) -> dict[str, Any]:
    """One planner result for several cycles."""
    total: dict[str, Any] = {}
    for result in results:
        for key, value in result.items():
            if key == "holidays_unknown":
                total[key] = sorted({*total.get(key, ()), *value})
            elif key == "stopped":
                total[key] = True
            else:
                total[key] = total.get(key, 0) + value
    return total


def watch_statuses(work: Work) -> dict[str, Any]:
    """`services.status_watch.watch_daily_statuses`, a page of stores at a time."""
    watched = watch_daily_statuses(
        work.catalog,
        work.repository,
        work.store,
        work.clock(),
        work.tz,
        ChineseWorkdays(),
        work.stale_after,
        page_size=work.watch_page,
        stopped=work.stop.is_set,
    )
    return {"status_changes": watched.status_changes, "stores": watched.stores}


def dispatch_due(work: Work) -> DispatchReport:
    """`services.dispatch.run_dispatch` at the daemon's clock: claims renewed while a pass runs
    long; on a stop request, what is claimed and not yet sent is released."""
    with work.transport() as transport:
        return run_dispatch(
            work.repository,
            work.store,
            transport,
            work.composer,
            work.clock,
            work.owner,
            work.rng,
            lease=work.lease,
            stopped=work.stop.is_set,
        )
