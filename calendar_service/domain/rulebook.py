"""The catalog's criteria resolved once per activity, so evaluation never re-reads the catalog."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from calendar_service.domain import notes
from calendar_service.domain.catalog import Activity, Catalog, CriterionKind, Op, Scope
from calendar_service.domain.derived import SALES_BEFORE_DEADLINE
from calendar_service.domain.judging import Rule, compile_rule, qualifying_rule
from calendar_service.domain.verdicts import Note

# Store figures computed from the store's products.
PRODUCT_BASED = frozenset({"free_sample_share", "promotion_offered"})
# Failing requirements on these figures get a forecast, read from this column's history.
FORECAST_FROM = {"gmv_30d": "gmv_30d", "buyers_30d": "buyers_30d", SALES_BEFORE_DEADLINE: "gmv_30d"}
_CACHE_SIZE = 8


@dataclass(frozen=True, slots=True)
class ActivityRules:
    """One activity's criteria, resolved and sorted by what the evaluator does with them."""

    activity: Activity
    store_rules: tuple[Rule, ...]
    product_rules: tuple[Rule, ...]
    qualifying: Rule | None  # present when the activity has product requirements
    invitation_only: bool  # every criterion is an invitation signal
    # Whether product data can decide the status or the invitation signals (for staleness).
    reads_products: bool
    needs_sales_window: bool
    forecastable: tuple[Rule, ...]  # requirements a rising trend can be projected onto
    fixed_notes: tuple[Note, ...]  # notes that depend on the activity alone

    @property
    def key(self) -> str:
        return self.activity.key


def activity_rules(activity: Activity) -> ActivityRules:
    """Resolve one activity's criteria (done once per catalog, by `rulebook`)."""
    rules = [compile_rule(c) for c in activity.criteria]
    store = tuple(r for r in rules if r.criterion.scope is Scope.STORE)
    product = tuple(r for r in rules if r.criterion.scope is Scope.PRODUCT)
    has_product_requirements = any(r.kind is CriterionKind.REQUIREMENT for r in product)
    return ActivityRules(
        activity=activity,
        store_rules=store,
        product_rules=product,
        qualifying=qualifying_rule(activity) if has_product_requirements else None,
        invitation_only=bool(rules) and all(r.kind is CriterionKind.INVITATION for r in rules),
        reads_products=any(r.kind is not CriterionKind.ADVANTAGE for r in product)
        or any(
            r.figure.name in PRODUCT_BASED and r.kind is not CriterionKind.ADVANTAGE for r in store
        ),
        needs_sales_window=any(r.figure.name == SALES_BEFORE_DEADLINE for r in store),
        forecastable=tuple(
            r
            for r in store
            if r.kind is CriterionKind.REQUIREMENT
            and r.figure.name in FORECAST_FROM
            and r.criterion.op in (Op.AT_LEAST, Op.MORE_THAN)
        ),
        fixed_notes=(notes.NO_RULES,) * (not rules)
        + (notes.rules_assumed(activity),) * activity.rules_assumed,
    )


@dataclass(frozen=True, slots=True)
class Rulebook:
    catalog: Catalog
    activities: dict[str, ActivityRules]

    def rules(self, activity_key: str) -> ActivityRules:
        """The activity's rules; KeyError names the known keys."""
        found = self.activities.get(activity_key)
        if found is None:
            self.catalog.activity(activity_key)  # raises KeyError naming the known keys
            raise KeyError(activity_key)  # pragma: no cover - the catalog has every key
        return found


_books: list[Rulebook] = []
_lock = threading.Lock()


def rulebook(catalog: Catalog) -> Rulebook:
    """The catalog's rulebook, built on first use and kept for the few catalogs in use.

    Keyed by identity: hashing a catalog would walk every criterion on every call.
    """
    for book in _books:
        if book.catalog is catalog:
            return book
    book = Rulebook(catalog, {a.key: activity_rules(a) for a in catalog.activities})
    with _lock:
        _books.insert(0, book)
        del _books[_CACHE_SIZE:]
    return book
