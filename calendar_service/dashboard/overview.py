"""The overview: every store against every activity's open or next window, in bulk."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.locale import Locale
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.services.eligibility import current_occurrences

STATUSES = ("eligible", "ineligible", "unknown", "invitation")
PAGE_SIZE = 100  # stores a page: 30,000 stores on one page were 66 MB of HTML
BATCH = 500  # stores judged at a time when a status filter has to look at all of them


class BulkReader(Protocol):
    def stores(self) -> list[tuple[str, str | None]]: ...

    def latest_store_snapshots(
        self, as_of: dt.datetime, store_ids: Collection[str] | None = None
    ) -> dict[str, StoreSnapshot]: ...

    def latest_products_of(
        self, store_ids: Collection[str] | None, as_of: dt.datetime
    ) -> dict[str, list[ProductSnapshot]]: ...


@dataclass(frozen=True)
class Filters:
    cycle: str = ""
    status: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def of(
        cls, cycle: str | None, status: str | None, q: str | None, page: str | None = None
    ) -> Filters:
        number = max(1, int(page)) if page and page.isdigit() and len(page) < 7 else 1
        return cls(cycle or "", status if status in STATUSES else "", (q or "").strip(), number)


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
    lines: tuple[Line, ...]  # this page's
    counts: dict[str, int]  # this page's cells by status
    stores_total: int
    matching: int  # stores that pass the filters, on every page
    page: int
    pages: int


def overview(
    catalog: Catalog,
    reader: BulkReader,
    now: dt.datetime,
    tz: ZoneInfo,
    stale_after: dt.timedelta,
    filters: Filters,
    locale: Locale,
    evaluator: Evaluator | None = None,
) -> Overview:
    """The matrix, columns by deadline; history is skipped (no forecasts are shown here).
    The stores are judged by `evaluator` (a new one for this page when none is given)."""
    zh = locale == "zh-CN"
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
    needle = filters.q.casefold()
    stores = reader.stores()
    candidates = [
        (store_id, name or store_id)
        for store_id, name in stores
        if not needle or needle in (name or store_id).casefold() or needle in store_id.casefold()
    ]
    judge = functools.partial(
        _lines, evaluator or Evaluator(), reader, catalog, chosen, now, stale_after, filters.status
    )
    if filters.status:
        matching, page, shown = _filtered_page(judge, candidates, filters)
    else:
        matching = len(candidates)
        page = min(filters.page, _pages(matching))
        first = (page - 1) * PAGE_SIZE
        shown = judge(candidates[first : first + PAGE_SIZE])
    counts = dict.fromkeys(STATUSES, 0)
    for line in shown:
        for cell in line.cells:
            counts[cell.status] += 1
    return Overview(columns, tuple(shown), counts, len(stores), matching, page, _pages(matching))


def _pages(matching: int) -> int:
    return max(1, -(-matching // PAGE_SIZE))


def _filtered_page(
    judge: Callable[[list[tuple[str, str]]], list[Line]],
    candidates: list[tuple[str, str]],
    filters: Filters,
) -> tuple[int, int, list[Line]]:
    """How many stores have the status, which page is shown (the last when the one asked
    for is past the end) and its lines; judged BATCH stores at a time: memory stays flat."""
    wanted: list[Line] = []
    latest: list[Line] = []  # the last page so far
    count = 0
    for at in range(0, len(candidates), BATCH):
        for line in judge(candidates[at : at + BATCH]):
            if filters.status not in (c.status for c in line.cells):
                continue
            block = count // PAGE_SIZE
            if block == filters.page - 1:
                wanted.append(line)
            if count % PAGE_SIZE == 0:
                latest = []
            latest.append(line)
            count += 1
    last = _pages(count)
    if filters.page <= last:
        return count, filters.page, wanted
    return count, last, latest


def _lines(
    evaluator: Evaluator,
    reader: BulkReader,
    catalog: Catalog,
    chosen: list[Occurrence],
    now: dt.datetime,
    stale_after: dt.timedelta,
    status: str,
    stores: list[tuple[str, str]],
) -> list[Line]:
    """The matrix lines of these stores, their data read for them only."""
    ids = [store_id for store_id, _ in stores]
    latest = reader.latest_store_snapshots(now, ids)
    products = reader.latest_products_of(ids, now)
    lines: list[Line] = []
    for store_id, shown in stores:
        verdicts = evaluator.evaluate_store(
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
        cells = tuple(
            Cell(v.activity, v.status, bool(status) and v.status != status) for v in verdicts
        )
        lines.append(Line(store_id, shown, any(v.stale for v in verdicts), cells))
    return lines


def cycles(catalog: Catalog) -> Sequence[str]:
    """The cycles the catalog uses, in its order."""
    return tuple(dict.fromkeys(a.cycle.value for a in catalog.activities))
