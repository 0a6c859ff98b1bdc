"""Dashboard sessions kept in the database: a random id in the cookie, its sha256 in a row."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import Engine, delete, insert, select

from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.tables import API_KEYS, DASHBOARD_SESSIONS
from calendar_service.adapters.db.types import require_aware


def session_hash(session_id: str) -> str:
    """What the database keeps of a session id: its sha256, in hex."""
    return hashlib.sha256(session_id.encode()).hexdigest()


class DashboardSessions:
    """Open, find and end sessions; a session lives while its row and its API key do."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def open(self, api_key_id: int, now: dt.datetime, lifetime: dt.timedelta) -> str:
        """A new session for the key; the id goes in the cookie and nowhere else."""
        session_id = secrets.token_urlsafe(32)
        now = require_aware(now, "now")
        row = {
            "id_hash": session_hash(session_id),
            "api_key_id": api_key_id,
            "created_at": now,
            "expires_at": now + lifetime,
        }
        with write_transaction(self._engine) as connection:
            # Expired rows go when a new session opens: the table never grows past the live ones.
            connection.execute(
                delete(DASHBOARD_SESSIONS).where(DASHBOARD_SESSIONS.c.expires_at <= now)
            )
            connection.execute(insert(DASHBOARD_SESSIONS), row)
        return session_id

    def key_of(self, session_id: str, now: dt.datetime) -> tuple[int, str] | None:
        """The (id, name) of the active API key behind a live session; None otherwise."""
        statement = (
            select(API_KEYS.c.id, API_KEYS.c.name)
            .join(DASHBOARD_SESSIONS, DASHBOARD_SESSIONS.c.api_key_id == API_KEYS.c.id)
            .where(
                DASHBOARD_SESSIONS.c.id_hash == session_hash(session_id),
                DASHBOARD_SESSIONS.c.expires_at > require_aware(now, "now"),
                API_KEYS.c.revoked_at.is_(None),
            )
        )
        with self._engine.connect() as connection:
            row = connection.execute(statement).first()
        return None if row is None else (int(row[0]), str(row[1]))

    def end(self, session_id: str) -> None:
        """Sign out: the row goes, so a copy of the cookie opens nothing any more."""
        statement = delete(DASHBOARD_SESSIONS).where(
            DASHBOARD_SESSIONS.c.id_hash == session_hash(session_id)
        )
        with write_transaction(self._engine) as connection:
            connection.execute(statement)
