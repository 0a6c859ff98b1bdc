"""Bulk writes, the same on SQLite and PostgreSQL: chunked inserts that skip conflicts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY

CHUNK = 2000  # rows per statement: bounded memory, few round trips
POSTGRES_CHUNK = 10_000
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """`items` in consecutive slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_new(
    connection: Connection,
    table: Table,
    conflict: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    returning: str,
) -> list[Any]:
    """Insert `rows` (all with the same keys) in chunks, skipping those that conflict.

    Returns the `returning` column of each row actually inserted: INSERT … ON CONFLICT DO NOTHING
    RETURNING, so the count is right even when another writer inserts the same rows meanwhile.
    """
    if not rows:
        return []
    if connection.dialect.name == "postgresql":
        return _insert_new_postgres(connection, table, conflict, rows, returning)
    if connection.dialect.name != "sqlite":
        raise NotImplementedError(f"no ON CONFLICT support for {connection.dialect.name}")
    statement = (
        sqlite.insert(table)
        .on_conflict_do_nothing(index_elements=list(conflict))
        .returning(table.c[returning])
    )
    inserted: list[Any] = []
    for chunk in chunks(rows):
        inserted.extend(connection.scalars(statement, list(chunk)))
    return inserted


def _insert_new_postgres(
    connection: Connection,
    table: Table,
    conflict: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    returning: str,
) -> list[Any]:
    # One array parameter per column, unnested on the server: a short statement that psycopg
    # and PostgreSQL parse once, where a 1,000-row VALUES list is re-parsed for every batch
    # (about five times slower for 100,000 snapshots).
    names = list(rows[0])
    arrays = [bindparam(name, type_=ARRAY(table.c[name].type)) for name in names]
    source = func.unnest(*arrays).table_valued(*names).render_derived()
    statement = (
        postgresql.insert(table)
        .from_select(names, select(*(source.c[name] for name in names)))
        .on_conflict_do_nothing(index_elements=list(conflict))
        .returning(table.c[returning])
    )
    inserted: list[Any] = []
    for chunk in chunks(rows, POSTGRES_CHUNK):
        columns = {name: [row[name] for row in chunk] for name in names}
        inserted.extend(connection.scalars(statement, columns))
    return inserted


def dialect_insert(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that offers ON CONFLICT in the connection's dialect."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    if connection.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no ON CONFLICT support for {connection.dialect.name}")
