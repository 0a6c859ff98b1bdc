"""What evaluation prepares once and shares: the catalog's criteria resolved once per activity
(so evaluation never re-reads the catalog) and each occurrence's plan once per instant.

Data and the functions that make it: what is kept, and for how long, is the business of the
`domain.evaluator.Evaluator` that asks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from calendar_service.domain import notes
from calendar_service.domain.candidates import tally
from calendar_service.domain.catalog import (
    Activity,
    Catalog,
    Criterion,
    CriterionKind,
    Cycle,
    Op,
    Scope,
)
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import SALES_BEFORE_DEADLINE, SalesWindow, window_phase
from calendar_service.domain.holidays import HolidayCalendar, holiday_notes
from calendar_service.domain.judging import Memo, Rule, compile_rule, qualifying_rule
from calendar_service.domain.verdicts import Judgement, Note, VerdictStatus

LISTING_AGE = "listing_age_days"
# Store figures computed from the store's products.
PRODUCT_BASED = frozenset({"free_sample_share", "promotion_offered"})
# Failing requirements on these figures get a forecast, read from this column's history.
FORECAST_FROM = {"gmv_30d": "gmv_30d", "buyers_30d": "buyers_30d", SALES_BEFORE_DEADLINE: "gmv_30d"}
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
    # The status when no requirement fails or is unknown (no criteria at all: unknown).
    status_when_met: VerdictStatus
    fixed_notes: tuple[Note, ...]  # notes that depend on the activity alone
    # The fixed notes and "no product data", for a store without products.
    notes_without_products: tuple[Note, ...] = ()
    # The "qualifying products" judgement of a store without products (always the same).
    no_qualifying_products: Judgement | None = None
    # Listing age is counted on the day of sign-up (上架时间在30天内): activities with a window.
    ages_on_signup: bool = False

    @property
    def key(self) -> str:
        return self.activity.key


def activity_rules(activity: Activity, compiled: dict[Criterion, Rule]) -> ActivityRules:
    """Resolve one activity's criteria (done once per catalog, by `make_rulebook`).

    `compiled` holds the rules made for the catalog's other activities: an equal criterion (the
    yearly promotions share theirs) gets the same rule, so its judgements are memoised once.
    """
    for c in activity.criteria:
        if c not in compiled:
            compiled[c] = compile_rule(c)
    rules = [compiled[c] for c in activity.criteria]
    store = tuple(r for r in rules if r.criterion.scope is Scope.STORE)
    product = tuple(r for r in rules if r.criterion.scope is Scope.PRODUCT)
    has_product_requirements = any(r.kind is CriterionKind.REQUIREMENT for r in product)
    qualifying = qualifying_rule(activity) if has_product_requirements else None
    fixed = (notes.NO_RULES,) * (not rules) + (notes.rules_assumed(activity),) * bool(
        activity.rules_assumed
    )
    invitation_only = bool(rules) and all(r.kind is CriterionKind.INVITATION for r in rules)
    return ActivityRules(
        activity=activity,
        store_rules=store,
        product_rules=product,
        qualifying=qualifying,
        invitation_only=invitation_only,
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
        status_when_met="unknown" if not rules else "invitation" if invitation_only else "eligible",
        fixed_notes=fixed,
        notes_without_products=fixed + (notes.NO_PRODUCT_DATA,) * bool(product),
        no_qualifying_products=None if qualifying is None else tally(qualifying, ()),
        ages_on_signup=activity.cycle is not Cycle.DAILY
        and any(
            r.name == LISTING_AGE or (r.condition is not None and r.condition.figure == LISTING_AGE)
            for r in product
        ),
    )


class OccurrencePlan:
    """What evaluating one occurrence at one instant shares across stores: computed once.

    `memos` are the memos of the book's rules by the rules' identity (`id`), kept by whoever
    holds the plan (an `Evaluator`); a rule without one is judged afresh every time. A memo
    grows up to `memo_limit` judgements.
    """

    __slots__ = (
        "at", "book", "deadline_at", "deadline_utc", "holidays", "invitation_notes", "key",
        "memo_limit", "notes_without_products", "occurrence", "on", "product_judging", "rules",
        "signup_on", "store_judging", "window_notes", "windows",
    )  # fmt: skip

    def __init__(
        self,
        book: Rulebook,
        occurrence: Occurrence,
        at: dt.datetime,
        holidays: HolidayCalendar | None = None,
        memos: Mapping[int, Memo] | None = None,
        memo_limit: int = 0,
    ) -> None:
        self.book, self.occurrence, self.at, self.holidays = book, occurrence, at, holidays
        self.rules = rules = book.rules(occurrence.activity)
        memo = (memos or {}).get
        self.memo_limit = memo_limit
        # Each store rule with its memo, and that memo again when it is keyed by the value alone
        # (a hit then needs no call).
        self.store_judging: tuple[tuple[Rule, Memo | None, Memo | None], ...] = tuple(
            (r, memo(id(r)), memo(id(r)) if r.depends_on is None else None)
            for r in rules.store_rules
        )
        self.product_judging: tuple[tuple[Rule, Memo | None], ...] = tuple(
            (r, memo(id(r))) for r in rules.product_rules
        )
        self.key = occurrence.key
        self.deadline_at = occurrence.deadline_at
        # The same instant in UTC, the zone snapshots are read back in: comparing datetimes of
        # one zone skips a time zone lookup on each side (ten times faster).
        self.deadline_utc = self.deadline_at.astimezone(dt.UTC)
        self.on = at.astimezone(occurrence.tz).date()
        # The first day of sign-up still ahead: age rules count on it (today once it is open).
        self.signup_on = self.on
        if not occurrence.is_series and self.on < occurrence.opens_on:
            self.signup_on = occurrence.opens_on
        # The sales windows by the captured_at of the snapshot that measured them.
        self.windows: dict[dt.datetime | None, SalesWindow] = {}
        # The note on the window, for a verdict that judged the sales in it: the same for every
        # store (none once the window has closed).
        window = self.window(None)
        self.window_notes: tuple[Note, ...] = ()
        if self.rules.needs_sales_window and window.phase != "closed":
            self.window_notes = (notes.sales_window(window),)
        if holidays is not None and self.on <= occurrence.deadline_on:
            self.window_notes += holiday_notes(
                occurrence, holidays, self.rules.needs_sales_window and window.phase != "closed"
            )
        # A store's notes when it has data but no products (and the activity is no invitation).
        self.notes_without_products = self.rules.notes_without_products + self.window_notes
        # An invitation's notes for a store without products, by which signals are present.
        self.invitation_notes: dict[tuple[bool | None, ...], tuple[Note, ...]] = {}

    def window(self, as_of: dt.datetime | None) -> SalesWindow:
        found = self.windows.get(as_of)
        if found is None:
            starts_at, phase = window_phase(self.deadline_at, self.at)
            found = SalesWindow(starts_at, self.deadline_at, as_of, phase)
            if len(self.windows) < _WINDOWS:
                self.windows[as_of] = found
        return found


@dataclass(frozen=True, slots=True)
class Batch:
    """The plans of the occurrences a run of stores is evaluated for, at one instant."""

    book: Rulebook
    at: dt.datetime
    plans: tuple[OccurrencePlan, ...]
    days: tuple[dt.date, ...]  # the evaluation days, in the calendars' time zones: usually one


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


def make_rulebook(catalog: Catalog) -> Rulebook:
    """The catalog's criteria resolved, every activity's (an equal criterion once)."""
    compiled: dict[Criterion, Rule] = {}
    return Rulebook(catalog, {a.key: activity_rules(a, compiled) for a in catalog.activities})
