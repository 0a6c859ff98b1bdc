"""Build a feed: occurrences in, the bytes of an iCalendar object out. Pure: no clock, no I/O.

Every event is all-day (VALUE=DATE, DTEND the day after the last day): windows are whole days
in the catalog's time zone, so no TZID, no VTIMEZONE and no UTC conversion is needed, and a
daily series ends with a DATE-valued UNTIL, as RFC 5545 requires when DTSTART is a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar
from urllib.parse import quote

from calendar_service.domain.catalog import Activity, Catalog
from calendar_service.domain.cycles import DAY, Occurrence
from calendar_service.domain.holidays import HolidayCalendar
from calendar_service.feeds import texts
from calendar_service.feeds.options import FeedOptions, Lang, format_duration
from calendar_service.feeds.sequence import sequence_by_override
from calendar_service.feeds.texts import Role
from calendar_service.feeds.wire import (
    check_uri,
    content_line,
    escape_text,
    fold,
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
MEMO_LIMIT = 50_000  # catalog-derived event parts kept between builds
T = TypeVar("T")

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
    holidays: HolidayCalendar | None = None,
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
    chunks = [serialize(_calendar_lines(name, about, url, refresh, options.lang))]
    memo = catalog.memo
    if len(memo) > MEMO_LIMIT:  # many option variants over a long life: start again
        memo.clear()
    lang = options.lang
    stamp_line = fold(content_line("DTSTAMP", stamp))
    scope = "" if uid_scope is None else ":" + quote(uid_scope, safe="-._~")
    seen: set[str] = set()
    for occ in occurrences:
        if occ.cycle not in options.cycles:
            continue
        if occ.key in seen:
            raise ValueError(f"occurrence {occ.key} is given twice; its events' UIDs would clash")
        seen.add(occ.key)
        activity = catalog.activity(occ.activity)
        sequence = (sequence_of or sequence_by_override)(occ)
        if sequence < 0:
            raise ValueError(f"SEQUENCE of {occ.key} is {sequence}; it must be >= 0")
        link = link_of(occ) if link_of is not None else None
        # The catalog's part of the occurrence's events, built once per catalog and variant.
        body, parts = _memo(
            memo,
            (occ, lang, options.alarms, link, None if holidays is None else id(holidays)),
            _catalog_part,
            activity,
            occ,
            options,
            link,
            holidays,
        )
        extra = describe(occ) if describe is not None else None
        if extra:
            extra = texts.shorten(extra, describe_octets, lang)
        # Folded once: an occurrence's events share their description.
        text = f"{body}\\n\\n{escape_text(extra)}" if extra else body  # escaped TEXT
        description_line = fold(content_line("DESCRIPTION", text))
        sequence_line = fold(content_line("SEQUENCE", str(sequence)))
        for uid_local, head, tail in parts:
            chunks += [
                b"BEGIN:VEVENT\r\n",
                fold(f"UID:{uid_local}{scope}@{UID_DOMAIN}"),
                stamp_line,
                sequence_line,
                head,
                description_line,
                tail,
            ]
    chunks.append(b"END:VCALENDAR\r\n")
    return b"".join(chunks)


Part = tuple[str, bytes, bytes]  # an event's UID without scope, its folded head and tail


def _catalog_part(
    activity: Activity,
    occ: Occurrence,
    options: FeedOptions,
    link: str | None,
    holidays: HolidayCalendar | None = None,
) -> tuple[str, list[Part]]:
    """The occurrence's escaped description body, and per event its UID and catalog lines."""
    lang = options.lang
    body = escape_text(texts.description(activity, occ, lang, holidays))
    parts = [
        (
            f"{occ.key}:{role.value}",
            _head(activity, occ, role, first, end, lang),
            _tail(activity, occ, role, lang, options, link),
        )
        for role, first, end in _parts(occ)
    ]
    return body, parts


def _memo(memo: dict[Hashable, object], key: Hashable, make: Callable[..., T], *args: object) -> T:
    """`make(*args)`, computed once per `key` for the catalog's lifetime."""
    found = memo.get(key)
    if found is None:
        found = memo[key] = make(*args)
    return found  # type: ignore[return-value]  # each key's kind is fixed by its first element


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


def _head(
    activity: Activity, occ: Occurrence, role: Role, first: dt.date, end: dt.date, lang: Lang
) -> bytes:
    """An event's folded lines from DTSTART to SUMMARY: the catalog's alone."""
    return serialize(_head_lines(activity, occ, role, first, end, lang))


def _tail(
    activity: Activity,
    occ: Occurrence,
    role: Role,
    lang: Lang,
    options: FeedOptions,
    link: str | None,
) -> bytes:
    """An event's folded lines after DESCRIPTION."""
    return serialize(_tail_lines(activity, occ, role, lang, options, link))


def _head_lines(
    activity: Activity, occ: Occurrence, role: Role, first: dt.date, end: dt.date, lang: Lang
) -> list[str]:
    """An event's lines from DTSTART to SUMMARY: the catalog's alone."""
    out = [
        content_line("DTSTART", _date(first), [("VALUE", "DATE")]),
        content_line("DTEND", _date(end), [("VALUE", "DATE")]),
    ]
    if occ.repeats_until is not None:
        out.append(content_line("RRULE", f"FREQ=DAILY;UNTIL={_date(occ.repeats_until)}"))
    out.append(content_line("SUMMARY", escape_text(texts.summary(activity, occ, role, lang))))
    return out


def _tail_lines(
    activity: Activity,
    occ: Occurrence,
    role: Role,
    lang: Lang,
    options: FeedOptions,
    link: str | None,
) -> list[str]:
    """An event's lines after DESCRIPTION, END:VEVENT included."""
    out = [content_line("CATEGORIES", text_list(texts.categories(occ, role, lang)))]
    if link is not None:
        out.append(content_line("URL", check_uri(link), [("VALUE", "URI")]))
    out.append("TRANSP:TRANSPARENT")
    if role is Role.DEADLINE:
        summary = texts.summary(activity, occ, role, lang)
        out += [line for before in options.alarms for line in _alarm(summary, before)]
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
