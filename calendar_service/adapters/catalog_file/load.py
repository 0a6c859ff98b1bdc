"""Load and validate the activity catalog (`data/activities.toml`).

Parsing is two steps: pydantic checks the shape (unknown keys, wrong types), then the domain
rules are checked against the figure vocabulary (a threshold of the figure's type, a deadline
before the event). Every problem is collected with its dotted key, so one run shows them all.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from calendar_service.adapters.catalog_file.spec import (
    ActivitySpec,
    CatalogSpec,
    ConditionSpec,
    CriterionSpec,
    OverrideSpec,
    WindowSpec,
)
from calendar_service.domain.catalog import (
    Activity,
    Catalog,
    Condition,
    Criterion,
    Cycle,
    DailyWindow,
    DateOverride,
    MonthlyWindow,
    Op,
    QuarterlyWindow,
    Scope,
    Threshold,
    WindowRule,
    YearlyWindow,
)
from calendar_service.domain.cycles import period_pattern
from calendar_service.domain.deck_words import comparison_words, op_of
from calendar_service.domain.figures import NUMERIC, ORDERING_OPS, Figure, FigureType, figure
from calendar_service.errors import CatalogError


def load_catalog(path: Path) -> Catalog:
    """Read, validate and build the catalog; CatalogError lists every problem with its key."""
    shown = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(shown, ["the file does not exist; set CALENDAR_CATALOG_PATH"]) from None
    except UnicodeDecodeError as e:
        raise CatalogError(shown, [f"not UTF-8 text (byte {e.start}); save it as UTF-8"]) from None
    except tomllib.TOMLDecodeError as e:
        raise CatalogError(shown, [f"not valid TOML: {e}"]) from None
    return parse_catalog(raw, shown)


def parse_catalog(raw: dict[str, Any], shown: str = "<catalog>") -> Catalog:
    """Validate an already parsed TOML document and build the catalog."""
    try:
        spec = CatalogSpec.model_validate(raw)
    except ValidationError as e:
        raise CatalogError(shown, [_pydantic_problem(err) for err in e.errors()]) from None
    problems: list[str] = []
    activities = tuple(
        _activity(key, a, f"activities.{key}", problems) for key, a in spec.activities.items()
    )
    overrides = tuple(_override(spec, i, o, problems) for i, o in enumerate(spec.overrides))
    if problems:
        raise CatalogError(shown, problems)
    catalog = Catalog(
        version=spec.version,
        activities=activities,
        overrides=tuple(o for o in overrides if o is not None),
        source=spec.source,
    )
    if spec.promotion is None:
        return catalog
    return replace(
        catalog,
        promotion_discount=Decimal(str(spec.promotion.discount_at_most)),
        promotion_discount_source=spec.promotion.source,
    )


def _pydantic_problem(err: Any) -> str:
    where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in err["loc"])
    where = where.replace(".[", "[")
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = "unknown key (misspelt? see the README's catalog section)"
    elif err["type"] == "enum":
        message = f"{message}; got {err['input']!r}"
    return f"{where}: {message}"


def _activity(key: str, a: ActivitySpec, where: str, problems: list[str]) -> Activity:
    window = _window(a.cycle, a.window, f"{where}.window", problems)
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for i, c in enumerate(a.criteria):
        at = f"{where}.criteria[{i}]"
        if c.key in seen:
            problems.append(f"{at}.key: {c.key!r} is used twice in this activity; keys must differ")
        seen.add(c.key)
        built = _criterion(c, at, problems)
        if built is not None:
            criteria.append(built)
    return Activity(
        key=key,
        name_zh=a.name_zh,
        name_en=a.name_en,
        cycle=a.cycle,
        window=window,
        summary_zh=a.summary_zh,
        summary_en=a.summary_en,
        entry_uv=a.entry_uv,
        entry_uv_note_zh=a.entry_uv_note_zh or a.entry_uv_note,
        entry_uv_note_en=a.entry_uv_note_en or a.entry_uv_note,
        tips_zh=tuple(a.tips_zh),
        tips_en=tuple(a.tips_en),
        criteria=tuple(criteria),
        remind_days_before=tuple(sorted(set(a.remind_days_before), reverse=True)),
        rules_assumed=a.rules_assumed,
        note_zh=a.note_zh,
        note_en=a.note_en,
    )


_WINDOW_FIELDS: dict[Cycle, tuple[str, ...]] = {
    Cycle.YEARLY: ("event", "opens_days_before", "deadline_days_before", "event_days"),
    Cycle.QUARTERLY: ("opens_day", "deadline_day", "event_month_of_quarter"),
    Cycle.MONTHLY: ("opens_day", "deadline_day"),
    Cycle.DAILY: (),
}


def _window(cycle: Cycle, w: WindowSpec, where: str, problems: list[str]) -> WindowRule:
    given = {k for k, v in w.model_dump(exclude={"assumed"}).items() if v is not None}
    needed = set(_WINDOW_FIELDS[cycle])
    for k in sorted(given - needed):
        problems.append(f"{where}.{k}: not used by a {cycle} window; remove it")
    for k in sorted(needed - given):
        problems.append(f"{where}.{k}: a {cycle} window needs it")
    for k in sorted(set(w.assumed) - needed):
        problems.append(f"{where}.assumed: {k!r} is not a field of a {cycle} window")
    assumed = frozenset(w.assumed)
    if needed - given or cycle is Cycle.DAILY:
        return DailyWindow(assumed)
    if cycle is Cycle.YEARLY:
        return _yearly_window(w, where, assumed, problems)
    assert w.opens_day is not None and w.deadline_day is not None
    if w.opens_day > w.deadline_day:
        problems.append(
            f"{where}.deadline_day: sign-up would close (day {w.deadline_day}) before it opens "
            f"(day {w.opens_day}); make deadline_day at least opens_day"
        )
    if cycle is Cycle.QUARTERLY:
        assert w.event_month_of_quarter is not None
        if w.event_month_of_quarter < 2:
            problems.append(
                f"{where}.event_month_of_quarter: the deadline falls in the quarter's first month, "
                "after the event would start; use 2 or 3"
            )
        return QuarterlyWindow(w.opens_day, w.deadline_day, w.event_month_of_quarter, assumed)
    return MonthlyWindow(w.opens_day, w.deadline_day, assumed)


def _yearly_window(
    w: WindowSpec, where: str, assumed: frozenset[str], problems: list[str]
) -> WindowRule:
    assert w.event and w.opens_days_before and w.deadline_days_before is not None and w.event_days
    month, day = (int(p) for p in w.event.split("-"))
    try:
        dt.date(2001, month, day)  # a common year: Feb 29 has no occurrence most years
    except ValueError:
        problems.append(f"{where}.event: {w.event!r} is not a date that occurs every year (MM-DD)")
        month, day = 1, 1
    if w.deadline_days_before < 1:
        problems.append(
            f"{where}.deadline_days_before: sign-up would close after the event starts; "
            "the deadline must be at least 1 day before the event"
        )
    if w.opens_days_before <= w.deadline_days_before:
        problems.append(
            f"{where}.opens_days_before: sign-up must open before its deadline "
            f"({w.opens_days_before} ≤ {w.deadline_days_before} days before the event)"
        )
    return YearlyWindow(
        month, day, w.opens_days_before, w.deadline_days_before, w.event_days, assumed
    )


def _criterion(c: CriterionSpec, where: str, problems: list[str]) -> Criterion | None:
    fig = figure(c.scope, c.figure)
    if fig is None:
        problems.append(f"{where}.figure: {c.figure!r} is not a {c.scope} figure")
        return None
    threshold = _threshold(fig, c.op, c.threshold, f"{where}.threshold", problems)
    said = op_of(c.deck) if c.op in ORDERING_OPS else None
    if said is not None and said is not c.op:
        words = "、".join(comparison_words(c.deck))
        problems.append(
            f"{where}.op: the deck's words {c.deck!r} ({words}) mean {said.value!r}, not "
            f"{c.op.value!r}; 以上/以下/以内/不低于/不超过 include the number, 大于/小于/低于/超过 "
            "exclude it"
        )
    waived = _condition(c.waived_when, c.scope, f"{where}.waived_when", problems)
    applies = _condition(c.applies_when, c.scope, f"{where}.applies_when", problems)
    if threshold is None:
        return None
    return Criterion(
        key=c.key,
        label_zh=c.label_zh or fig.label_zh,
        label_en=c.label_en or fig.label_en,
        kind=c.kind,
        scope=c.scope,
        figure=c.figure,
        op=c.op,
        threshold=threshold,
        source=c.source,
        unit=c.unit,
        waived_when=waived,
        applies_when=applies,
        note_zh=c.note_zh,
        note_en=c.note_en,
        deck=c.deck,
        exception_zh=c.exception_zh,
        exception_en=c.exception_en,
    )


def _condition(
    spec: ConditionSpec | None, scope: Scope, where: str, problems: list[str]
) -> Condition | None:
    if spec is None:
        return None
    fig = figure(scope, spec.figure)
    if fig is None:
        problems.append(f"{where}.figure: {spec.figure!r} is not a {scope} figure")
        return None
    value = _threshold(fig, spec.op, spec.value, f"{where}.value", problems)
    return None if value is None else Condition(spec.figure, spec.op, value)


def _threshold(fig: Figure, op: Op, raw: Any, where: str, problems: list[str]) -> Threshold | None:
    """The threshold converted to the figure's type, or None with a problem recorded."""
    if not fig.allows(op):
        problems.append(f"{where}: {fig.name} ({fig.type}) cannot be compared with {op.value!r}")
        return None
    if fig.type in NUMERIC:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            problems.append(f"{where}: {fig.name} is a number; write a number, not {raw!r}")
            return None
        value = Decimal(str(raw))
        if value < 0 or (fig.maximum is not None and value > Decimal(str(fig.maximum))):
            top = f" to {fig.maximum:g}" if fig.maximum is not None else ""
            problems.append(f"{where}: {raw!r} is out of range for {fig.name} (0{top})")
            return None
        if fig.type in (FigureType.COUNT, FigureType.MEDAL) and value != value.to_integral():
            problems.append(f"{where}: {fig.name} is a whole number; {raw!r} is not")
            return None
        return value
    if fig.type is FigureType.BOOL:
        if not isinstance(raw, bool):
            problems.append(f"{where}: {fig.name} is yes/no; write true or false, not {raw!r}")
            return None
        return raw
    # CHOICE
    values = raw if op is Op.ONE_OF else [raw]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        form = "a list of strings" if op is Op.ONE_OF else "a string"
        problems.append(f"{where}: {fig.name} with {op.value!r} needs {form}, not {raw!r}")
        return None
    unknown = [v for v in values if v not in fig.choices]
    if unknown:
        problems.append(f"{where}: {unknown} not among {list(fig.choices)}")
        return None
    return tuple(values) if op is Op.ONE_OF else values[0]


