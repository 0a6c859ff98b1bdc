"""Use case part: what one dispatch pass reads once and judges once, shared by the messages it
composes (`services.compose`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Verdict
from calendar_service.services.eligibility import HISTORY, current_occurrences

if TYPE_CHECKING:
    from calendar_service.services.compose import MailReader

StoreData = tuple[StoreSnapshot | None, list[StoreSnapshot], list[ProductSnapshot]]


class PassCache:
    """What one dispatch pass reads once: a store's data, an occurrence, at the pass's `now`."""

    def __init__(self, reader: MailReader, now: dt.datetime) -> None:
        self._reader = reader
        self._generations: dict[str, int] = {}
        self._now = now
        self._stores: dict[str, StoreData] = {}
        self.occurrences: dict[str, Occurrence] = {}
        self._daily: list[Occurrence] | None = None
        self._verdicts: dict[str, dict[str, Verdict]] = {}  # store: occurrence key: verdict
        self._evaluator = Evaluator()  # the pass's plans and memos, shared by its stores

    def prefetch(self, store_ids: Collection[str]) -> None:
        """Read these stores' data, one query of each kind for all of them."""
        wanted = sorted(set(store_ids) - self._stores.keys())
        if not wanted:
            return
        now, reader = self._now, self._reader
        snapshots = reader.latest_store_snapshots(now, wanted)
        histories = reader.store_histories(wanted, until=now, since=now - HISTORY)
        products = reader.latest_products_of(wanted, now)
        for store_id in wanted:
            self._stores[store_id] = (
                snapshots.get(store_id),
                histories.get(store_id, []),
                products.get(store_id, []),
            )

    def verdicts(
        self,
        catalog: Catalog,
        store_id: str,
        wanted: Iterable[Occurrence],
        stale_after: dt.timedelta,
    ) -> dict[str, Verdict]:
        """The store's verdicts at the pass's `now`, by occurrence key, these among them: each
        judged once a pass, those not yet judged together (the store's data prepared once for
        them all), where an agency's message judges each of its stores for several windows and
        the stores' own messages judge them again."""
        known = self._verdicts.setdefault(store_id, {})
        missing = list({o.key: o for o in wanted if o.key not in known}.values())
        if missing:
            store, history, products = self.store(store_id)
            found = self._evaluator.evaluate_store(
                catalog,
                missing,
                store,
                products,
                history,
                self._now,
                stale_after,
                store_id=store_id,
                holidays=HOLIDAYS,
            )
            known.update(zip((o.key for o in missing), found, strict=True))
        return known

    def store(self, store_id: str) -> StoreData:
        if store_id not in self._stores:
            self.prefetch([store_id])
        return self._stores[store_id]

    def feed_generation(self, store_id: str) -> int:
        found = self._generations.get(store_id)
        if found is None:
            found = self._generations[store_id] = self._reader.feed_generation(store_id)
        return found

    def daily(self, catalog: Catalog, tz: ZoneInfo) -> list[Occurrence]:
        """The daily activities' occurrences running at the pass's `now` (for digests)."""
        if self._daily is None:
            now = self._now
            self._daily = [
                o for o in current_occurrences(catalog, now, tz) if o.cycle is Cycle.DAILY
            ]
        return self._daily
