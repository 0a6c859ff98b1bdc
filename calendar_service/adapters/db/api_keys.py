"""API keys of the agency's staff: shown once at creation, kept as a sha256, revocable by name."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select, update

from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.tables import API_KEYS
from calendar_service.adapters.db.types import require_aware
from calendar_service.errors import UserError

PREFIX = "cs_"  # tells a calendar-service key apart in a secrets scanner or a config file


@dataclass(frozen=True)
class ApiKey:
    """One key as the database knows it (never the key itself)."""

    id: int
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def key_hash(key: str) -> str:
    """What the database keeps of a key: its sha256, in hex."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeys:
    """Create, list, check and revoke API keys."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(self, name: str, now: dt.datetime) -> str:
        """A new key named `name`; UserError when an active key already has that name."""
        name = name.strip()
        if not name or len(name) > 100:
            raise UserError("give the key a name of 1-100 characters, e.g. the person or tool")
        key = PREFIX + secrets.token_urlsafe(32)
        row = {"name": name, "key_hash": key_hash(key), "created_at": require_aware(now, "now")}
        taken = select(API_KEYS.c.id).where(
            API_KEYS.c.name == name, API_KEYS.c.revoked_at.is_(None)
        )
        with write_transaction(self._engine) as connection:
            if connection.scalars(taken).first() is not None:
                raise UserError(
                    f"an active key is already named {name!r}; revoke it or pick another"
                )
            connection.execute(insert(API_KEYS), row)
        return key

    def listed(self) -> list[ApiKey]:
        """Every key, active and revoked, oldest first."""
        statement = select(API_KEYS).order_by(API_KEYS.c.created_at, API_KEYS.c.id)
        with self._engine.connect() as connection:
            return [_key(row) for row in connection.execute(statement).mappings()]

    def verify(self, key: str) -> ApiKey | None:
        """The active key matching `key`; None for unknown and revoked keys alike."""
        statement = select(API_KEYS).where(
            API_KEYS.c.key_hash == key_hash(key), API_KEYS.c.revoked_at.is_(None)
        )
        with self._engine.connect() as connection:
            row = connection.execute(statement).mappings().first()
        return None if row is None else _key(row)

    def active(self, key_id: int) -> ApiKey | None:
        """The key with this id if it is still active (a signed-in session re-checks it)."""
        statement = select(API_KEYS).where(API_KEYS.c.id == key_id, API_KEYS.c.revoked_at.is_(None))
        with self._engine.connect() as connection:
            row = connection.execute(statement).mappings().first()
        return None if row is None else _key(row)

    def revoke(self, name: str, now: dt.datetime) -> int:
        """Revoke the active keys named `name`; how many were."""
        statement = (
            update(API_KEYS)
            .where(API_KEYS.c.name == name.strip(), API_KEYS.c.revoked_at.is_(None))
            .values(revoked_at=require_aware(now, "now"))
        )
        with write_transaction(self._engine) as connection:
            return connection.execute(statement).rowcount


def _key(row: Mapping[Any, Any]) -> ApiKey:
    return ApiKey(row["id"], row["name"], row["created_at"], row["revoked_at"])
