"""What evaluation prepares once and shares: the catalog's criteria resolved once per activity
(so evaluation never re-reads the catalog), each occurrence's plan once per instant, and each
store's data once per store."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from calendar_service.domain import notes
from calendar_service.domain.candidates import tally
from calendar_service.domain.catalog import Activity, Catalog, CriterionKind, Op, Scope
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import (
    SALES_BEFORE_DEADLINE,
    Facts,
    SalesWindow,
    product_facts,
    store_facts,
    window_phase,
)
from calendar_service.domain.forecast import Trend, trend
from calendar_service.domain.judging import Rule, compile_rule, qualifying_rule
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Judgement, Note

# Store figures computed from the store's products.
PRODUCT_BASED = frozenset({"free_sample_share", "promotion_offered"})
# Failing requirements on these figures get a forecast, read from this column's history.
FORECAST_FROM = {"gmv_30d": "gmv_30d", "buyers_30d": "buyers_30d", SALES_BEFORE_DEADLINE: "gmv_30d"}
_CACHE_SIZE = 8
PLANS_KEPT = 1024  # occurrence plans kept (cleared when full: they are cheap to make again)
_WINDOWS = 4096  # sales windows kept per plan


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
    # The fixed notes and "no product data", for a store without products.
    notes_without_products: tuple[Note, ...] = ()
    # The "qualifying products" judgement of a store without products (always the same).
    no_qualifying_products: Judgement | None = None
    # Invitation notes of store signals, by which of them are present.
    invitation_notes: dict[tuple[bool, ...], Note] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        return self.activity.key


def activity_rules(activity: Activity) -> ActivityRules:
    """Resolve one activity's criteria (done once per catalog, by `rulebook`)."""
    rules = [compile_rule(c) for c in activity.criteria]
    store = tuple(r for r in rules if r.criterion.scope is Scope.STORE)
    product = tuple(r for r in rules if r.criterion.scope is Scope.PRODUCT)
    has_product_requirements = any(r.kind is CriterionKind.REQUIREMENT for r in product)
    qualifying = qualifying_rule(activity) if has_product_requirements else None
    fixed = (notes.NO_RULES,) * (not rules) + (notes.rules_assumed(activity),) * bool(
        activity.rules_assumed
    )
    return ActivityRules(
        activity=activity,
        store_rules=store,
        product_rules=product,
        qualifying=qualifying,
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
        fixed_notes=fixed,
        notes_without_products=fixed + (notes.NO_PRODUCT_DATA,) * bool(product),
        no_qualifying_products=None if qualifying is None else tally(qualifying, ()),
    )


class OccurrencePlan:
    """What evaluating one occurrence at one instant shares across stores: computed once."""

    __slots__ = (
        "at", "book", "deadline_at", "key", "notes_without_products", "occurrence", "on", "rules",
        "window_note", "windows",
    )  # fmt: skip

    def __init__(self, book: Rulebook, occurrence: Occurrence, at: dt.datetime) -> None:
        self.book, self.occurrence, self.at = book, occurrence, at
        self.rules = book.rules(occurrence.activity)
        self.key = occurrence.key
        self.deadline_at = occurrence.deadline_at
        self.on = at.astimezone(occurrence.tz).date()
        # The sales windows by the captured_at of the snapshot that measured them.
        self.windows: dict[dt.datetime | None, SalesWindow] = {}
        # The window's note: the same for every store (None once the window has closed).
        window = self.window(None)
        self.window_note = None if window.phase == "closed" else notes.sales_window(window)
        # A store's notes when it has data but no products (and the activity is no invitation).
        self.notes_without_products = self.rules.notes_without_products + (
            (self.window_note,) if self.window_note and self.rules.needs_sales_window else ()
        )

    def window(self, as_of: dt.datetime | None) -> SalesWindow:
        found = self.windows.get(as_of)
        if found is None:
            starts_at, phase = window_phase(self.deadline_at, self.at)
            found = SalesWindow(starts_at, self.deadline_at, as_of, phase)
            if len(self.windows) < _WINDOWS:
                self.windows[as_of] = found
        return found


PLANS: dict[int, OccurrencePlan] = {}


