"""The eligibility engine against the shipped catalog: the seed's rules and their exceptions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.adapters.catalog_file import load_catalog, parse_catalog
from calendar_service.domain.catalog import Op
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.derived import (
    free_sample_share,
    in_industrial_belt,
    membership_months,
    membership_passes_on,
    product_facts,
    promotion_offered,
    store_facts,
)
from calendar_service.domain.eligibility import evaluate, evaluate_store
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdict_json import (
    CRITERION_KEYS,
    PRODUCT_KEYS,
    VERDICT_KEYS,
    json_value,
    to_json,
)
from calendar_service.domain.verdicts import Judgement, Verdict

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "activities.toml"
CATALOG = load_catalog(SHIPPED)
CST = ZoneInfo("Asia/Shanghai")
AT = dt.datetime(2027, 2, 1, 10, 0, tzinfo=CST)
TODAY = AT.date()
D = Decimal
QUICK, GROUP = "daily-quick-order", "daily-group-wholesale"
SAMPLES, CLEARANCE = "daily-samples", "quarterly-clearance"


def passing_store(**changes: Any) -> StoreSnapshot:
    """A store that meets every requirement and shows every signal of the shipped catalog."""
    base = StoreSnapshot(
        store_id="s1",
        captured_at=AT - dt.timedelta(hours=2),
        name="义乌小商品店",
        member_since=dt.date(2024, 5, 1),
        medal_level=5,
        satisfaction=D("4.8"),
        products_online=60,
        products_listed=60,
        gmv_30d=D("150000"),
        buyers_30d=80,
        shipping_promise="24h",
        buyer_protection=True,
        delivery_guarantee=True,
        alipay_verified=True,
        online_trading=True,
        disputes_90d=0,
        dispute_rate_90d=D("0"),
        risk_score=D("45"),
        industrial_belt="义乌小商品",
        last_group_wholesale_gmv=D("30000"),
        last_promotion_gmv=D("80000"),
    )
    return dataclasses.replace(base, **changes)


def good_product(**changes: Any) -> ProductSnapshot:
    """A product that meets every product requirement and shows every product signal."""
    base = ProductSnapshot(
        product_id="p1",
        store_id="s1",
        captured_at=AT - dt.timedelta(hours=2),
        title="不锈钢保温杯",
        listed_at=TODAY - dt.timedelta(days=10),
        wholesale_price=D("50"),
        sales_30d=600,
        buyers_30d=40,
        clicks_30d=500,
        competitiveness_score=D("80"),
        free_sample=True,
        sample_price=D("50"),
        stock=100,
        online_order=True,
        image_square=True,
        image_watermark=False,
        description_complete=True,
        activity_discount=D("0.8"),
        free_shipping=True,
        sample_stock=5,
    )
    return dataclasses.replace(base, **changes)


def occurrence_of(activity: str, at: dt.datetime = AT) -> Occurrence:
    """The activity's first occurrence whose sign-up deadline is not yet past at `at`."""
    start = at.date()
    found = occurrences(CATALOG, start, start + dt.timedelta(days=400), CST)
    return next(o for o in found if o.activity == activity and o.deadline_at > at)


def verdict(
    activity: str,
    store: StoreSnapshot | None = None,
    products: Sequence[ProductSnapshot] = (),
    history: Sequence[StoreSnapshot] = (),
    at: dt.datetime = AT,
    occurrence: Occurrence | None = None,
) -> Verdict:
    occ = occurrence or occurrence_of(activity, at)
    return evaluate(CATALOG, activity, occ, store, products, history, at)


def judged(v: Verdict, key: str) -> Judgement:
    return next(j for j in v.criteria if j.key == key)


def failed_keys(v: Verdict) -> list[str]:
    return [j.key for j in v.failed()]


# ─── Every activity ─────────────────────────────────────────────────────────────────────────


def _expected_for_passing_store(activity: str) -> str:
    if activity == "daily-mobile":
        return "unknown"  # the source gives no rules
    # The deck's two invitations: 小二会主动引导选款报名并直接通过. Every other monthly activity
    # is a sign-up (爆款's rules, 牛商's and 产地's advantages, 标杆's examined figures).
    return "invitation" if activity in ("monthly-sales", "monthly-core-promotion") else "eligible"


