"""Verdicts: what the eligibility engine says about one store and one occurrence.

A verdict carries every fact a reader needs (values, thresholds, gaps, which snapshot, which
catalog version), so the CLI, the feeds and the emails only format it. Messages are rendered on
demand in either locale (`message(locale)`), which keeps evaluating 100,000 stores cheap.

Verdicts, judgements and product verdicts are named tuples: immutable values like a frozen
dataclass, but made in one step (the engine makes 17 verdicts and dozens of judgements a store,
and a frozen dataclass sets each field through `object.__setattr__`, five times the cost).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple

from calendar_service.domain import formatting, wording
from calendar_service.domain.catalog import Criterion, CriterionKind, Source, Threshold
from calendar_service.domain.derived import FigureValue, SalesWindow
from calendar_service.domain.figures import Figure
from calendar_service.domain.locale import DEFAULT_LOCALE, locale_of

if TYPE_CHECKING:
    from calendar_service.domain.forecast import Forecast

JudgementStatus = Literal["pass", "fail", "unknown", "signal"]
VerdictStatus = Literal["eligible", "ineligible", "unknown", "invitation"]
# Why a judgement is not a plain comparison of its figure with its threshold.
Reason = Literal["waived", "not_applicable", "condition_unknown", "waiver_unknown"]


class ProductTally(NamedTuple):
    """How a store's products fared against an activity's product requirements."""

    total: int
    passing: int
    unknown: int
    best: ProductVerdict | None  # the best-ranked candidate, if any product was judged


class Judgement(NamedTuple):
    """One criterion judged against one snapshot.

    `status` is pass / fail / unknown for requirements and `signal` for advantages and
    invitations (`present` says whether the signal is there). A waived or not-applicable
    requirement passes, and `reason` says why.
    """

    criterion: Criterion
    figure: Figure
    status: JudgementStatus
    value: FigureValue
    met: bool | None = None  # whether the comparison itself holds; None when it cannot be told
    gap: Decimal | None = None  # in the figure's unit, only for a failed numeric requirement
    reason: Reason | None = None
    condition_value: FigureValue = None  # the waived_when / applies_when figure, when there is one
    passes_on: dt.date | None = None  # membership: the first day the requirement is met
    window: SalesWindow | None = None  # sales before the deadline: the window measured
    tally: ProductTally | None = None  # the "qualifying products" requirement
    # A listing age counted on the day of sign-up (上新: 上架时间在30天内), not the judging day:
    # that day, and the last day the product still qualifies.
    counted_on: dt.date | None = None
    until: dt.date | None = None

    @property
    def key(self) -> str:
        return self.criterion.key

    @property
    def label_zh(self) -> str:
        return self.criterion.label_zh

    @property
    def label_en(self) -> str:
        return self.criterion.label_en

    @property
    def kind(self) -> CriterionKind:
        return self.criterion.kind

    @property
    def threshold(self) -> Threshold:
        return self.criterion.threshold

    @property
    def source(self) -> Source:
        return self.criterion.source

    @property
    def present(self) -> bool | None:
        """For a signal: whether the advantage or invitation signal is there."""
        return self.met if self.status == "signal" else None

    @property
    def message_zh(self) -> str:
        return wording.judgement_message(self, "zh-CN")

    @property
    def message_en(self) -> str:
        return wording.judgement_message(self, "en")

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The criterion's label in `locale`."""
        return self.label_zh if formatting.is_zh(locale) else self.label_en

    def message(self, locale: str = DEFAULT_LOCALE) -> str:
        """The message in `locale` ('zh-CN' by default; any 'en…' locale gives English)."""
        return wording.judgement_message(self, locale_of(locale))


class ProductVerdict(NamedTuple):
    """One product judged against an activity's product criteria; `score` ranks candidates."""

    product_id: str
    title: str | None
    status: VerdictStatus
    criteria: tuple[Judgement, ...]
    score: tuple[Decimal, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A remark on a whole verdict: stale data, no data, assumed rules, invitation only…"""

    code: str  # stable identifier: "stale", "no-data", "no-rules", "rules-assumed", …
    text_zh: str
    text_en: str

    def text(self, locale: str = DEFAULT_LOCALE) -> str:
        """The note in `locale`."""
        return self.text_zh if formatting.is_zh(locale) else self.text_en


class Verdict(NamedTuple):
    """A store's eligibility for one occurrence of one activity, criterion by criterion."""

    store_id: str
    activity: str  # the activity key
    occurrence_key: str
    status: VerdictStatus
    data_as_of: dt.datetime | None  # the oldest snapshot the verdict read
    stale: bool
    catalog_version: str
    snapshot_captured_at: dt.datetime | None  # the store snapshot the verdict was made from
    criteria: tuple[Judgement, ...]  # store-level criteria, plus "qualifying-products"
    products: tuple[ProductVerdict, ...]  # best candidate first
    forecasts: tuple[Forecast, ...]
    notes: tuple[Note, ...]
    activity_name_zh: str = ""
    activity_name_en: str = ""

    def activity_name(self, locale: str = DEFAULT_LOCALE) -> str:
        """The activity's name in `locale`."""
        return self.activity_name_zh if formatting.is_zh(locale) else self.activity_name_en

    def failed(self) -> tuple[Judgement, ...]:
        """The requirements that failed (what is missing, for the email's first lines)."""
        return tuple(j for j in self.criteria if j.status == "fail")

    def unknown(self) -> tuple[Judgement, ...]:
        """The requirements that could not be judged (a figure is missing)."""
        return tuple(j for j in self.criteria if j.status == "unknown")

    def forecast_for(self, key: str) -> Forecast | None:
        """The forecast made for the criterion with this key, if any."""
        return next((f for f in self.forecasts if f.criterion == key), None)
