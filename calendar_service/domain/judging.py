"""Criteria resolved once per catalog, and judged one at a time against a snapshot's figures.

A `Rule` is a catalog criterion with its figure looked up and its comparison built, so judging
is a dictionary lookup and a comparison. Judgements of small-domain figures (yes/no, medal,
counts, one-decimal scores, membership by start date) repeat across stores, so a rule says
whether they may be memoised and by what (`memoised`, `depends_on`); the memo itself belongs to
whoever judges many stores (`domain.evaluator.Evaluator`) and is handed to `remember`. Money
figures are continuous (a memo would only miss) and are not memoised.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from calendar_service.domain.catalog import (
    Activity,
    Condition,
    Criterion,
    CriterionKind,
    Op,
    Scope,
    Source,
    Threshold,
)
from calendar_service.domain.derived import (
    MONTHS,
    SALES_BEFORE_DEADLINE,
    FigureValue,
    SalesWindow,
    membership_passes_on,
)
from calendar_service.domain.figures import Figure, FigureType, figure
from calendar_service.domain.verdicts import Judgement, JudgementStatus, Reason

Test = Callable[[Any], bool]  # values of one figure's type; the catalog loader checked the types
# Judgements of one rule by what they were judged from: the value, or (value, `depends_on`'s).
Memo = dict[object, Judgement]
UNRANKED = Decimal("-Infinity")
INTEGRAL = frozenset({FigureType.COUNT, FigureType.MEDAL})
# Figures whose judgement depends on more than the value and the condition's (a window).
UNMEMOISED = frozenset({SALES_BEFORE_DEADLINE})
# Figures whose values rarely repeat: a memo of them would only miss.
CONTINUOUS = frozenset({FigureType.MONEY})
# The figure a memoised judgement depends on besides its own: membership's date to pass on.
MEMO_ALSO = {MONTHS: "member_since"}
# Enum members read once: an attribute of an enum class goes through `EnumType.__getattr__`
# (Python 3.11), ten times slower than a global, and judging reads them for every store.
REQUIREMENT = CriterionKind.REQUIREMENT
AT_LEAST, MORE_THAN, AT_MOST, BELOW = Op.AT_LEAST, Op.MORE_THAN, Op.AT_MOST, Op.BELOW
UNORDERED = frozenset({Op.EQUALS, Op.NOT_EQUALS, Op.ONE_OF})
# `value op threshold` written `threshold op' value`, so that a test is one call in C.
_REFLECTED: dict[Op, Callable[[Any, Any], bool]] = {
    Op.AT_LEAST: operator.le,
    Op.MORE_THAN: operator.lt,
    Op.AT_MOST: operator.ge,
    Op.BELOW: operator.gt,
    Op.EQUALS: operator.eq,
    Op.NOT_EQUALS: operator.ne,
    Op.ONE_OF: operator.contains,
}
QUALIFYING_FIGURE = Figure(
    "qualifying_products", Scope.STORE, FigureType.COUNT, "符合条件的商品数", "qualifying products",
    unit_zh="件", unit_en="products", derived=True,
)  # fmt: skip


def comparison(op: Op, threshold: Threshold) -> Test:
    """The test `value op threshold` as a function of the value."""
    return partial(_REFLECTED[op], threshold)


@dataclass(frozen=True, slots=True)
class Rule:
    """A criterion ready to judge: its figure, its comparison, its condition's."""

    criterion: Criterion
    figure: Figure
    test: Test
    condition: Condition | None = None
    condition_figure: Figure | None = None
    condition_test: Test | None = None
    # Whether judgements may be memoised: the same values always give the same judgement.
    memoised: bool = False
    # The other figure a judgement depends on (the condition's, or the date membership began),
    # so a memo key is (value, its value); None: the value alone.
    depends_on: str | None = None
    # Whether the judgement depends on the value alone (no condition, no date to pass on).
    plain: bool = False
    unknown: Judgement | None = field(default=None, compare=False)  # a plain rule's, for None
    name: str = ""  # the figure's name

    @property
    def key(self) -> str:
        return self.criterion.key

    @property
    def kind(self) -> CriterionKind:
        return self.criterion.kind

    def rank(self, value: FigureValue) -> Decimal:
        """How well a value does for ranking candidates: higher is better, unknown is last."""
        if value is None:
            return UNRANKED
        op = self.criterion.op
        if isinstance(value, bool) or op in UNORDERED:
            return Decimal(1) if self.test(value) else Decimal(0)
        if not isinstance(value, Decimal | int):
            return UNRANKED
        return -Decimal(value) if op is AT_MOST or op is BELOW else Decimal(value)


