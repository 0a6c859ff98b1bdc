"""What the persistence tests share: the instant they import at, capture times in March 2027,
counting and inserting rows, and a planned reminder."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, Table, func, insert, select

from calendar_service.domain.reminders import ReminderRow
from tests.times import CST

IMPORTED = dt.datetime(2027, 3, 1, 9, 0, tzinfo=CST)


def at(day: int, hour: int = 8) -> dt.datetime:
    """A capture time in March 2027, China Standard Time."""
    return dt.datetime(2027, 3, day, hour, 0, tzinfo=CST)


def count(engine: Engine, table: Table) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table)) or 0


def insert_row(engine: Engine, table: Table, **values: Any) -> None:
    with engine.begin() as connection:
        connection.execute(insert(table).values(**values))


def reminder(subscription_id: int, occurrence: str, kind: str = "opens") -> ReminderRow:
    return ReminderRow.planned(
        subscription_id=subscription_id,
        store_id="s1",
        activity="promo-327",
        occurrence_key=occurrence,
        kind=kind,
        due_at=at(10),
        deadline_at=at(20),
    )
