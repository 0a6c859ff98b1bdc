"""What parsing a file gives: the snapshots, and every problem with its file, line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot

FileKind = Literal["stores", "products", "mixed"]


@dataclass(frozen=True)
class RowError:
    """One problem: `FILE:LINE: column: message` (line 0: the file as a whole)."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


@dataclass(frozen=True)
class ParsedFile:
    """One file parsed: its snapshots, or the errors that reject it (all of them, not the first).

    `kind` is `mixed` only for a JSON file with both "stores" and "products"; a file that
    cannot be read at all is `stores`, with its error, and not `readable`. Any error means the
    file is rejected whole; `stores` and `products` then hold only the rows that were valid
    (`parse_source` leaves them empty: it handed them on in batches).
    """

    path: Path
    kind: FileKind
    stores: tuple[StoreSnapshot, ...]
    products: tuple[ProductSnapshot, ...]
    errors: tuple[RowError, ...]
    warnings: tuple[str, ...]
    rows_total: int
    product_lines: tuple[int, ...] = ()  # the line of each product, for errors found later
    rows_rejected: int = 0  # rows with a problem (not lines: a JSON file may be one line)
    errors_omitted: int = 0  # problems found beyond those listed
    readable: bool = True  # False: the file (or its header) could not be read, none of it counts

    @property
    def ok(self) -> bool:
        """Whether the file has no errors and can be imported."""
        return not self.errors


@dataclass
class Batch:
    """Valid snapshots read so far, handed on to be written; `clean` until a problem is found."""

    stores: list[StoreSnapshot] = field(default_factory=list)
    products: list[ProductSnapshot] = field(default_factory=list)
    product_lines: list[int] = field(default_factory=list)
    clean: bool = True
