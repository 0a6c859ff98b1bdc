"""Forecasts: when a failing figure passes at the store's current pace."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.forecast import forecast, project, trend
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.domain.verdict_json import forecast_json
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

START = dt.datetime(2027, 1, 1, 12, tzinfo=CST)
D = Decimal
CATALOG = load_catalog(Path(__file__).resolve().parent.parent / "data" / "activities.toml")


def history(*points: tuple[int, int | None], figure: str = "gmv_30d") -> list[StoreSnapshot]:
    """Snapshots `days` after START with the figure's value."""
    made = []
    for days, value in points:
        fields: dict[str, object] = {figure: None if value is None else _typed(figure, value)}
        made.append(StoreSnapshot("s1", START + dt.timedelta(days=days), **fields))  # type: ignore[arg-type]
    return made


def _typed(figure: str, value: int) -> object:
    return value if figure == "buyers_30d" else D(value)


def at_day(days: float) -> dt.datetime:
    return START + dt.timedelta(days=days)


def test_a_rising_history_predicts_the_day_it_passes() -> None:
    snaps = history((0, 10000), (10, 12000), (20, 14000))
    f = forecast(snaps, "gmv_30d", D(20000), at_day(60), at_day(20))
    assert f is not None
    assert f.slope_per_day == D("200.00") and f.points == 3 and f.value == D(14000)
    assert f.passes_at == at_day(50)
    assert f.before_deadline is True


def test_a_pass_after_the_deadline_is_not_in_time() -> None:
    snaps = history((0, 10000), (10, 12000), (20, 14000))
    f = forecast(snaps, "gmv_30d", D(20000), at_day(40), at_day(20))
    assert f is not None and f.before_deadline is False
    assert "not in time" in f.message("en") and "来不及" in f.message("zh-CN")


@pytest.mark.parametrize(
    "points",
    [
        [(0, 14000), (10, 12000), (20, 10000)],  # falling
        [(0, 12000), (10, 12000)],  # flat
        [(0, 12000)],  # one snapshot
        [],
        [(0, None), (10, 12000)],  # one known value
        [(0, 12000), (0, 14000)],  # one instant
    ],
)
def test_no_forecast_without_a_rising_trend(points: list[tuple[int, int | None]]) -> None:
    assert forecast(history(*points), "gmv_30d", D(20000), None, at_day(30)) is None


def test_a_falling_trend_is_reported_so_the_verdict_can_say_not_on_pace() -> None:
    found = trend(history((0, 14000), (10, 12000)), "gmv_30d", at_day(10))
    assert found is not None and found.falling and found.slope_per_day == pytest.approx(-200)


def test_the_slope_is_least_squares_per_day() -> None:
    found = trend(history((0, 0), (1, 2), (2, 1), figure="buyers_30d"), "buyers_30d", at_day(2))
    assert found is not None and found.slope_per_day == pytest.approx(0.5)


def test_snapshots_after_the_instant_are_ignored() -> None:
    snaps = history((0, 10000), (10, 12000), (20, 1000))
    f = forecast(snaps, "gmv_30d", D(20000), None, at_day(15))
    assert f is not None and f.value == D(12000) and f.passes_at == at_day(50)


def test_a_pace_that_needs_more_than_ten_years_is_none() -> None:
    found = trend(history((0, 0), (100, 1)), "gmv_30d", at_day(100))
    assert found is not None and found.rising
    assert project(found, D(1_000_000), None) is None


def test_buyers_forecast_and_its_messages() -> None:
    snaps = history((0, 5), (7, 12), figure="buyers_30d")
    f = forecast(snaps, "buyers_30d", D(15), at_day(30), at_day(7))
    assert f is not None and f.passes_at.date() == dt.date(2027, 1, 11)
    assert f.message("en") == (
        "at the current pace (+1 a day over 2 snapshots), 30-day buyers reaches 15 on "
        "11 Jan 2027, before the deadline 31 Jan 2027"
    )
    assert f.message("zh-CN").startswith(
        "按近 2 次数据的趋势(每天 +1),近30天买家数预计 2027年1月11日"
    )
    assert forecast_json(f)["before_deadline"] is True


PROMO = next(
    o
    for o in occurrences(CATALOG, dt.date(2027, 6, 1), dt.date(2027, 12, 1), CST)
    if o.activity == "promo-916"
)  # sign-up deadline 2027-08-27


def _store(day: dt.date, gmv: int) -> StoreSnapshot:
    at = dt.datetime.combine(day, dt.time(12), tzinfo=CST)
    return StoreSnapshot("s1", at, gmv_30d=D(gmv))


def test_the_sales_window_requirement_is_forecast_against_the_sign_up_deadline() -> None:
    earlier = [_store(dt.date(2027, 7, 1), 4000), _store(dt.date(2027, 7, 11), 6000)]
    latest = _store(dt.date(2027, 7, 21), 8000)
    at = latest.captured_at
    v = EVALUATOR.evaluate(CATALOG, "promo-916", PROMO, latest, (), earlier, at)
    f = v.forecast_for("sales-before-deadline")
    assert f is not None and f.before_deadline is True
    assert f.passes_at.date() == dt.date(2027, 7, 31)


def test_a_closed_sales_window_gets_no_forecast() -> None:
    earlier = [_store(dt.date(2027, 8, 1), 4000), _store(dt.date(2027, 8, 20), 6000)]
    latest = _store(dt.date(2027, 9, 1), 20000)
    v = EVALUATOR.evaluate(CATALOG, "promo-916", PROMO, latest, (), earlier, latest.captured_at)
    assert v.forecasts == ()


@settings(max_examples=100, deadline=None)
@given(
    start=st.integers(0, 20000),
    slope=st.integers(1, 2000),
    gaps=st.lists(st.integers(1, 15), min_size=1, max_size=6),
    threshold=st.integers(20001, 200000),
)
def test_on_a_straight_line_the_forecast_lands_on_the_threshold(
    start: int, slope: int, gaps: list[int], threshold: int
) -> None:
    days = [0]
    for gap in gaps:
        days.append(days[-1] + gap)
    latest = start + slope * days[-1]
    assume(latest < threshold and (threshold - latest) / slope <= 3650)
    snaps = history(*[(d, start + slope * d) for d in days])
    f = forecast(snaps, "gmv_30d", D(threshold), None, at_day(days[-1]))
    assert f is not None
    elapsed = (f.passes_at - at_day(days[-1])).total_seconds() / 86400
    assert start + slope * (days[-1] + elapsed) == pytest.approx(threshold, rel=1e-6)
