"""The reminders table as due work, an address at a time: claim everything due for a set of
recipients, record each message's outcome on all of its reminders.

A recipient (an email address) gets at most one message a day, so the unit of a claim is the
recipient: all of its due reminders are claimed together, under a lease (owner, until) so that
an interrupted dispatcher's work is picked up again once the lease has expired. On PostgreSQL a
recipient is taken under a transaction-level advisory lock named after it, and passed over while
another daemon holds a live lease on any of its reminders: two daemons never write to one
address at once. A recipient that already had its message today has its due reminders moved to
the next sending morning (or missed, when that is past their deadline).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
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

from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.tables import DELIVERY_ATTEMPTS, REMINDERS, SUBSCRIPTIONS
from calendar_service.domain.reminders import ReminderRow, ReminderStatus

ROW_FIELDS = (
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
_LOOK_AHEAD = 8  # due reminders read per recipient wanted, to find distinct recipients


@dataclass(frozen=True)
class StoredReminder:
    id: int
    row: ReminderRow


@dataclass(frozen=True)
class Claim:
    """A recipient's due reminders, claimed together: one message."""

    recipient: str
    reminders: tuple[StoredReminder, ...]


@dataclass(frozen=True)
class Attempt:
    reminder_id: int
    attempted_at: dt.datetime
    outcome: str
    smtp_code: int | None
    detail: str | None


@dataclass(frozen=True)
class Claimed:
    """What one claim did: the recipients taken, and the reminders it moved to the next
    morning (their recipient had its message today) or gave up (that was past the deadline)."""

    claims: list[Claim]
    deferred: int = 0
    missed: int = 0


def _keep(column: Column[Any]) -> ColumnElement[Any]:
    """The new value when one is given, else the column's own (a parameter per call, so the
    statement is built once rather than for every reminder sent)."""
    return func.coalesce(bindparam(f"b_{column.name}", type_=column.type), column)


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
        told=_keep(REMINDERS.c.told),
    )
)
_INSERT_ATTEMPT = insert(DELIVERY_ATTEMPTS)


def _due(now: dt.datetime) -> ColumnElement[bool]:
    return and_(
        REMINDERS.c.due_at <= now,
        or_(
            REMINDERS.c.status == ReminderStatus.PENDING.value,
            and_(
                REMINDERS.c.status == ReminderStatus.SENDING.value,
                REMINDERS.c.lease_until < now,
            ),
        ),
    )


def _of_recipients(emails: Collection[str]) -> ColumnElement[bool]:
    return REMINDERS.c.subscription_id.in_(
        select(SUBSCRIPTIONS.c.id).where(SUBSCRIPTIONS.c.email.in_(sorted(emails)))
    )


