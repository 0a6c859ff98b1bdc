"""Alembic's environment: runs on the connection `schema.py` hands it, inside its transaction."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection

from calendar_service.adapters.db.tables import METADATA
from calendar_service.adapters.db.types import ExactDecimal, UTCDateTime


def render_item(kind: str, item: Any, autogen: AutogenContext) -> str | Literal[False]:
    """Drafts write the project's column types by name, with their import."""
    if kind == "type" and isinstance(item, ExactDecimal | UTCDateTime):
        name = type(item).__name__
        autogen.imports.add(f"from calendar_service.adapters.db.types import {name}")
        return f"{name}()"
    return False


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
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
