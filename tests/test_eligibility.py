"""The eligibility engine's interface: its JSON, its edges, and properties over any store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.domain.derived import (
    membership_months,
    store_facts,
)
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdict_json import (
    CRITERION_KEYS,
    PRODUCT_KEYS,
    VERDICT_KEYS,
    json_value,
    to_json,
)
from tests.eligibility_support import (
    AT,
    CATALOG,
    GROUP,
    QUICK,
    TODAY,
    D,
    occurrence_of,
    verdict,
)
from tests.factories import good_product, passing_store
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

# JSON --------------------------------------------------------------------------------------------

EXTRA_VERDICT_KEYS = {"activity_name", "stale", "snapshot_captured_at", "products_total",
                      "forecasts", "notes", "locale"}  # fmt: skip
EXTRA_CRITERION_KEYS = {"figure", "op", "present", "reason", "source", "note", "passes_on",
                        "window", "forecast"}  # fmt: skip


@pytest.mark.parametrize("activity", [a.key for a in CATALOG.activities])
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_json_has_the_design_keys_and_only_the_documented_extras(
    activity: str, locale: str
) -> None:
    v = verdict(activity, passing_store(medal_level=1), [good_product()])
    data = json.loads(json.dumps(to_json(v, locale)))
    assert set(data) == set(VERDICT_KEYS) | EXTRA_VERDICT_KEYS
    assert list(data)[: len(VERDICT_KEYS)] == list(VERDICT_KEYS)
    for c in data["criteria"] + [c for p in data["products"] for c in p["criteria"]]:
        assert set(c) == set(CRITERION_KEYS) | EXTRA_CRITERION_KEYS
        assert c["kind"] in ("requirement", "advantage", "invitation")
        assert c["status"] in ("pass", "fail", "unknown", "signal")
    for p in data["products"]:
        assert set(p) == set(PRODUCT_KEYS) | {"rank"}
    assert data["status"] in ("eligible", "ineligible", "unknown", "invitation")


def test_json_values_labels_and_messages() -> None:
    v = verdict(GROUP, passing_store(buyers_30d=12, dispute_rate_90d=D("0.00005")))
    zh, en = to_json(v), to_json(v, "en")
    buyers = next(c for c in en["criteria"] if c["key"] == "buyers-30d")
    assert buyers["forecast"] is None  # no history, no pace
    assert (buyers["value"], buyers["threshold"], buyers["gap"]) == (12, 15, 3)
    assert buyers["label"] == "30-day buyers"
    assert buyers["message"] == "30-day buyers 12 < 15: 3 more buyers needed"
    assert next(c for c in zh["criteria"] if c["key"] == "buyers-30d")["label"] == "近30天买家数"
    rate = next(c for c in en["criteria"] if c["key"] == "dispute-rate")
    assert (rate["value"], rate["threshold"]) == (0.00005, 0.0001)
    assert next(c for c in en["criteria"] if c["key"] == "shipping")["threshold"] == ["24h", "48h"]
    assert zh["occurrence"] == "daily-group-wholesale:daily" and zh["activity_name"] == "伙拼"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (D("20000"), 20000),
        (D("19.99"), 19.99),
        (D("0.0001"), 0.0001),
        (D("1E+3"), 1000),
        (D("3.14159265358979323846"), "3.14159265358979323846"),
        (dt.date(2027, 2, 1), "2027-02-01"),
        (("24h", "48h"), ["24h", "48h"]),
        (True, True),
        (None, None),
    ],
)
def test_json_values_are_numbers_when_exact(value: object, shown: object) -> None:
    assert json_value(value) == shown


# The API's edges ---------------------------------------------------------------------------------


def test_evaluate_store_gives_the_same_verdicts_as_evaluate() -> None:
    occs = [occurrence_of(a.key) for a in CATALOG.activities]
    store, products = passing_store(buyers_30d=3), [good_product()]
    many = EVALUATOR.evaluate_store(CATALOG, occs, store, products, (), AT)
    assert many == [
        EVALUATOR.evaluate(CATALOG, o.activity, o, store, products, (), AT) for o in occs
    ]


@pytest.mark.parametrize(
    "at",
    [
        AT + dt.timedelta(days=40),  # the same occurrences later: other windows, stale data
        dt.datetime(2027, 2, 1, 0, 30, tzinfo=CST),  # still January 31st in UTC
    ],
)
def test_evaluate_store_judges_each_instant_and_each_calendar_day_afresh(at: dt.datetime) -> None:
    occs = [occurrence_of(a.key) for a in CATALOG.activities]
    occs[0] = dataclasses.replace(occs[0], tz=ZoneInfo("UTC"))  # a calendar in another zone
    store, products = passing_store(buyers_30d=3), [good_product()]
    EVALUATOR.evaluate_store(CATALOG, occs, store, products, (), AT)  # plans made at AT, kept
    many = EVALUATOR.evaluate_store(CATALOG, occs, store, products, (), at)
    assert many == [
        EVALUATOR.evaluate(CATALOG, o.activity, o, store, products, (), at) for o in occs
    ]


def test_store_facts_hold_every_column_of_the_snapshot() -> None:
    store = passing_store()
    facts = store_facts(store, [], TODAY)
    assert {k: facts[k] for k in store.figures()} == store.figures()
    assert facts["membership_months"] == membership_months(store.member_since, TODAY)


def test_evaluate_refuses_a_naive_instant_and_a_mismatched_occurrence() -> None:
    occ = occurrence_of(GROUP)
    with pytest.raises(ValueError, match="timezone-aware"):
        EVALUATOR.evaluate(CATALOG, GROUP, occ, passing_store(), (), (), AT.replace(tzinfo=None))
    with pytest.raises(ValueError, match="not of activity"):
        EVALUATOR.evaluate(CATALOG, QUICK, occ, passing_store(), (), (), AT)
    with pytest.raises(KeyError, match="unknown activity"):
        EVALUATOR.evaluate(
            CATALOG, "nope", dataclasses.replace(occ, activity="nope"), None, (), (), AT
        )


# Properties --------------------------------------------------------------------------------------


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _money(top: int) -> st.SearchStrategy[Decimal]:
    return st.integers(0, top * 100).map(lambda c: D(c) / 100)


STORES = st.builds(
    StoreSnapshot,
    store_id=st.just("s1"),
    captured_at=st.integers(0, 20).map(lambda d: AT - dt.timedelta(days=d)),
    member_since=_maybe(st.dates(dt.date(2020, 1, 1), dt.date(2027, 2, 1))),
    medal_level=_maybe(st.integers(0, 5)),
    satisfaction=_maybe(st.integers(0, 50).map(lambda x: D(x) / 10)),
    products_online=_maybe(st.integers(0, 40)),
    products_listed=_maybe(st.integers(0, 40)),
    gmv_30d=_maybe(_money(200000)),
    buyers_30d=_maybe(st.integers(0, 40)),
    shipping_promise=_maybe(st.sampled_from(["24h", "48h", "72h", "none"])),
    buyer_protection=_maybe(st.booleans()),
    delivery_guarantee=_maybe(st.booleans()),
    alipay_verified=_maybe(st.booleans()),
    online_trading=_maybe(st.booleans()),
    disputes_90d=_maybe(st.integers(0, 3)),
    dispute_rate_90d=_maybe(st.integers(0, 30).map(lambda x: D(x) / 100000)),
    risk_score=_maybe(st.integers(0, 60).map(D)),
    industrial_belt=_maybe(st.sampled_from(["义乌", "无", "", "none"])),
    last_group_wholesale_gmv=_maybe(_money(50000)),
    last_promotion_gmv=_maybe(_money(100000)),
)
PRODUCTS = st.lists(
    st.builds(
        good_product,
        product_id=st.uuids().map(str),
        wholesale_price=_maybe(_money(40)),
        sales_30d=_maybe(st.integers(0, 700)),
        listed_at=_maybe(st.dates(dt.date(2026, 10, 1), TODAY)),
        sample_price=_maybe(st.sampled_from([D("0.01"), D("30")])),
        activity_discount=_maybe(st.sampled_from([D("0.7"), D("0.85"), D("1")])),
        free_shipping=_maybe(st.booleans()),
        image_watermark=_maybe(st.booleans()),
    ),
    max_size=3,
)
EVERY = [occurrence_of(a.key) for a in CATALOG.activities]


@settings(max_examples=150, deadline=None)
@given(store=_maybe(STORES), products=PRODUCTS)
def test_status_follows_the_requirements_and_unknown_figures_never_pass_or_fail(
    store: StoreSnapshot | None, products: list[ProductSnapshot]
) -> None:
    for v in EVALUATOR.evaluate_store(CATALOG, EVERY, store, products, (), AT):
        judgements = list(v.criteria) + [j for p in v.products for j in p.criteria]
        requirements = [j for j in v.criteria if j.kind.value == "requirement"]
        if any(j.status == "fail" for j in requirements):
            assert v.status == "ineligible"
        if v.status == "eligible":
            assert all(j.status == "pass" for j in requirements)
        for j in judgements:
            if j.value is None and j.reason is None and j.tally is None:
                assert j.status in ("unknown", "signal") and j.met is None
            if j.status == "signal":
                assert j.kind.value != "requirement"
            assert j.message("zh-CN") and j.message("en")