@pytest.mark.parametrize("activity", [a.key for a in CATALOG.activities])
def test_a_fully_passing_store_is_eligible_for_every_activity(activity: str) -> None:
    # 样品's free-sample share is over the store's products online: one product, one online.
    store = passing_store(products_online=1) if activity == SAMPLES else passing_store()
    product, at = good_product(), AT
    if activity == "quarterly-new-arrivals":
        # Counted on the sign-up day: only a product listed near the window can be new then.
        at = dt.datetime(2027, 4, 5, 10, 0, tzinfo=CST)
        store = passing_store(captured_at=at - dt.timedelta(hours=2))
        product = good_product(captured_at=at, listed_at=at.date() - dt.timedelta(days=10))
    v = verdict(activity, store, [product], at=at)
    assert v.status == _expected_for_passing_store(activity)
    assert not v.failed() and not v.unknown() and not v.stale
    assert all(j.present for j in v.criteria if j.status == "signal")
    assert v.catalog_version == CATALOG.version
    assert v.snapshot_captured_at == store.captured_at


SIGN_UPS = ["monthly-hot-items", "monthly-top-sellers", "monthly-origin", "monthly-benchmark"]


@pytest.mark.parametrize("activity", SIGN_UPS)
@pytest.mark.parametrize("store", [passing_store(), passing_store(gmv_30d=D(10), buyers_30d=1,
                                   industrial_belt="无", last_promotion_gmv=D(0))])  # fmt: skip
def test_monthly_sign_ups_never_read_as_invitations(activity: str, store: StoreSnapshot) -> None:
    """爆款, 牛商, 产地 and 标杆 are sign-ups: the deck names their rules or advantages."""
    for products in ([], [good_product()], [good_product(sales_30d=1, buyers_30d=1)]):
        v = verdict(activity, store, products)
        assert v.status != "invitation"
        texts = [n.text(loc) for n in v.notes for loc in ("zh-CN", "en")]
        assert not any("不能自行报名" in t or "not in the seller's hands" in t for t in texts)
        assert all(j.kind.value != "invitation" for j in v.criteria)


@pytest.mark.parametrize("activity", ["monthly-top-sellers", "monthly-origin", "monthly-benchmark"])
def test_monthly_advantages_never_make_a_store_ineligible(activity: str) -> None:
    weak = passing_store(gmv_30d=D(10), buyers_30d=1, industrial_belt="无", last_promotion_gmv=D(0))
    v = verdict(activity, weak, [good_product(sales_30d=1, buyers_30d=1)])
    assert v.status == "eligible"
    assert any(j.status == "signal" and j.present is False for j in v.criteria)


def test_monthly_hot_items_demand_30_day_product_sales() -> None:
    """爆款: 报名规则对产品近30天的销量情况要求较高 (a sign-up with a demanding, assumed rule)."""
    v = verdict("monthly-hot-items", passing_store(), [good_product(sales_30d=10)])
    assert v.status == "ineligible"
    assert "assumed" in v.products[0].criteria[0].message("en")


@pytest.mark.parametrize("buyers", [0, 9, None])
def test_quarterly_hot_sellers_have_no_gate(buyers: int | None) -> None:
    """季度爆款: buyers, transaction value and a 3A medal are advantages, not requirements."""
    v = verdict("quarterly-hot-sellers", passing_store(medal_level=1), [good_product(
        buyers_30d=buyers, sales_30d=0)])  # fmt: skip
    assert v.status == "eligible"
    assert not v.failed() and not v.unknown()
    assert not [j for p in v.products for j in p.criteria if j.status in ("fail", "unknown")]


def test_the_mobile_activity_without_rules_is_unknown_with_notes_saying_so() -> None:
    v = verdict("daily-mobile", passing_store())
    assert v.status == "unknown" and v.criteria == ()
    assert [n.code for n in v.notes] == ["no-rules", "rules-assumed"]
    assert "资料未给" in v.notes[0].text("zh-CN") and "no sign-up rules" in v.notes[0].text("en")


