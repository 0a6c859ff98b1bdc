"""Derived figures: what criteria read that no column holds, computed at evaluation time.

Every function is pure: the evaluation instant and the calendar's time zone are arguments. An
input that is unknown (None) makes the derived figure unknown, never zero.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Literal

from calendar_service.domain.catalog import Op, Scope
from calendar_service.domain.snapshots import (
    ProductSnapshot,
    StoreSnapshot,
)

FigureValue = Decimal | int | bool | str | dt.date | None
Facts = dict[str, FigureValue]
WindowPhase = Literal["not_started", "open", "closed"]

SALES_WINDOW = dt.timedelta(days=30)
MONTHS = "membership_months"
SALES_BEFORE_DEADLINE = "gmv_30d_before_deadline"
NOT_IN_A_BELT = frozenset({"", "无", "否", "none"})
_HUNDREDTH = Decimal("0.01")
_TEN_THOUSANDTH = Decimal("0.0001")

# The columns each derived figure is computed from: what a "missing figure" message names.
SOURCES: dict[tuple[Scope, str], tuple[tuple[Scope, str], ...]] = {
    (Scope.STORE, MONTHS): ((Scope.STORE, "member_since"),),
    (Scope.STORE, SALES_BEFORE_DEADLINE): ((Scope.STORE, "gmv_30d"),),
    (Scope.STORE, "in_industrial_belt"): ((Scope.STORE, "industrial_belt"),),
    (Scope.STORE, "free_sample_share"): (
        (Scope.PRODUCT, "free_sample"),
        (Scope.STORE, "products_online"),
    ),
    (Scope.STORE, "promotion_offered"): (
        (Scope.PRODUCT, "free_shipping"),
        (Scope.PRODUCT, "activity_discount"),
        (Scope.STORE, "full_reduction"),
    ),
    (Scope.PRODUCT, "has_sales"): ((Scope.PRODUCT, "sales_30d"), (Scope.PRODUCT, "buyers_30d")),
    (Scope.PRODUCT, "listing_age_days"): ((Scope.PRODUCT, "listed_at"),),
    (Scope.PRODUCT, "gmv_30d"): ((Scope.PRODUCT, "sales_30d"), (Scope.PRODUCT, "wholesale_price")),
    (Scope.PRODUCT, "sample_price_ratio"): (
        (Scope.PRODUCT, "sample_price"),
        (Scope.PRODUCT, "wholesale_price"),
    ),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the month's end (Jan 31 + 1 month: Feb 28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@lru_cache(maxsize=65536)
def membership_months(member_since: dt.date, on: dt.date) -> Decimal:
    """Months of membership on the day `on`: whole calendar months plus the fraction of the next.

    Exactly three calendar months gives 3.00; one day more gives 3 + 1/(days in that month).
    Rounded down to hundredths, so a store is never credited with time it has not had.
    """
    if on <= member_since:
        return Decimal(0)
    # The most whole months that fit: the month difference, or one less if the day is not reached.
    full = (on.year - member_since.year) * 12 + on.month - member_since.month
    anchor = add_months(member_since, full)
    if anchor > on:
        full -= 1
        anchor = add_months(member_since, full)
    following = add_months(member_since, full + 1)
    fraction = Decimal((on - anchor).days) / Decimal((following - anchor).days)
    return (full + fraction).quantize(_HUNDREDTH, rounding=ROUND_DOWN)


@lru_cache(maxsize=4096)
def membership_passes_on(member_since: dt.date, op: Op, threshold: Decimal) -> dt.date | None:
    """The first day on which `membership_months op threshold` holds; None for ops it never will."""
    if op not in (Op.AT_LEAST, Op.MORE_THAN):
        return None
    full = math.floor(threshold)
    anchor = add_months(member_since, full)
    span = (add_months(member_since, full + 1) - anchor).days
    day = anchor + dt.timedelta(days=math.ceil((threshold - full) * span))
    while not _holds(membership_months(member_since, day), op, threshold):
        day += dt.timedelta(days=1)
    return day


def _holds(value: Decimal, op: Op, threshold: Decimal) -> bool:
    return value > threshold if op is Op.MORE_THAN else value >= threshold


def in_industrial_belt(industrial_belt: str | None) -> bool | None:
    """Whether the store names an industrial belt (blank, 无, 否 and none mean it does not)."""
    if industrial_belt is None:
        return None
    return industrial_belt.strip().lower() not in NOT_IN_A_BELT


def free_sample_share(
    products: Sequence[ProductSnapshot], products_online: int | None
) -> Decimal | None:
    """Share of the store's products online (已上网产品数) that offer free samples.

    样品: 店铺中商品加入免费拿样的比重超过50% is over the store's products, not over the
    products imported. None when the store's count or every product's flag is unknown.
    """
    known = [p.free_sample for p in products if p.free_sample is not None]
    if not known or not products_online:
        return None
    share = Decimal(sum(known)) / Decimal(products_online)
    return min(share, Decimal(1)).quantize(_TEN_THOUSANDTH, rounding=ROUND_DOWN)


def promotion_offered(
    products: Sequence[ProductSnapshot],
    full_reduction: bool | None = None,
    discount: Decimal = Decimal("0.9"),
) -> bool | None:
    """Whether the store offers a promotion: 包邮, a discount of `discount` or lower, or 满减.

    `discount` is the catalog's figure (9折 from the deck's example). None when nothing offers
    one but some figure is blank (or there are no products and no 满减).
    """
    if full_reduction is True:
        return True
    if not products:
        return None
    unknown = full_reduction is None
    for p in products:
        if p.free_shipping is True or (
            p.activity_discount is not None and p.activity_discount <= discount
        ):
            return True
        unknown = unknown or p.free_shipping is None or p.activity_discount is None
    return None if unknown else False


def listing_age_days(listed_at: dt.date | None, on: dt.date) -> int | None:
    """Whole days since the product was listed."""
    return None if listed_at is None else (on - listed_at).days


def has_sales(sales_30d: int | None, buyers_30d: int | None) -> bool | None:
    """Whether the data shows any sales (样品: 必须要有销量): units sold or buyers."""
    if (sales_30d or 0) > 0 or (buyers_30d or 0) > 0:
        return True
    return None if sales_30d is None and buyers_30d is None else False


def product_gmv_30d(sales_30d: int | None, wholesale_price: Decimal | None) -> Decimal | None:
    """A product's 30-day transaction value: unit sales times the wholesale price."""
    if sales_30d is None or wholesale_price is None:
        return None
    return sales_30d * wholesale_price


