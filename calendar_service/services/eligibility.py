"""Use case: a store's verdicts for the windows open now or next, from its latest data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Verdict
from calendar_service.errors import UnknownStoreError, UserError

HORIZON = dt.timedelta(days=400)  # every cycle has a window within a year
HISTORY = dt.timedelta(days=120)  # enough snapshots for a trend before any deadline


class SnapshotReader(Protocol):
    def latest_store_snapshot(self, store_id: str, as_of: dt.datetime) -> StoreSnapshot | None: ...

    def store_history(
        self, store_id: str, until: dt.datetime, since: dt.datetime | None = None
    ) -> list[StoreSnapshot]: ...

    def latest_product_snapshots(
        self, store_id: str, as_of: dt.datetime
    ) -> list[ProductSnapshot]: ...

    def has_store(self, store_id: str) -> bool: ...


class StoresReader(Protocol):
    """Several stores' latest data at once, by store id (a page of stores, one query each)."""

    def latest_store_snapshots(
        self, as_of: dt.datetime, store_ids: Collection[str] | None = None
    ) -> dict[str, StoreSnapshot]: ...

    def store_histories(
        self, store_ids: Collection[str], until: dt.datetime, since: dt.datetime | None = None
    ) -> dict[str, list[StoreSnapshot]]: ...

    def latest_products_of(
        self, store_ids: Collection[str] | None, as_of: dt.datetime
    ) -> dict[str, list[ProductSnapshot]]: ...


@dataclass(frozen=True)
class StoreReport:
    store_id: str
    name: str | None
    verdicts: list[Verdict]
    occurrences: dict[str, Occurrence]


def current_occurrences(
    catalog: Catalog, at: dt.datetime, tz: ZoneInfo, activity: str | None = None
) -> list[Occurrence]:
    """For each activity (or just `activity`), the window open at `at`, else the next one."""
    if activity is not None:
        catalog.activity(activity)  # KeyError naming the known keys
    today = at.astimezone(tz).date()
    chosen: dict[str, Occurrence] = {}
    for occ in occurrences(catalog, today, today + HORIZON, tz):
        if activity not in (None, occ.activity) or occ.activity in chosen:
            continue
        if occ.is_series or occ.deadline_at > at:
            chosen[occ.activity] = occ
    return sorted(chosen.values(), key=lambda o: (o.deadline_at, o.activity))


def store_report(
    catalog: Catalog,
    reader: SnapshotReader,
    store_id: str,
    at: dt.datetime,
    tz: ZoneInfo,
    stale_after: dt.timedelta,
    activity: str | None = None,
    evaluator: Evaluator | None = None,
) -> StoreReport:
    """Every chosen activity's verdict for the store, judged on its data as of `at` by
    `evaluator` (a long-lived process passes its own; a new one when none is given)."""
    try:
        chosen = current_occurrences(catalog, at, tz, activity)
    except KeyError as e:
        raise UserError(str(e.args[0])) from None
    store = reader.latest_store_snapshot(store_id, at)
    if store is None and not reader.has_store(store_id):
        raise UnknownStoreError(
            f"no data for store {store_id!r}; import its store file first "
            "(calendar-service import FILE), or check the ID"
        )
    verdicts = judge_store(
        evaluator or Evaluator(), catalog, reader, store_id, store, chosen, at, stale_after
    )
    return StoreReport(
        store_id, store.name if store else None, verdicts, {o.key: o for o in chosen}
    )


def judge_store(
    evaluator: Evaluator,
    catalog: Catalog,
    reader: SnapshotReader,
    store_id: str,
    store: StoreSnapshot | None,
    chosen: Sequence[Occurrence],
    at: dt.datetime,
    stale_after: dt.timedelta,
) -> list[Verdict]:
    """The store's verdicts for the `chosen` windows (in their order), judged on its data as of
    `at`: `store` its latest snapshot, read beforehand; its products and history read here."""
    history = reader.store_history(store_id, until=at, since=at - HISTORY)
    products = reader.latest_product_snapshots(store_id, at)
    return evaluator.evaluate_store(
        catalog, chosen, store, products, history, at, stale_after,
        store_id=store_id, holidays=HOLIDAYS,
    )  # fmt: skip