def test_an_activity_with_assumed_rules_says_so_in_its_notes() -> None:
    v = verdict("daily-group-buy", passing_store())
    assert v.status == "eligible"
    note = next(n for n in v.notes if n.code == "rules-assumed")
    assert "伙拼" in note.text("zh-CN") and "group wholesale" in note.text("en")
    assert "伙拼" not in note.text("en")  # an English reader gets English names


@pytest.mark.parametrize("activity", ["monthly-sales", "monthly-core-promotion"])
def test_invitation_activities_say_sign_up_is_by_invitation_and_which_signals(
    activity: str,
) -> None:
    v = verdict(activity, passing_store(), [good_product()])
    note = next(n for n in v.notes if n.code == "invitation")
    assert "邀约" in note.text("zh-CN") and "invitation" in note.text("en")
    assert "signals present" in note.text("en")
    absent = verdict("monthly-sales", passing_store(gmv_30d=D(1000)))
    assert absent.status == "invitation"
    assert "no signal present" in next(n for n in absent.notes if n.code == "invitation").text("en")


# ─── 伙拼 and 快订: each requirement failed alone ─────────────────────────────────────────────

GROUP_FAILURES = [
    # (change, criterion, gap, zh fragment, en fragment)
    ({"medal_level": 2}, "medal", D(1), "还差 1 级勋章", "1 more medal level needed"),
    ({"satisfaction": D("3.5")}, "satisfaction", D("0.5"), "还差 0.5", "0.5 more"),
    ({"products_online": 15}, "products-online", D(5), "还差 5 件产品", "5 more products needed"),
    ({"gmv_30d": D(12000)}, "gmv-30d", D(8000), "还差 8,000 元", "CNY 8,000 more needed"),
    ({"buyers_30d": 12}, "buyers-30d", D(3), "近30天买家数 12 < 15:还差 3 位买家",
     "30-day buyers 12 < 15: 3 more buyers needed"),
    ({"shipping_promise": "72h"}, "shipping", None, "需为 24h 或 48h", "must be 24h or 48h"),
    ({"shipping_promise": "none"}, "shipping", None, "需为 24h 或 48h", "must be 24h or 48h"),
    ({"buyer_protection": False}, "buyer-protection", None, "需开通买家保障",
     "join buyer protection"),
    ({"alipay_verified": False}, "alipay", None, "支付宝", "Alipay"),
    ({"member_since": TODAY - dt.timedelta(days=60)}, "membership", D("1.07"),
     "需不低于 3 个月,2027-03-03 起满足", "must be at least 3 months: passes on 2027-03-03"),
    ({"dispute_rate_90d": D("0.0002")}, "dispute-rate", D("0.0001"), "0.02%",
     "must be at most 0.01% (lower it by 0.01 percentage points)"),
]  # fmt: skip

