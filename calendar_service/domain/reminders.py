"""Reminder rows: the durable record of one email due for one subscription and occurrence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class ReminderStatus(StrEnum):
    PENDING = "pending"  # planned, not yet due or not yet claimed
    SENDING = "sending"  # claimed by a dispatcher that holds the lease
    SENT = "sent"
    MISSED = "missed"  # the deadline passed before it could be sent
    FAILED = "failed"  # gave up after repeated delivery failures
    SUPPRESSED = "suppressed"  # no longer worth sending (unsubscribed, nothing to say)


def reminder_key(subscription_id: int, occurrence_key: str, kind: str) -> str:
    """The identity that makes planning idempotent: one per subscription, occurrence and kind."""
    return f"{subscription_id}/{occurrence_key}/{kind}"


@dataclass(frozen=True)
class ReminderRow:
    """A row of the reminders table without its database id."""

    key: str
    subscription_id: int
    store_id: str
    activity: str
    occurrence_key: str  # Occurrence.key: "activity:period"
    kind: str
    due_at: dt.datetime
    deadline_at: dt.datetime
    status: ReminderStatus = ReminderStatus.PENDING
    lease_owner: str | None = None
    lease_until: dt.datetime | None = None
    attempts: int = 0
    message_id: str | None = None
    sent_at: dt.datetime | None = None

    @classmethod
    def planned(
        cls,
        *,
        subscription_id: int,
        store_id: str,
        activity: str,
        occurrence_key: str,
        kind: str,
        due_at: dt.datetime,
        deadline_at: dt.datetime,
    ) -> ReminderRow:
        """A new pending reminder, its key derived from subscription, occurrence and kind."""
        return cls(
            key=reminder_key(subscription_id, occurrence_key, kind),
            subscription_id=subscription_id,
            store_id=store_id,
            activity=activity,
            occurrence_key=occurrence_key,
            kind=kind,
            due_at=due_at,
            deadline_at=deadline_at,
        )
