"""The view of a day's message: its items in sections by kind, grouped by activity, each
store on one line with the one thing it has to fix.

A reader with 35 stores must see at a glance which stores can sign up and what each of the
others lacks, so a group lists the eligible stores by name on one line and gives every other
store a line of its own: its mark and its first failing (or missing) criterion, with the gap.
With one store there is room for all of its failing criteria, each with its bar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from calendar_service.domain.catalog import Activity
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.locale import Locale
from calendar_service.domain.verdicts import Judgement, Verdict
from calendar_service.mail.message import single_line
from calendar_service.mail.view import (
    BLUE,
    NO_RULES,
    ORDER,
    STATUS_COLOR,
    STATUS_MARKS,
    STORE_NOTES,
    Row,
    criterion_row,
    status_key,
    store_notes,
)

BEFORE_KIND = re.compile(r"before-(\d+)d")
# The sections in the order a reader acts on them; a deadline's section ranks by its days.
SECTION_RANK = {"opens": 1, "prepare": 2, "invitation-signal": 3, "status-change": 4, "digest": 5}
# Within a group: which stores come first. A deadline's group leads with those that can sign
# up now; the daily summary with those that fail.
SIGN_UP_ORDER = ("eligible", "ineligible", "unknown", NO_RULES, "invitation")
FAILING_ORDER = ("ineligible", "unknown", NO_RULES, "eligible", "invitation")
CHANGE_ORDER = ("became", "stopped")
# Statuses said by listing the stores' names (nothing to fix store by store).
LISTED = frozenset({"eligible", NO_RULES, "invitation", "became", "invited"})


class Item(Protocol):
    """What the view reads of a day's item (mail.day.StoreItem)."""

    @property
    def kind(self) -> str: ...
    @property
    def store_id(self) -> str: ...
    @property
    def store_name(self) -> str | None: ...
    @property
    def activity(self) -> Activity: ...
    @property
    def occurrence(self) -> Occurrence: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def store_page(self) -> str | None: ...


@dataclass(frozen=True)
class Name:
    """A store as a message names it, linked to its page when there is one."""

    text: str
    page: str | None


@dataclass(frozen=True)
class Listed:
    """Stores of one status named on one line: "✓ 可报名(3):A、B、C"."""

    mark: str
    color: str
    label: str  # "可报名"
    heading: str  # "可报名(3)"
    stores: tuple[Name, ...]


@dataclass(frozen=True)
class StoreLine:
    """A store that has something to fix: its mark, the one thing, how many more."""

    store: Name
    mark: str
    color: str
    label: str
    fix: str  # the first failing criterion with its gap, or what to import; "" with rows
    more: str  # "(另 2 项)", or ""
    rows: tuple[Row, ...]  # a one-store message: every failing or missing criterion


@dataclass(frozen=True)
class Group:
    """One activity's occurrence within a section and what it says of each store."""

    name: str
    when: str | None  # sign-up window and countdown; None for a daily activity
    tally: str  # "24 家可报名 · 11 家不符合"
    first: str  # the tally's first status, for a subject ("eligible", "stopped"…)
    counts: Mapping[str, int]
    note: str | None  # said once for the group (an activity the source gives no rules)
    listed: tuple[Listed, ...]
    lines: tuple[StoreLine, ...]
    listed_first: bool
    failing: int  # stores not eligible: ranks the daily summary's groups


@dataclass(frozen=True)
class Section:
    variant: str  # "closes_today", "closes_tomorrow", "closes_in", or the item kind
    days: int  # before the deadline: 0 for any other section
    title: str
    groups: tuple[Group, ...]


def section_of(kind: str, days_left: int | None = None) -> tuple[tuple[int, int], str, int]:
    """The section's rank, its variant in messages.toml and its days; ValueError when the
    kind is none of those a day's message can say. A deadline's section says the days left
    (`days_left`) when given: a "1 day before" reminder moved to Friday by a weekend is said
    as closing in 2 days."""
    before = BEFORE_KIND.fullmatch(kind)
    if before:
        days = int(before.group(1)) if days_left is None else max(0, days_left)
        variant = ("closes_today", "closes_tomorrow")[days] if days < 2 else "closes_in"
        return (0, days), variant, days
    if kind not in SECTION_RANK:
        raise ValueError(f"unknown item kind {kind!r}: expected opens, prepare, before-Nd, "
                         "invitation-signal, status-change or digest")  # fmt: skip
    return (SECTION_RANK[kind], 0), kind, 0


def sections(
    t: Mapping[str, Any],
    lang: Locale,
    items: Sequence[Item],
    when: Callable[[str, Occurrence], str | None],
    today: dt.date | None = None,
) -> tuple[Section, ...]:
    """The items as sections in reading order, each a group per activity and occurrence."""
    by_section: dict[tuple[int, int], tuple[str, int, dict[tuple[str, str], list[Item]]]] = {}
    for item in items:
        left = None if today is None else (item.occurrence.deadline_on - today).days
        rank, variant, days = section_of(item.kind, left)
        groups = by_section.setdefault(rank, (variant, days, {}))[2]
        groups.setdefault((item.activity.key, item.occurrence.key), []).append(item)
    total = len({i.store_id for i in items})
    one_store = total == 1
    found = []
    for rank in sorted(by_section):
        variant, days, groups = by_section[rank]
        built = [_group(t, lang, variant, g, when, one_store, total) for g in groups.values()]
        if variant == "digest":  # the most stores failing first
            built.sort(key=lambda g: -g.failing)
        title = t["day"]["sections"][variant].format(days=days)
        found.append(Section(variant, days, title, tuple(built)))
    return tuple(found)


