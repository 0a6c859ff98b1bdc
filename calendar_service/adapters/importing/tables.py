"""What reading a file gives: tables of rows of cells, each row with its line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from calendar_service.adapters.importing.headers import Kind
from calendar_service.adapters.importing.values import Cell


class ReadError(Exception):
    """The file cannot be read (whole, or past `line`); `line` is 0 when no line is to blame."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class Note(NamedTuple):
    """A problem or remark found while reading, at a line and column."""

    line: int
    column: str
    message: str


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[Cell, ...]
    item: str | None = None  # JSON: "item 3"
    problem: Note | None = None  # JSON: not an object, a key given twice


@dataclass(frozen=True)
class Table:
    header_line: int
    header: tuple[str, ...]
    rows: Iterable[Row]  # read as they are parsed: a file's rows are never all in memory
    section: Kind | None = None  # JSON: the kind of the items (its key, or told by their keys)
    lettered: bool = True  # columns have spreadsheet letters (not JSON keys)
    fixed_width: bool = False  # CSV: every row has a cell for each column, or it is cut short


@dataclass(frozen=True)
class Reading:
    tables: tuple[Table, ...]
    warnings: tuple[Note, ...] = ()
