"""How figures and thresholds read, in Chinese and in English.

Values show in the figure's unit, as the deck writes them: money as "20,000 元" / "CNY 20,000",
rates as percent (0.0002 → "0.02%"), the activity discount as 折 (8.5折; in English
"8.5折 (85%)"), medals as "3A", yes/no as 是/否. Never a fraction.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from calendar_service.domain.catalog import Criterion, Op, Threshold
from calendar_service.domain.derived import SOURCES, FigureValue
from calendar_service.domain.figures import Figure, FigureType, figure
from calendar_service.domain.locale import Locale

SYMBOL = {Op.AT_LEAST: "≥", Op.MORE_THAN: ">", Op.AT_MOST: "≤", Op.BELOW: "<", Op.EQUALS: "=",
          Op.NOT_EQUALS: "≠", Op.ONE_OF: "∈"}  # fmt: skip
NEGATED = {Op.AT_LEAST: "<", Op.MORE_THAN: "≤", Op.AT_MOST: ">", Op.BELOW: "≥", Op.EQUALS: "≠",
           Op.NOT_EQUALS: "=", Op.ONE_OF: "∉"}  # fmt: skip
_WORDS_ZH = {Op.AT_LEAST: "不低于 ", Op.MORE_THAN: "高于 ", Op.AT_MOST: "不高于 ",
             Op.BELOW: "低于 ", Op.EQUALS: "为 ", Op.NOT_EQUALS: "不为 ",
             Op.ONE_OF: "为 "}  # fmt: skip
_WORDS_EN = {Op.AT_LEAST: "at least ", Op.MORE_THAN: "more than ", Op.AT_MOST: "at most ",
             Op.BELOW: "below ", Op.EQUALS: "", Op.NOT_EQUALS: "not ", Op.ONE_OF: ""}  # fmt: skip


def is_zh(locale: str) -> bool:
    """Chinese unless the locale is English ('en', 'en-US', …)."""
    return not locale.lower().startswith("en")


def number(value: Decimal | int) -> str:
    """A plain number with thousands separators and no trailing zeros: 20,000 / 0.01."""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value.normalize():,f}"


def show(fig: Figure, value: FigureValue, locale: Locale) -> str:
    """A figure's value as a reader sees it, in its unit."""
    zh = locale == "zh-CN"
    if value is None:
        return "未知" if zh else "unknown"
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if isinstance(value, Decimal | int):
        return _show_number(fig, value, locale)
    if isinstance(value, dt.date):
        return day_text(value, locale)
    return value


def _show_number(fig: Figure, value: Decimal | int, locale: Locale) -> str:
    zh = locale == "zh-CN"
    if fig.type is FigureType.MEDAL:
        return f"{value}A"
    if fig.type is FigureType.RATE:
        if fig.name == "activity_discount":  # as the deck writes it: 8.5折
            shown = f"{number(value * 10)}折"
            return shown if zh else f"{shown} ({number(value * 100)}%)"
        return f"{number(value * 100)}%"
    if fig.type is FigureType.MONEY:
        return f"{number(value)} 元" if zh else f"CNY {number(value)}"
    if fig.unit_zh in ("个月", "天"):
        return f"{number(value)} {fig.unit_zh}" if zh else f"{number(value)} {fig.unit_en}"
    return number(value)


def show_threshold(fig: Figure, threshold: Threshold, locale: Locale) -> str:
    """A threshold as a reader sees it; a list of choices joined with 或 / or."""
    zh = locale == "zh-CN"
    if isinstance(threshold, tuple):
        return (" 或 " if zh else " or ").join(threshold)
    return show(fig, threshold, locale)


def relation(fig: Figure, op: Op, threshold: Threshold, locale: Locale) -> str:
    """ "不低于 15" / "at least 15": the comparison in words, without a subject."""
    zh = locale == "zh-CN"
    words = _WORDS_ZH if zh else _WORDS_EN
    if isinstance(threshold, bool) and zh:  # 为是 / 不为否: no space inside Chinese words
        return words[op].rstrip() + show(fig, threshold, locale)
    return words[op] + show_threshold(fig, threshold, locale)


def requirement(fig: Figure, op: Op, threshold: Threshold, locale: Locale) -> str:
    """ "需不低于 15" / "must be at least 15"."""
    zh = locale == "zh-CN"
    return ("需" if zh else "must be ") + relation(fig, op, threshold, locale)


def criterion_text(criterion: Criterion, locale: Locale) -> str:
    """ "近30天点击量 ≥ 1", "活动折扣 ≤ 8.5折", "近90天纠纷率 < 0.01%": a rule as people read it."""
    zh = locale == "zh-CN"
    label = criterion.label_zh if zh else criterion.label_en
    return f"{label} {threshold_text(criterion, locale)}"


def threshold_text(criterion: Criterion, locale: Locale) -> str:
    """ "≥ 1", "≤ 8.5折", "< 0.01%", "= 是": the comparison with the threshold in the figure's unit.

    Never a fraction (0.0001, 0.85), and the unit once (no "≥ 1 clicks" after "30-day clicks").
    """
    zh = locale == "zh-CN"
    fig = figure(criterion.scope, criterion.figure)
    if fig is None:  # pragma: no cover - the loader checks every figure
        return f"{SYMBOL[criterion.op]} {criterion.threshold}"
    shown = show_threshold(fig, criterion.threshold, locale)
    unit = criterion.unit or _plain_unit(fig, locale)
    label = criterion.label_zh if zh else criterion.label_en
    if unit and not shown.endswith(unit) and (zh or unit.rstrip("s") not in label):
        shown += unit if zh else f" {unit}"
    return f"{SYMBOL[criterion.op]} {shown}"


def _plain_unit(fig: Figure, locale: Locale) -> str:
    """The unit `show` leaves off a count or a score (件, 分 / points); "" for the others."""
    zh = locale == "zh-CN"
    if fig.type not in (FigureType.COUNT, FigureType.NUMBER) or fig.unit_zh in ("个月", "天"):
        return ""
    return fig.unit_zh if zh else fig.unit_en


def figure_names(fig: Figure, locale: Locale) -> str:
    """The columns a figure comes from (a derived figure names its inputs)."""
    zh = locale == "zh-CN"
    sources = SOURCES.get((fig.scope, fig.name), ((fig.scope, fig.name),))
    figures = [figure(scope, name) or fig for scope, name in sources]
    return ("、" if zh else ", ").join(f.label_zh if zh else f.label_en for f in figures)


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: dt.date, locale: Locale) -> str:
    """A day as people write it: 2027年2月6日, 6 Feb 2027 (never 2027-02-06)."""
    zh = locale == "zh-CN"
    if zh:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def date_in(at: dt.datetime, reference: dt.datetime) -> dt.date:
    """The day of `at` in the time zone of `reference`."""
    return at.astimezone(reference.tzinfo).date()


def last_day(deadline_at: dt.datetime) -> dt.date:
    """The last sign-up day of a deadline instant (which is the midnight ending that day)."""
    return (deadline_at - dt.timedelta(microseconds=1)).date()
