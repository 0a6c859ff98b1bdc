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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.planning import WINDOW_FIGURES, plan_reminders
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.transport import Transport
from calendar_service.services.compose import MailSettings, PassCache
from calendar_service.services.dispatch import (
    WATCH_PAGE,
    DispatchReport,
    dispatch_one,
    watch_daily_statuses,
)
from calendar_service.services.planning import HORIZON

PAGE = 500  # subscriptions planned per transaction
BATCH = 100  # reminders claimed at once


@dataclass
class Work:
    """Everything the jobs need, built once per daemon."""

    catalog: Catalog
    repository: Repository
    store: ReminderStore
    transport: Callable[[], Transport]
    mail: MailSettings
    tz: ZoneInfo
    clock: Callable[[], dt.datetime]
    owner: str
    lease: dt.timedelta
    stale_after: dt.timedelta
    stop: threading.Event = field(default_factory=threading.Event)
    rng: random.Random = field(default_factory=random.Random)
    watch_page: int = WATCH_PAGE  # stores

    def pages(self) -> Iterator[list[Subscription]]:
        """The active subscriptions, a page at a time, until none are left or a stop request."""
        after = 0
        while not self.stop.is_set():
            page = self.store.active_subscriptions(after, PAGE)
            if not page:
                return
            yield page
            after = page[-1].id


def plan_cycle(work: Work, cycle: Cycle | None) -> dict[str, Any]:
    """`services.planning.plan` for one cycle (None: all), page by page; idempotent."""
    now = work.clock()
    until = now + HORIZON
    lead = dt.timedelta(days=max(WINDOW_FIGURES.values(), default=0) + 1)
    start, end = now.astimezone(work.tz).date(), (until + lead).astimezone(work.tz).date()
    found = occurrences(work.catalog, start, end, work.tz, cycle)
    workdays = ChineseWorkdays()
    added = considered = subscriptions = 0
    unknown_years: set[int] = set()
    for page in work.pages():
        planned = plan_reminders(work.catalog, page, found, now, until, work.tz, workdays)
        added += work.store.add_planned(planned.rows)
        considered += len(planned.rows)
        subscriptions += len(page)
        unknown_years.update(planned.unknown_years)
    result: dict[str, Any] = {
        "added": added,
        "considered": considered,
        "subscriptions": subscriptions,
        "occurrences": len(found),
    }
    if unknown_years:
        result["holidays_unknown"] = sorted(unknown_years)
    if work.stop.is_set():
        result["stopped"] = True
    return result


def watch_statuses(work: Work) -> dict[str, Any]:
    """`services.dispatch.watch_daily_statuses`, a page of stores at a time."""
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
    """Claim due reminders a batch at a time and send each once; on a stop request, release
    the rest of the batch in hand. Leases are renewed while a batch takes long."""
    report = DispatchReport()
    with work.transport() as transport:
        while not work.stop.is_set():
            now = work.clock()
            batch = work.store.claim_due(now, work.owner, work.lease, BATCH)
            if not batch:
                break
            cache = PassCache(work.repository, now)  # per batch: memory stays flat
            subscriptions = work.store.subscriptions_by_id({i.row.subscription_id for i in batch})
            renew_at = work.clock() + work.lease / 2
            for n, item in enumerate(batch):
                if work.stop.is_set():
                    left = [i.id for i in batch[n:]]
                    report.lines.append(f"released {work.store.release(left, work.owner)}")
                    break
                if work.clock() >= renew_at:
                    held = [i.id for i in batch[n:]]
                    work.store.renew(held, work.owner, work.clock() + work.lease)
                    renew_at = work.clock() + work.lease / 2
                dispatch_one(
                    work.catalog,
                    work.repository,
                    cache,
                    work.store,
                    transport,
                    item,
                    subscriptions,
                    now,
                    work.tz,
                    work.mail,
                    work.owner,
                    work.rng,
                    report,
                )
    return report