def _group(
    t: Mapping[str, Any],
    lang: Locale,
    variant: str,
    items: Sequence[Item],
    when: Callable[[str, Occurrence], str | None],
    one_store: bool,
    total: int = 0,
) -> Group:
    """One activity's group; when every store of the message (`total`) can sign up, they are
    counted ("✓ 全部 35 家可报名"), not named again."""
    day = t["day"]
    first = items[0]
    order = {"digest": FAILING_ORDER, "status-change": CHANGE_ORDER}.get(variant, SIGN_UP_ORDER)
    stores: dict[str, list[tuple[Name, Item]]] = {key: [] for key in order}
    seen: set[str] = set()
    for item in items:
        if item.store_id in seen:  # a store is named once in a group
            continue
        seen.add(item.store_id)
        name = Name(single_line(item.store_name or "") or single_line(item.store_id),
                    item.store_page)  # fmt: skip
        stores.setdefault(_status(variant, item.verdict), []).append((name, item))
    if variant == "invitation-signal":  # the caller saw the signals: every store may be invited
        stores = {"invited": [s for found in stores.values() for s in found]}
        order = ("invited",)
    counts = {key: len(found) for key, found in stores.items() if found}
    listed, lines = [], []
    all_listed = False  # every store of the message can sign up: counted once, below
    for key in order:
        found = stores.get(key, [])
        if not found:
            continue
        mark, color = mark_of(key)
        if key in LISTED:
            names = tuple(name for name, _ in found)
            label = day["names"][key]
            heading = day["listed"].format(label=label, count=len(names))
            if key == "eligible" and len(names) == total > 1:
                names, heading = (), day["listed_all"].format(label=label, count=total)
                all_listed = True
            listed.append(Listed(mark, color, label, heading, names))
        else:
            lines += [_line(t, lang, key, name, i.verdict, one_store) for name, i in found]
    no_rules = [i for _, i in stores.get(NO_RULES, [])]
    note = _no_rules_note(no_rules[0].verdict, lang) if no_rules else None
    sep = " · "
    return Group(
        name=first.activity.name_zh if lang == "zh-CN" else first.activity.name_en,
        when=when(variant, first.occurrence),
        # Not said when the one line below says it already ("✓ 全部 35 家可报名").
        tally=""
        if all_listed
        else sep.join(
            day["tally"].format(count=n, label=day["label"][k]) for k, n in counts.items()
        ),
        first=next(iter(counts)),
        counts=counts,
        note=note,
        listed=tuple(listed),
        lines=tuple(lines),
        listed_first=variant != "digest",
        failing=sum(n for k, n in counts.items() if k in ("ineligible", "unknown", "stopped")),
    )


def _status(variant: str, verdict: Verdict) -> str:
    key = status_key(verdict)
    if variant == "status-change":
        return "became" if key == "eligible" else "stopped"
    return key


def mark_of(key: str) -> tuple[str, str]:
    status = {"became": "eligible", "stopped": "ineligible", "invited": "invitation"}.get(key, key)
    color = BLUE if key == "invited" else STATUS_COLOR.get(status, STATUS_COLOR["unknown"])
    return STATUS_MARKS.get(status, "?"), color


def _line(
    t: Mapping[str, Any], lang: Locale, key: str, name: Name, verdict: Verdict, one_store: bool
) -> StoreLine:
    mark, color = mark_of(key)
    label = t["day"]["names"][key]
    if one_store:  # room for every failing and missing criterion, each with its bar
        wanted = sorted((j for j in verdict.criteria if j.status in ("fail", "unknown")),
                        key=lambda j: ORDER[j.status])  # fmt: skip
        shown = tuple(criterion_row(j, verdict, lang) for j in wanted)
        notes = store_notes(verdict, lang)
        fix = str(t["list_sep"]).join(notes) if notes or not shown else ""
        return StoreLine(name, mark, color, label, fix, "", shown)
    todo = _to_fix(verdict, lang)
    more = t["day"]["more"].format(count=len(todo) - 1) if len(todo) > 1 else ""
    return StoreLine(name, mark, color, label, todo[0] if todo else "", more, ())


def _to_fix(verdict: Verdict, lang: Locale) -> list[str]:
    """What keeps the store out, the first thing first: a failing criterion with its gap; for
    missing data, what to import (no data at all, then the missing figure, then stale data)."""
    failing = _messages(verdict.criteria, "fail", lang)
    if failing:
        return failing
    notes = {n.code: n.text(lang) for n in verdict.notes if n.code in STORE_NOTES}
    missing = [notes[c] for c in ("no-data", "no-product-data") if c in notes]
    missing += _messages(verdict.criteria, "unknown", lang)
    return missing + ([notes["stale"]] if "stale" in notes else [])


def _messages(criteria: Iterable[Judgement], status: str, lang: Locale) -> list[str]:
    return [j.message(lang) for j in criteria if j.status == status]


def _no_rules_note(verdict: Verdict, lang: Locale) -> str | None:
    return next((n.text(lang) for n in verdict.notes if n.code == NO_RULES), None)
