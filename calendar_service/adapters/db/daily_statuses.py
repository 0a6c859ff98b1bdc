"""The daily activities' last known statuses per store: what a status change is told from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping

from sqlalchemy import Engine, select

from calendar_service.adapters.db.bulk import dialect_insert
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.reminder_plans import insert_reminders
from calendar_service.adapters.db.snapshot_rows import of_ids, rows_for
from calendar_service.adapters.db.tables import DAILY_STATUSES
from calendar_service.domain.reminders import ReminderRow


class DailyStatuses:
    """The daily statuses half of the ReminderStore."""

    _engine: Engine

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
