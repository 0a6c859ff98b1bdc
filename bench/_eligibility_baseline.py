"""The hand-written baseline of bench_eligibility: each activity's verdict content, in plain Python.

For one store and one occurrence it gives what the engine's verdict holds apart from its
messages, notes, product verdicts and forecasts: the status (eligible / ineligible / unknown /
invitation) and, for every store-level criterion of the activity in catalog order, its status
(pass / fail / unknown / signal), its value and its gap (for a failed numeric requirement),
followed by the engine's "qualifying-products" requirement for activities with product
requirements (its value: how many products meet every product requirement; unknown without
products). It compares the snapshot's attributes directly: no rulebook, no facts dictionary, no
judgement objects, no memo. The derived figures (months of membership, whether a promotion is
offered, the share of free samples, the industrial belt) are computed once per store, as the
engine does. The thresholds are read from the catalog once, so an edited figure stays consistent
with the engine; the comparisons, their operators, the gaps' whole-number step (fewer than 2
disputes: the gap to 1) and the special rules (快订's waiver on exactly one dispute, 样品's sales
rule for products listed more than 30 days ago, membership "more than" vs "at least" 3 months)
are written out here.

`judges` refuses a catalog that no longer matches what is written here: a criterion that
compares another figure or with another operator, a store criterion or product requirement added,
removed or reordered, an activity it does not know. Update this file with the catalog.

The status rules (design.md): a failed requirement makes `ineligible`; otherwise an unknown one
makes `unknown`; an activity whose criteria are all invitation signals is `invitation`; an
activity without criteria is `unknown`. Advantages never change a status.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from decimal import ROUND_DOWN, Decimal

from calendar_service.domain.catalog import Catalog, Criterion, CriterionKind, Op, Scope
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import NOT_IN_A_BELT, FigureValue
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import JudgementStatus, VerdictStatus

ELIGIBLE: VerdictStatus = "eligible"
INELIGIBLE: VerdictStatus = "ineligible"
UNKNOWN: VerdictStatus = "unknown"
INVITATION: VerdictStatus = "invitation"
QUALIFYING = "qualifying-products"
ONE = Decimal(1)
HUNDREDTH = Decimal("0.01")
TEN_THOUSANDTH = Decimal("0.0001")

# One criterion: (key, status, value, gap); one verdict: its status and its criteria.
Row = tuple[str, JudgementStatus, FigureValue, Decimal | None]
Result = tuple[VerdictStatus, list[Row]]


class Derived:
    """The store's derived figures on the evaluation day, computed once per store."""

    __slots__ = ("belt", "months", "promotion", "share")

    def __init__(
        self,
        store: StoreSnapshot,
        products: Sequence[ProductSnapshot],
        on: dt.date,
        discount: Decimal = Decimal("0.9"),
    ):
        since = store.member_since
        self.months = None if since is None else membership_months(since, on)
        belt = store.industrial_belt
        self.belt = None if belt is None else belt.strip().lower() not in NOT_IN_A_BELT
        # A promotion: 满减, or some product ships free or has a discount of `discount` or lower.
        promotion: bool | None = None  # unknown without product data (unless 满减)
        if store.full_reduction is True:
            promotion = True
        elif products:
            unknown = store.full_reduction is None
            promotion = False
            for p in products:
                if p.free_shipping is True or (
                    p.activity_discount is not None and p.activity_discount <= discount
                ):
                    promotion, unknown = True, False
                    break
                if p.free_shipping is None or p.activity_discount is None:
                    unknown = True
            if unknown:
                promotion = None
        self.promotion = promotion
        # The share of the store's products online that offer free samples.
        known = offering = 0
        for p in products:
            if p.free_sample is not None:
                known += 1
                offering += p.free_sample
        online = store.products_online
        self.share = (
            None
            if not known or not online
            else min(Decimal(offering) / Decimal(online), ONE).quantize(
                TEN_THOUSANDTH, rounding=ROUND_DOWN
            )
        )


Judge = Callable[[StoreSnapshot, Sequence[ProductSnapshot], Derived], Result]
# A product against an activity's product requirements: PASS, UNKNOWN or FAIL.
ProductCheck = Callable[[ProductSnapshot], int]
PASS, UNSURE, FAIL = 0, 1, 2


