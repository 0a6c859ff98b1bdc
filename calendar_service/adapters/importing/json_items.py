"""JSON files: a list of objects, or `{"stores": [...], "products": [...]}`, with line numbers.

The top level is walked by hand and each item decoded with `json.JSONDecoder.raw_decode`, so
every item keeps the text line of its opening `{`. Numbers stay exact (Decimal, not float); a
key given twice in one object is reported rather than silently overwritten.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from calendar_service.adapters.importing.headers import Kind, header_name, kind_of
from calendar_service.adapters.importing.tables import Note, ReadError, Row, Table
from calendar_service.adapters.importing.values import Cell, Unsupported, printable

SHAPE = 'write a list of objects, or {"stores": [...], "products": [...]}'
SECTIONS: tuple[Kind, ...] = ("stores", "products")
_WS = re.compile(r"[ \t\n\r]*")


class _Object(dict[str, Any]):
    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    found = _Object(pairs)
    if len(found) < len(pairs):
        keys = [key for key, _ in pairs]
        found.duplicates = tuple(dict.fromkeys(k for k in keys if keys.count(k) > 1))
    return found


def _int(text: str) -> int | Decimal:
    return int(text) if len(text) <= 30 else Decimal(text)  # no 4,300-digit int conversions


_DECODER = json.JSONDecoder(
    parse_float=Decimal, parse_int=_int, parse_constant=Unsupported, object_pairs_hook=_pairs
)


class _Cursor:
    """A position in the text that knows its line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self._line = 1
        self._counted = 0

    def line(self) -> int:
        self._line += self.text.count("\n", self._counted, self.pos)
        self._counted = self.pos
        return self._line

    def failure(self, message: str) -> ReadError:
        return ReadError(self.line(), message)

    def peek(self) -> str:
        match = _WS.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos
        return self.text[self.pos : self.pos + 1]

    def take(self, expected: str) -> None:
        if self.peek() != expected:
            found = self.peek() or "the end of the file"
            raise self.failure(f"invalid JSON: expected {expected!r}, found {found!r}; {SHAPE}")
        self.pos += 1

    def value(self) -> object:
        self.peek()
        try:
            found, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as error:
            self.pos = error.pos
            raise self.failure(
                f"invalid JSON: {error.msg} (column {error.colno}); fix the syntax"
            ) from None
        except (ValueError, RecursionError) as error:
            raise self.failure(f"invalid JSON: {error}; fix the syntax") from None
        return found

    def array(self) -> list[tuple[int, object]]:
        self.take("[")
        items: list[tuple[int, object]] = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            self.peek()
            items.append((self.line(), self.value()))
            if self.peek() == "]":
                self.pos += 1
                return items
            self.take(",")


def _sections(
    cursor: _Cursor, notes: list[Note]
) -> list[tuple[Kind | None, list[tuple[int, object]]]]:
    found: dict[Kind, list[tuple[int, object]]] = {}
    cursor.take("{")
    while cursor.peek() != "}":
        if cursor.peek() != '"':
            raise cursor.failure(f"invalid JSON: expected a key in double quotes; {SHAPE}")
        line = cursor.line()
        key = cursor.value()
        cursor.take(":")
        section = next((s for s in SECTIONS if s == key), None)
        if section is None:
            cursor.value()
            message = f'the key {_quoted(str(key))} is not "stores" or "products"; it is ignored'
            notes.append(Note(line, "file", message))
        elif section in found:
            raise cursor.failure(f'"{section}" is given twice; {SHAPE}')
        elif cursor.peek() != "[":
            raise cursor.failure(f'"{section}" is not a list; {SHAPE}')
        else:
            found[section] = cursor.array()
        if cursor.peek() == "}":
            break
        cursor.take(",")
        if cursor.peek() != '"':
            raise cursor.failure(f"invalid JSON: expected a key after ','; {SHAPE}")
    cursor.pos += 1
    if not found:
        raise cursor.failure(f'the object has neither "stores" nor "products"; {SHAPE}')
    return list(found.items())


def _cell(value: object) -> Cell:
    if isinstance(value, list):
        return Unsupported("a list")
    if isinstance(value, dict):
        return Unsupported("an object")
    return value  # type: ignore[return-value]  # the decoder makes nothing else


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    return "null" if value is None else "a number"


def _table(section: Kind | None, items: list[tuple[int, object]]) -> Table:
    """The items as rows; keys are put under their column names, so objects may differ."""
    keys = tuple(dict.fromkeys(k for _, obj in items if isinstance(obj, dict) for k in obj))
    kind = section or kind_of(keys)
    names = {key: header_name(key, kind) or key for key in keys}  # the unit kept: `x(%)`
    header = tuple(dict.fromkeys(names.values()))
    index = {name: i for i, name in enumerate(header)}
    rows: list[Row] = []
    for number, (line, obj) in enumerate(items, start=1):
        item = f"{section} item {number}" if section else f"item {number}"
        if not isinstance(obj, _Object):
            problem = f'{item} is {_describe(obj)}, not an object; write {{"store_id": ...}}'
            rows.append(Row(line, (), item, Note(line, "item", problem)))
            continue
        cells: list[Cell] = [None] * len(header)
        given: dict[str, str] = {}
        note = None
        for key in obj.duplicates:
            note = Note(
                line, names[key], f"the key {_quoted(key)} is given twice; keep one ({item})"
            )
        for key, value in obj.items():
            name = names[key]
            if name in given and note is None:
                note = Note(
                    line,
                    name,
                    f"{_quoted(given[name])} and {_quoted(key)} are the same "
                    f"column; keep one ({item})",
                )
            given[name] = key
            cells[index[name]] = _cell(value)
        rows.append(Row(line, tuple(cells), item, note))
    return Table(items[0][0], header, rows, kind, lettered=False)


def _quoted(key: str) -> str:
    return printable(json.dumps(key, ensure_ascii=False))


def read_json(text: str) -> tuple[list[Table], list[Note]]:
    """The tables of a JSON file (one per section) and notes on what was ignored."""
    cursor = _Cursor(text)
    notes: list[Note] = []
    if cursor.peek() == "[":
        sections: list[tuple[Kind | None, list[tuple[int, object]]]] = [(None, cursor.array())]
    elif cursor.peek() == "{":
        sections = _sections(cursor, notes)
    else:
        raise cursor.failure(f"this is not a JSON list or object; {SHAPE}")
    if cursor.peek():
        raise cursor.failure(f"invalid JSON: there is more text after the end; {SHAPE}")
    # Stores first, so that a product may name a store given in the same file.
    sections.sort(key=lambda found: found[0] == "products")
    tables = [_table(section, items) for section, items in sections if items]
    if not tables:
        raise cursor.failure(f"the file has no items; {SHAPE}")
    return tables, notes
