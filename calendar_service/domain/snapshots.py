"""Store and product snapshots: the figures a file row or API call carried, as of `captured_at`.

`None` is always "unknown" (a blank cell), never zero. History is kept: a store has many
snapshots, and the latest is the one with the newest `captured_at`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal


@dataclass(frozen=True)
class StoreSnapshot:
    store_id: str
    captured_at: dt.datetime  # timezone-aware
    name: str | None = None
    member_since: dt.date | None = None
    medal_level: int | None = None  # 0-5 A
    satisfaction: Decimal | None = None  # 0-5
    products_online: int | None = None
    products_listed: int | None = None
    gmv_30d: Decimal | None = None  # 元
    buyers_30d: int | None = None
    shipping_promise: str | None = None  # 24h / 48h / 72h / none
    buyer_protection: bool | None = None
    delivery_guarantee: bool | None = None
    alipay_verified: bool | None = None
    online_trading: bool | None = None
    disputes_90d: int | None = None
    dispute_rate_90d: Decimal | None = None  # a fraction: 0.0001 is 0.01 %
    risk_score: Decimal | None = None
    industrial_belt: str | None = None
    last_group_wholesale_gmv: Decimal | None = None
    last_promotion_gmv: Decimal | None = None
    email: str | None = None
    full_reduction: bool | None = None  # 满减: the store offers spend-and-save

    def figures(self) -> dict[str, object]:
        """The snapshot's columns by name (the identity fields included)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class ProductSnapshot:
    product_id: str
    store_id: str
    captured_at: dt.datetime
    title: str | None = None
    listed_at: dt.date | None = None
    wholesale_price: Decimal | None = None
    sales_30d: int | None = None
    buyers_30d: int | None = None
    clicks_30d: int | None = None
    competitiveness_score: Decimal | None = None
    free_sample: bool | None = None
    sample_price: Decimal | None = None
    stock: int | None = None
    online_order: bool | None = None
    image_square: bool | None = None
    image_watermark: bool | None = None
    description_complete: bool | None = None
    activity_discount: Decimal | None = None  # activity price / usual price: 0.85 is 8.5折
    free_shipping: bool | None = None
    sample_stock: int | None = None  # 剩余数量: free samples remaining (not the stock)

    def figures(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


STORE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(StoreSnapshot))
PRODUCT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ProductSnapshot))
