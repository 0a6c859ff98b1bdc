"""Group robots: their webhooks kept encrypted, their health, and the rate budget every daemon
shares.

A robot's webhook URL and signing secret are credentials. They are sealed with the
installation's key (a `Sealer`, built from CALENDAR_SECRET_KEY by the composition root) before
they reach the database, and found again by a keyed fingerprint of the URL, so the same robot
added for several stores is one recipient. Changing the installation's key makes them
unreadable: add the robots again (the CLI says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Protocol

from sqlalchemy import BindParameter, Engine, case, func, insert, literal, select, update

from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.tables import ROBOTS, SUBSCRIPTIONS
from calendar_service.domain.recipients import (
    CHANNELS,
    PAUSE_AFTER,
    Channel,
    Robot,
    Webhook,
)

BUDGET_WINDOW = dt.timedelta(minutes=1)
ERROR_KEPT = 500  # characters of a delivery's error kept on the robot


class Sealer(Protocol):
    """Encrypts and decrypts a credential; `fingerprint` is a keyed hash of it (hex)."""

    def seal(self, text: str) -> str: ...

    def unseal(self, sealed: str) -> str: ...

    def fingerprint(self, text: str) -> str: ...


class UnreadableWebhookError(LookupError):
    """A robot's webhook was sealed under another key than the installation's."""


class Robots:
    """The robots table."""

    def __init__(self, engine: Engine, sealer: Sealer) -> None:
        self._engine = engine
        self._sealer = sealer

    def add(
        self, channel: Channel, url: str, secret: str | None, label: str, now: dt.datetime
    ) -> tuple[Robot, bool]:
        """The robot with this webhook, added when new (True) or found again (False); found
        again, its secret is replaced when one is given and it is resumed if paused."""
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}: one of {', '.join(CHANNELS)}")
        fingerprint = self._sealer.fingerprint(f"{channel}\n{url}")
        sealed = self._sealer.seal(secret) if secret else None
        with write_transaction(self._engine) as connection:
            found = (
                connection.execute(
                    select(ROBOTS).where(ROBOTS.c.fingerprint == fingerprint).with_for_update()
                )
                .mappings()
                .first()
            )
            if found is None:
                row = {
                    "channel": channel,
                    "fingerprint": fingerprint,
                    "url_encrypted": self._sealer.seal(url),
                    "secret_encrypted": sealed,
                    "label": label,
                    "created_at": now,
                }
                added = connection.execute(insert(ROBOTS).returning(*ROBOTS.c), row)
                return _robot(added.mappings().one()), True
            values: dict[str, Any] = {"paused_at": None, "failures": 0}
            if sealed is not None:
                values["secret_encrypted"] = sealed
            changed = connection.execute(
                update(ROBOTS)
                .where(ROBOTS.c.id == found["id"])
                .values(**values)
                .returning(*ROBOTS.c)
            )
            return _robot(changed.mappings().one()), False

    def get(self, robot_id: int) -> Robot | None:
        with self._engine.connect() as connection:
            row = connection.execute(select(ROBOTS).where(ROBOTS.c.id == robot_id)).mappings()
            found = row.first()
        return None if found is None else _robot(found)

    def all(self) -> list[Robot]:
        """Every robot, by id."""
        with self._engine.connect() as connection:
            rows = connection.execute(select(ROBOTS).order_by(ROBOTS.c.id)).mappings().all()
        return [_robot(r) for r in rows]

    def by_ids(self, ids: set[int]) -> dict[int, Robot]:
        if not ids:
            return {}
        statement = select(ROBOTS).where(ROBOTS.c.id.in_(sorted(ids)))
        with self._engine.connect() as connection:
            return {r["id"]: _robot(r) for r in connection.execute(statement).mappings()}

    def paused(self) -> list[Robot]:
        """The robots paused after failing, with an active subscription (shown on /healthz)."""
        active = select(SUBSCRIPTIONS.c.robot_id).where(SUBSCRIPTIONS.c.unsubscribed_at.is_(None))
        statement = (
            select(ROBOTS)
            .where(ROBOTS.c.paused_at.is_not(None), ROBOTS.c.id.in_(active))
            .order_by(ROBOTS.c.id)
        )
        with self._engine.connect() as connection:
            return [_robot(r) for r in connection.execute(statement).mappings()]

    def webhook(self, robot_id: int) -> Webhook | None:
        """The robot's webhook, decrypted; None for an unknown robot. UnreadableWebhookError
        when it was sealed under another installation key."""
        statement = select(ROBOTS).where(ROBOTS.c.id == robot_id)
        with self._engine.connect() as connection:
            row = connection.execute(statement).mappings().first()
        if row is None:
            return None
        try:
            url = self._sealer.unseal(row["url_encrypted"])
            secret = row["secret_encrypted"]
            return Webhook(row["channel"], url, self._sealer.unseal(secret) if secret else None)
        except ValueError:
            raise UnreadableWebhookError(
                f"robot {robot_id} ({row['label']}): its webhook was stored under another "
                "secret key (CALENDAR_SECRET_KEY changed); add the robot again with its URL"
            ) from None

    def take_budget(self, robot_id: int, now: dt.datetime, per_minute: int) -> dt.timedelta | None:
        """Spend one message of the robot's budget (`per_minute` in any minute, shared by every
        daemon: one UPDATE, so two cannot both take the last one). None when taken, else how
        long until the budget has room again."""
        start = ROBOTS.c.budget_start
        fresh = start.is_(None) | (start <= now - BUDGET_WINDOW)
        statement = (
            update(ROBOTS)
            .where(ROBOTS.c.id == robot_id, fresh | (ROBOTS.c.budget_used < per_minute))
            .values(
                budget_start=case((fresh, _moment(now)), else_=start),
                budget_used=case((fresh, 1), else_=ROBOTS.c.budget_used + 1),
            )
        )
        with write_transaction(self._engine) as connection:
            if connection.execute(statement).rowcount:
                return None
            began = connection.scalars(select(start).where(ROBOTS.c.id == robot_id)).first()
        if began is None:
            return BUDGET_WINDOW
        wait: dt.timedelta = began + BUDGET_WINDOW - now
        return max(wait, dt.timedelta(seconds=1))

    def delivered(self, robot_id: int) -> None:
        """A message went through: the failures in a row start again from none."""
        statement = (
            update(ROBOTS)
            .where(ROBOTS.c.id == robot_id, ROBOTS.c.failures > 0)
            .values(failures=0, last_error=None)
        )
        with write_transaction(self._engine) as connection:
            connection.execute(statement)

    def failed(self, robot_id: int, error: str, now: dt.datetime) -> Robot | None:
        """A delivery failed: counted, and the robot paused at PAUSE_AFTER in a row. The robot
        as it is now (None if unknown)."""
        failures = ROBOTS.c.failures + 1
        statement = (
            update(ROBOTS)
            .where(ROBOTS.c.id == robot_id)
            .values(
                failures=failures,
                last_error=error[:ERROR_KEPT],
                paused_at=case(
                    (ROBOTS.c.paused_at.is_not(None), ROBOTS.c.paused_at),
                    (failures >= PAUSE_AFTER, _moment(now)),
                    else_=None,
                ),
            )
            .returning(*ROBOTS.c)
        )
        with write_transaction(self._engine) as connection:
            row = connection.execute(statement).mappings().first()
        return None if row is None else _robot(row)

    def resume(self, robot_id: int) -> Robot | None:
        """Take a paused robot back into service; None if unknown."""
        statement = (
            update(ROBOTS)
            .where(ROBOTS.c.id == robot_id)
            .values(paused_at=None, failures=0)
            .returning(*ROBOTS.c)
        )
        with write_transaction(self._engine) as connection:
            row = connection.execute(statement).mappings().first()
        return None if row is None else _robot(row)

    def subscribed_stores(self, robot_id: int) -> list[str]:
        """The stores the robot has an active subscription to."""
        statement = (
            select(SUBSCRIPTIONS.c.store_id)
            .where(SUBSCRIPTIONS.c.robot_id == robot_id, SUBSCRIPTIONS.c.unsubscribed_at.is_(None))
            .order_by(SUBSCRIPTIONS.c.store_id)
        )
        with self._engine.connect() as connection:
            return list(connection.scalars(statement))

    def count(self) -> int:
        with self._engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(ROBOTS)) or 0


def _moment(now: dt.datetime) -> BindParameter[dt.datetime]:
    """`now` as a value of the tables' time type: inside a CASE it would otherwise miss the
    column's conversion to UTC (and be stored in its own zone's wall-clock time on SQLite)."""
    return literal(now, ROBOTS.c.paused_at.type)


def _robot(row: Mapping[Any, Any]) -> Robot:
    return Robot(
        id=row["id"],
        channel=row["channel"],
        label=row["label"],
        created_at=row["created_at"],
        failures=row["failures"],
        last_error=row["last_error"],
        paused_at=row["paused_at"],
    )
