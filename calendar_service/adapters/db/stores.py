"""The guard for writes that name a store: it must already be in the database."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, select

from calendar_service.adapters.db.bulk import chunks
from calendar_service.adapters.db.tables import STORES
from calendar_service.errors import UnknownStoreError

__all__ = ["UnknownStoreError", "require_stores"]


def require_stores(
    connection: Connection,
    store_ids: set[str],
    what: str,
    examples: Mapping[str, str] | None = None,
) -> None:
    """UnknownStoreError, before anything is written, when a store id is not in the database.

    `what` starts the message ("product data names stores"); `examples` maps a store id to a
    product that names it, so the message can point at the offending rows.
    """
    known: set[str] = set()
    for chunk in chunks(sorted(store_ids)):
        statement = select(STORES.c.store_id).where(STORES.c.store_id.in_(chunk))
        known.update(connection.scalars(statement))
    missing = sorted(store_ids - known)
    if not missing:
        return
    shown = ", ".join(f"{s} (product {examples[s]})" if examples else s for s in missing[:5])
    if len(missing) > 5:
        shown += f" and {len(missing) - 5} more"
    raise UnknownStoreError(
        f"{what} the database does not know: {shown}; nothing was written. "
        "Import the store data first, or together with it"
    )
