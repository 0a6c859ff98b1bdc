"""The reminders as one store for the use cases: planned (`reminder_plans`), claimed and
recorded an address at a time (`reminder_queue`), read as they stand (`reminder_reads`), the
daily activities' statuses they are told from (`daily_statuses`), the subscriptions a page at a
time (`subscription_pages`); and here, the planning lock between daemons and the data version
the daemon watches for imports."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, func, select, text

from calendar_service.adapters.db.daily_statuses import DailyStatuses
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.reminder_plans import (
    add_reminders,
    fresh_marks,
    insert_reminders,
    mark_planned,
)
from calendar_service.adapters.db.reminder_queue import (
    Attempt,
    Claim,
    Claimed,
    ReminderQueue,
    StoredReminder,
)
from calendar_service.adapters.db.reminder_reads import ReminderReads
from calendar_service.adapters.db.subscription_pages import SubscriptionPages
from calendar_service.adapters.db.tables import PRODUCT_SNAPSHOTS, STORE_SNAPSHOTS, SUBSCRIPTIONS

__all__ = [
    "Attempt",
    "Claim",
    "Claimed",
    "ReminderStore",
    "StoredReminder",
    "add_reminders",
    "fresh_marks",
    "insert_reminders",
    "mark_planned",
]


class ReminderStore(ReminderQueue, ReminderReads, DailyStatuses, SubscriptionPages):
    """Reminders: planned (here), claimed and recorded (`ReminderQueue`), the daily
    activities' statuses they are told from (`DailyStatuses`), and the subscriptions a page at
    a time (`SubscriptionPages`)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def planning(self, page: str) -> Iterator[Connection | None]:
        """A write transaction in which this daemon plans `page` (a name the same for every
        daemon, e.g. the cycle and the page's first subscription), or None when another daemon
        is planning it right now: daemons sharing PostgreSQL split the pages between them
        instead of each computing every row (a transaction-level advisory lock, released at
        commit or when the connection dies; a page left by a dead daemon is planned at the next
        run). SQLite has one daemon: the page is always this one's. The commit does not wait
        for the disk (PostgreSQL's `synchronous_commit` off, for this transaction only)."""
        with write_transaction(self._engine) as connection:
            if connection.dialect.name == "postgresql":
                key = int.from_bytes(
                    hashlib.blake2b(page.encode(), digest_size=8).digest(), "big", signed=True
                )
                if not connection.scalar(
                    text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key}
                ):
                    yield None
                    return
                # A page lost to a crash just after its commit is planned again at the next
                # run (its rows and its marks go together): no need to wait for the disk at
                # each of the thousands of commits a planner makes.
                connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            yield connection

    def data_version(self) -> tuple[int, ...]:
        """Changes when data is imported or a subscription is added, ended or renewed."""
        queries = (
            select(func.max(STORE_SNAPSHOTS.c.id)),
            select(func.max(PRODUCT_SNAPSHOTS.c.id)),
            select(func.max(SUBSCRIPTIONS.c.id)),
            select(func.count()).where(SUBSCRIPTIONS.c.unsubscribed_at.is_(None)),
        )
        with self._engine.connect() as connection:
            return tuple(connection.scalar(q) or 0 for q in queries)
