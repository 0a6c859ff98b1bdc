"""The overview: every store against every activity's open or next window, in bulk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.eligibility import evaluate_store
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.services.eligibility import current_occurrences

STATUSES = ("eligible", "ineligible", "unknown", "invitation")


class BulkReader(Protocol):
    def stores(self) -> list[tuple[str, str | None]]: ...

    def latest_store_snapshots(self, as_of: dt.datetime) -> dict[str, StoreSnapshot]: ...

    def latest_product_snapshots_all(
        self, as_of: dt.datetime
    ) -> dict[str, list[ProductSnapshot]]: ...


@dataclass(frozen=True)
class Filters:
    cycle: str = ""
    status: str = ""
    q: str = ""

    @classmethod
    def of(cls, cycle: str | None, status: str | None, q: str | None) -> Filters:
        return cls(cycle or "", status if status in STATUSES else "", (q or "").strip())


@dataclass(frozen=True)
class Column:
    occurrence: Occurrence
    name: str
    open_now: bool


@dataclass(frozen=True)
class Cell:
    activity: str
    status: str
    dimmed: bool  # another status than the one filtered for


@dataclass(frozen=True)
class Line:
    store_id: str
    name: str
    stale: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Overview:
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]
    counts: dict[str, int]
    stores_total: int


def overview(
    catalog: Catalog,
    reader: BulkReader,
    now: dt.datetime,
    tz: ZoneInfo,
    stale_after: dt.timedelta,
    filters: Filters,
    zh: bool,
) -> Overview:
    """The matrix, columns by deadline; history is skipped (no forecasts are shown here)."""
    chosen = [
        o for o in current_occurrences(catalog, now, tz) if filters.cycle in ("", o.cycle.value)
    ]
    columns = tuple(
        Column(
            o,
            catalog.activity(o.activity).name_zh if zh else catalog.activity(o.activity).name_en,
            o.is_series or o.opens_at <= now < o.deadline_at,
        )
        for o in chosen
    )
    stores = reader.stores()
    latest = reader.latest_store_snapshots(now)
    products = reader.latest_product_snapshots_all(now)
    needle = filters.q.casefold()
    lines: list[Line] = []
    counts = dict.fromkeys(STATUSES, 0)
    for store_id, name in stores:
        shown = name or store_id
        if needle and needle not in shown.casefold() and needle not in store_id.casefold():
            continue
        verdicts = evaluate_store(
            catalog,
            chosen,
            latest.get(store_id),
            products.get(store_id, ()),
            (),
            now,
            stale_after,
            store_id=store_id,
            holidays=HOLIDAYS,
        )
        statuses = [v.status for v in verdicts]
        if filters.status and filters.status not in statuses:
            continue
        for status in statuses:
            counts[status] += 1
        cells = tuple(
            Cell(v.activity, v.status, bool(filters.status) and v.status != filters.status)
            for v in verdicts
        )
        lines.append(Line(store_id, shown, any(v.stale for v in verdicts), cells))
    return Overview(columns, tuple(lines), counts, len(stores))


def cycles(catalog: Catalog) -> Sequence[str]:
    """The cycles the catalog uses, in its order."""
    return tuple(dict.fromkeys(a.cycle.value for a in catalog.activities))
