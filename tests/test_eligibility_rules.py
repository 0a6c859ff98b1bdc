"""The shipped catalog's rules, activity by activity: each requirement failed alone, the seed's
exceptions, and the catalog's assumptions said where a store fails."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from calendar_service.domain.catalog import Op
from calendar_service.domain.derived import (
    membership_months,
    membership_passes_on,
)
from calendar_service.domain.snapshots import StoreSnapshot
from tests.eligibility_support import (
    AT,
    CATALOG,
    GROUP,
    QUICK,
    SAMPLES,
    TODAY,
    D,
    failed_keys,
    judged,
    verdict,
)
from tests.factories import good_product, passing_store
from tests.times import CST

# Every activity ----------------------------------------------------------------------------------


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


# 伙拼 and 快订: each requirement failed alone ----------------------------------------------------

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
     "需不低于 3 个月,2027年3月3日 起满足", "must be at least 3 months: passes on 3 Mar 2027"),
    ({"dispute_rate_90d": D("0.0002")}, "dispute-rate", D("0.0001"), "0.02%",
     "must be at most 0.01% (lower it by 0.01 percentage points)"),
]  # fmt: skip

QUICK_FAILURES = [
    ({"member_since": dt.date(2026, 11, 1)}, "membership", D(0), "需高于 3 个月",
     "must be more than 3 months: passes on 2 Feb 2027"),
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


# The seed's exceptions ---------------------------------------------------------------------------


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
    assert "2027年3月16日 起满足" in j.message("zh-CN")


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


# The deck's exceptions and the catalog's assumptions, said where a store fails -------------------


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
