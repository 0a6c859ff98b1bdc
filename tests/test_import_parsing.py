"""The importer's parsing of whole files: formats, encodings and headers, formula injection,
progress; real files in tests/data/import/, one behaviour per test."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from calendar_service.adapters.importing import escape_formula, parse_bytes, parse_file
from calendar_service.adapters.importing.headers import PRODUCT_SPEC, STORE_SPEC, normalise
from calendar_service.adapters.importing.values import parse_text
from calendar_service.domain.snapshots import PRODUCT_COLUMNS, STORE_COLUMNS, StoreSnapshot
from tests.import_support import (
    DATA,
    PRODUCTS,
    STORE_HEADER,
    STORE_XLSX_ROWS,
    STORES,
    messages,
    naive,
    parse,
    parse_text_file,
    write_xlsx,
)
from tests.times import CST, IMPORT_CLOCK

# Formats, encodings and headers ------------------------------------------------------------------


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


# Formula injection -------------------------------------------------------------------------------


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


# Progress ----------------------------------------------------------------------------------------


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
