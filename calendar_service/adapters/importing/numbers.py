"""Number cells: counts, plain numbers, money, rates and activity discounts.

Text must be a plain decimal (`12`, `12.5`) or grouped by thousands (`12,345.60`); exponents,
`NaN`, underscores and formulas are not numbers. Full-width digits and signs are read as ASCII.
A number cell from XLSX or JSON is taken as its value. Every figure is 0 or more; a rate is at
most 1 (100 %). Values are Decimals (ints for counts), never floats, and each must fit its
column (`domain.limits`): at most 6 decimal places and 12 digits before the point, counts at
most 2,147,483,647.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

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
from calendar_service.domain.limits import (
    COUNT_MAX,
    DECIMAL_PLACES,
    WHOLE_DIGITS,
    count_problem,
    decimal_problem,
)

MAX_ADJUSTED = 14  # at most 15 digits before the point: a figure beyond that is a typo
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SIMPLE = re.compile(r"\d{1,15}(?:\.\d{1,15})?")  # most cells: no sign, unit or separator
_COUNT_UNITS = ("件", "位", "笔", "次", "个", "人")
_ONE = Decimal(1)
_PERCENT_QUANTUM = Decimal(1).scaleb(-DECIMAL_PLACES)


def storable(value: Decimal, cell: Cell, percent: bool = False) -> Decimal:
    """`value`, or CellError when storage could not hold it exactly (see domain.limits)."""
    problem = decimal_problem(value)
    if problem is None:
        return value
    if percent and decimal_problem(value.quantize(_PERCENT_QUANTUM)) is None:
        places = DECIMAL_PLACES - 2
        shown = value.quantize(_PERCENT_QUANTUM).scaleb(2).normalize()
        problem = f"has more than {places} decimal places; round it to {places} (e.g. {shown:f}%)"
    raise CellError(f"{quote(cell)} {problem}")


def _typed(cell: Cell, what: str, hint: str) -> Decimal:
    """A number cell from XLSX or JSON as a Decimal."""
    if isinstance(cell, Unsupported):
        raise unsupported(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return Decimal(cell)
    if isinstance(cell, float) and math.isfinite(cell):
        return Decimal(repr(cell))
    if isinstance(cell, Decimal) and cell.is_finite():
        return cell
    raise CellError(f"{quote(cell)} is not {what}; {hint}")


def _text(text: str, units: tuple[str, ...]) -> tuple[Decimal, str] | None:
    """The number in `text` and the unit that followed it (one of `units`, or ""); None if none.

    The unit `¥` allows money forms: a leading ¥ and a trailing 元.
    """
    text = nfkc(text).replace(" ", "")
    negative = text.startswith("-")
    text = text.removeprefix("-")
    if "¥" in units:
        text = text.removeprefix("¥").removesuffix("元")
    unit = ""
    for suffix in units:
        if suffix != "¥" and text.endswith(suffix):
            text, unit = text[: -len(suffix)], suffix
            break
    if len(text) > 40 or not _NUMBER.fullmatch(text):
        return None
    value = Decimal(text.replace(",", ""))
    return (-value if negative else value), unit


def _read(cell: Cell, what: str, hint: str, units: tuple[str, ...]) -> tuple[Decimal, str] | None:
    """The number of a cell and its unit, checked to be 0 or more and not absurdly large."""
    if type(cell) is str and _SIMPLE.fullmatch(cell):
        return Decimal(cell), ""
    if isinstance(cell, str):
        text = clean(cell)
        if text is None:
            return None
        read = _text(text, units)
        if read is None:
            raise CellError(f"{quote(cell)} is not {what}; {hint}")
        value, unit = read
    else:
        value, unit = _typed(cell, what, hint), ""
    if value < 0:
        raise CellError(f"{quote(cell)} is negative; write 0 or more")
    if value.adjusted() > MAX_ADJUSTED:
        raise CellError(
            f"{quote(cell)} is too large; write at most {WHOLE_DIGITS} digits before the point"
        )
    return value, unit


_COUNT_HINT = "write a whole number such as 120"


def parse_count(cell: Cell) -> int | None:
    """A whole number, 0 or more: `120`, `1,200`, `120件`."""
    if cell is None:
        return None
    if type(cell) is int and 0 <= cell <= COUNT_MAX:
        return cell  # the common case from XLSX and JSON
    if type(cell) is str and cell.isascii() and cell.isdigit() and len(cell) <= 9:
        return int(cell)  # the common case from CSV
    read = _read(cell, "a count", _COUNT_HINT, _COUNT_UNITS)
    if read is None:
        return None
    value = read[0]
    if value != value.to_integral_value():
        raise CellError(f"{quote(cell)} is not a whole number; {_COUNT_HINT}")
    problem = count_problem(int(value))
    if problem is not None:
        raise CellError(f"{quote(cell)} {problem}")
    return int(value)


def number_parser(maximum: Decimal | None = None) -> Parser:
    """A parser of decimals, 0 or more (at most `maximum`): `4.8`, `4.8分`."""
    hint = "write a number such as 4.8"
    bound = f"; write 0 to {maximum}" if maximum is not None else ""

    def parse_number(cell: Cell) -> Decimal | None:
        read = None if cell is None else _read(cell, "a number", hint, ("分",))
        if read is None:
            return None
        if maximum is not None and read[0] > maximum:
            raise CellError(f"{quote(cell)} is more than {maximum}{bound}")
        return storable(read[0], cell)

    return parse_number


parse_number = number_parser()


def parse_money(cell: Cell) -> Decimal | None:
    """An amount in 元: `12345.60`, `12,345.60`, `¥12345.60`, `￥12,345.6元`, `1.2万`."""
    hint = "write 12345.60, 12,345.60 or ¥12345.60"
    read = None if cell is None else _read(cell, "an amount of money", hint, ("¥", "万"))
    if read is None:
        return None
    value, unit = read
    return storable(value.scaleb(4) if unit == "万" else value, cell)


_RATE_HINT = "write a percentage such as 0.01% or a fraction such as 0.0001"


def parse_rate(cell: Cell) -> Decimal | None:
    """A fraction from 0 to 1: `0.01%` or `0.0001` (a bare number above 1 is refused)."""
    read = None if cell is None else _read(cell, "a rate", _RATE_HINT, ("%",))
    if read is None:
        return None
    value, unit = read
    if unit == "%":
        if value > 100:
            raise CellError(f"{quote(cell)} is more than 100%; a rate is 0% to 100%")
        return storable(value.scaleb(-2), cell, percent=True)
    if value > _ONE:
        suggestion = f" ({value}%) or a fraction ({value.scaleb(-2)})" if value <= 100 else ""
        raise CellError(
            f"{quote(cell)} is more than 1; write a percentage with the % sign{suggestion}"
            + ("" if suggestion else " or a fraction from 0 to 1")
        )
    return storable(value, cell)


_DISCOUNT_HINT = "write 8.5折, 85% or 0.85"


def parse_discount(cell: Cell) -> Decimal | None:
    """Activity price / usual price: `8.5折` (also `85折`), `85%` or `0.85` all read 0.85."""
    read = None if cell is None else _read(cell, "a discount", _DISCOUNT_HINT, ("%", "折"))
    if read is None:
        return None
    value, unit = read
    if unit == "折":
        if value <= 10:
            value = value.scaleb(-1)
        elif value < 100 and value == value.to_integral_value():
            value = value.scaleb(-2)  # 85折 is 8.5折
        else:
            raise CellError(f"{quote(cell)} is not a discount; {_DISCOUNT_HINT}")
    elif unit == "%":
        value = value.scaleb(-2)
    elif value > _ONE:
        raise CellError(
            f"{quote(cell)} is more than 1; write a percentage ({value}%), "
            f"折 ({value.scaleb(-1)}折) or a fraction ({value.scaleb(-2)})"
            if value < 100
            else f"{quote(cell)} is more than 1; {_DISCOUNT_HINT}"
        )
    if value == 0:
        raise CellError(f"{quote(cell)} is not a discount: the price would be 0; {_DISCOUNT_HINT}")
    if value > _ONE:
        raise CellError(f"{quote(cell)} is more than the full price; write at most 100% (10折)")
    return storable(value, cell)
