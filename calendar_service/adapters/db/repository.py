"""The repository: domain values in and out of the database, one transaction per call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, RowMapping, Select, Table, func, select

from calendar_service.adapters.db.bulk import chunks
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.reminder_store import add_reminders
from calendar_service.adapters.db.snapshot_rows import (
    add_history,
    columns,
    latest_per,
    newest_known,
    of_ids,
    product_rows,
    product_snapshot,
    rows_for,
    store_rows,
    store_snapshot,
)
from calendar_service.adapters.db.stores import require_stores
from calendar_service.adapters.db.subscribers import SubscriberRepository
from calendar_service.adapters.db.tables import (
    PRODUCT_SNAPSHOTS,
    PRODUCTS,
    STORE_SNAPSHOTS,
    STORES,
)
from calendar_service.adapters.db.types import require_aware
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import (
    PRODUCT_COLUMNS,
    STORE_COLUMNS,
    ProductSnapshot,
    StoreSnapshot,
)

T = TypeVar("T")


class _DiscardedError(Exception):
    """Leaves a write transaction by rolling it back."""


class SnapshotBatches:
    """The open transaction of one import: `add` writes a batch, `discard` undoes them all."""

    def __init__(self, connection: Connection, source: str, imported_at: dt.datetime) -> None:
        self._connection, self._source, self._imported_at = connection, source, imported_at
        self.discarded = False

    def add(
        self, stores: Sequence[StoreSnapshot], products: Sequence[ProductSnapshot]
    ) -> tuple[int, int]:
        """Write a batch; how many store and product snapshots were new."""
        if self.discarded:
            raise RuntimeError("the import was discarded")
        return write_snapshots(self._connection, stores, products, self._source, self._imported_at)

    def discard(self) -> None:
        """Write nothing of this import: the transaction is rolled back when it ends."""
        self.discarded = True


def write_snapshots(
    connection: Connection,
    stores: Sequence[StoreSnapshot],
    products: Sequence[ProductSnapshot],
    source: str,
    imported_at: dt.datetime,
) -> tuple[int, int]:
    """Write snapshots, and their stores and products, in the connection's transaction."""
    new_stores = store_rows(stores, source, imported_at)
    new_products = product_rows(products, source, imported_at)
    product_stores = {row["product_id"]: row["store_id"] for row in new_products}
    names = {row["store_id"]: None for row in new_stores} | newest_known(
        new_stores, "store_id", "name"
    )
    emails = newest_known(new_stores, "store_id", "email")
    titles = newest_known(new_products, "product_id", "title")
    require_stores(
        connection,
        set(product_stores.values()) - {row["store_id"] for row in new_stores},
        what="product data names stores",
        examples={s: p for p, s in product_stores.items()},
    )
    store_values = [
        {"store_id": s, "name": n, "email": emails.get(s), "created_at": imported_at}
        for s, n in sorted(names.items())
    ]
    product_values = [
        {"product_id": p, "store_id": s, "title": titles.get(p)}
        for p, s in sorted(product_stores.items())
    ]
    added_stores = add_history(
        connection,
        entities=STORES,
        history=STORE_SNAPSHOTS,
        entity_rows=store_values,
        snapshot_rows=new_stores,
        fields=("name", "email"),
    )
    added_products = add_history(
        connection,
        entities=PRODUCTS,
        history=PRODUCT_SNAPSHOTS,
        entity_rows=product_values,
        snapshot_rows=new_products,
        fields=("title",),
    )
    return added_stores, added_products


