"""Bytes to tables: the header and the rows of cells of a CSV, XLSX or JSON file, with lines.

The format is told by the content (a ZIP archive is XLSX; text starting with `[` or `{` is
JSON) and by the name (`.xlsx`, `.json`, `.csv`). Text is decoded strictly (`decoding.py`).

CSV and XLSX rows are read as they are parsed, so memory does not grow with the file; JSON is
read whole, so its limit is lower. A file over its limit, or a workbook whose sheet spans more
than MAX_COLUMNS columns or unpacks to more than the limit, is refused before it is read.

Lines are what a spreadsheet user sees: the header is line 1 of a CSV, and a row is its record
number (a quoted cell spanning two text lines is still one row); in XLSX a line is the sheet
row (only the first sheet is read). JSON has no rows, so a JSON item's line is the text line of
its opening `{`; `Row.item` also names it (`item 3`), for minified files on one line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import os
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path, PurePath
from typing import BinaryIO, cast

from calendar_service.adapters.importing.decoding import detect
from calendar_service.adapters.importing.json_items import read_json
from calendar_service.adapters.importing.tables import Note, ReadError, Reading, Row, Table
from calendar_service.adapters.importing.values import Cell, Unsupported, display

SAVE_AS = 'save it as "CSV UTF-8" or .xlsx and import again'
EMPTY = "the file is empty; write a header row and one row per store or product"
MAX_COLUMNS = 256  # IV, the old Excel limit: far more than a store or product sheet needs
_MB = 1 << 20
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_GB18030_BOM = b"\x84\x31\x95\x33"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLSX_CELL = (str, int, float, Decimal, bool, dt.datetime, dt.date, dt.time)
_PLAIN = frozenset({str, int, float, dt.datetime, type(None)})  # the cells most sheets hold

Source = bytes | Path


@dataclass(frozen=True)
class ReadLimits:
    """Sizes refused before reading: CSV and XLSX are streamed, JSON is read whole."""

    max_bytes: int = 1 << 30
    max_json_bytes: int = 64 << 20
    setting: str = "CALENDAR_IMPORT_MAX_BYTES"
    json_setting: str = "CALENDAR_IMPORT_MAX_JSON_BYTES"


@contextmanager
def open_reading(
    source: Source, name: str, limits: ReadLimits | None = None, *, json_only: bool = False
) -> Iterator[Reading]:
    """The tables of a file, their rows read lazily while the context is open.

    ReadError when it cannot be read at all, or, from the rows, when it turns out unreadable
    further on (an unclosed quote at the end, a corrupt sheet). OSError when a path cannot be
    opened.
    """
    limits = limits or ReadLimits()
    with ExitStack() as stack:
        if isinstance(source, Path):
            stream: BinaryIO = stack.enter_context(source.open("rb"))
            size = os.fstat(stream.fileno()).st_size
        else:
            stream, size = io.BytesIO(source), len(source)
        yield _read(stream, size, name, limits, json_only, stack)


def _too_big(size: int, limit: int, setting: str, what: str) -> ReadError:
    return ReadError(
        0,
        f"{what} is {size / _MB:.1f} MB, over the limit of {limit / _MB:.1f} MB ({setting}); "
        "split it into smaller files",
    )


def _read(
    stream: BinaryIO, size: int, name: str, limits: ReadLimits, json_only: bool, stack: ExitStack
) -> Reading:
    suffix = PurePath(name).suffix.casefold()
    head = stream.read(8)
    stream.seek(0)
    if not head.strip() and size <= len(head):
        raise ReadError(0, EMPTY)
    if json_only:
        return _read_json(stream, size, limits, "the body")
    if head.startswith(_OLE2):
        raise ReadError(
            0, f"this is an old Excel .xls file (or a password-protected workbook); {SAVE_AS}"
        )
    start = stream.read(64).removeprefix(codecs.BOM_UTF8).removeprefix(_GB18030_BOM).lstrip()
    stream.seek(0)
    workbook = head.startswith(_ZIP) or suffix in (".xlsx", ".xlsm")
    if suffix == ".json" or (
        not workbook and suffix not in (".csv", ".tsv", ".txt") and start[:1] in (b"[", b"{")
    ):
        return _read_json(stream, size, limits, "the file")
    if size > limits.max_bytes:
        raise _too_big(size, limits.max_bytes, limits.setting, "the file")
    if workbook:
        return _read_xlsx(stream, limits, stack)
    encoding = detect(stream)
    stream.seek(encoding.skip)
    text = io.TextIOWrapper(stream, encoding.name, newline="")
    stack.callback(text.detach)  # the stream is closed by its owner, not by the wrapper
    return Reading((_read_csv(text),))


def _read_json(stream: BinaryIO, size: int, limits: ReadLimits, what: str) -> Reading:
    if size > limits.max_json_bytes:
        raise _too_big(size, limits.max_json_bytes, limits.json_setting, f"{what} (JSON)")
    encoding = detect(stream)
    stream.seek(encoding.skip)
    text = stream.read().decode(encoding.name).lstrip("\ufeff")
    if not text.strip():
        raise ReadError(0, EMPTY)
    tables, notes = read_json(text)
    return Reading(tuple(tables), tuple(notes))


class _Lines:
    """The text's lines for the CSV reader; knows when they ran out, and refuses NUL."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text
        self.done = False
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._text.readline()
        if not line:
            self.done = True
            raise StopIteration
        self.number += 1
        if "\x00" in line:
            raise ReadError(
                self.number, f"the text has a NUL byte: this is binary data, not CSV; {SAVE_AS}"
            )
        return line.lstrip("\ufeff") if self.number == 1 else line


