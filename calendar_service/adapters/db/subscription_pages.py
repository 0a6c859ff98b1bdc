"""Subscriptions a page at a time, for the planners: by id (unplanned ones) or by store."""

from __future__ import annotations

import datetime as dt
import itertools
from operator import attrgetter

from sqlalchemy import Engine, select

from calendar_service.adapters.db.subscribers import read_subscriptions
from calendar_service.adapters.db.tables import PLANNED, SUBSCRIPTIONS
from calendar_service.domain.subscriptions import Subscription

ROWS_PER_STORE = 4


class SubscriptionPages:
    """The paging half of the ReminderStore."""

    _engine: Engine

    def unplanned_subscriptions(
        self, cycle: str, after_id: int, limit: int, fresh_from: dt.datetime, catalog_version: str
    ) -> tuple[list[Subscription], int | None]:
        """The next `limit` subscriptions by id above `after_id`, those of them that are active
        and whose `cycle` is not planned through `fresh_from` under this catalog version
        (`mark_planned`); and the last id looked at, to go on from (None: there are no more).

        Two range reads on primary keys, the rest decided here: the planner cannot misjudge
        them. Asked for "active and unplanned" in one query, PostgreSQL scanned both tables for
        every page whenever their statistics were missing or older than a bulk import (its
        guess for `unsubscribed_at IS NULL` is then 0.5 % of the rows): half a second and more
        a page at a million subscriptions.
        """
        page = (
            select(SUBSCRIPTIONS)
            .where(SUBSCRIPTIONS.c.id > after_id)
            .order_by(SUBSCRIPTIONS.c.id)
            .limit(limit)
        )
        with self._engine.connect() as connection:
            subs = read_subscriptions(connection, page)
            if not subs:
                return [], None
            fresh = select(PLANNED.c.subscription_id).where(
                PLANNED.c.subscription_id.between(subs[0].id, subs[-1].id),
                PLANNED.c.cycle == cycle,
                PLANNED.c.until >= fresh_from,
                PLANNED.c.catalog_version == catalog_version,
            )
            done = set(connection.scalars(fresh))
        return [s for s in subs if s.active and s.id not in done], subs[-1].id

    def subscribed_stores(self, after_store: str | None, stores: int) -> list[Subscription]:
        """The active subscriptions of the next `stores` stores that have any, by store id above
        `after_store` (None: from the first; keyset paging), sorted by store and email.

        Read in the order of the (store, email) index, `ROWS_PER_STORE` rows a store at a time,
        the active ones picked here, for the reason `unplanned_subscriptions` gives.
        """
        found: list[Subscription] = []
        taken = 0
        size = max(1, stores) * ROWS_PER_STORE
        in_order = select(SUBSCRIPTIONS).order_by(SUBSCRIPTIONS.c.store_id, SUBSCRIPTIONS.c.email)
        with self._engine.connect() as connection:
            while taken < stores:
                after = () if after_store is None else (SUBSCRIPTIONS.c.store_id > after_store,)
                batch = read_subscriptions(connection, in_order.where(*after).limit(size))
                if not batch:
                    break
                after_store = batch[-1].store_id
                if len(batch) == size:  # that store's subscriptions may go on: read them all
                    whole = in_order.where(SUBSCRIPTIONS.c.store_id == after_store)
                    batch = [s for s in batch if s.store_id != after_store]
                    batch += read_subscriptions(connection, whole)
                for _, subs in itertools.groupby(batch, key=attrgetter("store_id")):
                    active = [s for s in subs if s.active]
                    if active:
                        found += active
                        taken += 1
                        if taken == stores:
                            break
        return found

    def subscriptions_by_id(self, ids: set[int]) -> dict[int, Subscription]:
        """These subscriptions (active or not), by id."""
        if not ids:
            return {}
        statement = select(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.id.in_(sorted(ids)))
        with self._engine.connect() as connection:
            return {s.id: s for s in read_subscriptions(connection, statement)}