def compile_rule(criterion: Criterion) -> Rule:
    """Resolve a catalog criterion (the loader has checked its figure and threshold)."""
    fig = figure(criterion.scope, criterion.figure)
    if fig is None:
        raise ValueError(f"criterion {criterion.key!r}: unknown figure {criterion.figure!r}")
    condition = criterion.waived_when or criterion.applies_when
    cond_fig = None if condition is None else figure(criterion.scope, condition.figure)
    if condition is not None and cond_fig is None:
        raise ValueError(f"criterion {criterion.key!r}: unknown figure {condition.figure!r}")
    memoised = fig.name not in UNMEMOISED and fig.type not in CONTINUOUS
    memoised = memoised and (cond_fig is None or cond_fig.name not in UNMEMOISED)
    plain = condition is None and fig.name not in MEMO_ALSO
    unknown_status: JudgementStatus = (
        "unknown" if criterion.kind is CriterionKind.REQUIREMENT else "signal"
    )
    depends_on = condition.figure if condition is not None else MEMO_ALSO.get(fig.name)
    return Rule(
        criterion=criterion,
        figure=fig,
        test=comparison(criterion.op, criterion.threshold),
        condition=condition,
        condition_figure=cond_fig,
        condition_test=None if condition is None else comparison(condition.op, condition.value),
        memoised=memoised,
        depends_on=depends_on,
        plain=plain,
        unknown=Judgement(criterion, fig, unknown_status, None) if plain else None,
        name=fig.name,
    )


def qualifying_rule(activity: Activity) -> Rule:
    """The store-level requirement "at least one product meets every product requirement"."""
    product_requirements = [
        c for c in activity.criteria
        if c.scope is Scope.PRODUCT and c.kind is CriterionKind.REQUIREMENT
    ]  # fmt: skip
    seed = all(c.source is Source.SEED for c in product_requirements)
    criterion = Criterion(
        key="qualifying-products", label_zh="符合条件的商品", label_en="qualifying products",
        kind=CriterionKind.REQUIREMENT, scope=Scope.STORE, figure=QUALIFYING_FIGURE.name,
        op=Op.AT_LEAST, threshold=Decimal(1), source=Source.SEED if seed else Source.ASSUMED,
    )  # fmt: skip
    test = comparison(Op.AT_LEAST, Decimal(1))
    return Rule(criterion, QUALIFYING_FIGURE, test, name=QUALIFYING_FIGURE.name)


def judge(rule: Rule, facts: Mapping[str, FigureValue]) -> Judgement:
    """Judge one criterion against a snapshot's figures (columns and derived figures)."""
    value = facts.get(rule.name)
    if rule.plain:
        return judge_value(rule, value)
    cond = None if rule.condition is None else facts.get(rule.condition.figure)
    return _judge(rule, value, cond, facts)


def remember(rule: Rule, memo: Memo, facts: Mapping[str, FigureValue], limit: int) -> Judgement:
    """`judge` for a memoised rule, looked up in its `memo` first; a judgement made afresh is
    kept there while the memo holds fewer than `limit` (a full memo stops growing: it is never
    cleared, so it cannot thrash)."""
    value = facts.get(rule.name)
    also = rule.depends_on
    key = value if also is None else (value, facts.get(also))
    found = memo.get(key)
    if found is not None:
        return found
    cond = None if rule.condition is None else facts.get(rule.condition.figure)
    judgement = _judge(rule, value, cond, facts)
    if len(memo) < limit:
        memo[key] = judgement
    return judgement


