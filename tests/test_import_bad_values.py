"""The importer's bad cell values: each one's error says what to write instead."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calendar_service.adapters.importing.choices import parse_bool, parse_medal, parse_shipping
from calendar_service.adapters.importing.dates import date_parser, datetime_parser
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
    parse_email,
    parse_id,
    parse_text,
)
from tests.times import CST


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
