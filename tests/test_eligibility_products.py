"""Derived figures and product-level activities: what a store's products count for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from calendar_service.domain.derived import (
    free_sample_share,
    in_industrial_belt,
    product_facts,
    promotion_offered,
)
from calendar_service.domain.formatting import day_text
from tests.eligibility_support import CLEARANCE, GROUP, SAMPLES, TODAY, D, judged, verdict
from tests.factories import good_product, passing_store
from tests.times import CST

# Derived figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("belt", "inside"),
    [
        ("义乌小商品", True),
        (" 无 ", False),
        ("否", False),
        ("None", False),
        ("", False),
        (None, None),
    ],
)
def test_in_industrial_belt(belt: str | None, inside: bool | None) -> None:
    assert in_industrial_belt(belt) is inside


@pytest.mark.parametrize(
    ("flags", "online", "share"),
    [
        ([True, False], 2, D("0.5")),
        ([True, True, None], 4, D("0.5")),  # over the products online, not those imported
        ([True, True], 3, D("0.6666")),
        ([True, True], 1, D(1)),  # more imported than online: at most all of them
        ([True], None, None),  # the store's count is unknown
        ([True], 0, None),
        ([None], 5, None),
        ([], 5, None),
    ],
)
def test_free_sample_share_is_over_the_store_s_products_online(
    flags: list[bool | None], online: int | None, share: Decimal | None
) -> None:
    assert free_sample_share([good_product(free_sample=f) for f in flags], online) == share


def test_free_sample_share_advantage_says_it_earns_priority_review() -> None:
    products = [good_product(product_id=f"p{i}") for i in range(3)]
    v = verdict(SAMPLES, passing_store(products_online=10), products)
    j = judged(v, "free-sample-share")
    assert (j.value, j.present) == (D("0.3"), False)  # 3 of 10 online, not 3 of 3 imported
    assert "优先审核排期" in j.message("zh-CN") and "priority review" in j.message("en")
    assert "30%" in j.message("zh-CN") and "0.3" not in j.message("zh-CN")


@pytest.mark.parametrize(
    ("products", "reduction", "offered"),
    [
        ([], None, None),  # no product data
        ([], True, True),  # 满减 alone
        ([], False, None),
        ([{"free_shipping": True, "activity_discount": None}], None, True),
        ([{"free_shipping": False, "activity_discount": D("0.9")}], False, True),  # 9折
        ([{"free_shipping": False, "activity_discount": D("0.95")}], False, False),  # 9.5折
        ([{"free_shipping": False, "activity_discount": D("1")}], False, False),
        ([{"free_shipping": False, "activity_discount": D("1")}], True, True),
        ([{"free_shipping": False, "activity_discount": D("1")}], None, None),
        ([{"free_shipping": None, "activity_discount": D("1")}], False, None),
    ],
)
def test_promotion_offered_reads_free_shipping_discounts_and_full_reduction(
    products: list[dict[str, Any]], reduction: bool | None, offered: bool | None
) -> None:
    found = promotion_offered([good_product(**p) for p in products], reduction, D("0.9"))
    assert found is offered


def test_product_figures_listing_age_and_transaction_value() -> None:
    facts = product_facts(good_product(listed_at=TODAY - dt.timedelta(days=31), sales_30d=3), TODAY)
    assert (facts["listing_age_days"], facts["gmv_30d"]) == (31, D(150))
    blank = product_facts(good_product(listed_at=None, wholesale_price=None), TODAY)
    assert (blank["listing_age_days"], blank["gmv_30d"]) == (None, None)


@pytest.mark.parametrize(("locale", "english"), [("zh-CN", False), ("en", True), ("en-US", True)])
def test_messages_render_in_the_requested_locale(locale: str, english: bool) -> None:
    j = judged(verdict(GROUP, passing_store(buyers_30d=12)), "buyers-30d")
    assert (j.message(locale) == j.message_en) is english
    assert (j.label(locale) == "30-day buyers") is english


# Product-level activities ------------------------------------------------------------------------

OLD = TODAY - dt.timedelta(days=60)
NEW = TODAY - dt.timedelta(days=10)


@pytest.mark.parametrize(
    ("change", "status", "failing"),
    [
        ({}, "eligible", []),
        ({"wholesale_price": D("19.99")}, "ineligible", ["wholesale-price"]),
        ({"wholesale_price": D("20")}, "eligible", []),
        ({"sample_price": D("0.01")}, "ineligible", ["sample-price-not-token", "sample-price"]),
        ({"sample_price": D("0.02")}, "ineligible", ["sample-price"]),  # a token price
        ({"sample_price": D("49.99")}, "eligible", []),  # just under 50 is normal
        ({"wholesale_price": D("30"), "sample_price": D("30")}, "eligible", []),
        ({"sample_price": None}, "unknown", []),
        ({"listed_at": OLD, "sales_30d": 0, "buyers_30d": 0}, "ineligible", ["sales-if-older"]),
        ({"listed_at": OLD, "sales_30d": 1}, "eligible", []),
        ({"listed_at": OLD, "sales_30d": None, "buyers_30d": 3}, "eligible", []),  # buyers: sales
        ({"listed_at": OLD, "sales_30d": 0, "buyers_30d": None}, "ineligible", ["sales-if-older"]),
        ({"listed_at": OLD, "sales_30d": None, "buyers_30d": None}, "unknown", []),
        ({"listed_at": NEW, "sales_30d": 0}, "eligible", []),  # not applicable: new product
        ({"listed_at": TODAY - dt.timedelta(days=30), "sales_30d": 0}, "eligible", []),
        (
            {"listed_at": TODAY - dt.timedelta(days=31), "sales_30d": 0, "buyers_30d": 0},
            "ineligible",
            ["sales-if-older"],
        ),
        ({"listed_at": None, "sales_30d": 5}, "eligible", []),  # has sales either way
        ({"listed_at": None, "sales_30d": 0, "buyers_30d": 0}, "unknown", []),
        ({"image_watermark": True}, "ineligible", ["image-watermark"]),
        ({"image_square": False}, "ineligible", ["image-square"]),
        ({"free_sample": False}, "ineligible", ["free-sample"]),
        ({"sample_stock": 0}, "ineligible", ["sample-stock"]),
        ({"sample_stock": 1}, "eligible", []),
        ({"stock": 0}, "eligible", []),  # 剩余数量 is the samples remaining, not the stock
        ({"sample_stock": None, "stock": 100}, "unknown", []),
        ({"competitiveness_score": D(19)}, "ineligible", ["competitiveness"]),
        ({"online_order": None}, "unknown", []),
    ],
)
def test_samples_judge_each_product(
    change: dict[str, Any], status: str, failing: list[str]
) -> None:
    v = verdict(SAMPLES, passing_store(), [good_product(**change)])
    (product,) = v.products
    assert product.status == status
    assert [j.key for j in product.criteria if j.status == "fail"] == failing
    assert v.status == status  # one product: the store stands or falls with it


def test_a_new_product_without_sales_passes_as_not_applicable() -> None:
    product = good_product(listed_at=NEW, sales_30d=0, buyers_30d=0)
    v = verdict(SAMPLES, passing_store(), [product])
    j = next(j for j in v.products[0].criteria if j.key == "sales-if-older")
    assert (j.status, j.reason) == ("pass", "not_applicable")
    assert "not applicable" in j.message("en") and "不适用" in j.message("zh-CN")


def test_one_qualifying_product_is_enough_and_ranks_first() -> None:
    bad = good_product(product_id="bad", wholesale_price=D("9.9"))
    good = good_product(product_id="good")
    v = verdict(SAMPLES, passing_store(), [bad, good])
    assert v.status == "eligible"
    assert [p.product_id for p in v.products] == ["good", "bad"]
    tally = judged(v, "qualifying-products")
    assert (tally.status, tally.value) == ("pass", 1)
    assert "1 of 2 products" in tally.message("en")


def test_no_qualifying_product_names_the_closest_and_what_it_fails() -> None:
    v = verdict(SAMPLES, passing_store(), [good_product(wholesale_price=D("9.9"))])
    tally = judged(v, "qualifying-products")
    assert v.status == "ineligible" and tally.status == "fail"
    assert "批发价" in tally.message("zh-CN") and "wholesale price" in tally.message("en")


@pytest.mark.parametrize("activity", [SAMPLES, CLEARANCE, "quarterly-new-arrivals"])
def test_a_product_activity_without_product_data_is_unknown_and_asks_for_it(activity: str) -> None:
    v = verdict(activity, passing_store())
    assert v.status == "unknown" and v.products == ()
    assert "no-product-data" in [n.code for n in v.notes]
    assert "import the store's products" in judged(v, "qualifying-products").message("en")


@pytest.mark.parametrize(
    ("discount", "status"),
    [
        (D("0.86"), "ineligible"),
        (D("0.85"), "eligible"),
        (D("0.84"), "eligible"),
        (None, "unknown"),
    ],
)
def test_clearance_accepts_8_5_zhe_and_lower(discount: Decimal | None, status: str) -> None:
    """清仓's 8.5折以下 includes 8.5折 (以下 counts the number itself)."""
    v = verdict(CLEARANCE, passing_store(), [good_product(activity_discount=discount)])
    assert v.status == status
    if discount == D("0.86"):
        j = v.products[0].criteria[0]
        assert j.message("zh-CN") == "活动折扣 8.6折 > 8.5折:需不高于 8.5折,需降低 0.1 折"
        assert j.message("en") == (
            "activity discount 8.6折 (86%) > 8.5折 (85%): must be at most 8.5折 (85%) "
            "(lower it by 1 percentage point)"
        )


