"""Snapshots to rows and back, their content hash, and the history writes and queries."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    RowMapping,
    Select,
    Table,
    and_,
    bindparam,
    func,
    select,
    update,
)

from calendar_service.adapters.db.bulk import chunks, insert_new
from calendar_service.adapters.db.types import ExactDecimal, plain_decimal, require_aware
from calendar_service.domain.snapshots import (
    PRODUCT_COLUMNS,
    STORE_COLUMNS,
    ProductSnapshot,
    StoreSnapshot,
)


def _canonical(value: object) -> str:
    # One spelling per value, so that equal data hashes equal however it was written:
    # 1.50 and 1.5 are the same figure, 08:00+08:00 and 00:00Z the same instant.
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(plain_decimal(value))
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | str):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} {value!r}")


# Columns added after data was stored: left out of the hash while blank, so that a file imported
# again hashes as it did before they existed (and adds no duplicate snapshot).
LATER_COLUMNS = frozenset({"full_reduction", "sample_stock"})


def content_hash(values: Iterable[tuple[str, object]]) -> str:
    """sha256 hex of the figures, names included, in a canonical spelling."""
    text = "\x1f".join(
        f"{name}\x1e{_canonical(value)}"
        for name, value in values
        if value is not None or name not in LATER_COLUMNS
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _checked(name: str, value: object) -> object:
    # Refuse here, with the figure's name, what the column types would refuse less clearly.
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return require_aware(value, name)
    if isinstance(value, Decimal):
        try:
            return ExactDecimal.checked(value)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
    return value


def snapshot_row(
    snapshot: StoreSnapshot | ProductSnapshot,
    columns: Sequence[str],
    source: str,
    imported_at: dt.datetime,
) -> dict[str, Any]:
    """The table row of a snapshot: its figures plus where and when it came from."""
    row = {name: _checked(name, getattr(snapshot, name)) for name in columns}
    row["content_hash"] = content_hash(row.items())
    row["source"] = source
    row["imported_at"] = imported_at
    return row


def store_rows(
    snapshots: Sequence[StoreSnapshot], source: str, imported_at: dt.datetime
) -> list[dict[str, Any]]:
    """Rows for store_snapshots, in key order so concurrent imports lock in the same order."""
    return _rows_in_key_order(snapshots, STORE_COLUMNS, "store_id", source, imported_at)


def product_rows(
    snapshots: Sequence[ProductSnapshot], source: str, imported_at: dt.datetime
) -> list[dict[str, Any]]:
    """Rows for product_snapshots, in key order."""
    return _rows_in_key_order(snapshots, PRODUCT_COLUMNS, "product_id", source, imported_at)


def _rows_in_key_order(
    snapshots: Sequence[StoreSnapshot] | Sequence[ProductSnapshot],
    columns: Sequence[str],
    key: str,
    source: str,
    imported_at: dt.datetime,
) -> list[dict[str, Any]]:
    """The snapshots' rows sorted by `key`, capture time and content hash: the order of the
    table's unique key, so concurrent imports take their row locks in the same order."""
    rows = [snapshot_row(s, columns, source, imported_at) for s in snapshots]
    rows.sort(key=lambda r: (r[key], r["captured_at"], r["content_hash"]))
    return rows


def newest_known(rows: Sequence[Mapping[str, Any]], key: str, field: str) -> dict[str, Any]:
    """Per `key`, the `field` of the newest row (rows in key order) where it is known."""
    newest: dict[str, Any] = {}
    for row in rows:
        if row[field] is not None:
            newest[row[key]] = row[field]  # rows are sorted, so the last one seen is the newest
    return newest


def store_snapshot(row: Mapping[Any, Any]) -> StoreSnapshot:
    """The domain value of a store_snapshots row."""
    return StoreSnapshot(**{name: row[name] for name in STORE_COLUMNS})


def product_snapshot(row: Mapping[Any, Any]) -> ProductSnapshot:
    """The domain value of a product_snapshots row."""
    return ProductSnapshot(**{name: row[name] for name in PRODUCT_COLUMNS})


def add_history(
    connection: Connection,
    *,
    entities: Table,
    history: Table,
    entity_rows: Sequence[Mapping[str, Any]],
    snapshot_rows: Sequence[Mapping[str, Any]],
    fields: Sequence[str],
) -> int:
    """Insert new entities (stores, products) and new snapshots; how many snapshots were new.

    The entities' `fields` (name, title) follow the newest snapshot that knows them, whatever
    order history arrives in: entities created now got them from this batch, all their history;
    the others are refreshed from the database.
    """
    key = entities.primary_key.columns[0].name
    created = set(insert_new(connection, entities, (key,), entity_rows, key))
    conflict = (key, "captured_at", "content_hash")
    added = insert_new(connection, history, conflict, snapshot_rows, key)
    refresh_from_history(connection, entities, history, fields, set(added) - created)
    return len(added)


def columns(table: Table, names: Sequence[str]) -> list[Column[Any]]:
    """The named columns of `table`, in that order."""
    return [table.c[name] for name in names]


def latest_per(
    history: Table,
    per: str | tuple[str, ...],
    names: Sequence[str],
    as_of: dt.datetime,
    *where: ColumnElement[bool],
) -> Select[Any]:
    """The newest row per `per` (a column or several) captured at or before `as_of` (ties: the
    later import)."""
    rank = (
        func.row_number()
        .over(
            partition_by=columns(history, (per,) if isinstance(per, str) else per),
            order_by=(history.c.captured_at.desc(), history.c.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(*columns(history, names), rank)
        .where(history.c.captured_at <= require_aware(as_of, "as_of"), *where)
        .subquery()
    )
    return select(*(ranked.c[name] for name in names)).where(ranked.c.rank == 1)


def of_ids(column: Column[Any]) -> ColumnElement[bool]:
    """`column IN (:ids)`, the list given when executed (see `rows_for`)."""
    return column.in_(bindparam("ids", expanding=True))


def rows_for(
    connection: Connection, statement: Select[Any], ids: Collection[str]
) -> Iterator[RowMapping]:
    """The rows of a statement filtered with `of_ids`, for `ids`, a chunk of ids at a time (in
    sorted order, so all of one id's rows come from one chunk, in the statement's order)."""
    if isinstance(ids, str):
        raise TypeError(f"ids must be a collection of ids, not the string {ids!r}")
    for chunk in chunks(sorted(ids)):
        yield from connection.execute(statement, {"ids": list(chunk)}).mappings()


def refresh_from_history(
    connection: Connection,
    target: Table,
    history: Table,
    fields: Sequence[str],
    ids: Iterable[str],
) -> None:
    """Set each field of the `ids` rows to the newest non-null value in their snapshot history."""
    key = target.primary_key.columns[0]
    for name in fields:
        newest = (
            select(history.c[name])
            .where(history.c[key.name] == key, history.c[name].is_not(None))
            .order_by(history.c.captured_at.desc(), history.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        # Only rows whose value changes are written: re-imports mostly change nothing.
        changed = and_(newest.is_not(None), newest.is_distinct_from(target.c[name]))
        statement = update(target).where(of_ids(key), changed)
        for chunk in chunks(sorted(set(ids))):
            connection.execute(statement.values({name: newest}), {"ids": list(chunk)})