class CatalogChangedError(Exception):
    """The catalog's criteria no longer match the hand-written comparisons."""


class _Thresholds:
    """Reads the catalog's thresholds, checking each criterion is what the code here assumes."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.read: dict[str, list[str]] = {}

    def _criterion(
        self, activity: str, key: str, figure: str, op: Op | None, scope: Scope, signal: bool
    ) -> Criterion:
        found = [c for c in self.catalog.activity(activity).criteria if c.key == key]
        if len(found) != 1:
            raise CatalogChangedError(f"{activity}: expected one criterion {key!r}")
        c = found[0]
        kind_ok = (c.kind is not CriterionKind.REQUIREMENT) is signal
        if c.figure != figure or c.scope != scope or not kind_ok or op not in (None, c.op):
            raise CatalogChangedError(
                f"{activity}.{key}: the baseline compares {scope} {figure} {op or ''} "
                f"({'a signal' if signal else 'a requirement'}), the catalog has {c.kind} "
                f"{c.scope} {c.figure} {c.op}; update {__name__}"
            )
        self.read.setdefault(activity, []).append(key)
        return c

    def number(
        self, activity: str, key: str, figure: str, op: Op, scope: Scope = Scope.STORE
    ) -> Decimal:
        threshold = self._criterion(activity, key, figure, op, scope, False).threshold
        if not isinstance(threshold, Decimal):
            raise CatalogChangedError(f"{activity}.{key}: a number was expected")
        return threshold

    def flag(self, activity: str, key: str, figure: str, scope: Scope = Scope.STORE) -> bool:
        threshold = self._criterion(activity, key, figure, Op.EQUALS, scope, False).threshold
        if not isinstance(threshold, bool):
            raise CatalogChangedError(f"{activity}.{key}: true or false was expected")
        return threshold

    def one_of(self, activity: str, key: str, figure: str) -> frozenset[str]:
        threshold = self._criterion(activity, key, figure, Op.ONE_OF, Scope.STORE, False).threshold
        if not isinstance(threshold, tuple):
            raise CatalogChangedError(f"{activity}.{key}: a list of choices was expected")
        return frozenset(threshold)

    def signal(self, activity: str, key: str, figure: str) -> None:
        """A store-level advantage or invitation signal: its value is shown, never judged."""
        self._criterion(activity, key, figure, None, Scope.STORE, True)

    def condition(self, activity: str, key: str, which: str, figure: str, op: Op) -> Decimal:
        criterion = next(c for c in self.catalog.activity(activity).criteria if c.key == key)
        found = getattr(criterion, which)
        if found is None or found.figure != figure or found.op != op:
            raise CatalogChangedError(f"{activity}.{key}: expected {which} {figure} {op}")
        if not isinstance(found.value, Decimal):
            raise CatalogChangedError(f"{activity}.{key}: {which} compares a number")
        value: Decimal = found.value
        return value

    def check_complete(self, activity: str) -> None:
        """Every store criterion (in catalog order) and product requirement was read."""
        criteria = self.catalog.activity(activity).criteria
        store = [c.key for c in criteria if c.scope is Scope.STORE]
        product = sorted(
            c.key
            for c in criteria
            if c.scope is Scope.PRODUCT and c.kind is CriterionKind.REQUIREMENT
        )
        read = self.read.get(activity, [])
        if [k for k in read if k in store] != store or sorted(set(read) - set(store)) != product:
            raise CatalogChangedError(
                f"{activity}: the baseline judges {read}, the catalog has store criteria "
                f"{store} and product requirements {product}; update {__name__}"
            )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the month's end (Jan 31 + 1 month: Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def membership_months(since: dt.date, on: dt.date) -> Decimal:
    """Whole calendar months plus the elapsed fraction of the next, rounded down to 0.01."""
    if on <= since:
        return Decimal(0)
    full = (on.year - since.year) * 12 + on.month - since.month
    anchor = add_months(since, full)
    if anchor > on:
        full -= 1
        anchor = add_months(since, full)
    following = add_months(since, full + 1)
    fraction = Decimal((on - anchor).days) / Decimal((following - anchor).days)
    return (full + fraction).quantize(HUNDREDTH, rounding=ROUND_DOWN)


# ─── One criterion: (key, status, value, gap) ────────────────────────────────────────────────


def _at_least(key: str, value: Decimal | int | None, threshold: Decimal) -> Row:
    if value is None:
        return (key, "unknown", None, None)
    if value >= threshold:
        return (key, "pass", value, None)
    return (key, "fail", value, threshold - value)


def _more_than(key: str, value: Decimal | None, threshold: Decimal) -> Row:
    """A decimal figure: the gap is to the threshold itself."""
    if value is None:
        return (key, "unknown", None, None)
    if value > threshold:
        return (key, "pass", value, None)
    return (key, "fail", value, threshold - value)


def _at_most(key: str, value: Decimal | None, threshold: Decimal) -> Row:
    if value is None:
        return (key, "unknown", None, None)
    if value <= threshold:
        return (key, "pass", value, None)
    return (key, "fail", value, value - threshold)


def _fewer_than(key: str, value: int | None, threshold: Decimal) -> Row:
    """A whole number below the threshold: the gap is to one below it."""
    if value is None:
        return (key, "unknown", None, None)
    if value < threshold:
        return (key, "pass", value, None)
    return (key, "fail", value, value - threshold + 1)


def _equals(key: str, value: bool | None, wanted: bool) -> Row:
    if value is None:
        return (key, "unknown", None, None)
    return (key, "pass" if value == wanted else "fail", value, None)


def _status(criteria: list[Row]) -> VerdictStatus:
    unknown = False
    for row in criteria:
        status = row[1]
        if status == "fail":
            return INELIGIBLE
        if status == "unknown":
            unknown = True
    return UNKNOWN if unknown else ELIGIBLE


def _qualifying(products: Sequence[ProductSnapshot], check: ProductCheck) -> Row:
    """How many products meet every product requirement: at least one is required."""
    if not products:
        return (QUALIFYING, "unknown", None, None)
    passing = unsure = 0
    for p in products:
        outcome = check(p)
        if outcome == PASS:
            passing += 1
        elif outcome == UNSURE:
            unsure += 1
    if passing:
        return (QUALIFYING, "pass", passing, None)
    if unsure:
        return (QUALIFYING, "unknown", 0, None)
    return (QUALIFYING, "fail", 0, ONE)


# ─── Yearly: 327 / 916 / 1118 ────────────────────────────────────────────────────────────────


def _promotion(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    medal = t.number(key, "medal", "medal_level", Op.AT_LEAST)
    risk = t.number(key, "risk-score", "risk_score", Op.AT_LEAST)
    listed = t.number(key, "products-listed", "products_listed", Op.AT_LEAST)
    sales = t.number(key, "sales-before-deadline", "gmv_30d_before_deadline", Op.AT_LEAST)
    offered = t.flag(key, "promotion", "promotion_offered")

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        # Sales in the 30 days before the deadline: the snapshot's, if taken by the deadline.
        gmv = s.gmv_30d if s.captured_at <= occ.deadline_at else None
        criteria = [
            _at_least("medal", s.medal_level, medal),
            _at_least("risk-score", s.risk_score, risk),
            _at_least("products-listed", s.products_listed, listed),
            _at_least("sales-before-deadline", gmv, sales),
            _equals("promotion", d.promotion, offered),
        ]
        return _status(criteria), criteria

    return judge


# ─── Quarterly: judged per product ───────────────────────────────────────────────────────────


def _new_arrivals(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    max_age = t.number(key, "listed-within-30-days", "listing_age_days", Op.AT_MOST, Scope.PRODUCT)
    clicks = t.number(key, "has-clicks", "clicks_30d", Op.AT_LEAST, Scope.PRODUCT)
    signup = max(on, occ.opens_on)  # listing age counts on the first sign-up day still ahead

    def check(p: ProductSnapshot) -> int:
        outcome = PASS
        if p.listed_at is None:
            outcome = UNSURE
        elif (signup - p.listed_at).days > max_age:
            return FAIL
        if p.clicks_30d is None:
            outcome = UNSURE
        elif p.clicks_30d < clicks:
            return FAIL
        return outcome

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        criteria = [_qualifying(products, check)]
        return _status(criteria), criteria

    return judge


def _hot_sellers(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    t.signal(key, "medal-3a", "medal_level")  # no gate: the products' figures are advantages
    return lambda s, products, d: (ELIGIBLE, [("medal-3a", "signal", s.medal_level, None)])


def _clearance(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    discount = t.number(key, "discount-85-or-lower", "activity_discount", Op.AT_MOST, Scope.PRODUCT)
    clicks = t.number(key, "popularity", "clicks_30d", Op.AT_LEAST, Scope.PRODUCT)

    def check(p: ProductSnapshot) -> int:
        outcome = PASS
        if p.activity_discount is None:
            outcome = UNSURE
        elif p.activity_discount > discount:
            return FAIL
        if p.clicks_30d is None:
            outcome = UNSURE
        elif p.clicks_30d < clicks:
            return FAIL
        return outcome

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        criteria = [_qualifying(products, check)]
        return _status(criteria), criteria

    return judge


# ─── Monthly: two invitations, four sign-ups (signals never fail a store with data) ──────────


def _monthly_sales(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    t.signal(key, "high-sales", "gmv_30d")
    return lambda s, products, d: (INVITATION, [("high-sales", "signal", s.gmv_30d, None)])


def _hot_items(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    sales = t.number(key, "product-sales", "sales_30d", Op.AT_LEAST, Scope.PRODUCT)

    def check(p: ProductSnapshot) -> int:
        if p.sales_30d is None:
            return UNSURE
        return FAIL if p.sales_30d < sales else PASS

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        criteria = [_qualifying(products, check)]
        return _status(criteria), criteria

    return judge


def _core_promotion(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    t.signal(key, "promotion-performance", "last_promotion_gmv")
    return lambda s, products, d: (
        INVITATION,
        [("promotion-performance", "signal", s.last_promotion_gmv, None)],
    )


def _top_sellers(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    t.signal(key, "recent-sales", "gmv_30d")
    return lambda s, products, d: (ELIGIBLE, [("recent-sales", "signal", s.gmv_30d, None)])


def _origin(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    t.signal(key, "industrial-belt", "in_industrial_belt")
    return lambda s, products, d: (ELIGIBLE, [("industrial-belt", "signal", d.belt, None)])


def _benchmark(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    t.signal(key, "recent-sales", "gmv_30d")
    t.signal(key, "recent-buyers", "buyers_30d")
    t.signal(key, "promotion-performance", "last_promotion_gmv")
    return lambda s, products, d: (
        ELIGIBLE,
        [
            ("recent-sales", "signal", s.gmv_30d, None),
            ("recent-buyers", "signal", s.buyers_30d, None),
            ("promotion-performance", "signal", s.last_promotion_gmv, None),
        ],
    )


def _no_rules(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    if t.catalog.activity(key).criteria:
        raise CatalogChangedError(f"{key}: the baseline expects an activity without criteria")
    return lambda s, products, d: (UNKNOWN, [])


# ─── Daily ───────────────────────────────────────────────────────────────────────────────────


def _quick_order(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    months = t.number(key, "membership", "membership_months", Op.MORE_THAN)
    medal = t.number(key, "medal", "medal_level", Op.AT_LEAST)
    online = t.number(key, "products-online", "products_online", Op.AT_LEAST)
    satisfaction = t.number(key, "satisfaction", "satisfaction", Op.AT_LEAST)
    alipay = t.flag(key, "alipay", "alipay_verified")
    trading = t.flag(key, "online-trading", "online_trading")
    protection = t.flag(key, "buyer-protection", "buyer_protection")
    guarantee = t.flag(key, "delivery-guarantee", "delivery_guarantee")
    rate = t.number(key, "dispute-rate", "dispute_rate_90d", Op.BELOW)
    waived_at = t.condition(key, "dispute-rate", "waived_when", "disputes_90d", Op.EQUALS)
    disputes = t.number(key, "disputes", "disputes_90d", Op.BELOW)

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        # The dispute rate, waived when there is exactly one dispute.
        r, n = s.dispute_rate_90d, s.disputes_90d
        dispute_rate: Row
        if r is not None and r < rate:
            dispute_rate = ("dispute-rate", "pass", r, None)
        elif n is not None and n == waived_at:
            dispute_rate = ("dispute-rate", "pass", r, None)  # waived
        elif r is None or n is None:
            dispute_rate = ("dispute-rate", "unknown", r, None)
        else:
            dispute_rate = ("dispute-rate", "fail", r, r - rate)
        criteria = [
            _more_than("membership", d.months, months),  # more than 3: not on the day
            _at_least("medal", s.medal_level, medal),
            _at_least("products-online", s.products_online, online),
            _at_least("satisfaction", s.satisfaction, satisfaction),
            _equals("alipay", s.alipay_verified, alipay),
            _equals("online-trading", s.online_trading, trading),
            _equals("buyer-protection", s.buyer_protection, protection),
            _equals("delivery-guarantee", s.delivery_guarantee, guarantee),
            dispute_rate,
            _fewer_than("disputes", n, disputes),
        ]
        return _status(criteria), criteria

    return judge


def _group(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    """伙拼, and 今日团 which borrows its rules (without the advantages)."""
    medal = t.number(key, "medal", "medal_level", Op.AT_LEAST)
    satisfaction = t.number(key, "satisfaction", "satisfaction", Op.AT_LEAST)
    online = t.number(key, "products-online", "products_online", Op.AT_LEAST)
    gmv = t.number(key, "gmv-30d", "gmv_30d", Op.AT_LEAST)
    buyers = t.number(key, "buyers-30d", "buyers_30d", Op.AT_LEAST)
    shipping = t.one_of(key, "shipping", "shipping_promise")
    protection = t.flag(key, "buyer-protection", "buyer_protection")
    alipay = t.flag(key, "alipay", "alipay_verified")
    months = t.number(key, "membership", "membership_months", Op.AT_LEAST)
    rate = t.number(key, "dispute-rate", "dispute_rate_90d", Op.AT_MOST)
    advantages = key == "daily-group-wholesale"
    if advantages:
        t.signal(key, "medal-higher", "medal_level")
        t.signal(key, "last-group-wholesale", "last_group_wholesale_gmv")

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        promise = s.shipping_promise
        criteria = [
            _at_least("medal", s.medal_level, medal),
            _at_least("satisfaction", s.satisfaction, satisfaction),
            _at_least("products-online", s.products_online, online),
            _at_least("gmv-30d", s.gmv_30d, gmv),
            _at_least("buyers-30d", s.buyers_30d, buyers),
            ("shipping", "unknown", None, None)
            if promise is None
            else ("shipping", "pass" if promise in shipping else "fail", promise, None),
            _equals("buyer-protection", s.buyer_protection, protection),
            _equals("alipay", s.alipay_verified, alipay),
            _at_least("membership", d.months, months),  # at least 3: the day counts
            _at_most("dispute-rate", s.dispute_rate_90d, rate),
        ]
        status = _status(criteria)
        if advantages:
            criteria.append(("medal-higher", "signal", s.medal_level, None))
            criteria.append(("last-group-wholesale", "signal", s.last_group_wholesale_gmv, None))
        return status, criteria

    return judge


def _samples(t: _Thresholds, key: str, on: dt.date, occ: Occurrence) -> Judge:
    p_ = Scope.PRODUCT
    free_sample = t.flag(key, "free-sample", "free_sample", p_)
    online_order = t.flag(key, "online-order", "online_order", p_)
    square = t.flag(key, "image-square", "image_square", p_)
    watermark = t.flag(key, "image-watermark", "image_watermark", p_)
    description = t.flag(key, "description", "description_complete", p_)
    price = t.number(key, "wholesale-price", "wholesale_price", Op.AT_LEAST, p_)
    has_sales = t.flag(key, "sales-if-older", "has_sales", p_)
    older_than = t.condition(
        key, "sales-if-older", "applies_when", "listing_age_days", Op.MORE_THAN
    )
    token = t.number(key, "sample-price-not-token", "sample_price", Op.MORE_THAN, p_)
    sample_ratio = t.number(key, "sample-price", "sample_price_ratio", Op.AT_LEAST, p_)
    stock = t.number(key, "sample-stock", "sample_stock", Op.AT_LEAST, p_)
    competitiveness = t.number(key, "competitiveness", "competitiveness_score", Op.AT_LEAST, p_)
    t.signal(key, "free-sample-share", "free_sample_share")

    def check(p: ProductSnapshot) -> int:  # noqa: PLR0912
        outcome = PASS
        for value, wanted in (
            (p.free_sample, free_sample),
            (p.online_order, online_order),
            (p.image_square, square),
            (p.image_watermark, watermark),
            (p.description_complete, description),
        ):
            if value is None:
                outcome = UNSURE
            elif value != wanted:
                return FAIL
        if p.wholesale_price is None:
            outcome = UNSURE
        elif p.wholesale_price < price:
            return FAIL
        # Sales (units or buyers) are required only of a product listed more than 30 days ago.
        sold = (p.sales_30d or 0) > 0 or (p.buyers_30d or 0) > 0
        shown = None if not sold and p.sales_30d is None and p.buyers_30d is None else sold
        if shown is has_sales:
            pass
        elif p.listed_at is None:
            outcome = UNSURE
        elif (on - p.listed_at).days > older_than:
            if shown is None:
                outcome = UNSURE
            else:
                return FAIL
        # No token price (0.01 元), and a normal one: sample / wholesale (0.0001, down) >= 0.5.
        if p.sample_price is None:
            outcome = UNSURE
        elif p.sample_price <= token:
            return FAIL
        w = p.wholesale_price
        if p.sample_price is None or w is None or w == 0:
            outcome = UNSURE
        elif (p.sample_price / w).quantize(TEN_THOUSANDTH, rounding=ROUND_DOWN) < sample_ratio:
            return FAIL
        if p.sample_stock is None:
            outcome = UNSURE
        elif p.sample_stock < stock:
            return FAIL
        if p.competitiveness_score is None:
            outcome = UNSURE
        elif p.competitiveness_score < competitiveness:
            return FAIL
        return outcome

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot], d: Derived) -> Result:
        criteria = [("free-sample-share", "signal", d.share, None), _qualifying(products, check)]
        return _status(criteria), criteria

    return judge


MAKERS: dict[str, Callable[[_Thresholds, str, dt.date, Occurrence], Judge]] = {
    "promo-327": _promotion,
    "promo-916": _promotion,
    "promo-1118": _promotion,
    "quarterly-new-arrivals": _new_arrivals,
    "quarterly-hot-sellers": _hot_sellers,
    "quarterly-clearance": _clearance,
    "monthly-sales": _monthly_sales,
    "monthly-hot-items": _hot_items,
    "monthly-core-promotion": _core_promotion,
    "monthly-top-sellers": _top_sellers,
    "monthly-origin": _origin,
    "monthly-benchmark": _benchmark,
    "daily-quick-order": _quick_order,
    "daily-group-wholesale": _group,
    "daily-group-buy": _group,
    "daily-mobile": _no_rules,
    "daily-samples": _samples,
}


class Baseline:
    """Every occurrence's verdict content for one store, by hand: `baseline(store, products)`."""

    def __init__(self, catalog: Catalog, occurrences: Sequence[Occurrence], at: dt.datetime):
        days = {at.astimezone(o.tz).date() for o in occurrences}
        if len(days) > 1:
            raise CatalogChangedError(f"the baseline evaluates on one day, not {sorted(days)}")
        self.on = days.pop() if days else at.date()
        self.judges: list[Judge] = []
        self.discount = catalog.promotion_discount
        for occurrence in occurrences:
            make = MAKERS.get(occurrence.activity)
            if make is None:
                raise CatalogChangedError(f"{occurrence.activity}: an activity the baseline lacks")
            t = _Thresholds(catalog)
            self.judges.append(make(t, occurrence.activity, self.on, occurrence))
            t.check_complete(occurrence.activity)

    def __call__(self, store: StoreSnapshot, products: Sequence[ProductSnapshot]) -> list[Result]:
        """One (status, criteria) per occurrence, in their order."""
        derived = Derived(store, products, self.on, self.discount)
        return [judge(store, products, derived) for judge in self.judges]