def plan(book: Rulebook, occurrence: Occurrence, at: dt.datetime) -> OccurrencePlan:
    """The occurrence's plan at `at`, kept by the occurrence's identity for the next store."""
    found = PLANS.get(id(occurrence))
    if (
        found is None
        or found.occurrence is not occurrence
        or found.book is not book
        or (found.at is not at and found.at != at)
    ):
        found = OccurrencePlan(book, occurrence, at)
        if len(PLANS) >= PLANS_KEPT:
            PLANS.clear()
        PLANS[id(occurrence)] = found
    return found


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


class StoreData:
    """One store's snapshots prepared once, for every occurrence evaluated at `at`."""

    __slots__ = (
        "_product_facts", "_stale", "_trends", "as_of_by_reads", "at", "facts", "no_data", "on",
        "products", "snapshots", "store", "store_id",
    )  # fmt: skip

    def __init__(
        self,
        store: StoreSnapshot | None,
        products: tuple[ProductSnapshot, ...],
        snapshots: tuple[StoreSnapshot, ...],  # the store and its history up to `at`, oldest first
        at: dt.datetime,
        on: dt.date,  # the evaluation day in the calendar's time zone
        facts: Facts,
        store_id: str,
    ) -> None:
        self.store, self.products, self.snapshots = store, products, snapshots
        self.at, self.on, self.facts, self.store_id = at, on, facts, store_id
        self.no_data = store is None and not products
        self._product_facts: list[Facts] | None = None
        self._trends: dict[str, Trend | None] = {}
        self._stale: dict[tuple[dt.datetime, dt.timedelta], Note] = {}
        # By whether the verdict reads products: its data_as_of, staleness and stale note.
        self.as_of_by_reads: dict[bool, tuple[dt.datetime | None, bool, Note | None]] = {}

    @classmethod
    def prepare(
        cls,
        store: StoreSnapshot | None,
        products: Sequence[ProductSnapshot],
        history: Sequence[StoreSnapshot],
        at: dt.datetime,
        on: dt.date,
        *,
        store_id: str | None = None,
    ) -> StoreData:
        if history:
            known = {id(s): s for s in history if s.captured_at <= at}
            if store is not None:
                known[id(store)] = store
            snapshots = tuple(sorted(known.values(), key=lambda s: s.captured_at))
        else:
            snapshots = () if store is None else (store,)
        products = tuple(products)
        shown_id = store_id or (
            store.store_id if store else products[0].store_id if products else ""
        )
        return cls(store, products, snapshots, at, on, store_facts(store, products, on), shown_id)

    def product_facts(self) -> list[Facts]:
        if self._product_facts is None:
            self._product_facts = [product_facts(p, self.on) for p in self.products]
        return self._product_facts

    @property
    def oldest(self) -> dt.datetime | None:
        """The oldest of the store and product snapshots."""
        times = [p.captured_at for p in self.products]
        if self.store is not None:
            times.append(self.store.captured_at)
        return min(times) if times else None

    def trend(self, column: str) -> Trend | None:
        if column not in self._trends:
            self._trends[column] = trend(self.snapshots, column, self.at)
        return self._trends[column]

    def stale_note(self, data_as_of: dt.datetime, stale_after: dt.timedelta) -> Note:
        key = (data_as_of, stale_after)
        if key not in self._stale:
            self._stale[key] = notes.stale(data_as_of, self.at, stale_after)
        return self._stale[key]

    def as_of(
        self, reads_products: bool, stale_after: dt.timedelta
    ) -> tuple[dt.datetime | None, bool, Note | None]:
        """The oldest snapshot a verdict read (the products' too when it reads them), whether
        that is stale, and the note saying so."""
        found = self.as_of_by_reads.get(reads_products)
        if found is None:
            if reads_products and self.products:
                data_as_of = self.oldest
            else:
                data_as_of = None if self.store is None else self.store.captured_at
            stale = data_as_of is not None and self.at - data_as_of > stale_after
            note = self.stale_note(data_as_of, stale_after) if stale and data_as_of else None
            found = self.as_of_by_reads[reads_products] = (data_as_of, stale, note)
        return found
