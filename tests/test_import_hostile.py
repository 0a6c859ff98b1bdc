"""Hostile input, on SQLite and PostgreSQL: a one-line error or a correct import, never a
traceback or a 500, and a rejected file or body writes nothing.

The files are in tests/data/hostile/, each named for what it pins; the API gets the same
content as bodies. Property test: every decimal and count the parser accepts round-trips
through storage exactly.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import PRODUCT_SNAPSHOTS, STORE_SNAPSHOTS, STORES
from calendar_service.adapters.importing import ReadLimits, parse_source
from calendar_service.adapters.importing.numbers import number_parser, parse_count, parse_money
from calendar_service.adapters.importing.parse import BATCH_ROWS
from calendar_service.adapters.importing.values import Cell, CellError, Parser
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.entrypoints.cli_text import import_summary
from calendar_service.services.importing import FileOutcome, import_files
from tests.api_support import Api, sample_api
from tests.cli import PROJECT, run_cli
from tests.times import CST

IMPORTED = dt.datetime(2026, 12, 1, 12, 0, tzinfo=CST)  # the clock the files are imported at
HOSTILE = PROJECT / "tests" / "data" / "hostile"
WESTERN = "the text is not UTF-8, and read as GB18030 it gives rare characters"
# file: (line, column, start of the message) of its first problem
REJECTED = {
    "cut_mid_row.csv": (3, "row", "has 3 cells but the header has 5 columns: the row is cut"),
    "cut_in_quote.csv": (3, "file", "a quoted cell is not closed before the end of the file"),
    "latin1_creme_brulee.csv": (2, "file", f'{WESTERN} ("s-1,Cr鑝e Br鹟閑 Shop'),
    "macroman_creme.csv": (2, "file", WESTERN),
    "cp850_creme.csv": (2, "file", WESTERN),
    "cp1252_cafe.csv": (0, "file", "byte 52 (0xE9) cannot be read: the text is neither UTF-8"),
    "too_precise.csv": (3, "satisfaction", '"4.1234567" has more than 6 decimal places'),
    "tiny_exponent.json": (1, "gmv_30d", '"1E-999999999" has more than 6 decimal places'),
    "huge_exponent.json": (1, "gmv_30d", '"1E+999999999" is too large'),
    "surrogate_in_id.json": (1, "store_id", "contains U+DC00 at character 2"),
    "nul_bytes.csv": (2, "file", "the text has a NUL byte"),
    "utf16.csv": (0, "file", "the text is UTF-16"),
}
LOCATED = re.compile(r"^\S+:\d+: [\w ]+: [^\n]+$")


def written(engine: Engine) -> tuple[int, int, int]:
    """Rows in stores, store_snapshots and product_snapshots."""
    with engine.connect() as connection:
        return tuple(  # type: ignore[return-value]
            connection.scalar(select(func.count()).select_from(t))
            for t in (STORES, STORE_SNAPSHOTS, PRODUCT_SNAPSHOTS)
        )


def one(path: Path, repository: Repository, **options: object) -> FileOutcome:
    (outcome,) = import_files(
        [path],
        repository,
        CST,
        IMPORTED,
        **options,  # type: ignore[arg-type]
    )
    return outcome


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_a_hostile_file_is_refused_in_one_line_and_writes_nothing(
    name: str, repository: Repository, engine: Engine
) -> None:
    path = HOSTILE / name
    outcome = one(path, repository)
    line, column, message = REJECTED[name]
    assert outcome.rejected, outcome
    first = outcome.errors[0]
    assert (first.line, first.column) == (line, column), first
    assert first.message.startswith(message), first.message
    assert all(LOCATED.match(str(e)) and str(e).startswith(f"{path}:") for e in outcome.errors)
    assert written(engine) == (0, 0, 0)


@pytest.mark.parametrize("name", ["cut_in_quote.csv", "latin1_creme_brulee.csv"])
def test_an_unreadable_file_writes_nothing_even_with_skip_invalid(
    name: str, repository: Repository, engine: Engine
) -> None:
    outcome = one(HOSTILE / name, repository, skip_invalid=True)
    assert outcome.rejected and written(engine) == (0, 0, 0)


def test_skip_invalid_keeps_the_good_rows_of_a_file_with_unstorable_figures(
    repository: Repository, engine: Engine
) -> None:
    """Before, the database refused the batch: a traceback, and the good row lost too."""
    outcome = one(HOSTILE / "too_precise.csv", repository, skip_invalid=True)
    assert not outcome.rejected and outcome.stores_added == 1 and outcome.skipped == 5
    assert written(engine) == (1, 1, 0)
    assert repository.store_ids() == ["s-1"]


def test_half_a_surrogate_pair_in_an_unknown_key_is_a_warning_that_can_be_printed(
    repository: Repository,
) -> None:
    outcome = one(HOSTILE / "surrogate_in_key.json", repository)
    assert not outcome.rejected and outcome.stores_added == 1
    assert any('"x\\ud800"' in w for w in outcome.warnings), outcome.warnings
    for warning in outcome.warnings:
        warning.encode("utf-8")  # no lone surrogate left to fail on


def test_skipped_rows_are_rows_not_lines(repository: Repository, tmp_path: Path) -> None:
    rows = [
        {"store_id": "s-1", "captured_at": "2026-11-20 10:00"},
        {"store_id": "s-2", "captured_at": "2026-11-20 10:00", "medal_level": 9},
        {"store_id": "s-3", "captured_at": "2026-11-20 10:00", "satisfaction": "4.1234567"},
    ]
    path = tmp_path / "minified.json"
    path.write_text(json.dumps(rows), encoding="utf-8")  # every item on line 1
    outcome = one(path, repository, skip_invalid=True)
    assert (outcome.stores_added, outcome.skipped) == (1, 2)
    assert import_summary(outcome).endswith(", 2 bad rows skipped")


def test_a_sheet_with_a_cell_in_column_xfd_is_refused_before_it_is_read(
    repository: Repository, engine: Engine, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["store_id", "captured_at"])
    for row in range(2, 52):
        sheet.cell(row, 1, f"s-{row}")
        sheet.cell(row, 2, "2026-11-20 10:00")
        sheet.cell(row, 16384, "x")
    path = tmp_path / "xfd.xlsx"
    book.save(path)
    outcome = one(path, repository)
    assert outcome.rejected and written(engine) == (0, 0, 0)
    assert [str(e) for e in outcome.errors] == [
        f"{path}:0: file: the first sheet spans 16,384 columns (to column XFD); a store or "
        "product sheet has at most 256: delete the columns after the data (or clear their "
        "formatting), save, and import again"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.csv", "store_id,captured_at\n" + "s-1,2026-11-20\n" * 200, "the file is 0.0 MB, "
         "over the limit of 0.0 MB (CALENDAR_IMPORT_MAX_BYTES); split it into smaller files"),
        ("big.json", json.dumps([{"store_id": "s-1"}] * 100), "the file (JSON) is 0.0 MB, over "
         "the limit of 0.0 MB (CALENDAR_IMPORT_MAX_JSON_BYTES); split it into smaller files"),
    ],
)  # fmt: skip
def test_a_file_over_its_size_limit_is_refused_before_it_is_read(
    name: str, content: str, message: str, repository: Repository, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    outcome = one(path, repository, limits=ReadLimits(max_bytes=1024, max_json_bytes=1024))
    assert outcome.rejected and [e.message for e in outcome.errors] == [message]


def test_the_command_reports_every_hostile_file_without_a_traceback(database_url: str) -> None:
    files = sorted(HOSTILE.iterdir())
    result = run_cli(
        "import", "--now", IMPORTED.isoformat(), *map(str, files),
        env={"CALENDAR_DATABASE_URL": database_url},
    )  # fmt: skip
    assert result.code == 1
    assert "Traceback" not in result.err and "Traceback" not in result.out
    for line in result.err.splitlines():
        assert line.startswith("warning: ") or LOCATED.match(line), line
    for name in REJECTED:
        assert f"{HOSTILE / name}: rejected, nothing imported" in result.out, name


# The API: the same content as bodies -------------------------------------------------------------


@pytest.fixture
def api(database_url: str) -> Iterator[Api]:
    made = sample_api(database_url)
    yield made
    made.container.engine.dispose()


@pytest.mark.parametrize("name", sorted(n for n in REJECTED if n.endswith(".json")))
def test_a_hostile_body_is_a_422_that_writes_nothing(name: str, api: Api) -> None:
    before = written(api.container.engine)
    body = (HOSTILE / name).read_bytes()
    response = api.client.post("/api/snapshots", content=body, headers=api.json_auth)
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert errors and all(e.startswith("request.json:") and LOCATED.match(e) for e in errors)
    assert written(api.container.engine) == before


def test_half_a_surrogate_pair_in_an_unknown_key_is_a_201_not_a_500(api: Api) -> None:
    body = (HOSTILE / "surrogate_in_key.json").read_bytes()
    response = api.client.post("/api/snapshots", content=body, headers=api.json_auth)
    assert response.status_code == 201, response.text
    assert response.json()["stores_added"] == 1
    assert any('"x\\ud800"' in w for w in response.json()["warnings"])


def test_the_api_takes_json_only(api: Api, tmp_path: Path) -> None:
    """Any body starting with PK was read as a workbook, though the API documents JSON."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["store_id", "captured_at"])
    sheet.append(["s-1", "2026-11-20 10:00"])
    book.save(tmp_path / "s.xlsx")
    workbook = (tmp_path / "s.xlsx").read_bytes()
    before = written(api.container.engine)
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for content_type, status in [(sheet_type, 415), ("text/csv", 415), ("application/json", 422)]:
        headers = {**api.auth, "Content-Type": content_type}
        response = api.client.post("/api/snapshots", content=workbook, headers=headers)
        assert response.status_code == status, (content_type, response.text)
    without = api.client.post("/api/snapshots", content=b"[]", headers=api.auth)
    assert without.status_code == 415 and "Content-Type: application/json" in without.text
    assert written(api.container.engine) == before


