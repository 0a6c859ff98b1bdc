"""The hand-written baseline of bench_eligibility: each activity's status, in plain Python.

For one store and one occurrence it gives the status the engine gives (eligible / ineligible /
unknown / invitation) by comparing the snapshot's attributes directly: no rulebook, no facts
dictionary, no judgements, messages, gaps, notes or forecasts. The thresholds are read from the
catalog once, so an edited figure stays consistent with the engine; the comparisons, their
operators and the special rules (快订's waiver on exactly one dispute, 样品's sales rule for
products listed more than 30 days ago, membership "more than" vs "at least" 3 months, product
activities' "at least one product meets every product requirement") are written out here.

The judges are long chains of if / elif on purpose (hence the PLR0912 waivers): that is the
plain loop the engine is compared with. `judges` refuses a catalog that no longer matches what
is written here: a criterion that compares another figure or with another operator, a
requirement added or removed, an activity it does not know. Update this file with the catalog.

The status rules (design.md): a failed requirement makes `ineligible`; otherwise an unknown one
makes `unknown`; an activity whose criteria are all invitation signals is `invitation`; an
activity without criteria is `unknown`. Advantages never change a status.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

from calendar_service.domain.catalog import Catalog, Criterion, CriterionKind, Op, Scope
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import VerdictStatus

ELIGIBLE: VerdictStatus = "eligible"
INELIGIBLE: VerdictStatus = "ineligible"
UNKNOWN: VerdictStatus = "unknown"
INVITATION: VerdictStatus = "invitation"

Judge = Callable[[StoreSnapshot, Sequence[ProductSnapshot]], VerdictStatus]
# A product against an activity's product requirements: PASS, UNKNOWN or FAIL.
ProductCheck = Callable[[ProductSnapshot], int]
PASS, UNSURE, FAIL = 0, 1, 2


class CatalogChangedError(Exception):
    """The catalog's criteria no longer match the hand-written comparisons."""


