"""The importer's parsing layer: real files in tests/data/import/, one behaviour per test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from calendar_service.adapters.importing import (
    ParsedFile,
    RowError,
    escape_formula,
    parse_bytes,
    parse_file,
)
from calendar_service.adapters.importing.choices import parse_bool, parse_medal, parse_shipping
from calendar_service.adapters.importing.dates import date_parser, datetime_parser
from calendar_service.adapters.importing.decoding import SAVE_AS_UTF8
from calendar_service.adapters.importing.headers import PRODUCT_SPEC, STORE_SPEC, normalise
from calendar_service.adapters.importing.numbers import (
    number_parser,
    parse_count,
    parse_discount,
    parse_money,
    parse_number,
    parse_rate,
)
from calendar_service.adapters.importing.values import (
    Cell,
    CellError,
    Parser,
    is_blank,
    parse_email,
    parse_id,
    parse_text,
)
from calendar_service.domain.snapshots import (
    PRODUCT_COLUMNS,
    STORE_COLUMNS,
    ProductSnapshot,
    StoreSnapshot,
)
from tests.times import CST, IMPORT_CLOCK

DATA = Path(__file__).parent / "data" / "import"
AT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CST)


def naive(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A datetime as an Excel cell holds it: wall-clock time, no zone."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=CST).replace(tzinfo=None)


STORES = (
    StoreSnapshot(
        "b2b-1001",
        AT,
        name="义乌礼品旗舰店",
        member_since=dt.date(2021, 3, 15),
        medal_level=3,
        satisfaction=Decimal("4.8"),
        products_online=120,
        products_listed=118,
        gmv_30d=Decimal("12345.60"),
        buyers_30d=18,
        shipping_promise="24h",
        buyer_protection=True,
        delivery_guarantee=True,
        alipay_verified=True,
        online_trading=True,
        disputes_90d=1,
        dispute_rate_90d=Decimal("0.0001"),
        risk_score=Decimal(35),
        industrial_belt="义乌",
        last_group_wholesale_gmv=Decimal(5000),
        last_promotion_gmv=Decimal(8000),
        email="s1001@example.com",
    ),
    StoreSnapshot(
        "b2b-1002",
        AT,
        name="曹县工艺品, 有限公司",
        member_since=dt.date(2026, 9, 1),
        medal_level=0,
        products_online=25,
        gmv_30d=Decimal(0),
        buyers_30d=0,
        shipping_promise="none",
        buyer_protection=False,
        delivery_guarantee=False,
        alipay_verified=False,
        online_trading=False,
        disputes_90d=0,
        dispute_rate_90d=Decimal(0),
    ),
    StoreSnapshot(
        "b2b-1003",
        dt.datetime(2026, 11, 19, 23, 30, tzinfo=CST),
        name="白沟箱包",
        member_since=dt.date(2019, 12, 31),
        medal_level=5,
        satisfaction=Decimal(5),
        products_online=2000,
        products_listed=1990,
        gmv_30d=Decimal(1200000),
        buyers_30d=950,
        shipping_promise="48h",
        buyer_protection=True,
        delivery_guarantee=False,
        alipay_verified=True,
        online_trading=False,
        disputes_90d=3,
        dispute_rate_90d=Decimal("0.0002"),
        risk_score=Decimal(60),
        industrial_belt="白沟",
        email="bags@example.com",
    ),
)
PRODUCTS = (
    ProductSnapshot(
        "610001",
        "b2b-1001",
        AT,
        title="圣诞礼品盒 20件套",
        listed_at=dt.date(2026, 10, 1),
        wholesale_price=Decimal("25.80"),
        sales_30d=300,
        buyers_30d=45,
        clicks_30d=5200,
        competitiveness_score=Decimal("78.5"),
        free_sample=True,
        sample_price=Decimal("25.8"),
        stock=1000,
        online_order=True,
        image_square=True,
        image_watermark=False,
        description_complete=True,
        activity_discount=Decimal("0.85"),
        free_shipping=True,
    ),
    ProductSnapshot(
        "610002",
        "b2b-1001",
        AT,
        title="迷你挂件",
        listed_at=dt.date(2026, 11, 18),
        wholesale_price=Decimal("0.5"),
        sales_30d=0,
        buyers_30d=0,
        free_sample=False,
        stock=0,
        online_order=True,
        image_square=False,
        image_watermark=True,
        description_complete=False,
        free_shipping=False,
    ),
    ProductSnapshot(
        "610003",
        "b2b-1003",
        AT,
        title="旅行箱 24寸",
        wholesale_price=Decimal(199),
        sales_30d=12,
        buyers_30d=10,
        clicks_30d=800,
        competitiveness_score=Decimal(20),
        activity_discount=Decimal("0.9"),
    ),
)
XlsxValue = bool | float | Decimal | str | dt.datetime | dt.date | None
STORE_HEADER: list[XlsxValue] = [column.name for column in STORE_SPEC]
STORE_XLSX_ROWS: list[list[XlsxValue]] = [
    ["b2b-1001", "义乌礼品旗舰店", naive(2026, 11, 20, 10), naive(2021, 3, 15),
     "AAA", 4.8, 120, 118, 12345.6, 18, "24h", True, True, True, True, 1, 0.0001, 35, "义乌",
     5000, 8000, "s1001@example.com"],
    ["b2b-1002", "曹县工艺品, 有限公司", naive(2026, 11, 20, 10), dt.date(2026, 9, 1), 0,
     None, 25, None, 0, 0, "无", False, "否", False, 0, 0, 0, None, None, None, None, None],
    ["b2b-1003", "白沟箱包", "2026-11-19 23:30", naive(2019, 12, 31), "5A", 5, 2000,
     1990, "1,200,000", 950, "48小时发货", "是", False, 1, 0, 3, "0.02%", 60.0, "白沟", None,
     None, "bags@example.com"],
]  # fmt: skip


def write_xlsx(path: Path, *sheets: Sequence[Sequence[XlsxValue]]) -> Path:
    """An XLSX workbook with one sheet per list of rows (an empty row is a blank sheet row)."""
    book = openpyxl.Workbook()
    for number, rows in enumerate(sheets):
        sheet = book.active if number == 0 else book.create_sheet(f"Sheet{number + 1}")
        assert isinstance(sheet, Worksheet)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                sheet.cell(row_number, column, value)
    book.save(path)
    return path


def parse(name: str) -> ParsedFile:
    return parse_file(DATA / name, tz=CST, now=IMPORT_CLOCK)


def parse_text_file(text: str, name: str = "t.csv") -> ParsedFile:
    return parse_bytes(text.encode(), name, tz=CST, now=IMPORT_CLOCK)


def messages(parsed: ParsedFile) -> list[str]:
    return [str(error) for error in parsed.errors]


# Formats, encodings and headers


@pytest.mark.parametrize(
    "name",
    [
        "stores_en.csv",  # English headers and English value forms
        "stores_zh_utf8.csv",  # Chinese headers and value forms, CRLF
        "stores_zh_utf8_bom.csv",  # what Excel writes as "CSV UTF-8"
        "stores_zh_gb18030.csv",  # what Excel in China writes as plain CSV
        "stores_en_semicolon.csv",  # ; separates, so an unquoted comma is text
        "stores_en_tab.tsv",
        "stores.json",  # a list of objects; one object with Chinese keys
    ],
)
def test_every_store_file_gives_the_same_snapshots(name: str) -> None:
    parsed = parse(name)
    assert (parsed.errors, parsed.warnings) == ((), ())
    assert parsed.kind == "stores"
    assert parsed.stores == STORES
    assert parsed.rows_total == 3


def test_xlsx_cells_of_every_type_give_the_same_snapshots(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stores.xlsx", [STORE_HEADER, *STORE_XLSX_ROWS])
    parsed = parse_file(path, tz=CST, now=IMPORT_CLOCK)
    assert parsed.errors == ()
    assert parsed.stores == STORES


@pytest.mark.parametrize("name", ["products_en.csv", "products_zh_gb18030.csv"])
def test_product_files_are_told_by_their_product_id_column(name: str) -> None:
    parsed = parse(name)
    assert (parsed.kind, parsed.errors, parsed.stores) == ("products", (), ())
    assert parsed.products == PRODUCTS


def test_json_object_with_stores_and_products_is_mixed() -> None:
    parsed = parse("mixed.json")
    assert (parsed.kind, parsed.errors) == ("mixed", ())
    assert (parsed.stores, parsed.products) == (STORES[:1], PRODUCTS[:1])


def test_every_snapshot_field_has_a_column() -> None:
    assert sorted(c.name for c in STORE_SPEC) == sorted(STORE_COLUMNS)
    assert sorted(c.name for c in PRODUCT_SPEC) == sorted(PRODUCT_COLUMNS)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        (" Store_ID ", "storeid"),
        ("STORE ID", "storeid"),
        ("store-id", "storeid"),
        ("店铺ＩＤ", "店铺id"),  # full-width letters
        ("\u200b店铺ID", "店铺id"),  # a zero-width space pasted in
        ("近30天交易额(元)", "近30天交易额"),
        ("近30天交易额（元）", "近30天交易额"),
    ],
)
def test_headers_match_whatever_their_case_width_spacing_and_unit(header: str, key: str) -> None:
    assert normalise(header) == key


def test_unknown_columns_are_reported_and_missing_required_ones_reject_the_file() -> None:
    parsed = parse("stores_unknown_and_missing.csv")
    name = str(DATA / "stores_unknown_and_missing.csv")
    assert messages(parsed) == [
        f"{name}:1: header: missing required columns store_id, captured_at; a store file "
        "needs store_id (店铺ID or 会员ID), captured_at (数据日期)"
    ]
    assert len(parsed.warnings) == 1
    assert parsed.warnings[0].startswith(
        f'{name}:1: header: unknown columns are ignored: "colour" (column C), "Rating" '
        "(column E); the store columns are store_id, name, captured_at,"
    )


def test_a_product_file_needs_product_store_and_time() -> None:
    parsed = parse_text_file("商品ID,商品名称\n1,x\n")
    assert messages(parsed) == [
        "t.csv:1: header: missing required columns store_id, captured_at; a product file "
        "needs product_id (商品ID), store_id (店铺ID or 会员ID), captured_at (数据日期)"
    ]


def test_a_column_given_twice_is_an_error() -> None:
    parsed = parse("stores_duplicate_column.csv")
    name = str(DATA / "stores_duplicate_column.csv")
    assert messages(parsed) == [
        f'{name}:1: store_id: the column is given more than once: "store_id" (column A), '
        '"店铺ID" (column C); keep one',
        f'{name}:1: medal_level: the column is given more than once: "Medal Level" '
        '(column D), "交易勋章" (column E); keep one',
    ]


def test_a_cell_under_no_header_is_reported() -> None:
    parsed = parse_text_file("store_id,,captured_at\ns-1,,2026-11-20\ns-2,x,2026-11-20\n")
    assert parsed.errors == ()
    assert parsed.warnings == ("t.csv:3: header: column B has no header; its cells are ignored",)


def test_extra_cells_beyond_the_header_are_an_error() -> None:
    parsed = parse_text_file("store_id,name,captured_at\ns-1,Foo, Inc,2026-11-20\n")
    assert (
        "t.csv:2: row: has 4 cells but the header has 3 columns; quote a cell that holds "
        in (messages(parsed)[-1])
    )


# Values: every form a person types


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
    ("parser", "cell"),
    [(parse_count, "0"), (parse_money, "0"), (parse_money, "¥0"), (parse_bool, "0"),
     (parse_medal, "0"), (parse_rate, "0%"), (parse_count, 0)],
)  # fmt: skip
def test_zero_is_a_value(parser: Parser, cell: Cell) -> None:
    assert parser(cell) is not None


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


@pytest.mark.parametrize(
    ("parser", "cell", "message"),
    [
        (parse_medal, "4星", '"4星" is not a medal level; write 0-5, AAA or 3A'),
        (parse_medal, "AAAAAA", '"AAAAAA" is more than 5; write 0-5, AAA or 3A'),
        (parse_medal, -1, '"-1" is not a medal level; write 0-5, AAA or 3A'),
        (parse_bool, "maybe", '"maybe" is not yes or no; write 是/否, yes/no, true/false or 1/0'),
        (parse_bool, 2, '"2" is not yes or no; write 是/否, yes/no, true/false or 1/0'),
        (
            parse_rate,
            "5",
            '"5" is more than 1; write a percentage with the % sign (5%) or a fraction (0.05)',
        ),
        (
            parse_rate,
            "250",
            '"250" is more than 1; write a percentage with the % sign or a fraction from 0 to 1',
        ),
        (parse_rate, "101%", '"101%" is more than 100%; a rate is 0% to 100%'),
        (parse_rate, "-1%", '"-1%" is negative; write 0 or more'),
        (
            parse_rate,
            "1‰",
            '"1‰" is not a rate; write a percentage such as 0.01% or a fraction such as 0.0001',
        ),
        (
            parse_money,
            "12,34",
            '"12,34" is not an amount of money; write 12345.60, 12,345.60 or ¥12345.60',
        ),
        (parse_money, "-5", '"-5" is negative; write 0 or more'),
        (
            parse_money,
            "1e5",
            '"1e5" is not an amount of money; write 12345.60, 12,345.60 or ¥12345.60',
        ),
        (
            parse_money,
            "NaN",
            '"NaN" is not an amount of money; write 12345.60, 12,345.60 or ¥12345.60',
        ),
        (
            parse_money,
            "9" * 16,
            f'"{"9" * 16}" is too large; write at most 12 digits before the point',
        ),
        # What the parser accepts, storage holds (domain.limits): no database error later.
        (
            parse_money,
            "1" * 13,
            f'"{"1" * 13}" is too large; write at most 12 digits before the point',
        ),
        (
            parse_money,
            "1,234,567,890,123",
            '"1,234,567,890,123" is too large; write at most 12 digits before the point',
        ),
        (
            parse_money,
            "100000000万",
            '"100000000万" is too large; write at most 12 digits before the point',
        ),
        (
            parse_money,
            "12345.6789012",
            '"12345.6789012" has more than 6 decimal places; round it to 6 (e.g. 12345.678901)',
        ),
        (
            parse_money,
            Decimal("1e-999999999"),
            '"1E-999999999" has more than 6 decimal places; round it to 6 (e.g. 0)',
        ),
        (
            parse_money,
            Decimal("1e999999999"),
            '"1E+999999999" is too large; write at most 12 digits before the point',
        ),
        (
            number_parser(Decimal(5)),
            "4.1234567",
            '"4.1234567" has more than 6 decimal places; round it to 6 (e.g. 4.123457)',
        ),
        (
            parse_rate,
            "0.0001234%",
            '"0.0001234%" has more than 4 decimal places; round it to 4 (e.g. 0.0001%)',
        ),
        (
            parse_discount,
            "0.12345678",
            '"0.12345678" has more than 6 decimal places; round it to 6 (e.g. 0.123457)',
        ),
        (
            parse_count,
            "12345678901",
            '"12345678901" is too large; a count is at most 2,147,483,647',
        ),
        (parse_count, 2**31, '"2147483648" is too large; a count is at most 2,147,483,647'),
        (
            parse_money,
            True,
            '"TRUE" is not an amount of money; write 12345.60, 12,345.60 or ¥12345.60',
        ),
        (
            parse_money,
            "=cmd|' /C calc'!A0",
            "\"=cmd|' /C calc'!A0\" is not an amount of money; "
            "write 12345.60, 12,345.60 or ¥12345.60",
        ),
        (parse_count, "-3", '"-3" is negative; write 0 or more'),
        (parse_count, -3, '"-3" is negative; write 0 or more'),
        (parse_count, "12.5", '"12.5" is not a whole number; write a whole number such as 120'),
        (parse_count, "12元", '"12元" is not a count; write a whole number such as 120'),
        (parse_count, float("inf"), '"inf" is not a count; write a whole number such as 120'),
        (parse_number, "-0.5", '"-0.5" is negative; write 0 or more'),
        (number_parser(Decimal(5)), "5.5", '"5.5" is more than 5; write 0 to 5'),
        (
            parse_discount,
            "85",
            '"85" is more than 1; write a percentage (85%), 折 (8.5折) or a fraction (0.85)',
        ),
        (
            parse_discount,
            "0",
            '"0" is not a discount: the price would be 0; write 8.5折, 85% or 0.85',
        ),
        (parse_discount, "120%", '"120%" is more than the full price; write at most 100% (10折)'),
        (parse_discount, "100折", '"100折" is not a discount; write 8.5折, 85% or 0.85'),
        (
            parse_shipping,
            "36h",
            '"36h" is not a shipping promise; write 24h, 48h, 72h or 无 (none)',
        ),
        (
            parse_email,
            "not-an-email",
            '"not-an-email" is not an e-mail address; write name@example.com',
        ),
        (parse_id, "b2b 1001", '"b2b 1001" contains a space or line break; an ID is one word'),
        (parse_id, "x" * 101, "is too long for an ID (101 characters); write at most 100"),
        (parse_text, "x" * 1001, "is too long (1001 characters); write at most 1000"),
        (
            parse_text,
            "bell\x07",
            "contains the invisible control character U+0007 at character 5; remove it",
        ),
        (
            parse_text,
            "evil\u202eexe.txt",
            "contains the invisible control character U+202E at character 5; remove it",
        ),
        (
            parse_text,
            "半个\ud83d表情",  # what JSON's "\ud83d" escape alone decodes to
            "contains U+D83D at character 3, half of a UTF-16 surrogate pair and no character; "
            "write the character itself, or both halves of its \\u escape",
        ),
        (
            parse_id,
            "b2b-\udc00",
            "contains U+DC00 at character 5, half of a UTF-16 surrogate pair and no character; "
            "write the character itself, or both halves of its \\u escape",
        ),
        (
            parse_text,
            "#VALUE!",
            "the cell holds the spreadsheet error #VALUE!; fix the formula or leave the cell blank",
        ),
        (
            date_parser(CST),
            "11/20/2026",
            '"11/20/2026" is not a date; write 2026-11-20, 2026/11/20 or 2026年11月20日',
        ),
        (
            date_parser(CST),
            "2026-02-30",
            '"2026-02-30" is not a real date; write 2026-11-20, 2026/11/20 or 2026年11月20日',
        ),
        (
            date_parser(CST),
            "2026-11/20",
            '"2026-11/20" is not a date; write 2026-11-20, 2026/11/20 or 2026年11月20日',
        ),
        (
            date_parser(CST),
            46346,
            '"46346" is a number, not a date; format the cell as a date or '
            "write 2026-11-20, 2026/11/20 or 2026年11月20日",
        ),
        (
            datetime_parser(CST),
            "2026-11-20 25:00",
            '"2026-11-20 25:00" is not a real date and '
            "time; write 2026-11-20 14:30, 2026-11-20 or 2026-11-20T14:30:00+08:00",
        ),
        (
            datetime_parser(CST),
            "1899-12-31",
            '"1899-12-31" is not a real date and time; write '
            "2026-11-20 14:30, 2026-11-20 or 2026-11-20T14:30:00+08:00",
        ),
        (
            datetime_parser(CST),
            dt.time(14, 30),
            '"14:30:00" is a time without a date; write '
            "2026-11-20 14:30, 2026-11-20 or 2026-11-20T14:30:00+08:00",
        ),
    ],
)
def test_bad_value_says_what_to_write(parser: Parser, cell: Cell, message: str) -> None:
    with pytest.raises(CellError) as raised:
        parser(cell)
    assert raised.value.message == message


# Whole files: every problem, each at its line


def test_every_bad_row_is_reported_at_its_line_and_the_file_goes_on() -> None:
    parsed = parse("stores_bad_values.csv")
    name = str(DATA / "stores_bad_values.csv")
    money = "write 12345.60, 12,345.60 or ¥12345.60"
    date = "write 2026-11-20, 2026/11/20 or 2026年11月20日"
    assert messages(parsed) == [
        f'{name}:2: medal_level: "4星" is not a medal level; write 0-5, AAA or 3A',
        f'{name}:3: medal_level: "6" is more than 5; write 0-5, AAA or 3A',
        f'{name}:4: satisfaction: "5.5" is more than 5; write 0 to 5',
        f'{name}:5: products_online: "-3" is negative; write 0 or more',
        f'{name}:6: products_online: "12.5" is not a whole number; write a whole number such '
        "as 120",
        f'{name}:7: gmv_30d: "-5" is negative; write 0 or more',
        f'{name}:8: gmv_30d: "12,34" is not an amount of money; {money}',
        f"{name}:9: gmv_30d: \"=cmd|' /C calc'!A0\" is not an amount of money; {money}",
        f'{name}:10: shipping_promise: "36h" is not a shipping promise; write 24h, 48h, 72h or '
        "无 (none)",
        f'{name}:11: buyer_protection: "maybe" is not yes or no; write 是/否, yes/no, '
        "true/false or 1/0",
        f'{name}:12: dispute_rate_90d: "5" is more than 1; write a percentage with the % sign '
        "(5%) or a fraction (0.05)",
        f'{name}:13: dispute_rate_90d: "150%" is more than 100%; a rate is 0% to 100%',
        f'{name}:14: email: "not-an-email" is not an e-mail address; write name@example.com',
        f'{name}:15: member_since: "2026-13-01" is not a real date; {date}',
        f'{name}:16: member_since: "11/20/2026" is not a date; {date}',
        f"{name}:17: captured_at: 2027-01-01 00:00 is in the future (now is 2026-11-21 12:00); "
        "write when the data was taken",
        f"{name}:18: member_since: 2026-12-01 is after captured_at 2026-11-20; membership "
        "cannot start after the data was taken",
        f"{name}:19: store_id: is required; write the store's ID (店铺ID)",
        f"{name}:20: captured_at: is required; write when the data was taken, e.g. "
        "2026-11-20 14:30",
        f"{name}:21: gmv_30d: the cell holds the spreadsheet error #DIV/0!; fix the formula or "
        "leave the cell blank",
        f"{name}:22: name: contains the invisible control character U+0007 at character 5; "
        "remove it",
        f'{name}:23: store_id: store "s-02" at 2026-11-20 00:00 is already on line 2; keep one '
        "row per store_id and captured_at",
        f"{name}:24: name: is too long (1001 characters); write at most 1000",
        f'{name}:25: products_online: "1e5" is not a count; write a whole number such as 120',
    ]
    # Line 26 is all placeholders: a valid row whose figures are all unknown.
    assert parsed.stores == (StoreSnapshot("s-26", dt.datetime(2026, 11, 20, tzinfo=CST)),)
    assert parsed.rows_total == 25


def test_row_error_prints_as_file_line_column_message() -> None:
    error = RowError("stores.csv", 7, "medal_level", '"4星" is not a medal level')
    assert str(error) == 'stores.csv:7: medal_level: "4星" is not a medal level'


def test_blank_cells_are_none_not_zero() -> None:
    parsed = parse_text_file(
        "store_id,captured_at,products_online,gmv_30d,medal_level,buyer_protection\n"
        "s-1,2026-11-20,,  ,-,N/A\n"
    )
    (store,) = parsed.stores
    assert (store.products_online, store.gmv_30d, store.medal_level) == (None, None, None)
    assert store.buyer_protection is None


def test_a_negative_count_is_an_error() -> None:
    parsed = parse_text_file("store_id,captured_at,buyers_30d\ns-1,2026-11-20,-1\n")
    assert messages(parsed) == ['t.csv:2: buyers_30d: "-1" is negative; write 0 or more']
    assert parsed.stores == ()


@pytest.mark.parametrize(
    ("captured_at", "accepted"),
    [("2026-11-21 12:04", True), ("2026-11-21 12:06", False), ("2026-11-21T04:04:00Z", True)],
)
def test_captured_at_may_be_a_few_minutes_ahead_of_now(captured_at: str, accepted: bool) -> None:
    parsed = parse_text_file(f"store_id,captured_at\ns-1,{captured_at}\n")
    assert parsed.ok is accepted


def test_the_same_product_twice_is_an_error_naming_the_first_line() -> None:
    parsed = parse_text_file(
        "product_id,store_id,captured_at\n1,s,2026-11-20\n2,s,2026-11-20\n1,s,2026/11/20\n"
    )
    assert messages(parsed) == [
        't.csv:4: product_id: product "1" at 2026-11-20 00:00 is already on line 2; keep one '
        "row per product_id and captured_at"
    ]


def test_the_same_store_at_another_time_is_not_a_duplicate() -> None:
    parsed = parse_text_file("store_id,captured_at\ns-1,2026-11-20\ns-1,2026-11-19\n")
    assert (parsed.errors, len(parsed.stores)) == ((), 2)


def test_a_listing_after_captured_at_is_an_error() -> None:
    parsed = parse_text_file(
        "product_id,store_id,captured_at,listed_at\n1,s,2026-11-20,2026-11-21\n"
    )
    assert messages(parsed) == [
        "t.csv:2: listed_at: 2026-11-21 is after captured_at 2026-11-20; the listing cannot "
        "start after the data was taken"
    ]


def test_csv_lines_count_records_as_a_spreadsheet_shows_them() -> None:
    parsed = parse("stores_multiline.csv")
    name = str(DATA / "stores_multiline.csv")
    assert messages(parsed) == [
        f'{name}:3: medal_level: "4星" is not a medal level; write 0-5, AAA or 3A',
        f'{name}:5: medal_level: "7" is more than 5; write 0-5, AAA or 3A',
    ]
    assert parsed.stores[0].name == "Two-line name"
    assert parsed.rows_total == 3


def test_json_errors_name_the_line_of_the_item_and_the_item() -> None:
    parsed = parse("stores_bad.json")
    name = str(DATA / "stores_bad.json")
    assert messages(parsed) == [
        f'{name}:2: medal_level: "4星" is not a medal level; write 0-5, AAA or 3A (item 1)',
        f"{name}:3: gmv_30d: a list is not a value here; write a single value (item 2)",
        f'{name}:8: item: item 3 is text, not an object; write {{"store_id": ...}}',
        f'{name}:9: store_id: store "s-1" at 2026-11-20 00:00 is already on line 2 (item 1); '
        "keep one row per store_id and captured_at (item 4)",
    ]


def test_minified_json_tells_items_apart_on_one_line() -> None:
    parsed = parse("stores_minified.json")
    assert [(e.line, e.message[-8:]) for e in parsed.errors] == [(1, "(item 1)"), (1, "(item 2)")]


def test_json_keys_of_one_column_in_one_object_are_an_error() -> None:
    parsed = parse_text_file(
        '[{"store_id": "a", "店铺ID": "b", "captured_at": "2026-11-20"}]', "t.json"
    )
    assert messages(parsed) == [
        't.json:1: store_id: "store_id" and "店铺ID" are the same column; keep one (item 1)'
    ]


def test_xlsx_lines_are_sheet_rows_and_other_sheets_are_reported(tmp_path: Path) -> None:
    rows: list[list[XlsxValue]] = [
        [],
        ["店铺ID", "数据日期", "交易勋章"],
        ["s-1", naive(2026, 11, 20), "4星"],
        [],
        ["s-2", naive(2026, 11, 20), 9],
    ]
    path = write_xlsx(tmp_path / "stores.xlsx", rows, [["notes"]])
    parsed = parse_file(path, tz=CST, now=IMPORT_CLOCK)
    assert messages(parsed) == [
        f'{path}:3: medal_level: "4星" is not a medal level; write 0-5, AAA or 3A',
        f'{path}:5: medal_level: "9" is more than 5; write 0-5, AAA or 3A',
    ]
    assert parsed.warnings == (
        f"{path}:0: file: only the first sheet ('Sheet') was read; the others are ignored",
    )


# Files that cannot be read at all: one error, never an exception


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("empty.csv", 0, "the file is empty; write a header row and one row per store or product"),
        ("stores_header_only.csv", 1, "there is a header but no rows; add one row per store or "
         "product"),
        ("stores_latin1.csv", 0, "byte 33 (0xE9) cannot be read: the text is neither UTF-8 nor "
         f"GB18030, and the encoding is never guessed; {SAVE_AS_UTF8}"),
        ("stores_invalid.json", 3, "invalid JSON: expected ',', found '{'; write a list of "
         'objects, or {"stores": [...], "products": [...]}'),
    ],
)  # fmt: skip
def test_an_unreadable_file_is_one_error(name: str, line: int, message: str) -> None:
    parsed = parse(name)
    assert parsed.errors == (RowError(str(DATA / name), line, "file", message),)
    assert (parsed.stores, parsed.products) == ((), ())


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\xff\xfes\x00", "t.csv", f"the text is UTF-16 (Excel's 'Unicode text'); {SAVE_AS_UTF8}"),
        (b"\xef\xbb\xbfstore_id\xff", "t.csv", "byte 11 (0xFF) cannot be read: the text starts "
         "with a UTF-8 byte-order mark but is not UTF-8, and the encoding is never guessed; "
         f"{SAVE_AS_UTF8}"),
        (b"PK\x03\x04not a zip", "t.xlsx", "this is not a readable XLSX workbook (BadZipFile); "
         'save it as "CSV UTF-8" or .xlsx and import again'),
        (b"store_id,captured_at\n", "t.xlsx", "this is not a readable XLSX workbook "
         '(BadZipFile); save it as "CSV UTF-8" or .xlsx and import again'),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "t.xls", "this is an old Excel .xls file (or "
         'a password-protected workbook); save it as "CSV UTF-8" or .xlsx and import again'),
        (b"store_id\x00,captured_at", "t.csv", 'the text has a NUL byte: this is binary data, '
         'not CSV; save it as "CSV UTF-8" or .xlsx and import again'),
        (b"[]", "t.json", 'the file has no items; write a list of objects, or {"stores": '
         '[...], "products": [...]}'),
        (b'{"shops": []}', "t.json", 'the object has neither "stores" nor "products"; write a '
         'list of objects, or {"stores": [...], "products": [...]}'),
        (b'{"stores": 1}', "t.json", '"stores" is not a list; write a list of objects, or '
         '{"stores": [...], "products": [...]}'),
        (b"[" * 100_000, "t.json", "invalid JSON: maximum recursion depth exceeded while "
         "decoding a JSON array from a unicode string; fix the syntax"),
        (b" \r\n\t", "t.csv", "the file is empty; write a header row and one row per store or "
         "product"),
    ],
)  # fmt: skip
def test_bad_content_is_an_error_not_an_exception(data: bytes, name: str, message: str) -> None:
    parsed = parse_bytes(data, name, tz=CST, now=IMPORT_CLOCK)
    assert [e.message for e in parsed.errors] == [message]


def test_truncated_xlsx_is_an_error(tmp_path: Path) -> None:
    data = write_xlsx(tmp_path / "s.xlsx", [STORE_HEADER, *STORE_XLSX_ROWS]).read_bytes()
    parsed = parse_bytes(data[: len(data) // 2], "s.xlsx", tz=CST, now=IMPORT_CLOCK)
    assert len(parsed.errors) == 1
    assert parsed.errors[0].line == 0


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    parsed = parse_file(tmp_path / "nope.csv", tz=CST, now=IMPORT_CLOCK)
    assert messages(parsed) == [
        f"{tmp_path / 'nope.csv'}:0: file: the file cannot be opened (No such file or "
        "directory); check the path"
    ]


# Formula injection


def test_formula_text_is_kept_as_typed_and_flagged() -> None:
    parsed = parse("stores_formula.csv")
    name = str(DATA / "stores_formula.csv")
    assert messages(parsed) == [
        f'{name}:3: products_online: "=1+2" is not a count; write a whole number such as 120'
    ]
    assert parsed.stores[0].name == '=HYPERLINK("http://evil.example","click")'
    assert parsed.warnings == (
        f"{name}:2: name: 2 cell(s) start with =, +, -, @ or a tab (line 2, 3); kept as typed, "
        "and exports escape them",
        f"{name}:2: industrial_belt: 2 cell(s) start with =, +, -, @ or a tab (line 2, 3); kept "
        "as typed, and exports escape them",
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+86", "'+86"), ("-1", "'-1"), ("@x", "'@x"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("义乌", "义乌"), ("a=b", "a=b"), ("", "")],
)  # fmt: skip
def test_escape_formula_prefixes_an_apostrophe(text: str, escaped: str) -> None:
    assert escape_formula(text) == escaped


@pytest.mark.parametrize("text", ["=HYPERLINK(x)", "+86 shop", "-义乌", "@SUM(A1)", "shop"])
def test_an_escaped_export_reads_back_as_typed(text: str) -> None:
    assert parse_text(escape_formula(text)) == text


def test_a_gb18030_byte_order_mark_is_dropped() -> None:
    data = "\ufeff店铺ID,数据日期\ns-1,2026-11-20\n".encode("gb18030")
    assert parse_bytes(data, "t.csv", tz=CST, now=IMPORT_CLOCK).ok


# Progress


def test_a_large_file_shows_progress_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"s-{n},2026-11-20\n" for n in range(6000))
    parsed = parse_bytes(
        ("store_id,captured_at\n" + rows).encode(),
        "big.csv",
        tz=CST,
        now=IMPORT_CLOCK,
        progress=True,
    )
    assert (parsed.errors, len(parsed.stores)) == ((), 6000)
    assert "6000row" in capsys.readouterr().err  # rows are counted as read: no total


@pytest.mark.parametrize(("rows", "progress"), [(6000, False), (100, True)])
def test_progress_is_quiet_when_off_or_small(
    rows: int, progress: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(f"s-{n},2026-11-20\n" for n in range(rows))
    parse_bytes(("store_id,captured_at\n" + body).encode(), "f.csv", tz=CST, now=IMPORT_CLOCK,
                progress=progress)  # fmt: skip
    assert capsys.readouterr().err == ""


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_bytes(b"", "t.csv", tz=CST, now=naive(2026, 1, 1))


def test_snapshot_fields_follow_the_domain() -> None:
    assert {f.name for f in fields(StoreSnapshot)} == set(STORE_COLUMNS)