# Every value the parser accepts, storage holds exactly -------------------------------------------

ROUND_TRIP = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_ids = itertools.count()
_decimals = st.decimals(
    min_value=0, max_value=Decimal(10) ** 14, allow_nan=False, allow_infinity=False, places=None
)


@ROUND_TRIP
@given(
    money=_decimals | st.decimals(min_value=0, max_value=10**12, places=6),
    score=st.decimals(min_value=0, max_value=5, allow_nan=False, places=None),
    count=st.integers(min_value=0, max_value=2**40),
    spelled=st.sampled_from(["{:f}", "{:,f}", "¥{:f}"]),
)
def test_every_figure_the_parser_accepts_round_trips_through_storage(
    repository: Repository, money: Decimal, score: Decimal, count: int, spelled: str
) -> None:
    text = spelled.format(money)
    parsed: dict[str, object] = {}
    cases: list[tuple[str, Parser, Cell]] = [
        ("gmv_30d", parse_money, text),
        ("satisfaction", number_parser(Decimal(5)), f"{score:f}"),
        ("buyers_30d", parse_count, str(count)),
        ("disputes_90d", parse_count, count),  # a JSON or XLSX number
    ]
    for name, parse, cell in cases:
        try:
            parsed[name] = parse(cell)
        except CellError:
            continue  # refused here: never a database error later
    store = f"s-{next(_ids)}"
    captured = IMPORTED - dt.timedelta(days=1)
    snapshot = StoreSnapshot(store, captured, **parsed)  # type: ignore[arg-type]
    repository.add_snapshots([snapshot], [], "h.csv", IMPORTED)
    back = repository.latest_store_snapshot(store, IMPORTED)
    assert back is not None
    assert {name: getattr(back, name) for name in parsed} == parsed


