"""The reminders table as due work: claim what is due, record every attempt and its outcome.

Claims take a lease (owner, until) so that an interrupted dispatcher's work is picked up again
once the lease has expired; an outcome is only recorded by the lease holder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    text,
    update,
)

from calendar_service.adapters.db.bulk import dialect_insert, insert_new
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.snapshot_rows import of_ids, rows_for
from calendar_service.adapters.db.subscription_pages import SubscriptionPages
from calendar_service.adapters.db.tables import (
    DAILY_STATUSES,
    DELIVERY_ATTEMPTS,
    PLANNED,
    PRODUCT_SNAPSHOTS,
    REMINDERS,
    STORE_SNAPSHOTS,
    SUBSCRIPTIONS,
)
from calendar_service.adapters.db.types import require_aware
from calendar_service.domain.reminders import ReminderRow, ReminderStatus


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
        values.append({name: getattr(row, name) for name in _ROW_FIELDS})
        values[-1]["status"] = row.status.value
    if not values:
        return 0
    return len(insert_new(connection, REMINDERS, ("key",), values, "key"))


def mark_planned(
    connection: Connection,
    cycle: str,
    subscription_ids: Iterable[int],
    until: dt.datetime,
    catalog_version: str,
) -> None:
    """Record, in the caller's transaction, that these subscriptions' `cycle` is planned
    through `until` under this catalog version."""
    rows = [
        {"subscription_id": i, "cycle": cycle, "until": until, "catalog_version": catalog_version}
        for i in sorted(set(subscription_ids))
    ]
    if not rows:
        return
    insert_ = dialect_insert(connection, PLANNED)
    connection.execute(
        insert_.on_conflict_do_update(
            index_elements=["subscription_id", "cycle"],
            set_={
                "until": insert_.excluded.until,
                "catalog_version": insert_.excluded.catalog_version,
            },
        ),
        rows,
    )


def _keep(column: Column[Any]) -> ColumnElement[Any]:
    """The new value when one is given, else the column's own (a parameter per call, so the
    statement is built once rather than for every reminder sent)."""
    return func.coalesce(bindparam(f"b_{column.name}", type_=column.type), column)


# Rows read a store at a time when paging through the subscribed stores: most have one or two.
_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(:key)")
_FINISH = (
    update(REMINDERS)
    .where(REMINDERS.c.id == bindparam("b_id"), REMINDERS.c.lease_owner == bindparam("b_owner"))
    .values(
        status=bindparam("b_status"),
        lease_owner=None,
        lease_until=None,
        attempts=_keep(REMINDERS.c.attempts),
        due_at=_keep(REMINDERS.c.due_at),
        message_id=_keep(REMINDERS.c.message_id),
        sent_at=_keep(REMINDERS.c.sent_at),
    )
)

_INSERT_ATTEMPT = insert(DELIVERY_ATTEMPTS)

_ROW_FIELDS = (
    "key",
    "subscription_id",
    "store_id",
    "activity",
    "occurrence_key",
    "kind",
    "due_at",
    "deadline_at",
    "status",
    "lease_owner",
    "lease_until",
    "attempts",
    "message_id",
    "sent_at",
)


@dataclass(frozen=True)
class StoredReminder:
    id: int
    row: ReminderRow


@dataclass(frozen=True)
class Attempt:
    reminder_id: int
    attempted_at: dt.datetime
    outcome: str
    smtp_code: int | None
    detail: str | None


class ReminderStore(SubscriptionPages):
    """Due reminders, their claims and their delivery attempts."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def claim_due(
        self, now: dt.datetime, owner: str, lease: dt.timedelta, limit: int = 200
    ) -> list[StoredReminder]:
        """Take up to `limit` reminders due at `now` (pending, or sending with a lapsed lease)."""
        due = and_(
            REMINDERS.c.due_at <= now,
            or_(
                REMINDERS.c.status == ReminderStatus.PENDING.value,
                and_(
                    REMINDERS.c.status == ReminderStatus.SENDING.value,
                    REMINDERS.c.lease_until < now,
                ),
            ),
        )
        with write_transaction(self._engine) as connection:
            query = select(REMINDERS.c.id).where(due).order_by(REMINDERS.c.due_at).limit(limit)
            if connection.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            ids = list(connection.scalars(query))
            if not ids:
                return []
            connection.execute(
                update(REMINDERS)
                .where(REMINDERS.c.id.in_(ids))
                .values(
                    status=ReminderStatus.SENDING.value, lease_owner=owner, lease_until=now + lease
                )
            )
            rows = connection.execute(
                select(REMINDERS).where(REMINDERS.c.id.in_(ids)).order_by(REMINDERS.c.due_at)
            )
            return [_stored(r._mapping) for r in rows]

    def finish(
        self,
        reminder_id: int,
        owner: str,
        status: ReminderStatus,
        *,
        attempts: int | None = None,
        due_at: dt.datetime | None = None,
        message_id: str | None = None,
        sent_at: dt.datetime | None = None,
        attempt: Attempt | None = None,
    ) -> bool:
        """Record the outcome (and the attempt that led to it, in the same transaction) and
        release the lease; False, and nothing written, when the lease was lost meanwhile."""
        params = {
            "b_id": reminder_id,
            "b_owner": owner,
            "b_status": status.value,
            "b_attempts": attempts,
            "b_due_at": due_at,
            "b_message_id": message_id,
            "b_sent_at": sent_at,
        }
        with write_transaction(self._engine) as connection:
            if connection.execute(_FINISH, params).rowcount != 1:
                return False
            if attempt is not None:
                connection.execute(_INSERT_ATTEMPT, _attempt_values(attempt))
            return True

    @contextmanager
    def planning(self, page: str) -> Iterator[Connection | None]:
        """A write transaction in which this daemon plans `page` (a name the same for every
        daemon, e.g. the cycle and the page's first subscription), or None when another daemon
        is planning it right now: daemons sharing PostgreSQL split the pages between them
        instead of each computing every row (a transaction-level advisory lock, released at
        commit or when the connection dies; a page left by a dead daemon is planned at the next
        run). SQLite has one daemon: the page is always this one's."""
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
            yield connection

    def release(self, reminder_ids: list[int], owner: str) -> int:
        """Give back claimed but unsent reminders (pending again, no lease); how many were."""
        if not reminder_ids:
            return 0
        statement = (
            update(REMINDERS)
            .where(
                REMINDERS.c.id.in_(reminder_ids),
                REMINDERS.c.lease_owner == owner,
                REMINDERS.c.status == ReminderStatus.SENDING.value,
            )
            .values(status=ReminderStatus.PENDING.value, lease_owner=None, lease_until=None)
        )
        with write_transaction(self._engine) as connection:
            return connection.execute(statement).rowcount

    def renew(self, reminder_ids: list[int], owner: str, until: dt.datetime) -> int:
        """Extend the lease on reminders this owner still holds; how many it still held."""
        if not reminder_ids:
            return 0
        statement = (
            update(REMINDERS)
            .where(REMINDERS.c.id.in_(reminder_ids), REMINDERS.c.lease_owner == owner)
            .values(lease_until=until)
        )
        with write_transaction(self._engine) as connection:
            return connection.execute(statement).rowcount

    def counts(self, now: dt.datetime) -> dict[str, int]:
        """Reminders due now and not yet handled (pending or being sent), and failed ones."""
        due = select(func.count()).where(
            REMINDERS.c.due_at <= now,
            REMINDERS.c.status.in_((ReminderStatus.PENDING.value, ReminderStatus.SENDING.value)),
        )
        failed = select(func.count()).where(REMINDERS.c.status == ReminderStatus.FAILED.value)
        with self._engine.connect() as connection:
            return {"due": connection.scalar(due) or 0, "failed": connection.scalar(failed) or 0}

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

    def pending(self, now: dt.datetime, limit: int = 200) -> list[StoredReminder]:
        """What is due at `now`, without claiming it (for --dry-run)."""
        query = (
            select(REMINDERS)
            .where(REMINDERS.c.due_at <= now, REMINDERS.c.status == ReminderStatus.PENDING.value)
            .order_by(REMINDERS.c.due_at)
            .limit(limit)
        )
        with self._engine.connect() as connection:
            return [_stored(r._mapping) for r in connection.execute(query)]

    def all(self) -> list[StoredReminder]:
        with self._engine.connect() as connection:
            rows = connection.execute(select(REMINDERS).order_by(REMINDERS.c.id))
            return [_stored(r._mapping) for r in rows]

    def attempts(self, reminder_id: int) -> list[Attempt]:
        query = (
            select(DELIVERY_ATTEMPTS)
            .where(DELIVERY_ATTEMPTS.c.reminder_id == reminder_id)
            .order_by(DELIVERY_ATTEMPTS.c.id)
        )
        with self._engine.connect() as connection:
            return [
                Attempt(r.reminder_id, r.attempted_at, r.outcome, r.smtp_code, r.detail)
                for r in connection.execute(query)
            ]

    def daily_statuses_of(self, store_ids: Collection[str]) -> dict[str, dict[str, str]]:
        """These stores' last definite status for each daily activity, by store id; stores
        with none left out."""
        query = select(
            DAILY_STATUSES.c.store_id, DAILY_STATUSES.c.activity, DAILY_STATUSES.c.status
        ).where(of_ids(DAILY_STATUSES.c.store_id))
        found: dict[str, dict[str, str]] = {}
        with self._engine.connect() as connection:
            for r in rows_for(connection, query, store_ids):
                found.setdefault(r["store_id"], {})[r["activity"]] = r["status"]
        return found

    def record_statuses(
        self,
        rows: Iterable[ReminderRow],
        statuses: Mapping[str, Mapping[str, str]],
        now: dt.datetime,
    ) -> int:
        """Insert the new status-change reminders and keep `statuses` (by store, by activity)
        as the stores' last known ones, in one transaction; how many reminders were new."""
        kept = [
            {"store_id": store_id, "activity": a, "status": s, "updated_at": now}
            for store_id, by_activity in sorted(statuses.items())
            for a, s in sorted(by_activity.items())
        ]
        rows = list(rows)
        if not rows and not kept:
            return 0
        with write_transaction(self._engine) as connection:
            added = insert_reminders(connection, rows)
            if kept:
                # executemany of one short statement: a VALUES list of a page's statuses would
                # be compiled afresh for every page, which costs more than running it.
                insert_ = dialect_insert(connection, DAILY_STATUSES)
                upsert = insert_.on_conflict_do_update(
                    index_elements=["store_id", "activity"],
                    set_={
                        "status": insert_.excluded.status,
                        "updated_at": insert_.excluded.updated_at,
                    },
                )
                connection.execute(upsert, kept)
            return added


def _attempt_values(attempt: Attempt) -> dict[str, object]:
    return {
        "reminder_id": attempt.reminder_id,
        "attempted_at": attempt.attempted_at,
        "outcome": attempt.outcome,
        "smtp_code": attempt.smtp_code,
        "detail": (attempt.detail or "")[:1000] or None,
    }


def _stored(m: object) -> StoredReminder:
    values = dict(m)  # type: ignore[call-overload]  # a RowMapping
    fields = {name: values[name] for name in _ROW_FIELDS}
    fields["status"] = ReminderStatus(fields["status"])
    return StoredReminder(int(values["id"]), ReminderRow(**fields))
