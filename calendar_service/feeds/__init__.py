"""iCalendar feeds: the public catalog feed, each store's private feed, and feeds over several
stores for agency staff.

`plan` decides which events a feed holds and what they say (the verdict first); `ics` writes
them with the icalendar package; `build_feed` ties the two; `parse_options` reads a
subscriber's choices (cycles, alarms, language) from the feed URL's query.
"""

from calendar_service.feeds.build import build_feed, feed_range
from calendar_service.feeds.ics import scoped
from calendar_service.feeds.options import FeedOptionError, FeedOptions, parse_options
from calendar_service.feeds.plan import Planned, plan_events
from calendar_service.feeds.sequence import sequence_on
from calendar_service.feeds.texts import Role, Standing

__all__ = [
    "FeedOptionError",
    "FeedOptions",
    "Planned",
    "Role",
    "Standing",
    "build_feed",
    "feed_range",
    "parse_options",
    "plan_events",
    "scoped",
    "sequence_on",
]
