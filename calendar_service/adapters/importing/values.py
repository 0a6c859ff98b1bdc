"""Cell parsers: the forms a person types into a spreadsheet, read into snapshot values.

Every parser takes one cell (text from a CSV, a typed value from XLSX or JSON) and returns the
value or None, or raises `CellError` with a message that says what was wrong and what to
write instead. The messages name no file, line or column: the caller adds those.

Blank: a cell is unknown (None), never zero, when it is empty, whitespace only, or one of the
placeholders exports write for "no data": `-`, `--`, `—`, `——`, `–`, `－`, `N/A` and Excel's
`#N/A` (case-insensitive). Nothing else is blank: `0`, `无`, `none` and `null` are values (or
errors) of their column, because `无` and `none` mean something in some columns. A cell holding
another spreadsheet error (`#DIV/0!`, `#VALUE!`, ...) is an error, not a blank.

This module holds the shared pieces (cell type, blanks, quoting, formula escaping) and the
parsers of text, IDs and e-mail addresses; yes/no, medal levels and shipping promises live in
`choices.py`, numbers in `numbers.py` and dates in `dates.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeGuard


@dataclass(frozen=True)
class Unsupported:
    """A cell value no column accepts: a JSON list or object, an Excel duration, NaN."""

    description: str  # "a list", "an object", "a duration", "NaN"


Cell = str | int | float | Decimal | bool | dt.datetime | dt.date | dt.time | Unsupported | None
Parser = Callable[[Cell], Any]

MAX_TEXT = 1000  # characters of a name, title, industrial belt
MAX_ID = 100
MAX_EMAIL = 254
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

BLANK_TOKENS = frozenset({"-", "--", "—", "——", "–", "－", "n/a", "#n/a"})
SPREADSHEET_ERRORS = frozenset(
    {"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)

# C0/C1 controls (tab, CR and LF are handled apart) and the bidi overrides that can disguise text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\t]+[ \t]*")
# Half of a UTF-16 pair: JSON's "\ud800" escape alone decodes to one, which is no character.
_SURROGATE = re.compile("[\ud800-\udfff]")


class CellError(ValueError):
    """A cell that cannot be read; `message` says what was wrong and what to write instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def escape_formula(text: str) -> str:
    """Text safe to write into a CSV or spreadsheet cell: a leading = + - @ tab or CR gets `'`.

    Every exporter must pass user text through this, so a name typed as `=HYPERLINK(...)` is
    shown as text, never run as a formula (CSV/formula injection).
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def is_formula_like(cell: Cell) -> bool:
    """Whether a text cell starts like a spreadsheet formula (and must be escaped on export)."""
    return isinstance(cell, str) and cell.startswith(FORMULA_START)


def quote(cell: Cell) -> str:
    """The cell as a short quoted string for a message: control characters escaped, cut at 40."""
    text = display(cell)
    if len(text) > 40:
        text = text[:37] + "…"
    return printable(json.dumps(text, ensure_ascii=False))


def printable(text: str) -> str:
    """`text` with any half of a UTF-16 pair written as its escape (`\\ud83d`): a message holding
    one could not be encoded, in a response or on a terminal."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def display(cell: Cell) -> str:
    """The cell as the person typed it, as far as it can be told."""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(cell).removesuffix(".0") if cell.is_integer() else str(cell)
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, Unsupported):
        return cell.description
    return "" if cell is None else str(cell)


def clean(cell: str) -> str | None:
    """The stripped text of a cell, or None when it is blank (see the module docstring)."""
    text = cell.strip()
    if not text:
        return None
    if len(text) <= 4 and text.casefold() in BLANK_TOKENS:
        return None
    if text[0] == "#" and text.upper() in SPREADSHEET_ERRORS:
        raise CellError(
            f"the cell holds the spreadsheet error {text.upper()}; "
            "fix the formula or leave the cell blank"
        )
    return text


def is_blank(cell: Cell) -> bool:
    """Whether the cell is unknown rather than a value."""
    if cell is None:
        return True
    if isinstance(cell, str):
        try:
            return clean(cell) is None
        except CellError:
            return False
    return False


