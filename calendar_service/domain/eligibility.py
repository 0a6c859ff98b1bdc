"""Eligibility: a store's standing for an occurrence of an activity, criterion by criterion.

Pure: the snapshots and the instant `at` are arguments. The status rules (design.md): any failed
requirement makes the verdict `ineligible`; otherwise any unknown requirement makes it `unknown`;
an activity whose criteria are all invitation signals is `invitation`; otherwise `eligible`.
Advantages and invitation signals never fail a store. An activity with product requirements
needs at least one product that meets all of them (the "qualifying-products" requirement).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from calendar_service.domain import notes
from calendar_service.domain.candidates import judge_products, tally
from calendar_service.domain.catalog import Catalog, CriterionKind, Op
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import (
    SALES_BEFORE_DEADLINE,
    Facts,
    SalesWindow,
    product_facts,
    sales_window,
    store_facts,
)
from calendar_service.domain.forecast import Forecast, Trend, project, store_figure, trend
from calendar_service.domain.judging import judge
from calendar_service.domain.rulebook import FORECAST_FROM, ActivityRules, rulebook
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Judgement, Note, ProductVerdict, Verdict, VerdictStatus

DEFAULT_STALE_AFTER = dt.timedelta(days=7)
RISING_OPS = (Op.AT_LEAST, Op.MORE_THAN)
REQUIREMENT = CriterionKind.REQUIREMENT


@dataclass
class StoreData:
    """One store's snapshots prepared once, for every occurrence evaluated at `at`."""

    store: StoreSnapshot | None
    products: tuple[ProductSnapshot, ...]
    snapshots: tuple[StoreSnapshot, ...]  # the store and its history up to `at`, oldest first
    at: dt.datetime
    on: dt.date  # the evaluation day in the calendar's time zone
    facts: Facts
    store_id: str
    _product_facts: list[Facts] | None = field(default=None, repr=False)
    _trends: dict[str, Trend | None] = field(default_factory=dict, repr=False)
    _stale: dict[tuple[dt.datetime, dt.timedelta], Note] = field(default_factory=dict, repr=False)

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
        _require_aware(at)
        known = {id(s): s for s in history if s.captured_at <= at}
        if store is not None:
            known[id(store)] = store
        snapshots = tuple(sorted(known.values(), key=lambda s: s.captured_at))
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
    def no_data(self) -> bool:
        return self.store is None and not self.products

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


def evaluate(
    catalog: Catalog,
    activity_key: str,
    occurrence: Occurrence,
    store: StoreSnapshot | None,
    products: Sequence[ProductSnapshot],
    history: Sequence[StoreSnapshot],
    at: dt.datetime,
    stale_after: dt.timedelta = DEFAULT_STALE_AFTER,
    *,
    store_id: str | None = None,
) -> Verdict:
    """The store's verdict for one occurrence, judged from its latest snapshot at `at`.

    `store` is the latest store snapshot (None when there is none), `products` the latest
    snapshot of each of its products, `history` its earlier snapshots (for the sales window
    before a deadline and for forecasts; snapshots after `at` are ignored).
    """
    _require_aware(at)
    if occurrence.activity != activity_key:
        raise ValueError(f"occurrence {occurrence.key!r} is not of activity {activity_key!r}")
    rules = rulebook(catalog).rules(activity_key)
    on = at.astimezone(occurrence.tz).date()
    data = StoreData.prepare(store, products, history, at, on, store_id=store_id)
    return _evaluate(rules, catalog.version, occurrence, data, stale_after)


def evaluate_store(
    catalog: Catalog,
    occurrences: Iterable[Occurrence],
    store: StoreSnapshot | None,
    products: Sequence[ProductSnapshot],
    history: Sequence[StoreSnapshot],
    at: dt.datetime,
    stale_after: dt.timedelta = DEFAULT_STALE_AFTER,
    *,
    store_id: str | None = None,
) -> list[Verdict]:
    """The store's verdicts for many occurrences (in their order), its data prepared once."""
    _require_aware(at)
    book = rulebook(catalog)
    prepared: dict[dt.date, StoreData] = {}
    verdicts = []
    for occurrence in occurrences:
        on = at.astimezone(occurrence.tz).date()
        data = prepared.get(on)
        if data is None:
            data = prepared[on] = StoreData.prepare(
                store, products, history, at, on, store_id=store_id
            )
        rules = book.rules(occurrence.activity)
        verdicts.append(_evaluate(rules, catalog.version, occurrence, data, stale_after))
    return verdicts


def _require_aware(at: dt.datetime) -> None:
    if at.utcoffset() is None:
        raise ValueError(f"`at` must be timezone-aware, got {at!r}")


