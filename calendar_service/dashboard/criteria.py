"""A criterion as the dashboard's store page shows it: label, value, threshold, gap and a bar.

The page has room for a table of columns; a mail (calendar_service/mail/view.py) has not, and
says each criterion in one line instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calendar_service.domain.catalog import Op
from calendar_service.domain.figures import FigureType
from calendar_service.domain.formatting import SYMBOL, number, show, show_threshold
from calendar_service.domain.locale import Locale, locale_of
from calendar_service.domain.verdicts import Judgement, Verdict

GREEN, GREY = "#16a34a", "#9ca3af"
BAR_COLOR = {"pass": GREEN, "fail": "#dc2626"}  # grey otherwise
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
SIGNAL_MARKS = {True: "+", False: "·", None: "?"}  # present, absent, not judged
BAR_CELLS = 10


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


def criterion_row(j: Judgement, verdict: Verdict, lang: str) -> Row:
    locale, fig = locale_of(lang), j.figure
    forecast = verdict.forecast_for(j.key)
    percent = _percent(j)
    signal = j.status == "signal"
    filled = 0 if j.status == "unknown" or (signal and j.present is None) else percent // 10
    gap = "—"
    if j.gap is not None:
        gap = number(j.gap) if fig.type is FigureType.MEDAL else show(fig, j.gap, locale)
    return Row(
        mark=SIGNAL_MARKS[j.present] if signal else MARKS[j.status],
        label=j.label(lang),
        value=show(fig, j.value, locale),
        threshold=_threshold(j, locale),
        gap=gap,
        message=j.message(lang),
        forecast=None if forecast is None else forecast.message(lang),
        percent=percent,
        color=(GREEN if j.present else GREY) if signal else BAR_COLOR.get(j.status, GREY),
        bar="[" + "#" * filled + "-" * (BAR_CELLS - filled) + "]",
    )


def _threshold(j: Judgement, locale: Locale) -> str:
    op, threshold = j.criterion.op, j.threshold
    if isinstance(threshold, bool) and op is Op.EQUALS:
        return show(j.figure, threshold, locale)
    return f"{SYMBOL[op]} {show_threshold(j.figure, threshold, locale)}"


def _percent(j: Judgement) -> int:
    """The bar's width: value / threshold, capped at 100; a full bar when there is no ratio."""
    value, threshold = j.value, j.threshold
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return 100
    if not isinstance(threshold, Decimal) or threshold <= 0:
        return 100
    return int(min(max(Decimal(value) / threshold, Decimal(0)), Decimal(1)) * 100)
