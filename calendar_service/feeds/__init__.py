"""iCalendar feeds: the public catalog feed and each store's private feed.

`build_feed` turns occurrences into the bytes of a feed; `parse_options` reads a subscriber's
choices (cycles, alarms, language) from the feed URL's query.

Serialization is hand-written (`wire`) rather than icalendar's: icalendar 7 gives random UIDs and
a DTSTAMP of now (`Event.new`), writes an aware UNTIL as local time with neither Z nor zone,
writes TZID= without a VTIMEZONE unless asked, and folds inside backslash escapes. Every property
of the feed is pinned byte by byte in tests/test_feeds.py, and five independent parsers (ical.js
among them) must expand it alike in tests/test_feed_parsers.py.
"""

from calendar_service.feeds.build import build_feed, feed_range, uid
from calendar_service.feeds.options import FeedOptionError, FeedOptions, Lang, parse_options
from calendar_service.feeds.sequence import Revision, revise, sequence_by_override
from calendar_service.feeds.texts import Role

__all__ = [
    "FeedOptionError",
    "FeedOptions",
    "Lang",
    "Revision",
    "Role",
    "build_feed",
    "feed_range",
    "parse_options",
    "revise",
    "sequence_by_override",
    "uid",
]
