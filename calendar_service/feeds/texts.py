"""What a feed's events say, in Chinese (the default) or English: summaries, descriptions, labels.

Plain text only; escaping for the wire is `wire`'s job.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from calendar_service.domain.catalog import Activity, Criterion, Cycle, Op, Source
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import SALES_BEFORE_DEADLINE
from calendar_service.domain.formatting import criterion_text
from calendar_service.domain.holidays import HolidayCalendar, holiday_notes
from calendar_service.feeds.options import Lang


class Role(StrEnum):
    """Which part of an occurrence an event shows; part of its UID."""

    SIGNUP = "signup"  # the sign-up window, first to last day
    DEADLINE = "deadline"  # the last day of sign-up, on its own so users' notifications apply
    EVENT = "event"  # the event period
    DAILY = "daily"  # a daily activity: one series, sign-up open every day


ROLES: dict[Lang, dict[Role, str]] = {
    Lang.ZH: {Role.SIGNUP: "报名期", Role.DEADLINE: "报名截止", Role.EVENT: "活动期",
              Role.DAILY: "每日报名"},
    Lang.EN: {Role.SIGNUP: "Sign-up window", Role.DEADLINE: "Sign-up deadline",
              Role.EVENT: "Event", Role.DAILY: "Daily sign-up"},
}  # fmt: skip
CYCLES: dict[Lang, dict[Cycle, str]] = {
    Lang.ZH: {Cycle.YEARLY: "年度大促", Cycle.QUARTERLY: "季度活动", Cycle.MONTHLY: "月度活动",
              Cycle.DAILY: "日常活动"},
    Lang.EN: {Cycle.YEARLY: "Yearly promotion", Cycle.QUARTERLY: "Quarterly activity",
              Cycle.MONTHLY: "Monthly activity", Cycle.DAILY: "Daily activity"},
}  # fmt: skip
_WINDOW_FIELDS: dict[Lang, dict[str, str]] = {
    Lang.ZH: {"opens_days_before": "报名开始日", "deadline_days_before": "报名截止日",
              "event_days": "活动天数", "opens_day": "报名开始日", "deadline_day": "报名截止日",
              "event_month_of_quarter": "活动月份"},
    Lang.EN: {"opens_days_before": "sign-up opening day", "deadline_days_before": "deadline day",
              "event_days": "event length", "opens_day": "sign-up opening day",
              "deadline_day": "deadline day", "event_month_of_quarter": "event month"},
}  # fmt: skip
_OPS = {Op.AT_LEAST: "≥", Op.MORE_THAN: ">", Op.AT_MOST: "≤", Op.BELOW: "<", Op.EQUALS: "=",
        Op.NOT_EQUALS: "≠", Op.ONE_OF: "∈"}  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_WORDS: dict[Lang, dict[str, str]] = {
    Lang.ZH: {
        "signup": "报名:{opens} 至 {deadline}(截止日当天24:00前,{zone})",
        "event": "活动:{starts} 至 {ends}",
        "announced": "日期为平台公告。",
        "daily": "每天均可报名。",
        "traffic": "入口流量:约 {uv:,} UV/天",
        "tips": "小贴士:",
        "assumed": "假设的数字(资料未给出,可在活动目录中修改):",
        "rules": "报名规则(资料未给出)",
        "calendar": "1688平台活动({cycles})的报名期、报名截止日与活动期。活动目录版本 {version}。",
        "Asia/Shanghai": "北京时间",
        "and": "、",
        "yes": "是",
        "no": "否",
        "cut": "…(内容较长,完整资格请见链接或提醒邮件)",
    },
    Lang.EN: {
        "signup": "Sign-up: {opens} to {deadline} (closes at the end of that day, {zone})",
        "event": "Event: {starts} to {ends}",
        "announced": "Dates announced by the platform.",
        "daily": "Sign-up is open every day.",
        "traffic": "Entry traffic: about {uv:,} UV a day",
        "tips": "Tips:",
        "assumed": "Assumed figures (the source gives none; editable in the catalog):",
        "rules": "the sign-up rules (none given)",
        "calendar": "1688 activities ({cycles}): sign-up windows, deadlines and event periods. "
        "Catalog version {version}.",
        "Asia/Shanghai": "China Standard Time",
        "and": ", ",
        "yes": "yes",
        "no": "no",
        "cut": "… (cut short: the link and the reminder emails have it all)",
    },
}


def summary(activity: Activity, occ: Occurrence, role: Role, lang: Lang) -> str:
    """`【报名截止】327大促`, `Sign-up deadline: 327 new-season promotion`."""
    when = _period(occ, lang)
    if lang is Lang.ZH:
        return f"【{ROLES[lang][role]}】{activity.name_zh}" + (f"({when})" if when else "")
    return f"{ROLES[lang][role]}: {activity.name_en}" + (f" ({when})" if when else "")


def categories(occ: Occurrence, role: Role, lang: Lang) -> tuple[str, str]:
    """The cycle, then the role: lets a client colour or filter by either."""
    return CYCLES[lang][occ.cycle], ROLES[lang][role]


def description(
    activity: Activity, occ: Occurrence, lang: Lang, holidays: HolidayCalendar | None = None
) -> str:
    """The activity's summary, its dates (and holidays they fall in), entry traffic, tips, notes
    and assumed figures."""
    words, zh = _WORDS[lang], lang is Lang.ZH
    lines = [f"{activity.name_zh if zh else activity.name_en} · {CYCLES[lang][occ.cycle]}"]
    if text := activity.summary_zh if zh else activity.summary_en:
        lines.append(text)
    lines += ["", *_dates(occ, lang)]
    if holidays is not None:
        sales = any(c.figure == SALES_BEFORE_DEADLINE for c in activity.criteria)
        locale = "zh-CN" if zh else "en"
        lines += [note.text(locale) for note in holiday_notes(occ, holidays, sales)]
    if activity.entry_uv is not None:
        note = f"({activity.entry_uv_note})" if activity.entry_uv_note else ""
        lines.append(words["traffic"].format(uv=activity.entry_uv) + note)
    if tips := activity.tips_zh if zh else activity.tips_en:
        lines += ["", words["tips"], *(f"· {tip}" for tip in tips)]
    if note := activity.note_zh if zh else activity.note_en:
        lines += ["", note]
    if assumed := _assumed(activity, occ, lang):
        lines += ["", words["assumed"], *(f"· {a}" for a in assumed)]
    return "\n".join(lines)


def shorten(text: str, octets: int, lang: Lang) -> str:
    """`text` if it fits in `octets` UTF-8 octets; else its first lines that fit, then a note."""
    if len(text.encode("utf-8")) <= octets:
        return text
    note = "\n" + _WORDS[lang]["cut"]
    room = max(octets - len(note.encode("utf-8")), 0)
    kept = text.encode("utf-8")[:room].decode("utf-8", errors="ignore")  # no half characters
    if "\n" in kept:  # whole lines read better than a line cut in the middle
        kept = kept[: kept.rindex("\n")]
    return kept.rstrip() + note


def calendar_description(version: str, cycles: frozenset[Cycle], lang: Lang) -> str:
    """The calendar's own description: what it holds, and the catalog version."""
    names = _WORDS[lang]["and"].join(CYCLES[lang][c] for c in Cycle if c in cycles)
    return _WORDS[lang]["calendar"].format(cycles=names, version=version)


