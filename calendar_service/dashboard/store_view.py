"""The store page's view: each activity's verdict as criterion bars, candidates and notes."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import qrcode  # type: ignore[import-untyped]  # qrcode ships no type hints
import qrcode.image.svg  # type: ignore[import-untyped]

from calendar_service.dashboard.criteria import Row, criterion_row
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.verdicts import Verdict
from calendar_service.services.eligibility import StoreReport

CANDIDATES = 5


@dataclass(frozen=True)
class Candidate:
    product_id: str
    title: str
    status: str
    fails: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """One activity on the store page (its anchor is the activity key)."""

    activity: str
    name: str
    status: str
    occurrence: Occurrence
    rows: tuple[Row, ...]
    forecasts: tuple[str, ...]
    notes: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    products_total: int
    data_as_of: str | None
    stale: bool


def sections(report: StoreReport, locale: str, tz: ZoneInfo) -> tuple[Section, ...]:
    """The report's verdicts, in deadline order, ready for the template."""
    return tuple(
        _section(v, report.occurrences[v.occurrence_key], locale, tz) for v in report.verdicts
    )


def _section(v: Verdict, occurrence: Occurrence, locale: str, tz: ZoneInfo) -> Section:
    candidates = tuple(
        Candidate(
            p.product_id,
            p.title or p.product_id,
            p.status,
            tuple(j.label(locale) for j in p.criteria if j.status == "fail"),
        )
        for p in v.products[:CANDIDATES]
    )
    return Section(
        activity=v.activity,
        name=v.activity_name(locale),
        status=v.status,
        occurrence=occurrence,
        rows=tuple(criterion_row(j, v, locale) for j in v.criteria),
        forecasts=tuple(f.message(locale) for f in v.forecasts),
        notes=tuple(n.text(locale) for n in v.notes),
        candidates=candidates,
        products_total=len(v.products),
        data_as_of=_when(v.data_as_of, tz),
        stale=v.stale,
    )


def _when(at: dt.datetime | None, tz: ZoneInfo) -> str | None:
    return None if at is None else f"{at.astimezone(tz):%Y-%m-%d %H:%M}"


def qr_data_uri(text: str) -> str:
    """A QR code of `text` as an SVG data: URI (no PIL needed), for phones to scan."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg: bytes = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
