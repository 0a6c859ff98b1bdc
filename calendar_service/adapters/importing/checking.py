"""Rows to snapshots: check every row of a file and collect every problem, never the first only.

Each column's parser is chosen once per file; a row is then one pass over the known columns.
Beyond the cells themselves a row is checked for its required figures (store_id and
captured_at; product_id too in a product file), a captured_at in the future (more than
`CLOCK_SKEW` after `now`), a member_since or listed_at after captured_at, a key
(store_id or product_id, with captured_at) already on an earlier line, and, in a CSV, fewer
cells than the header has columns (a row cut short: its last cell may be cut too, 8000 read 80).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.importing import choices, dates, numbers, units, values
from calendar_service.adapters.importing.full_reduction import parse_full_reduction
from calendar_service.adapters.importing.headers import (
    REQUIRED,
    SPECS,
    Column,
    Kind,
    ValueKind,
    map_header,
)
from calendar_service.adapters.importing.results import Batch, FileKind, ParsedFile, RowError
from calendar_service.adapters.importing.tables import Row, Table
from calendar_service.adapters.importing.values import (
    FORMULA_START,
    CellError,
    Parser,
    is_blank,
    is_formula_like,
    quote,
)
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot

CLOCK_SKEW = dt.timedelta(minutes=5)
MAX_ERRORS = 1_000  # problems listed; beyond, they are counted
_FIXED: dict[ValueKind, Parser] = {
    ValueKind.ID: values.parse_id,
    ValueKind.TEXT: values.parse_text,
    ValueKind.EMAIL: values.parse_email,
    ValueKind.MEDAL: choices.parse_medal,
    ValueKind.BOOL: choices.parse_bool,
    ValueKind.SHIPPING: choices.parse_shipping,
    ValueKind.COUNT: numbers.parse_count,
    ValueKind.MONEY: numbers.parse_money,
    ValueKind.RATE: numbers.parse_rate,
    ValueKind.DISCOUNT: numbers.parse_discount,
    ValueKind.FULL_REDUCTION: parse_full_reduction,
}
_TEXTUAL = frozenset({ValueKind.ID, ValueKind.TEXT, ValueKind.EMAIL})
_NEEDED = {
    "store_id": "write the store's ID (店铺ID)",
    "product_id": "write the product's ID (商品ID)",
    "captured_at": "write when the data was taken, e.g. 2026-11-20 14:30",
}


def parser_for(column: Column, tz: ZoneInfo, unit: str = "") -> Parser:
    """The cell parser of a column, reading bare numbers in its header's `unit`."""
    if unit:
        return units.with_unit(column, unit, parser_for(column, tz))
    if column.kind is ValueKind.DATETIME:
        return dates.datetime_parser(tz)
    if column.kind is ValueKind.DATE:
        return dates.date_parser(tz)
    if column.kind is ValueKind.NUMBER:
        return numbers.number_parser(column.maximum)
    return _FIXED[column.kind]


def _letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _blank_row(cells: tuple[values.Cell, ...]) -> bool:
    first = cells[0] if cells else None
    if type(first) is str and first and not first.isspace():
        return False  # the common case, without a generator
    return all(cell is None or (type(cell) is str and not cell.strip()) for cell in cells)


