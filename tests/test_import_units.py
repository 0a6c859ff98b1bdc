"""Units in column headers: `近90天纠纷率(%)` holds percentages, `近30天交易额(万元)` ten thousands.

1688's exports head rate columns with `(%)`; a unit in brackets must never be dropped silently.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from calendar_service.adapters.importing import ParsedFile, parse_bytes
from calendar_service.adapters.importing.full_reduction import parse_full_reduction
from calendar_service.adapters.importing.values import CellError
from tests.times import CST, IMPORT_CLOCK

D = Decimal


def parsed(header: str, cell: str, *, product: bool = False, name: str = "t.csv") -> ParsedFile:
    if product:
        text = f"商品ID,店铺ID,数据日期,{header}\np1,s1,2026-11-20,{cell}\n"
    else:
        text = f"店铺ID,数据日期,{header}\ns1,2026-11-20,{cell}\n"
    return parse_bytes(text.encode(), name, tz=CST, now=IMPORT_CLOCK)


def store_value(header: str, cell: str, field: str) -> object:
    result = parsed(header, cell)
    assert not result.errors, [e.message for e in result.errors]
    return getattr(result.stores[0], field)


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("近90天纠纷率(%)", "0.01", D("0.0001")),  # 0.01 %, not 1 %
        ("近90天纠纷率（%）", "0.01", D("0.0001")),  # full-width brackets
        ("近90天纠纷率(%)", "5", D("0.05")),  # a bare 5 under (%) is 5 %
        ("近90天纠纷率(%)", "0.01%", D("0.0001")),  # the cell's own sign says the same
        ("近90天纠纷率(‰)", "0.1", D("0.0001")),
        ("近90天纠纷率(‰)", "0.01%", D("0.0001")),  # the cell's own sign wins
        ("近90天纠纷率", "0.0001", D("0.0001")),  # no unit: a fraction, as before
        ("近90天纠纷率", "0.01%", D("0.0001")),
        ("dispute_rate_90d(%)", "0.02", D("0.0002")),
        ("近90天纠纷率(%)", "", None),
    ],
)
def test_a_rate_column_s_unit_is_honoured(header: str, cell: str, expected: Decimal) -> None:
    assert store_value(header, cell, "dispute_rate_90d") == expected


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("近30天交易额(元)", "20000", D(20000)),
        ("近30天交易额(万元)", "2", D(20000)),
        ("近30天交易额(万元)", "1.25", D(12500)),
        ("近30天交易额(万元)", "2万", D(20000)),  # the cell's own 万, once
        ("近30天交易额", "2万", D(20000)),
        ("近30天交易额(万)", "2", D(20000)),
    ],
)
def test_a_money_column_s_unit_is_honoured(header: str, cell: str, expected: Decimal) -> None:
    assert store_value(header, cell, "gmv_30d") == expected


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("活动折扣(%)", "85", D("0.85")),
        ("活动折扣(折)", "8.5", D("0.85")),
        ("活动折扣(折)", "85%", D("0.85")),
        ("活动折扣", "0.85", D("0.85")),
    ],
)
def test_a_discount_column_s_unit_is_honoured(header: str, cell: str, expected: Decimal) -> None:
    result = parsed(header, cell, product=True)
    assert not result.errors, [e.message for e in result.errors]
    assert result.products[0].activity_discount == expected


@pytest.mark.parametrize(
    ("header", "cell", "field", "expected"),
    [
        ("已上网产品数(件)", "20", "products_online", 20),
        ("店铺满意度(分)", "4.5", "satisfaction", D("4.5")),
        ("交易勋章(A)", "3", "medal_level", 3),
        ("买家保障(是/否)", "是", "buyer_protection", True),  # not a number: a note, ignored
    ],
)
def test_units_that_change_nothing_still_read(
    header: str, cell: str, field: str, expected: object
) -> None:
    assert store_value(header, cell, field) == expected


@pytest.mark.parametrize(
    ("header", "column", "unit"),
    [
        ("近30天交易额(%)", "gmv_30d", "%"),
        ("近90天纠纷率(元)", "dispute_rate_90d", "元"),
        ("已上网产品数(%)", "products_online", "%"),
        ("近90天纠纷率(万元)", "dispute_rate_90d", "万元"),
        ("店铺满意度(天)", "satisfaction", "天"),
    ],
)
def test_a_unit_the_column_cannot_take_is_a_clear_error(
    header: str, column: str, unit: str
) -> None:
    result = parsed(header, "1")
    assert not result.stores  # nothing half-read
    (error,) = result.errors
    assert (error.line, error.column) == (1, column)
    assert header in error.message and f"({unit})" in error.message
    assert "cannot take" in error.message and "head the column with" in error.message


def test_a_rate_above_100_percent_under_a_percent_header_is_refused() -> None:
    result = parsed("近90天纠纷率(%)", "150")
    (error,) = result.errors
    assert "more than 100%" in error.message and error.column == "dispute_rate_90d"


def test_json_keys_keep_their_unit() -> None:
    items = [{"店铺ID": "s1", "数据日期": "2026-11-20", "近90天纠纷率(%)": 0.01}]
    result = parse_bytes(json.dumps(items).encode(), "t.json", tz=CST, now=IMPORT_CLOCK)
    assert not result.errors
    assert result.stores[0].dispute_rate_90d == D("0.0001")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("是", True), ("否", False), ("满300减20", True), ("每满300元减20元", True),
     ("满300减20;满500减50", True), ("no", False), ("", None), ("--", None)],
)  # fmt: skip
def test_full_reduction_reads_yes_no_or_a_rule(cell: str, expected: bool | None) -> None:
    assert parse_full_reduction(cell) is expected


def test_full_reduction_refuses_other_text() -> None:
    with pytest.raises(CellError, match="满300减20"):
        parse_full_reduction("打九折")


def test_sample_stock_is_its_own_column_beside_the_stock() -> None:
    result = parsed("库存,剩余数量", "100,0", product=True)
    assert not result.errors
    product = result.products[0]
    assert (product.stock, product.sample_stock) == (100, 0)


@pytest.mark.parametrize(
    ("header", "cell", "says"),
    [
        ("近90天纠纷率(%)", "0.0001234", "round it to 4"),  # 0.000001234: 9 places as a fraction
        ("近90天纠纷率(%)", "0.00012", "round it to 4"),  # 7 places as a fraction
        ("近90天纠纷率(‰)", "0.0001234", "decimal places"),
        ("近30天交易额(万元)", "99999999999", "too large"),  # 10^15 元 after 万元
    ],
)
def test_a_value_scaled_by_its_header_s_unit_must_still_fit_storage(
    header: str, cell: str, says: str
) -> None:
    result = parsed(header, cell)
    assert not result.stores
    assert [e.line for e in result.errors] == [2]
    assert says in result.errors[0].message
