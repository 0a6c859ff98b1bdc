"""Use case: notice where a subscribed store's status on a daily activity flipped, and plan a
status-change reminder for each of its subscriptions (the daily activities send no daily mail).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.planning import (
    WorkdayCalendar,
    remembered,
    status_change_row,
    status_changes,
)
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Subscription
from calendar_service.services.eligibility import HISTORY, StoresReader, current_occurrences

# Stores watched per page: one read of each kind and one write transaction a page. A page's
# latest product snapshots are all in memory at once, hence fewer stores than PAGE subscriptions.
WATCH_PAGE = 200


@dataclass
class Watched:
    """What a status watch did: status-change reminders added, stores watched."""

    status_changes: int = 0
    stores: int = 0


class WatchedStores(Protocol):
    """The subscribed stores a page at a time, their remembered statuses, and where the
    changes and the new statuses are written."""

    def subscribed_stores(self, after_store: str | None, stores: int) -> list[Subscription]: ...

    def daily_statuses_of(self, store_ids: Collection[str]) -> dict[str, dict[str, str]]: ...

    def record_statuses(
        self,
        rows: Iterable[ReminderRow],
        statuses: Mapping[str, Mapping[str, str]],
        now: dt.datetime,
    ) -> int: ...


def watch_daily_statuses(
    catalog: Catalog,
    repository: StoresReader,
    store: WatchedStores,
    now: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    stale_after: dt.timedelta,
    *,
    page_size: int = WATCH_PAGE,
    stopped: Callable[[], bool] = lambda: False,
) -> Watched:
    """Plan a status-change reminder wherever a subscribed store's daily status flipped.

    Stores go `page_size` at a time, each page read with one query of each kind and written in
    one transaction; `stopped()` is asked before each page.
    """
    evaluator = Evaluator()  # the plans and memos of the daily activities, for every page
    daily = [o for o in current_occurrences(catalog, now, tz) if o.cycle is Cycle.DAILY]
    watched = Watched()
    after: str | None = None
    while not stopped():
        page = store.subscribed_stores(after, page_size)
        if not page:
            break
        by_store: dict[str, list[Subscription]] = {}
        for sub in page:
            by_store.setdefault(sub.store_id, []).append(sub)
        watched.status_changes += _watch_stores(
            catalog, daily, repository, store, by_store, now, tz, workdays, stale_after, evaluator
        )
        watched.stores += len(by_store)
        after = page[-1].store_id
    return watched


def _watch_stores(
    catalog: Catalog,
    daily: Sequence[Occurrence],
    repository: StoresReader,
    store: WatchedStores,
    by_store: Mapping[str, Sequence[Subscription]],
    now: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    stale_after: dt.timedelta,
    evaluator: Evaluator,
) -> int:
    """One page of the watch: these stores (with their active subscriptions) judged on the
    daily activities; how many status-change reminders were new."""
    data = StoresData(
        repository.latest_store_snapshots(now, by_store),
        repository.store_histories(by_store, until=now, since=now - HISTORY),
        repository.latest_products_of(by_store, now),
    )
    previous = store.daily_statuses_of(by_store)
    rows, kept = notice(
        catalog, daily, by_store, data, previous, now, tz, workdays, stale_after, evaluator
    )
    return store.record_statuses(rows, kept, now)


@dataclass(frozen=True)
class StoresData:
    """A page of stores' latest data, by store id."""

    snapshots: Mapping[str, StoreSnapshot]
    histories: Mapping[str, list[StoreSnapshot]]
    products: Mapping[str, list[ProductSnapshot]]


def notice(
    catalog: Catalog,
    daily: Sequence[Occurrence],
    by_store: Mapping[str, Sequence[Subscription]],
    data: StoresData,
    previous: Mapping[str, Mapping[str, str]],
    now: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    stale_after: dt.timedelta,
    evaluator: Evaluator | None = None,
) -> tuple[list[ReminderRow], dict[str, dict[str, str]]]:
    """The status-change reminders for these stores' subscriptions (those that hear of the
    daily cycle) and the statuses to remember, from their data and the statuses remembered
    (`previous`); no I/O, so the preview runs it too. The stores are judged by `evaluator`
    (a new one when none is given)."""
    evaluator = evaluator or Evaluator()
    rows: list[ReminderRow] = []
    kept: dict[str, dict[str, str]] = {}
    for store_id, subs in by_store.items():
        verdicts = evaluator.evaluate_store(
            catalog,
            daily,
            data.snapshots.get(store_id),
            data.products.get(store_id, []),
            data.histories.get(store_id, []),
            now,
            stale_after,
            store_id=store_id,
            holidays=HOLIDAYS,
        )
        current = {v.activity: v.status for v in verdicts}
        before = previous.get(store_id, {})
        changes = status_changes(before, current)
        rows += [
            row
            for sub in subs
            if Cycle.DAILY.value in sub.cycles
            for change in changes
            if (row := status_change_row(sub, change, now, tz, workdays)) is not None
        ]
        kept[store_id] = remembered(before, current)
    return rows, kept