QUICK_FAILURES = [
    ({"member_since": dt.date(2026, 11, 1)}, "membership", D(0), "需高于 3 个月",
     "must be more than 3 months: passes on 2027-02-02"),
    ({"medal_level": 1}, "medal", D(1), "交易勋章 1A < 2A:还差 1 级勋章",
     "transaction medal 1A < 2A: 1 more medal level needed"),
    ({"products_online": 19}, "products-online", D(1), "还差 1 件产品", "1 more product needed"),
    ({"satisfaction": D("3.9")}, "satisfaction", D("0.1"), "3.9 < 4", "3.9 < 4"),
    ({"alipay_verified": False}, "alipay", None, "需绑定支付宝", "bind and verify"),
    ({"online_trading": False}, "online-trading", None, "在线交易", "online trading"),
    ({"buyer_protection": False}, "buyer-protection", None, "需开通买家保障",
     "join buyer protection"),
    ({"delivery_guarantee": False}, "delivery-guarantee", None, "交期保障", "delivery-time"),
    ({"dispute_rate_90d": D("0.0003")}, "dispute-rate", D("0.0002"), "需低于 0.01%",
     "must be below 0.01% (lower it by more than 0.02 percentage points)"),
    ({"disputes_90d": 2}, "disputes", D(1), "需减少 1 笔纠纷", "1 fewer dispute needed"),
    ({"disputes_90d": 5}, "disputes", D(4), "需减少 4 笔纠纷", "4 fewer disputes needed"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("activity", "change", "key", "gap", "zh", "en"),
    [(GROUP, *case) for case in GROUP_FAILURES] + [(QUICK, *case) for case in QUICK_FAILURES],
)
def test_one_failed_requirement_alone_makes_the_store_ineligible_naming_it_with_its_gap(
    activity: str,
    change: dict[str, Any],
    key: str,
    gap: Decimal | None,
    zh: str,
    en: str,
) -> None:
    v = verdict(activity, passing_store(**change))
    assert v.status == "ineligible"
    assert failed_keys(v) == [key]
    j = judged(v, key)
    assert j.gap == gap
    assert zh in j.message("zh-CN") and zh in j.message_zh
    assert en in j.message("en") and en in j.message_en


def test_several_failures_are_all_listed_in_catalog_order() -> None:
    store = passing_store(medal_level=2, buyers_30d=3, shipping_promise="72h", satisfaction=D(3))
    v = verdict(GROUP, store)
    assert failed_keys(v) == ["medal", "satisfaction", "buyers-30d", "shipping"]
    assert judged(v, "buyers-30d").gap == 12


GROUP_COLUMNS = [
    ("medal_level", "medal", "交易勋章"),
    ("satisfaction", "satisfaction", "店铺满意度"),
    ("products_online", "products-online", "已上网产品数"),
    ("gmv_30d", "gmv-30d", "近30天交易额"),
    ("buyers_30d", "buyers-30d", "近30天买家数"),
    ("shipping_promise", "shipping", "发货速度"),
    ("buyer_protection", "buyer-protection", "买家保障"),
    ("alipay_verified", "alipay", "支付宝实名认证"),
    ("member_since", "membership", "诚信通开通日期"),
    ("dispute_rate_90d", "dispute-rate", "近90天纠纷率"),
]


@pytest.mark.parametrize(("column", "key", "named"), GROUP_COLUMNS)
def test_a_blank_figure_is_unknown_never_fail_and_the_message_names_it(
    column: str, key: str, named: str
) -> None:
    v = verdict(GROUP, passing_store(**{column: None}))
    assert v.status == "unknown"
    assert [j.key for j in v.unknown()] == [key]
    j = judged(v, key)
    assert j.status == "unknown" and j.gap is None
    assert named in j.message("zh-CN") and "missing figure" in j.message("en")


def test_a_blank_figure_does_not_hide_a_failure_elsewhere() -> None:
    v = verdict(GROUP, passing_store(gmv_30d=None, medal_level=1))
    assert v.status == "ineligible" and failed_keys(v) == ["medal"]
    assert judged(v, "gmv-30d").status == "unknown"


# ─── The seed's exceptions ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("disputes", "rate", "status", "rate_status", "reason"),
    [
        (1, D("0.005"), "eligible", "pass", "waived"),  # 纠纷笔数只有1笔的除外
        (1, None, "eligible", "pass", "waived"),  # the rate does not matter then
        (2, D("0.005"), "ineligible", "fail", None),
        (2, D("0"), "ineligible", "pass", None),  # fewer than 2 disputes still fails
        (0, D("0"), "eligible", "pass", None),
        (None, D("0.005"), "unknown", "unknown", "waiver_unknown"),  # waived or not: unknown
        (None, D("0"), "unknown", "pass", None),  # the rate passes; the count is unknown
    ],
)
def test_quick_order_dispute_exceptions(
    disputes: int | None, rate: Decimal | None, status: str, rate_status: str, reason: str | None
) -> None:
    v = verdict(QUICK, passing_store(disputes_90d=disputes, dispute_rate_90d=rate))
    assert v.status == status
    j = judged(v, "dispute-rate")
    assert (j.status, j.reason) == (rate_status, reason)


def test_a_waived_dispute_rate_shows_both_figures() -> None:
    v = verdict(QUICK, passing_store(disputes_90d=1, dispute_rate_90d=D("0.005")))
    j = judged(v, "dispute-rate")
    assert j.message("zh-CN") == (
        "近90天纠纷率 0.5%(近90天纠纷笔数 1):因近90天纠纷笔数为 1,本条免考核"
    )
    assert j.message("en") == (
        "90-day dispute rate 0.5% (90-day disputes 1): waived because 90-day disputes is 1"
    )


