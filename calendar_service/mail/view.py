"""The view of a verdict in an email: criterion rows with bars, candidates, blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calendar_service.domain.catalog import Op
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.figures import FigureType
from calendar_service.domain.formatting import SYMBOL, is_zh, number, show, show_threshold
from calendar_service.domain.verdicts import Judgement, ProductVerdict, Verdict
from calendar_service.mail.message import single_line

BAR_CELLS = 10
CANDIDATES = 3
GREEN, RED, GREY, BLUE = "#16a34a", "#dc2626", "#9ca3af", "#2563eb"
STATUS_COLOR = {"eligible": GREEN, "ineligible": RED, "unknown": GREY, "invitation": BLUE}
BAR_COLOR = {"pass": GREEN, "fail": RED}  # grey otherwise
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
SIGNAL_MARKS = {True: "+", False: "·", None: "?"}  # present, absent, not judged


@dataclass(frozen=True)
class Row:
    """One criterion as the email shows it."""

    mark: str  # ✓ ✗ ? for requirements; + (present), · (absent), ? for signals
    label: str
    value: str
    threshold: str
    gap: str
    message: str
    forecast: str | None
    percent: int  # value / threshold, capped at 100
    color: str
    bar: str  # the text part's [#####-----]


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
    status: str
    verdict: str  # the status in a few words, for a subject
    color: str
    signup: str
    deadline: str | None
    countdown: str
    event: str | None
    entry: str | None
    rows: tuple[Row, ...]
    notes: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    tips: tuple[str, ...]
    data_as_of: str | None


def countdown_text(t: Mapping[str, Any], occurrence: Occurrence, today: dt.date) -> str:
    if today < occurrence.opens_on:
        return str(t["opens_in"].format(days=(occurrence.opens_on - today).days))
    days = (occurrence.deadline_on - today).days
    if days < 0:
        return str(t["closed"])
    if days == 0:
        return str(t["closes_today"])
    return str(t["day_left"] if days == 1 else t["days_left"].format(days=days))


def criterion_row(j: Judgement, verdict: Verdict, lang: str) -> Row:
    zh, fig = is_zh(lang), j.figure
    forecast = verdict.forecast_for(j.key)
    percent = _percent(j)
    signal = j.status == "signal"
    filled = 0 if j.status == "unknown" or (signal and j.present is None) else percent // 10
    gap = "—"
    if j.gap is not None:
        gap = number(j.gap) if fig.type is FigureType.MEDAL else show(fig, j.gap, zh)
    return Row(
        mark=SIGNAL_MARKS[j.present] if signal else MARKS[j.status],
        label=j.label(lang),
        value=show(fig, j.value, zh),
        threshold=_threshold(j, zh),
        gap=gap,
        message=j.message(lang),
        forecast=None if forecast is None else forecast.message(lang),
        percent=percent,
        color=(GREEN if j.present else GREY) if signal else BAR_COLOR.get(j.status, GREY),
        bar="[" + "#" * filled + "-" * (BAR_CELLS - filled) + "]",
    )


def _threshold(j: Judgement, zh: bool) -> str:
    op, threshold = j.criterion.op, j.threshold
    if isinstance(threshold, bool) and op is Op.EQUALS:
        return show(j.figure, threshold, zh)
    return f"{SYMBOL[op]} {show_threshold(j.figure, threshold, zh)}"


def _percent(j: Judgement) -> int:
    """The bar's width: value / threshold, capped at 100; a full bar when there is no ratio."""
    value, threshold = j.value, j.threshold
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return 100
    if not isinstance(threshold, Decimal) or threshold <= 0:
        return 100
    return int(min(max(Decimal(value) / threshold, Decimal(0)), Decimal(1)) * 100)


def product_candidate(t: Mapping[str, Any], p: ProductVerdict, lang: str) -> Candidate:
    failing = [j.label(lang) for j in p.criteria if j.status == "fail"]
    return Candidate(
        title=single_line(p.title or "") or single_line(p.product_id),
        product_id=single_line(p.product_id),
        status=t["statuses"][p.status],
        color=STATUS_COLOR[p.status],
        fails=t["product_fails"].format(labels=t["list_sep"].join(failing)) if failing else "",
    )
