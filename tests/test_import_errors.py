"""The importer on files with problems: every bad row reported at its line, and a file that
cannot be read at all as one error, never an exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from calendar_service.adapters.importing import RowError, parse_bytes, parse_file
from calendar_service.adapters.importing.decoding import SAVE_AS_UTF8
from calendar_service.domain.snapshots import StoreSnapshot
from tests.import_support import (
    DATA,
    STORE_HEADER,
    STORE_XLSX_ROWS,
    XlsxValue,
    messages,
    naive,
    parse,
    parse_text_file,
    write_xlsx,
)
from tests.times import CST, IMPORT_CLOCK

# Whole files: every problem, each at its line ----------------------------------------------------


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


# Files that cannot be read at all: one error, never an exception ---------------------------------


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
