"""Import and eligibility driven from the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from fastapi.testclient import TestClient

from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.settings import load_settings
from tests.cli import PROJECT, Result, run_cli

CST = ZoneInfo("Asia/Shanghai")

SAMPLE = PROJECT / "data" / "sample"
AT = "2026-11-26T12:00"  # the day after the sample's newest data


def _cli(database_url: str, *args: str) -> Result:
    return run_cli(*args, env={"CALENDAR_DATABASE_URL": database_url})


def _verdict(database_url: str, store: str, activity: str) -> dict[str, Any]:
    result = _cli(database_url, "eligibility", store, "--activity", activity, "--at", AT, "--json")
    assert result.code == 0, result.err
    verdict: dict[str, Any] = json.loads(result.out)
    return verdict


@pytest.fixture
def imported(database_url: str) -> str:
    result = _cli(database_url, "import", str(SAMPLE / "products.csv"), str(SAMPLE / "stores.csv"))
    assert result.code == 0, result.err
    return database_url


def test_import_reports_what_it_added_and_a_second_import_adds_nothing(database_url: str) -> None:
    first = _cli(database_url, "import", str(SAMPLE / "stores.csv"), str(SAMPLE / "products.csv"))
    assert first.code == 0, first.err
    assert "105 rows; new snapshots: 105 store, 0 product" in first.out
    assert "245 rows; new snapshots: 0 store, 245 product" in first.out
    again = _cli(database_url, "import", str(SAMPLE / "stores.csv"), str(SAMPLE / "products.csv"))
    assert again.code == 0
    assert "new snapshots: 0 store, 0 product; 105 already imported" in again.out


@pytest.mark.parametrize(
    ("store", "activity", "status", "failing"),
    [
        ("b2b-220001", "daily-group-wholesale", "eligible", []),
        ("b2b-220011", "daily-group-wholesale", "ineligible", ["buyers-30d"]),  # 12 buyers < 15
        ("b2b-220012", "daily-group-wholesale", "ineligible", ["medal"]),  # 2A
        ("b2b-220012", "daily-quick-order", "eligible", []),  # 2A is enough for 快订
        ("b2b-220013", "daily-group-wholesale", "ineligible", ["shipping"]),  # 72h
        ("b2b-220014", "daily-quick-order", "ineligible", ["membership"]),  # 75 days
        ("b2b-220016", "daily-quick-order", "eligible", []),  # one dispute waives the rate
        ("b2b-220016", "daily-group-wholesale", "ineligible", ["dispute-rate"]),
        ("b2b-220015", "daily-quick-order", "ineligible", ["dispute-rate", "disputes"]),
        # 牛商 is a sign-up with an advantage (近段时间销售额高的商家有优势), not an invitation.
        ("b2b-220031", "monthly-top-sellers", "eligible", []),
    ],
)
def test_sample_stores_come_out_as_the_domain_page_says(
    imported: str, store: str, activity: str, status: str, failing: list[str]
) -> None:
    verdict = _verdict(imported, store, activity)
    assert verdict["status"] == status
    assert [c["key"] for c in verdict["criteria"] if c["status"] == "fail"] == failing
    assert verdict["catalog_version"] and verdict["data_as_of"]


def test_eligibility_json_has_the_design_shape(imported: str) -> None:
    verdict = _verdict(imported, "b2b-220011", "daily-group-wholesale")
    assert {
        "store_id",
        "activity",
        "occurrence",
        "status",
        "data_as_of",
        "catalog_version",
        "criteria",
        "products",
    } <= verdict.keys()
    buyers = next(c for c in verdict["criteria"] if c["key"] == "buyers-30d")
    assert (buyers["value"], buyers["threshold"], buyers["gap"]) == (12, 15, 3)
    assert buyers["message"] == "近30天买家数 12 < 15:还差 3 位买家"


def test_eligibility_text_says_what_is_missing_in_chinese_and_english(imported: str) -> None:
    zh = _cli(imported, "eligibility", "b2b-220011", "--at", AT)
    assert zh.code == 0, zh.err
    assert "伙拼 [daily-group-wholesale:daily]  ✗ 不符合" in zh.out
    assert "✗ 近30天买家数 12 < 15:还差 3 位买家" in zh.out
    en = _cli(
        imported,
        "eligibility",
        "b2b-220011",
        "--at",
        AT,
        "--lang",
        "en",
        "--activity",
        "daily-group-wholesale",
    )
    assert "30-day buyers 12 < 15: 3 more buyers needed" in en.out


def test_stale_data_is_flagged(imported: str) -> None:
    verdict = _verdict(imported, "b2b-220028", "daily-group-wholesale")
    assert verdict["stale"] is True


def test_blank_cells_make_unknown_not_fail(imported: str) -> None:
    verdict = _verdict(imported, "b2b-220025", "daily-group-wholesale")  # satisfaction blank
    assert verdict["status"] == "unknown"
    unknown = [c["key"] for c in verdict["criteria"] if c["status"] == "unknown"]
    assert unknown == ["satisfaction"]


def test_a_file_with_a_bad_row_is_rejected_whole(database_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "店铺.csv"
    bad.write_bytes(
        "店铺ID,店铺名称,数据日期,交易勋章,近30天买家数\n"
        "s-1,好店,2026-11-20,AAA,20\n"
        "s-2,坏店,2026-11-20,4星,-3\n".encode("gb18030")
    )
    result = _cli(database_url, "import", str(bad))
    assert result.code == 1
    assert f'{bad}:3: medal_level: "4星" is not a medal level' in result.err
    assert f"{bad}:3: buyers_30d:" in result.err
    assert "rejected, nothing imported" in result.out
    missing = _cli(database_url, "eligibility", "s-1", "--at", AT)
    assert missing.code == 1 and "no data for store 's-1'" in missing.err


def test_skip_invalid_imports_the_good_rows(database_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "stores.csv"
    bad.write_text(
        "store_id,captured_at,medal_level\ns-1,2026-11-20,3\ns-2,2026-11-20,9\n", encoding="utf-8"
    )
    result = _cli(database_url, "import", "--skip-invalid", str(bad))
    assert result.code == 0, result.err
    assert f"{bad}:3: medal_level:" in result.err
    assert "new snapshots: 1 store" in result.out and "1 bad rows skipped" in result.out
    assert _cli(database_url, "eligibility", "s-1", "--at", AT).code == 0


def test_a_product_of_an_unknown_store_is_a_bad_row(database_url: str, tmp_path: Path) -> None:
    products = tmp_path / "products.csv"
    products.write_text(
        "product_id,store_id,captured_at,wholesale_price\np-1,nobody,2026-11-20,25\n",
        encoding="utf-8",
    )
    result = _cli(database_url, "import", str(products))
    assert result.code == 1
    assert f"{products}:2: store_id: no store 'nobody'" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eligibility", "b2b-220001", "--activity", "promo-328"], "unknown activity 'promo-328'"),
        (["eligibility", "b2b-220001", "--at", "yesterday"], "'yesterday' is not a time"),
        (["import", "/nonexistent/stores.csv"], "/nonexistent/stores.csv:0:"),
    ],
)
def test_bad_arguments_get_a_clear_error(imported: str, args: list[str], message: str) -> None:
    result = _cli(imported, *args)
    assert result.code != 0
    assert message in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    "url",
    ["postgresql+psycopg://postgres@127.0.0.1:1/test", "sqlite:////proc/forbidden/calendar.db"],
)
def test_an_unusable_database_is_refused_at_start(url: str) -> None:
    result = run_cli("eligibility", "b2b-220001", env={"CALENDAR_DATABASE_URL": url})
    assert result.code == 2
    assert "CALENDAR_DATABASE_URL" in result.err and "Traceback" not in result.err


def test_feed_commands_write_the_catalog_and_a_store_feed(imported: str, tmp_path: Path) -> None:
    out = tmp_path / "catalog.ics"
    catalog = _cli(imported, "feed", "--catalog", "-o", str(out), "--now", AT)
    assert catalog.code == 0, catalog.err
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    store = _cli(imported, "feed", "b2b-220011", "--now", AT, "--lang", "en")
    assert store.code == 0, store.err
    assert "✗ Not eligible Group wholesale: " in store.out.replace("\r\n ", "").replace("\n ", "")
    again = _cli(imported, "feed", "b2b-220011", "--now", AT, "--lang", "en")
    assert again.out == store.out  # unchanged data, identical bytes
    agency = _cli(imported, "feed", "b2b-220011", "b2b-220001", "--now", AT)
    assert agency.code == 0, agency.err
    text = agency.out.replace("\r\n ", "").replace("\n ", "")
    assert "SUMMARY:伙拼 每日可报名: ✓ " in text and ":stores-" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["feed"], "give a STORE (or several) or --catalog"),
        (["feed", "b2b-220011", "--catalog"], "give a STORE (or several) or --catalog"),
        (["feed", "nobody"], "no data for store 'nobody'"),
        (["feed", "b2b-220011", "nobody"], "no data for store 'nobody'"),
    ],
)
def test_bad_feed_arguments(imported: str, args: list[str], message: str) -> None:
    result = _cli(imported, *args)
    assert result.code != 0 and message in result.err and "Traceback" not in result.err


def test_feed_url_gives_a_working_private_url_and_revoke_ends_it(database_url: str) -> None:
    assert _cli(database_url, "import", str(SAMPLE / "stores.csv")).code == 0
    result = _cli(database_url, "feed-url", "b2b-220011")
    assert result.code == 0, result.err
    https, webcal, google = result.out.splitlines()
    assert https.startswith("http://127.0.0.1:8000/feeds/") and https.endswith(".ics")
    token = https.removeprefix("http://127.0.0.1:8000/feeds/").removesuffix(".ics")
    assert len(token) >= 43  # 32 random bytes, URL-safe base64: 256 bits
    assert webcal == "webcal://" + https.removeprefix("http://")
    assert google.startswith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F")
    container = Container(load_settings(database_url=database_url))
    client = TestClient(create_app(container, lambda: dt.datetime(2026, 11, 26, tzinfo=CST)))
    assert client.get(f"/feeds/{token}.ics").status_code == 200
    second = _cli(database_url, "feed-url", "b2b-220011", "--lang", "en")
    assert second.out.splitlines()[0].endswith(".ics?lang=en") and token not in second.out
    revoked = _cli(database_url, "feed-url", "b2b-220011", "--revoke")
    assert revoked.code == 0 and "revoked 2 earlier URLs" in revoked.err and revoked.out == ""
    fresh = TestClient(create_app(container, lambda: dt.datetime(2026, 11, 26, tzinfo=CST)))
    assert fresh.get(f"/feeds/{token}.ics").status_code == 404
    assert _cli(database_url, "feed-url", "nobody").code == 1


def test_feed_url_over_several_stores_and_all(database_url: str) -> None:
    assert _cli(database_url, "import", str(SAMPLE / "stores.csv")).code == 0
    some = _cli(database_url, "feed-url", "b2b-220011", "b2b-220001")
    every = _cli(database_url, "feed-url", "--all", "--lang", "en")
    assert some.code == every.code == 0, some.err + every.err
    container = Container(load_settings(database_url=database_url))
    client = TestClient(create_app(container, lambda: dt.datetime(2026, 11, 26, tzinfo=CST)))
    path = some.out.splitlines()[0].removeprefix("http://127.0.0.1:8000")
    feed = client.get(path)
    assert feed.status_code == 200
    name = str(icalendar.Calendar.from_ical(feed.content)["X-WR-CALNAME"])
    assert name == "2 家店铺 · 1688活动日历"
    all_path = every.out.splitlines()[0].removeprefix("http://127.0.0.1:8000")
    assert all_path.endswith("?lang=en") and client.get(all_path).status_code == 200
    assert _cli(database_url, "feed-url", "--all", "--revoke").err.startswith("revoked 1 ")
    assert _cli(database_url, "feed-url", "b2b-220001", "--revoke").err.startswith("revoked 1 ")
    fresh = TestClient(create_app(container, lambda: dt.datetime(2026, 11, 26, tzinfo=CST)))
    assert fresh.get(path).status_code == fresh.get(all_path).status_code == 404
    both = _cli(database_url, "feed-url", "b2b-220001", "--all")
    assert both.code == 2 and "give a STORE (or several) or --all" in both.err
