"""Use case: what a feed says about stores: each store's standing on each open window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from calendar_service.domain import formatting
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.locale import Locale
from calendar_service.domain.notes import EDITORS_NOTES
from calendar_service.domain.verdicts import Verdict
from calendar_service.feeds import Standing
from calendar_service.services.eligibility import SnapshotReader, judge_store

# Notes for whoever edits the catalog (which thresholds are assumed, where to set them): the
# dashboard and the mails show them; a seller's calendar does not.


def standing(verdict: Verdict, locale: Locale, tz: ZoneInfo, who: str = "") -> Standing:
    """A verdict as a feed shows it: its status, then why, most telling reason first."""
    zh = locale == "zh-CN"
    failed = [j for j in verdict.criteria if j.status == "fail"]
    missing = [j for j in verdict.criteria if j.status == "unknown"]
    reasons: list[str] = []
    if verdict.status == "invitation":
        reasons += [j.message(locale) for j in verdict.criteria if j.status == "signal"]
    elif verdict.status == "eligible":
        reasons.append("符合全部报名条件" if zh else "meets every requirement")
    for j in (*failed, *missing):
        reasons.append(j.message(locale))
        forecast = verdict.forecast_for(j.key)
        if forecast is not None:
            reasons.append(forecast.message(locale))
    reasons += [n.text(locale) for n in verdict.notes if n.code not in EDITORS_NOTES]
    data_as_of = ""
    if verdict.data_as_of is not None:
        label = "数据日期" if zh else "data as of"
        data_as_of = f"{label} {verdict.data_as_of.astimezone(tz):%Y-%m-%d %H:%M}"
    short = ""
    if failed:
        j = failed[0]
        value = formatting.show(j.figure, j.value, locale)
        need = formatting.show_threshold(j.figure, j.threshold, locale)
        short = f"{j.label(locale)} {value}/{need}"
    return Standing(verdict.status, tuple(reasons), short, who, data_as_of)


def _still_open(occ: Occurrence, at: dt.datetime) -> bool:
    return occ.is_series or occ.deadline_at > at


def _verdict_key(occ: Occurrence) -> str:
    return occ.key if occ.cycle is Cycle.YEARLY else occ.activity


@dataclass(frozen=True)
class _Judged:
    """One store's standings for the open windows of a feed, by verdict key."""

    name: str
    standings: dict[str, Standing]
    captured_at: dt.datetime | None


def _judge(
    evaluator: Evaluator,
    catalog: Catalog,
    reader: SnapshotReader,
    store_id: str,
    found: list[Occurrence],
    at: dt.datetime,
    stale_after: dt.timedelta,
    locale: Locale,
    tz: ZoneInfo,
) -> _Judged:
    store = reader.latest_store_snapshot(store_id, at)
    # A closed window needs no verdict; the later windows of an activity share the next one's
    # (judged on the same data), except the yearly promotions, whose sales window differs.
    chosen: dict[str, Occurrence] = {}
    for occ in sorted(found, key=lambda o: o.deadline_at):
        if _still_open(occ, at):
            chosen.setdefault(_verdict_key(occ), occ)
    judged = judge_store(
        evaluator, catalog, reader, store_id, store, list(chosen.values()), at, stale_after
    )
    verdicts = {v.occurrence_key: v for v in judged}
    name = store.name if store and store.name else store_id
    return _Judged(
        name,
        {k: standing(verdicts[o.key], locale, tz, name) for k, o in chosen.items()},
        store.captured_at if store else None,
    )


@dataclass(frozen=True)
class Judged:
    """Several stores judged as of one instant: their names, data dates and standings."""

    stores: tuple[_Judged, ...]
    at: dt.datetime

    @property
    def names(self) -> list[str]:
        return [j.name for j in self.stores]

    @property
    def captured(self) -> list[dt.datetime]:
        return [j.captured_at for j in self.stores if j.captured_at is not None]

    def standings(self, occ: Occurrence) -> list[Standing]:
        """The stores' standings on `occ`: none once its window closed (no verdict of today)."""
        if not _still_open(occ, self.at):
            return []
        key = _verdict_key(occ)
        return [j.standings[key] for j in self.stores if key in j.standings]


def judge_stores(
    catalog: Catalog,
    reader: SnapshotReader,
    store_ids: Sequence[str],
    found: list[Occurrence],
    at: dt.datetime,
    stale_after: dt.timedelta,
    locale: Locale,
    tz: ZoneInfo,
    evaluator: Evaluator | None = None,
) -> Judged:
    """Each store (once, in the order given) judged on the open windows among `found`, by
    `evaluator` (a new one, for these stores, when none is given)."""
    evaluator = evaluator or Evaluator()
    stores = [
        _judge(evaluator, catalog, reader, s, found, at, stale_after, locale, tz)
        for s in dict.fromkeys(store_ids)
    ]
    return Judged(tuple(stores), at)
