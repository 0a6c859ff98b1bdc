"""What the planning tests on a database share: the shipped catalog, the instant they plan at,
and stores to subscribe to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.db import Repository
from calendar_service.domain.snapshots import StoreSnapshot
from tests.times import CST

SHIPPED = load_catalog(Path(__file__).resolve().parent.parent / "data" / "activities.toml")
PLANNED_AT = dt.datetime(2026, 8, 1, 10, tzinfo=CST)


def add_stores(repository: Repository, *ids: str) -> None:
    """Stores `ids`, each with a snapshot captured the day before PLANNED_AT."""
    day_before = PLANNED_AT - dt.timedelta(days=1)
    repository.add_snapshots([StoreSnapshot(i, day_before) for i in ids], [], "t.csv", PLANNED_AT)
