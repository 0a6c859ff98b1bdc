"""Persistence: SQLModel tables on SQLite (the embedded default) or PostgreSQL, same code for both.

Build the engine with `make_engine(url)`, then `check_connection` and `create_schema` (the
schema's migrations, schema.py) at start;
`Repository(engine)` takes and returns the domain values. Nothing connects at import.
"""

from calendar_service.adapters.db.engine import (
    SETTING,
    check_connection,
    make_engine,
    write_transaction,
)
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.schema import create_schema
from calendar_service.adapters.db.stores import UnknownStoreError
from calendar_service.adapters.db.subscribers import feed_token_hash, normalize_email

__all__ = [
    "SETTING",
    "Repository",
    "UnknownStoreError",
    "check_connection",
    "create_schema",
    "feed_token_hash",
    "make_engine",
    "normalize_email",
    "write_transaction",
]
