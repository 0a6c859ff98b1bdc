"""The view of verdicts in an email: criterion rows with bars, activity blocks, a store section.

A store section (`StoreSection`) is what one store contributes to a mail: its summary, the
notes that hold for all its blocks (stale data said once), and one `Block` per activity. The
templates lay sections out one after the other, so a mail can gather several stores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calendar_service.domain.catalog import Op
from calendar_service.domain.notes import EDITORS_NOTES
from calendar_service.domain.verdicts import Judgement, ProductVerdict, Verdict
from calendar_service.mail.message import CalendarLinks, single_line

BAR_CELLS = 10
CANDIDATES = 3
GREEN, RED, GREY, BLUE = "#16a34a", "#dc2626", "#9ca3af", "#2563eb"
STATUS_COLOR = {"eligible": GREEN, "ineligible": RED, "unknown": GREY, "invitation": BLUE}
BAR_COLOR = {"pass": GREEN, "fail": RED}  # grey otherwise
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
SIGNAL_MARKS = {True: "+", False: "·", None: "?"}  # present, absent, not judged
STATUS_MARKS = {"eligible": "✓", "ineligible": "✗", "unknown": "?", "invitation": "✉"}
# Failing rows first: what a reader must act on, then what cannot be told, then the rest.
ORDER = {"fail": 0, "unknown": 1, "pass": 2, "signal": 3}
# Notes about the store's data rather than one activity: said once per store section.
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


@dataclass(frozen=True)
class Candidate:
    title: str
    product_id: str
    status: str
    color: str
    fails: str


@dataclass(frozen=True)
class Block:
    """One activity's occurrence and the store's verdict for it."""

    name: str
    status_key: str  # the verdict's status, or "no-rules"
    status: str
    verdict: str  # the status in a few words, for a subject
    color: str
    mark: str
    signup: str
    deadline: str | None
    countdown: str | None  # None for a daily series: sign-up never closes
    event: str | None
    entry: str | None
    rows: tuple[Row, ...]
    met: str  # the passing requirements named on one line ("" when they are rows)
    notes: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    tips: tuple[str, ...]
    data_as_of: str | None  # None when the store section says it for every block
    why: str  # for the section's summary: the failing or missing criteria, or ""


@dataclass(frozen=True)
class SummaryLine:
    """One status of the store's summary and the activities in it ("不符合:伙拼(近30天买家数)")."""

    mark: str
    color: str
    label: str
    items: str


@dataclass(frozen=True)
class StoreSection:
    """One store's part of a mail."""

    name: str
    summary: tuple[SummaryLine, ...]
    notes: tuple[str, ...]
    data_as_of: str | None
    blocks: tuple[Block, ...]
    store_page: str | None  # the dashboard's page of the store
    calendar: CalendarLinks | None  # the feed offered for the store


def status_key(verdict: Verdict) -> str:
    """The status a reader should see: "no-rules" when unknown for want of rules, not data."""
    if verdict.status == "unknown" and any(n.code == NO_RULES for n in verdict.notes):
        return NO_RULES
    return verdict.status


def criterion_rows(
    verdict: Verdict, lang: str, condense: bool
) -> tuple[tuple[Row, ...], tuple[str, ...]]:
    """The rows, failing first; with `condense`, the passing requirements only by label."""
    ordered = sorted(verdict.criteria, key=lambda j: ORDER[j.status])
    shown = [j for j in ordered if not (condense and j.status == "pass")]
    met = tuple(j.label(lang) for j in ordered if condense and j.status == "pass")
    return tuple(criterion_row(j, verdict, lang) for j in shown), met


def criterion_row(j: Judgement, verdict: Verdict, lang: str) -> Row:
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


def why(t: Mapping[str, Any], verdict: Verdict, lang: str) -> str:
    """What keeps an activity from passing, for the summary: failing or missing criteria."""
    key = status_key(verdict)
    if key == NO_RULES:
        return ""  # the summary's heading says it
    wanted = {"ineligible": "fail", "unknown": "unknown"}.get(key)
    labels = [j.label(lang) for j in verdict.criteria if wanted and j.status == wanted]
    if key == "unknown" and not labels:
        return str(t["why_no_data"])
    return str(t["list_sep"]).join(labels)


def summary(t: Mapping[str, Any], blocks: Sequence[Block]) -> tuple[SummaryLine, ...]:
    """Which activities pass and which do not, failing first, each with its reason."""
    lines = []
    for key in ("ineligible", "unknown", NO_RULES, "eligible", "invitation"):
        found = [b for b in blocks if b.status_key == key]
        if not found:
            continue
        items = str(t["list_sep"]).join(
            b.name + (str(t["why"]).format(why=b.why) if b.why else "") for b in found
        )
        color = STATUS_COLOR.get(key, GREY)
        lines.append(SummaryLine(STATUS_MARKS.get(key, "?"), color, t["summary"][key], items))
    return tuple(lines)


def product_candidate(t: Mapping[str, Any], p: ProductVerdict, lang: str) -> Candidate:
    failing = [j.label(lang) for j in p.criteria if j.status == "fail"]
    return Candidate(
        title=single_line(p.title or "") or single_line(p.product_id),
        product_id=single_line(p.product_id),
        status=t["statuses"][p.status],
        color=STATUS_COLOR[p.status],
        fails=t["product_fails"].format(labels=t["list_sep"].join(failing)) if failing else "",
    )


def block_notes(verdict: Verdict, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The verdict's notes split into the activity's own and the store's (said once)."""
    own = tuple(
        n.text(lang)
        for n in verdict.notes
        if n.code not in STORE_NOTES and n.code not in EDITORS_NOTES
    )
    return own, tuple(n.text(lang) for n in verdict.notes if n.code in STORE_NOTES)