def test_dispute_rate_at_the_threshold_fails_quick_order_but_passes_group_wholesale() -> None:
    store = passing_store(dispute_rate_90d=D("0.0001"), disputes_90d=0)
    quick = judged(verdict(QUICK, store), "dispute-rate")
    group = judged(verdict(GROUP, store), "dispute-rate")
    assert quick.status == "fail" and "must be below 0.01%" in quick.message("en")
    assert quick.message("zh-CN") == "近90天纠纷率 0.01% ≥ 0.01%:需低于 0.01%"
    assert group.status == "pass" and "at most 0.01%" in group.message("en")


@pytest.mark.parametrize(
    ("member_since", "quick", "group"),
    [
        (dt.date(2026, 11, 1), "fail", "pass"),  # exactly 3 months: not more than 3
        (dt.date(2026, 10, 31), "pass", "pass"),  # 3 months and 1 day
        (dt.date(2026, 11, 2), "fail", "fail"),  # a day short
    ],
)
def test_membership_more_than_versus_at_least_three_months(
    member_since: dt.date, quick: str, group: str
) -> None:
    store = passing_store(member_since=member_since)
    assert judged(verdict(QUICK, store), "membership").status == quick
    assert judged(verdict(GROUP, store), "membership").status == group


@pytest.mark.parametrize(
    ("member_since", "on", "months"),
    [
        (dt.date(2026, 11, 1), dt.date(2027, 2, 1), D("3")),
        (dt.date(2026, 10, 31), dt.date(2027, 2, 1), D("3.03")),  # + 1/31
        (dt.date(2026, 11, 1), dt.date(2026, 11, 16), D("0.5")),
        (dt.date(2027, 1, 31), dt.date(2027, 2, 28), D("1")),  # month ends clamp
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28), D("12")),
        (dt.date(2027, 3, 1), dt.date(2027, 2, 1), D("0")),  # not yet a member
    ],
)
def test_membership_months_are_calendar_months_plus_the_day_fraction(
    member_since: dt.date, on: dt.date, months: Decimal
) -> None:
    assert membership_months(member_since, on) == months


@pytest.mark.parametrize(
    ("op", "threshold", "passes_on"),
    [
        (Op.MORE_THAN, D(3), dt.date(2027, 2, 2)),
        (Op.AT_LEAST, D(3), dt.date(2027, 2, 1)),
        (Op.AT_LEAST, D("3.5"), dt.date(2027, 2, 15)),
    ],
)
def test_the_membership_gap_gives_the_day_it_passes(
    op: Op, threshold: Decimal, passes_on: dt.date
) -> None:
    assert membership_passes_on(dt.date(2026, 11, 1), op, threshold) == passes_on


def test_a_failed_membership_carries_the_date_it_will_pass() -> None:
    v = verdict(QUICK, passing_store(member_since=dt.date(2026, 12, 15)))
    j = judged(v, "membership")
    assert j.passes_on == dt.date(2027, 3, 16)
    assert "2027-03-16 起满足" in j.message("zh-CN")


@pytest.mark.parametrize(("medal", "quick", "group"), [(2, "pass", "fail"), (3, "pass", "pass")])
def test_medal_2a_passes_quick_order_but_not_group_wholesale(
    medal: int, quick: str, group: str
) -> None:
    store = passing_store(medal_level=medal)
    assert judged(verdict(QUICK, store), "medal").status == quick
    assert judged(verdict(GROUP, store), "medal").status == group


@pytest.mark.parametrize(("promise", "status"), [("24h", "pass"), ("48h", "pass"), ("72h", "fail")])
def test_group_wholesale_needs_24_or_48_hour_shipping(promise: str, status: str) -> None:
    assert (
        judged(verdict(GROUP, passing_store(shipping_promise=promise)), "shipping").status == status
    )


# ─── Derived figures ────────────────────────────────────────────────────────────────────────


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


# ─── Product-level activities ───────────────────────────────────────────────────────────────

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


# ─── Data: none, stale, the yearly sales window ─────────────────────────────────────────────