class _Thresholds:
    """Reads the catalog's thresholds, checking each criterion is what the code here assumes."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.read: set[tuple[str, str]] = set()

    def _criterion(self, activity: str, key: str, figure: str, op: Op, scope: Scope) -> Criterion:
        found = [c for c in self.catalog.activity(activity).criteria if c.key == key]
        if len(found) != 1:
            raise CatalogChangedError(f"{activity}: expected one criterion {key!r}")
        c = found[0]
        if (c.figure, c.op, c.scope, c.kind) != (figure, op, scope, CriterionKind.REQUIREMENT):
            raise CatalogChangedError(
                f"{activity}.{key}: the baseline compares requirement {scope} {figure} {op}, "
                f"the catalog has {c.kind} {c.scope} {c.figure} {c.op}; update {__name__}"
            )
        self.read.add((activity, key))
        return c

    def number(
        self, activity: str, key: str, figure: str, op: Op, scope: Scope = Scope.STORE
    ) -> Decimal:
        threshold = self._criterion(activity, key, figure, op, scope).threshold
        if not isinstance(threshold, Decimal):
            raise CatalogChangedError(f"{activity}.{key}: a number was expected")
        return threshold

    def whole(self, activity: str, key: str, figure: str, op: Op) -> int:
        value = self.number(activity, key, figure, op)
        if value != value.to_integral_value():
            raise CatalogChangedError(f"{activity}.{key}: whole months expected, not {value}")
        return int(value)

    def flag(self, activity: str, key: str, figure: str, scope: Scope = Scope.STORE) -> bool:
        threshold = self._criterion(activity, key, figure, Op.EQUALS, scope).threshold
        if not isinstance(threshold, bool):
            raise CatalogChangedError(f"{activity}.{key}: true or false was expected")
        return threshold

    def one_of(self, activity: str, key: str, figure: str) -> frozenset[str]:
        threshold = self._criterion(activity, key, figure, Op.ONE_OF, Scope.STORE).threshold
        if not isinstance(threshold, tuple):
            raise CatalogChangedError(f"{activity}.{key}: a list of choices was expected")
        return frozenset(threshold)

    def condition(self, activity: str, key: str, which: str, figure: str, op: Op) -> Decimal:
        criterion = next(c for c in self.catalog.activity(activity).criteria if c.key == key)
        found = getattr(criterion, which)
        if found is None or found.figure != figure or found.op != op:
            raise CatalogChangedError(f"{activity}.{key}: expected {which} {figure} {op}")
        if not isinstance(found.value, Decimal):
            raise CatalogChangedError(f"{activity}.{key}: {which} compares a number")
        value: Decimal = found.value
        return value

    def check_complete(self, activities: Sequence[str]) -> None:
        """Every requirement of these activities was read: none is left unjudged."""
        for key in activities:
            for c in self.catalog.activity(key).criteria:
                if c.kind is CriterionKind.REQUIREMENT and (key, c.key) not in self.read:
                    raise CatalogChangedError(
                        f"{key}.{c.key}: a requirement the baseline does not judge; "
                        f"update {__name__}"
                    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the month's end (Jan 31 + 1 month: Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _tally(products: Sequence[ProductSnapshot], check: ProductCheck) -> VerdictStatus:
    """At least one product meets every product requirement; unknown without products."""
    unsure = not products
    for p in products:
        outcome = check(p)
        if outcome == PASS:
            return ELIGIBLE
        unsure = unsure or outcome == UNSURE
    return UNKNOWN if unsure else INELIGIBLE


# ─── Yearly: 327 / 916 / 1118 ────────────────────────────────────────────────────────────────


def _promotion(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    medal = t.number(key, "medal", "medal_level", Op.AT_LEAST)
    risk = t.number(key, "risk-score", "risk_score", Op.AT_LEAST)
    listed = t.number(key, "products-listed", "products_listed", Op.AT_LEAST)
    sales = t.number(key, "sales-before-deadline", "gmv_30d_before_deadline", Op.AT_LEAST)
    offered = t.flag(key, "promotion", "promotion_offered")

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot]) -> VerdictStatus:  # noqa: PLR0912
        unknown = False
        if s.medal_level is None:
            unknown = True
        elif s.medal_level < medal:
            return INELIGIBLE
        if s.risk_score is None:
            unknown = True
        elif s.risk_score < risk:
            return INELIGIBLE
        if s.products_listed is None:
            unknown = True
        elif s.products_listed < listed:
            return INELIGIBLE
        # Sales in the 30 days before the deadline: the snapshot's, if taken by the deadline.
        gmv = s.gmv_30d if s.captured_at <= deadline_at else None
        if gmv is None:
            unknown = True
        elif gmv < sales:
            return INELIGIBLE
        # A promotional discount: some product ships free or has an activity price below 1.
        promotion: bool | None = None  # unknown without product data
        if products:
            promotion = False
            for p in products:
                if p.free_shipping is True or (
                    p.activity_discount is not None and p.activity_discount < 1
                ):
                    promotion = True
                    break
                if p.free_shipping is None or p.activity_discount is None:
                    promotion = None
        if promotion is None:
            unknown = True
        elif promotion != offered:
            return INELIGIBLE
        return UNKNOWN if unknown else ELIGIBLE

    return judge


# ─── Quarterly: judged per product ───────────────────────────────────────────────────────────


def _new_arrivals(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    max_age = t.number(key, "listed-within-30-days", "listing_age_days", Op.AT_MOST, Scope.PRODUCT)
    clicks = t.number(key, "has-clicks", "clicks_30d", Op.AT_LEAST, Scope.PRODUCT)

    def check(p: ProductSnapshot) -> int:
        outcome = PASS
        if p.listed_at is None:
            outcome = UNSURE
        elif (on - p.listed_at).days > max_age:
            return FAIL
        if p.clicks_30d is None:
            outcome = UNSURE
        elif p.clicks_30d < clicks:
            return FAIL
        return outcome

    return lambda s, products: _tally(products, check)


def _hot_sellers(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    buyers = t.number(key, "product-has-buyers", "buyers_30d", Op.AT_LEAST, Scope.PRODUCT)

    def check(p: ProductSnapshot) -> int:
        if p.buyers_30d is None:
            return UNSURE
        return FAIL if p.buyers_30d < buyers else PASS

    return lambda s, products: _tally(products, check)


def _clearance(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    discount = t.number(key, "discount-below-85", "activity_discount", Op.BELOW, Scope.PRODUCT)
    clicks = t.number(key, "popularity", "clicks_30d", Op.AT_LEAST, Scope.PRODUCT)

    def check(p: ProductSnapshot) -> int:
        outcome = PASS
        if p.activity_discount is None:
            outcome = UNSURE
        elif p.activity_discount >= discount:
            return FAIL
        if p.clicks_30d is None:
            outcome = UNSURE
        elif p.clicks_30d < clicks:
            return FAIL
        return outcome

    return lambda s, products: _tally(products, check)


# ─── Monthly: invitations only ───────────────────────────────────────────────────────────────


def _invitation(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    criteria = t.catalog.activity(key).criteria
    if not criteria or any(c.kind is not CriterionKind.INVITATION for c in criteria):
        raise CatalogChangedError(f"{key}: the baseline expects invitation signals only")
    return lambda s, products: INVITATION  # signals never fail a store with data


def _no_rules(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    if t.catalog.activity(key).criteria:
        raise CatalogChangedError(f"{key}: the baseline expects an activity without criteria")
    return lambda s, products: UNKNOWN


# ─── Daily ───────────────────────────────────────────────────────────────────────────────────


def _quick_order(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    months = t.whole(key, "membership", "membership_months", Op.MORE_THAN)
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

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot]) -> VerdictStatus:  # noqa: PLR0912
        unknown = False
        if s.member_since is None:
            unknown = True
        elif on <= add_months(s.member_since, months):  # more than 3 months: not on the day
            return INELIGIBLE
        if s.medal_level is None:
            unknown = True
        elif s.medal_level < medal:
            return INELIGIBLE
        if s.products_online is None:
            unknown = True
        elif s.products_online < online:
            return INELIGIBLE
        if s.satisfaction is None:
            unknown = True
        elif s.satisfaction < satisfaction:
            return INELIGIBLE
        for value, wanted in (
            (s.alipay_verified, alipay),
            (s.online_trading, trading),
            (s.buyer_protection, protection),
            (s.delivery_guarantee, guarantee),
        ):
            if value is None:
                unknown = True
            elif value != wanted:
                return INELIGIBLE
        # The dispute rate, waived when there is exactly one dispute.
        r, n = s.dispute_rate_90d, s.disputes_90d
        if (r is not None and r < rate) or (n is not None and n == waived_at):
            pass
        elif r is None or n is None:
            unknown = True
        else:
            return INELIGIBLE
        if n is None:
            unknown = True
        elif n >= disputes:
            return INELIGIBLE
        return UNKNOWN if unknown else ELIGIBLE

    return judge


def _group(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    """伙拼, and 今日团 which borrows its rules."""
    medal = t.number(key, "medal", "medal_level", Op.AT_LEAST)
    satisfaction = t.number(key, "satisfaction", "satisfaction", Op.AT_LEAST)
    online = t.number(key, "products-online", "products_online", Op.AT_LEAST)
    gmv = t.number(key, "gmv-30d", "gmv_30d", Op.AT_LEAST)
    buyers = t.number(key, "buyers-30d", "buyers_30d", Op.AT_LEAST)
    shipping = t.one_of(key, "shipping", "shipping_promise")
    protection = t.flag(key, "buyer-protection", "buyer_protection")
    alipay = t.flag(key, "alipay", "alipay_verified")
    months = t.whole(key, "membership", "membership_months", Op.AT_LEAST)
    rate = t.number(key, "dispute-rate", "dispute_rate_90d", Op.AT_MOST)

    def judge(s: StoreSnapshot, products: Sequence[ProductSnapshot]) -> VerdictStatus:  # noqa: PLR0912
        unknown = False
        if s.medal_level is None:
            unknown = True
        elif s.medal_level < medal:
            return INELIGIBLE
        if s.satisfaction is None:
            unknown = True
        elif s.satisfaction < satisfaction:
            return INELIGIBLE
        if s.products_online is None:
            unknown = True
        elif s.products_online < online:
            return INELIGIBLE
        if s.gmv_30d is None:
            unknown = True
        elif s.gmv_30d < gmv:
            return INELIGIBLE
        if s.buyers_30d is None:
            unknown = True
        elif s.buyers_30d < buyers:
            return INELIGIBLE
        if s.shipping_promise is None:
            unknown = True
        elif s.shipping_promise not in shipping:
            return INELIGIBLE
        if s.buyer_protection is None:
            unknown = True
        elif s.buyer_protection != protection:
            return INELIGIBLE
        if s.alipay_verified is None:
            unknown = True
        elif s.alipay_verified != alipay:
            return INELIGIBLE
        if s.member_since is None:
            unknown = True
        elif on < add_months(s.member_since, months):  # at least 3 months: the day counts
            return INELIGIBLE
        if s.dispute_rate_90d is None:
            unknown = True
        elif s.dispute_rate_90d > rate:
            return INELIGIBLE
        return UNKNOWN if unknown else ELIGIBLE

    return judge


def _samples(t: _Thresholds, key: str, on: dt.date, deadline_at: dt.datetime) -> Judge:
    p_ = Scope.PRODUCT
    free_sample = t.flag(key, "free-sample", "free_sample", p_)
    online_order = t.flag(key, "online-order", "online_order", p_)
    square = t.flag(key, "image-square", "image_square", p_)
    watermark = t.flag(key, "image-watermark", "image_watermark", p_)
    description = t.flag(key, "description", "description_complete", p_)
    price = t.number(key, "wholesale-price", "wholesale_price", Op.AT_LEAST, p_)
    sales = t.number(key, "sales-if-older", "sales_30d", Op.AT_LEAST, p_)
    older_than = t.condition(
        key, "sales-if-older", "applies_when", "listing_age_days", Op.MORE_THAN
    )
    sample_ratio = t.number(key, "sample-price", "sample_price_ratio", Op.AT_LEAST, p_)
    stock = t.number(key, "stock", "stock", Op.AT_LEAST, p_)
    competitiveness = t.number(key, "competitiveness", "competitiveness_score", Op.AT_LEAST, p_)

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
        # Sales are required only of a product listed more than 30 days ago.
        if p.sales_30d is not None and p.sales_30d >= sales:
            pass
        elif p.listed_at is None:
            outcome = UNSURE
        elif (on - p.listed_at).days > older_than:
            if p.sales_30d is None:
                outcome = UNSURE
            else:
                return FAIL
        # The sample at the wholesale price: sample / wholesale (to 0.0001, rounded down) >= 1.
        w = p.wholesale_price
        if p.sample_price is None or w is None or w == 0:
            outcome = UNSURE
        elif p.sample_price < sample_ratio * w:
            return FAIL
        if p.stock is None:
            outcome = UNSURE
        elif p.stock < stock:
            return FAIL
        if p.competitiveness_score is None:
            outcome = UNSURE
        elif p.competitiveness_score < competitiveness:
            return FAIL
        return outcome

    return lambda s, products: _tally(products, check)


MAKERS: dict[str, Callable[[_Thresholds, str, dt.date, dt.datetime], Judge]] = {
    "promo-327": _promotion,
    "promo-916": _promotion,
    "promo-1118": _promotion,
    "quarterly-new-arrivals": _new_arrivals,
    "quarterly-hot-sellers": _hot_sellers,
    "quarterly-clearance": _clearance,
    "monthly-sales": _invitation,
    "monthly-hot-items": _invitation,
    "monthly-core-promotion": _invitation,
    "monthly-top-sellers": _invitation,
    "monthly-origin": _invitation,
    "monthly-benchmark": _invitation,
    "daily-quick-order": _quick_order,
    "daily-group-wholesale": _group,
    "daily-group-buy": _group,
    "daily-mobile": _no_rules,
    "daily-samples": _samples,
}


def judges(catalog: Catalog, occurrences: Sequence[Occurrence], at: dt.datetime) -> list[Judge]:
    """One judge per occurrence, in their order, with the catalog's thresholds bound."""
    t = _Thresholds(catalog)
    found: list[Judge] = []
    for occurrence in occurrences:
        make = MAKERS.get(occurrence.activity)
        if make is None:
            raise CatalogChangedError(f"{occurrence.activity}: an activity the baseline lacks")
        on = at.astimezone(occurrence.tz).date()
        found.append(make(t, occurrence.activity, on, occurrence.deadline_at))
    t.check_complete([o.activity for o in occurrences])
    return found
