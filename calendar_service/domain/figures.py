"""The figures criteria read: what a store or product snapshot holds, and what is derived from it.

One vocabulary for the catalog, the importer and the evaluator. A figure's type decides which
thresholds and comparisons make sense for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from calendar_service.domain.catalog import Op, Scope


class FigureType(StrEnum):
    COUNT = "count"  # a whole number, never negative
    NUMBER = "number"  # a decimal, never negative
    MONEY = "money"  # 元, a decimal, never negative
    RATE = "rate"  # a fraction: 0.0001 is 0.01 %
    MEDAL = "medal"  # transaction medal level, 0 to 5 A
    BOOL = "bool"
    CHOICE = "choice"
    DATE = "date"
    TEXT = "text"


NUMERIC = frozenset(
    {FigureType.COUNT, FigureType.NUMBER, FigureType.MONEY, FigureType.RATE, FigureType.MEDAL}
)
ORDERING_OPS = frozenset({Op.AT_LEAST, Op.MORE_THAN, Op.AT_MOST, Op.BELOW})
SHIPPING_PROMISES = ("24h", "48h", "72h", "none")


@dataclass(frozen=True)
class Figure:
    name: str
    scope: Scope
    type: FigureType
    label_zh: str
    label_en: str
    unit_zh: str = ""
    unit_en: str = ""
    choices: tuple[str, ...] = ()
    derived: bool = False  # computed at evaluation time, not a column
    maximum: float | None = None

    def allows(self, op: Op) -> bool:
        """Whether a criterion may compare this figure with `op`."""
        if self.type in NUMERIC:
            return op is not Op.ONE_OF
        if self.type is FigureType.CHOICE:
            return op in (Op.ONE_OF, Op.EQUALS, Op.NOT_EQUALS)
        if self.type is FigureType.BOOL:
            return op in (Op.EQUALS, Op.NOT_EQUALS)
        return False  # dates and text are read through derived figures


def _f(name: str, scope: Scope, type_: FigureType, zh: str, en: str, **kw: object) -> Figure:
    return Figure(name, scope, type_, zh, en, **kw)  # type: ignore[arg-type]


def _money(name: str, scope: Scope, zh: str, en: str, **kw: object) -> Figure:
    """A money figure: counted in 元 (CNY)."""
    return _f(name, scope, FigureType.MONEY, zh, en, unit_zh="元", unit_en="CNY", **kw)


def _score(name: str, scope: Scope, zh: str, en: str, **kw: object) -> Figure:
    """A score: a number counted in 分 (points)."""
    return _f(name, scope, FigureType.NUMBER, zh, en, unit_zh="分", unit_en="points", **kw)


S, P = Scope.STORE, Scope.PRODUCT
T = FigureType

STORE_FIGURES: tuple[Figure, ...] = (
    _f("member_since", S, T.DATE, "诚信通开通日期", "member since"),
    _f(
        "medal_level",
        S,
        T.MEDAL,
        "交易勋章",
        "transaction medal",
        unit_zh="A",
        unit_en="A",
        maximum=5,
    ),
    _score("satisfaction", S, "店铺满意度", "store satisfaction", maximum=5),
    _f(
        "products_online",
        S,
        T.COUNT,
        "已上网产品数",
        "products online",
        unit_zh="件",
        unit_en="products",
    ),
    _f(
        "products_listed",
        S,
        T.COUNT,
        "已上架产品数",
        "products listed",
        unit_zh="件",
        unit_en="products",
    ),
    _money("gmv_30d", S, "近30天交易额", "30-day transaction value"),
    _f("buyers_30d", S, T.COUNT, "近30天买家数", "30-day buyers", unit_zh="位", unit_en="buyers"),
    _f("shipping_promise", S, T.CHOICE, "发货速度", "shipping promise", choices=SHIPPING_PROMISES),
    _f("buyer_protection", S, T.BOOL, "买家保障", "buyer protection"),
    _f("delivery_guarantee", S, T.BOOL, "交期保障", "delivery-time guarantee"),
    _f("alipay_verified", S, T.BOOL, "支付宝实名认证", "Alipay bound and verified"),
    _f("online_trading", S, T.BOOL, "支付宝在线交易", "Alipay online trading"),
    _f(
        "disputes_90d",
        S,
        T.COUNT,
        "近90天纠纷笔数",
        "90-day disputes",
        unit_zh="笔",
        unit_en="disputes",
    ),
    _f("dispute_rate_90d", S, T.RATE, "近90天纠纷率", "90-day dispute rate", maximum=1),
    _score("risk_score", S, "风险评估分", "risk-assessment score"),
    _f("industrial_belt", S, T.TEXT, "产业带", "industrial belt"),
    _money("last_group_wholesale_gmv", S, "上次伙拼成交额", "last group-wholesale sales"),
    _money("last_promotion_gmv", S, "上次大促成交额", "last big-promotion sales"),
    _f("full_reduction", S, T.BOOL, "满减", "spend-and-save"),
    # Derived at evaluation time.
    _f(
        "membership_months",
        S,
        T.NUMBER,
        "诚信通年限",
        "months of membership",
        unit_zh="个月",
        unit_en="months",
        derived=True,
    ),
    _money(
        "gmv_30d_before_deadline",
        S,
        "报名截止前30天销售额",
        "sales in the 30 days before the deadline",
        derived=True,
    ),
    _f("in_industrial_belt", S, T.BOOL, "产业带商家", "in an industrial belt", derived=True),
    _f(
        "free_sample_share",
        S,
        T.RATE,
        "免费拿样商品占已上网产品比重",
        "share of the products online with free samples",
        derived=True,
        maximum=1,
    ),
    _f(
        "promotion_offered",
        S,
        T.BOOL,
        "促销折扣(包邮、折扣、满减)",
        "promotional discount (free shipping, a discount, spend-and-save)",
        derived=True,
    ),
)

PRODUCT_FIGURES: tuple[Figure, ...] = (
    _f("listed_at", P, T.DATE, "发布时间", "listed at"),
    _money("wholesale_price", P, "批发价", "wholesale price"),
    _f("sales_30d", P, T.COUNT, "近30天销量", "30-day unit sales", unit_zh="件", unit_en="units"),
    _f("buyers_30d", P, T.COUNT, "近30天买家数", "30-day buyers", unit_zh="位", unit_en="buyers"),
    _f("clicks_30d", P, T.COUNT, "近30天点击量", "30-day clicks", unit_zh="次", unit_en="clicks"),
    _score("competitiveness_score", P, "商品竞争力得分", "competitiveness score"),
    _f("free_sample", P, T.BOOL, "免费拿样", "free sampling"),
    _money("sample_price", P, "拿样价", "sample price"),
    _f("stock", P, T.COUNT, "库存", "stock", unit_zh="件", unit_en="units"),
    _f("online_order", P, T.BOOL, "支持在线订购", "orderable online"),
    _f("image_square", P, T.BOOL, "首图正方形", "main image square"),
    _f("image_watermark", P, T.BOOL, "首图水印", "main image watermarked"),
    _f("description_complete", P, T.BOOL, "详情完整", "detailed description and images"),
    _f("activity_discount", P, T.RATE, "活动折扣", "activity discount", maximum=1),
    _f("free_shipping", P, T.BOOL, "包邮", "free shipping"),
    _f(
        "sample_stock",
        P,
        T.COUNT,
        "剩余数量",
        "free samples remaining",
        unit_zh="件",
        unit_en="samples",
    ),
    # Derived at evaluation time.
    _f(
        "listing_age_days",
        P,
        T.COUNT,
        "发布天数",
        "days since listed",
        unit_zh="天",
        unit_en="days",
        derived=True,
    ),
    _money("gmv_30d", P, "近30天交易额", "30-day transaction value", derived=True),
    _f("has_sales", P, T.BOOL, "有销量", "has sales", derived=True),
    _f(
        "sample_price_ratio",
        P,
        T.NUMBER,
        "拿样价/批发价",
        "sample price ÷ wholesale price",
        derived=True,
    ),
)

FIGURES: dict[tuple[Scope, str], Figure] = {
    (f.scope, f.name): f for f in STORE_FIGURES + PRODUCT_FIGURES
}


def figure(scope: Scope, name: str) -> Figure | None:
    """The figure of this name at this scope, or None."""
    return FIGURES.get((scope, name))
