"""Column headers: the canonical names of store and product files and their Chinese aliases.

A header matches whatever its case, width (full-width letters) and spacing, with `_`, `-` and
spaces ignored (`Store ID`, ` store_id `, `STORE-ID` are all `store_id`) and a short unit in
brackets set apart (`近30天交易额(元)` is `gmv_30d`, in 元): the unit is kept for the column's
parser (`近90天纠纷率(%)` holds percentages; see `units.py`). A file with a `product_id`
(商品ID) column is a product file; any other file is a store file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Literal

Kind = Literal["stores", "products"]


class ValueKind(StrEnum):
    """Which cell parser reads a column."""

    ID = "id"
    TEXT = "text"
    EMAIL = "email"
    DATETIME = "datetime"
    DATE = "date"
    MEDAL = "medal"
    NUMBER = "number"
    COUNT = "count"
    MONEY = "money"
    RATE = "rate"
    DISCOUNT = "discount"
    BOOL = "bool"
    SHIPPING = "shipping"
    FULL_REDUCTION = "full_reduction"


@dataclass(frozen=True)
class Column:
    name: str  # the snapshot field
    kind: ValueKind
    aliases: tuple[str, ...] = ()
    maximum: Decimal | None = None

    def described(self) -> str:
        """`store_id (店铺ID or 会员ID)`: the name and what a 1688 export calls it."""
        return f"{self.name} ({' or '.join(self.aliases)})" if self.aliases else self.name


V = ValueKind
_STORE_ID = Column("store_id", V.ID, ("店铺ID", "会员ID"))
_CAPTURED_AT = Column("captured_at", V.DATETIME, ("数据日期",))

STORE_SPEC: tuple[Column, ...] = (
    _STORE_ID,
    Column("name", V.TEXT, ("店铺名称",)),
    _CAPTURED_AT,
    Column("member_since", V.DATE, ("诚信通开通日期",)),
    Column("medal_level", V.MEDAL, ("交易勋章",)),
    Column("satisfaction", V.NUMBER, ("店铺满意度",), maximum=Decimal(5)),
    Column("products_online", V.COUNT, ("已上网产品数",)),
    Column("products_listed", V.COUNT, ("已上架产品数",)),
    Column("gmv_30d", V.MONEY, ("近30天交易额",)),
    Column("buyers_30d", V.COUNT, ("近30天买家数",)),
    Column("shipping_promise", V.SHIPPING, ("发货速度",)),
    Column("buyer_protection", V.BOOL, ("买家保障",)),
    Column("delivery_guarantee", V.BOOL, ("交期保障",)),
    Column("alipay_verified", V.BOOL, ("支付宝实名认证",)),
    Column("online_trading", V.BOOL, ("支付宝在线交易",)),
    Column("disputes_90d", V.COUNT, ("近90天纠纷笔数",)),
    Column("dispute_rate_90d", V.RATE, ("近90天纠纷率",)),
    Column("risk_score", V.NUMBER, ("风险评估分",)),
    Column("industrial_belt", V.TEXT, ("产业带",)),
    Column("last_group_wholesale_gmv", V.MONEY, ("上次伙拼成交额",)),
    Column("last_promotion_gmv", V.MONEY, ("上次大促成交额",)),
    Column("email", V.EMAIL, ("联系邮箱",)),
    Column("full_reduction", V.FULL_REDUCTION, ("满减",)),
)

PRODUCT_SPEC: tuple[Column, ...] = (
    Column("product_id", V.ID, ("商品ID",)),
    _STORE_ID,
    Column("title", V.TEXT, ("商品名称",)),
    _CAPTURED_AT,
    Column("listed_at", V.DATE, ("发布时间",)),
    Column("wholesale_price", V.MONEY, ("批发价",)),
    Column("sales_30d", V.COUNT, ("近30天销量",)),
    Column("buyers_30d", V.COUNT, ("近30天买家数",)),
    Column("clicks_30d", V.COUNT, ("近30天点击量",)),
    Column("competitiveness_score", V.NUMBER, ("商品竞争力得分",)),
    Column("free_sample", V.BOOL, ("免费拿样",)),
    Column("sample_price", V.MONEY, ("拿样价",)),
    Column("stock", V.COUNT, ("库存",)),
    Column("online_order", V.BOOL, ("支持在线订购",)),
    Column("image_square", V.BOOL, ("首图正方形",)),
    Column("image_watermark", V.BOOL, ("首图水印",)),
    Column("description_complete", V.BOOL, ("详情完整",)),
    Column("activity_discount", V.DISCOUNT, ("活动折扣",)),
    Column("free_shipping", V.BOOL, ("包邮",)),
    Column("sample_stock", V.COUNT, ("剩余数量", "样品剩余数量")),
)

SPECS: dict[Kind, tuple[Column, ...]] = {"stores": STORE_SPEC, "products": PRODUCT_SPEC}
REQUIRED: dict[Kind, tuple[str, ...]] = {
    "stores": ("store_id", "captured_at"),
    "products": ("product_id", "store_id", "captured_at"),
}

_IGNORED = re.compile(r"[\s_\-\u200b\ufeff]+")
_UNIT = re.compile(r"\([^()]{1,4}\)$")


def normalise(header: str) -> str:
    """The header as a lookup key: width, case, spacing, `_`, `-` and a `(unit)` suffix dropped."""
    key = unicodedata.normalize("NFKC", header).casefold()
    return _UNIT.sub("", _IGNORED.sub("", key))


def unit_of(header: str) -> str:
    """The unit a header gives in brackets (`近90天纠纷率(%)`: `%`), case-folded; "" for none."""
    key = _IGNORED.sub("", unicodedata.normalize("NFKC", header).casefold())
    found = _UNIT.search(key)
    return "" if found is None else found.group()[1:-1]


def header_name(header: str, kind: Kind) -> str | None:
    """The column name a header stands for, with its unit kept: `dispute_rate_90d(%)`."""
    name = canonical(header, kind)
    unit = unit_of(header)
    return None if name is None else f"{name}({unit})" if unit else name


def _lookup(spec: tuple[Column, ...]) -> dict[str, Column]:
    return {normalise(name): c for c in spec for name in (c.name, *c.aliases)}


_LOOKUP: dict[Kind, dict[str, Column]] = {kind: _lookup(spec) for kind, spec in SPECS.items()}


def canonical(header: str, kind: Kind) -> str | None:
    """The column name a header stands for in a file of `kind`, or None when unknown."""
    column = _LOOKUP[kind].get(normalise(header))
    return None if column is None else column.name


def kind_of(headers: Sequence[str]) -> Kind:
    """`products` when a header names the product ID, else `stores`."""
    product_id = _LOOKUP["products"][normalise("product_id")]
    found = any(_LOOKUP["products"].get(normalise(h)) is product_id for h in headers)
    return "products" if found else "stores"


@dataclass(frozen=True)
class HeaderMap:
    """What a header row says: where each known column is and what is wrong with it."""

    kind: Kind
    columns: tuple[tuple[int, Column], ...]  # position, column; the first of duplicates
    unknown: tuple[tuple[int, str], ...]
    duplicates: tuple[tuple[Column, tuple[tuple[int, str], ...]], ...]
    missing: tuple[Column, ...]
    unnamed: tuple[int, ...]  # positions of blank headers
    units: tuple[tuple[int, str], ...] = ()  # position, the unit its header gives in brackets


def map_header(headers: Sequence[str], kind: Kind) -> HeaderMap:
    """Match each header against the columns of `kind`."""
    lookup = _LOOKUP[kind]
    seen: dict[str, list[tuple[int, str]]] = {}
    columns: list[tuple[int, Column]] = []
    unknown: list[tuple[int, str]] = []
    unnamed: list[int] = []
    units: list[tuple[int, str]] = []
    for position, header in enumerate(headers):
        if not header.strip():
            unnamed.append(position)
            continue
        column = lookup.get(normalise(header))
        if column is None:
            unknown.append((position, header))
            continue
        if column.name not in seen:
            columns.append((position, column))
            if unit := unit_of(header):
                units.append((position, unit))
        seen.setdefault(column.name, []).append((position, header))
    by_name = {c.name: c for c in SPECS[kind]}
    duplicates = tuple(
        (by_name[name], tuple(found)) for name, found in seen.items() if len(found) > 1
    )
    missing = tuple(by_name[name] for name in REQUIRED[kind] if name not in seen)
    return HeaderMap(
        kind, tuple(columns), tuple(unknown), duplicates, missing, tuple(unnamed), tuple(units)
    )
