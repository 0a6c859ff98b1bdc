"""Dates in a mail as people write them: 12月14日–20日, Dec 14–20; the year only when needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.locale import Locale

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DASH = "–"  # en dash: a range of days


def day_text(day: dt.date, locale: Locale, today: dt.date) -> str:
    """ "3月7日" / "Mar 7"; with the year when it is not this year's."""
    zh = locale == "zh-CN"
    year = day.year != today.year
    if zh:
        return f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"
    return f"{MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if year else "")


def span_text(start: dt.date, end: dt.date, locale: Locale, today: dt.date) -> str:
    """ "12月14日–20日" / "Dec 14–20": what the two days share is written once."""
    zh = locale == "zh-CN"
    if start == end:
        return day_text(start, locale, today)
    if start.year != end.year:
        gap = DASH if zh else f" {DASH} "
        return f"{day_text(start, locale, dt.date.min)}{gap}{day_text(end, locale, dt.date.min)}"
    shown_year = start.year != today.year
    if zh:
        head = f"{start.year}年" if shown_year else ""
        tail = f"{end.day}日" if start.month == end.month else f"{end.month}月{end.day}日"
        return f"{head}{start.month}月{start.day}日{DASH}{tail}"
    year = f", {start.year}" if shown_year else ""
    if start.month == end.month:
        return f"{MONTHS[start.month - 1]} {start.day}{DASH}{end.day}{year}"
    return f"{MONTHS[start.month - 1]} {start.day} {DASH} {MONTHS[end.month - 1]} {end.day}{year}"


def moment_text(at: dt.datetime, locale: Locale, today: dt.date) -> str:
    """ "2月1日 07:00" / "Feb 1, 07:00": a time of day on a day."""
    gap = " " if locale == "zh-CN" else ", "
    return f"{day_text(at.date(), locale, today)}{gap}{at:%H:%M}"


def countdown_text(t: Mapping[str, Any], occurrence: Occurrence, today: dt.date) -> str:
    if today < occurrence.opens_on:
        return str(t["opens_in"].format(days=(occurrence.opens_on - today).days))
    days = (occurrence.deadline_on - today).days
    if days < 0:
        return str(t["closed"])
    if days == 0:
        return str(t["closes_today"])
    return str(t["day_left"] if days == 1 else t["days_left"].format(days=days))
