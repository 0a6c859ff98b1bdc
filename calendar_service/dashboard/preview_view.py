"""The reminders page: who gets reminder mail, and what the coming days would send one of them.

The messages come from the preview use case as they are; this module only shapes them for a
page: each message's items grouped by kind (with counts, so an agency's 300 lines stay a few
headings) and, within a kind, by activity, with store names and the page's words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog
from calendar_service.domain.locale import Locale
from calendar_service.domain.subscriptions import Subscription
from calendar_service.services.compose import Item
from calendar_service.services.preview import Preview

DEFAULT_DAYS = 14
MAX_DAYS = 60
# The order a message's sections come in (mail/day_view.py), the countdowns by days left.
KIND_ORDER = ("opens", "prepare", "before", "invitation-signal", "status-change", "digest")
BEFORE_KIND = re.compile(r"before-(\d+)d")
STATUS_ORDER = ("eligible", "ineligible", "unknown", "invitation")


class BadQueryError(ValueError):
    """A query value the page cannot use: the words saying what is wrong (a key of the page's
    `reminders` words), the value given, and the HTTP status to answer."""

    def __init__(self, problem: str, value: str, status_code: int = 400) -> None:
        super().__init__(f"{problem}: {value!r}")
        self.problem, self.value, self.status_code = problem, value, status_code


@dataclass(frozen=True)
class Recipient:
    email: str  # the recipient's key: an address, or a group robot's ("dingtalk:3")
    stores: int  # stores it watches with an active subscription
    name: str = ""  # as the page shows it: a robot by its name, never its URL; else `email`

    @property
    def shown(self) -> str:
        return self.name or self.email


@dataclass(frozen=True)
class Line:
    store_id: str
    store_name: str
    status: str  # eligible | ineligible | unknown | invitation


@dataclass(frozen=True)
class ActivityLines:
    name: str
    lines: tuple[Line, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Lines by status, in the order eligible, ineligible, unknown, invitation."""
        found = Counter(line.status for line in self.lines)
        return {s: found[s] for s in STATUS_ORDER if found[s]} | {
            s: n for s, n in found.items() if s not in STATUS_ORDER
        }


@dataclass(frozen=True)
class KindGroup:
    kind: str  # the item kind as the use case gives it: "opens", "before-7d", …
    label: str
    count: int
    activities: tuple[ActivityLines, ...]


@dataclass(frozen=True)
class Message:
    day: dt.date
    time: str  # HH:MM, local
    subject: str
    count: int
    groups: tuple[KindGroup, ...]


def recipients(
    subscriptions: Iterable[Subscription], names: Mapping[str, str] | None = None
) -> list[Recipient]:
    """Every recipient with an active subscription and its number of stores, by key; `names`
    gives the robots' names by key ("dingtalk:3" → "钉钉群机器人 oapi.dingtalk.com…3456")."""
    stores: dict[str, set[str]] = {}
    for s in subscriptions:
        if s.active:
            stores.setdefault(s.email, set()).add(s.store_id)
    named = names or {}
    return [
        Recipient(email, len(ids), named.get(email, "")) for email, ids in sorted(stores.items())
    ]


def days_of(text: str | None) -> int:
    """`?days=`: a whole number of days from 1 to MAX_DAYS; DEFAULT_DAYS when absent."""
    if text is None or not text.strip():
        return DEFAULT_DAYS
    value = text.strip()
    if not (
        len(value) <= 2 and value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_DAYS
    ):
        raise BadQueryError("bad_days", text[:20])
    return int(value)


def days_from(now: dt.datetime, tz: ZoneInfo, days: int) -> tuple[dt.date, dt.date]:
    """The first and last local day of `days` days from today: the preview's inclusive range."""
    today = now.astimezone(tz).date()
    return today, today + dt.timedelta(days=days - 1)


def chosen(text: str | None, known: list[Recipient]) -> Recipient | None:
    """`?recipient=`: one of `known` (its domain in any case), None when absent; a 404 when
    no active subscription has that address."""
    if text is None or not text.strip():
        return None
    wanted = text.strip()
    local, _, domain = wanted.rpartition("@")
    for r in known:
        r_local, _, r_domain = r.email.rpartition("@")
        if r.email == wanted or (r_local == local and r_domain.lower() == domain.lower()):
            return r
    raise BadQueryError("unknown_recipient", wanted[:200], 404)


def messages(
    found: Iterable[Preview],
    catalog: Catalog,
    names: Mapping[str, str | None],
    tz: ZoneInfo,
    words: Mapping[str, Any],
) -> list[Message]:
    """The messages in the order they would go, each with its items grouped for the page."""
    locale: Locale = "zh-CN" if words["html_lang"] == "zh-CN" else "en"
    shown = []
    for p in found:
        at = p.send_at.astimezone(tz)
        groups = [
            _group(kind, items, catalog, names, words["reminders"]["kinds"], locale)
            for kind, items in _by_kind(p.items)
        ]
        shown.append(
            Message(at.date(), at.strftime("%H:%M"), p.subject, len(p.items), tuple(groups))
        )
    return shown


def _rank(kind: str) -> tuple[int, int]:
    countdown = BEFORE_KIND.fullmatch(kind)
    if countdown:  # the furthest deadline first, as the mail has them
        return KIND_ORDER.index("before"), -int(countdown[1])
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)), 0


def _by_kind(items: Iterable[Item]) -> list[tuple[str, list[Item]]]:
    grouped: dict[str, list[Item]] = {}
    for item in items:
        grouped.setdefault(item.kind, []).append(item)
    return sorted(grouped.items(), key=lambda pair: (_rank(pair[0]), pair[0]))


def _group(
    kind: str,
    items: list[Item],
    catalog: Catalog,
    names: Mapping[str, str | None],
    labels: Mapping[str, str],
    locale: Locale,
) -> KindGroup:
    zh = locale == "zh-CN"
    by_activity: dict[str, list[Line]] = {}
    for item in items:
        line = Line(item.store_id, names.get(item.store_id) or item.store_id, item.status)
        by_activity.setdefault(item.activity, []).append(line)
    known = {a.key: a for a in catalog.activities}
    activities = []
    for key, lines in by_activity.items():
        activity = known.get(key)  # a key the catalog has since dropped shows as it is
        name = (activity.name_zh if zh else activity.name_en) if activity else key
        activities.append(ActivityLines(name, tuple(sorted(lines, key=lambda x: x.store_id))))
    return KindGroup(kind, _label(kind, labels), len(items), tuple(activities))


def _label(kind: str, labels: Mapping[str, str]) -> str:
    countdown = BEFORE_KIND.fullmatch(kind)
    if countdown:
        return labels["before"].format(days=int(countdown[1]))
    return labels.get(kind, kind)
