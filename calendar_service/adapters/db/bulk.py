"""Bulk writes, the same on SQLite and PostgreSQL: chunked inserts that skip conflicts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, cast, func, select
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
    inserted: list[Any] = []
    if connection.dialect.name == "postgresql":
        for insert, values in _postgres_chunks(table, conflict, rows):
            inserted.extend(connection.scalars(insert.returning(table.c[returning]), values))
        return inserted
    if connection.dialect.name != "sqlite":
        raise NotImplementedError(f"no ON CONFLICT support for {connection.dialect.name}")
    statement = (
        sqlite.insert(table)
        .on_conflict_do_nothing(index_elements=list(conflict))
        .returning(table.c[returning])
    )
    for chunk in chunks(rows):
        inserted.extend(connection.scalars(statement, list(chunk)))
    return inserted


def count_new(
    connection: Connection,
    table: Table,
    conflict: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
) -> int:
    """`insert_new` when only the count is wanted: on PostgreSQL no RETURNING, so no row comes
    back to be read (a planner inserts millions)."""
    if not rows:
        return 0
    if connection.dialect.name != "postgresql":
        return len(insert_new(connection, table, conflict, rows, conflict[0]))
    return sum(
        connection.execute(statement, values).rowcount
        for statement, values in _postgres_chunks(table, conflict, rows)
    )


def _postgres_chunks(
    table: Table, conflict: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> Iterator[tuple[postgresql.Insert, dict[str, Any]]]:
    """Each chunk's INSERT … ON CONFLICT DO NOTHING and its parameters.

    One array parameter per column, unnested on the server: a short statement that psycopg and
    PostgreSQL parse once, where a 1,000-row VALUES list is re-parsed for every batch (about
    five times slower for 100,000 snapshots). A column with the same value in every row of a
    chunk (a planned reminder's status, attempts and empty lease) is sent once: psycopg writes
    an array element by element, the most of the client's time for wide rows."""
    names = list(rows[0])
    for chunk in chunks(rows, POSTGRES_CHUNK):
        same = {name for name in names if _one_value(chunk, name)}
        varying = [name for name in names if name not in same] or names[:1]
        arrays = [bindparam(name, type_=ARRAY(table.c[name].type)) for name in varying]
        source = func.unnest(*arrays).table_valued(*varying).render_derived()
        columns = [
            source.c[name]
            if name in varying
            else cast(bindparam(name, type_=table.c[name].type), table.c[name].type)
            for name in names
        ]
        statement = (
            postgresql.insert(table)
            .from_select(names, select(*columns))
            .on_conflict_do_nothing(index_elements=list(conflict))
            .execution_options(preserve_rowcount=True)  # for `count_new`
        )
        yield (
            statement,
            {
                name: [row[name] for row in chunk] if name in varying else chunk[0][name]
                for name in names
            },
        )


def _one_value(rows: Sequence[Mapping[str, Any]], name: str) -> bool:
    """Whether every row has the same value for `name` (unhashable values count as varying)."""
    try:
        return len({row[name] for row in rows}) == 1
    except TypeError:
        return False


def dialect_insert(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that offers ON CONFLICT in the connection's dialect."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    if connection.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no ON CONFLICT support for {connection.dialect.name}")