@pytest.mark.parametrize("activity", [a.key for a in CATALOG.activities])
def test_without_any_snapshot_every_criterion_is_unknown(activity: str) -> None:
    v = evaluate(CATALOG, activity, occurrence_of(activity), None, (), (), AT, store_id="s9")
    assert v.status == "unknown" and v.store_id == "s9"
    assert all(j.status in ("unknown", "signal") for j in v.criteria)
    assert all(j.present is None for j in v.criteria if j.status == "signal")
    assert "no-data" in [n.code for n in v.notes] or not CATALOG.activity(activity).criteria
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
        assert store.captured_at.date().isoformat() in notes[0].text("en")


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
    assert "2027-07-29 至 2027-08-27" in j.message("zh-CN")


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
        (dt.date(2027, 7, 1), "not_started", "has not started: push sales from 2027-07-29"),
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
    v = evaluate(catalog, "promo-327", occ, store, [product], (), AT)
    assert judged(v, "promotion").status == "pass"


# ─── Forecasts attached to verdicts ─────────────────────────────────────────────────────────


def test_a_failing_sales_requirement_with_a_rising_history_gets_a_forecast() -> None:
    history = [
        passing_store(captured_at=AT - dt.timedelta(days=d), gmv_30d=D(g))
        for d, g in [(20, 8000), (10, 11000)]
    ]
    v = verdict(GROUP, passing_store(gmv_30d=D(14000)), (), history)
    f = v.forecast_for("gmv-30d")
    assert f is not None and f.before_deadline is None  # a daily series has no deadline
    assert f.passes_at.date() == dt.date(2027, 2, 21)
    assert "reaches CNY 20,000 on 2027-02-21" in f.message("en")
    assert to_json(v)["criteria"][3]["forecast"]["passes_at"].startswith("2027-02-21")


def test_a_falling_history_gives_no_forecast_and_says_not_on_pace() -> None:
    history = [passing_store(captured_at=AT - dt.timedelta(days=10), buyers_30d=20)]
    v = verdict(GROUP, passing_store(buyers_30d=10), (), history)
    assert v.forecasts == ()
    note = next(n for n in v.notes if n.code == "not-on-pace")
    assert "not on pace to reach 15" in note.text("en")


# ─── JSON ───────────────────────────────────────────────────────────────────────────────────

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


# ─── The API's edges ────────────────────────────────────────────────────────────────────────


def test_evaluate_store_gives_the_same_verdicts_as_evaluate() -> None:
    occs = [occurrence_of(a.key) for a in CATALOG.activities]
    store, products = passing_store(buyers_30d=3), [good_product()]
    many = evaluate_store(CATALOG, occs, store, products, (), AT)
    assert many == [evaluate(CATALOG, o.activity, o, store, products, (), AT) for o in occs]


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
    evaluate_store(CATALOG, occs, store, products, (), AT)  # plans made at AT, kept
    many = evaluate_store(CATALOG, occs, store, products, (), at)
    assert many == [evaluate(CATALOG, o.activity, o, store, products, (), at) for o in occs]


def test_store_facts_hold_every_column_of_the_snapshot() -> None:
    store = passing_store()
    facts = store_facts(store, [], TODAY)
    assert {k: facts[k] for k in store.figures()} == store.figures()
    assert facts["membership_months"] == membership_months(store.member_since, TODAY)


def test_evaluate_refuses_a_naive_instant_and_a_mismatched_occurrence() -> None:
    occ = occurrence_of(GROUP)
    with pytest.raises(ValueError, match="timezone-aware"):
        evaluate(CATALOG, GROUP, occ, passing_store(), (), (), AT.replace(tzinfo=None))
    with pytest.raises(ValueError, match="not of activity"):
        evaluate(CATALOG, QUICK, occ, passing_store(), (), (), AT)
    with pytest.raises(KeyError, match="unknown activity"):
        evaluate(CATALOG, "nope", dataclasses.replace(occ, activity="nope"), None, (), (), AT)


# ─── Properties ─────────────────────────────────────────────────────────────────────────────


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
    for v in evaluate_store(CATALOG, EVERY, store, products, (), AT):
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


