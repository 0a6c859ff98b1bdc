"""The catalog and its occurrences as plain text (the CLI) and as JSON (the CLI and the API)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from calendar_service.domain import formatting
from calendar_service.domain.catalog import (
    Activity,
    Catalog,
    Criterion,
    DailyWindow,
    MonthlyWindow,
    QuarterlyWindow,
    Threshold,
    WindowRule,
    YearlyWindow,
)
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.locale import Locale

CYCLE_ZH = {
    "yearly": "年度大促",
    "quarterly": "季度活动",
    "monthly": "月度活动",
    "daily": "日常活动",
}
KIND_ZH = {"requirement": "门槛", "advantage": "优势", "invitation": "邀约"}


def json_threshold(value: Threshold) -> Any:
    """Thresholds as JSON: whole numbers as ints, other decimals as floats, lists as lists."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def window_json(window: WindowRule) -> dict[str, Any]:
    fields = {k: v for k, v in vars(window).items() if k != "assumed"}
    return {**fields, "assumed": sorted(window.assumed)}


def criterion_json(c: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": c.key,
        "label_zh": c.label_zh,
        "label_en": c.label_en,
        "kind": c.kind.value,
        "scope": c.scope.value,
        "figure": c.figure,
        "op": c.op.value,
        "threshold": json_threshold(c.threshold),
        "source": c.source.value,
    }
    for name in ("waived_when", "applies_when"):
        cond = getattr(c, name)
        if cond is not None:
            out[name] = {
                "figure": cond.figure,
                "op": cond.op.value,
                "value": json_threshold(cond.value),
            }
    return out


def activity_json(a: Activity) -> dict[str, Any]:
    return {
        "key": a.key,
        "name_zh": a.name_zh,
        "name_en": a.name_en,
        "cycle": a.cycle.value,
        "summary_zh": a.summary_zh,
        "summary_en": a.summary_en,
        "window": window_json(a.window),
        "entry_uv": a.entry_uv,
        "tips_zh": list(a.tips_zh),
        "tips_en": list(a.tips_en),
        "rules_assumed": a.rules_assumed,
        "remind_days_before": list(a.remind_days_before),
        "criteria": [criterion_json(c) for c in a.criteria],
    }


def catalog_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "version": catalog.version,
        "activities": [activity_json(a) for a in catalog.activities],
        "overrides": [{k: str(v) for k, v in vars(o).items()} for o in catalog.overrides],
    }


def occurrence_json(catalog: Catalog, o: Occurrence) -> dict[str, Any]:
    a = catalog.activity(o.activity)
    return {
        "key": o.key,
        "activity": o.activity,
        "name_zh": a.name_zh,
        "name_en": a.name_en,
        "cycle": o.cycle.value,
        "period": o.period,
        "opens_on": o.opens_on.isoformat(),
        "deadline_on": o.deadline_on.isoformat(),
        "event_starts_on": o.event_starts_on.isoformat(),
        "event_ends_on": o.event_ends_on.isoformat(),
        "opens_at": o.opens_at.isoformat(),
        "deadline_at": o.deadline_at.isoformat(),
        "event_starts_at": o.event_starts_at.isoformat(),
        "event_ends_at": o.event_ends_at.isoformat(),
        "repeats": "daily" if o.is_series else None,
        "repeats_until": o.repeats_until.isoformat() if o.repeats_until else None,
        "overridden": o.overridden,
    }


def _window_text(window: WindowRule, locale: Locale) -> str:
    zh = locale == "zh-CN"
    if isinstance(window, YearlyWindow):
        date = (
            f"{window.event_month}月{window.event_day}日"
            if zh
            else f"{window.event_month:02d}-{window.event_day:02d}"
        )
        return (
            (
                f"活动日 {date},提前{window.opens_days_before}天开放报名,提前"
                f"{window.deadline_days_before}天截止,活动{window.event_days}天"
            )
            if zh
            else (
                f"event {date}; sign-up opens {window.opens_days_before} days before, closes "
                f"{window.deadline_days_before} days before; runs {window.event_days} days"
            )
        )
    if isinstance(window, QuarterlyWindow):
        return (
            (
                f"每季首月{window.opens_day}日至{window.deadline_day}日报名,季度第"
                f"{window.event_month_of_quarter}个月活动"
            )
            if zh
            else (
                f"sign-up on days {window.opens_day}-{window.deadline_day} of the quarter's first "
                f"month; runs the quarter's month {window.event_month_of_quarter}"
            )
        )
    if isinstance(window, MonthlyWindow):
        return (
            (f"上月{window.opens_day}日至{window.deadline_day}日报名,当月活动")
            if zh
            else (
                f"sign-up on days {window.opens_day}-{window.deadline_day} of the month before; "
                "runs the whole month"
            )
        )
    assert isinstance(window, DailyWindow)
    return "每天可报名" if zh else "sign-up open every day"


def catalog_text(catalog: Catalog, locale: Locale) -> str:
    zh = locale == "zh-CN"
    lines = [f"{'活动目录版本' if zh else 'catalog version'} {catalog.version}"]
    for a in catalog.activities:
        name = a.name_zh if zh else f"{a.name_en} ({a.name_zh})"
        cycle = CYCLE_ZH[a.cycle] if zh else a.cycle.value
        assumed = (" [假设]" if zh else " [assumed]") if a.window.assumed else ""
        lines += ["", f"{a.key}  {name}  · {cycle}", f"  {_window_text(a.window, locale)}{assumed}"]
        if a.entry_uv:
            traffic = f"~{a.entry_uv:,} UV/天" if zh else f"~{a.entry_uv:,} UV/day"
            lines.append(f"  {'活动入口' if zh else 'entry traffic'} {traffic}")
        if not a.criteria:
            lines.append("  " + ("资料未给报名规则" if zh else "no rules given by the source"))
        for c in a.criteria:
            kind = KIND_ZH[c.kind] if zh else c.kind.value
            label = c.label_zh if zh else c.label_en
            scope = ("(商品)" if zh else " (product)") if c.scope.value == "product" else ""
            flag = ("  [假设]" if zh else "  [assumed]") if c.source.value == "assumed" else ""
            rule = formatting.threshold_text(c, locale)
            lines.append(f"  - {kind}: {label}{scope} {rule}{flag}")
            if c.deck:
                lines.append(f"      {'资料' if zh else 'deck'}:「{c.deck}」")
    return "\n".join(lines)


def occurrences_text(catalog: Catalog, found: list[Occurrence], locale: Locale) -> str:
    zh = locale == "zh-CN"
    if not found:
        return "该时间段内没有活动窗口" if zh else "no windows in that range"
    head = (
        "截止日      报名期                    活动期                    活动"
        if zh
        else "deadline    sign-up                   event                     activity"
    )
    lines = [head]
    for o in found:
        a = catalog.activity(o.activity)
        name = f"{a.name_zh} [{o.key}]" if zh else f"{a.name_en} ({a.name_zh}) [{o.key}]"
        if o.is_series:
            every = "每天      " if zh else "daily     "
            span = f"{o.opens_on} → {o.repeats_until}"
            lines.append(f"{every}  {span}   {span}   {name}")
            continue
        mark = "*" if o.overridden else " "
        lines.append(
            f"{o.deadline_on}{mark} {o.opens_on} → {o.deadline_on}   "
            f"{o.event_starts_on} → {o.event_ends_on}   {name}"
        )
    if any(o.overridden for o in found):
        lines.append("* " + ("平台公布的日期" if zh else "dates announced by the platform"))
    return "\n".join(lines)
