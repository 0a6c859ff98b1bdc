"""A verdict as JSON-ready data: the design's "Eligibility JSON" shape, plus a few extra keys.

Numbers are JSON numbers: whole values as integers, others as floats (exact for the figures'
precision, 15 significant digits; a longer Decimal falls back to a string). Rates stay fractions
(0.0001; the message shows 0.01%). Dates and datetimes are ISO 8601 strings. Labels and messages
are in the requested locale ('zh-CN' by default, 'en' for English).

Extra keys beyond the design: on a verdict `activity_name`, `stale`, `snapshot_captured_at`,
`products_total`, `forecasts`, `notes` ([{code, message}]) and `locale`; on a criterion `figure`,
`op`, `present` (signals), `reason` (waived / not_applicable / condition_unknown /
waiver_unknown), `source` (seed / assumed), `note`, `passes_on`, `window` and `forecast`; on a
product `rank` (1 = best candidate).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from calendar_service.domain.forecast import Forecast
from calendar_service.domain.formatting import is_zh
from calendar_service.domain.locale import DEFAULT_LOCALE
from calendar_service.domain.verdicts import Judgement, ProductVerdict, Verdict

JSON = dict[str, Any]
# The design's keys, in its order; the extras are listed in the module docstring.
VERDICT_KEYS = ("store_id", "activity", "occurrence", "status", "data_as_of", "catalog_version",
                "criteria", "products")  # fmt: skip
CRITERION_KEYS = ("key", "label", "kind", "status", "value", "threshold", "gap", "message")
PRODUCT_KEYS = ("product_id", "title", "status", "criteria")
_EXACT_DIGITS = 15


def to_json(
    verdict: Verdict, locale: str = DEFAULT_LOCALE, max_products: int | None = None
) -> JSON:
    """The verdict as a dict of JSON types; `max_products` keeps the best candidates only."""
    zh = is_zh(locale)
    products = verdict.products if max_products is None else verdict.products[:max_products]
    forecasts = {f.criterion: f for f in verdict.forecasts}
    return {
        "store_id": verdict.store_id,
        "activity": verdict.activity,
        "occurrence": verdict.occurrence_key,
        "status": verdict.status,
        "data_as_of": json_value(verdict.data_as_of),
        "catalog_version": verdict.catalog_version,
        "criteria": [criterion_json(j, locale, forecasts.get(j.key)) for j in verdict.criteria],
        "products": [product_json(p, locale, rank) for rank, p in enumerate(products, 1)],
        # extras
        "activity_name": verdict.activity_name_zh if zh else verdict.activity_name_en,
        "stale": verdict.stale,
        "snapshot_captured_at": json_value(verdict.snapshot_captured_at),
        "products_total": len(verdict.products),
        "forecasts": [forecast_json(f, locale) for f in verdict.forecasts],
        "notes": [{"code": n.code, "message": n.text(locale)} for n in verdict.notes],
        "locale": "zh-CN" if zh else "en",
    }


def criterion_json(
    j: Judgement, locale: str = DEFAULT_LOCALE, made: Forecast | None = None
) -> JSON:
    """One judgement as JSON, with the forecast made for it if any."""
    zh = is_zh(locale)
    return {
        "key": j.key,
        "label": j.label(locale),
        "kind": j.kind.value,
        "status": j.status,
        "value": json_value(j.value),
        "threshold": json_value(j.threshold),
        "gap": json_value(j.gap),
        "message": j.message(locale),
        # extras
        "figure": j.figure.name,
        "op": j.criterion.op.value,
        "present": j.present,
        "reason": j.reason,
        "source": j.source.value,
        "note": j.criterion.note_zh if zh else j.criterion.note_en,
        "passes_on": json_value(j.passes_on),
        "window": None if j.window is None else {
            "starts_at": json_value(j.window.starts_at),
            "deadline_at": json_value(j.window.deadline_at),
            "as_of": json_value(j.window.as_of),
            "phase": j.window.phase,
        },
        "forecast": None if made is None else forecast_json(made, locale),
    }  # fmt: skip


def product_json(p: ProductVerdict, locale: str = DEFAULT_LOCALE, rank: int | None = None) -> JSON:
    """One product's verdict as JSON; `rank` is its place among the candidates (1 = best)."""
    return {
        "product_id": p.product_id,
        "title": p.title,
        "status": p.status,
        "criteria": [criterion_json(j, locale) for j in p.criteria],
        "rank": rank,
    }


def forecast_json(f: Forecast, locale: str = DEFAULT_LOCALE) -> JSON:
    """A forecast as JSON."""
    return {
        "criterion": f.criterion,
        "figure": f.figure,
        "threshold": json_value(f.threshold),
        "value": json_value(f.value),
        "as_of": json_value(f.as_of),
        "slope_per_day": json_value(f.slope_per_day),
        "points": f.points,
        "passes_at": json_value(f.passes_at),
        "before_deadline": f.before_deadline,
        "message": f.message(locale),
    }


def json_value(value: object) -> Any:
    """A figure, threshold or gap as a JSON type."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        if value == value.to_integral_value():
            return int(value)
        if len(value.normalize().as_tuple().digits) <= _EXACT_DIGITS:
            return float(value)
        return str(value)
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [json_value(v) for v in value]
    raise TypeError(f"no JSON form for {value!r}")