# ─── The deck's exceptions and the catalog's assumptions, said where a store fails ──────────


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"medal_level": 1}, "medal"),
        ({"member_since": TODAY - dt.timedelta(days=40)}, "membership"),
    ],
)
def test_quick_order_failures_say_alibaba_s_approval_waives_them(
    change: dict[str, Any], key: str
) -> None:
    """快订: 2A以上 / 大于3个月 (经阿里巴巴审核同意的除外)."""
    j = judged(verdict(QUICK, passing_store(**change)), key)
    assert j.status == "fail"
    assert "经阿里巴巴审核同意的可除外" in j.message("zh-CN")
    assert "1688's approval waives this" in j.message("en")


def test_a_quick_order_failure_without_an_exception_does_not_claim_one() -> None:
    j = judged(verdict(QUICK, passing_store(satisfaction=D("3.9"))), "satisfaction")
    assert j.status == "fail" and "审核同意" not in j.message("zh-CN")


WEAK_STORE = dict(
    medal_level=0, satisfaction=D(0), products_online=0, products_listed=0, gmv_30d=D(0),
    buyers_30d=0, shipping_promise="none", buyer_protection=False, alipay_verified=False,
    member_since=TODAY - dt.timedelta(days=10), dispute_rate_90d=D("0.5"), disputes_90d=5,
    risk_score=D(0), full_reduction=False,
)  # fmt: skip
WEAK_PRODUCT = dict(
    clicks_30d=0, sales_30d=0, buyers_30d=0, activity_discount=D(1), free_shipping=False,
    sample_price=D("0.5"), listed_at=TODAY - dt.timedelta(days=200),
)  # fmt: skip


@pytest.mark.parametrize("activity", [a.key for a in CATALOG.activities])
def test_a_store_never_fails_an_assumed_rule_without_being_told(activity: str) -> None:
    """Every failed assumed requirement says it is assumed, and a note says where it is set."""
    v = verdict(activity, passing_store(**WEAK_STORE), [good_product(**WEAK_PRODUCT)])
    failed = [j for j in v.criteria if j.status == "fail" and j.tally is None]
    if v.products and any(j.tally is not None and j.status == "fail" for j in v.criteria):
        failed += [j for j in v.products[0].criteria if j.status == "fail"]
    assumed = [j for j in failed if j.source.value == "assumed"]
    note = next((n for n in v.notes if n.code == "assumed-failed"), None)
    if not assumed:
        assert note is None
        return
    assert note is not None, activity
    for j in assumed:
        assert "假设" in j.message("zh-CN") and "assumed" in j.message("en")
        assert j.key in note.text("en") and j.label_zh in note.text("zh-CN")
    assert f"activities.{activity}.criteria" in note.text("zh-CN")
    assert "activities.toml" in note.text("en")


def test_group_buy_borrows_group_wholesale_gates_and_says_so_when_it_fails() -> None:
    """今日团: the deck gives only its traffic; 伙拼's ten gates are borrowed, all assumed."""
    v = verdict("daily-group-buy", passing_store(medal_level=2))
    assert v.status == "ineligible"
    j = judged(v, "medal")
    assert j.source.value == "assumed"
    assert "此门槛为假设" in j.message("zh-CN")
    note = next(n for n in v.notes if n.code == "assumed-failed")
    assert "activities.daily-group-buy.criteria(medal)" in note.text("zh-CN")
    assert all(c.source.value == "assumed" for c in CATALOG.activity("daily-group-buy").criteria)


# ─── 上新: 上架时间在30天内 is counted on the day of sign-up ────────────────────────────────

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
    assert "按报名日 2027-01-01 计" in j.message("zh-CN")
    assert "on the sign-up day 2027-01-01" in j.message("en")
    assert until.isoformat() in j.message("zh-CN")


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
    assert "2027-01-05(含当天)" in j.message("zh-CN")


def test_a_daily_activity_counts_listing_age_on_the_judging_day() -> None:
    v = verdict(SAMPLES, passing_store(), [good_product(listed_at=OLD, sales_30d=1)])
    j = next(j for j in v.products[0].criteria if j.key == "sales-if-older")
    assert j.counted_on is None and j.until is None
