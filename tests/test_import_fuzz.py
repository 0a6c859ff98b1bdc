"""Property tests of the parsing layer: what it accepts round-trips (that it never raises on
anything at all: test_import_garbage.py).

Snapshots are generated, rendered as cells in the varied forms a person types (and as native
XLSX and JSON values), written as CSV (UTF-8, BOM, GB18030; `,` `;` tab), JSON or XLSX with
English or Chinese headers, then parsed back and compared.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from decimal import Decimal
from typing import Protocol, TypeVar

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from calendar_service.adapters.importing import parse_bytes
from calendar_service.adapters.importing.decoding import detect
from calendar_service.adapters.importing.headers import PRODUCT_SPEC, STORE_SPEC, Column, ValueKind
from calendar_service.adapters.importing.tables import ReadError
from calendar_service.adapters.importing.values import (
    BLANK_TOKENS,
    FORMULA_START,
    SPREADSHEET_ERRORS,
)
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from tests.times import CST, IMPORT_CLOCK

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUND_TRIP = settings(FUZZ, max_examples=100)  # each example draws a form for every cell
SLOW = settings(FUZZ, max_examples=20)  # each example writes a workbook
COLUMNS = {column.name: column for column in STORE_SPEC}
BLANKS = ("", " ", "-", "—", "N/A", "#N/A")
BAD = ("=1+2", "abc", "-1", "1e5", "NaN", "4星", "=cmd|' /C calc'!A0")

T = TypeVar("T")


class Draw(Protocol):
    def __call__(self, strategy: st.SearchStrategy[T], /) -> T: ...


# Generated snapshots, rendered in varied forms ---------------------------------------------------

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,19}", fullmatch=True)
money = st.decimals(0, 10**9, places=2)
captured_ats = st.datetimes(
    min_value=dt.datetime(2000, 1, 1, tzinfo=CST).replace(tzinfo=None),
    max_value=dt.datetime(2026, 11, 21, 11, tzinfo=CST).replace(tzinfo=None),
).map(lambda moment: moment.replace(microsecond=0, tzinfo=CST))
text_values = st.text(
    st.characters(blacklist_categories=["Cc", "Cs", "Cf"]), min_size=1, max_size=30
).filter(
    lambda s: (
        s == s.strip()
        and s.casefold() not in BLANK_TOKENS
        and s.upper() not in SPREADSHEET_ERRORS
        and not (s.startswith("'") and s[1:].startswith(FORMULA_START))
    )  # an escaped formula
)


def fmt(number: Decimal) -> str:
    return format(number, "f")


def render_date(day: dt.date, draw: Draw) -> str:
    return draw(
        st.sampled_from(
            [day.isoformat(), f"{day:%Y/%m/%d}", f"{day:%Y.%m.%d}", f"{day:%Y%m%d}",
             f"{day.year}年{day.month}月{day.day}日", f"{day.year}/{day.month}/{day.day}"]
        )
    )  # fmt: skip


def render_datetime(moment: dt.datetime, draw: Draw) -> str:
    forms = [
        f"{moment:%Y-%m-%d %H:%M:%S}", f"{moment:%Y/%m/%d %H:%M:%S}",
        f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M:%S}",
        moment.isoformat(), moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    ]  # fmt: skip
    if moment.second == 0:
        forms.append(f"{moment:%Y.%m.%d %H:%M}")
    if moment.time() == dt.time(0):
        forms.append(moment.date().isoformat())
    return draw(st.sampled_from(forms))


def render(column: Column, value: object, draw: Draw) -> str:
    """The value as one of the texts a person could type for it."""
    kind = column.kind
    if value is None:
        return draw(st.sampled_from(BLANKS))
    if isinstance(value, bool):
        yes = ["是", "yes", "YES", "true", "True", "1", "y", "有", "已开通"]
        no = ["否", "no", "No", "false", "FALSE", "0", "n", "无", "未开通"]
        return draw(st.sampled_from(yes if value else no))
    if isinstance(value, dt.datetime):
        return render_datetime(value, draw)
    if isinstance(value, dt.date):
        return render_date(value, draw)
    if kind is ValueKind.MEDAL:
        assert isinstance(value, int)
        forms = [str(value), f"{value}A", f"{value}a"] + (["A" * value, "a" * value] * bool(value))
        return draw(st.sampled_from(forms))
    if kind is ValueKind.COUNT:
        assert isinstance(value, int)
        return draw(st.sampled_from([str(value), f"{value:,}", f"{value}件", f"{value:,}笔"]))
    if kind is ValueKind.SHIPPING:
        hours = str(value).removesuffix("h")
        forms = (
            ["无", "none", "NONE"]
            if value == "none"
            else [f"{hours}h", f"{hours}H", f"{hours}小时", f"{hours}小时发货"]
        )
        return draw(st.sampled_from(forms))
    if isinstance(value, Decimal):
        plain = fmt(value)
        if kind is ValueKind.MONEY:
            forms = [
                plain,
                f"{value:,}",
                f"¥{value:,}",
                f"￥{plain}",
                f"{plain}元",
                f"¥ {plain} 元",
                f"{fmt(value.scaleb(-4))}万",
            ]
            return draw(st.sampled_from(forms))
        if kind is ValueKind.RATE:
            return draw(st.sampled_from([plain, f"{fmt(value.scaleb(2))}%"]))
        if kind is ValueKind.DISCOUNT:
            forms = [plain, f"{fmt(value.scaleb(2))}%", f"{fmt(value.scaleb(1))}折"]
            return draw(st.sampled_from(forms))
        return draw(st.sampled_from([plain, f"{plain}分"]))
    assert isinstance(value, str)
    return value


@st.composite
def store_snapshots(draw: st.DrawFn) -> StoreSnapshot:
    captured = draw(captured_ats)

    def maybe(strategy: st.SearchStrategy[T]) -> T | None:
        return draw(st.none() | strategy)

    return StoreSnapshot(
        store_id=draw(ids),
        captured_at=captured,
        name=maybe(text_values),
        member_since=maybe(st.dates(dt.date(2000, 1, 1), captured.date())),
        medal_level=maybe(st.integers(0, 5)),
        satisfaction=maybe(st.decimals(0, 5, places=2)),
        products_online=maybe(st.integers(0, 10**9)),
        products_listed=maybe(st.integers(0, 10**6)),
        gmv_30d=maybe(money),
        buyers_30d=maybe(st.integers(0, 10**5)),
        shipping_promise=maybe(st.sampled_from(["24h", "48h", "72h", "none"])),
        buyer_protection=maybe(st.booleans()),
        delivery_guarantee=maybe(st.booleans()),
        alipay_verified=maybe(st.booleans()),
        online_trading=maybe(st.booleans()),
        disputes_90d=maybe(st.integers(0, 50)),
        dispute_rate_90d=maybe(st.decimals(0, 1, places=6)),
        risk_score=maybe(st.decimals(0, 1000, places=1)),
        industrial_belt=maybe(text_values),
        last_group_wholesale_gmv=maybe(money),
        last_promotion_gmv=maybe(money),
        email=maybe(st.from_regex(r"[a-z0-9]{1,10}@[a-z]{1,10}\.(com|cn)", fullmatch=True)),
    )


@st.composite
def product_snapshots(draw: st.DrawFn) -> ProductSnapshot:
    captured = draw(captured_ats)

    def maybe(strategy: st.SearchStrategy[T]) -> T | None:
        return draw(st.none() | strategy)

    return ProductSnapshot(
        product_id=draw(ids),
        store_id=draw(ids),
        captured_at=captured,
        title=maybe(text_values),
        listed_at=maybe(st.dates(dt.date(2000, 1, 1), captured.date())),
        wholesale_price=maybe(money),
        sales_30d=maybe(st.integers(0, 10**6)),
        buyers_30d=maybe(st.integers(0, 10**6)),
        clicks_30d=maybe(st.integers(0, 10**9)),
        competitiveness_score=maybe(st.decimals(0, 100, places=1)),
        free_sample=maybe(st.booleans()),
        sample_price=maybe(money),
        stock=maybe(st.integers(0, 10**6)),
        online_order=maybe(st.booleans()),
        image_square=maybe(st.booleans()),
        image_watermark=maybe(st.booleans()),
        description_complete=maybe(st.booleans()),
        activity_discount=maybe(st.decimals(Decimal("0.01"), 1, places=2)),
        free_shipping=maybe(st.booleans()),
    )


store_lists = st.lists(
    store_snapshots(), min_size=1, max_size=3, unique_by=lambda s: (s.store_id, s.captured_at)
)


def headers(draw: Draw, spec: tuple[Column, ...] = STORE_SPEC) -> list[str]:
    """A header for each column: its name in some case, or its Chinese alias."""
    return [
        draw(st.sampled_from([c.name, c.name.upper(), c.name.replace("_", " "), *c.aliases]))
        for c in spec
    ]


def write_csv(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def encoded(text: str, draw: Draw) -> bytes:
    """The text in UTF-8, UTF-8 with a byte-order mark, or GB18030. Only as GB18030 when the
    importer takes it as such: GB18030 text whose non-ASCII characters are mostly outside GB2312
    is refused as probably Western (tests/test_import_hostile.py), and random text often is.
    """
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    if encoding == "gb18030":
        data = text.encode(encoding)
        try:
            detect(io.BytesIO(data))
        except ReadError:
            return text.encode("utf-8-sig")
        return data
    return text.encode(encoding)


@ROUND_TRIP
@given(stores=store_lists, data=st.data())
def test_csv_round_trip(stores: list[StoreSnapshot], data: st.DataObject) -> None:
    draw: Draw = data.draw
    rows = [headers(draw)]
    rows += [[render(c, getattr(s, c.name), draw) for c in STORE_SPEC] for s in stores]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    body = encoded(write_csv(rows, delimiter), draw)
    parsed = parse_bytes(body, "s.csv", tz=CST, now=IMPORT_CLOCK)
    assert (parsed.errors, parsed.stores) == ((), tuple(stores))


@ROUND_TRIP
@given(
    products=st.lists(
        product_snapshots(), min_size=1, max_size=3,
        unique_by=lambda p: (p.product_id, p.captured_at),
    ),
    data=st.data(),
)  # fmt: skip
def test_product_csv_round_trip(products: list[ProductSnapshot], data: st.DataObject) -> None:
    draw: Draw = data.draw
    rows = [headers(draw, PRODUCT_SPEC)]
    rows += [[render(c, getattr(p, c.name), draw) for c in PRODUCT_SPEC] for p in products]
    parsed = parse_bytes(encoded(write_csv(rows, ","), draw), "p.csv", tz=CST, now=IMPORT_CLOCK)
    assert (parsed.kind, parsed.errors, parsed.products) == ("products", (), tuple(products))


@ROUND_TRIP
@given(stores=store_lists, data=st.data())
def test_json_round_trip(stores: list[StoreSnapshot], data: st.DataObject) -> None:
    draw: Draw = data.draw

    def cell(column: Column, value: object) -> object:
        if isinstance(value, bool | int) and draw(st.booleans()):
            return value  # a native JSON true or number
        return render(column, value, draw)

    names = headers(draw)
    items = [{n: cell(c, getattr(s, c.name)) for n, c in zip(names, STORE_SPEC, strict=True)}
             for s in stores]  # fmt: skip
    document: object = {"stores": items} if draw(st.booleans()) else items
    text = json.dumps(document, ensure_ascii=False, indent=draw(st.sampled_from([None, 2])))
    parsed = parse_bytes(text.encode(), "s.json", tz=CST, now=IMPORT_CLOCK)
    assert (parsed.errors, parsed.stores) == ((), tuple(stores))


def xlsx_cell(column: Column, value: object, draw: Draw) -> object:
    """A native Excel value where a sheet would hold one, else the typed text."""
    native = draw(st.booleans())
    if native and isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if native and isinstance(value, Decimal) and column.kind is not ValueKind.MEDAL:
        return float(value)
    if (native and isinstance(value, bool | int)) or value is None:
        return value
    return render(column, value, draw)


@SLOW
@given(stores=store_lists, data=st.data())
def test_xlsx_round_trip(stores: list[StoreSnapshot], data: st.DataObject) -> None:
    draw: Draw = data.draw
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    rows: list[list[object]] = [list(headers(draw))]
    rows += [[xlsx_cell(c, getattr(s, c.name), draw) for c in STORE_SPEC] for s in stores]
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column_number, value)  # type: ignore[call-overload]  # cells of xlsx_cell
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "=" as a formula would
    out = io.BytesIO()
    book.save(out)
    parsed = parse_bytes(out.getvalue(), "s.xlsx", tz=CST, now=IMPORT_CLOCK)
    assert (parsed.errors, parsed.stores) == ((), tuple(stores))


# Any bad cell rejects the file -------------------------------------------------------------------


@ROUND_TRIP
@given(stores=store_lists, data=st.data())
def test_a_bad_cell_yields_its_error(stores: list[StoreSnapshot], data: st.DataObject) -> None:
    draw: Draw = data.draw
    typed = [c for c in STORE_SPEC if c.kind not in (ValueKind.ID, ValueKind.TEXT)]
    column = draw(st.sampled_from(typed))
    row = draw(st.integers(0, len(stores) - 1))
    rows = [[c.name for c in STORE_SPEC]]
    rows += [[render(c, getattr(s, c.name), draw) for c in STORE_SPEC] for s in stores]
    rows[row + 1][STORE_SPEC.index(column)] = draw(st.sampled_from(BAD))
    parsed = parse_bytes(write_csv(rows, ",").encode(), "s.csv", tz=CST, now=IMPORT_CLOCK)
    assert [(e.line, e.column) for e in parsed.errors] == [(row + 2, column.name)]
    assert len(parsed.stores) == len(stores) - 1


@FUZZ
@given(size=st.integers(990, 1010), char=st.sampled_from(["a", "长", "😀"]))
def test_huge_text_cells_are_refused(size: int, char: str) -> None:
    text = f"store_id,name,captured_at\ns-1,{char * size},2026-11-20\n"
    parsed = parse_bytes(text.encode(), "s.csv", tz=CST, now=IMPORT_CLOCK)
    assert parsed.ok is (size <= 1000)
    huge = f"store_id,name,captured_at\ns-1,x,2026-11-20 {'9' * size}\n"
    assert not parse_bytes(huge.encode(), "s.csv", tz=CST, now=IMPORT_CLOCK).ok


@FUZZ
@given(
    start=st.sampled_from(["=", "+", "-", "@"]),
    rest=text_values.filter(lambda s: s[0] not in "=+-@"),
)
def test_formula_text_is_kept_but_flagged_and_refused_as_a_number(start: str, rest: str) -> None:
    formula = start + rest
    rows = [["store_id", "name", "captured_at"], ["s-1", formula, "2026-11-20"]]
    parsed = parse_bytes(write_csv(rows, ",").encode(), "s.csv", tz=CST, now=IMPORT_CLOCK)
    assert [s.name for s in parsed.stores] == [formula]
    assert any("kept as typed" in warning for warning in parsed.warnings)
    if start != "-":  # "-0" is a number
        rows = [["store_id", "buyers_30d", "captured_at"], ["s-1", formula, "2026-11-20"]]
        parsed = parse_bytes(write_csv(rows, ",").encode(), "s.csv", tz=CST, now=IMPORT_CLOCK)
        assert [e.column for e in parsed.errors] == ["buyers_30d"]


@FUZZ
@given(store=store_snapshots(), ahead=st.integers(6, 10**6))
def test_a_future_captured_at_is_refused(store: StoreSnapshot, ahead: int) -> None:
    future = replace(
        store, captured_at=IMPORT_CLOCK + dt.timedelta(minutes=ahead), member_since=None
    )
    text = f"captured_at,store_id\n{future.captured_at:%Y-%m-%d %H:%M:%S},{future.store_id}\n"
    parsed = parse_bytes(text.encode(), "s.csv", tz=CST, now=IMPORT_CLOCK)
    assert [e.column for e in parsed.errors] == ["captured_at"]
