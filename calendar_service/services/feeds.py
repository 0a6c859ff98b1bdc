"""Use case: the feed files served over HTTP and written by the CLI, with their cache headers."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.eligibility import evaluate_store
from calendar_service.domain.verdicts import Verdict
from calendar_service.feeds import FeedOptions, build_feed, feed_range
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
    body = build_feed(
        catalog,
        found,
        options=options,
        name="1688活动日历" if zh else "1688 promotion calendar",
        url=f"{base_url}/calendar.ics",
        data_stamp=data_stamp,
        holidays=HOLIDAYS,
    )
    return feed_file(body, data_stamp)


def verdict_text(verdict: Verdict, locale: str, tz: ZoneInfo) -> str:
    """A verdict as the plain text of a calendar event: status, what fails, data date."""
    zh = not locale.startswith("en")
    status = {
        "eligible": ("符合报名条件", "eligible"),
        "ineligible": ("不符合报名条件", "not eligible"),
        "unknown": ("无法判断(缺少数据)", "unknown (data missing)"),
        "invitation": ("邀约制活动", "by invitation"),
    }[verdict.status][0 if zh else 1]
    lines = [f"{'本店状态' if zh else 'This store'}: {status}"]
    for j in verdict.criteria:
        if j.status in ("fail", "unknown"):
            lines.append(("✗ " if j.status == "fail" else "? ") + j.message(locale))
            forecast = verdict.forecast_for(j.key)
            if forecast is not None:
                lines.append("  " + forecast.message(locale))
    lines += [f"! {n.text(locale)}" for n in verdict.notes]
    if verdict.data_as_of is not None:
        label = "数据日期" if zh else "data as of"
        lines.append(f"{label} {verdict.data_as_of.astimezone(tz):%Y-%m-%d %H:%M}")
    return "\n".join(lines)


def _still_open(occ: Occurrence, at: dt.datetime) -> bool:
    return occ.is_series or occ.deadline_at > at


def _verdict_key(occ: Occurrence) -> str:
    return occ.key if occ.cycle is Cycle.YEARLY else occ.activity


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
    """A store's private feed: the catalog's windows with the store's verdict in each event.

    Judged as of the start of today, so the bytes change with the data or the day, not the clock.
    """
    found = [o for o in _feed_occurrences(catalog, now, tz) if o.cycle in options.cycles]
    at = dt.datetime.combine(now.astimezone(tz).date(), dt.time(), tzinfo=tz)
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
    locale = "zh-CN" if options.lang.value == "zh" else "en"
    texts = {k: verdict_text(verdicts[o.key], locale, tz) for k, o in chosen.items()}
    stamp = max(catalog_stamp, store.captured_at) if store else catalog_stamp
    title = (store.name if store and store.name else store_id) + (
        " · 1688活动日历" if locale == "zh-CN" else " · 1688 promotion calendar"
    )
    body = build_feed(
        catalog,
        found,
        options=options,
        name=title,
        url=feed_url,
        data_stamp=stamp,
        describe=lambda occ: texts.get(_verdict_key(occ)) if _still_open(occ, at) else None,
        holidays=HOLIDAYS,
        uid_scope=f"store-{store_id}",
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
