"""Units given in a column's header: `近90天纠纷率(%)`, `近30天交易额(万元)`, `活动折扣(折)`.

1688's exports head rate columns with `(%)`: a cell `0.01` under `近90天纠纷率(%)` is 0.01 %, not
1 %. A unit in the header is honoured, never dropped: each numeric column takes the units listed
in `UNITS` (a cell's own sign, `0.01%` or `1.2万`, still says what it says), and any other unit
in brackets is an error naming the header. Columns that hold no number (yes/no, dates, text)
ignore a bracketed note such as `(是/否)`, as before.
"""

from __future__ import annotations

from decimal import Decimal

from calendar_service.adapters.importing import numbers
from calendar_service.adapters.importing.headers import Column, ValueKind
from calendar_service.adapters.importing.values import Cell, CellError, Parser, quote

V = ValueKind
# The units each kind of numeric column takes, as written in a header (after NFKC, case-folded).
UNITS: dict[ValueKind, tuple[str, ...]] = {
    V.RATE: ("%", "‰"),
    V.DISCOUNT: ("%", "折"),
    V.MONEY: ("元", "万元", "万", "¥", "rmb", "cny"),
    V.COUNT: ("件", "位", "笔", "次", "个", "人", "条", "单", "天"),
    V.NUMBER: ("分",),
    V.MEDAL: ("a", "级"),
}
_WHAT = {
    V.RATE: "a rate",
    V.DISCOUNT: "a discount",
    V.MONEY: "an amount of money",
    V.COUNT: "a count",
    V.NUMBER: "a number",
    V.MEDAL: "a medal level",
}
_PLACES = {"%": 2, "‰": 3}
_TEN_THOUSAND = ("万元", "万")


def unit_problem(column: Column, unit: str) -> str | None:
    """Why `column` cannot take `unit` from its header, or None when it can (or holds no number)."""
    allowed = UNITS.get(column.kind)
    if not unit or allowed is None or unit in allowed:
        return None
    shown = ", ".join(f"({u})" for u in allowed)
    return (
        f"the header gives the unit ({unit}), which {column.name} ({_WHAT[column.kind]}) cannot "
        f"take; head the column with {shown} or no unit"
    )


def with_unit(column: Column, unit: str, base: Parser) -> Parser:
    """The column's parser, reading bare numbers in the header's unit."""
    if column.kind is V.RATE and unit in _PLACES:
        return _rate(unit)
    if column.kind is V.DISCOUNT and unit in ("%", "折"):
        return _discount(unit)
    if column.kind is V.MONEY and unit in _TEN_THOUSAND:
        return _ten_thousand
    return base  # 元, counts, scores: the unit is what the column holds already


def _own_unit(cell: Cell) -> bool:
    """Whether a text cell writes its own unit sign (which then wins over the header's)."""
    return isinstance(cell, str) and cell.strip().endswith(("%", "％", "‰", "折", "万", "万元"))


def _rate(unit: str) -> Parser:
    places = _PLACES[unit]
    top = Decimal(10) ** places

    def parse(cell: Cell) -> Decimal | None:
        value: Decimal | None
        if isinstance(cell, str) and cell.strip().endswith("‰"):
            value = numbers.parse_number(cell.strip()[:-1])
            shift, limit = 3, Decimal(1000)
        elif _own_unit(cell):
            return numbers.parse_rate(cell)
        elif unit == "%" and isinstance(cell, str):
            return numbers.parse_rate(f"{cell.strip()}%") if cell.strip() else None
        else:
            value = numbers.parse_number(cell)
            shift, limit = places, top
        if value is None:
            return None
        if value > limit:
            raise CellError(
                f"{quote(cell)} is more than 100% (the header says the column is in {unit}); "
                f"write 0 to {limit}"
            )
        return numbers.storable(value.scaleb(-shift), cell, percent=shift == 2)

    return parse


def _discount(unit: str) -> Parser:
    def parse(cell: Cell) -> Decimal | None:
        if _own_unit(cell):
            return numbers.parse_discount(cell)
        value: Decimal | None = numbers.parse_number(cell)
        if value is None:
            return None
        return numbers.parse_discount(f"{value}{unit}")

    return parse


def _ten_thousand(cell: Cell) -> Decimal | None:
    if _own_unit(cell):
        return numbers.parse_money(cell)
    value = numbers.parse_money(cell)
    return None if value is None else numbers.storable(value.scaleb(4), cell)