def _override(
    spec: CatalogSpec, i: int, o: OverrideSpec, problems: list[str]
) -> DateOverride | None:
    where = f"overrides[{i}]"
    activity = spec.activities.get(o.activity)
    if activity is None:
        problems.append(f"{where}.activity: {o.activity!r} is not an activity of this catalog")
        return None
    if activity.cycle is Cycle.DAILY:
        problems.append(f"{where}.activity: {o.activity!r} is daily; it has no dates to override")
        return None
    if not re.match(period_pattern(activity.cycle), o.period):
        problems.append(
            f"{where}.period: {o.period!r} is not a {activity.cycle} period "
            "(e.g. 2027, 2027-Q1, 2027-03)"
        )
        return None
    if not o.opens_on < o.deadline_on < o.event_starts_on <= o.event_ends_on:
        problems.append(
            f"{where}: dates must run opens_on < deadline_on < event_starts_on ≤ "
            "event_ends_on; a deadline after its event cannot be signed up for"
        )
        return None
    same = [x for x in spec.overrides[:i] if (x.activity, x.period) == (o.activity, o.period)]
    if same:
        problems.append(f"{where}: {o.activity} {o.period} is overridden twice; keep one")
        return None
    return DateOverride(
        o.activity, o.period, o.opens_on, o.deadline_on, o.event_starts_on, o.event_ends_on
    )
