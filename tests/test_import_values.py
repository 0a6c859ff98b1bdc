"""The importer's cell values: every form a person types, zeros and blanks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calendar_service.adapters.importing.choices import parse_bool, parse_medal, parse_shipping
from calendar_service.adapters.importing.dates import date_parser, datetime_parser
from calendar_service.adapters.importing.numbers import (
    parse_count,
    parse_discount,
    parse_money,
    parse_number,
    parse_rate,
)
from calendar_service.adapters.importing.values import (
    Cell,
    Parser,
    is_blank,
    parse_email,
    parse_id,
    parse_text,
)
from tests.import_support import naive
from tests.times import CST

# Values: every form a person types ---------------------------------------------------------------


def check(parser: Parser, cell: Cell, expected: object) -> None:
    assert parser(cell) == expected
    assert type(parser(cell)) is type(expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("AAA", 3), ("3A", 3), ("3", 3), ("AAAAA", 5), ("0", 0), ("a", 1), ("2a", 2),
     ("ＡＡ", 2), (" 4 ", 4), (3, 3), (3.0, 3), ("3.0", 3), ("", None), ("-", None)],
)  # fmt: skip
def test_medal_level_forms(cell: Cell, expected: int | None) -> None:
    check(parse_medal, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(word, True) for word in ("是", "yes", "YES", "Yes", "true", "TRUE", "1", "y", "Y", "有",
                               "已开通", "已加入", "已认证")]
    + [(word, False) for word in ("否", "no", "NO", "false", "False", "0", "n", "N", "无",
                                  "未开通", "未加入", "未认证")]
    + [(True, True), (False, False), (1, True), (0, False), ("", None), (" ", None)],
)  # fmt: skip
def test_yes_no_forms(cell: Cell, expected: bool | None) -> None:
    check(parse_bool, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("0.01%", Decimal("0.0001")), ("0.0001", Decimal("0.0001")), ("5%", Decimal("0.05")),
     ("100%", Decimal(1)), ("1", Decimal(1)), ("0", Decimal(0)), ("0.5 %", Decimal("0.005")),
     ("０.０１％", Decimal("0.0001")), (0.0001, Decimal("0.0001")), (0, Decimal(0))],
)  # fmt: skip
def test_rate_forms(cell: Cell, expected: Decimal) -> None:
    check(parse_rate, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("12345.60", Decimal("12345.60")), ("12,345.60", Decimal("12345.60")),
     ("¥12345.60", Decimal("12345.60")), ("￥12,345.60", Decimal("12345.60")),
     ("12345.6元", Decimal("12345.6")), ("¥ 12,345.60 元", Decimal("12345.60")),
     ("1.2万", Decimal(12000)), ("1.2万元", Decimal(12000)), ("0", Decimal(0)),
     (12345.6, Decimal("12345.6")), (100, Decimal(100)), (Decimal("0.01"), Decimal("0.01"))],
)  # fmt: skip
def test_money_forms(cell: Cell, expected: Decimal) -> None:
    check(parse_money, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("8.5折", Decimal("0.85")), ("85折", Decimal("0.85")), ("9折", Decimal("0.9")),
     ("10折", Decimal(1)), ("85%", Decimal("0.85")), ("0.85", Decimal("0.85")),
     ("1", Decimal(1)), (0.85, Decimal("0.85"))],
)  # fmt: skip
def test_activity_discount_forms(cell: Cell, expected: Decimal) -> None:
    check(parse_discount, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("24h", "24h"), ("24H", "24h"), ("24小时", "24h"), ("24小时发货", "24h"),
     ("48h", "48h"), ("48小时发货", "48h"), ("72小时", "72h"), ("72", "72h"), (24, "24h"),
     ("无", "none"), ("none", "none"), ("None", "none")],
)  # fmt: skip
def test_shipping_promise_forms(cell: Cell, expected: str) -> None:
    check(parse_shipping, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("120", 120), ("1,200", 1200), ("120件", 120), ("１２０", 120), (120, 120), (120.0, 120),
     ("0", 0), (Decimal("7"), 7)],
)  # fmt: skip
def test_count_forms(cell: Cell, expected: int) -> None:
    check(parse_count, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("4.8", Decimal("4.8")), ("4.8分", Decimal("4.8")), (4.8, Decimal("4.8")), ("0", Decimal(0))],
)
def test_number_forms(cell: Cell, expected: Decimal) -> None:
    check(parse_number, cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2026-11-20", dt.date(2026, 11, 20)), ("2026/11/20", dt.date(2026, 11, 20)),
     ("2026.11.20", dt.date(2026, 11, 20)), ("2026年11月20日", dt.date(2026, 11, 20)),
     ("2026年1月5日", dt.date(2026, 1, 5)), ("2026/1/5", dt.date(2026, 1, 5)),
     ("20261120", dt.date(2026, 11, 20)), (20261120, dt.date(2026, 11, 20)),
     ("2026-11-20 14:30", dt.date(2026, 11, 20)),
     ("2026-11-19T20:00:00Z", dt.date(2026, 11, 20)),  # 04:00 on the 20th in Shanghai
     (naive(2026, 11, 20, 0, 0), dt.date(2026, 11, 20)),
     (dt.date(2026, 11, 20), dt.date(2026, 11, 20))],
)  # fmt: skip
def test_date_forms(cell: Cell, expected: dt.date) -> None:
    check(date_parser(CST), cell, expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2026-11-20", dt.datetime(2026, 11, 20, tzinfo=CST)),
     ("2026-11-20 14:30", dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     ("2026/11/20 14:30:15", dt.datetime(2026, 11, 20, 14, 30, 15, tzinfo=CST)),
     ("2026.11.20 9:05", dt.datetime(2026, 11, 20, 9, 5, tzinfo=CST)),
     ("2026年11月20日 14:30", dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     ("2026年11月20日14:30", dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     ("2026-11-20T14:30:00+08:00", dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     ("2026-11-20T06:30:00Z", dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     ("2026-11-20T01:30:00-0500", dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     ("2026-11-20 14:30:00.250", dt.datetime(2026, 11, 20, 14, 30, 0, 250000, tzinfo=CST)),
     (naive(2026, 11, 20, 14, 30), dt.datetime(2026, 11, 20, 14, 30, tzinfo=CST)),
     (dt.date(2026, 11, 20), dt.datetime(2026, 11, 20, tzinfo=CST))],
)  # fmt: skip
def test_datetime_forms_are_aware_in_shanghai(cell: Cell, expected: dt.datetime) -> None:
    parsed = datetime_parser(CST)(cell)
    assert parsed == expected
    assert parsed.tzinfo is CST


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("  义乌 礼品 ", "义乌 礼品"), ("two\r\nlines", "two lines"), ("tab\there", "tab here"),
     ("=SUM(A1)", "=SUM(A1)"), ("'=SUM(A1)", "=SUM(A1)"), ("'+86", "+86"), ("'quoted", "'quoted"),
     ("中文　全角", "中文　全角"), (2026, "2026"), ("N/A", None)],
)  # fmt: skip
def test_text_is_stripped_and_line_breaks_become_a_space(cell: Cell, expected: str | None) -> None:
    assert parse_text(cell) == expected


@pytest.mark.parametrize(
    ("parser", "cell", "expected"),
    [(parse_count, "0", 0), (parse_money, "0", Decimal(0)), (parse_money, "¥0", Decimal(0)),
     (parse_bool, "0", False), (parse_medal, "0", 0), (parse_rate, "0%", Decimal(0)),
     (parse_count, 0, 0)],
)  # fmt: skip
def test_zero_is_a_value(parser: Parser, cell: Cell, expected: object) -> None:
    check(parser, cell, expected)


@pytest.mark.parametrize(
    "cell", [None, "", " ", "\t", "　", "-", "--", "—", "——", "－", "N/A", "n/a", "#N/A"]
)
@pytest.mark.parametrize(
    "parser",
    [parse_count, parse_money, parse_rate, parse_discount, parse_medal, parse_bool,
     parse_shipping, parse_number, parse_text, parse_id, parse_email, date_parser(CST),
     datetime_parser(CST)],
)  # fmt: skip
def test_blank_is_unknown_never_zero(parser: Parser, cell: Cell) -> None:
    assert is_blank(cell)
    assert parser(cell) is None


@pytest.mark.parametrize("cell", ["0", "无", "none", "null", "NULL", "?", "#DIV/0!"])
def test_only_the_documented_placeholders_are_blank(cell: Cell) -> None:
    assert not is_blank(cell)
