"""What a feed holds and says (calendar_service.feeds): few events, the verdict first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.catalog import Catalog, DateOverride
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.feeds import (
    FeedOptions,
    Standing,
    build_feed,
    feed_range,
    parse_options,
    sequence_on,
)
from calendar_service.feeds.plan import DESCRIBE_OCTETS
from tests.ical_reader import Component, read, unfold

CATALOG = Path(__file__).parents[1] / "data" / "activities.toml"
GOLDEN = Path(__file__).parent / "data" / "feeds"
TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2027, 1, 15, 9, 0, tzinfo=TZ)
TODAY = NOW.date()
STAMP = dt.datetime(2027, 1, 10, 8, 30, tzinfo=TZ)  # when the data changed, not the clock
# A reason as awkward as it gets: every TEXT escape, CR/LF/CRLF, the line and paragraph
# separators, emoji (4-byte UTF-8 and a ZWJ sequence), a tab, and enough Chinese to fold.
REASON = (
    "近30天买家数 12 < 15:还差3位买家\r\n第二行\u2028第三行\u2029第四行\u0085第五行\r"
    "😀👨‍👩‍👧 tab:\tend; a,b,c \\, \\; \\\\"
)
REASON_READ = (
    "近30天买家数 12 < 15:还差3位买家\n第二行\n第三行\n第四行\n第五行\n"
    "😀👨‍👩‍👧 tab:\tend; a,b,c \\, \\; \\\\"
)
FAILING = Standing("ineligible", (REASON, "数据日期 2027-01-10"), "买家 12/15")
INVITED = Standing("invitation", ("未见邀约信号",))


def standing(occ: Occurrence) -> list[Standing]:
    """What the service would say: the activities by invitation have that status."""
    return [INVITED if occ.activity in ("monthly-sales", "monthly-core-promotion") else FAILING]


def window(catalog: Catalog, now: dt.datetime = NOW) -> list[Occurrence]:
    start, end = feed_range(now, TZ)
    return occurrences(catalog, start, end, TZ)


def feed(
    catalog: Catalog,
    query: dict[str, str] | None = None,
    *,
    store: bool = False,
    now: dt.datetime = NOW,
) -> bytes:
    return build_feed(
        catalog,
        window(catalog, now),
        options=parse_options(query or {}),
        name="1688 活动日历; 店铺, 测试\u2028二" if store else "1688 活动日历",
        url="https://calendar.example.com/feeds/t0ken.ics",
        data_stamp=STAMP,
        standings=standing if store else None,
        at=now.date() if store else None,
        link_of=lambda occ: f"https://calendar.example.com/activities/{occ.activity}",
        uid_scope="store-42" if store else None,
    )


VARIANTS = {
    "catalog": {},
    "store": {},
    "en": {"lang": "en"},
    "alarms": {"alarms": "P1D,PT2H"},
    "yearly-daily": {"cycles": "yearly,daily"},
}


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def any_feed(request: pytest.FixtureRequest, catalog: Catalog) -> bytes:
    return feed(catalog, VARIANTS[request.param], store=request.param == "store")


def events(data: bytes) -> dict[str, Component]:
    found = {e.one("UID").value: e for e in read(data).sub("VEVENT")}
    assert len(found) == len(read(data).sub("VEVENT")), "UIDs repeat"
    return found


# ─── the wire, as the icalendar package writes it ──────────────────────────────────────────────


def test_crlf_and_75_octet_lines_of_whole_utf8(any_feed: bytes) -> None:
    assert any_feed.endswith(b"END:VCALENDAR\r\n")
    assert any_feed.count(b"\n") == any_feed.count(b"\r\n") == any_feed.count(b"\r")
    lines = any_feed.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 20  # folding did happen
    for line in lines:
        line.decode("utf-8")  # the library never folds inside a character


def test_no_separator_or_control_reaches_the_feed(any_feed: bytes) -> None:
    text = any_feed.decode("utf-8")
    assert not re.search("[\u2028\u2029\u0085\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", text)


def test_all_day_events_need_no_time_zone(any_feed: bytes) -> None:
    cal = read(any_feed)
    assert cal.sub("VTIMEZONE") == []
    for event in cal.sub("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            prop = event.one(name)
            assert prop.params == {"VALUE": "DATE"} and re.fullmatch(r"\d{8}", prop.value)
        for rule in event.all("RRULE"):
            assert re.fullmatch(r"FREQ=WEEKLY;UNTIL=\d{8}", rule.value)


def test_identical_bytes_for_identical_data(catalog: Catalog) -> None:
    again = load_catalog(CATALOG)
    for store in (False, True):
        assert feed(catalog, {"alarms": "P1D"}, store=store) == feed(
            again, {"alarms": "P1D"}, store=store
        )
    stamps = {e.one("DTSTAMP").value for e in read(feed(catalog)).sub("VEVENT")}
    assert stamps == {"20270110T003000Z"}  # STAMP in UTC, not the time of the build


def test_feed_calendar_properties_once(catalog: Catalog, any_feed: bytes) -> None:
    cal = read(any_feed)
    for name in ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC", "PRODID", "URL"):
        cal.one(name)
    assert cal.one("VERSION").value == "2.0"
    assert cal.one("NAME").value == cal.one("X-WR-CALNAME").value
    assert cal.one("DESCRIPTION").value == cal.one("X-WR-CALDESC").value
    assert catalog.version in cal.one("DESCRIPTION").text
    assert any_feed.count(b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n") == 1
    assert any_feed.count(b"\r\nX-PUBLISHED-TTL:PT6H\r\n") == 1


def test_store_name_with_separators_commas_and_semicolons(catalog: Catalog) -> None:
    cal = read(feed(catalog, store=True))
    for name in ("NAME", "X-WR-CALNAME"):  # TEXT: escaped; the separator became a space
        assert cal.one(name).value == "1688 活动日历\\; 店铺\\, 测试 二"
        assert cal.one(name).text == "1688 活动日历; 店铺, 测试 二"


@pytest.mark.parametrize("name", ["promo_327_and_daily_with_alarm.ics"])
def test_golden_feed(catalog: Catalog, name: str) -> None:
    """The exact bytes of a small feed, read and checked by hand: any change shows as a diff.

    After an intended change, write the new bytes to the file and review the diff before keeping.
    """
    keys = ("promo-327:2027", "daily-quick-order:daily", "daily-samples:daily")
    data = build_feed(
        catalog,
        [o for o in window(catalog) if o.key in keys],
        options=parse_options({"alarms": "P1D"}),
        name="1688 活动日历",
        url="https://calendar.example.com/calendar.ics?alarms=P1D",
        data_stamp=STAMP,
        standings=lambda occ: [
            FAILING if occ.activity == "daily-samples" else Standing("eligible")
        ],
        at=TODAY,
        link_of=lambda occ: f"https://calendar.example.com/activities/{occ.activity}",
    )
    expected = (GOLDEN / name).read_bytes()
    assert unfold(data) == unfold(expected)  # the readable diff first
    assert data == expected


# ─── the events ────────────────────────────────────────────────────────────────────────────────


def test_a_promotion_window_deadline_and_event_titled_with_verdict_and_year(
    catalog: Catalog,
) -> None:
    found = events(feed(catalog, store=True))
    # 327 in 2027 (assumed rule): sign-up Feb 10 to Mar 7, event Mar 27 to 29.
    expect = {
        "signup": ("20270210", "20270307", "✗ 不符合 · 327大促 2027 报名期"),
        "deadline": ("20270307", "20270308", "✗ 不符合 · 327大促 2027 报名截止"),
        "event": ("20270327", "20270330", "✗ 不符合 · 327大促 2027 活动期"),
    }
    for role, (start, end, summary) in expect.items():
        event = found[f"promo-327:2027:{role}:store-42@calendar-service"]
        assert (event.one("DTSTART").value, event.one("DTEND").value) == (start, end)
        assert event.one("SUMMARY").text == summary
        assert event.one("CATEGORIES").text.split(",")[0] == "年度大促"
        assert event.one("TRANSP").value == "TRANSPARENT"
        assert event.one("URL").value == "https://calendar.example.com/activities/promo-327"
        text = event.one("DESCRIPTION").text
        assert text.startswith("✗ 不符合: " + REASON_READ + "\n")  # the reason first
        assert "2027年2月10日 至 2027年3月7日" in text
        assert "假设" not in text and "活动目录" not in text  # no note for the catalog's editor


def test_invitation_only_activities_have_no_sign_up_events(catalog: Catalog) -> None:
    found = events(feed(catalog, store=True))
    invited = [u for u in found if ":invitation:" in u]
    assert invited == [u for u in found if re.match(r"monthly:\d{4}-\d\d:invitation:", u)]
    march = found["monthly:2027-03:invitation:store-42@calendar-service"]
    assert march.one("SUMMARY").text == "月度活动 2027年3月 邀约(无需报名): 销售额活动 核心大促"
    assert (march.one("DTSTART").value, march.one("DTEND").value) == ("20270301", "20270302")
    for u, event in found.items():
        if event.one("CATEGORIES").text.endswith(("报名期", "报名截止")):
            assert "销售额活动" not in event.one("SUMMARY").text, u
            assert "核心大促" not in event.one("SUMMARY").text, u


def test_a_cycles_activities_sharing_dates_share_their_events(catalog: Catalog) -> None:
    found = events(feed(catalog, store=True))
    deadline = found["monthly:2027-03:deadline:store-42@calendar-service"]
    assert deadline.one("SUMMARY").text == "月度活动 2027年3月 报名截止: ✗ 爆款 牛商 产地 标杆"
    lines = deadline.one("DESCRIPTION").text.split("\n")
    assert lines[0] == "✗ 不符合 爆款: " + REASON_READ.split("\n", maxsplit=1)[0]


def test_daily_activities_once_a_week_and_past_weeks_claim_no_verdict(catalog: Catalog) -> None:
    found = events(feed(catalog, store=True))
    daily = {u: e for u, e in found.items() if u.startswith("daily:")}
    assert sorted(daily) == [
        "daily:daily:past-weeks:store-42@calendar-service",
        "daily:daily:weekly:store-42@calendar-service",
    ]
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    past, now = daily[sorted(daily)[0]], daily[sorted(daily)[1]]
    assert now.one("DTSTART").value == f"{monday:%Y%m%d}"
    assert now.one("SUMMARY").text.startswith("日常活动 每日可报名: ✗ 快订 伙拼")
    assert past.one("SUMMARY").text == "日常活动 每日可报名"
    assert "✗" not in past.one("DESCRIPTION").text
    until = re.search(r"UNTIL=(\d{8})", past.one("RRULE").value)
    assert until is not None and until[1] == f"{monday - dt.timedelta(days=7):%Y%m%d}"
    # The catalog feed: one series over the whole range, no verdict.
    catalog_daily = [u for u in events(feed(catalog)) if u.startswith("daily:")]
    assert catalog_daily == ["daily:daily:weekly@calendar-service"]


def test_a_range_without_a_monday_has_no_weekly_event(catalog: Catalog) -> None:
    thursday = dt.date(2027, 1, 14)
    short = occurrences(catalog, thursday, thursday + dt.timedelta(days=4), TZ)
    for at in (None, thursday):  # the catalog feed, a store feed
        data = build_feed(
            catalog, short, options=FeedOptions(), name="x", url=None, data_stamp=STAMP, at=at
        )
        assert not [u for u in events(data) if u.startswith("daily:")]


def test_a_closed_window_claims_no_verdict(catalog: Catalog) -> None:
    """The service gives no standing for a closed window; the event then has no mark."""
    data = build_feed(
        catalog,
        window(catalog),
        options=FeedOptions(),
        name="x",
        url=None,
        data_stamp=STAMP,
        standings=lambda occ: [] if occ.deadline_on < TODAY else [FAILING],
        at=TODAY,
    )
    found = events(data)
    assert found["monthly:2026-12:deadline@calendar-service"].one("SUMMARY").text == (
        "月度活动 2026年12月 报名截止"
    )


def test_sequence_is_the_day_of_the_newest_input(catalog: Catalog) -> None:
    def sequences(data: bytes) -> set[str]:
        return {e.one("SEQUENCE").value for e in read(data).sub("VEVENT")}

    assert sequences(feed(catalog)) == {str(sequence_on(STAMP.date()))}
    later = build_feed(
        catalog,
        window(catalog),
        options=FeedOptions(),
        name="x",
        url=None,
        data_stamp=STAMP,
        revised_on=TODAY + dt.timedelta(days=1),
    )
    assert sequences(later) == {str(sequence_on(TODAY) + 1)}
    assert sequence_on(dt.date(2025, 1, 1)) == 0 < sequence_on(dt.date(2026, 1, 2))


def test_announced_dates_move_the_events(catalog: Catalog) -> None:
    announced = DateOverride(
        "promo-327",
        "2027",
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 3, 27),
        dt.date(2027, 3, 31),
    )
    moved = events(feed(dataclasses.replace(catalog, overrides=(announced,))))
    deadline = moved["promo-327:2027:deadline@calendar-service"]
    assert deadline.one("DTSTART").value == "20270301"
    assert "日期为平台公告" in deadline.one("DESCRIPTION").text


def test_uids_stable_across_rebuilds_and_unique_per_store(catalog: Catalog) -> None:
    first = events(feed(catalog))
    second = events(feed(catalog, now=NOW + dt.timedelta(days=30)))
    shared = set(first) & set(second)
    assert "promo-327:2027:deadline@calendar-service" in shared
    store = events(feed(catalog, store=True))
    assert "promo-327:2027:deadline:store-42@calendar-service" in store
    assert not set(store) & set(first)


def test_english_titles(catalog: Catalog) -> None:
    found = events(feed(catalog, {"lang": "en"}))
    deadline = found["promo-327:2027:deadline@calendar-service"]
    assert deadline.one("SUMMARY").text == "327 new-season promotion 2027, sign-up deadline"
    assert deadline.one("CATEGORIES").text == "Yearly promotion,sign-up deadline"
    monthly = found["monthly:2027-03:signup@calendar-service"]
    assert monthly.one("SUMMARY").text == "Monthly activities March 2027, sign-up window"
    assert "Sign-up: 15 February 2027 to 25 February 2027" in monthly.one("DESCRIPTION").text
    summaries = [e.one("SUMMARY").text for e in found.values()]
    assert not [s for s in summaries if re.search(r"[\u3000-\u9fff]", s)]


def test_alarms_only_on_deadlines_when_asked(catalog: Catalog) -> None:
    assert b"VALARM" not in feed(catalog)
    for key, event in events(feed(catalog, {"alarms": "PT2H,P1D"})).items():
        alarms = event.sub("VALARM")
        if ":deadline" not in key:
            assert alarms == []
            continue
        assert [a.one("TRIGGER").value for a in alarms] == ["-P1D", "-PT2H"]
        for alarm in alarms:
            assert alarm.one("ACTION").value == "DISPLAY"
            assert alarm.one("DESCRIPTION").text == event.one("SUMMARY").text


def test_cycles_filter(catalog: Catalog) -> None:
    cal = read(feed(catalog, {"cycles": "yearly,daily"}))
    assert {e.one("CATEGORIES").text.split(",")[0] for e in cal.sub("VEVENT")} == {
        "年度大促",
        "日常活动",
    }
    assert "季度活动" not in cal.one("DESCRIPTION").text


def test_reasons_survive_a_round_trip_through_icalendar(catalog: Catalog) -> None:
    data = feed(catalog, store=True)
    theirs = icalendar.Calendar.from_ical(data)
    for event in theirs.walk("VEVENT"):
        if not re.search("past-weeks|invitation", str(event["UID"])):
            assert REASON_READ in str(event["DESCRIPTION"])
    assert "还差3位买家".encode() not in feed(catalog)  # the catalog feed carries no store data


def test_size_stays_well_under_1_mb(catalog: Catalog) -> None:
    assert len(feed(catalog)) < 200_000
    long = Standing("ineligible", ("❌ 近30天买家数 12 < 15:还差3位买家\n" * 200,))
    data = build_feed(
        catalog,
        window(catalog),
        options=parse_options({"alarms": "P1D,PT2H"}),
        name="x",
        url=None,
        data_stamp=STAMP,
        standings=lambda occ: [long],
        at=TODAY,
    )
    assert len(data) < 400_000
    text = events(data)["promo-327:2027:deadline@calendar-service"].one("DESCRIPTION").text
    assert text.endswith("…(内容较长,完整资格请见链接或提醒邮件)")
    assert len(text.encode()) <= DESCRIBE_OCTETS


# ─── bad input (the options: test_feed_options.py) ────────────────────────────────────────────────


def test_bad_build_arguments_rejected(catalog: Catalog) -> None:
    occs = window(catalog)

    def build(occs: list[Occurrence], stamp: dt.datetime = STAMP, url: str | None = None) -> None:
        build_feed(catalog, occs, options=FeedOptions(), name="x", url=url, data_stamp=stamp)

    with pytest.raises(ValueError, match="data_stamp must be timezone-aware"):
        build(occs, stamp=STAMP.replace(tzinfo=None))
    with pytest.raises(ValueError, match="promo-327:2027 is given twice"):
        build(occs + [o for o in occs if o.key == "promo-327:2027"])
    with pytest.raises(ValueError, match="not a URI"):
        build(occs, url="http://a b")
