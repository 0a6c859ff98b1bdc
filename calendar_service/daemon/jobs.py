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

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.planning import SendDays
from calendar_service.services.compose import Composer
from calendar_service.services.delivery import Outbox
from calendar_service.services.dispatch import DispatchReport, run_dispatch
from calendar_service.services.planning import PAGE, plan
from calendar_service.services.status_watch import WATCH_PAGE, watch_daily_statuses


@dataclass
class Work:
    """Everything the jobs need, built once per daemon."""

    catalog: Catalog
    repository: Repository
    store: ReminderStore
    transport: Callable[[], Outbox]
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
    """`services.planning.plan` for one cycle (None: each in turn), page by page; idempotent,
    and split between daemons sharing a database."""
    report = plan(
        work.catalog,
        work.store,
        work.clock(),
        work.tz,
        cycles=tuple(Cycle) if cycle is None else (cycle,),
        page_size=work.page_size,
        stopped=work.stop.is_set,
    )
    return report.as_dict()


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
            SendDays(work.tz, ChineseWorkdays()),
            lease=work.lease,
            stopped=work.stop.is_set,
        )
