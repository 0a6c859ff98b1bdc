"""Which data a verdict is judged on: none, stale, the yearly sales window, and forecasts."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal

import pytest

from calendar_service.adapters.catalog_file import parse_catalog
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.formatting import day_text
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.domain.verdict_json import (
    to_json,
)
from tests.eligibility_support import (
    AT,
    CATALOG,
    GROUP,
    QUICK,
    SAMPLES,
    SHIPPED,
    TODAY,
    D,
    judged,
    occurrence_of,
    verdict,
)
from tests.factories import good_product, passing_store
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

# Data: none, stale, the yearly sales window ------------------------------------------------------


@pytest.mark.parametrize("activity", [a.key for a in CATALOG.activities])
def test_without_any_snapshot_every_criterion_is_unknown(activity: str) -> None:
    v = EVALUATOR.evaluate(
        CATALOG, activity, occurrence_of(activity), None, (), (), AT, store_id="s9"
    )
    assert v.status == "unknown" and v.store_id == "s9"
    assert all(j.status in ("unknown", "signal") for j in v.criteria)
    assert all(j.present is None for j in v.criteria if j.status == "signal")
    assert "no-data" in [n.code for n in v.notes]  # even for an activity with nothing to judge
    assert v.data_as_of is None and v.snapshot_captured_at is None


@pytest.mark.parametrize(("age_days", "stale"), [(6, False), (7, False), (8, True)])
def test_old_data_is_flagged_stale_with_its_date(age_days: int, stale: bool) -> None:
    store = passing_store(captured_at=AT - dt.timedelta(days=age_days))
    v = verdict(GROUP, store)
    assert v.stale is stale and v.status == "eligible"
    assert v.data_as_of == store.captured_at
    notes = [n for n in v.notes if n.code == "stale"]
    assert len(notes) == stale
    if stale:
        assert day_text(store.captured_at.date(), locale="en") in notes[0].text("en")


def test_old_product_data_makes_a_product_activity_stale() -> None:
    product = good_product(captured_at=AT - dt.timedelta(days=20))
    assert verdict(SAMPLES, passing_store(), [product]).stale
    # 快订's only product criterion is an advantage: its status rests on the store's data.
    assert not verdict(QUICK, passing_store(), [product]).stale


PROMO = "promo-916"
PROMO_2027 = occurrence_of(PROMO, dt.datetime(2027, 6, 1, tzinfo=CST))  # deadline 2027-08-27


def _snap(day: dt.date, gmv: int | None) -> StoreSnapshot:
    at = dt.datetime.combine(day, dt.time(12), tzinfo=CST)
    return passing_store(captured_at=at, gmv_30d=None if gmv is None else D(gmv))


def test_the_yearly_sales_window_uses_the_snapshot_at_or_before_the_deadline() -> None:
    before = _snap(dt.date(2027, 8, 27), 12000)  # on the last sign-up day
    after = _snap(dt.date(2027, 9, 5), 3000)  # later: not the window's figure
    at = dt.datetime(2027, 9, 6, tzinfo=CST)
    v = verdict(PROMO, after, [good_product()], [before], at, PROMO_2027)
    j = judged(v, "sales-before-deadline")
    assert (j.status, j.value) == ("pass", D(12000))
    assert j.window is not None and j.window.as_of == before.captured_at
    assert j.window.phase == "closed"
    assert "2027年7月29日 至 2027年8月27日" in j.message("zh-CN")


@pytest.mark.parametrize(
    ("captured_at", "chosen"),
    [
        (dt.datetime(2027, 8, 27, 16, 0, tzinfo=dt.UTC), True),  # 2027-08-28 00:00 in 北京
        (dt.datetime(2027, 8, 27, 16, 0, 1, tzinfo=dt.UTC), False),  # a second after the deadline
        (dt.datetime(2027, 8, 28, 0, 0, tzinfo=CST), True),
    ],
)
def test_the_sales_window_ends_at_the_deadline_whatever_zone_the_snapshot_is_in(
    captured_at: dt.datetime, chosen: bool
) -> None:
    """Snapshots are read back from the database in UTC; the deadline is local midnight."""
    snap = passing_store(captured_at=captured_at, gmv_30d=D(12000))
    at = dt.datetime(2027, 9, 6, tzinfo=CST)
    v = verdict(PROMO, snap, [good_product()], (), at, PROMO_2027)
    j = judged(v, "sales-before-deadline")
    assert (j.status, j.value) == (("pass", D(12000)) if chosen else ("unknown", None))


def test_the_yearly_sales_window_without_a_snapshot_before_the_deadline_is_unknown() -> None:
    after = _snap(dt.date(2027, 9, 5), 30000)
    v = verdict(PROMO, after, [good_product()], (), dt.datetime(2027, 9, 6, tzinfo=CST), PROMO_2027)
    assert judged(v, "sales-before-deadline").status == "unknown"
    assert v.status == "unknown"


@pytest.mark.parametrize(
    ("day", "phase", "fragment"),
    [
        (dt.date(2027, 7, 1), "not_started", "has not started: push sales from 29 Jul 2027"),
        (dt.date(2027, 8, 10), "open", "is under way"),
    ],
)
def test_before_the_deadline_the_current_pace_stands_in_and_the_note_says_when_it_counts(
    day: dt.date, phase: str, fragment: str
) -> None:
    store = _snap(day, 8000)
    at = dt.datetime.combine(day, dt.time(13), tzinfo=CST)
    v = verdict(PROMO, store, [good_product(captured_at=at)], (), at, PROMO_2027)
    j = judged(v, "sales-before-deadline")
    assert (j.status, j.gap) == ("fail", D(2000))
    assert j.window is not None and j.window.phase == phase
    assert fragment in next(n for n in v.notes if n.code == "sales-window").text("en")


def test_a_promotion_needs_product_data_to_know_a_discount_is_offered() -> None:
    v = verdict("promo-327", passing_store())
    assert v.status == "unknown"
    assert judged(v, "promotion").status == "unknown"
    none = good_product(free_shipping=False, activity_discount=D(1))
    assert judged(verdict("promo-327", passing_store(), [none]), "promotion").status == "unknown"
    no_reduction = passing_store(full_reduction=False)
    assert judged(verdict("promo-327", no_reduction, [none]), "promotion").status == "fail"


@pytest.mark.parametrize(
    ("reduction", "discount", "status"),
    [
        (True, D(1), "pass"),  # 满减 alone is a promotion
        (False, D("0.9"), "pass"),  # 9折, the deck's example
        (False, D("0.95"), "fail"),  # 9.5折 no longer passes by itself
        (False, D(1), "fail"),
    ],
)
def test_yearly_promotion_accepts_full_reduction_and_a_9_zhe_discount(
    reduction: bool, discount: Decimal, status: str
) -> None:
    product = good_product(free_shipping=False, activity_discount=discount)
    v = verdict("promo-327", passing_store(full_reduction=reduction), [product])
    j = judged(v, "promotion")
    assert j.status == status
    if status == "fail":
        assert "满减" in j.message("zh-CN")


def test_the_promotion_discount_is_a_catalog_figure() -> None:
    raw = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    raw["promotion"]["discount_at_most"] = 0.95
    catalog = parse_catalog(raw)
    assert catalog.promotion_discount == D("0.95")
    product = good_product(free_shipping=False, activity_discount=D("0.95"))
    store = passing_store(full_reduction=False)
    occ = next(o for o in occurrences(catalog, TODAY, TODAY + dt.timedelta(days=400), CST)
               if o.activity == "promo-327")  # fmt: skip
    v = EVALUATOR.evaluate(catalog, "promo-327", occ, store, [product], (), AT)
    assert judged(v, "promotion").status == "pass"


# Forecasts attached to verdicts ------------------------------------------------------------------


def test_a_failing_sales_requirement_with_a_rising_history_gets_a_forecast() -> None:
    history = [
        passing_store(captured_at=AT - dt.timedelta(days=d), gmv_30d=D(g))
        for d, g in [(20, 8000), (10, 11000)]
    ]
    v = verdict(GROUP, passing_store(gmv_30d=D(14000)), (), history)
    f = v.forecast_for("gmv-30d")
    assert f is not None and f.before_deadline is None  # a daily series has no deadline
    assert f.passes_at.date() == dt.date(2027, 2, 21)
    assert "reaches CNY 20,000 on 21 Feb 2027" in f.message("en")
    assert to_json(v)["criteria"][3]["forecast"]["passes_at"].startswith("2027-02-21")


def test_a_falling_history_gives_no_forecast_and_says_not_on_pace() -> None:
    history = [passing_store(captured_at=AT - dt.timedelta(days=10), buyers_30d=20)]
    v = verdict(GROUP, passing_store(buyers_30d=10), (), history)
    assert v.forecasts == ()
    note = next(n for n in v.notes if n.code == "not-on-pace")
    assert "not on pace to reach 15" in note.text("en")