def sample_price_ratio(
    sample_price: Decimal | None, wholesale_price: Decimal | None
) -> Decimal | None:
    """The sample price as a share of the wholesale price (样品: it must be the normal price)."""
    if sample_price is None or wholesale_price is None or wholesale_price == 0:
        return None
    return (sample_price / wholesale_price).quantize(_TEN_THOUSANDTH, rounding=ROUND_DOWN)


@dataclass(frozen=True, slots=True)
class SalesWindow:
    """The 30 days before a sign-up deadline, and the snapshot that measured them."""

    starts_at: dt.datetime
    deadline_at: dt.datetime
    as_of: dt.datetime | None  # captured_at of the snapshot used; None when there is none
    phase: WindowPhase  # at the evaluation instant


def window_phase(deadline_at: dt.datetime, at: dt.datetime) -> tuple[dt.datetime, WindowPhase]:
    """When the window before `deadline_at` starts, and whether at `at` it has started or closed."""
    starts_at = deadline_at - SALES_WINDOW
    phase: WindowPhase = (
        "not_started" if at < starts_at else "open" if at < deadline_at else "closed"
    )
    return starts_at, phase


def chosen_snapshot(
    deadline_at: dt.datetime, snapshots: Sequence[StoreSnapshot]
) -> StoreSnapshot | None:
    """The latest snapshot at or before the deadline (`snapshots` is sorted oldest first)."""
    for s in reversed(snapshots):
        if s.captured_at <= deadline_at:
            return s
    return None


def sales_window(
    deadline_at: dt.datetime, snapshots: Sequence[StoreSnapshot], at: dt.datetime
) -> tuple[SalesWindow, Decimal | None]:
    """The window before `deadline_at` and its sales: the latest snapshot at or before the deadline.

    Before the deadline that is the newest data, so the figure is the current pace; after it, a
    later snapshot is never used. `snapshots` is sorted oldest first.
    """
    starts_at, phase = window_phase(deadline_at, at)
    chosen = chosen_snapshot(deadline_at, snapshots)
    window = SalesWindow(starts_at, deadline_at, chosen.captured_at if chosen else None, phase)
    return window, None if chosen is None else chosen.gmv_30d


def store_facts(
    store: StoreSnapshot | None,
    products: Sequence[ProductSnapshot],
    on: dt.date,
    discount: Decimal = Decimal("0.9"),
) -> Facts:
    """The store's columns and its derived figures (all but the deadline-dependent one)."""
    if store is None:
        facts: Facts = {}
        member_since, belt, online, reduction = None, None, None, None
    else:
        # A snapshot's fields are its attributes: copying them is far cheaper than reading each.
        facts = vars(store).copy()
        member_since, belt = store.member_since, store.industrial_belt
        online, reduction = store.products_online, store.full_reduction
    facts[MONTHS] = None if member_since is None else membership_months(member_since, on)
    facts["in_industrial_belt"] = in_industrial_belt(belt)
    facts["free_sample_share"] = free_sample_share(products, online) if products else None
    facts["promotion_offered"] = promotion_offered(products, reduction, discount)
    return facts


def product_facts(product: ProductSnapshot, on: dt.date) -> Facts:
    """A product's columns and its derived figures."""
    facts: Facts = vars(product).copy()
    facts["listing_age_days"] = listing_age_days(product.listed_at, on)
    facts["gmv_30d"] = product_gmv_30d(product.sales_30d, product.wholesale_price)
    facts["has_sales"] = has_sales(product.sales_30d, product.buyers_30d)
    facts["sample_price_ratio"] = sample_price_ratio(product.sample_price, product.wholesale_price)
    return facts
