"""The timeline: the coming weeks' sign-up windows and events as a day-by-day Gantt table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.locale import Locale

DAYS = 42  # six weeks


@dataclass(frozen=True)
class Bar:
    occurrence: Occurrence
    name: str
    cells: tuple[str, ...]  # per day: "signup", "deadline", "event" or ""


@dataclass(frozen=True)
class Timeline:
    days: tuple[dt.date, ...]
    today: dt.date
    bars: tuple[Bar, ...]
    daily: tuple[str, ...]  # activities open every day: one line each, no bar


def timeline(catalog: Catalog, now: dt.datetime, tz: ZoneInfo, locale: Locale) -> Timeline:
    """Windows that touch the next DAYS days, the nearest deadline first."""
    zh = locale == "zh-CN"
    today = now.astimezone(tz).date()
    days = tuple(today + dt.timedelta(days=i) for i in range(DAYS))
    last = days[-1]
    found = occurrences(catalog, today - dt.timedelta(days=62), last + dt.timedelta(days=1), tz)
    bars: list[Bar] = []
    daily: list[str] = []
    for o in found:
        name = catalog.activity(o.activity).name_zh if zh else catalog.activity(o.activity).name_en
        if o.is_series:
            daily.append(name)
            continue
        if o.opens_on > last or max(o.deadline_on, o.event_ends_on) < today:
            continue
        bars.append(Bar(o, name, tuple(_cell(o, day) for day in days)))
    bars.sort(key=lambda b: (b.occurrence.deadline_on, b.occurrence.activity))
    return Timeline(days, today, tuple(bars), tuple(dict.fromkeys(daily)))


def _cell(o: Occurrence, day: dt.date) -> str:
    if day == o.deadline_on:
        return "deadline"
    if o.opens_on <= day < o.deadline_on:
        return "signup"
    if o.event_starts_on <= day <= o.event_ends_on:
        return "event"
    return ""