def test_new_arrivals_need_a_product_listed_within_30_days() -> None:
    old = verdict("quarterly-new-arrivals", passing_store(), [good_product(listed_at=OLD)])
    assert old.status == "ineligible"
    assert "within 30 days of sign-up" in old.products[0].criteria[0].message("en")


def test_group_wholesale_ranks_products_by_their_advantages() -> None:
    products = [
        good_product(product_id="few-sales", sales_30d=50, activity_discount=D("0.8")),
        good_product(product_id="cheaper", sales_30d=200, activity_discount=D("0.7")),
        good_product(product_id="dearer", sales_30d=200, activity_discount=D("0.85")),
        good_product(product_id="blank", sales_30d=None, activity_discount=None),
    ]
    v = verdict(GROUP, passing_store(), products)
    assert v.status == "eligible"  # product advantages never decide the store's status
    assert [p.product_id for p in v.products] == ["cheaper", "dearer", "few-sales", "blank"]


def test_product_signals_never_make_a_store_ineligible() -> None:
    weak = good_product(sales_30d=0, activity_discount=D("1"))
    v = verdict(GROUP, passing_store(), [weak])
    assert v.status == "eligible"
    assert all(j.status == "signal" and j.present is False for j in v.products[0].criteria)


# 上新: 上架时间在30天内 is counted on the day of sign-up -----------------------------------------