def judge_value(rule: Rule, value: FigureValue, window: SalesWindow | None = None) -> Judgement:
    """Judge a plain criterion (no condition, no date to pass on) against a value, unmemoised.

    `window` is the sales window the value was measured in, kept on the judgement.
    """
    if value is None and window is None and rule.unknown is not None:
        return rule.unknown
    c = rule.criterion
    met = None if value is None else rule.test(value)
    status: JudgementStatus = "signal"
    gap = None
    if c.kind is REQUIREMENT:
        status = "unknown" if met is None else "pass" if met else "fail"
        if status == "fail":
            gap = _gap(rule.figure, c.op, c.threshold, value)
    # Every field from one tuple: half the cost of a call with arguments (money is judged
    # afresh for every store).
    return Judgement._make(
        (c, rule.figure, status, value, met, gap, None, None, None, window, None, None, None)
    )


def _judge(
    rule: Rule, value: FigureValue, cond_value: FigureValue, facts: Mapping[str, FigureValue]
) -> Judgement:
    c = rule.criterion
    met = None if value is None else rule.test(value)
    condition: bool | None = None
    if rule.condition_test is not None and cond_value is not None:
        condition = rule.condition_test(cond_value)
    if c.kind is not REQUIREMENT:
        reason: Reason | None = None
        if c.applies_when is not None and condition is False:
            met, reason = None, "not_applicable"
        return Judgement(c, rule.figure, "signal", value, met, None, reason, cond_value)
    if rule.condition is not None and met is not True:
        outcome = _conditional(rule, met, condition, value, cond_value)
        if outcome is not None:
            return outcome
    if met is None:
        return Judgement(c, rule.figure, "unknown", value, None, None, None, cond_value)
    if met:
        return Judgement(c, rule.figure, "pass", value, True, None, None, cond_value)
    passes_on = None
    if rule.figure.name == MONTHS:
        since = facts.get("member_since")
        if isinstance(since, dt.date):
            passes_on = membership_passes_on(since, c.op, _decimal(c.threshold))
    gap = _gap(rule.figure, c.op, c.threshold, value)
    return Judgement(c, rule.figure, "fail", value, False, gap, None, cond_value, passes_on)


def _conditional(
    rule: Rule, met: bool | None, condition: bool | None, value: FigureValue, cond: FigureValue
) -> Judgement | None:
    """A waiver or a scope decides the outcome of a requirement the test alone does not pass."""
    c, fig = rule.criterion, rule.figure
    if c.waived_when is not None:
        if condition is True:
            return Judgement(c, fig, "pass", value, met, None, "waived", cond)
        if condition is None and met is False:
            return Judgement(c, fig, "unknown", value, met, None, "waiver_unknown", cond)
        return None
    if condition is False:
        return Judgement(c, fig, "pass", value, met, None, "not_applicable", cond)
    if condition is None:
        return Judgement(c, fig, "unknown", value, met, None, "condition_unknown", cond)
    return None


def _gap(fig: Figure, op: Op, threshold: Threshold, value: FigureValue) -> Decimal | None:
    """How far a failed numeric value is from passing, in the figure's unit.

    For whole-number figures a strict comparison needs one more step (fewer than 2 disputes
    means getting to 1); for decimals the gap is to the threshold itself ("more than" it).
    """
    if not isinstance(threshold, Decimal) or not isinstance(value, Decimal | int):
        return None
    step = 1 if fig.type in INTEGRAL else 0
    if op is AT_LEAST:
        return threshold - value
    if op is MORE_THAN:
        return threshold + step - value
    if op is AT_MOST:
        return value - threshold
    if op is BELOW:
        return value - threshold + step
    return None


def _decimal(threshold: Threshold) -> Decimal:
    if not isinstance(threshold, Decimal):
        raise TypeError(f"a numeric threshold was expected, not {threshold!r}")
    return threshold
