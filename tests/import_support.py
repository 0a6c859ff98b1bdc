"""What the importer's tests share: the files under tests/data/import/, the snapshots they hold,
and shortcuts to parse a file or a text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from calendar_service.adapters.importing import ParsedFile, parse_bytes, parse_file
from calendar_service.adapters.importing.headers import STORE_SPEC
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
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