def _read_csv(text: io.TextIOWrapper) -> Table:
    lines = _Lines(text)
    ahead: list[str] = []
    for line in lines:  # the header line tells the separator
        ahead.append(line)
        if line.strip():
            break
    else:
        raise ReadError(0, EMPTY)
    delimiter = max((",", "\t", ";"), key=ahead[-1].count)
    reader = csv.reader(itertools.chain(ahead, lines), delimiter=delimiter, strict=False)
    records = enumerate(reader, start=1)
    header: tuple[str, ...] | None = None
    header_line = 0
    for number, record in _guarded(records, lines):
        if any(cell.strip() for cell in record):
            header, header_line = tuple(record), number
            break
    if header is None:
        raise ReadError(0, EMPTY)
    rows = (Row(line, tuple(record)) for line, record in _guarded(records, lines))
    return Table(header_line, header, rows, fixed_width=True)


def _guarded(
    records: Iterator[tuple[int, list[str]]], lines: _Lines
) -> Iterator[tuple[int, list[str]]]:
    """The CSV records; ReadError for a CSV error, or a quote still open at the end of the text."""
    line = 0
    try:
        for line, record in records:
            if lines.done:  # the reader gave up a quoted cell at the end of the text
                raise ReadError(
                    line,
                    "a quoted cell is not closed before the end of the file: the file is cut "
                    "off, or a closing quote is missing; export the file again, or add the quote",
                )
            yield line, record
    except csv.Error as error:
        raise ReadError(line + 1, f"the CSV cannot be read here ({error}); {SAVE_AS}") from None
    except UnicodeDecodeError:  # changed since its encoding was checked
        raise ReadError(line + 1, f"the text cannot be read here; {SAVE_AS}") from None


def _xlsx_cell(value: object) -> Cell:
    if value is None or isinstance(value, _XLSX_CELL):
        return value
    if isinstance(value, dt.timedelta):
        return Unsupported("a duration")
    return Unsupported(f"a {type(value).__name__} cell")


def _letters(position: int) -> str:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - as slow as openpyxl

    return get_column_letter(position)


def _unpacked_size(stream: BinaryIO) -> int:
    try:
        with zipfile.ZipFile(stream) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return 0  # openpyxl says what is wrong
    finally:
        stream.seek(0)


def _read_xlsx(stream: BinaryIO, limits: ReadLimits, stack: ExitStack) -> Reading:
    import openpyxl  # noqa: PLC0415 - slow to import; CSV and JSON imports never need it

    unpacked = _unpacked_size(stream)
    if unpacked > limits.max_bytes:
        raise _too_big(unpacked, limits.max_bytes, limits.setting, "the workbook, unpacked,")
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # a corrupt archive raises anything
        raise ReadError(
            0, f"this is not a readable XLSX workbook ({type(error).__name__}); {SAVE_AS}"
        ) from None
    stack.callback(book.close)
    if not book.worksheets:
        raise ReadError(0, "the workbook has no worksheet; put the data on the first sheet")
    sheet = book.worksheets[0]
    declared = sheet.max_column  # the sheet's own <dimension>, when it has one
    if declared and declared > MAX_COLUMNS:
        raise ReadError(
            0,
            f"the first sheet spans {declared:,} columns (to column {_letters(declared)}); a "
            f"store or product sheet has at most {MAX_COLUMNS}: delete the columns after the "
            "data (or clear their formatting), save, and import again",
        )
    sheet.reset_dimensions()  # some exporters write wrong dimensions: read what is there
    # Capped: a row is never wider than MAX_COLUMNS, whatever a cell far right says.
    values = enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1)
    header: tuple[str, ...] | None = None
    header_line = 0
    for number, found in _sheet(values):
        if any(v is not None and display(_xlsx_cell(v)).strip() for v in found):
            named = [display(_xlsx_cell(v)) for v in found]
            while named and not named[-1].strip():
                named.pop()
            header, header_line = tuple(named), number
            break
    if header is None:
        raise ReadError(0, "the first sheet is empty; put a header row and the data on it")
    warnings: tuple[Note, ...] = ()
    if len(book.sheetnames) > 1:
        warnings = (
            Note(
                0,
                "file",
                f"only the first sheet ({sheet.title!r}) was read; the others are ignored",
            ),
        )
    table = Table(header_line, header, _xlsx_rows(_sheet(values), len(header)))
    return Reading((table,), warnings)


def _sheet(
    values: Iterator[tuple[int, tuple[object, ...]]],
) -> Iterator[tuple[int, tuple[object, ...]]]:
    try:
        yield from values
    except Exception as error:  # a corrupt sheet raises anything
        raise ReadError(
            0, f"the first sheet cannot be read ({type(error).__name__}); {SAVE_AS}"
        ) from None


def _xlsx_rows(values: Iterator[tuple[int, tuple[object, ...]]], width: int) -> Iterator[Row]:
    for line, found in values:
        extra = found[width:]
        if extra.count(None) == len(extra):  # the usual case: nothing right of the header
            kept = found[:width]
        else:
            last = max(i for i, v in enumerate(found) if v is not None)
            kept = found[: last + 1]
        cells = tuple(v if type(v) in _PLAIN else _xlsx_cell(v) for v in kept)
        yield Row(line, cast("tuple[Cell, ...]", cells))  # _PLAIN are Cells
