"""Bytes to tables: the header and the rows of cells of a CSV, XLSX or JSON file, with lines.

The format is told by the content (a ZIP archive is XLSX; text starting with `[` or `{` is
JSON) and by the name (`.xlsx`, `.json`, `.csv`). Text is decoded strictly: a UTF-8 byte-order
mark means UTF-8; else the bytes must be valid UTF-8; else valid GB18030 (what Excel in China
writes); else the file is refused, naming the byte offset.

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
from decimal import Decimal
from pathlib import PurePath
from typing import cast

from calendar_service.adapters.importing.json_items import read_json
from calendar_service.adapters.importing.tables import Note, ReadError, Reading, Row, Table
from calendar_service.adapters.importing.values import Cell, Unsupported, display

SAVE_AS = 'save it as "CSV UTF-8" or .xlsx and import again'
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLSX_CELL = (str, int, float, Decimal, bool, dt.datetime, dt.date, dt.time)
_PLAIN = frozenset({str, int, float, dt.datetime, type(None)})  # the cells most sheets hold


def read(data: bytes, name: str) -> Reading:
    """The tables of a file; raises ReadError when it cannot be read at all."""
    suffix = PurePath(name).suffix.casefold()
    if not data.strip():
        raise ReadError(0, "the file is empty; write a header row and one row per store or product")
    if data.startswith(_OLE2):
        raise ReadError(
            0, f"this is an old Excel .xls file (or a password-protected workbook); {SAVE_AS}"
        )
    if data.startswith(_ZIP) or suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    text = decode(data).lstrip("\ufeff")  # a GB18030 byte-order mark, or a doubled one
    if not text.strip():
        raise ReadError(0, "the file is empty; write a header row and one row per store or product")
    if suffix == ".json" or (suffix not in (".csv", ".tsv", ".txt") and text.lstrip()[:1] in "[{"):
        tables, notes = read_json(text)
        return Reading(tuple(tables), tuple(notes))
    if "\x00" in text:
        offset = data.find(b"\x00")
        raise ReadError(0, f"byte {offset} is NUL: this is binary data, not CSV text; {SAVE_AS}")
    return Reading((_read_csv(text),))


def decode(data: bytes) -> str:
    """The text of the bytes: UTF-8 with BOM, else UTF-8, else GB18030, else ReadError."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as error:
            raise _undecodable(data, error.start + 3) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError(0, f"the text is UTF-16 (Excel's 'Unicode text'); {SAVE_AS}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as gb:
            # Name where the encoding that reads further (the likelier one) stops.
            raise _undecodable(data, max(utf8.start, gb.start)) from None


def _undecodable(data: bytes, offset: int) -> ReadError:
    return ReadError(
        0,
        f"byte {offset} (0x{data[offset]:02X}) cannot be read: the text is neither UTF-8 nor "
        f"GB18030; {SAVE_AS}",
    )


def _delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of `,` tab `;` (`,` if none)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max((",", "\t", ";"), key=header.count)


def _read_csv(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    header: tuple[str, ...] | None = None
    header_line = 0
    rows: list[Row] = []
    line = 0
    try:
        for line, record in enumerate(reader, start=1):
            if header is None:
                if any(cell.strip() for cell in record):
                    header, header_line = tuple(record), line
            else:
                rows.append(Row(line, tuple(record)))
    except csv.Error as error:
        raise ReadError(line + 1, f"the CSV cannot be read here ({error}); {SAVE_AS}") from None
    if header is None:
        raise ReadError(0, "the file is empty; write a header row and one row per store or product")
    return Table(header_line, header, rows)


def _xlsx_cell(value: object) -> Cell:
    if value is None or isinstance(value, _XLSX_CELL):
        return value
    if isinstance(value, dt.timedelta):
        return Unsupported("a duration")
    return Unsupported(f"a {type(value).__name__} cell")


def _read_xlsx(data: bytes) -> Reading:
    import openpyxl  # noqa: PLC0415 - slow to import; CSV and JSON imports never need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a corrupt archive raises anything
        raise ReadError(
            0, f"this is not a readable XLSX workbook ({type(error).__name__}); {SAVE_AS}"
        ) from None
    try:
        if not book.worksheets:
            raise ReadError(0, "the workbook has no worksheet; put the data on the first sheet")
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some exporters write wrong dimensions
        header: tuple[str, ...] | None = None
        header_line = 0
        rows: list[Row] = []
        try:
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if header is None:
                    if any(v is not None and display(_xlsx_cell(v)).strip() for v in values):
                        header = tuple(display(_xlsx_cell(v)) for v in values)
                        header_line = line
                else:
                    cells = tuple(v if type(v) in _PLAIN else _xlsx_cell(v) for v in values)
                    rows.append(Row(line, cast("tuple[Cell, ...]", cells)))  # _PLAIN are Cells
        except Exception as error:  # a corrupt sheet raises anything
            raise ReadError(
                0, f"the first sheet cannot be read ({type(error).__name__}); {SAVE_AS}"
            ) from None
    finally:
        book.close()
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
    return Reading((Table(header_line, header, rows),), warnings)
