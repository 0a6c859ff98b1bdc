"""What is planned, told and sent, read without claiming anything: for the preview, the
dashboard and the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import Engine, select

from calendar_service.adapters.db.reminder_queue import Attempt, StoredReminder, stored
from calendar_service.adapters.db.tables import DELIVERY_ATTEMPTS, REMINDERS, SUBSCRIPTIONS
from calendar_service.domain.reminders import ReminderStatus


class ReminderReads:
    """The reading half of the ReminderStore."""

    _engine: Engine

    def pending(self, until: dt.datetime, limit: int = 200) -> list[tuple[StoredReminder, str]]:
        """Pending reminders due before `until`, with their recipient, without claiming them
        (for the preview)."""
        query = (
            select(REMINDERS, SUBSCRIPTIONS.c.email)
            .join(SUBSCRIPTIONS, SUBSCRIPTIONS.c.id == REMINDERS.c.subscription_id)
            .where(
                REMINDERS.c.due_at < until,
                REMINDERS.c.status == ReminderStatus.PENDING.value,
            )
            .order_by(REMINDERS.c.due_at, REMINDERS.c.id)
            .limit(limit)
        )
        with self._engine.connect() as connection:
            return [(stored(r._mapping), r.email) for r in connection.execute(query)]

    def keys(self, keys: Collection[str]) -> set[str]:
        """Which of these reminder keys are in the table already (any status)."""
        query = select(REMINDERS.c.key).where(REMINDERS.c.key.in_(sorted(keys)))
        with self._engine.connect() as connection:
            return set(connection.scalars(query))

    def sent_days(self, since: dt.datetime) -> dict[str, list[dt.datetime]]:
        """When each recipient was sent messages since `since` (for the preview)."""
        query = (
            select(SUBSCRIPTIONS.c.email, REMINDERS.c.sent_at)
            .join(SUBSCRIPTIONS, SUBSCRIPTIONS.c.id == REMINDERS.c.subscription_id)
            .where(REMINDERS.c.status == ReminderStatus.SENT.value, REMINDERS.c.sent_at >= since)
        )
        found: dict[str, list[dt.datetime]] = {}
        with self._engine.connect() as connection:
            for r in connection.execute(query):
                found.setdefault(r.email, []).append(r.sent_at)
        return found

    def all(self) -> list[StoredReminder]:
        with self._engine.connect() as connection:
            rows = connection.execute(select(REMINDERS).order_by(REMINDERS.c.id))
            return [stored(r._mapping) for r in rows]

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
