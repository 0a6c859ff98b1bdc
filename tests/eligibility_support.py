"""What the eligibility tests share: the shipped catalog, the instant they judge at, and
shortcuts to a verdict and its criteria."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Judgement, Verdict
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "activities.toml"
CATALOG = load_catalog(SHIPPED)
AT = dt.datetime(2027, 2, 1, 10, 0, tzinfo=CST)
TODAY = AT.date()
D = Decimal
QUICK, GROUP = "daily-quick-order", "daily-group-wholesale"
SAMPLES, CLEARANCE = "daily-samples", "quarterly-clearance"


def occurrence_of(activity: str, at: dt.datetime = AT) -> Occurrence:
    """The activity's first occurrence whose sign-up deadline is not yet past at `at`."""
    start = at.date()
    found = occurrences(CATALOG, start, start + dt.timedelta(days=400), CST)
    return next(o for o in found if o.activity == activity and o.deadline_at > at)


def verdict(
    activity: str,
    store: StoreSnapshot | None = None,
    products: Sequence[ProductSnapshot] = (),
    history: Sequence[StoreSnapshot] = (),
    at: dt.datetime = AT,
    occurrence: Occurrence | None = None,
) -> Verdict:
    occ = occurrence or occurrence_of(activity, at)
    return EVALUATOR.evaluate(CATALOG, activity, occ, store, products, history, at)


def judged(v: Verdict, key: str) -> Judgement:
    return next(j for j in v.criteria if j.key == key)


def failed_keys(v: Verdict) -> list[str]:
    return [j.key for j in v.failed()]
