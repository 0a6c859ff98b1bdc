"""The sample data in memory, read the way the feed service reads the database, and a count of
how many events a feed shows on each day."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # 3.8 ships no py.typed marker

from calendar_service.adapters.importing import parse_file
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot

ROOT = Path(__file__).parents[1]
TZ = ZoneInfo("Asia/Shanghai")
# The day after the sample's newest data.
SAMPLE_NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=TZ)


class SampleReader:
    """`SnapshotReader` over data/sample: every store's snapshots and its products."""

    def __init__(self) -> None:
        self.stores: dict[str, list[StoreSnapshot]] = {}
        self.products: dict[str, list[ProductSnapshot]] = {}
        for name in ("stores.csv", "products.csv"):
            parsed = parse_file(ROOT / "data" / "sample" / name, tz=TZ, now=SAMPLE_NOW)
            assert parsed.ok, parsed.errors
            for s in sorted(parsed.stores, key=lambda s: s.captured_at):
                self.stores.setdefault(s.store_id, []).append(s)
            for p in parsed.products:
                self.products.setdefault(p.store_id, []).append(p)

    def has_store(self, store_id: str) -> bool:
        return store_id in self.stores

    def latest_store_snapshot(self, store_id: str, as_of: dt.datetime) -> StoreSnapshot | None:
        found = self.store_history(store_id, as_of)
        return found[-1] if found else None

    def store_history(
        self, store_id: str, until: dt.datetime, since: dt.datetime | None = None
    ) -> list[StoreSnapshot]:
        return [
            s
            for s in self.stores.get(store_id, [])
            if s.captured_at <= until and (since is None or s.captured_at >= since)
        ]

    def latest_product_snapshots(self, store_id: str, as_of: dt.datetime) -> list[ProductSnapshot]:
        latest: dict[str, ProductSnapshot] = {}
        for p in sorted(self.products.get(store_id, []), key=lambda p: p.captured_at):
            if p.captured_at <= as_of:
                latest[p.product_id] = p
        return list(latest.values())


def events_per_day(data: bytes, first: dt.date, days: int) -> list[int]:
    """How many events the feed shows on each of `days` days from `first`, expanded by
    recurring-ical-events (a multi-day event counts on each of its days)."""
    cal = icalendar.Calendar.from_ical(data)
    last = first + dt.timedelta(days=days)
    count: Counter[dt.date] = Counter()
    for event in recurring_ical_events.of(cal).between(first, last):
        day, end = event["DTSTART"].dt, event["DTEND"].dt
        while day < end:
            if first <= day < last:
                count[day] += 1
            day += dt.timedelta(days=1)
    return [count[first + dt.timedelta(days=i)] for i in range(days)]
