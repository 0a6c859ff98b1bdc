"""Planning's writes: reminder rows (idempotent by key), and how far each subscription's cycle
is planned (so that daemons sharing a database split the planning instead of repeating it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, bindparam, cast, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from calendar_service.adapters.db.bulk import count_new, dialect_insert
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.reminder_queue import ROW_FIELDS
from calendar_service.adapters.db.tables import PLANNED, REMINDERS
from calendar_service.adapters.db.types import require_aware
from calendar_service.domain.reminders import ReminderRow


def add_reminders(engine: Engine, rows: Iterable[ReminderRow]) -> int:
    """Insert the reminders whose key is new, in one transaction; how many were. Planning twice,
    or in two daemons at once, adds nothing (INSERT … ON CONFLICT DO NOTHING)."""
    rows = list(rows)
    if not rows:
        return 0
    with write_transaction(engine) as connection:
        return insert_reminders(connection, rows)


def insert_reminders(connection: Connection, rows: Iterable[ReminderRow]) -> int:
    """`add_reminders` within the caller's transaction."""
    values = []
    for row in sorted(rows, key=lambda r: r.key):
        for name in ("due_at", "deadline_at", "lease_until", "sent_at"):
            value = getattr(row, name)
            if value is not None:
                require_aware(value, f"{row.key}: {name}")
        values.append({name: getattr(row, name) for name in ROW_FIELDS})
        values[-1]["status"] = row.status.value
    if not values:
        return 0
    return count_new(connection, REMINDERS, ("key",), values)


def mark_planned(
    connection: Connection,
    cycle: str,
    subscription_ids: Iterable[int],
    until: dt.datetime,
    catalog_version: str,
) -> None:
    """Record, in the caller's transaction, that these subscriptions' `cycle` is planned
    through `until` under this catalog version."""
    ids = sorted(set(subscription_ids))
    if not ids:
        return
    insert_ = dialect_insert(connection, PLANNED)
    keys = ["subscription_id", "cycle"]
    newer = {"until": insert_.excluded.until, "catalog_version": insert_.excluded.catalog_version}
    if connection.dialect.name == "postgresql":
        # One statement for the page (its ids as an array), not one execution per row: a
        # planner writes a mark for every subscription of every cycle.
        source = select(
            func.unnest(bindparam("ids", type_=ARRAY(PLANNED.c.subscription_id.type))),
            cast(bindparam("cycle", type_=PLANNED.c.cycle.type), PLANNED.c.cycle.type),
            cast(bindparam("until", type_=PLANNED.c.until.type), PLANNED.c.until.type),
            cast(
                bindparam("version", type_=PLANNED.c.catalog_version.type),
                PLANNED.c.catalog_version.type,
            ),
        )
        statement = insert_.from_select([*keys, "until", "catalog_version"], source)
        connection.execute(
            statement.on_conflict_do_update(index_elements=keys, set_=newer),
            {"ids": ids, "cycle": cycle, "until": until, "version": catalog_version},
        )
        return
    rows = [
        {"subscription_id": i, "cycle": cycle, "until": until, "catalog_version": catalog_version}
        for i in ids
    ]
    connection.execute(insert_.on_conflict_do_update(index_elements=keys, set_=newer), rows)


def fresh_marks(
    connection: Connection,
    cycle: str,
    subscription_ids: Iterable[int],
    fresh_from: dt.datetime,
    catalog_version: str,
) -> set[int]:
    """Which of these subscriptions' `cycle` is planned through `fresh_from` under this catalog
    version, read in the caller's transaction (a page's planner, once it holds the page's lock:
    another daemon may have planned it between the page's read and the lock)."""
    ids = sorted(set(subscription_ids))
    if not ids:
        return set()
    query = select(PLANNED.c.subscription_id).where(
        PLANNED.c.subscription_id.between(ids[0], ids[-1]),
        PLANNED.c.cycle == cycle,
        PLANNED.c.until >= fresh_from,
        PLANNED.c.catalog_version == catalog_version,
    )
    return set(connection.scalars(query)) & set(ids)