class Repository(SubscriberRepository):
    """Stores, snapshots, subscriptions, feed tokens and reminders, as domain values."""

    # Snapshots ---------------------------------------------------------------------------

    def add_snapshots(
        self,
        stores: Sequence[StoreSnapshot],
        products: Sequence[ProductSnapshot],
        source: str,
        imported_at: dt.datetime,
    ) -> tuple[int, int]:
        """Record one import, all or nothing; how many store and product snapshots were new."""
        require_aware(imported_at, "imported_at")
        with write_transaction(self._engine) as connection:
            return write_snapshots(connection, stores, products, source, imported_at)

    @contextmanager
    def snapshot_batches(self, source: str, imported_at: dt.datetime) -> Iterator[SnapshotBatches]:
        """One import written a batch at a time in one transaction: committed when the block
        ends, rolled back when it raises or `discard()` was called."""
        require_aware(imported_at, "imported_at")
        with suppress(_DiscardedError), write_transaction(self._engine) as connection:
            batches = SnapshotBatches(connection, source, imported_at)
            yield batches
            if batches.discarded:
                raise _DiscardedError

    def latest_store_snapshot(self, store_id: str, as_of: dt.datetime) -> StoreSnapshot | None:
        """The store's snapshot with the newest captured_at at or before `as_of`."""
        history = STORE_SNAPSHOTS
        statement = (
            select(*columns(history, STORE_COLUMNS))
            .where(history.c.store_id == store_id, history.c.captured_at <= _aware(as_of))
            .order_by(history.c.captured_at.desc(), history.c.id.desc())
            .limit(1)
        )
        with self._engine.connect() as connection:
            row = connection.execute(statement).mappings().first()
        return None if row is None else store_snapshot(row)

    def store_history(
        self, store_id: str, until: dt.datetime, since: dt.datetime | None = None
    ) -> list[StoreSnapshot]:
        """The store's snapshots captured in [since, until], oldest first."""
        return self.store_histories([store_id], until, since).get(store_id, [])

    def latest_store_snapshots(
        self, as_of: dt.datetime, store_ids: Collection[str] | None = None
    ) -> dict[str, StoreSnapshot]:
        """Every store's (or these stores') latest snapshot as of `as_of`, by store id; stores
        without one are left out."""
        statement = latest_per(
            STORE_SNAPSHOTS, "store_id", STORE_COLUMNS, as_of, *_of(STORE_SNAPSHOTS, store_ids)
        )
        with self._engine.connect() as connection:
            rows = _rows(connection, statement, store_ids)
            return {row["store_id"]: store_snapshot(row) for row in rows}

    def store_histories(
        self, store_ids: Collection[str], until: dt.datetime, since: dt.datetime | None = None
    ) -> dict[str, list[StoreSnapshot]]:
        """store_history for each of these stores, by store id; stores without any left out."""
        history = STORE_SNAPSHOTS
        statement = (
            select(*columns(history, STORE_COLUMNS))
            .where(of_ids(history.c.store_id), history.c.captured_at <= _aware(until))
            .order_by(history.c.store_id, history.c.captured_at, history.c.id)
        )
        if since is not None:
            statement = statement.where(history.c.captured_at >= _aware(since))
        with self._engine.connect() as connection:
            return _by_store(rows_for(connection, statement, store_ids), store_snapshot)

    def latest_product_snapshots(self, store_id: str, as_of: dt.datetime) -> list[ProductSnapshot]:
        """The newest snapshot of each of the store's products as of `as_of`, by product id."""
        return self.latest_products_of([store_id], as_of).get(store_id, [])

    def latest_product_snapshots_all(self, as_of: dt.datetime) -> dict[str, list[ProductSnapshot]]:
        """latest_product_snapshots for every store at once, by store id."""
        return self.latest_products_of(None, as_of)

    def latest_products_of(
        self, store_ids: Collection[str] | None, as_of: dt.datetime
    ) -> dict[str, list[ProductSnapshot]]:
        """latest_product_snapshots for each of these stores (None: every store), by store id;
        stores without products left out."""
        # Per store and product: a product whose snapshots name two stores is in both stores'
        # lists, each with its newest snapshot there (the dashboard, the emails and the feeds
        # judge a store on the same products).
        statement = latest_per(
            PRODUCT_SNAPSHOTS,
            ("store_id", "product_id"),
            PRODUCT_COLUMNS,
            as_of,
            *_of(PRODUCT_SNAPSHOTS, store_ids),
        )
        with self._engine.connect() as connection:
            found = _by_store(_rows(connection, statement, store_ids), product_snapshot)
        for products in found.values():
            products.sort(key=lambda p: p.product_id)
        return found

    def has_store(self, store_id: str) -> bool:
        """Whether any data was ever imported for this store."""
        statement = select(STORES.c.store_id).where(STORES.c.store_id == store_id)
        with self._engine.connect() as connection:
            return connection.scalar(statement) is not None

    def data_version(self, store_ids: Sequence[str]) -> tuple[int, int]:
        """Changes whenever a snapshot of one of the stores or of their products is added."""
        found = [0, 0]
        with self._engine.connect() as connection:
            for chunk in chunks(sorted(set(store_ids))):
                for i, table in enumerate((STORE_SNAPSHOTS, PRODUCT_SNAPSHOTS)):
                    newest = select(func.max(table.c.id)).where(table.c.store_id.in_(chunk))
                    found[i] = max(found[i], connection.scalar(newest) or 0)
        return found[0], found[1]

    def store_ids(self) -> list[str]:
        """Every known store id, sorted."""
        with self._engine.connect() as connection:
            return list(connection.scalars(select(STORES.c.store_id).order_by(STORES.c.store_id)))

    def stores(self) -> list[tuple[str, str | None]]:
        """(store id, name) of every known store, sorted by id; the name is None until known."""
        statement = select(STORES.c.store_id, STORES.c.name).order_by(STORES.c.store_id)
        with self._engine.connect() as connection:
            return [(row.store_id, row.name) for row in connection.execute(statement)]

    # Reminders ---------------------------------------------------------------------------

    def add_reminders(self, rows: Iterable[ReminderRow]) -> int:
        """Insert the reminders whose key is new; how many were. Planning twice adds nothing."""
        return add_reminders(self._engine, rows)


def _by_store(rows: Iterable[RowMapping], value: Callable[[RowMapping], T]) -> dict[str, list[T]]:
    """The rows' values grouped by their store_id, in the rows' order."""
    found: dict[str, list[T]] = {}
    for row in rows:
        found.setdefault(row["store_id"], []).append(value(row))
    return found


def _of(table: Table, store_ids: Collection[str] | None) -> tuple[ColumnElement[bool], ...]:
    """The condition that picks these stores' rows (`rows_for` gives the ids); none for all."""
    return () if store_ids is None else (of_ids(table.c.store_id),)


def _rows(
    connection: Connection, statement: Select[Any], store_ids: Collection[str] | None
) -> Iterable[RowMapping]:
    """The rows of a statement built with `_of`: every store's, or these stores'."""
    if store_ids is None:
        return connection.execute(statement).mappings()
    return rows_for(connection, statement, store_ids)


def _aware(value: dt.datetime) -> dt.datetime:
    return require_aware(value, "a query's time")
