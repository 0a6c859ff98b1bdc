"""Use case: the feed files served over HTTP and written by the CLI, with their cache headers."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain import formatting
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.eligibility import evaluate_store
from calendar_service.domain.verdicts import Verdict
from calendar_service.feeds import FeedOptions, Standing, build_feed, feed_range
from calendar_service.services.eligibility import HISTORY, SnapshotReader


@dataclass(frozen=True)
class FeedFile:
    body: bytes
    etag: str  # strong: a hash of the bytes
    last_modified: dt.datetime


def _feed_occurrences(catalog: Catalog, now: dt.datetime, tz: ZoneInfo) -> list[Occurrence]:
    """The occurrences of the feed's rolling range, computed once per range and catalog."""
    start, end = feed_range(now, tz)
    key = ("feed-occurrences", start, end, tz)
    found = catalog.memo.get(key)
    if found is None:
        found = catalog.memo[key] = occurrences(catalog, start, end, tz)
    return found  # type: ignore[return-value]  # the key's first element fixes the kind


def feed_file(body: bytes, stamp: dt.datetime) -> FeedFile:
    return FeedFile(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"', stamp)


def catalog_feed(
    catalog: Catalog,
    tz: ZoneInfo,
    now: dt.datetime,
    options: FeedOptions,
    base_url: str,
    data_stamp: dt.datetime,
) -> FeedFile:
    """The public feed: every activity's windows in the rolling range around `now`."""
    found = [o for o in _feed_occurrences(catalog, now, tz) if o.cycle in options.cycles]
    zh = options.lang.value == "zh"
    start = feed_range(now, tz)[0]
    body = build_feed(
        catalog,
        found,
        options=options,
        name="1688活动日历" if zh else "1688 promotion calendar",
        url=f"{base_url}/calendar.ics",
        data_stamp=data_stamp,
        # The rolling range moves the weekly series' first instance and UNTIL once a month.
        revised_on=max(data_stamp.astimezone(tz).date(), start),
        holidays=HOLIDAYS,
    )
    return feed_file(body, data_stamp)


# Notes for whoever edits the catalog (which thresholds are assumed, where to set them): the
# dashboard and the mails show them; a seller's calendar does not.
EDITORS_NOTES = frozenset({"rules-assumed", "assumed-failed"})


def standing(verdict: Verdict, locale: str, tz: ZoneInfo, who: str = "") -> Standing:
    """A verdict as a feed shows it: its status, then why, most telling reason first."""
    zh = not locale.startswith("en")
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
        value = formatting.show(j.figure, j.value, zh)
        short = f"{j.label(locale)} {value}/{formatting.show_threshold(j.figure, j.threshold, zh)}"
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
    catalog: Catalog,
    reader: SnapshotReader,
    store_id: str,
    found: list[Occurrence],
    at: dt.datetime,
    stale_after: dt.timedelta,
    locale: str,
    tz: ZoneInfo,
) -> _Judged:
    store = reader.latest_store_snapshot(store_id, at)
    history = reader.store_history(store_id, until=at, since=at - HISTORY)
    products = reader.latest_product_snapshots(store_id, at)
    # A closed window needs no verdict; the later windows of an activity share the next one's
    # (judged on the same data), except the yearly promotions, whose sales window differs.
    chosen: dict[str, Occurrence] = {}
    for occ in sorted(found, key=lambda o: o.deadline_at):
        if _still_open(occ, at):
            chosen.setdefault(_verdict_key(occ), occ)
    verdicts = {
        v.occurrence_key: v
        for v in evaluate_store(
            catalog,
            list(chosen.values()),
            store,
            products,
            history,
            at,
            stale_after,
            store_id=store_id,
            holidays=HOLIDAYS,
        )
    }
    name = store.name if store and store.name else store_id
    return _Judged(
        name,
        {k: standing(verdicts[o.key], locale, tz, name) for k, o in chosen.items()},
        store.captured_at if store else None,
    )


def _standings(judged: list[_Judged], at: dt.datetime) -> Callable[[Occurrence], list[Standing]]:
    def of(occ: Occurrence) -> list[Standing]:
        if not _still_open(occ, at):
            return []  # a closed window claims no verdict of today
        key = _verdict_key(occ)
        return [j.standings[key] for j in judged if key in j.standings]

    return of


def store_feed(
    catalog: Catalog,
    reader: SnapshotReader,
    store_id: str,
    tz: ZoneInfo,
    now: dt.datetime,
    options: FeedOptions,
    feed_url: str | None,
    catalog_stamp: dt.datetime,
    stale_after: dt.timedelta,
) -> FeedFile:
    """A store's private feed: the catalog's windows, each titled with the store's verdict."""
    return stores_feed(
        catalog, reader, [store_id], tz, now, options, feed_url, catalog_stamp, stale_after
    )


def stores_feed(
    catalog: Catalog,
    reader: SnapshotReader,
    store_ids: Sequence[str],
    tz: ZoneInfo,
    now: dt.datetime,
    options: FeedOptions,
    feed_url: str | None,
    catalog_stamp: dt.datetime,
    stale_after: dt.timedelta,
) -> FeedFile:
    """One store's feed, or one feed over several (agency staff): one event per window listing
    the stores by status. Judged as of the start of today, so the bytes change with the data or
    the day, not the clock.
    """
    if not store_ids:
        raise ValueError("a store feed needs at least one store")
    found = [o for o in _feed_occurrences(catalog, now, tz) if o.cycle in options.cycles]
    today = now.astimezone(tz).date()
    at = dt.datetime.combine(today, dt.time(), tzinfo=tz)
    locale = "zh-CN" if options.lang.value == "zh" else "en"
    judged = [
        _judge(catalog, reader, s, found, at, stale_after, locale, tz)
        for s in dict.fromkeys(store_ids)
    ]
    stamp = max([catalog_stamp, *(j.captured_at for j in judged if j.captured_at)])
    many = len(judged) > 1
    suffix = " · 1688活动日历" if locale == "zh-CN" else " · 1688 promotion calendar"
    if many:
        count = len(judged)
        head = f"{count} 家店铺" if locale == "zh-CN" else f"{count} stores"
    else:
        head = judged[0].name
    scope = f"store-{store_ids[0]}"
    if many:
        digest = hashlib.sha256("\n".join(sorted(set(store_ids))).encode()).hexdigest()[:16]
        scope = f"stores-{digest}"
    body = build_feed(
        catalog,
        found,
        options=options,
        name=head + suffix,
        url=feed_url,
        data_stamp=stamp,
        revised_on=today,  # a verdict is as of the day: its text may change with the day
        standings=_standings(judged, at),
        many=many,
        at=today,
        holidays=HOLIDAYS,
        uid_scope=scope,
    )
    return feed_file(body, stamp)


@dataclass(frozen=True)
class SubscribeLinks:
    """Where a calendar app subscribes: the feed itself, webcal:// and Google Calendar."""

    https: str
    webcal: str
    google: str


def subscribe_links(feed_url: str) -> SubscribeLinks:
    webcal = "webcal://" + feed_url.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal})
    return SubscribeLinks(feed_url, webcal, google)
