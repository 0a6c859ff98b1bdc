"""Eligibility: a store's standing for an occurrence of an activity, criterion by criterion.

Pure: the snapshots and the instant `at` are arguments. The status rules (design.md): any failed
requirement makes the verdict `ineligible`; otherwise any unknown requirement makes it `unknown`;
an activity whose criteria are all invitation signals is `invitation`; otherwise `eligible`.
Advantages and invitation signals never fail a store. An activity with product requirements
needs at least one product that meets all of them (the "qualifying-products" requirement).

The functions here judge a store on plans made beforehand (`rulebook`); `domain.evaluator`'s
`Evaluator` makes the plans, keeps them and the memos for the stores that follow, and is what
callers use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from operator import attrgetter

from calendar_service.domain import notes
from calendar_service.domain.candidates import judge_products, tally
from calendar_service.domain.catalog import Op
from calendar_service.domain.derived import (
    SALES_BEFORE_DEADLINE,
    chosen_snapshot,
    listing_age_days,
)
from calendar_service.domain.forecast import Forecast, project, store_figure
from calendar_service.domain.judging import Rule, judge, judge_value, remember
from calendar_service.domain.rulebook import (
    FORECAST_FROM,
    LISTING_AGE,
    Batch,
    OccurrencePlan,
)
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.store_data import StoreData
from calendar_service.domain.verdicts import Judgement, Note, ProductVerdict, Verdict

DEFAULT_STALE_AFTER = dt.timedelta(days=7)
RISING_OPS = (Op.AT_LEAST, Op.MORE_THAN)
_MET = attrgetter("met")


def evaluate_plan(
    plan: OccurrencePlan,
    store: StoreSnapshot | None,
    products: Sequence[ProductSnapshot],
    history: Sequence[StoreSnapshot],
    at: dt.datetime,
    stale_after: dt.timedelta = DEFAULT_STALE_AFTER,
    *,
    store_id: str | None = None,
) -> Verdict:
    """The store's verdict for the plan's occurrence, judged from its latest snapshot at `at`.

    `store` is the latest store snapshot (None when there is none), `products` the latest
    snapshot of each of its products, `history` its earlier snapshots (for the sales window
    before a deadline and for forecasts; snapshots after `at` are ignored).
    """
    require_aware(at)
    catalog = plan.book.catalog
    data = StoreData.prepare(
        store, products, history, at, plan.on, stale_after,
        store_id=store_id, discount=catalog.promotion_discount,
    )  # fmt: skip
    return _evaluate(plan, catalog.version, data)


def evaluate_batch(
    batch: Batch,
    store: StoreSnapshot | None,
    products: Sequence[ProductSnapshot],
    history: Sequence[StoreSnapshot],
    at: dt.datetime,
    stale_after: dt.timedelta = DEFAULT_STALE_AFTER,
    *,
    store_id: str | None = None,
) -> list[Verdict]:
    """The store's verdicts for the batch's plans (in their order), its data prepared once."""
    require_aware(at)
    catalog = batch.book.catalog
    by_day: dict[dt.date, StoreData] = {}
    for on in batch.days:
        by_day[on] = StoreData.prepare(
            store, products, history, at, on, stale_after,
            store_id=store_id, discount=catalog.promotion_discount,
        )  # fmt: skip
    version = catalog.version
    return [_evaluate(p, version, by_day[p.on]) for p in batch.plans]


def require_aware(at: dt.datetime) -> None:
    """ValueError unless `at` is timezone-aware: a verdict is judged at an instant."""
    if at.utcoffset() is None:
        raise ValueError(f"`at` must be timezone-aware, got {at!r}")


def _evaluate(plan: OccurrencePlan, version: str, data: StoreData) -> Verdict:
    """One verdict: this runs for every occurrence of every store, so it takes the short ways."""
    rules, facts, limit = plan.rules, data.facts, plan.memo_limit
    criteria: list[Judgement] = []
    failed = unknown = False
    for rule, memo, by_value in plan.store_judging:
        if by_value is not None:  # a memo hit needs no call
            j = by_value.get(facts.get(rule.name)) or remember(rule, by_value, facts, limit)
        elif rule.name == SALES_BEFORE_DEADLINE:
            j = _sales(plan, rule, data)
        elif rule.plain:  # money: its values rarely repeat and are costly to hash
            j = judge_value(rule, facts.get(rule.name))
        else:
            j = judge(rule, facts) if memo is None else remember(rule, memo, facts, limit)
        criteria.append(j)
        status = j.status  # advantages and invitations are "signal": they never fail a store
        if status == "fail":
            failed = True
        elif status == "unknown":
            unknown = True
    products: tuple[ProductVerdict, ...] = ()
    qualifying = rules.no_qualifying_products
    if data.products:
        products, qualifying = _products(plan, data)
    if qualifying is not None:
        criteria.append(qualifying)
        failed = failed or qualifying.status == "fail"
        unknown = unknown or qualifying.status == "unknown"
    data_as_of, stale, stale_note = (
        data.as_of_products if rules.reads_products else data.as_of_store
    )
    found_notes = (
        plan.notes_without_products  # the common case, the same for every store
        if data.without_products and not rules.invitation_only
        else _notes(plan, criteria, products, data)
    )
    if failed and (
        assumed := notes.assumed_failures(
            rules.activity.key, criteria, products[0] if products else None
        )
    ):
        found_notes += (assumed,)
    if stale_note is not None:
        found_notes += (stale_note,)
    forecasts: tuple[Forecast, ...] = ()
    if rules.forecastable and data.has_history:
        forecasts, pace_notes = _forecasts(criteria, plan, data)
        found_notes += pace_notes
    activity = rules.activity
    return Verdict._make((  # from a tuple: twice as fast as a call with 14 arguments
        data.store_id, activity.key, plan.key,
        "unknown" if data.no_data
        else "ineligible" if failed
        else "unknown" if unknown
        else rules.status_when_met,
        data_as_of, stale, version, data.captured_at, tuple(criteria), products, forecasts,
        found_notes, activity.name_zh, activity.name_en,
    ))  # fmt: skip


def _sales(plan: OccurrencePlan, rule: Rule, data: StoreData) -> Judgement:
    """Sales in the window before the deadline: the latest snapshot at or before it."""
    chosen = chosen_snapshot(plan.deadline_utc, data.snapshots)
    window = plan.window(None if chosen is None else chosen.captured_at)
    return judge_value(rule, None if chosen is None else chosen.gmv_30d, window)


def _products(
    plan: OccurrencePlan, data: StoreData
) -> tuple[tuple[ProductVerdict, ...], Judgement | None]:
    """The store's products judged, best candidate first, and the "qualifying products" one.

    An activity whose window opens later counts listing ages on its first sign-up day.
    """
    rules = plan.rules
    facts = data.product_facts()
    counted_on = plan.signup_on if rules.ages_on_signup else None
    if counted_on is not None and counted_on != data.on:
        facts = [
            {**f, LISTING_AGE: listing_age_days(_date(f.get("listed_at")), counted_on)}
            for f in facts
        ]
    products: tuple[ProductVerdict, ...] = ()
    if rules.product_rules:
        products = judge_products(rules, facts, counted_on, plan.product_judging, plan.memo_limit)
    return products, None if rules.qualifying is None else tally(rules.qualifying, products)


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _forecasts(
    criteria: list[Judgement], plan: OccurrencePlan, data: StoreData
) -> tuple[tuple[Forecast, ...], tuple[Note, ...]]:
    """Forecasts for failing sales and buyer requirements; a note where the trend is falling."""
    found: list[Forecast] = []
    falling: list[Note] = []
    for j in criteria:
        column = FORECAST_FROM.get(j.figure.name)
        if column is None or j.status != "fail" or j.criterion.op not in RISING_OPS:
            continue
        if j.window is not None and j.window.phase == "closed":
            continue  # the window is measured; no pace can change it
        if not isinstance(j.threshold, Decimal):  # pragma: no cover - the loader ensures it
            continue
        pace = data.trend(column)
        deadline = None if plan.occurrence.is_series else plan.deadline_at
        made = project(pace, j.threshold, deadline)
        if made is not None:
            found.append(replace(made, criterion=j.key))
        elif pace is not None and pace.falling:
            falling.append(notes.not_on_pace(store_figure(column), pace, j.threshold))
    return tuple(found), tuple(falling)


def _notes(
    plan: OccurrencePlan,
    criteria: list[Judgement],
    products: tuple[ProductVerdict, ...],
    data: StoreData,
) -> tuple[Note, ...]:
    rules = plan.rules
    if rules.invitation_only and data.store is not None and not data.products:
        # Without products, an invitation's notes depend only on which signals are present.
        present = tuple(map(_MET, criteria))
        found = plan.invitation_notes.get(present)
        if found is None:
            invitation = notes.invitation(criteria, None, bool(rules.product_rules))
            found = (*rules.notes_without_products, invitation, *plan.window_notes)
            plan.invitation_notes[present] = found
        return found
    # A store with data and no products is handled above or by `_evaluate` (not called then).
    found = rules.fixed_notes
    if data.store is None:
        found += (notes.NO_DATA,)
    if rules.product_rules and not data.products:
        found += (notes.NO_PRODUCT_DATA,)
    if rules.invitation_only and not data.no_data:
        best = products[0] if products else None
        found += (notes.invitation(criteria, best, bool(rules.product_rules)),)
    return found + plan.window_notes
