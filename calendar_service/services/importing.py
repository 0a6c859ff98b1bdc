"""Use case: import store and product files, all or nothing per file unless told to skip.

A file is read, checked and written a batch at a time, inside one transaction: memory does not
grow with the file, and a file that turns out bad anywhere is rolled back whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.importing import (
    Batch,
    ReadLimits,
    RowError,
    Source,
    parse_source,
)
from calendar_service.adapters.importing.checking import MAX_ERRORS
from calendar_service.adapters.importing.reading import open_reading
from calendar_service.adapters.importing.tables import ReadError
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.settings import Settings


class SnapshotBatches(Protocol):
    def add(
        self, stores: Sequence[StoreSnapshot], products: Sequence[ProductSnapshot]
    ) -> tuple[int, int]: ...

    def discard(self) -> None: ...


class SnapshotWriter(Protocol):
    def add_snapshots(
        self,
        stores: Sequence[StoreSnapshot],
        products: Sequence[ProductSnapshot],
        source: str,
        imported_at: dt.datetime,
    ) -> tuple[int, int]: ...

    def snapshot_batches(
        self, source: str, imported_at: dt.datetime
    ) -> AbstractContextManager[SnapshotBatches]: ...

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
    rows_rejected: int = 0  # rows, not lines: a JSON file may hold every row on one line

    @property
    def skipped(self) -> int:
        return self.rows_rejected if not self.rejected else 0


@dataclass(frozen=True)
class ImportOptions:
    """How files are read: the time zone of their dates, `now`, the size limits."""

    tz: ZoneInfo
    now: dt.datetime
    skip_invalid: bool = False
    progress: bool = False
    limits: ReadLimits | None = None
    json_only: bool = False  # the API takes JSON only


def read_limits(settings: Settings) -> ReadLimits:
    """The import size limits of the settings."""
    return ReadLimits(settings.import_max_bytes, settings.import_max_json_bytes)


def import_files(
    paths: Sequence[Path],
    writer: SnapshotWriter,
    tz: ZoneInfo,
    now: dt.datetime,
    skip_invalid: bool = False,
    progress: bool = False,
    limits: ReadLimits | None = None,
) -> list[FileOutcome]:
    """Import every file, each in its own transaction: store files before products.

    A file with any bad row is rejected whole (nothing of it written) unless `skip_invalid`,
    which writes the good rows and reports the rest. A product whose store is neither in the
    database nor in the store files of this run is a bad row.
    """
    options = ImportOptions(tz, now, skip_invalid, progress, limits)
    order = list(range(len(paths)))
    if len(paths) > 1:  # reading a header costs a pass over a CSV's bytes (its encoding)
        order.sort(key=lambda i: _is_products(paths[i], limits))
    known = set(writer.store_ids())
    outcomes: dict[int, FileOutcome] = {}
    for i in order:
        path = paths[i]
        outcomes[i] = import_source(path, str(path), path.name, writer, known, options)
    return [outcomes[i] for i in range(len(paths))]


def _is_products(path: Path, limits: ReadLimits | None) -> bool:
    """Whether the file holds products only (read as far as its header)."""
    from calendar_service.adapters.importing.headers import kind_of  # noqa: PLC0415

    try:
        with open_reading(path, str(path), limits) as reading:
            tables = reading.tables
            return all((t.section or kind_of(t.header)) == "products" for t in tables)
    except (OSError, ReadError):
        return False  # its import says what is wrong


def import_source(
    source: Source,
    name: str,
    label: str,
    writer: SnapshotWriter,
    known: set[str],
    options: ImportOptions,
) -> FileOutcome:
    """Import one file (a path or its bytes, called `name` in messages, `label` in the
    database); `known` holds the stores in the database, and gains this file's."""
    outcome = FileOutcome(Path(name), "stores", 0)
    stores_seen: set[str] = set()
    with writer.snapshot_batches(label, options.now) as batches:

        def write(batch: Batch) -> None:
            stores_seen.update(s.store_id for s in batch.stores)
            products = _known_products(batch, known | stores_seen, name, outcome)
            if (batch.clean and not outcome.errors) or options.skip_invalid:
                added = batches.add(batch.stores, products)
                outcome.stores_added += added[0]
                outcome.products_added += added[1]

        parsed = parse_source(
            source,
            name,
            tz=options.tz,
            now=options.now,
            on_batch=write,
            limits=options.limits,
            json_only=options.json_only,
            progress=options.progress,
        )
        outcome.kind, outcome.rows_total = parsed.kind, parsed.rows_total
        outcome.errors = _merged(parsed.errors, outcome.errors, parsed.errors_omitted)
        outcome.warnings = list(parsed.warnings)
        outcome.rows_rejected += parsed.rows_rejected
        if outcome.errors and (not parsed.readable or not options.skip_invalid):
            batches.discard()
            outcome.rejected = True
            outcome.stores_added = outcome.products_added = 0
    if not outcome.rejected:
        known |= stores_seen
    return outcome


def _merged(parsed: Sequence[RowError], found: Sequence[RowError], omitted: int) -> list[RowError]:
    """The problems of parsing and of the store check in line order, at most MAX_ERRORS."""
    listed = sorted([*parsed, *found], key=lambda e: (e.line, e.column))
    omitted += max(0, len(listed) - MAX_ERRORS)
    listed = listed[:MAX_ERRORS]
    if omitted and listed:
        more = f"{omitted} more problems are not listed; fix the ones above first"
        listed.append(RowError(listed[0].file, 0, "file", more))
    return listed


def _known_products(
    batch: Batch, known: set[str], name: str, outcome: FileOutcome
) -> list[ProductSnapshot]:
    """The batch's products whose store is known; the others are bad rows."""
    kept: list[ProductSnapshot] = []
    for product, line in zip(batch.products, batch.product_lines, strict=True):
        if product.store_id in known:
            kept.append(product)
            continue
        outcome.rows_rejected += 1
        if len(outcome.errors) >= MAX_ERRORS:
            continue  # counted in rows_rejected; enough are listed
        outcome.errors.append(
            RowError(
                name,
                line,
                "store_id",
                f"no store {product.store_id!r}: import the store's file first, or fix the ID",
            )
        )
    return kept
