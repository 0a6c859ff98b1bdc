"""Build a feed: occurrences in, the bytes of an iCalendar object out. Pure: no clock, no I/O.

Every event is all-day (VALUE=DATE, DTEND the day after the last day): windows are whole days
in the catalog's time zone, so no TZID, no VTIMEZONE and no UTC conversion is needed, and a
weekly series ends with a DATE-valued UNTIL, as RFC 5545 requires when DTSTART is a date.
`plan` decides the events and their text; `ics` writes them with the icalendar package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import DAY, Occurrence
from calendar_service.domain.holidays import HolidayCalendar
from calendar_service.feeds import texts
from calendar_service.feeds.ics import Head, write
from calendar_service.feeds.options import FeedOptions
from calendar_service.feeds.plan import DESCRIBE_OCTETS, LinkOf, Standings, plan_events
from calendar_service.feeds.sequence import sequence_on

REFRESH = dt.timedelta(hours=6)
DAYS_BACK = 60
DAYS_AHEAD = 400


def feed_range(
    now: dt.datetime, tz: dt.tzinfo, days_back: int = DAYS_BACK, days_ahead: int = DAYS_AHEAD
) -> tuple[dt.date, dt.date]:
    """The [start, end) days a feed covers: at least `days_back` before `now`'s day and
    `days_ahead` after it, in whole months that depend only on `now`'s month, so that the
    catalog feed's bytes change once a month, not every day.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    month = now.astimezone(tz).date().replace(day=1)
    start = (month - days_back * DAY).replace(day=1)
    end = _next_month(_next_month(month) - DAY + days_ahead * DAY)
    return start, end


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + 4 * DAY).replace(day=1)


def build_feed(
    catalog: Catalog,
    occurrences: Iterable[Occurrence],
    *,
    options: FeedOptions,
    name: str,
    url: str | None,
    data_stamp: dt.datetime,
    revised_on: dt.date | None = None,
    standings: Standings | None = None,
    many: bool = False,
    at: dt.date | None = None,
    link_of: LinkOf | None = None,
    uid_scope: str | None = None,
    description: str | None = None,
    refresh: dt.timedelta = REFRESH,
    describe_octets: int = DESCRIBE_OCTETS,
    holidays: HolidayCalendar | None = None,
) -> bytes:
    """The feed's bytes; the same arguments always give the same bytes.

    - `occurrences`: from `cycles.occurrences` over the feed's range (see `feed_range`); those
      of cycles `options` leaves out are skipped. Each occurrence's key must appear once.
    - `name`: the calendar's name (NAME, X-WR-CALNAME); `url`: where the feed is served
      (calendar URL and SOURCE), or None; `description` replaces the generated one.
    - `data_stamp`: when the data (catalog, store snapshot) last changed; every DTSTAMP.
    - `revised_on`: the newest day the events depend on (see `sequence`), their SEQUENCE;
      default `data_stamp`'s day.
    - `standings`, `many`, `at`: the verdicts the events show (see `plan.plan_events`).
    - `link_of`: the page an occurrence's events link to (URL), or None for no link.
    - `uid_scope`: set it for store feeds (e.g. "store-42") so that two feeds in one client
      never share a UID; None gives `promo-327:2027:deadline@calendar-service`.
    """
    if data_stamp.tzinfo is None:
        raise ValueError("data_stamp must be timezone-aware (the data's time, not the clock)")
    events = plan_events(
        catalog,
        occurrences,
        options,
        standings=standings,
        many=many,
        at=at,
        link_of=link_of,
        holidays=holidays,
        describe_octets=describe_octets,
    )
    about = description or texts.calendar_description(catalog.version, options.cycles, options.lang)
    day = revised_on or data_stamp.astimezone(dt.UTC).date()
    head = Head(name, about, url, refresh)
    return write(
        head, events, options, stamp=data_stamp, sequence=sequence_on(day), scope=uid_scope
    )
