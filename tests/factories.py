"""Snapshots for tests: a store and a product that meet every requirement and show every signal
of the shipped catalog, changed as a test needs (`passing_store(medal_level=1)`); a store and a
product with every figure known, for storing and reading back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from tests.times import CST

CAPTURED = dt.datetime(2027, 2, 1, 8, 0, tzinfo=CST)  # two hours before the eligibility tests judge
D = Decimal
# When the stores and products with every figure were captured (the persistence tests' 1 March).
EVERY_FIGURE_CAPTURED = dt.datetime(2027, 3, 1, 8, 0, tzinfo=CST)


def passing_store(**changes: Any) -> StoreSnapshot:
    """A store that meets every requirement and shows every signal of the shipped catalog."""
    base = StoreSnapshot(
        store_id="s1",
        captured_at=CAPTURED,
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
        captured_at=CAPTURED,
        title="不锈钢保温杯",
        listed_at=CAPTURED.date() - dt.timedelta(days=10),
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


def store_with_every_figure(
    store_id: str = "s1", captured_at: dt.datetime = EVERY_FIGURE_CAPTURED
) -> StoreSnapshot:
    """A store snapshot with every figure known, some at the edges of what is stored exactly."""
    return StoreSnapshot(
        store_id=store_id,
        captured_at=captured_at,
        name="义乌小商品旗舰店",
        member_since=dt.date(2019, 5, 20),
        medal_level=3,
        satisfaction=D("4.8"),
        products_online=120,
        products_listed=118,
        gmv_30d=D("12345.67"),
        buyers_30d=15,
        shipping_promise="48h",
        buyer_protection=True,
        delivery_guarantee=False,
        alipay_verified=True,
        online_trading=True,
        disputes_90d=1,
        dispute_rate_90d=D("0.0001"),
        risk_score=D("32"),
        industrial_belt="义乌",
        last_group_wholesale_gmv=D("0.01"),
        last_promotion_gmv=D("999999.999999"),
        email="owner@example.com",
    )


def product_with_every_figure(
    product_id: str = "p1", store_id: str = "s1", captured_at: dt.datetime = EVERY_FIGURE_CAPTURED
) -> ProductSnapshot:
    """A product snapshot with every figure known, for the persistence tests."""
    return ProductSnapshot(
        product_id=product_id,
        store_id=store_id,
        captured_at=captured_at,
        title="加厚保温杯 500ml",
        listed_at=dt.date(2027, 2, 1),
        wholesale_price=D("23.50"),
        sales_30d=340,
        buyers_30d=41,
        clicks_30d=0,
        competitiveness_score=D("20"),
        free_sample=True,
        sample_price=D("23.5"),
        stock=1,
        online_order=True,
        image_square=True,
        image_watermark=False,
        description_complete=True,
        activity_discount=D("0.85"),
        free_shipping=False,
    )
