"""Build a feed: occurrences in, the bytes of an iCalendar object out. Pure: no clock, no I/O.

Every event is all-day (VALUE=DATE, DTEND the day after the last day): windows are whole days
in the catalog's time zone, so no TZID, no VTIMEZONE and no UTC conversion is needed, and a
daily series ends with a DATE-valued UNTIL, as RFC 5545 requires when DTSTART is a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from calendar_service.domain.catalog import Activity, Catalog
from calendar_service.domain.cycles import DAY, Occurrence
from calendar_service.feeds import texts
from calendar_service.feeds.options import FeedOptions, Lang, format_duration
from calendar_service.feeds.sequence import sequence_by_override
from calendar_service.feeds.texts import Role
from calendar_service.feeds.wire import (
    check_uri,
    content_line,
    escape_text,
    serialize,
    text_list,
)

UID_DOMAIN = "calendar-service"
PRODID = "-//calendar-service//1688 promotion calendar//"
REFRESH = dt.timedelta(hours=6)
DAYS_BACK = 60
DAYS_AHEAD = 400
# A store's text per occurrence, in UTF-8 octets: ~400 events a feed, three per occurrence, keep
# well under 1 MB with it (tests/test_feeds.py measures the worst case).
DESCRIBE_OCTETS = 1200

Describe = Callable[[Occurrence], str | None]
SequenceOf = Callable[[Occurrence], int]
LinkOf = Callable[[Occurrence], str | None]


def feed_range(
    now: dt.datetime, tz: dt.tzinfo, days_back: int = DAYS_BACK, days_ahead: int = DAYS_AHEAD
) -> tuple[dt.date, dt.date]:
    """The [start, end) days a feed covers: at least `days_back` before `now`'s day and
    `days_ahead` after it, in whole months that depend only on `now`'s month, so that a feed's
    bytes (its ETag, the first day of each daily series) change once a month, not every day.
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
    describe: Describe | None = None,
    sequence_of: SequenceOf | None = None,
    link_of: LinkOf | None = None,
    uid_scope: str | None = None,
    description: str | None = None,
    refresh: dt.timedelta = REFRESH,
    describe_octets: int = DESCRIBE_OCTETS,
) -> bytes:
    """The feed's bytes; the same arguments always give the same bytes.

    - `occurrences`: from `cycles.occurrences` over the feed's range (see `feed_range`); those
      of cycles `options` leaves out are skipped. Each occurrence's key must appear once.
    - `name`: the calendar's name (NAME, X-WR-CALNAME); `url`: where the feed is served
      (calendar URL and SOURCE), or None; `description` replaces the generated one.
    - `data_stamp`: when the data (catalog, store snapshot) last changed; every DTSTAMP.
    - `describe`: the store's text appended to an occurrence's descriptions (None: catalog feed);
      cut at a line to `describe_octets` UTF-8 octets, with a note to follow the link, so that
      no store makes its feed too big for calendar apps (Google gives up near 1 MB).
    - `sequence_of`: each occurrence's SEQUENCE; default `sequence_by_override` (see `sequence`).
    - `link_of`: the page an occurrence's events link to (URL), or None for no link.
    - `uid_scope`: set it for per-store feeds (e.g. "store-42") so that two stores' feeds in one
      client never share a UID; None gives `promo-327:2027:deadline@calendar-service`.
    """
    if data_stamp.tzinfo is None:
        raise ValueError("data_stamp must be timezone-aware (the data's time, not the clock)")
    stamp = data_stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    about = description or texts.calendar_description(catalog.version, options.cycles, options.lang)
    lines = _calendar_lines(name, about, url, refresh, options.lang)
    seen: set[str] = set()
    for occ in occurrences:
        if occ.cycle not in options.cycles:
            continue
        if occ.key in seen:
            raise ValueError(f"occurrence {occ.key} is given twice; its events' UIDs would clash")
        seen.add(occ.key)
        activity = catalog.activity(occ.activity)
        body = texts.description(activity, occ, options.lang)
        extra = describe(occ) if describe is not None else None
        if extra:
            extra = texts.shorten(extra, describe_octets, options.lang)
        event = _Event(
            occ=occ,
            activity=activity,
            options=options,
            stamp=stamp,
            sequence=(sequence_of or sequence_by_override)(occ),
            description=f"{body}\n\n{extra}" if extra else body,
            link=link_of(occ) if link_of is not None else None,
            uid_scope=uid_scope,
        )
        for role, first, end in _parts(occ):
            lines += event.lines(role, first, end)
    lines.append("END:VCALENDAR")
    return serialize(lines)