def test_chinese_text_with_rare_characters_still_reads_as_gb18030(
    repository: Repository, tmp_path: Path
) -> None:
    """堃, 镕 and 喆 are outside GB2312, as the Western misreadings are; among common Chinese
    text they are names, not a wrong encoding."""
    path = tmp_path / "店铺.csv"
    text = (
        "店铺ID,店铺名称,数据日期\n"
        "s-1,王堃的义乌小商品店,2026-11-20\n"
        "s-2,朱镕喆五金批发,2026-11-20\n"
    )
    path.write_bytes(text.encode("gb18030"))
    outcome = one(path, repository)
    assert not outcome.rejected, outcome.errors
    assert [name for _, name in repository.stores()] == ["王堃的义乌小商品店", "朱镕喆五金批发"]


# Streaming: batches of bounded size, still all or nothing ----------------------------------------


def _big_csv(path: Path, rows: int, last: str) -> Path:
    body = "".join(f"s-{n},2026-11-20 10:00,{n % 40}\n" for n in range(rows - 1))
    path.write_text("store_id,captured_at,buyers_30d\n" + body + last, encoding="utf-8")
    return path


def test_rows_are_handed_on_in_batches_as_they_are_read(tmp_path: Path) -> None:
    path = _big_csv(tmp_path / "big.csv", 12_000, "s-last,2026-11-20 10:00,1\n")
    sizes: list[int] = []
    parsed = parse_source(
        path, str(path), tz=CST, now=IMPORTED, on_batch=lambda b: sizes.append(len(b.stores))
    )
    assert parsed.ok and parsed.rows_total == 12_000
    assert sizes == [BATCH_ROWS, BATCH_ROWS, 12_000 - 2 * BATCH_ROWS]


@pytest.mark.parametrize(
    "last",
    [
        "s-last,2026-11-20 10:00,many\n",  # a bad row after two batches were written
        's-last,2026-11-20 10:00,"12\n',  # a file cut inside a quote: unreadable
    ],
)
def test_a_bad_row_at_the_end_of_a_large_file_undoes_the_batches_written_before_it(
    last: str, repository: Repository, engine: Engine, tmp_path: Path
) -> None:
    path = _big_csv(tmp_path / "big.csv", 12_000, last)
    outcome = one(path, repository)
    assert outcome.rejected and [e.line for e in outcome.errors] == [12_001]
    assert written(engine) == (0, 0, 0)