class Sink:
    """Everything found in one file so far; valid snapshots go on in batches."""

    def __init__(
        self,
        name: str,
        tz: ZoneInfo,
        now: dt.datetime,
        on_batch: Callable[[Batch], None],
        batch_rows: int,
    ) -> None:
        self.name, self.tz, self.now = name, tz, now
        self.on_batch, self.batch_rows = on_batch, batch_rows
        self.errors: list[RowError] = []
        self.omitted = 0  # errors beyond MAX_ERRORS
        self.warnings: list[str] = []
        self.stores: list[StoreSnapshot] = []
        self.products: list[ProductSnapshot] = []
        self.product_lines: list[int] = []
        self.kinds: list[Kind] = []
        self.rows_total = 0
        self.rows_rejected = 0
        self.readable = True
        # Keys by their hash, not themselves: a million keys fit in tens of MB. Two different
        # keys sharing a 64-bit hash (odds about 1 in 10^7 for 10^6 rows) would be reported
        # as a repeat.
        self.seen: dict[int, int | str] = {}
        self.formulas: dict[str, tuple[int, list[int]]] = {}  # count, first lines
        self.unnamed: dict[int, int] = {}  # position -> first line with a value there

    def error(self, line: int, column: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(self.name, line, column, message))
        else:
            self.omitted += 1

    def fail(self, line: int, message: str) -> None:
        """The file cannot be read (on): nothing of it may be written."""
        self.readable = False
        self.error(line, "file", message)

    def flush(self) -> None:
        if self.stores or self.products:
            clean = not self.errors and self.readable
            self.on_batch(Batch(self.stores, self.products, self.product_lines, clean))
            self.stores, self.products, self.product_lines = [], [], []

    def result(self, path: Path) -> ParsedFile:
        for column, (count, lines) in self.formulas.items():
            shown = ", ".join(map(str, lines)) + (", …" if count > len(lines) else "")
            self.warnings.append(
                f"{self.name}:{lines[0]}: {column}: {count} cell(s) start with =, +, -, @ "
                f"or a tab (line {shown}); kept as typed, and exports escape them"
            )
        kinds = set(self.kinds)
        kind: FileKind = "mixed" if len(kinds) > 1 else next(iter(kinds), "stores")
        return ParsedFile(
            path,
            kind,
            (),
            (),
            tuple(self.errors),
            tuple(self.warnings),
            self.rows_total,
            rows_rejected=self.rows_rejected,
            errors_omitted=self.omitted,
            readable=self.readable,
        )

    def _header(self, table: Table, kind: Kind) -> list[tuple[int, str, Parser, bool]] | None:
        """The parse plan of the table's columns, or None when the file cannot be parsed."""
        found = map_header(table.header, kind)
        line = table.header_line

        def named(position: int, header: str) -> str:
            where = f" (column {_letter(position)})" if table.lettered else ""
            return quote(header) + where

        for column, places in found.duplicates:
            listing = ", ".join(named(p, h) for p, h in places)
            self.error(
                line, column.name, f"the column is given more than once: {listing}; keep one"
            )
        if found.unknown:
            listing = ", ".join(named(p, h) for p, h in found.unknown)
            known = ", ".join(c.name for c in SPECS[kind])
            self.warnings.append(
                f"{self.name}:{line}: header: unknown columns are ignored: {listing}; "
                f"the {kind[:-1]} columns are {known}"
            )
        self.unnamed.update((p, 0) for p in found.unnamed)
        if found.missing:
            missing = ", ".join(c.name for c in found.missing)
            plural = "s" if len(found.missing) > 1 else ""
            needed = ", ".join(c.described() for c in SPECS[kind] if c.name in REQUIRED[kind])
            self.error(
                line,
                "header",
                f"missing required column{plural} {missing}; a {kind[:-1]} file needs {needed}",
            )
            return None
        given = dict(found.units)
        bad = False
        for position, column in found.columns:
            problem = units.unit_problem(column, given.get(position, ""))
            if problem is not None:
                bad = True
                self.error(
                    line, column.name, f"{named(position, table.header[position])}: {problem}"
                )
        if bad:
            return None
        return [
            (p, c.name, parser_for(c, self.tz, given.get(p, "")), c.kind in _TEXTUAL)
            for p, c in found.columns
        ]

    def table(self, table: Table, kind: Kind, bar: Progress) -> None:
        self.kinds.append(kind)
        plan = self._header(table, kind)
        if plan is None:
            self.readable = False  # no row can be read without its required columns
        width = len(table.header)
        named = max((i + 1 for i, h in enumerate(table.header) if h.strip()), default=0)
        shown = 0
        for row in table.rows:
            if row.problem is not None:
                self.rows_total += 1
                self.rows_rejected += 1
                self.error(row.line, row.problem.column, row.problem.message)
            elif not _blank_row(row.cells):
                self.rows_total += 1
                if plan is not None:
                    short = named if table.fixed_width else 0
                    self._row(row, kind, plan, width, short)
            if len(self.stores) + len(self.products) >= self.batch_rows:
                self.flush()
            shown += 1
            if shown == 1024:
                bar.update(shown)
                shown = 0
        bar.update(shown)
        for position, line in sorted(self.unnamed.items()):
            if line:
                self.warnings.append(
                    f"{self.name}:{line}: header: column {_letter(position)} "
                    "has no header; its cells are ignored"
                )
        self.unnamed.clear()

    def _row(
        self,
        row: Row,
        kind: Kind,
        plan: list[tuple[int, str, Parser, bool]],
        width: int,
        needed: int,
    ) -> None:
        cells, line = row.cells, row.line
        at = f" ({row.item})" if row.item else ""
        fields: dict[str, Any] = {}
        failed: list[str] = []
        size = len(cells)
        for position, field, parser, textual in plan:
            cell = cells[position] if position < size else None
            if cell is None or cell == "":
                continue
            try:
                value = parser(cell)
            except CellError as problem:
                self.error(line, field, problem.message + at)
                failed.append(field)
                continue
            if value is not None:
                fields[field] = value
                if textual and (value.startswith(FORMULA_START) or is_formula_like(cell)):
                    count, lines = self.formulas.get(field, (0, []))
                    self.formulas[field] = (count + 1, lines if count >= 5 else [*lines, line])
        if size < needed:
            failed.append("row")
            self.error(
                line,
                "row",
                f"has {size} cells but the header has {needed} columns: the row is cut short "
                "(or a separator is missing); complete the row, or export the file again",
            )
        elif size > width and not all(is_blank(c) for c in cells[width:]):
            failed.append("row")
            self.error(
                line,
                "row",
                f"has {size} cells but the header has {width} columns; "
                "quote a cell that holds the separator, or remove the extra cells",
            )
        for position, first in self.unnamed.items():
            if not first and position < size and not is_blank(cells[position]):
                self.unnamed[position] = line
        self._check(row, kind, fields, failed, at)

    def _check(
        self, row: Row, kind: Kind, fields: dict[str, Any], failed: list[str], at: str
    ) -> None:
        line = row.line
        for name in REQUIRED[kind]:
            if name not in fields and name not in failed:
                failed.append(name)
                self.error(line, name, f"is required; {_NEEDED[name]}{at}")
        captured: dt.datetime | None = fields.get("captured_at")
        if captured is not None:
            if captured > self.now + CLOCK_SKEW:
                now = self.now.astimezone(self.tz)
                failed.append("captured_at")
                self.error(
                    line,
                    "captured_at",
                    f"{captured:%Y-%m-%d %H:%M} is in the future "
                    f"(now is {now:%Y-%m-%d %H:%M}); write when the data was taken{at}",
                )
            for name, what in (("member_since", "membership"), ("listed_at", "the listing")):
                start: dt.date | None = fields.get(name)
                if start is not None and start > captured.date():
                    failed.append(name)
                    self.error(
                        line,
                        name,
                        f"{start} is after captured_at {captured.date()}; "
                        f"{what} cannot start after the data was taken{at}",
                    )
        id_field = "store_id" if kind == "stores" else "product_id"
        if id_field in fields and "captured_at" in fields and "captured_at" not in failed:
            key = hash((kind, fields[id_field], fields["captured_at"]))
            first = self.seen.get(key)
            if first is None:
                self.seen[key] = f"{line}{at}" if at else line
            else:
                failed.append(id_field)
                self.error(
                    line,
                    id_field,
                    f"{kind[:-1]} {quote(fields[id_field])} at "
                    f"{fields['captured_at']:%Y-%m-%d %H:%M} is already on line {first}; "
                    f"keep one row per {id_field} and captured_at{at}",
                )
        if failed:
            self.rows_rejected += 1
            return
        if kind == "stores":
            self.stores.append(StoreSnapshot(**fields))
        else:
            self.products.append(ProductSnapshot(**fields))
            self.product_lines.append(line)


class Progress(Protocol):
    def update(self, rows: int) -> None: ...
