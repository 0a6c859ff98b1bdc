"""Date and date-time cells, in the forms a person types and the cells Excel stores.

Dates: `2026-11-20`, `2026/11/20`, `2026.11.20`, `2026年11月20日`, `20261120` (one separator
throughout; the year first, so `11/20/2026` is refused as ambiguous). A time may follow:
`14:30`, `14:30:00`, `14:30:00.5`, and after it an offset `Z`, `+08:00` or `+0800` (ISO 8601,
with `T` or a space). A time without an offset is wall-clock time in the importer's zone (`tz`,
Asia/Shanghai by default), and every date-time comes back aware, in that zone. A date-only
date-time is midnight. A date column given a date-time keeps the day in `tz`.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from calendar_service.adapters.importing.values import (
    Cell,
    CellError,
    Parser,
    Unsupported,
    clean,
    nfkc,
    quote,
    unsupported,
)

DATE_HINT = "write 2026-11-20, 2026/11/20 or 2026年11月20日"
DATETIME_HINT = "write 2026-11-20 14:30, 2026-11-20 or 2026-11-20T14:30:00+08:00"
_CACHE_LIMIT = 10_000

_DATE_TIME = re.compile(
    r"(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日?|(\d{4})(\d{2})(\d{2}))"
    r"(?:(?:[Tt]|\s+|(?<=日))(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?"
    r"\s*([Zz]|[+-]\d{2}:?\d{2})?)?"
)


def _offset(text: str) -> dt.tzinfo:
    if text in ("Z", "z"):
        return dt.UTC
    digits = text[1:].replace(":", "")
    delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta > dt.timedelta(hours=14):
        raise ValueError(text)
    return dt.timezone(-delta if text[0] == "-" else delta)


def _from_text(text: str, tz: ZoneInfo) -> dt.datetime | None:
    """The aware date-time written in `text`, None when it is not in a known form.

    Raises ValueError for a known form naming no real day or time (2026-02-30, 25:00).
    """
    found = _DATE_TIME.fullmatch(text) if len(text) <= 40 else None
    if found is None:
        return None
    g = found.groups()
    year, month, day = (g[0], g[2], g[3]) if g[0] else (g[4], g[5], g[6]) if g[4] else g[7:10]
    if not 1900 <= int(year) <= 2999:  # outside that, a typo (and beyond datetime's range)
        raise ValueError(text)
    hour, minute, second, fraction, offset = g[10:15]
    zone = _offset(offset) if offset else tz
    moment = dt.datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        int((fraction or "0").ljust(6, "0")),
        tzinfo=zone,
    )
    return moment.astimezone(tz) if offset else moment


def _read(cell: Cell, tz: ZoneInfo, what: str, hint: str) -> dt.datetime | None:
    """The aware date-time (in `tz`) a cell holds; midnight for a date."""
    if isinstance(cell, dt.datetime):
        return cell.astimezone(tz) if cell.tzinfo is not None else cell.replace(tzinfo=tz)
    if isinstance(cell, dt.date):
        return dt.datetime(cell.year, cell.month, cell.day, tzinfo=tz)
    if isinstance(cell, dt.time):
        raise CellError(f"{quote(cell)} is a time without a date; {hint}")
    if isinstance(cell, Unsupported):
        raise unsupported(cell)
    if isinstance(cell, int) and not isinstance(cell, bool) and 19000101 <= cell <= 29991231:
        cell = str(cell)  # 20261120
    if not isinstance(cell, str):
        if isinstance(cell, bool) or cell is None:
            raise CellError(f"{quote(cell)} is not {what}; {hint}")
        raise CellError(
            f"{quote(cell)} is a number, not {what}; format the cell as a date or {hint}"
        )
    text = clean(cell)
    if text is None:
        return None
    try:
        moment = _from_text(nfkc(text), tz)
    except ValueError:
        raise CellError(f"{quote(cell)} is not a real {what.removeprefix('a ')}; {hint}") from None
    if moment is None:
        raise CellError(f"{quote(cell)} is not {what}; {hint}")
    return moment


def _cached(read: Parser) -> Parser:
    """`read` remembering text cells: a file repeats its dates on every row."""
    cache: dict[str, object] = {}

    def parse(cell: Cell) -> object:
        if not isinstance(cell, str):
            return read(cell)
        found = cache.get(cell, cache)
        if found is cache:
            try:
                found = read(cell)
            except CellError as problem:
                found = problem
            if len(cache) < _CACHE_LIMIT:
                cache[cell] = found
        if isinstance(found, CellError):
            raise CellError(found.message)
        return found

    return parse


def datetime_parser(tz: ZoneInfo) -> Parser:
    """A parser of date-times, each returned aware in `tz` (a naive one is taken to be in `tz`)."""

    def parse_datetime(cell: Cell) -> dt.datetime | None:
        return None if cell is None else _read(cell, tz, "a date and time", DATETIME_HINT)

    return _cached(parse_datetime)


def date_parser(tz: ZoneInfo) -> Parser:
    """A parser of dates; a date-time with an offset gives its day in `tz`."""

    def parse_date(cell: Cell) -> dt.date | None:
        moment = None if cell is None else _read(cell, tz, "a date", DATE_HINT)
        return None if moment is None else moment.date()

    return _cached(parse_date)
