"""What the day's message tests share: the sample's 35 stores moved to a day before a monthly
deadline, judged then, and the items a day's message holds for them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.mail.day import StoreItem
from calendar_service.mail.message import MailLinks
from tests.feed_sample import SAMPLE_NOW, SampleReader
from tests.mail_support import CATALOG, LINKS
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

TZ = CST  # the zone the sample is judged in

# A day before the sign-up deadline of the monthly activities for January 2027 (12月25日).
NOW = dt.datetime(2026, 12, 24, 9, tzinfo=TZ)
MONTHLY = "monthly-hot-items:2027-01"  # closes tomorrow: a mix of verdicts
BENCHMARK = "monthly-benchmark:2027-01"  # closes tomorrow too
INVITATION = "monthly-sales:2027-01"  # invitation only
YEARLY = "promo-327:2027"  # its sales window starts on 2027-02-06
DAILY = tuple(f"{key}:daily" for key in (
    "daily-quick-order", "daily-group-wholesale", "daily-group-buy", "daily-mobile",
    "daily-samples",
))  # fmt: skip
DAY_LINKS = dataclasses.replace(
    LINKS, calendar=None, preferences="https://cal.example.com/preferences/tok123"
)
ONE_STORE_LINKS: MailLinks = dataclasses.replace(DAY_LINKS, calendar=LINKS.calendar)

Snapshot = TypeVar("Snapshot", StoreSnapshot, ProductSnapshot)


def _moved(snapshot: Snapshot, shift: dt.timedelta) -> Snapshot:
    """The snapshot as if taken `shift` later (as the sample loader moves it)."""
    changes: dict[str, object] = {"captured_at": snapshot.captured_at + shift}
    for name in ("member_since", "listed_at"):
        if getattr(snapshot, name, None) is not None:
            changes[name] = getattr(snapshot, name) + shift
    return dataclasses.replace(snapshot, **changes)  # type: ignore[arg-type]


class Sample:
    """The sample's stores, their data moved so that the newest is a day older than NOW."""

    def __init__(self) -> None:
        reader = SampleReader()
        shift = NOW - SAMPLE_NOW
        self.stores = {k: [_moved(s, shift) for s in v] for k, v in reader.stores.items()}
        self.products = {k: [_moved(p, shift) for p in v] for k, v in reader.products.items()}
        found = occurrences(CATALOG, NOW.date(), NOW.date() + dt.timedelta(days=120), TZ)
        self.occurrences: dict[str, Occurrence] = {o.key: o for o in found}

    @property
    def store_ids(self) -> list[str]:
        return sorted(self.stores)

    def item(self, kind: str, store_id: str, occurrence: str, **changes: object) -> StoreItem:
        """The store judged for the occurrence at NOW from its latest data."""
        o = self.occurrences[occurrence]
        history = [s for s in self.stores[store_id] if s.captured_at <= NOW]
        latest: dict[str, ProductSnapshot] = {}
        for p in sorted(self.products.get(store_id, []), key=lambda p: p.captured_at):
            latest[p.product_id] = p
        store = history[-1] if history else None
        verdict = EVALUATOR.evaluate(
            CATALOG, o.activity, o, store, list(latest.values()), history, NOW
        )
        item = StoreItem(
            kind=kind,
            store_id=store_id,
            store_name=store.name if store else None,
            activity=CATALOG.activity(o.activity),
            occurrence=o,
            verdict=verdict,
            store_page=f"https://cal.example.com/stores/{store_id}",
        )
        return dataclasses.replace(item, **changes)  # type: ignore[arg-type]

    def day(self, store_ids: Sequence[str]) -> list[StoreItem]:
        """A day's items for these stores: two deadlines tomorrow, a sales window, an
        invitation, two status changes and the daily summary."""
        items = [self.item(k, s, o) for o in (MONTHLY, BENCHMARK) for s in store_ids
                 for k in ("before-1d",)]  # fmt: skip
        items += [self.item("prepare", s, YEARLY) for s in store_ids[:2]]
        items += [self.item("invitation-signal", s, INVITATION) for s in store_ids[-3:]]
        for s in store_ids[:2]:
            change = self.item("status-change", s, DAILY[1])
            before = "ineligible" if change.verdict.status == "eligible" else "eligible"
            items.append(dataclasses.replace(change, previous=before))
        items += [self.item("digest", s, k) for s in store_ids for k in DAILY]
        return items


SAMPLE = Sample()
# A store that fails the activity closing tomorrow: its one-store message shows the criteria.
FAILING_STORE = next(
    s for s in SAMPLE.store_ids
    if SAMPLE.item("before-1d", s, MONTHLY).verdict.status == "ineligible"
)  # fmt: skip
