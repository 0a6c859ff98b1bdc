"""The file importer's entry: a file (a path or its bytes) read, checked and handed on in batches.

`parse_source` streams: valid snapshots go to a callback a batch at a time, so a file of any
size is parsed in bounded memory; `parse_file` and `parse_bytes` keep them all, for small files.
The checks of each row are in `checking.py`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tqdm import tqdm

from calendar_service.adapters.importing.checking import Sink
from calendar_service.adapters.importing.headers import kind_of
from calendar_service.adapters.importing.reading import ReadLimits, Source, open_reading
from calendar_service.adapters.importing.results import Batch, ParsedFile
from calendar_service.adapters.importing.tables import ReadError

BATCH_ROWS = 5_000  # snapshots handed on at once: memory stays bounded, round trips few
PROGRESS_MIN_ROWS = 5_000


def parse_file(path: Path, *, tz: ZoneInfo, now: dt.datetime, progress: bool = False) -> ParsedFile:
    """Parse a store or product file (CSV, XLSX or JSON); problems are returned, never raised."""
    return _collected(path, str(path), tz, now, progress)


def parse_bytes(
    data: bytes, name: str, *, tz: ZoneInfo, now: dt.datetime, progress: bool = False
) -> ParsedFile:
    """Parse the content of a file called `name` (used in messages and to tell the format)."""
    return _collected(data, name, tz, now, progress)


def _collected(
    source: Source, name: str, tz: ZoneInfo, now: dt.datetime, progress: bool
) -> ParsedFile:
    """The file parsed with every valid snapshot kept in the result (small files, tests)."""
    batches: list[Batch] = []
    parsed = parse_source(source, name, tz=tz, now=now, on_batch=batches.append, progress=progress)
    return replace(
        parsed,
        stores=tuple(s for b in batches for s in b.stores),
        products=tuple(p for b in batches for p in b.products),
        product_lines=tuple(n for b in batches for n in b.product_lines),
    )


def parse_source(
    source: Source,
    name: str,
    *,
    tz: ZoneInfo,
    now: dt.datetime,
    on_batch: Callable[[Batch], None],
    limits: ReadLimits | None = None,
    json_only: bool = False,
    progress: bool = False,
    batch_rows: int = BATCH_ROWS,
) -> ParsedFile:
    """Parse a file (a path, or its bytes), handing its valid snapshots to `on_batch` a batch
    at a time as they are read; the result holds the problems, not the snapshots."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    sink = Sink(name, tz, now, on_batch, batch_rows)
    try:
        with open_reading(source, name, limits, json_only=json_only) as reading:
            sink.warnings.extend(
                f"{name}:{n.line}: {n.column}: {n.message}" for n in reading.warnings
            )
            with _Progress(name, progress) as bar:
                for table in reading.tables:
                    sink.table(table, table.section or kind_of(table.header), bar)
            if sink.rows_total == 0 and not sink.errors:
                line = reading.tables[0].header_line
                sink.error(
                    line, "file", "there is a header but no rows; add one row per store or product"
                )
    except OSError as error:
        reason = error.strerror or type(error).__name__
        sink.fail(0, f"the file cannot be opened ({reason}); check the path")
    except ReadError as failure:
        sink.fail(failure.line, failure.message)
    else:
        sink.flush()
    return sink.result(Path(name))


class _Progress:
    """Rows read, on stderr, once a file has shown itself large; its size in rows is unknown."""

    def __init__(self, name: str, on: bool) -> None:
        self.name, self.on, self.count = name, on, 0
        self.bar: tqdm[Any] | None = None

    def update(self, rows: int) -> None:
        self.count += rows
        if self.bar is not None:
            self.bar.update(rows)
        elif self.on and self.count >= PROGRESS_MIN_ROWS:
            self.bar = tqdm(initial=self.count, file=sys.stderr, unit="row", desc=self.name)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.close()
