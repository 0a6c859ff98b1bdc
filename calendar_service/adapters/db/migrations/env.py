"""Alembic's environment: runs on the connection `schema.py` hands it, inside its transaction."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from calendar_service.adapters.db.tables import METADATA

config = context.config
connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "the migrations run through calendar_service.adapters.db.schema "
        "(calendar-service db upgrade), which passes the connection"
    )
context.configure(
    connection=connection,
    target_metadata=METADATA,
    render_as_batch=True,  # SQLite alters a table by rebuilding it
    compare_type=True,
    compare_server_default=True,
)
with context.begin_transaction():
    context.run_migrations()
