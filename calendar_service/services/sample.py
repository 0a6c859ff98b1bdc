"""Use case: load the sample data into an empty database, its dates moved up to yesterday.

The sample files carry fixed dates; moved as a whole, the newest snapshot is always one day old,
so `make run` shows fresh and stale stores alike whatever the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from calendar_service.adapters.importing import parse_file
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.errors import UserError
from calendar_service.services.importing import SnapshotWriter

Snapshot = TypeVar("Snapshot", StoreSnapshot, ProductSnapshot)
DATE_FIELDS = ("member_since", "listed_at")


def load_sample(directory: Path, writer: SnapshotWriter, tz: ZoneInfo, now: dt.datetime) -> int:
    """Import every file of the sample directory, dates shifted; return the stores added.

    Does nothing when the database already has stores.
    """
    if writer.store_ids():
        return 0
    files = sorted(directory.glob("*.csv")) + sorted(directory.glob("*.json"))
    # The sample is parsed as of its own time: its dates are not in the future there.
    as_of = dt.datetime(9000, 1, 1, tzinfo=tz)
    parsed = [parse_file(p, tz=tz, now=as_of) for p in files]
    problems = [str(e) for p in parsed for e in p.errors]
    if problems:
        raise UserError("the sample data is not valid:\n  " + "\n  ".join(problems[:20]))
    stores = [s for p in parsed for s in p.stores]
    products = [s for p in parsed for s in p.products]
    if not stores:
        raise UserError(f"no sample store files in {directory}")
    newest = max(s.captured_at for s in stores).astimezone(tz).date()
    shift = now.astimezone(tz).date() - dt.timedelta(days=1) - newest
    added, _ = writer.add_snapshots(
        [_moved(s, shift) for s in stores], [_moved(p, shift) for p in products], "sample", now
    )
    return len({s.store_id for s in stores}) if added else 0


def _moved(snapshot: Snapshot, shift: dt.timedelta) -> Snapshot:
    changes: dict[str, object] = {"captured_at": snapshot.captured_at + shift}
    for name in DATE_FIELDS:
        value = getattr(snapshot, name, None)
        if value is not None:
            changes[name] = value + shift
    return dataclasses.replace(snapshot, **changes)  # type: ignore[arg-type]
