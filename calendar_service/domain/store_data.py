"""One store's data prepared once for every occurrence it is evaluated for at one instant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from calendar_service.domain import notes
from calendar_service.domain.derived import Facts, product_facts, store_facts
from calendar_service.domain.forecast import Trend, trend
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Note

# The oldest snapshot a verdict read, whether that is stale, and the note saying so.
AsOf = tuple[dt.datetime | None, bool, Note | None]


class StoreData:
    """A store's snapshots, its figures, and how old they are, for verdicts made at `at`."""

    __slots__ = (
        "_product_facts", "_trends", "as_of_products", "as_of_store", "at", "captured_at", "facts",
        "has_history", "no_data", "on", "products", "snapshots", "store", "store_id",
        "without_products",
    )  # fmt: skip

    def __init__(
        self,
        store: StoreSnapshot | None,
        products: tuple[ProductSnapshot, ...],
        snapshots: tuple[StoreSnapshot, ...],  # the store and its history up to `at`, oldest first
        at: dt.datetime,
        on: dt.date,  # the evaluation day in the calendar's time zone
        facts: Facts,
        store_id: str,
        stale_after: dt.timedelta,
    ) -> None:
        self.store, self.products, self.snapshots = store, products, snapshots
        self.at, self.on, self.facts, self.store_id = at, on, facts, store_id
        self.no_data = store is None and not products
        self.without_products = store is not None and not products  # the common case
        self.has_history = len(snapshots) > 1  # enough for a trend
        self._product_facts: list[Facts] | None = None
        self._trends: dict[str, Trend | None] = {}
        # For a verdict that reads the store alone, and for one that reads its products too.
        self.captured_at = captured_at = None if store is None else store.captured_at
        self.as_of_store = as_of(captured_at, at, stale_after)
        self.as_of_products = self.as_of_store
        if products:
            times = [p.captured_at for p in products]
            if captured_at is not None:
                times.append(captured_at)
            self.as_of_products = as_of(min(times), at, stale_after)

    @classmethod
    def prepare(
        cls,
        store: StoreSnapshot | None,
        products: Sequence[ProductSnapshot],
        history: Sequence[StoreSnapshot],
        at: dt.datetime,
        on: dt.date,
        stale_after: dt.timedelta,
        *,
        store_id: str | None = None,
        discount: Decimal = Decimal("0.9"),
    ) -> StoreData:
        if history:
            known = {id(s): s for s in history if s.captured_at <= at}
            if store is not None:
                known[id(store)] = store
            snapshots = tuple(sorted(known.values(), key=lambda s: s.captured_at))
        else:
            snapshots = () if store is None else (store,)
        products = tuple(products)
        shown_id = store_id or (
            store.store_id if store else products[0].store_id if products else ""
        )
        facts = store_facts(store, products, on, discount)
        return cls(store, products, snapshots, at, on, facts, shown_id, stale_after)

    def product_facts(self) -> list[Facts]:
        if self._product_facts is None:
            self._product_facts = [product_facts(p, self.on) for p in self.products]
        return self._product_facts

    def trend(self, column: str) -> Trend | None:
        if column not in self._trends:
            self._trends[column] = trend(self.snapshots, column, self.at)
        return self._trends[column]


def as_of(data_as_of: dt.datetime | None, at: dt.datetime, stale_after: dt.timedelta) -> AsOf:
    """How old the data read is at `at`, and the note saying it is stale when it is."""
    if data_as_of is None or at - data_as_of <= stale_after:
        return data_as_of, False, None
    return data_as_of, True, notes.stale(data_as_of, at, stale_after)
