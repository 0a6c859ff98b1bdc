"""Use case: the feed files served over HTTP and written by the CLI, with their cache headers."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from functools import cached_property
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.feeds import FeedOptions, build_feed, feed_range
from calendar_service.services.eligibility import SnapshotReader
from calendar_service.services.feed_verdicts import judge_stores


@dataclass(frozen=True)
class FeedFile:
    """A built feed and its validators; its gzip form made once, on first request."""

    body: bytes
    etag: str  # strong: a hash of the bytes
    last_modified: dt.datetime  # no earlier than the last change of the bytes

    @cached_property
    def gzipped(self) -> bytes:
        # mtime=0: the same body always compresses to the same bytes (and ETag).
        return gzip.compress(self.body, compresslevel=6, mtime=0)

    @cached_property
    def http_date(self) -> str:
        """`Last-Modified` as HTTP writes it: formatted once, for the many requests served."""
        return format_datetime(self.last_modified.astimezone(dt.UTC), usegmt=True)

    @property
    def gzip_etag(self) -> str:
        """A strong ETag of its own for the gzip form (RFC 9110 §8.8.3: per representation)."""
        return self.etag[:-1] + '-gzip"'


# Monthly and quarterly windows are shown up to the end of the third month after this one: they
# repeat, a seller plans them a season ahead, not a year (their verdict is the next window's
# anyway), and each is an event to write. The yearly promotions keep the feed's whole range.
SHORT_HORIZON = frozenset({Cycle.MONTHLY, Cycle.QUARTERLY})
HORIZON_MONTHS = 3


# The occurrences of a feed's range, by catalog (identity: hashing one walks every criterion),
# range and zone; the catalog is kept with them so that its id cannot be reused meanwhile.
_OCCURRENCES: dict[tuple[int, dt.date, dt.date, str], tuple[Catalog, list[Occurrence]]] = {}
_OCCURRENCES_KEPT = 16  # a few catalogs over a process's life, one range a month


def _feed_occurrences(catalog: Catalog, now: dt.datetime, tz: ZoneInfo) -> list[Occurrence]:
    """The occurrences of the feed's rolling range, computed once per range and catalog."""
    start, end = feed_range(now, tz)
    key = (id(catalog), start, end, tz.key)
    found = _OCCURRENCES.get(key)
    if found is not None and found[0] is catalog:
        return found[1]
    horizon = now.astimezone(tz).date().replace(day=1)
    for _ in range(HORIZON_MONTHS + 1):
        horizon = (horizon.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    made = [
        o
        for o in occurrences(catalog, start, end, tz)
        if o.cycle not in SHORT_HORIZON or o.opens_on < horizon
    ]
    if len(_OCCURRENCES) >= _OCCURRENCES_KEPT:
        _OCCURRENCES.clear()
    _OCCURRENCES[key] = (catalog, made)
    return made


def feed_file(body: bytes, modified: dt.datetime) -> FeedFile:
    """`body` with its ETag; `modified` must be no earlier than the bytes last changed."""
    return FeedFile(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"', modified)


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
    zh = options.lang == "zh-CN"
    # The rolling range (the weekly series' first instance and UNTIL, the windows shown) moves
    # with the month of `now`, not with its own first day, which can lie before the data's.
    month = now.astimezone(tz).date().replace(day=1)
    body = build_feed(
        catalog,
        found,
        options=options,
        name="1688活动日历" if zh else "1688 promotion calendar",
        url=f"{base_url}/calendar.ics",
        data_stamp=data_stamp,
        revised_on=max(data_stamp.astimezone(tz).date(), month),
        holidays=HOLIDAYS,
    )
    return feed_file(body, max(data_stamp, dt.datetime.combine(month, dt.time(), tzinfo=tz)))


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
    evaluator: Evaluator | None = None,
) -> FeedFile:
    """A store's private feed: the catalog's windows, each titled with the store's verdict."""
    return stores_feed(
        catalog,
        reader,
        [store_id],
        tz,
        now,
        options,
        feed_url,
        catalog_stamp,
        stale_after,
        evaluator,
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
    evaluator: Evaluator | None = None,
) -> FeedFile:
    """One store's feed, or one feed over several (agency staff): one event per window listing
    the stores by status. Judged as of the start of today, so the bytes change with the data or
    the day, not the clock. A long-lived process passes its `evaluator` (the rulebook, the
    windows' plans and the judgements it has made stay warm from one feed to the next).
    """
    if not store_ids:
        raise ValueError("a store feed needs at least one store")
    found = [o for o in _feed_occurrences(catalog, now, tz) if o.cycle in options.cycles]
    today = now.astimezone(tz).date()
    at = dt.datetime.combine(today, dt.time(), tzinfo=tz)
    locale = options.lang
    judged = judge_stores(catalog, reader, store_ids, found, at, stale_after, locale, tz, evaluator)
    stamp = max([catalog_stamp, *judged.captured])
    many = len(judged.names) > 1
    suffix = " · 1688活动日历" if locale == "zh-CN" else " · 1688 promotion calendar"
    if many:
        count = len(judged.names)
        head = f"{count} 家店铺" if locale == "zh-CN" else f"{count} stores"
    else:
        head = judged.names[0]
    body = build_feed(
        catalog,
        found,
        options=options,
        name=head + suffix,
        url=feed_url,
        data_stamp=stamp,
        revised_on=today,  # a verdict is as of the day: its text may change with the day
        standings=judged.standings,
        many=many,
        at=today,
        holidays=HOLIDAYS,
        uid_scope=feed_scope(store_ids),
    )
    # The bytes change with the data or the day (verdicts are as of the day), never later.
    return feed_file(body, max(stamp, at))


def feed_scope(store_ids: Sequence[str]) -> str:
    """What makes the UIDs of a feed its own: the store, or a hash of the set of stores."""
    ids = sorted(set(store_ids))
    if len(ids) == 1:
        return f"store-{ids[0]}"
    return "stores-" + hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]


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