def unsupported(cell: Unsupported) -> CellError:
    return CellError(f"{cell.description} is not a value here; write a single value")


def small_whole(number: int | float | Decimal) -> int | None:
    """The number as an int when it is a finite whole number below a thousand, else None."""
    if isinstance(number, int):
        return number if abs(number) < 1000 else None
    if isinstance(number, float):
        finite = math.isfinite(number) and abs(number) < 1000
    else:
        finite = number.is_finite() and abs(number) < 1000
    return int(number) if finite and number == int(number) else None


def nfkc(text: str) -> str:
    """Full-width digits, signs and letters (１２３，￥，％) as their ASCII forms."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _plain_text(cell: Cell, what: str) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Unsupported):
        raise unsupported(cell)
    if isinstance(cell, bool) or not isinstance(cell, int | float | Decimal):
        raise CellError(f"{quote(cell)} is not {what}; write it as text")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _clean_text(cell: Cell, what: str, limit: int, too_long: str) -> str | None:
    """The cell as clean text, None when blank. CellError when it is not text (`what` names what
    it should be), is longer than `limit` characters (`too_long` says so) or holds a control
    character."""
    raw = _plain_text(cell, what)
    if raw is None:
        return None
    if len(raw) > limit:
        raise CellError(f"{too_long} ({len(raw)} characters); write at most {limit}")
    text = clean(raw)
    if text is not None:
        _check_controls(text)
    return text


def _check_controls(text: str) -> None:
    if text.isprintable():
        return
    if found := _CONTROL.search(text):
        raise CellError(
            f"contains the invisible control character U+{ord(found.group()):04X} "
            f"at character {found.start() + 1}; remove it"
        )
    if found := _SURROGATE.search(text):
        raise CellError(
            f"contains U+{ord(found.group()):04X} at character {found.start() + 1}, half of a "
            "UTF-16 surrogate pair and no character; write the character itself, or both "
            "halves of its \\u escape"
        )


# First characters of padding, blank tokens, #errors and escaped formulas: these take the long way.
_NOT_FAST = frozenset(" #-—–－nN'")


def _fast(cell: Cell, limit: int) -> TypeGuard[str]:
    """Whether a cell is text that needs no cleaning (most cells; the rest take the long way)."""
    return (
        type(cell) is str
        and 0 < len(cell) <= limit
        and cell[0] not in _NOT_FAST
        and cell[-1] != " "
        and cell.isprintable()
    )


def parse_text(cell: Cell) -> str | None:
    """A name, title or industrial belt: stripped; line breaks and tabs become one space.

    A leading apostrophe before = + - or @ is dropped, undoing `escape_formula`, so a file
    exported from here reads back as it was typed.
    """
    if _fast(cell, MAX_TEXT):
        return cell
    text = _clean_text(cell, "text", MAX_TEXT, "is too long")
    if text is None:
        return None
    if not text.isprintable():
        text = _LINE_BREAKS.sub(" ", text)
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        text = text[1:]  # escaped by an export (escape_formula): read back as typed
    return text


def parse_id(cell: Cell) -> str | None:
    """A store or product ID: one word, as typed (a number cell 123.0 reads as "123")."""
    if _fast(cell, MAX_ID) and " " not in cell:
        return cell
    text = _clean_text(cell, "an ID", MAX_ID, "is too long for an ID")
    if text is None:
        return None
    if not text.isprintable() or " " in text:
        raise CellError(f"{quote(text)} contains a space or line break; an ID is one word")
    return text


def parse_email(cell: Cell) -> str | None:
    """An e-mail address: something@domain, no spaces."""
    raw = _plain_text(cell, "an e-mail address")
    if raw is None:
        return None
    if len(raw) > MAX_EMAIL:
        raise CellError(f"is too long for an e-mail address ({len(raw)} characters)")
    text = clean(raw)
    if text is None:
        return None
    local, at, domain = text.rpartition("@")
    if not (at and local and "." in domain.strip(".")) or not text.isprintable() or " " in text:
        raise CellError(f"{quote(text)} is not an e-mail address; write name@example.com")
    return text
