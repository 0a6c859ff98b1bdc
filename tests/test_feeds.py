"""The feed's wire format, byte by byte, and what its events say (calendar_service.feeds)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.catalog import Catalog, DateOverride
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.feeds import (
    FeedOptionError,
    FeedOptions,
    Lang,
    Role,
    build_feed,
    feed_range,
    parse_options,
    revise,
    uid,
)
from calendar_service.feeds.reader import Component, read
from calendar_service.feeds.texts import description
from calendar_service.feeds.wire import LINE_OCTETS, escape_text, fold, unfold

CATALOG = Path(__file__).parents[1] / "data" / "activities.toml"
GOLDEN = Path(__file__).parent / "data" / "feeds"
TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2027, 1, 15, 9, 0, tzinfo=TZ)
STAMP = dt.datetime(2027, 1, 10, 8, 30, tzinfo=TZ)  # when the data changed, not the clock
# A store's eligibility text as awkward as it gets: every TEXT escape, CR/LF/CRLF, emoji (4-byte
# UTF-8 and a ZWJ sequence), a tab, and enough Chinese to fold many times.
STORE_TEXT = (
    "本店资格(数据截至2027年1月10日):\n✅ 交易勋章 3A ≥ 1A, 通过; 风险评估分 40 ≥ 32\r\n"
    "❌ 近30天买家数 12 < 15:还差3位买家\\n不是换行\r😀👨‍👩‍👧 tab:\tend; a,b,c \\, \\; \\\\"
)
STORE_TEXT_READ = STORE_TEXT.replace("\r\n", "\n").replace("\r", "\n")


def window(catalog: Catalog, now: dt.datetime = NOW) -> list[Occurrence]:
    start, end = feed_range(now, TZ)
    return occurrences(catalog, start, end, TZ)


def feed(catalog: Catalog, query: dict[str, str] | None = None, *, store: bool = False) -> bytes:
    return build_feed(
        catalog,
        window(catalog),
        options=parse_options(query or {}),
        name="1688 活动日历; 店铺, 测试" if store else "1688 活动日历",
        url="https://calendar.example.com/feeds/t0ken.ics",
        data_stamp=STAMP,
        describe=(lambda occ: STORE_TEXT) if store else None,
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


# ─── the wire ──────────────────────────────────────────────────────────────────────────────────


def test_crlf_everywhere(any_feed: bytes) -> None:
    assert any_feed.endswith(b"END:VCALENDAR\r\n")
    assert any_feed.count(b"\n") == any_feed.count(b"\r\n") == any_feed.count(b"\r")


def test_no_line_over_75_octets(any_feed: bytes) -> None:
    lines = any_feed.split(b"\r\n")
    assert max(len(line) for line in lines) <= LINE_OCTETS
    assert sum(line.startswith(b" ") for line in lines) > 100  # folding did happen


def test_folds_split_neither_characters_nor_escapes(any_feed: bytes) -> None:
    physical = any_feed.split(b"\r\n")
    for line, following in itertools.pairwise(physical):
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own
        if following.startswith(b" "):
            backslashes = len(line) - len(line.rstrip(b"\\"))
            assert backslashes % 2 == 0, f"a fold splits an escape after {line!r}"


@pytest.mark.parametrize("pad", range(LINE_OCTETS + 5))
def test_fold_round_trips_at_every_offset(pad: int) -> None:
    value = escape_text("x" * pad + "中文,😀;\\\n" * 12 + "é")
    line = f"DESCRIPTION:{value}"
    folded = fold(line)
    assert unfold(folded) == [line]
    for part in folded.split(b"\r\n")[:-1]:
        assert len(part) <= LINE_OCTETS
        part.decode("utf-8")
        assert (len(part) - len(part.rstrip(b"\\"))) % 2 == 0


def test_one_vtimezone_per_tzid_used(any_feed: bytes) -> None:
    cal = read(any_feed)
    used = set(re.findall(rb";TZID=([^;:]+)", any_feed.replace(b"\r\n ", b"")))
    defined = Counter(tz.one("TZID").value.encode() for tz in cal.sub("VTIMEZONE"))
    assert defined == Counter(used)  # each used TZID defined exactly once, nothing unused
    # The decision behind an empty set: every event is all-day, so nothing needs a zone.
    for event in cal.sub("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            prop = event.one(name)
            assert prop.params == {"VALUE": "DATE"} and re.fullmatch(r"\d{8}", prop.value)


def test_rrule_until_is_a_date_for_all_day_series(catalog: Catalog, any_feed: bytes) -> None:
    last = feed_range(NOW, TZ)[1] - dt.timedelta(days=1)
    for event in read(any_feed).sub("VEVENT"):
        for rule in event.all("RRULE"):
            timed = event.one("DTSTART").params.get("VALUE") != "DATE"
            until = re.search(r"UNTIL=([0-9TZ]+)", rule.value)
            assert until is not None
            assert until[1].endswith("Z") if timed else until[1] == f"{last:%Y%m%d}"
            assert rule.value.startswith("FREQ=DAILY;")


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


@pytest.mark.parametrize("name", ["promo_327_and_quick_order_with_alarm.ics"])
def test_golden_feed(catalog: Catalog, name: str) -> None:
    """The exact bytes of a small feed, read and checked by hand: any change shows as a diff.

    After an intended change, write the new bytes to the file and review the diff before keeping.
    """
    keys = ("promo-327:2027", "daily-quick-order:daily")
    data = build_feed(
        catalog,
        [o for o in window(catalog) if o.key in keys],
        options=parse_options({"alarms": "P1D"}),
        name="1688 活动日历",
        url="https://calendar.example.com/calendar.ics?alarms=P1D",
        data_stamp=STAMP,
        link_of=lambda occ: f"https://calendar.example.com/activities/{occ.activity}",
    )
    expected = (GOLDEN / name).read_bytes()
    assert unfold(data) == unfold(expected)  # the readable diff first
    assert data == expected


# ─── the events ────────────────────────────────────────────────────────────────────────────────


def test_promotion_as_three_all_day_events_with_exclusive_end(catalog: Catalog) -> None:
    found = events(feed(catalog))
    # 327 in 2027 (assumed rule): sign-up Feb 10 to Mar 7, event Mar 27 to 29.
    expect = {
        "signup": ("20270210", "20270308", "【报名期】327大促"),
        "deadline": ("20270307", "20270308", "【报名截止】327大促"),
        "event": ("20270327", "20270330", "【活动期】327大促"),
    }
    for role, (start, end, summary) in expect.items():
        event = found[f"promo-327:2027:{role}@calendar-service"]
        assert (event.one("DTSTART").value, event.one("DTEND").value) == (start, end)
        assert event.one("SUMMARY").text == summary
        assert event.one("CATEGORIES").value.split(",")[0] == "年度大促"
        assert event.one("TRANSP").value == "TRANSPARENT"
        assert event.one("SEQUENCE").value == "0"
        assert event.one("URL").value == "https://calendar.example.com/activities/promo-327"
        text = event.one("DESCRIPTION").text
        for part in ("3月上新活动", "2027年2月10日 至 2027年3月7日", "小贴士", "假设的数字"):
            assert part in text


def test_daily_activities_are_one_series_each(catalog: Catalog) -> None:
    daily = [e for e in read(feed(catalog)).sub("VEVENT") if e.all("RRULE")]
    assert sorted(e.one("UID").value for e in daily) == sorted(
        f"{a.key}:daily:daily@calendar-service" for a in catalog.activities if a.key[:6] == "daily-"
    )
    quick = next(e for e in daily if e.one("UID").value.startswith("daily-quick-order"))
    assert quick.one("SUMMARY").text == "【每日报名】快订"
    assert "约 60,000 UV/天" in quick.one("DESCRIPTION").text
    assert quick.one("CATEGORIES").text == "日常活动,每日报名"


def test_uids_stable_across_rebuilds_and_unique_per_store(catalog: Catalog) -> None:
    now_later = NOW + dt.timedelta(days=30)
    later = build_feed(
        catalog,
        window(catalog, now_later),
        options=FeedOptions(),
        name="x",
        url=None,
        data_stamp=STAMP,
    )
    first, second = events(feed(catalog)), events(later)
    shared = set(first) & set(second)
    assert "promo-327:2027:deadline@calendar-service" in shared
    assert all(first[u].one("SUMMARY").value == second[u].one("SUMMARY").value for u in shared)
    store = events(feed(catalog, store=True))
    assert "promo-327:2027:deadline:store-42@calendar-service" in store
    assert not set(store) & set(first)
    promo = next(o for o in window(catalog) if o.key == "promo-327:2027")
    assert uid(promo, Role.DEADLINE, "店 a:b@c") == (
        "promo-327:2027:deadline:%E5%BA%97%20a%3Ab%40c@calendar-service"
    )


def test_sequence_rises_when_dates_change(catalog: Catalog) -> None:
    announced = DateOverride(
        "promo-327",
        "2027",
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 3, 27),
        dt.date(2027, 3, 31),
    )
    moved = dataclasses.replace(catalog, overrides=(announced,))
    before, after = events(feed(catalog)), events(feed(moved))
    for role in ("signup", "deadline", "event"):
        key = f"promo-327:2027:{role}@calendar-service"
        assert before[key].one("SEQUENCE").value == "0"
        assert after[key].one("SEQUENCE").value == "1"
    assert after["promo-327:2027:deadline@calendar-service"].one("DTSTART").value == "20270301"
    assert (
        "日期为平台公告" in after["promo-327:2027:event@calendar-service"].one("DESCRIPTION").text
    )
    unchanged = "promo-916:2027:deadline@calendar-service"
    assert before[unchanged].one("SEQUENCE").value == after[unchanged].one("SEQUENCE").value == "0"

    # With a ledger kept between builds, every further change of dates rises again.
    ledger = revise(revise({}, window(catalog)), window(moved))
    later = dataclasses.replace(announced, deadline_on=dt.date(2027, 3, 3))
    ledger = revise(ledger, window(dataclasses.replace(catalog, overrides=(later,))))
    assert ledger["promo-327:2027"].sequence == 2
    assert ledger["promo-916:2027"].sequence == 0
    assert ledger["daily-quick-order:daily"].sequence == 0  # the moving range is no change


def test_english_summaries(catalog: Catalog) -> None:
    found = events(feed(catalog, {"lang": "en"}))
    deadline = found["promo-327:2027:deadline@calendar-service"]
    assert deadline.one("SUMMARY").text == "Sign-up deadline: 327 new-season promotion"
    assert deadline.one("CATEGORIES").text == "Yearly promotion,Sign-up deadline"
    monthly = found["monthly-hot-items:2027-03:signup@calendar-service"]
    assert monthly.one("SUMMARY").text == "Sign-up window: Monthly hot items (March 2027)"
    assert "Sign-up: 15 February 2027 to 25 February 2027" in monthly.one("DESCRIPTION").text
    summaries = [e.one("SUMMARY").text for e in found.values()]
    assert not [s for s in summaries if re.search(r"[\u3000-\u9fff]", s)]


def test_alarms_only_when_asked(catalog: Catalog) -> None:
    assert b"VALARM" not in feed(catalog)
    for key, event in events(feed(catalog, {"alarms": "PT2H,P1D"})).items():
        alarms = event.sub("VALARM")
        if not key.endswith(":deadline@calendar-service"):
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


def test_store_text_survives_a_round_trip(catalog: Catalog) -> None:
    data = feed(catalog, store=True)
    mine = events(data)["promo-327:2027:deadline:store-42@calendar-service"]
    assert mine.one("DESCRIPTION").text.endswith("\n\n" + STORE_TEXT_READ)
    theirs = icalendar.Calendar.from_ical(data)
    descriptions = [str(e["DESCRIPTION"]) for e in theirs.walk("VEVENT")]
    assert all(d.endswith("\n\n" + STORE_TEXT_READ) for d in descriptions)
    # NAME (RFC 7986) and X- properties (RFC 5545 §3.8.8.2) are TEXT, escaped like any other;
    # icalendar 7 reads both as vUnknown and leaves the escapes in, so read them here.
    for name in ("NAME", "X-WR-CALNAME"):
        assert read(data).one(name).text == "1688 活动日历; 店铺, 测试"
    assert "本店资格".encode() not in feed(catalog)  # the catalog feed carries no store data


def test_size_of_a_rolling_window_stays_under_1_mb(catalog: Catalog) -> None:
    assert len(feed(catalog)) < 400_000
    verdict = "❌ 近30天买家数 12 < 15:还差3位买家, 请在报名截止前补足; 数据截至2027年1月10日\n"
    data = build_feed(
        catalog,
        window(catalog),
        options=parse_options({"alarms": "P1D,PT2H"}),
        name="x",
        url=None,
        data_stamp=STAMP,
        describe=lambda occ: verdict * 100,  # a store whose verdicts run to 12 KB each
    )
    assert len(data) < 1_000_000
    text = events(data)["promo-327:2027:deadline@calendar-service"].one("DESCRIPTION").text
    store = text.split("\n\n")[-1]
    assert store.endswith(verdict + "…(内容较长,完整资格请见链接或提醒邮件)")
    assert len(store.encode()) <= 1200


# ─── options and bad input ─────────────────────────────────────────────────────────────────────


def test_options_parsed_and_written_back() -> None:
    options = parse_options(
        {"cycles": "Yearly, quarterly", "alarms": "PT2H,P1D,P1W", "lang": "en-US"}
    )
    assert options.lang is Lang.EN
    assert [a.total_seconds() / 3600 for a in options.alarms] == [168, 24, 2]
    assert options.query() == {
        "cycles": "yearly,quarterly",
        "alarms": "P7D,P1D,PT2H",
        "lang": "en",
    }
    assert parse_options(options.query()) == options
    assert parse_options({}) == FeedOptions()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"cycles": "weekly"}, "cycles: 'weekly' is not a cycle; use any of yearly, quarterly"),
        ({"cycles": " , "}, "cycles: name at least one of yearly, quarterly, monthly, daily"),
        ({"alarms": "1D"}, "alarms: '1D' is not a duration"),
        ({"alarms": "-P1D"}, "alarms: '-P1D' is not a duration"),
        ({"alarms": "P1H"}, "alarms: 'P1H' is not a duration"),
        ({"alarms": "PT"}, "alarms: 'PT' is not a duration"),
        ({"alarms": "P0D"}, "alarms: 'P0D' is not offered; choose from PT2H, PT12H, PT15H"),
        ({"alarms": "P91D"}, "alarms: 'P91D' is not offered; choose from PT2H, PT12H, PT15H"),
        ({"alarms": "PT15S"}, "alarms: 'PT15S' is not offered; choose from PT2H, PT12H, PT15H"),
        ({"alarms": "P1D,P2D,P3D,P4D,P5D,P6D"}, "alarms: at most 3 alarms, got 6"),
        ({"lang": "fr"}, "lang: 'fr' is not supported; use zh (default) or en"),
        ({"alarm": "P1D"}, "unknown feed option 'alarm'; the options are cycles, alarms and lang"),
    ],
)
def test_bad_options_rejected_with_clear_messages(query: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as raised:
        parse_options(query)
    assert isinstance(raised.value, FeedOptionError)


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


@pytest.mark.parametrize(("lang", "shown"), [(Lang.ZH, "活动折扣 ≤ 9折"), (Lang.EN, "≤ 9折 (90%)")])
def test_assumed_thresholds_read_as_the_deck_writes_them(
    catalog: Catalog, lang: Lang, shown: str
) -> None:
    """Discounts as 折 and rates as percent, never fractions; the unit once."""
    occ = next(o for o in window(catalog) if o.activity == "daily-group-wholesale")
    text = description(catalog.activity("daily-group-wholesale"), occ, lang)
    assert shown in text
    assert "0.9 " not in text and "0.0001" not in text
    group_buy = next(o for o in window(catalog) if o.activity == "daily-group-buy")
    assumed = description(catalog.activity("daily-group-buy"), group_buy, lang)
    assert ("0.01%" in assumed) and "buyers ≥ 15 buyers" not in assumed
