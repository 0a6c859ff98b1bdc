"""A store's verdicts as plain text for the terminal, in Chinese or English."""

from __future__ import annotations

import datetime as dt

from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.locale import Locale
from calendar_service.domain.verdicts import Judgement, Verdict
from calendar_service.services.eligibility import StoreReport

STATUS = {
    "eligible": ("✓ 符合条件", "✓ eligible"),
    "ineligible": ("✗ 不符合", "✗ not eligible"),
    "unknown": ("? 无法判断", "? unknown"),
    "invitation": ("✉ 邀约制", "✉ by invitation"),
}
MARK = {"pass": "✓", "fail": "✗", "unknown": "?"}


def _mark(j: Judgement) -> str:
    if j.status == "signal":
        return "+" if j.present else "·"
    return MARK[j.status]


def _window(o: Occurrence, locale: Locale) -> str:
    zh = locale == "zh-CN"
    if o.is_series:
        return "每天可报名" if zh else "sign-up every day"
    if zh:
        return f"报名 {o.opens_on} 至 {o.deadline_on},活动 {o.event_starts_on} 至 {o.event_ends_on}"
    return (
        f"sign-up {o.opens_on} to {o.deadline_on}, event {o.event_starts_on} to {o.event_ends_on}"
    )


def report_text(report: StoreReport, locale: Locale, detail: bool, tz: dt.tzinfo) -> str:
    """One block per verdict; with `detail` every criterion, else only what fails or is unknown."""
    zh = locale == "zh-CN"
    head = f"{report.name or ''} ({report.store_id})".strip()
    lines = [head]
    for v in report.verdicts:
        occ = report.occurrences[v.occurrence_key]
        lines += ["", *_verdict_lines(v, occ, locale, detail, tz)]
    if not detail:
        lines += [
            "",
            "用 --activity KEY 查看某个活动的全部条件"
            if zh
            else "use --activity KEY to see every criterion of one activity",
        ]
    return "\n".join(lines)


def _verdict_lines(
    v: Verdict, occ: Occurrence, locale: Locale, detail: bool, tz: dt.tzinfo
) -> list[str]:
    zh = locale == "zh-CN"
    status = STATUS[v.status][0 if zh else 1]
    head = f"{v.activity_name(locale)} [{v.occurrence_key}]  {status}"
    lines = [head, f"  {_window(occ, locale)}"]
    shown = (
        v.criteria if detail else tuple(j for j in v.criteria if j.status in ("fail", "unknown"))
    )
    for j in shown:
        lines.append(f"  {_mark(j)} {j.message(locale)}")
        f = v.forecast_for(j.key)
        if f is not None:
            lines.append(f"      {f.message(locale)}")
    if detail:
        for p in v.products[:5]:
            lines.append(f"  [{p.product_id}] {p.title or ''}: {STATUS[p.status][0 if zh else 1]}")
            lines += [
                f"      {_mark(j)} {j.message(locale)}"
                for j in p.criteria
                if j.status in ("fail", "unknown")
            ]
    lines += [f"  ! {n.text(locale)}" for n in v.notes]
    if detail:
        data = f"{v.data_as_of.astimezone(tz):%Y-%m-%d %H:%M}" if v.data_as_of else "—"
        lines.append(
            f"  {'数据日期' if zh else 'data as of'} {data} · "
            f"{'活动目录' if zh else 'catalog'} {v.catalog_version}"
        )
    return lines
