"""Use case: the feed files served over HTTP and written by the CLI, with their cache headers."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import occurrences
from calendar_service.feeds import FeedOptions, build_feed, feed_range


@dataclass(frozen=True)
class FeedFile:
    body: bytes
    etag: str  # strong: a hash of the bytes
    last_modified: dt.datetime


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
    start, end = feed_range(now, tz)
    found = [o for o in occurrences(catalog, start, end, tz) if o.cycle in options.cycles]
    zh = options.lang.value == "zh"
    body = build_feed(
        catalog,
        found,
        options=options,
        name="1688活动日历" if zh else "1688 promotion calendar",
        url=f"{base_url}/calendar.ics",
        data_stamp=data_stamp,
    )
    return feed_file(body, data_stamp)
