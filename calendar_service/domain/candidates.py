"""Product-level activities: each product judged, and the products ranked as candidates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from calendar_service.domain.catalog import CriterionKind, Op
from calendar_service.domain.derived import Facts
from calendar_service.domain.judging import Memo, Rule, judge, remember
from calendar_service.domain.verdicts import (
    Judgement,
    JudgementStatus,
    ProductTally,
    ProductVerdict,
    VerdictStatus,
)

if TYPE_CHECKING:
    from calendar_service.domain.rulebook import ActivityRules

REQUIREMENT = CriterionKind.REQUIREMENT
LISTING_AGE = "listing_age_days"


def judge_products(
    rules: ActivityRules,
    products: Iterable[Facts],
    counted_on: dt.date | None = None,
    judging: Sequence[tuple[Rule, Memo | None]] | None = None,
    memo_limit: int = 0,
) -> tuple[ProductVerdict, ...]:
    """Every product judged, best candidate first.

    Candidates rank by the product requirements they pass, then by how many advantage and
    invitation signals they show, then by the figures those signals read (more sales, more
    clicks, a lower discount); ties keep the input order. `judging` is each product rule with
    its memo (an `OccurrencePlan`'s `product_judging`), grown up to `memo_limit`; without it
    every judgement is made afresh.
    """
    if judging is None:
        judging = [(r, None) for r in rules.product_rules]
    verdicts = [_product(rules, judging, facts, counted_on, memo_limit) for facts in products]
    verdicts.sort(key=lambda v: v.score, reverse=True)  # reverse=True keeps the sort stable
    return tuple(verdicts)


def _product(
    rules: ActivityRules,
    judging: Sequence[tuple[Rule, Memo | None]],
    facts: Facts,
    counted_on: dt.date | None,
    limit: int,
) -> ProductVerdict:
    criteria: list[Judgement] = []
    ranks: list[Decimal] = []
    passed = signals = 0
    failed = unknown = False
    for rule, memo in judging:  # one pass: this runs for every product of every store
        j = judge(rule, facts) if memo is None else remember(rule, memo, facts, limit)
        if counted_on is not None and rule.name == LISTING_AGE:
            j = _aged(j, facts.get("listed_at"), counted_on)
        criteria.append(j)
        if rule.criterion.kind is REQUIREMENT:
            passed += j.status == "pass"
            failed = failed or j.status == "fail"
            unknown = unknown or j.status == "unknown"
        else:
            signals += bool(j.met)
            ranks.append(rule.rank(j.value))
    status: VerdictStatus = "eligible"
    if rules.qualifying is None:
        status = "invitation" if rules.invitation_only else "eligible"
    elif failed:
        status = "ineligible"
    elif unknown:
        status = "unknown"
    title = facts.get("title")
    return ProductVerdict(
        product_id=str(facts.get("product_id")),
        title=title if isinstance(title, str) else None,
        status=status,
        criteria=tuple(criteria),
        score=(Decimal(passed), Decimal(signals), *ranks),
    )


def _aged(j: Judgement, listed_at: object, counted_on: dt.date) -> Judgement:
    """A listing-age judgement counted on the sign-up day, with the last day it still qualifies."""
    until = None
    threshold = j.criterion.threshold
    if isinstance(listed_at, dt.date) and isinstance(threshold, Decimal):
        op = j.criterion.op
        if op in (Op.AT_MOST, Op.BELOW):
            days = int(threshold) - (1 if op is Op.BELOW else 0)
            until = listed_at + dt.timedelta(days=days)
    return j._replace(counted_on=counted_on, until=until)


def tally(rule: Rule, products: tuple[ProductVerdict, ...]) -> Judgement:
    """The store-level requirement: at least one product meets every product requirement."""
    passing = sum(1 for p in products if p.status == "eligible")
    unknown = sum(1 for p in products if p.status == "unknown")
    status: JudgementStatus = (
        "pass" if passing else "unknown" if unknown or not products else "fail"
    )
    met = None if status == "unknown" else status == "pass"
    return Judgement(
        rule.criterion,
        rule.figure,
        status,
        passing if products else None,
        met,
        gap=Decimal(1) if status == "fail" else None,
        tally=ProductTally(len(products), passing, unknown, products[0] if products else None),
    )
