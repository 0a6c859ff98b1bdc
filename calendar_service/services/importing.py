"""Use case: import store and product files, all or nothing per file unless told to skip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.importing import ParsedFile, RowError, parse_file
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot


class SnapshotWriter(Protocol):
    def add_snapshots(
        self,
        stores: Sequence[StoreSnapshot],
        products: Sequence[ProductSnapshot],
        source: str,
        imported_at: dt.datetime,
    ) -> tuple[int, int]: ...

    def store_ids(self) -> list[str]: ...


@dataclass
class FileOutcome:
    """What became of one file: rows added, or why it was rejected."""

    path: Path
    kind: str
    rows_total: int
    stores_added: int = 0
    products_added: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejected: bool = False

    @property
    def skipped(self) -> int:
        return len({e.line for e in self.errors}) if not self.rejected else 0


def import_files(
    paths: Sequence[Path],
    writer: SnapshotWriter,
    tz: ZoneInfo,
    now: dt.datetime,
    skip_invalid: bool = False,
    progress: bool = False,
) -> list[FileOutcome]:
    """Parse every file, then write each in its own transaction: store files before products.

    A file with any bad row is rejected whole (nothing of it written) unless `skip_invalid`,
    which writes the good rows and reports the rest. A product whose store is neither in the
    database nor in the store files of this run is a bad row.
    """
    parsed = [parse_file(p, tz=tz, now=now, progress=progress) for p in paths]
    order = sorted(range(len(parsed)), key=lambda i: parsed[i].kind == "products")
    known = set(writer.store_ids())
    outcomes: dict[int, FileOutcome] = {}
    for i in order:
        outcomes[i] = _import_one(parsed[i], writer, known, now, skip_invalid)
    return [outcomes[i] for i in range(len(parsed))]


def _import_one(
    parsed: ParsedFile,
    writer: SnapshotWriter,
    known: set[str],
    now: dt.datetime,
    skip_invalid: bool,
) -> FileOutcome:
    outcome = FileOutcome(
        parsed.path,
        parsed.kind,
        parsed.rows_total,
        errors=list(parsed.errors),
        warnings=list(parsed.warnings),
    )
    batch_stores = {s.store_id for s in parsed.stores}
    products: list[ProductSnapshot] = []
    for product, line in zip(parsed.products, parsed.product_lines, strict=True):
        if product.store_id in known or product.store_id in batch_stores:
            products.append(product)
        else:
            outcome.errors.append(
                RowError(
                    str(parsed.path),
                    line,
                    "store_id",
                    f"no store {product.store_id!r}: import the store's file first, or fix the ID",
                )
            )
    outcome.errors.sort(key=lambda e: (e.line, e.column))
    fatal = any(e.line == 0 for e in outcome.errors)  # the file as a whole could not be read
    if outcome.errors and (fatal or not skip_invalid):
        outcome.rejected = True
        return outcome
    added = writer.add_snapshots(parsed.stores, products, parsed.path.name, now)
    outcome.stores_added, outcome.products_added = added
    known |= batch_stores
    return outcome