NEW_ARRIVALS = "quarterly-new-arrivals"
DECEMBER = dt.datetime(2026, 12, 3, 10, 0, tzinfo=CST)


@pytest.mark.parametrize(
    ("listed", "status", "until"),
    [
        (dt.date(2026, 11, 3), "ineligible", dt.date(2026, 12, 3)),  # new today, 59 days on Jan 1
        (dt.date(2026, 12, 1), "ineligible", dt.date(2026, 12, 31)),  # 31 days on Jan 1
        (dt.date(2026, 12, 2), "eligible", dt.date(2027, 1, 1)),  # 30 days on Jan 1: just
        (dt.date(2026, 12, 3), "eligible", dt.date(2027, 1, 2)),
    ],
)
def test_new_arrivals_count_listing_age_on_the_sign_up_day(
    listed: dt.date, status: str, until: dt.date
) -> None:
    """Judged in December for January's window: a product must still be new when sign-up opens."""
    product = good_product(listed_at=listed, captured_at=DECEMBER)
    store = passing_store(captured_at=DECEMBER)
    v = verdict(NEW_ARRIVALS, store, [product], at=DECEMBER)
    assert v.occurrence_key == "quarterly-new-arrivals:2027-Q1"
    j = next(j for j in v.products[0].criteria if j.key == "listed-within-30-days")
    assert (v.status, j.counted_on, j.until) == (status, dt.date(2027, 1, 1), until)
    assert "按报名日 2027年1月1日 计" in j.message("zh-CN")
    assert "on the sign-up day 1 Jan 2027" in j.message("en")
    assert day_text(until, locale="zh-CN") in j.message("zh-CN")


def test_inside_the_window_listing_age_counts_from_today() -> None:
    at = dt.datetime(2027, 1, 5, 10, 0, tzinfo=CST)
    product = good_product(listed_at=dt.date(2026, 12, 6), captured_at=at)
    v = verdict(NEW_ARRIVALS, passing_store(captured_at=at), [product], at=at)
    j = next(j for j in v.products[0].criteria if j.key == "listed-within-30-days")
    assert (j.status, j.value, j.counted_on, j.until) == (
        "pass",
        30,
        dt.date(2027, 1, 5),
        dt.date(2027, 1, 5),
    )
    assert "2027年1月5日(含当天)" in j.message("zh-CN")


def test_a_daily_activity_counts_listing_age_on_the_judging_day() -> None:
    v = verdict(SAMPLES, passing_store(), [good_product(listed_at=OLD, sales_30d=1)])
    j = next(j for j in v.products[0].criteria if j.key == "sales-if-older")
    assert j.counted_on is None and j.until is None