def uid(occ: Occurrence, role: Role, scope: str | None = None) -> str:
    """`promo-327:2027:deadline@calendar-service`: the same event keeps it across rebuilds."""
    local = f"{occ.key}:{role.value}"
    if scope is not None:
        local += ":" + quote(scope, safe="-._~")
    return f"{local}@{UID_DOMAIN}"


def _calendar_lines(
    name: str, about: str, url: str | None, refresh: dt.timedelta, lang: Lang
) -> list[str]:
    """The VCALENDAR's own properties: each name and description once per spelling."""
    ttl = format_duration(refresh)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line("PRODID", PRODID + lang.value.upper()),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        content_line("NAME", escape_text(name)),  # RFC 7986
        content_line("X-WR-CALNAME", escape_text(name)),  # Apple, Google, Outlook
        content_line("DESCRIPTION", escape_text(about)),
        content_line("X-WR-CALDESC", escape_text(about)),
    ]
    if url is not None:
        lines.append(content_line("URL", check_uri(url), [("VALUE", "URI")]))
        lines.append(content_line("SOURCE", check_uri(url), [("VALUE", "URI")]))
    lines.append(content_line("REFRESH-INTERVAL", ttl, [("VALUE", "DURATION")]))
    lines.append(content_line("X-PUBLISHED-TTL", ttl))
    return lines


def _parts(occ: Occurrence) -> Iterator[tuple[Role, dt.date, dt.date]]:
    """(role, first day, day after the last): DTEND of an all-day event is exclusive."""
    if occ.is_series:
        yield Role.DAILY, occ.opens_on, occ.opens_on + DAY
        return
    yield Role.SIGNUP, occ.opens_on, occ.deadline_on + DAY
    yield Role.DEADLINE, occ.deadline_on, occ.deadline_on + DAY
    yield Role.EVENT, occ.event_starts_on, occ.event_ends_on + DAY


@dataclass(frozen=True)
class _Event:
    """What an occurrence's events share; `lines` writes one of them."""

    occ: Occurrence
    activity: Activity
    options: FeedOptions
    stamp: str
    sequence: int
    description: str
    link: str | None
    uid_scope: str | None

    def __post_init__(self) -> None:
        if self.sequence < 0:
            raise ValueError(f"SEQUENCE of {self.occ.key} is {self.sequence}; it must be >= 0")

    def lines(self, role: Role, first: dt.date, end: dt.date) -> list[str]:
        occ, lang = self.occ, self.options.lang
        summary = texts.summary(self.activity, occ, role, lang)
        out = [
            "BEGIN:VEVENT",
            content_line("UID", escape_text(uid(occ, role, self.uid_scope))),
            content_line("DTSTAMP", self.stamp),
            content_line("SEQUENCE", str(self.sequence)),
            content_line("DTSTART", _date(first), [("VALUE", "DATE")]),
            content_line("DTEND", _date(end), [("VALUE", "DATE")]),
        ]
        if occ.repeats_until is not None:
            out.append(content_line("RRULE", f"FREQ=DAILY;UNTIL={_date(occ.repeats_until)}"))
        out += [
            content_line("SUMMARY", escape_text(summary)),
            content_line("DESCRIPTION", escape_text(self.description)),
            content_line("CATEGORIES", text_list(texts.categories(occ, role, lang))),
        ]
        if self.link is not None:
            out.append(content_line("URL", check_uri(self.link), [("VALUE", "URI")]))
        out.append("TRANSP:TRANSPARENT")
        if role is Role.DEADLINE:
            out += [line for before in self.options.alarms for line in _alarm(summary, before)]
        out.append("END:VEVENT")
        return out


def _alarm(summary: str, before: dt.timedelta) -> list[str]:
    """A display alarm `before` the start of the deadline day (the deadline event's start)."""
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        content_line("DESCRIPTION", escape_text(summary)),
        content_line("TRIGGER", "-" + format_duration(before)),
        "END:VALARM",
    ]


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")