def _lock_key(recipient: str) -> int:
    digest = hashlib.blake2b(f"recipient:{recipient}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class ReminderQueue:
    """The claiming and recording half of the ReminderStore."""

    _engine: Engine

    def claim_recipients(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        limit: int,
        *,
        day_start: dt.datetime,
        next_morning: dt.datetime,
    ) -> Claimed:
        """Take up to `limit` recipients with reminders due at `now`, each with all of its due
        reminders. A recipient sent a message since `day_start` (today, local time) gets none:
        its due reminders move to `next_morning`, or are missed when that is at or after their
        deadline."""
        with write_transaction(self._engine) as connection:
            candidates = connection.execute(
                select(SUBSCRIPTIONS.c.email)
                .join(REMINDERS, REMINDERS.c.subscription_id == SUBSCRIPTIONS.c.id)
                .where(_due(now))
                .order_by(REMINDERS.c.due_at, REMINDERS.c.id)
                .limit(limit * _LOOK_AHEAD)
            ).scalars()
            wanted = list(dict.fromkeys(candidates))[:limit]
            taken = [r for r in wanted if self._take(connection, r, now)]
            if not taken:
                return Claimed([])
            sent_today = set(
                connection.scalars(
                    select(SUBSCRIPTIONS.c.email)
                    .join(REMINDERS, REMINDERS.c.subscription_id == SUBSCRIPTIONS.c.id)
                    .where(
                        SUBSCRIPTIONS.c.email.in_(taken),
                        REMINDERS.c.status == ReminderStatus.SENT.value,
                        REMINDERS.c.sent_at >= day_start,
                    )
                    .distinct()
                )
            )
            deferred = missed = 0
            if sent_today:
                later = and_(_due(now), _of_recipients(sent_today))
                missed = connection.execute(
                    update(REMINDERS)
                    .where(later, REMINDERS.c.deadline_at <= next_morning)
                    .values(status=ReminderStatus.MISSED.value, lease_owner=None, lease_until=None)
                ).rowcount
                deferred = connection.execute(
                    update(REMINDERS)
                    .where(later)
                    .values(
                        status=ReminderStatus.PENDING.value,
                        due_at=next_morning,
                        lease_owner=None,
                        lease_until=None,
                    )
                ).rowcount
            sending = [r for r in taken if r not in sent_today]
            if not sending:
                return Claimed([], deferred, missed)
            chosen = and_(_due(now), _of_recipients(sending))
            ids = list(connection.scalars(select(REMINDERS.c.id).where(chosen)))
            connection.execute(
                update(REMINDERS)
                .where(REMINDERS.c.id.in_(ids))
                .values(
                    status=ReminderStatus.SENDING.value, lease_owner=owner, lease_until=now + lease
                )
            )
            rows = connection.execute(
                select(REMINDERS, SUBSCRIPTIONS.c.email)
                .join(SUBSCRIPTIONS, SUBSCRIPTIONS.c.id == REMINDERS.c.subscription_id)
                .where(REMINDERS.c.id.in_(ids))
                .order_by(REMINDERS.c.key)
            )
            by_recipient: dict[str, list[StoredReminder]] = {r: [] for r in sending}
            for r in rows:
                by_recipient[r.email].append(stored(r._mapping))
            claims = [Claim(r, tuple(found)) for r, found in by_recipient.items() if found]
            return Claimed(claims, deferred, missed)

    @staticmethod
    def _take(connection: Connection, recipient: str, now: dt.datetime) -> bool:
        """Whether this daemon may write to `recipient` now: no other holds it (PostgreSQL: an
        advisory lock until this transaction ends, then the leases it writes)."""
        if connection.dialect.name != "postgresql":
            return True  # one daemon per SQLite database
        if not connection.scalar(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _lock_key(recipient)}
        ):
            return False
        busy = select(REMINDERS.c.id).where(
            _of_recipients([recipient]),
            REMINDERS.c.status == ReminderStatus.SENDING.value,
            REMINDERS.c.lease_until >= now,
        )
        return connection.execute(busy.limit(1)).first() is None

    def finish_all(
        self,
        reminder_ids: Sequence[int],
        owner: str,
        status: ReminderStatus,
        *,
        attempts: Mapping[int, int] | None = None,
        due_at: dt.datetime | None = None,
        message_id: str | None = None,
        sent_at: dt.datetime | None = None,
        told: Mapping[int, str] | None = None,
        attempt: Attempt | None = None,
    ) -> int:
        """Record one outcome on every reminder of a message (and the attempt on each), in one
        transaction, releasing the lease; how many were still this owner's (the rest lost
        their lease meanwhile and are left alone)."""
        if not reminder_ids:
            return 0
        reminder_ids = list(dict.fromkeys(reminder_ids))
        params: list[dict[str, Any]] = [
            {
                "b_id": i,
                "b_owner": owner,
                "b_status": status.value,
                "b_attempts": (attempts or {}).get(i),
                "b_due_at": due_at,
                "b_message_id": message_id,
                "b_sent_at": sent_at,
                "b_told": (told or {}).get(i),
            }
            for i in reminder_ids
        ]
        with write_transaction(self._engine) as connection:
            # Which are still this owner's (locked until the commit on PostgreSQL; SQLite has
            # one writer), then those written in one executemany: an agency's message carries
            # hundreds of reminders, and a statement apiece was most of recording it.
            mine = select(REMINDERS.c.id).where(
                REMINDERS.c.id.in_(sorted(set(reminder_ids))), REMINDERS.c.lease_owner == owner
            )
            if connection.dialect.name == "postgresql":
                mine = mine.with_for_update()
            owned = set(connection.scalars(mine))
            held = list(dict.fromkeys(i for i in reminder_ids if i in owned))
            if held:
                connection.execute(_FINISH, [p for p in params if p["b_id"] in owned])
            if attempt is not None and held:
                connection.execute(
                    _INSERT_ATTEMPT,
                    [_attempt_values(attempt, reminder_id=i) for i in held],
                )
            return len(held)

    def mark_posting(self, reminder_ids: Sequence[int], owner: str, message_id: str) -> int:
        """Record, before a message goes out on a channel that cannot tell a repeat (a group
        robot), that it is being posted: a daemon that claims these reminders again after a
        crash finds the mark and does not post them twice. How many were still this owner's."""
        return self._set_message_id(reminder_ids, owner, message_id)

    def unmark_posting(self, reminder_ids: Sequence[int], owner: str) -> int:
        """Take the mark off again: the post was refused or failed, nothing was delivered."""
        return self._set_message_id(reminder_ids, owner, None)

    def _set_message_id(
        self, reminder_ids: Sequence[int], owner: str, message_id: str | None
    ) -> int:
        if not reminder_ids:
            return 0
        statement = (
            update(REMINDERS)
            .where(REMINDERS.c.id.in_(sorted(set(reminder_ids))), REMINDERS.c.lease_owner == owner)
            .values(message_id=message_id)
        )
        with write_transaction(self._engine) as connection:
            return connection.execute(statement).rowcount

    def told_of(self, rows: Iterable[ReminderRow]) -> dict[str, str]:
        """What the last message sent for each row's subscription and window said of its store
        (`domain.telling.signature`), by row key; rows never told of are left out."""
        wanted = {(r.subscription_id, r.occurrence_key): r.key for r in rows}
        if not wanted:
            return {}
        query = (
            select(REMINDERS.c.subscription_id, REMINDERS.c.occurrence_key, REMINDERS.c.told)
            .where(
                REMINDERS.c.subscription_id.in_(sorted({s for s, _ in wanted})),
                REMINDERS.c.status == ReminderStatus.SENT.value,
                REMINDERS.c.told.is_not(None),
            )
            .order_by(REMINDERS.c.sent_at, REMINDERS.c.id)
        )
        found: dict[str, str] = {}
        with self._engine.connect() as connection:
            for r in connection.execute(query):
                key = wanted.get((r.subscription_id, r.occurrence_key))
                if key is not None:
                    found[key] = r.told  # the latest wins
        return found

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


def _attempt_values(attempt: Attempt, reminder_id: int | None = None) -> dict[str, object]:
    return {
        "reminder_id": attempt.reminder_id if reminder_id is None else reminder_id,
        "attempted_at": attempt.attempted_at,
        "outcome": attempt.outcome,
        "smtp_code": attempt.smtp_code,
        "detail": (attempt.detail or "")[:1000] or None,
    }


def stored(m: object) -> StoredReminder:
    values = dict(m)  # type: ignore[call-overload]  # a RowMapping
    fields = {name: values[name] for name in ROW_FIELDS}
    fields["status"] = ReminderStatus(fields["status"])
    return StoredReminder(int(values["id"]), ReminderRow(**fields))
