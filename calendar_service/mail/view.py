"""The view of a verdict in an email: its status's mark and colour, and a row per criterion
with its one-line explanation and a bar of how far the store is towards meeting it.

`mail/day_view.py` lays these out in the day's message, store by store.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calendar_service.domain.catalog import Op
from calendar_service.domain.locale import Locale
from calendar_service.domain.verdicts import Judgement, Verdict

BAR_CELLS = 10
GREEN, RED, GREY, BLUE = "#16a34a", "#dc2626", "#9ca3af", "#2563eb"
STATUS_COLOR = {"eligible": GREEN, "ineligible": RED, "unknown": GREY, "invitation": BLUE}
BAR_COLOR = {"pass": GREEN, "fail": RED}  # grey otherwise
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
SIGNAL_MARKS = {True: "+", False: "·", None: "?"}  # present, absent, not judged
STATUS_MARKS = {"eligible": "✓", "ineligible": "✗", "unknown": "?", "invitation": "✉"}
# Failing rows first: what a reader must act on, then what cannot be told, then the rest.
ORDER = {"fail": 0, "unknown": 1, "pass": 2, "signal": 3}
# Notes about the store's data rather than one activity: what to import before anything else.
STORE_NOTES = frozenset({"stale", "no-data", "no-product-data"})
NO_RULES = "no-rules"  # the verdict's status key when the source gives the activity no rules
AT_MOST = (Op.AT_MOST, Op.BELOW)
AT_LEAST = (Op.AT_LEAST, Op.MORE_THAN)


@dataclass(frozen=True)
class Row:
    """One criterion as the email shows it: its one-line explanation, once, and a bar."""

    mark: str  # ✓ ✗ ? for requirements; + (present), · (absent), ? for signals
    text: str  # the judgement's message: label, value, comparison and what it takes
    forecast: str | None
    percent: int | None  # progress towards passing; None where a bar tells nothing
    color: str
    bar: str  # the text part's "[#####-----] ", or "" without a bar


def status_key(verdict: Verdict) -> str:
    """The status a reader should see: "no-rules" when unknown for want of rules, not data."""
    if verdict.status == "unknown" and any(n.code == NO_RULES for n in verdict.notes):
        return NO_RULES
    return verdict.status


def criterion_row(j: Judgement, verdict: Verdict, lang: Locale) -> Row:
    forecast = verdict.forecast_for(j.key)
    signal = j.status == "signal"
    percent = progress(j)
    filled = 0 if percent is None else percent // 10
    return Row(
        mark=SIGNAL_MARKS[j.met] if signal else MARKS[j.status],
        text=j.message(lang),
        forecast=None if forecast is None else forecast.message(lang),
        percent=percent,
        color=(GREEN if j.met else GREY) if signal else BAR_COLOR.get(j.status, GREY),
        bar="" if percent is None else "[" + "#" * filled + "-" * (BAR_CELLS - filled) + "] ",
    )


def progress(j: Judgement) -> int | None:
    """How far the store is towards meeting a numeric criterion, 0-100; a met one is full.

    "At most" criteria count the other way (threshold / value): a dispute rate of 0 against
    "≤ 0.01%" is a full bar, not an empty one. A figure not met never shows full.
    """
    value, threshold, op = j.value, j.threshold, j.criterion.op
    if isinstance(value, bool) or not isinstance(value, int | Decimal) or j.met is None:
        return None
    if not isinstance(threshold, Decimal) or op not in AT_LEAST + AT_MOST:
        return None
    if j.status == "pass" or (j.status == "signal" and j.met):
        return 100
    amount = Decimal(value)
    if op in AT_LEAST:
        ratio = amount / threshold if threshold > 0 else Decimal(0)
    else:
        ratio = threshold / amount if amount > 0 else Decimal(0)
    return min(int(max(ratio, Decimal(0)) * 100), 99)


def store_notes(verdict: Verdict, lang: Locale) -> tuple[str, ...]:
    """The verdict's notes about the store's data (stale, missing), not about the activity."""
    return tuple(n.text(lang) for n in verdict.notes if n.code in STORE_NOTES)
