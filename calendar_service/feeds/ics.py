"""Planned events to the bytes of an iCalendar object, with the icalendar package.

Components, properties, value types, escaping, folding and CRLF are the library's. Done here
before the library sees a value, because it writes them as given and real clients stumble:
- line and paragraph separators (U+2028, U+2029, U+0085) and C0 controls leave TEXT values
  (`texts.clean`): icalendar 7 writes them raw, and node-ical splits lines at U+2028/U+2029;
- NAME and X-WR-CALNAME are given as `vText`: icalendar 7 does not know them as TEXT and would
  write `;` `,` `\\` unescaped.
tests/test_feed_library.py shows each of these behaviours of the library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from icalendar import Alarm, Calendar, Event, vText

from calendar_service.domain.locale import lang_of
from calendar_service.feeds import texts
from calendar_service.feeds.options import FeedOptions, format_duration
from calendar_service.feeds.plan import Planned

UID_DOMAIN = "calendar-service"
PRODID = "-//calendar-service//1688 promotion calendar//"


@dataclass(frozen=True)
class Head:
    """The calendar's own properties."""

    name: str
    description: str
    url: str | None
    refresh: dt.timedelta


def check_uri(value: str) -> str:
    """A URI value as is; ValueError when it holds whitespace or controls a line cannot carry."""
    if not value or any(c.isspace() or ord(c) < 0x20 or c == "\x7f" for c in value):
        raise ValueError(f"{value!r} is not a URI a calendar line can carry (empty or whitespace)")
    return value


def scoped(local: str, scope: str | None) -> str:
    """`promo-327:2027:deadline:store-42@calendar-service`: stable, and unique per store."""
    if scope is not None:
        local += ":" + quote(scope, safe="-._~")
    return f"{local}@{UID_DOMAIN}"


def write(
    head: Head,
    events: Iterable[Planned],
    options: FeedOptions,
    *,
    stamp: dt.datetime,
    sequence: int,
    scope: str | None = None,
) -> bytes:
    """The feed's bytes: the same arguments always give the same bytes."""
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID + lang_of(options.lang).upper())
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = vText(texts.one_line(head.name))
    about = vText(texts.clean(head.description))
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)  # Apple, Google, Outlook
    cal.add("description", about)
    cal.add("x-wr-caldesc", about)
    if head.url is not None:
        cal.add("url", check_uri(head.url), parameters={"VALUE": "URI"})
        cal.add("source", check_uri(head.url), parameters={"VALUE": "URI"})
    cal.add("refresh-interval", head.refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", format_duration(head.refresh))
    stamp_utc = stamp.astimezone(dt.UTC)
    for planned in events:
        cal.add_component(_event(planned, options, stamp_utc, sequence, scope))
    data: bytes = cal.to_ical()
    return data


def _event(
    planned: Planned, options: FeedOptions, stamp: dt.datetime, sequence: int, scope: str | None
) -> Event:
    event = Event()
    event.add("uid", scoped(planned.uid, scope))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", planned.first)
    event.add("dtend", planned.end)
    if planned.weekly_until is not None:
        event.add("rrule", {"FREQ": "WEEKLY", "UNTIL": planned.weekly_until})
    event.add("summary", planned.summary)
    event.add("description", planned.description)
    event.add("categories", list(texts.categories(planned.cycle, planned.role, options.lang)))
    if planned.link is not None:
        event.add("url", check_uri(planned.link), parameters={"VALUE": "URI"})
    event.add("transp", "TRANSPARENT")
    if planned.alarms:
        for before in options.alarms:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", planned.summary)
            alarm.add("trigger", -before)
            event.add_component(alarm)
    return event
