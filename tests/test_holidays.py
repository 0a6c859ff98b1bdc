"""Windows around public holidays: the rule stands, and verdicts and feeds say so.

The holiday data is the reminders' (chinese_calendar through `adapters.workdays`), read for
real: it knows 2026's schedule; a year it does not know yet says nothing.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from calendar_service.adapters.catalog_file import load_catalog, parse_catalog
from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.locale import Locale
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.feeds import FeedOptions, plan_events
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "activities.toml"
CATALOG = load_catalog(SHIPPED)


def _occurrence(catalog: Catalog, key: str) -> Occurrence:
    found = occurrences(catalog, dt.date(2026, 1, 1), dt.date(2028, 1, 1), CST)
    return next(o for o in found if o.key == key)


def _store(at: dt.datetime) -> StoreSnapshot:
    return StoreSnapshot("s1", at - dt.timedelta(hours=1), gmv_30d=None)


def test_the_holiday_data_names_public_holidays_only() -> None:
    assert HOLIDAYS.holiday(dt.date(2026, 10, 4)) == "National Day"
    assert HOLIDAYS.holiday(dt.date(2026, 2, 17)) == "Spring Festival"
    assert HOLIDAYS.holiday(dt.date(2026, 8, 2)) is None  # a plain Sunday
    assert HOLIDAYS.holiday(dt.date(2026, 8, 3)) is None  # a working day
    assert HOLIDAYS.holiday(dt.date(2099, 10, 1)) is None  # no data: no guess


def test_1118_signup_opening_in_the_national_day_week_is_said() -> None:
    occ = _occurrence(CATALOG, "promo-1118:2026")
    assert occ.opens_on == dt.date(2026, 10, 4)  # the rule is kept: 45 days before 11-18
    at = dt.datetime(2026, 9, 1, 10, 0, tzinfo=CST)
    v = EVALUATOR.evaluate(CATALOG, occ.activity, occ, _store(at), (), (), at, holidays=HOLIDAYS)
    note = next(n for n in v.notes if n.code == "opens-on-holiday")
    assert "2026年10月4日" in note.text("zh-CN") and "国庆节" in note.text("zh-CN")
    assert "National Day" in note.text("en")
    plain = EVALUATOR.evaluate(CATALOG, occ.activity, occ, _store(at), (), (), at)
    assert "opens-on-holiday" not in [n.code for n in plain.notes]  # no calendar, no claim


def test_a_sales_window_starting_on_spring_festival_is_said() -> None:
    raw = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    raw["overrides"] = [{
        "activity": "promo-327", "period": "2026", "opens_on": dt.date(2026, 2, 1),
        "deadline_on": dt.date(2026, 3, 18), "event_starts_on": dt.date(2026, 3, 27),
        "event_ends_on": dt.date(2026, 3, 29),
    }]  # fmt: skip
    catalog = parse_catalog(raw)
    occ = _occurrence(catalog, "promo-327:2026")
    at = dt.datetime(2026, 1, 20, 10, 0, tzinfo=CST)
    (v,) = EVALUATOR.evaluate_store(catalog, [occ], _store(at), (), (), at, holidays=HOLIDAYS)
    note = next(n for n in v.notes if n.code == "sales-window-on-holiday")
    assert "2026年2月17日" in note.text("zh-CN") and "春节" in note.text("zh-CN")
    assert "Spring Festival" in note.text("en")
    assert "opens-on-holiday" not in [n.code for n in v.notes]  # 2026-02-01 is a Sunday only


def test_daily_activities_and_unknown_years_say_nothing() -> None:
    at = dt.datetime(2027, 1, 5, 10, 0, tzinfo=CST)
    for key in ("daily-quick-order:daily", "promo-327:2027"):
        occ = _occurrence(CATALOG, key)
        v = EVALUATOR.evaluate(
            CATALOG, occ.activity, occ, _store(at), (), (), at, holidays=HOLIDAYS
        )
        assert not {"opens-on-holiday", "sales-window-on-holiday"} & {n.code for n in v.notes}


def test_feeds_say_a_window_opens_on_a_holiday() -> None:
    occ = _occurrence(CATALOG, "promo-1118:2026")

    def text(lang: Locale, holidays: bool) -> str:
        found = plan_events(
            CATALOG, [occ], FeedOptions(lang=lang), holidays=HOLIDAYS if holidays else None
        )
        return found[0].description

    assert "国庆节" in text("zh-CN", True)
    assert "National Day" in text("en", True)
    assert "国庆节" not in text("zh-CN", False)