def _period(occ: Occurrence, lang: Lang) -> str:
    if occ.cycle is Cycle.QUARTERLY:
        year, quarter = occ.period.split("-Q")
        return f"{year}年第{quarter}季度" if lang is Lang.ZH else f"{year} Q{quarter}"
    if occ.cycle is Cycle.MONTHLY:
        year, month = occ.period.split("-")
        return f"{year}年{int(month)}月" if lang is Lang.ZH else f"{_MONTHS[int(month) - 1]} {year}"
    return ""


def _day(day: dt.date, lang: Lang) -> str:
    if lang is Lang.ZH:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _dates(occ: Occurrence, lang: Lang) -> list[str]:
    words = _WORDS[lang]
    if occ.is_series:
        return [words["daily"]]
    zone = words.get(str(occ.tz), str(occ.tz))
    lines = [
        words["signup"].format(opens=_day(occ.opens_on, lang),
                               deadline=_day(occ.deadline_on, lang), zone=zone),
        words["event"].format(starts=_day(occ.event_starts_on, lang),
                              ends=_day(occ.event_ends_on, lang)),
    ]  # fmt: skip
    return [*lines, words["announced"]] if occ.overridden else lines


def _assumed(activity: Activity, occ: Occurrence, lang: Lang) -> list[str]:
    """The figures of this activity the seed does not give: window fields, rules, thresholds."""
    found: list[str] = []
    fields = _WINDOW_FIELDS[lang]
    # In the window's own order (opening, deadline, event), each label once.
    window = list(dict.fromkeys(v for k, v in fields.items() if k in activity.window.assumed))
    if window and not occ.overridden and not occ.is_series:
        found.append(_WORDS[lang]["and"].join(window))
    if activity.rules_assumed:
        found.append(_WORDS[lang]["rules"])
    found += [_criterion(c, lang) for c in activity.criteria if c.source is Source.ASSUMED]
    return found


def _criterion(c: Criterion, lang: Lang) -> str:
    """`交易勋章 ≥ 1A`, `近90天纠纷率 ≤ 0.01%`, `活动折扣 ≤ 8.5折`: as the deck writes them."""
    return criterion_text(c, lang is Lang.ZH)
