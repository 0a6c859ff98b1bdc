"""The catalog page's view: every activity, its rules, and which figures are assumed."""

from __future__ import annotations

from dataclasses import dataclass

from calendar_service.domain.catalog import Activity, Catalog, Criterion, Source
from calendar_service.domain.formatting import threshold_text
from calendar_service.domain.locale import Locale


@dataclass(frozen=True)
class Rule:
    label: str
    kind: str
    scope: str
    requirement: str
    assumed: bool
    note: str


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    cycle: str
    summary: str
    window_assumed: tuple[str, ...]  # the window rule's figures that are assumed defaults
    rules_assumed: bool
    rules: tuple[Rule, ...]
    tips: tuple[str, ...]
    note: str


def entries(catalog: Catalog, locale: Locale) -> tuple[Entry, ...]:
    """Every activity of the catalog, in its order."""
    return tuple(_entry(a, locale) for a in catalog.activities)


def _entry(a: Activity, locale: Locale) -> Entry:
    zh = locale == "zh-CN"
    return Entry(
        key=a.key,
        name=a.name_zh if zh else a.name_en,
        cycle=a.cycle.value,
        summary=a.summary_zh if zh else a.summary_en,
        window_assumed=tuple(sorted(a.window.assumed)),
        rules_assumed=a.rules_assumed,
        rules=tuple(_rule(c, locale) for c in a.criteria),
        tips=a.tips_zh if zh else a.tips_en,
        note=a.note_zh if zh else a.note_en,
    )


def _rule(c: Criterion, locale: Locale) -> Rule:
    zh = locale == "zh-CN"
    return Rule(
        label=c.label_zh if zh else c.label_en,
        kind=c.kind.value,
        scope=c.scope.value,
        requirement=threshold_text(c, locale),
        assumed=c.source is Source.ASSUMED,
        note=" ".join(
            filter(None, (f"「{c.deck}」" if c.deck else "", c.note_zh if zh else c.note_en))
        ),
    )
