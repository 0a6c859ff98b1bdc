"""The activity catalog as domain objects: what the service knows about each 1688 activity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Cycle(StrEnum):
    YEARLY = "yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    DAILY = "daily"


class CriterionKind(StrEnum):
    REQUIREMENT = "requirement"  # 门槛: pass / fail against a threshold
    ADVANTAGE = "advantage"  # 优势: raises the chance of approval, never a failure
    INVITATION = "invitation"  # 邀约: a signal that makes an invitation likely


class Scope(StrEnum):
    STORE = "store"
    PRODUCT = "product"


class Source(StrEnum):
    SEED = "seed"  # stated by the source document
    ASSUMED = "assumed"  # a default the seed does not give; editable in the catalog


class Op(StrEnum):
    AT_LEAST = ">="
    MORE_THAN = ">"
    AT_MOST = "<="
    BELOW = "<"
    EQUALS = "=="
    NOT_EQUALS = "!="
    ONE_OF = "in"


Threshold = Decimal | bool | str | tuple[str, ...]


@dataclass(frozen=True)
class Condition:
    """A plain comparison of one figure, used to waive or to scope a criterion."""

    figure: str
    op: Op
    value: Threshold


@dataclass(frozen=True)
class Criterion:
    key: str
    label_zh: str
    label_en: str
    kind: CriterionKind
    scope: Scope
    figure: str
    op: Op
    threshold: Threshold
    source: Source
    unit: str = ""
    # The seed's exceptions: the test is waived when this holds (快订: exactly one dispute).
    waived_when: Condition | None = None
    # The test only applies when this holds (样品: listed more than 30 days ago must have sales).
    applies_when: Condition | None = None
    note_zh: str = ""
    note_en: str = ""
    # The deck's own words this criterion encodes (its comparison word decides `op`).
    deck: str = ""
    # An exception granted on approval (快订: 经阿里巴巴审核同意的除外), said on failure.
    exception_zh: str = ""
    exception_en: str = ""


@dataclass(frozen=True)
class YearlyWindow:
    """One promotion a year, named for its event date (327, 916, 1118)."""

    event_month: int
    event_day: int
    opens_days_before: int
    deadline_days_before: int
    event_days: int
    assumed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuarterlyWindow:
    """Sign-up in the quarter's first month; the activity runs one whole month of the quarter."""

    opens_day: int
    deadline_day: int
    event_month_of_quarter: int
    assumed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MonthlyWindow:
    """Sign-up in the month before; the activity runs the whole month."""

    opens_day: int
    deadline_day: int
    assumed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DailyWindow:
    """Sign-up open every day: one rolling daily series."""

    assumed: frozenset[str] = frozenset()


WindowRule = YearlyWindow | QuarterlyWindow | MonthlyWindow | DailyWindow


@dataclass(frozen=True)
class Activity:
    key: str
    name_zh: str
    name_en: str
    cycle: Cycle
    window: WindowRule
    summary_zh: str = ""
    summary_en: str = ""
    entry_uv: int | None = None
    entry_uv_note_zh: str = ""  # a remark on the entry traffic, in each language
    entry_uv_note_en: str = ""
    tips_zh: tuple[str, ...] = ()
    tips_en: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    # Reminder offsets before the sign-up deadline, in days (configurable per activity).
    remind_days_before: tuple[int, ...] = (7, 1)
    rules_assumed: bool = False  # the seed gives no rules; the catalog borrowed or left them out
    note_zh: str = ""
    note_en: str = ""

    @property
    def entry_uv_note(self) -> str:
        """The remark on the entry traffic in both languages, for a text that has one language
        for all its readers ("一页资料写10万左右 (one slide says about 100,000)")."""
        zh, en = self.entry_uv_note_zh, self.entry_uv_note_en
        return zh if not en or en == zh else en if not zh else f"{zh} ({en})"

    @property
    def judged_per_product(self) -> bool:
        return any(c.scope is Scope.PRODUCT for c in self.criteria)

    @property
    def invitation_only(self) -> bool:
        """Every criterion is an invitation signal: the platform invites, nobody signs up."""
        return bool(self.criteria) and all(
            c.kind is CriterionKind.INVITATION for c in self.criteria
        )


@dataclass(frozen=True)
class DateOverride:
    """Real dates the platform announced for one occurrence, replacing the window rule."""

    activity: str
    period: str
    opens_on: dt.date
    deadline_on: dt.date
    event_starts_on: dt.date
    event_ends_on: dt.date


@dataclass(frozen=True)
class Catalog:
    version: str
    activities: tuple[Activity, ...]
    overrides: tuple[DateOverride, ...] = ()
    source: str = ""
    # The discount that counts as a promotion (年度大促's 促销折扣: 包邮、9折、满减等).
    promotion_discount: Decimal = Decimal("0.9")
    promotion_discount_source: Source = Source.SEED
    _by_key: dict[str, Activity] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._by_key.update({a.key: a for a in self.activities})

    def activity(self, key: str) -> Activity:
        """The activity with this key; KeyError names the known keys."""
        try:
            return self._by_key[key]
        except KeyError:
            known = ", ".join(sorted(self._by_key))
            raise KeyError(f"unknown activity {key!r}; known: {known}") from None

    def override(self, activity: str, period: str) -> DateOverride | None:
        for o in self.overrides:
            if o.activity == activity and o.period == period:
                return o
        return None

    def in_cycle(self, cycle: Cycle | None) -> tuple[Activity, ...]:
        return tuple(a for a in self.activities if cycle is None or a.cycle is cycle)