def _evaluate(
    rules: ActivityRules,
    version: str,
    occurrence: Occurrence,
    data: StoreData,
    stale_after: dt.timedelta,
) -> Verdict:
    facts, window = data.facts, None
    if rules.needs_sales_window:
        window, sales = sales_window(occurrence.deadline_at, data.snapshots, data.at)
        facts = {**facts, SALES_BEFORE_DEADLINE: sales}
    criteria = [judge(rule, facts) for rule in rules.store_rules]
    if window is not None:
        criteria = [_with_window(j, window) for j in criteria]
    products: tuple[ProductVerdict, ...] = ()
    if rules.product_rules and data.products:
        products = judge_products(rules, data.product_facts())
    if rules.qualifying is not None:
        criteria.append(tally(rules.qualifying, products))
    forecasts: tuple[Forecast, ...] = ()
    pace_notes: tuple[Note, ...] = ()
    if rules.forecastable and len(data.snapshots) > 1:
        forecasts, pace_notes = _forecasts(criteria, occurrence, data, window)
    data_as_of = _data_as_of(rules, data)
    stale = data_as_of is not None and data.at - data_as_of > stale_after
    found_notes = _notes(rules, criteria, products, data, window)
    if stale and data_as_of is not None:
        found_notes += (data.stale_note(data_as_of, stale_after),)
    activity = rules.activity
    return Verdict(
        store_id=data.store_id,
        activity=activity.key,
        occurrence_key=occurrence.key,
        status=_status(rules, criteria, data),
        data_as_of=data_as_of,
        stale=stale,
        catalog_version=version,
        snapshot_captured_at=None if data.store is None else data.store.captured_at,
        criteria=tuple(criteria),
        products=products,
        forecasts=forecasts,
        notes=found_notes + pace_notes,
        activity_name_zh=activity.name_zh,
        activity_name_en=activity.name_en,
    )


def _with_window(j: Judgement, window: SalesWindow) -> Judgement:
    if j.figure.name != SALES_BEFORE_DEADLINE:
        return j
    return Judgement(
        j.criterion, j.figure, j.status, j.value, j.met, j.gap, j.reason, j.condition_value,
        j.passes_on, window, j.tally,
    )  # fmt: skip


def _status(rules: ActivityRules, criteria: list[Judgement], data: StoreData) -> VerdictStatus:
    if not rules.activity.criteria or data.no_data:
        return "unknown"
    unknown = False
    for j in criteria:
        if j.criterion.kind is REQUIREMENT:
            if j.status == "fail":
                return "ineligible"
            unknown = unknown or j.status == "unknown"
    if unknown:
        return "unknown"
    return "invitation" if rules.invitation_only else "eligible"


def _data_as_of(rules: ActivityRules, data: StoreData) -> dt.datetime | None:
    """The oldest snapshot the verdict read: the store's, and its products' when it read them."""
    if rules.reads_products and data.products:
        return data.oldest
    return None if data.store is None else data.store.captured_at


def _forecasts(
    criteria: list[Judgement],
    occurrence: Occurrence,
    data: StoreData,
    window: SalesWindow | None,
) -> tuple[tuple[Forecast, ...], tuple[Note, ...]]:
    """Forecasts for failing sales and buyer requirements; a note where the trend is falling."""
    found: list[Forecast] = []
    falling: list[Note] = []
    for j in criteria:
        column = FORECAST_FROM.get(j.figure.name)
        if column is None or j.status != "fail" or j.criterion.op not in RISING_OPS:
            continue
        if j.window is not None and window is not None and window.phase == "closed":
            continue  # the window is measured; no pace can change it
        if not isinstance(j.threshold, Decimal):  # pragma: no cover - the loader ensures it
            continue
        pace = data.trend(column)
        deadline = None if occurrence.is_series else occurrence.deadline_at
        made = project(pace, j.threshold, deadline)
        if made is not None:
            found.append(replace(made, criterion=j.key))
        elif pace is not None and pace.falling:
            falling.append(notes.not_on_pace(store_figure(column), pace, j.threshold))
    return tuple(found), tuple(falling)


def _notes(
    rules: ActivityRules,
    criteria: list[Judgement],
    products: tuple[ProductVerdict, ...],
    data: StoreData,
    window: SalesWindow | None,
) -> tuple[Note, ...]:
    found = rules.fixed_notes
    if data.store is None:
        found += (notes.NO_DATA,)
    if rules.product_rules and not data.products:
        found += (notes.NO_PRODUCT_DATA,)
    if rules.invitation_only and not data.no_data:
        best = products[0] if products else None
        found += (notes.invitation(criteria, best, bool(rules.product_rules)),)
    if window is not None and window.phase != "closed":
        found += (notes.sales_window(window),)
    return found
