"""Forecasts: when a failing figure will pass at the store's current pace.

The pace is the least-squares slope, per day, of the figure over the store's snapshots. Only a
rising trend gives a forecast; a flat or falling one gives none (`trend` still reports it, so a
verdict can say the store is not on pace).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from calendar_service.domain.catalog import Scope
from calendar_service.domain.figures import Figure, figure
from calendar_service.domain.formatting import (
    date_in,
    day_text,
    last_day,
    show,
)
from calendar_service.domain.locale import DEFAULT_LOCALE, Locale, locale_of
from calendar_service.domain.snapshots import StoreSnapshot

DAY_SECONDS = 86400.0
MAX_DAYS = 3650  # a pace that needs ten years is no pace
_SLOPE_STEP = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Trend:
    """A figure's least-squares slope per day over the snapshots that have it."""

    figure: str
    slope_per_day: float
    points: int
    latest: Decimal  # the newest snapshot's value
    as_of: dt.datetime  # the newest snapshot's captured_at

    @property
    def rising(self) -> bool:
        return self.slope_per_day > 0

    @property
    def falling(self) -> bool:
        return self.slope_per_day < 0


def trend(history: Sequence[StoreSnapshot], figure_name: str, at: dt.datetime) -> Trend | None:
    """The trend of a store figure over snapshots captured at or before `at`; None with < 2."""
    by_time: dict[dt.datetime, Decimal] = {}
    for snapshot in history:
        value = getattr(snapshot, figure_name)
        if snapshot.captured_at <= at and isinstance(value, Decimal | int):
            by_time[snapshot.captured_at] = Decimal(value)
    if len(by_time) < 2:
        return None
    times = sorted(by_time)
    xs = [(t - times[0]).total_seconds() / DAY_SECONDS for t in times]
    ys = [float(by_time[t]) for t in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return Trend(figure_name, sxy / sxx, len(times), by_time[times[-1]], times[-1])


@dataclass(frozen=True, slots=True)
class Forecast:
    """At the current pace, the figure reaches the threshold at `passes_at`."""

    figure: str
    threshold: Decimal
    value: Decimal  # the latest value
    as_of: dt.datetime
    slope_per_day: Decimal
    points: int
    passes_at: dt.datetime
    deadline_at: dt.datetime | None  # the sign-up deadline; None for a daily series
    before_deadline: bool | None
    criterion: str = ""  # the key of the criterion it was made for

    @property
    def message_zh(self) -> str:
        return _message(self, "zh-CN")

    @property
    def message_en(self) -> str:
        return _message(self, "en")

    def message(self, locale: str = DEFAULT_LOCALE) -> str:
        return _message(self, locale_of(locale))


def forecast(
    history: Sequence[StoreSnapshot],
    figure_name: str,
    threshold: Decimal,
    deadline_at: dt.datetime | None,
    at: dt.datetime,
) -> Forecast | None:
    """When the figure reaches `threshold` at the current pace; None unless the trend rises."""
    return project(trend(history, figure_name, at), threshold, deadline_at)


def project(
    found: Trend | None, threshold: Decimal, deadline_at: dt.datetime | None
) -> Forecast | None:
    """A trend carried forward to the threshold; None unless it rises (within ten years)."""
    if found is None or not found.rising:
        return None
    days = max(float(threshold - found.latest), 0.0) / found.slope_per_day
    if days > MAX_DAYS:
        return None
    passes_at = found.as_of + dt.timedelta(days=days)
    return Forecast(
        figure=found.figure,
        threshold=threshold,
        value=found.latest,
        as_of=found.as_of,
        slope_per_day=Decimal(repr(found.slope_per_day)).quantize(_SLOPE_STEP),
        points=found.points,
        passes_at=passes_at,
        deadline_at=deadline_at,
        before_deadline=None if deadline_at is None else passes_at < deadline_at,
    )


def store_figure(name: str) -> Figure:
    """The store figure of this name (forecasts read store columns only)."""
    found = figure(Scope.STORE, name)
    if found is None:
        raise KeyError(f"{name!r} is not a store figure")
    return found


def _message(f: Forecast, locale: Locale) -> str:
    zh = locale == "zh-CN"
    fig = store_figure(f.figure)
    label = fig.label_zh if zh else fig.label_en
    reference = f.deadline_at or f.as_of
    day = day_text(date_in(f.passes_at, reference), locale)
    pace, target = f"+{show(fig, f.slope_per_day, locale)}", show(fig, f.threshold, locale)
    if zh:
        text = f"按近 {f.points} 次数据的趋势(每天 {pace}),{label}预计 {day} 达到 {target}"
    else:
        text = (
            f"at the current pace ({pace} a day over {f.points} snapshots), {label} reaches "
            f"{target} on {day}"
        )
    if f.deadline_at is None:
        return text
    deadline = day_text(last_day(f.deadline_at), locale)
    if f.before_deadline:
        return text + (f",早于报名截止日 {deadline}" if zh else f", before the deadline {deadline}")
    return text + (
        f",晚于报名截止日 {deadline}:按当前节奏来不及"
        if zh
        else f", after the deadline {deadline}: not in time at this pace"
    )
