"""What a feed's events say, in Chinese (the default) or English: titles, descriptions, labels.

Plain text only; escaping and folding are the icalendar package's job. The verdict comes first:
a mark in the title, its reason on the description's first lines; the catalog's own text after.
Notes for the catalog's editor (which figures are assumed) stay out of feeds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from calendar_service.domain.catalog import Activity, Cycle
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.locale import Locale
from calendar_service.domain.verdicts import VerdictStatus


class Role(StrEnum):
    """Which part of an occurrence an event shows; part of its UID."""

    SIGNUP = "signup"  # the sign-up window, up to the day before the deadline
    DEADLINE = "deadline"  # the last day of sign-up, on its own so alarms and notifications apply
    EVENT = "event"  # a yearly promotion's event period
    INVITATION = "invitation"  # an invitation-only activity: the day it starts, no sign-up
    WEEKLY = "weekly"  # the daily activities, once a week from this week on
    PAST_WEEKS = "past-weeks"  # the same, the weeks before this one: no verdict of today


@dataclass(frozen=True)
class Standing:
    """One store's verdict on one occurrence, as a feed shows it.

    `who` names the store in a feed over several stores ("" in a store's own feed); `reasons`
    are the failing or missing criteria, the first the one that matters most; `short` is the
    first reason in a few characters, for a title listing many stores ("买家 12/15").
    """

    status: VerdictStatus
    reasons: tuple[str, ...] = ()
    short: str = ""
    who: str = ""
    data_as_of: str = ""  # "数据日期 2026-11-25 09:00": said once under the reasons


ROLES: dict[Locale, dict[Role, str]] = {
    "zh-CN": {Role.SIGNUP: "报名期", Role.DEADLINE: "报名截止", Role.EVENT: "活动期",
              Role.INVITATION: "邀约(无需报名)", Role.WEEKLY: "每日可报名",
              Role.PAST_WEEKS: "每日可报名"},
    "en": {Role.SIGNUP: "sign-up window", Role.DEADLINE: "sign-up deadline",
              Role.EVENT: "event", Role.INVITATION: "by invitation (no sign-up)",
              Role.WEEKLY: "sign-up open every day", Role.PAST_WEEKS: "sign-up open every day"},
}  # fmt: skip
CYCLES: dict[Locale, dict[Cycle, str]] = {
    "zh-CN": {Cycle.YEARLY: "年度大促", Cycle.QUARTERLY: "季度活动", Cycle.MONTHLY: "月度活动",
              Cycle.DAILY: "日常活动"},
    "en": {Cycle.YEARLY: "Yearly promotion", Cycle.QUARTERLY: "Quarterly activities",
              Cycle.MONTHLY: "Monthly activities", Cycle.DAILY: "Daily activities"},
}  # fmt: skip
# The mark a title starts with (one activity, one store), and the sign that heads a list.
MARKS: dict[Locale, dict[str, str]] = {
    "zh-CN": {"eligible": "✓ 可报名", "ineligible": "✗ 不符合", "unknown": "? 缺数据",
              "invitation": "邀约"},
    "en": {"eligible": "✓ Eligible", "ineligible": "✗ Not eligible",
              "unknown": "? Data missing", "invitation": "Invitation"},
}  # fmt: skip
_NAMES = {"zh-CN": " ", "en": ", "}  # between the names listed under a mark
_PREFIXES = {"zh-CN": ("月度", "季度"), "en": ("Monthly ", "Quarterly ")}
SIGNS = {"eligible": "✓", "ineligible": "✗", "unknown": "?"}
ORDER: tuple[VerdictStatus, ...] = ("eligible", "ineligible", "unknown", "invitation")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_WORDS: dict[Locale, dict[str, str]] = {
    "zh-CN": {
        "signup": "报名:{opens} 至 {deadline}(截止日当天24:00前,{zone})",
        "event": "活动:{starts} 至 {ends}",
        "announced": "日期为平台公告。",
        "invitation": "邀约制:平台小二主动邀请,无需报名。",
        "daily": "每天均可报名。",
        "past": "以往各周(当时的资格请见提醒邮件)。",
        "traffic": "入口流量:约 {uv:,} UV/天",
        "tips": "小贴士:",
        "calendar": "1688平台活动({cycles})的报名期、报名截止日与活动期。活动目录版本 {version}。",
        "Asia/Shanghai": "北京时间",
        "and": "、",
        "cut": "…(内容较长,完整资格请见链接或提醒邮件)",
    },
    "en": {
        "signup": "Sign-up: {opens} to {deadline} (closes at the end of that day, {zone})",
        "event": "Event: {starts} to {ends}",
        "announced": "Dates announced by the platform.",
        "invitation": "By invitation: the platform's operators invite stores; no sign-up.",
        "daily": "Sign-up is open every day.",
        "past": "Earlier weeks (the reminder emails had the verdict of the time).",
        "traffic": "Entry traffic: about {uv:,} UV a day",
        "tips": "Tips:",
        "calendar": "1688 activities ({cycles}): sign-up windows, deadlines and event periods. "
        "Catalog version {version}.",
        "Asia/Shanghai": "China Standard Time",
        "and": ", ",
        "cut": "… (cut short: the link and the reminder emails have it all)",
    },
}
# Line and paragraph separators some clients split lines at (node-ical drops such a line), and
# the C0 controls other than TAB and LF, which TEXT may not hold (RFC 5545 §3.3.11).
_BREAKS = re.compile("\r\n|[\r\u2028\u2029\u0085\u000b\u000c\u001c-\u001e]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")


def clean(text: str) -> str:
    """`text` with every kind of line break as LF and no control characters."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """`text` for a single-line property (a title, a name): breaks become spaces."""
    return " ".join(clean(text).split("\n"))


def name(activity: Activity, lang: Locale) -> str:
    return activity.name_zh if lang == "zh-CN" else activity.name_en


def short_name(activity: Activity, lang: Locale) -> str:
    """The name under a title that already names the cycle: 爆款 for 月度爆款."""
    full = name(activity, lang)
    for prefix in _PREFIXES[lang]:
        if full.startswith(prefix) and len(full) > len(prefix):
            rest = full[len(prefix) :].strip()
            return rest[:1].upper() + rest[1:]
    return full


def period(occ: Occurrence, lang: Locale) -> str:
    """`2027`, `2027年第1季度`, `2027年3月`, `2027 Q1`, `March 2027`; "" for the daily ones."""
    if occ.cycle is Cycle.YEARLY:
        return occ.period
    if occ.cycle is Cycle.QUARTERLY:
        year, quarter = occ.period.split("-Q")
        return f"{year}年第{quarter}季度" if lang == "zh-CN" else f"{year} Q{quarter}"
    if occ.cycle is Cycle.MONTHLY:
        year, month = occ.period.split("-")
        return f"{year}年{int(month)}月" if lang == "zh-CN" else f"{_MONTHS[int(month) - 1]} {year}"
    return ""


def what(subject: str, occ: Occurrence, role: Role, lang: Locale) -> str:
    """`327大促 2027 报名截止`, `月度活动 2027年3月 报名期`, `Monthly activities March 2027,
    sign-up window`: the title's subject, before any list of names after a colon."""
    when = period(occ, lang)
    if lang == "zh-CN":
        return " ".join(p for p in (subject, when, ROLES[lang][role]) if p)
    return f"{subject}{' ' + when if when else ''}, {ROLES[lang][role]}"


def title(subject: str, standings: Sequence[tuple[str, Standing]], lang: Locale, many: bool) -> str:
    """The event's title: the verdict first.

    One standing and not `many`: `✓ 可报名 · 327大促 2027 报名截止`. Several, or a feed over
    many stores: `月度活动 2027年3月 报名截止: ✓ 爆款 标杆 · ✗ 牛商`, each name under its sign,
    a store that fails with its first reason (`✗ D(买家 12/15)`).
    """
    if not standings:
        return subject
    if len(standings) == 1 and not many:
        return f"{MARKS[lang][standings[0][1].status]} · {subject}"
    if all(s.status == "invitation" for _, s in standings):
        return f"{subject}: {_NAMES[lang].join(label for label, _ in standings)}"  # role says it
    groups = []
    for status in ORDER:
        names = [
            label + (f"({s.short})" if many and s.short and status == "ineligible" else "")
            for label, s in standings
            if s.status == status
        ]
        if names:
            sign = SIGNS.get(status, MARKS[lang][status])
            groups.append(f"{sign} {_NAMES[lang].join(names)}")
    return f"{subject}: {' · '.join(groups)}"


def reason_lines(standings: Sequence[tuple[str, Standing]], lang: Locale, many: bool) -> list[str]:
    """The description's first lines: each standing's mark and its reasons; over many stores,
    the eligible ones on one line and each other store with its first reason."""
    lines: list[str] = []
    if many and (fine := [label for label, s in standings if s.status == "eligible"]):
        lines.append(f"{MARKS[lang]['eligible']}: {_WORDS[lang]['and'].join(fine)}")
    for label, s in standings:
        if many and s.status == "eligible":
            continue
        mark = MARKS[lang][s.status]
        head = f"{mark} {label}" if (many or len(standings) > 1) else mark
        if s.reasons:
            lines.append(f"{head}: {s.reasons[0]}")
            if not many:  # over many stores, the first reason each: one line a store
                lines += [f"  {r}" for r in s.reasons[1:]]
        else:
            lines.append(head)
    dates = dict.fromkeys(s.data_as_of for _, s in standings if s.data_as_of)
    return [*lines, *dates]


def dates(occ: Occurrence, role: Role, lang: Locale) -> list[str]:
    """When sign-up runs and when the event runs, as people write dates."""
    words = _WORDS[lang]
    if occ.is_series:
        return [words["past" if role is Role.PAST_WEEKS else "daily"]]
    event = words["event"].format(
        starts=_day(occ.event_starts_on, lang), ends=_day(occ.event_ends_on, lang)
    )
    if role is Role.INVITATION:
        lines = [words["invitation"], event]
    else:
        zone = words.get(str(occ.tz), str(occ.tz))
        signup = words["signup"].format(
            opens=_day(occ.opens_on, lang), deadline=_day(occ.deadline_on, lang), zone=zone
        )
        lines = [signup, event]
    return [*lines, words["announced"]] if occ.overridden else lines


def about(activity: Activity, lang: Locale, full: bool) -> list[str]:
    """The catalog's text on an activity: its summary and traffic; its tips when `full`."""
    words, zh = _WORDS[lang], lang == "zh-CN"
    lines = []
    text = activity.summary_zh if zh else activity.summary_en
    head = name(activity, lang)
    lines.append(f"{head}: {text}" if text else head)
    if activity.entry_uv is not None:
        lines.append(words["traffic"].format(uv=activity.entry_uv))
    tips = activity.tips_zh if zh else activity.tips_en
    if full and tips:
        lines += [words["tips"], *(f"· {tip}" for tip in tips)]
    return lines


def shorten(text: str, octets: int, lang: Locale) -> str:
    """`text` if it fits in `octets` UTF-8 octets; else its first lines that fit, then a note."""
    if len(text.encode("utf-8")) <= octets:
        return text
    note = "\n" + _WORDS[lang]["cut"]
    room = max(octets - len(note.encode("utf-8")), 0)
    kept = text.encode("utf-8")[:room].decode("utf-8", errors="ignore")  # no half characters
    if "\n" in kept:  # whole lines read better than a line cut in the middle
        kept = kept[: kept.rindex("\n")]
    return kept.rstrip() + note


def calendar_description(version: str, cycles: frozenset[Cycle], lang: Locale) -> str:
    """The calendar's own description: what it holds, and the catalog version."""
    names = _WORDS[lang]["and"].join(CYCLES[lang][c] for c in Cycle if c in cycles)
    return _WORDS[lang]["calendar"].format(cycles=names, version=version)


def categories(cycle: Cycle, role: Role, lang: Locale) -> tuple[str, str]:
    """The cycle, then the role: lets a client colour or filter by either."""
    return CYCLES[lang][cycle], ROLES[lang][role]


def _day(day: dt.date, lang: Locale) -> str:
    if lang == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
